"""Reading items through the API: the queue, statuses and read-throughs, links, filters."""

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import ApiUser, create_reading_item, make_user

API = "/api/v1/reading-items"


def _queue(client: TestClient, user: ApiUser, **params: Any) -> list[dict[str, Any]]:
    r = client.get(API, params=params, headers=user.headers)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


def test_create_needs_only_a_title(client: TestClient, set_now: Callable[[str], None]) -> None:
    set_now("2026-11-04T09:00:00Z")
    user = make_user(client)
    r = client.post(API, json={"title": "  Attention Is All You Need "}, headers=user.headers)
    assert r.status_code == 201, r.text
    item = r.json()
    assert item["title"] == "Attention Is All You Need"
    assert item["kind"] == "paper"
    assert item["status"] == "queued"
    assert item["authors"] == [] and item["tags"] == []
    assert item["progress_current"] == 0 and item["progress_unit"] == "pages"
    assert item["position"] == 1
    assert item["citation_key"] == "anonattention"
    detail = client.get(f"{API}/{item['id']}", headers=user.headers).json()
    assert detail["status_history"] == [
        {"status": "queued", "date": "2026-11-04", "read_through": 1}
    ]


def test_full_item_round_trips(client: TestClient) -> None:
    user = make_user(client)
    body = {
        "title": "Deep Residual Learning",
        "kind": "paper",
        "authors": ["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"],
        "year": 2015,
        "venue": "CVPR",
        "url": "https://arxiv.org/abs/1512.03385",
        "arxiv_id": "1512.03385",
        "doi": "10.1109/CVPR.2016.90",
        "tags": ["Vision", "resnets", "vision"],
        "progress_total": 12,
        "progress_unit": "pages",
        "rating": 5,
        "notes": "# Skip connections\n\n*identity* shortcuts",
    }
    item = client.post(API, json=body, headers=user.headers).json()
    assert item["authors"] == body["authors"]  # order kept
    assert item["tags"] == ["vision", "resnets"]  # lower-cased, de-duplicated
    assert item["citation_key"] == "he2015deep"
    for key in ("year", "venue", "url", "arxiv_id", "doi", "rating", "notes"):
        assert item[key] == body[key]


def test_bad_input_is_a_422(client: TestClient) -> None:
    user = make_user(client)
    for body in (
        {},
        {"title": ""},
        {"title": "x" * 501},
        {"title": "x", "rating": 6},
        {"title": "x", "kind": "podcast"},
        {"title": "x", "year": 99999},
        {"title": "x", "doi": "not-a-doi"},
        {"title": "x", "arxiv_id": "../etc"},
        {"title": "x", "tags": ["a|b"]},
        {"title": "x", "authors": ["a\nb"]},
        {"title": "x", "progress_total": 0},
        {"title": "x", "goal_id": 2**40},
        {"title": "x", "surprise": 1},
    ):
        r = client.post(API, json=body, headers=user.headers)
        assert r.status_code == 422, (body, r.text)
    assert _queue(client, user) == []


def test_queue_order_survives_reorders_and_deletes(client: TestClient) -> None:
    user = make_user(client)
    ids = [create_reading_item(client, user, title=f"Item {n}")["id"] for n in range(5)]
    assert [i["id"] for i in _queue(client, user)] == ids

    new_order = [ids[3], ids[0], ids[4], ids[1], ids[2]]
    r = client.post(f"{API}/reorder", json={"reading_item_ids": new_order}, headers=user.headers)
    assert r.status_code == 200, r.text
    assert [i["id"] for i in r.json()["items"]] == new_order
    assert [i["id"] for i in _queue(client, user)] == new_order

    assert client.delete(f"{API}/{ids[0]}", headers=user.headers).status_code == 204
    remaining = [ids[3], ids[4], ids[1], ids[2]]
    assert [i["id"] for i in _queue(client, user)] == remaining
    added = create_reading_item(client, user, title="Newest")["id"]
    assert [i["id"] for i in _queue(client, user)] == [*remaining, added]

    final = [added, ids[2], ids[4], ids[3], ids[1]]
    r = client.post(f"{API}/reorder", json={"reading_item_ids": final}, headers=user.headers)
    assert r.status_code == 200
    assert [i["id"] for i in _queue(client, user)] == final
    # The deleted id, a duplicate, or another user's id change nothing.
    other = make_user(client)
    theirs = create_reading_item(client, other)["id"]
    before = [i["id"] for i in _queue(client, user)]
    for bad, code in (([ids[0]], 404), ([added, added], 422), ([theirs], 404)):
        r = client.post(f"{API}/reorder", json={"reading_item_ids": bad}, headers=user.headers)
        assert r.status_code == code, r.text
    assert [i["id"] for i in _queue(client, user)] == before
    assert [i["id"] for i in _queue(client, other)] == [theirs]


