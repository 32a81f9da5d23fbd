"""Home's reading and published cards are read as rows of columns (``home.activity``), not
as ORM objects validated one by one; each item must be exactly what its own endpoint gives
for it (authors and tags split as the model splits them, dates, progress, rating, links), and
the body the bytes ``HomeRead`` gives."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from kaizen.home.schemas import HomeRead
from tests.factories import (
    create_goal,
    create_portfolio_entry,
    create_reading_item,
    make_user,
)


def test_home_reading_items_are_the_reading_list_items(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-30T06:00:00Z")
    user = make_user(client, timezone="Asia/Kolkata")
    goal = create_goal(client, user)["id"]
    queued = create_reading_item(
        client,
        user,
        title="Deep Learning",
        kind="book",
        authors=["Ian Goodfellow", "Yoshua Bengio", "Aaron Courville"],
        year=2016,
        tags=["dl", "textbook"],
        progress_total=800,
    )
    create_reading_item(client, user, title="Queued last", url="https://example.org/x")
    reading = create_reading_item(
        client,
        user,
        title="Attention Is All You Need",
        authors=["Ashish Vaswani"],
        arxiv_id="1706.03762",
        tags=["transformers"],
        goal_id=goal,
        status="reading",
        progress_total=15,
        rating=5,
        notes="Section 3 twice",
    )
    client.patch(
        f"/api/v1/reading-items/{reading['id']}",
        json={"progress_current": 4.5},
        headers=user.headers,
    ).raise_for_status()
    create_reading_item(client, user, title="Finished", status="done")
    home = client.get("/api/v1/home", headers=user.headers)
    listed = client.get(
        "/api/v1/reading-items", params={"status": ["reading", "queued"]}, headers=user.headers
    )
    assert home.status_code == 200 and listed.status_code == 200
    validated = HomeRead.model_validate_json(home.content)
    assert validated.model_dump_json(by_alias=True).encode() == home.content
    by_id = {item["id"]: item for item in listed.json()["items"]}
    cards = home.json()["reading"]
    # Being read first, then the queue in its order; three at most.
    assert [c["id"] for c in cards] == [reading["id"], queued["id"], cards[2]["id"]]
    assert cards == [by_id[c["id"]] for c in cards]
    assert cards[0]["authors"] == ["Ashish Vaswani"] and cards[1]["tags"] == ["dl", "textbook"]


def test_home_published_entries_are_the_entries(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-30T06:00:00Z")
    user = make_user(client, timezone="Asia/Kolkata")
    goal = create_goal(client, user)["id"]
    entries = [
        create_portfolio_entry(
            client,
            user,
            title="Attention, explained",
            kind="blog_post",
            status="published",
            published_on="2026-11-12",
            url="https://example.org/attention",
            goal_id=goal,
            notes="Shared on the forum",
        ),
        create_portfolio_entry(
            client, user, title="Minimal GPT", status="published", published_on="2026-11-03"
        ),
        create_portfolio_entry(
            client, user, title="October", status="published", published_on="2026-10-31"
        ),
        create_portfolio_entry(client, user, title="A draft"),
    ]
    home = client.get("/api/v1/home", headers=user.headers)
    assert home.status_code == 200
    validated = HomeRead.model_validate_json(home.content)
    assert validated.model_dump_json(by_alias=True).encode() == home.content
    own = {
        e["id"]: client.get(f"/api/v1/portfolio-entries/{e['id']}", headers=user.headers).json()
        for e in entries
    }
    assert home.json()["published"] == [own[entries[1]["id"]], own[entries[0]["id"]]]
