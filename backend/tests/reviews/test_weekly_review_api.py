from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import create_goal, make_user
from tests.home.scripted import script_week
from tests.home.test_home_api import _fill
from tests.opportunities.helpers import long_lived_user

URL = "/api/v1/reviews/weekly"

MARKDOWN = """# Week 2026-W48 (23 Nov – 29 Nov 2026)

## Action items

- DSA: 4/6 days (week before: 2)
- Walk: 1/6 days (week before: 0)

## Sprint: Torch inside out

Running score 41% against a target of 80%; 8 days left.

- DSA: 4/12 days; 8 more needed
- Walk: 1/12 days; 11 more needed, only 8 days left

## Output

| Figure | This week | Week before |
|---|---:|---:|
| Papers finished | 1 | 0 |
| Reading items finished | 1 | 0 |
| Pages read | 15 | 0 |
| Applications sent | 1 | 0 |
| Applications moved | 2 | 0 |
| Interviews held | 1 | 0 |
| Posts published | 1 | 0 |
| Implementations published | 0 | 0 |

## Goals

- Moved: DSA, Research
- Left alone: Open source

## Next steps

- DSA: 4/6 days this week; 8 more needed this sprint.
- Walk: 1/6 days this week; 11 more needed this sprint but only 8 days left — the target is \
out of reach, keep the habit.
- Open source: nothing linked to it moved this week; pick one small step.
"""


def test_review_pins_the_scripted_week(client: TestClient, set_now: Callable[[str], None]) -> None:
    week = script_week(client, set_now)
    response = client.get(f"{URL}?week=2026-W48", headers=week.user.headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    # Sunday evening: today is still open, so six days of the week have counted.
    assert [(i["name"], i["done"], i["eligible"], i["previous_done"]) for i in body["items"]] == [
        ("DSA", 4, 6, 2),
        ("Walk", 1, 6, 0),
    ]
    assert body["sprint"]["score"] == pytest.approx(5 / 12)
    assert [(i["name"], i["still_needed"], i["feasible"]) for i in body["sprint"]["items"]] == [
        ("DSA", 8, True),
        ("Walk", 11, False),
    ]
    assert body["output"] == {
        "papers_finished": 1,
        "items_finished": 1,
        "pages_read": 15.0,
        "applications_sent": 1,
        "applications_moved": 2,
        "interviews_held": 1,
        "posts_published": 1,
        "implementations_published": 0,
    }
    assert set(body["previous_output"].values()) == {0}
    assert [g["title"] for g in body["goals_moved"]] == ["DSA", "Research"]
    assert [g["title"] for g in body["goals_left_alone"]] == ["Open source"]
    assert body["next_steps"][0] == "DSA: 4/6 days this week; 8 more needed this sprint."
    assert body["saved"] is False and body["reflection"] == ""
    assert body["markdown"] == MARKDOWN

    text = client.get(
        f"{URL}?week=2026-W48", headers={**week.user.headers, "Accept": "text/markdown"}
    )
    assert text.headers["content-type"].startswith("text/markdown")
    assert text.text == MARKDOWN

    # The week before: the comparison runs the other way; no check-ins before the 16th.
    before = client.get(f"{URL}?week=2026-W47", headers=week.user.headers).json()
    assert [(i["name"], i["done"], i["previous_done"]) for i in before["items"]] == [
        ("DSA", 2, 0),
        ("Walk", 0, 0),
    ]
    assert set(before["output"].values()) == {0}


def test_a_saved_reflection_joins_the_review_and_the_history(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-29T12:00:00Z")
    user = make_user(client, timezone="Asia/Kolkata")
    assert client.get("/api/v1/reviews", headers=user.headers).json() == {"items": [], "total": 0}
    for week, text in (
        ("2026-W47", "Slow week."),
        ("2026-W48", "Good week."),
        ("2026-W48", "Great week."),
    ):
        saved = client.put(f"{URL}/{week}", json={"reflection": text}, headers=user.headers)
        assert saved.status_code == 200, saved.text
        assert saved.json()["saved"] is True
    review = client.get(URL, headers=user.headers).json()  # default: this week
    assert review["week"] == "2026-W48" and review["reflection"] == "Great week."
    assert review["markdown"].endswith("## Reflection\n\nGreat week.\n")
    history = client.get("/api/v1/reviews", headers=user.headers).json()
    assert [(r["week"], r["reflection"]) for r in history["items"]] == [
        ("2026-W48", "Great week."),
        ("2026-W47", "Slow week."),
    ]
    other = make_user(client)
    assert client.get("/api/v1/reviews", headers=other.headers).json()["total"] == 0


@pytest.mark.parametrize("week", ["2026-48", "2026-W54", "2026-W00", "x" * 300, "2026-W4"])
def test_bad_weeks_are_422(client: TestClient, week: str) -> None:
    user = make_user(client)
    assert client.get(f"{URL}?week={week}", headers=user.headers).status_code == 422
    put = client.put(f"{URL}/{week}", json={"reflection": ""}, headers=user.headers)
    assert put.status_code == 422


def test_future_weeks_are_404_and_long_notes_422(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-29T12:00:00Z")
    user = make_user(client)
    assert client.get(f"{URL}?week=2026-W50", headers=user.headers).status_code == 404
    put = client.put(f"{URL}/2026-W50", json={"reflection": "x"}, headers=user.headers)
    assert put.status_code == 404
    long = client.put(f"{URL}/2026-W48", json={"reflection": "x" * 100_001}, headers=user.headers)
    assert long.status_code == 422


def test_review_runs_a_fixed_number_of_queries(
    client: TestClient, set_now: Callable[[str], None], count_queries: Callable[[], Any]
) -> None:
    week = script_week(client, set_now)
    small = make_user(client, timezone="Asia/Kolkata")
    _fill(client, small, 1)
    counts = []
    for user in (small, week.user):
        with count_queries() as q:
            assert client.get(f"{URL}?week=2026-W48", headers=user.headers).status_code == 200
        counts.append(q.count)
    assert counts[0] == counts[1]


def test_a_topic_sprint_shows_what_it_produced(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    week = script_week(client, set_now)
    sprint = week.ids["sprint"]
    board = client.get(f"/api/v1/sprints/{sprint}/scoreboard", headers=week.user.headers).json()
    # The sprint began on the 23rd: everything of the scripted week falls inside it.
    assert board["outputs"] == {
        "papers_finished": 1,
        "items_finished": 1,
        "pages_read": 15.0,
        "applications_sent": 1,
        "applications_moved": 2,
        "interviews_held": 1,
        "posts_published": 1,
        "implementations_published": 0,
    }
    assert board["score"] == pytest.approx(5 / 12)
    review = client.get(f"/api/v1/sprints/{sprint}/review", headers=week.user.headers).text
    assert (
        "### What this sprint produced\n\n- Papers finished: 1\n- Reading items finished: 1\n"
        "- Pages read: 15\n- Applications sent: 1\n- Applications moved: 2\n"
        "- Interviews held: 1\n- Posts published: 1\n"
    ) in review


def test_a_goal_made_during_the_week_is_not_left_alone(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-20T12:00:00Z")  # the week before (2026-W47)
    user = long_lived_user(client)
    create_goal(client, user, title="Old")
    set_now("2026-11-25T12:00:00Z")  # Wednesday of 2026-W48
    create_goal(client, user, title="New")
    review = client.get(f"{URL}?week=2026-W48", headers=user.headers).json()
    assert [g["title"] for g in review["goals_left_alone"]] == ["Old"]
    assert "- Left alone: Old\n" in review["markdown"]
