"""A scripted week (ISO 2026-W48, Mon 23 – Sun 29 November) for a user in Asia/Kolkata:
check-ins on five days, one paper finished, two applications moved, one interview, one post
published. The home and weekly-review tests pin their payloads on it."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import (
    ApiUser,
    bearer_token,
    check_in,
    create_application,
    create_event,
    create_goal,
    create_habit,
    create_portfolio_entry,
    create_reading_item,
    create_sprint,
    make_user,
)

# 09:30 in Kolkata on the given day.
MORNING = "T04:00:00Z"


@dataclass
class Week:
    user: ApiUser
    ids: dict[str, int]


def _ok(response: Any) -> Any:
    assert response.status_code in (200, 201), response.text
    return response.json()


def script_week(client: TestClient, set_now: Callable[[str], None]) -> Week:
    set_now("2026-11-16" + MORNING)
    user = make_user(client, timezone="Asia/Kolkata")

    def at(moment: str) -> None:
        # Move the clock; a bearer token from the password flow is short-lived, so sign in again.
        set_now(moment if "T" in moment else moment + MORNING)
        user.headers["Authorization"] = f"Bearer {bearer_token(client, user.email)}"

    dsa = create_goal(client, user, title="DSA", area="dsa")
    research = create_goal(client, user, title="Research", area="research")
    oss = create_goal(client, user, title="Open source", area="open_source")
    gym = create_habit(client, user, name="DSA", goal_id=dsa["id"], start_date="2026-11-16")
    walk = create_habit(client, user, name="Walk", start_date="2026-11-16")
    # Last week: DSA done twice (the comparison).
    at("2026-11-20")
    check_in(client, user, gym["id"], "2026-11-17")
    check_in(client, user, gym["id"], "2026-11-19")
    paper = create_reading_item(client, user, title="Attention Is All You Need", kind="paper")
    paper = _ok(
        client.patch(
            f"/api/v1/reading-items/{paper['id']}",
            json={"status": "reading", "goal_id": research["id"], "progress_total": 15},
            headers=user.headers,
        )
    )
    create_reading_item(client, user, title="Deep Learning", kind="book")
    app_one = create_application(client, user, role="ML Engineer", stage="wishlist")
    app_two = create_application(client, user, role="Research Intern", stage="wishlist")
    sprint = create_sprint(
        client,
        user,
        title="Torch inside out",
        start_date="2026-11-23",
        end_date="2026-12-06",
        target_rate=0.8,
        habit_ids=[gym["id"], walk["id"]],
    )
    # The week.
    for day in ("2026-11-23", "2026-11-24", "2026-11-25"):
        at(day)
        check_in(client, user, gym["id"], day)
    at("2026-11-25")
    _ok(
        client.patch(
            f"/api/v1/applications/{app_one['id']}",
            json={"stage": "applied", "follow_up_on": "2026-11-28"},
            headers=user.headers,
        )
    )
    at("2026-11-26")
    _ok(
        client.post(
            f"/api/v1/reading-items/{paper['id']}/progress",
            json={"amount": 15},
            headers=user.headers,
        )
    )
    _ok(
        client.patch(
            f"/api/v1/reading-items/{paper['id']}", json={"status": "done"}, headers=user.headers
        )
    )
    create_portfolio_entry(
        client, user, title="Attention, explained", status="published", published_on="2026-11-26"
    )
    at("2026-11-27")
    check_in(client, user, walk["id"], "2026-11-27")
    _ok(
        client.patch(
            f"/api/v1/applications/{app_two['id']}",
            json={"stage": "interviewing"},
            headers=user.headers,
        )
    )
    create_event(
        client,
        user,
        application_id=app_two["id"],
        starts_at="2026-11-28T11:00:00",
        kind="interview",
    )
    at("2026-11-28")
    check_in(client, user, gym["id"], "2026-11-28")
    # Sunday evening in Kolkata; next week's interview is on the calendar.
    at("2026-11-29T13:00:00Z")
    create_event(
        client,
        user,
        application_id=app_two["id"],
        starts_at="2026-12-02T15:00:00",
        kind="interview",
    )
    return Week(
        user=user,
        ids={
            "dsa": dsa["id"],
            "research": research["id"],
            "oss": oss["id"],
            "gym": gym["id"],
            "walk": walk["id"],
            "paper": paper["id"],
            "app_one": app_one["id"],
            "app_two": app_two["id"],
            "sprint": sprint["id"],
        },
    )