def test_status_history_and_read_throughs(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    user = make_user(client)
    set_now("2026-11-01T09:00:00Z")
    item = create_reading_item(client, user, progress_total=100)
    url = f"{API}/{item['id']}"
    set_now("2026-11-02T09:00:00Z")
    r = client.patch(url, json={"status": "reading"}, headers=user.headers).json()
    assert (r["started_on"], r["finished_on"]) == ("2026-11-02", None)
    set_now("2026-11-09T09:00:00Z")
    r = client.patch(url, json={"status": "done", "rating": 4}, headers=user.headers).json()
    assert (r["started_on"], r["finished_on"]) == ("2026-11-02", "2026-11-09")
    assert r["progress_current"] == 100
    # Reading it again is a new read-through with its own dates and progress.
    set_now("2026-11-20T09:00:00Z")
    r = client.patch(url, json={"status": "reading"}, headers=user.headers).json()
    assert r["read_through"] == 2
    assert (r["started_on"], r["finished_on"], r["progress_current"]) == ("2026-11-20", None, 0)
    history = client.get(url, headers=user.headers).json()["status_history"]
    assert [(h["status"], h["date"], h["read_through"]) for h in history] == [
        ("queued", "2026-11-01", 1),
        ("reading", "2026-11-02", 1),
        ("done", "2026-11-09", 1),
        ("reading", "2026-11-20", 2),
    ]
    # The same status again appends nothing.
    client.patch(url, json={"status": "reading"}, headers=user.headers)
    assert len(client.get(url, headers=user.headers).json()["status_history"]) == 4


def test_finishing_a_queued_item_in_one_step_starts_it_too(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-05T09:00:00Z")
    user = make_user(client)
    item = create_reading_item(client, user)
    r = client.patch(f"{API}/{item['id']}", json={"status": "done"}, headers=user.headers)
    assert (r.json()["started_on"], r.json()["finished_on"]) == ("2026-11-05", "2026-11-05")
    statuses = [
        h["status"]
        for h in client.get(f"{API}/{item['id']}", headers=user.headers).json()["status_history"]
    ]
    assert statuses == ["queued", "reading", "done"]


def test_filters(client: TestClient) -> None:
    user = make_user(client)
    a = create_reading_item(
        client,
        user,
        title="Deep Learning",
        kind="book",
        year=2016,
        tags=["dl", "fundamentals"],
        authors=["Ian Goodfellow", "Yoshua Bengio"],
    )
    b = create_reading_item(
        client,
        user,
        title="Attention 100% _done_",
        year=2017,
        tags=["transformers"],
        authors=["Ashish Vaswani"],
    )
    c = create_reading_item(client, user, title="CS231n", kind="course", tags=["dl"])
    client.patch(f"{API}/{c['id']}", json={"status": "done"}, headers=user.headers)

    def ids(**params: Any) -> list[int]:
        return [i["id"] for i in _queue(client, user, **params)]

    assert ids(kind="book") == [a["id"]]
    assert ids(tag="dl") == [a["id"], c["id"]]
    assert ids(tag="DL") == [a["id"], c["id"]]
    assert ids(tag="d") == []  # whole tags only
    assert ids(year=2017) == [b["id"]]
    assert ids(q="bengio") == [a["id"]]
    assert ids(q="ATTENTION") == [b["id"]]
    assert ids(q="100%") == [b["id"]]  # LIKE wildcards are literal
    assert ids(q="_") == [b["id"]]
    assert ids(status="done") == [c["id"]]
    assert ids(status=["queued", "reading"]) == [a["id"], b["id"]]
    r = client.get(API, params={"q": "x" * 201}, headers=user.headers)
    assert r.status_code == 422
    tags = client.get(f"{API}/tags", headers=user.headers).json()
    assert tags == ["dl", "fundamentals", "transformers"]


def test_patch_clears_and_rejects_nulls(client: TestClient) -> None:
    user = make_user(client)
    item = create_reading_item(client, user, year=2020, rating=3, notes="x")
    url = f"{API}/{item['id']}"
    r = client.patch(url, json={"year": None, "rating": None, "notes": None}, headers=user.headers)
    assert r.status_code == 200, r.text
    assert (r.json()["year"], r.json()["rating"], r.json()["notes"]) == (None, None, "")
    for body in ({"title": None}, {"status": None}, {"kind": None}):
        assert client.patch(url, json=body, headers=user.headers).status_code == 422


def test_another_users_ids_are_404(client: TestClient) -> None:
    me, them = make_user(client), make_user(client)
    goal = client.post("/api/v1/goals", json={"title": "Read a lot"}, headers=them.headers).json()
    entry = client.post(
        "/api/v1/portfolio-entries", json={"title": "Their post"}, headers=them.headers
    ).json()
    habit = client.post(
        "/api/v1/habits",
        json={"name": "Read", "kind": "numeric", "target_value": 20, "unit": "pages"},
        headers=them.headers,
    ).json()
    mine = create_reading_item(client, me)
    for field, value in (
        ("goal_id", goal["id"]),
        ("writeup_id", entry["id"]),
        ("implementation_id", entry["id"]),
    ):
        assert (
            client.post(API, json={"title": "x", field: value}, headers=me.headers).status_code
            == 404
        )
        r = client.patch(f"{API}/{mine['id']}", json={field: value}, headers=me.headers)
        assert r.status_code == 404, r.text
    r = client.put("/api/v1/reading-settings", json={"habit_id": habit["id"]}, headers=me.headers)
    assert r.status_code == 404
    theirs = create_reading_item(client, them)
    url = f"{API}/{theirs['id']}"
    assert client.get(url, headers=me.headers).status_code == 404
    assert client.patch(url, json={"title": "mine"}, headers=me.headers).status_code == 404
    assert client.delete(url, headers=me.headers).status_code == 404
    assert client.post(f"{url}/progress", json={"amount": 5}, headers=me.headers).status_code == 404
    assert client.post(f"{url}/portfolio-entry", json={}, headers=me.headers).status_code == 404
    assert client.get(url, headers=them.headers).json()["title"] == theirs["title"]
    assert _queue(client, me)[0]["goal_id"] is None


def test_links_to_my_goal_and_portfolio_entries(client: TestClient) -> None:
    user = make_user(client)
    goal = client.post("/api/v1/goals", json={"title": "Read a lot"}, headers=user.headers).json()
    impl = client.post(
        "/api/v1/portfolio-entries",
        json={"title": "minGPT", "kind": "implementation"},
        headers=user.headers,
    ).json()
    item = create_reading_item(
        client,
        user,
        goal_id=goal["id"],
        implementation_id=impl["id"],
        url="https://arxiv.org/abs/1706.03762",
    )
    assert (item["goal_id"], item["implementation_id"]) == (goal["id"], impl["id"])

    r = client.post(f"{API}/{item['id']}/portfolio-entry", json={}, headers=user.headers)
    assert r.status_code == 201, r.text
    post = r.json()
    assert post["kind"] == "blog_post" and post["status"] == "drafting"
    assert post["title"] == f"Notes on {item['title']}"
    assert post["goal_id"] == goal["id"]
    assert "https://arxiv.org/abs/1706.03762" in post["notes"]
    assert (
        client.get(f"{API}/{item['id']}", headers=user.headers).json()["writeup_id"] == post["id"]
    )
    # One write-up per item: a second start is a 409 and creates no second draft.
    r = client.post(f"{API}/{item['id']}/portfolio-entry", json={}, headers=user.headers)
    assert r.status_code == 409
    r = client.post(
        f"{API}/{item['id']}/portfolio-entry", json={"kind": "implementation"}, headers=user.headers
    )
    assert r.status_code == 409
    entries = client.get("/api/v1/portfolio-entries", headers=user.headers).json()
    assert entries["total"] == 2
    # Deleting the write-up unlinks it.
    client.delete(f"/api/v1/portfolio-entries/{post['id']}", headers=user.headers)
    assert client.get(f"{API}/{item['id']}", headers=user.headers).json()["writeup_id"] is None


def test_list_queries_are_constant(client: TestClient, count_queries: Any) -> None:
    user = make_user(client)

    def counts() -> tuple[int, ...]:
        out = []
        for params in (
            {},
            {"status": ["done", "dropped"], "sort": "finished", "kind": "paper", "q": "a"},
        ):
            with count_queries() as q:
                assert client.get(API, params=params, headers=user.headers).status_code == 200
            out.append(q.count)
        with count_queries() as q:
            assert client.get(f"{API}/stats", headers=user.headers).status_code == 200
        out.append(q.count)
        return tuple(out)

    create_reading_item(client, user, title="Solo")
    small = counts()
    for n in range(30):
        item = create_reading_item(
            client, user, title=f"A paper {n}", tags=["x"], progress_total=10
        )
        client.post(f"{API}/{item['id']}/progress", json={"amount": 4}, headers=user.headers)
        if n % 2:
            client.patch(f"{API}/{item['id']}", json={"status": "done"}, headers=user.headers)
    assert counts() == small
