from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import (
    check_in,
    create_application,
    create_contact,
    create_event,
    create_goal,
    create_habit,
    create_portfolio_entry,
    create_reading_item,
    create_sprint,
    make_user,
)
from tests.home.scripted import script_week


def _summary(body: dict[str, Any]) -> dict[str, Any]:
    """The payload's figures (ids and timestamps left out)."""
    sprint = body["sprint"]
    return {
        "date": body["date"],
        "timezone": body["timezone"],
        "habits": [
            (h["habit"]["name"], h["today"] and h["today"]["status"], h["current_streak"])
            for h in body["habits"]
        ],
        "sprint": sprint
        and {
            "title": sprint["title"],
            "score": sprint["board"]["score"],
            "target": sprint["board"]["target_rate"],
            "days_left": sprint["board"]["days_left"],
            "items": [
                (i["name"], i["done"], i["required"], i["still_needed"], i["feasible"])
                for i in sprint["board"]["habits"]
            ],
            "days_needed": sprint["days_needed"],
            "reachable": sprint["reachable"],
        },
        "reading": [
            (r["title"], r["status"], r["progress_current"], r["progress_total"])
            for r in body["reading"]
        ],
        "events": [(e["kind"], e["starts_at"], e["application"]["role"]) for e in body["events"]],
        "follow_ups": [(f["title"], f["reason"], f["due_on"]) for f in body["follow_ups"]],
        "active_goals": body["active_goals"],
        "idle_goals": [g["title"] for g in body["idle_goals"]],
        "published": [(p["title"], p["published_on"]) for p in body["published"]],
    }


def test_home_pins_the_scripted_week(client: TestClient, set_now: Callable[[str], None]) -> None:
    week = script_week(client, set_now)
    response = client.get("/api/v1/home", headers=week.user.headers)
    assert response.status_code == 200, response.text
    assert _summary(response.json()) == {
        "date": "2026-11-29",
        "timezone": "Asia/Kolkata",
        # DSA was done yesterday (a 1-day streak); nothing is checked in yet today.
        "habits": [("DSA", None, 1), ("Walk", None, 0)],
        # 14 days at 80%: 12 needed each; DSA has 4 and 8 days left (reachable), Walk has 1.
        "sprint": {
            "title": "Torch inside out",
            "score": pytest.approx(5 / 12),
            "target": 0.8,
            "days_left": 8,
            "items": [("DSA", 4, 12, 8, True), ("Walk", 1, 12, 11, False)],
            "days_needed": 19,
            "reachable": False,
        },
        # The finished paper left the queue.
        "reading": [("Deep Learning", "queued", 0.0, None)],
        # Wednesday 15:00 in Kolkata; the interview held on Saturday is past.
        "events": [("interview", "2026-12-02T09:30:00Z", "Research Intern")],
        "follow_ups": [("ML Engineer at Sarvam AI", "follow_up", "2026-11-28")],
        # DSA had check-ins, Research a finished paper; Open source nothing.
        "active_goals": 3,
        "idle_goals": ["Open source"],
        "published": [("Attention, explained", "2026-11-26")],
    }


def _fill(client: TestClient, user: Any, n: int) -> None:
    """``n`` of everything the home screen reads, in every domain."""
    goal = create_goal(client, user)
    habits = [
        create_habit(client, user, name=f"H{i}", goal_id=goal["id"], start_date="2026-11-23")
        for i in range(n)
    ]
    for habit in habits:
        check_in(client, user, habit["id"], "2026-11-28")
    create_sprint(client, user, habit_ids=[h["id"] for h in habits], start_date="2026-11-23")
    for i in range(n):
        create_goal(client, user, title=f"G{i}")
        create_reading_item(client, user, status="reading", goal_id=goal["id"])
        app = create_application(client, user, stage="applied", follow_up_on="2026-11-28")
        create_event(client, user, application_id=app["id"], starts_at="2026-12-01T10:00:00")
        create_contact(client, user, follow_up_on="2026-11-27")
        create_portfolio_entry(client, user, status="published", published_on="2026-11-20")


def test_home_runs_a_fixed_number_of_queries(
    client: TestClient, set_now: Callable[[str], None], count_queries: Callable[[], Any]
) -> None:
    set_now("2026-11-29T06:00:00Z")
    new, small, large = (make_user(client, timezone="Asia/Kolkata") for _ in range(3))
    _fill(client, small, 1)
    _fill(client, large, 6)
    counts = []
    for user in (new, small, large):
        with count_queries() as q:
            response = client.get("/api/v1/home", headers=user.headers)
        assert response.status_code == 200, response.text
        counts.append(q.count)
    assert len(response.json()["events"]) == 6
    assert len(response.json()["follow_ups"]) == 12
    # A new user skips the scoreboard (no sprint) and the loads of empty lists.
    assert counts[0] <= counts[1] == counts[2]


def test_new_user_gets_empty_sections(client: TestClient) -> None:
    user = make_user(client)
    body = client.get("/api/v1/home", headers=user.headers).json()
    assert body["habits"] == [] and body["sprint"] is None and body["reading"] == []
    assert body["events"] == [] and body["follow_ups"] == [] and body["idle_goals"] == []
    assert body["published"] == []
    # No goals at all, which Home tells apart from goals that all moved.
    assert body["active_goals"] == 0


def test_home_needs_sign_in(client: TestClient) -> None:
    assert client.get("/api/v1/home").status_code == 401
