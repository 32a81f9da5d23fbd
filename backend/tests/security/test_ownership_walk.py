"""Walks every route with another user's ids: user A makes one of every resource, user B calls
each route with A's ids in its path parameters and must get 404 (never 200, 403 or 500), and
nothing of A's changes. Routes are discovered from the app, so a new route is covered without
anyone writing a test for it; a path parameter the walk does not know fails the test."""

import re
from collections.abc import Callable
from datetime import date

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from kaizen.api import PUBLIC_PATHS
from tests.factories import (
    ApiUser,
    check_in,
    create_application,
    create_contact,
    create_event,
    create_goal,
    create_habit,
    create_invitation,
    create_key_result,
    create_organization,
    create_portfolio_entry,
    create_reading_item,
    create_sprint,
    create_token,
    make_user,
)

SetNow = Callable[[str], None]
DAY = "2024-11-05"


def make_everything(client: TestClient, owner: ApiUser) -> dict[str, str]:
    """One of every resource, by the path parameter name that addresses it.

    A new domain adds its factory call here (and its factory in tests/factories.py)."""
    goal = create_goal(client, owner)
    habit = create_habit(client, owner, start_date="2024-11-04", goal_id=goal["id"])
    check_in(client, owner, habit["id"], date.fromisoformat(DAY))
    sprint = create_sprint(client, owner, start_date="2024-11-04", habit_ids=[habit["id"]])
    key_result = create_key_result(client, owner, goal["id"])
    entry = create_portfolio_entry(client, owner, goal_id=goal["id"])
    token = create_token(client, owner)
    organization = create_organization(client, owner, goal_ids=[goal["id"]])
    application = create_application(client, owner, organization_id=organization["id"])
    event = create_event(client, owner, application_id=application["id"])
    contact = create_contact(client, owner, application_ids=[application["id"]])
    reading_item = create_reading_item(client, owner, goal_id=goal["id"], writeup_id=entry["id"])
    # In the walk the owner is the first account, so an admin: the other user must get 404 on
    # admin routes. (Other callers' owners may not be admins.)
    is_admin = client.get("/api/v1/me", headers=owner.headers).json()["is_admin"]
    invitation = create_invitation(client, owner) if is_admin else {"id": 0}
    return {
        "goal_id": str(goal["id"]),
        "habit_id": str(habit["id"]),
        "date": DAY,
        "sprint_id": str(sprint["id"]),
        "key_result_id": str(key_result["id"]),
        "entry_id": str(entry["id"]),
        "token_id": str(token["id"]),
        "organization_id": str(organization["id"]),
        "application_id": str(application["id"]),
        "event_id": str(event["id"]),
        "contact_id": str(contact["id"]),
        "reading_item_id": str(reading_item["id"]),
        "user_id": str(owner.id),
        "invitation_id": str(invitation["id"]),
        # A weekly review is the signed-in user's own week, never another user's row: nothing
        # of the owner's is reachable through it. A week not yet begun is a 404 for anyone.
        "week": "2099-W01",
    }


# What the owner can see; none of it may change while the other user walks.
OWNER_VIEWS = [
    "/api/v1/habits",
    "/api/v1/check-ins?from=2024-11-01&to=2024-11-20",
    "/api/v1/sprints",
    "/api/v1/goals",
    "/api/v1/portfolio-entries",
    "/api/v1/tokens",
    "/api/v1/me",
    "/api/v1/organizations",
    "/api/v1/applications",
    "/api/v1/contacts",
    "/api/v1/events?from=2026-12-01&to=2026-12-31",
    "/api/v1/reading-items",
    "/api/v1/reading-settings",
]


def _routes_with_params(app: FastAPI) -> list[tuple[str, str]]:
    routes = []
    for ctx in iter_route_contexts(app.routes):
        path = ctx.path
        if not path or not path.startswith("/api/") or path in PUBLIC_PATHS or "{" not in path:
            continue
        routes += [(method, path) for method in sorted(ctx.methods or ()) if method != "HEAD"]
    return routes


def _fill(path: str, ids: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in ids, (
            f"{path}: the ownership walk does not know the path parameter {{{name}}}. "
            "Add a factory for the resource to tests/factories.py and create one in "
            "make_everything() in tests/security/test_ownership_walk.py."
        )
        return ids[name]

    return re.sub(r"\{([^}]+)\}", replace, path)


def _views(client: TestClient, owner: ApiUser, ids: dict[str, str]) -> list[object]:
    urls = [
        *OWNER_VIEWS,
        f"/api/v1/goals/{ids['goal_id']}",
        f"/api/v1/sprints/{ids['sprint_id']}/scoreboard",
        f"/api/v1/habits/{ids['habit_id']}/stats",
    ]
    out = []
    for url in urls:
        response = client.get(url, headers=owner.headers)
        assert response.status_code == 200, url
        out.append(response.json())
    return out


def test_other_users_ids_are_404_on_every_route(
    app: FastAPI, client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-20T12:00:00Z")
    owner, other = make_user(client), make_user(client)
    ids = make_everything(client, owner)
    before = _views(client, owner, ids)
    walked = []
    for method, path in _routes_with_params(app):
        url = _fill(path, ids)
        if method == "GET":  # the ids are real: the owner reaches them
            assert client.get(url, headers=owner.headers).status_code == 200, path
        response = client.request(method, url, json={}, headers=other.headers)
        assert response.status_code == 404, f"{method} {path} answered {response.status_code}"
        walked.append((method, path))
    assert _views(client, owner, ids) == before
    assert len(walked) >= 15  # the walk saw the domains' routes


def test_an_unknown_path_parameter_fails_with_advice() -> None:
    try:
        _fill("/api/v1/widgets/{widget_id}", {"habit_id": "1"})
    except AssertionError as exc:
        assert "{widget_id}" in str(exc) and "tests/factories.py" in str(exc)
    else:
        raise AssertionError("an unknown path parameter must fail the walk")
