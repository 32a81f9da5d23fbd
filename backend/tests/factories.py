"""Factories that create users, credentials and every resource through the HTTP API, as a
client would. Tests of every domain use these instead of copying their own helpers; a new
domain adds its ``create_…`` here and an entry in tests/security/test_ownership_walk.py."""

import itertools
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"
_counter = itertools.count(1)


@dataclass
class ApiUser:
    id: int
    email: str
    password: str
    headers: dict[str, str]


def register(
    client: TestClient,
    *,
    email: str | None = None,
    password: str = PASSWORD,
    timezone: str = "UTC",
    display_name: str = "Tester",
) -> dict[str, object]:
    email = email or f"user{next(_counter)}@example.com"
    response = client.post(
        "/api/v1/auth/register",
        json={
            "email": email,
            "password": password,
            "timezone": timezone,
            "display_name": display_name,
        },
    )
    assert response.status_code == 201, response.text
    body: dict[str, object] = response.json()
    return body


def bearer_token(client: TestClient, email: str, password: str = PASSWORD) -> str:
    response = client.post("/api/v1/auth/token", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def make_user(client: TestClient, *, timezone: str = "UTC", email: str | None = None) -> ApiUser:
    """A registered user with bearer headers ready for requests."""
    body = register(client, timezone=timezone, email=email)
    email_value = str(body["email"])
    token = bearer_token(client, email_value)
    return ApiUser(
        id=int(str(body["id"])),
        email=email_value,
        password=PASSWORD,
        headers={"Authorization": f"Bearer {token}"},
    )


def browser_login(client: TestClient, email: str, password: str = PASSWORD) -> str:
    """Signs the client in with cookies; returns the CSRF token to send on unsafe requests."""
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    csrf = client.cookies.get("kaizen_csrf")
    assert csrf
    return csrf


# ------------------------------------------------------------------ one factory per resource
# Each creates through the API (so it exercises the same rules a client meets), asserts the
# status, and returns the response body. Keyword fields override the minimal defaults.

Body = dict[str, Any]


def _post(client: TestClient, user: ApiUser, url: str, body: Body) -> Body:
    response = client.post(url, json=body, headers=user.headers)
    assert response.status_code == 201, response.text
    created: Body = response.json()
    return created


def create_habit(client: TestClient, user: ApiUser, **fields: Any) -> Body:
    return _post(client, user, "/api/v1/habits", {"name": "Gym", **fields})


def check_in(
    client: TestClient,
    user: ApiUser,
    habit_id: int,
    day: date | str,
    status: str | None = "done",
    **fields: Any,
) -> Body:
    """PUT a day's check-in (``status=None`` with ``value=`` for numeric habits)."""
    body = {"status": status, **fields} if status is not None else fields
    day_text = day if isinstance(day, str) else day.isoformat()
    response = client.put(
        f"/api/v1/habits/{habit_id}/check-ins/{day_text}", json=body, headers=user.headers
    )
    assert response.status_code == 200, response.text
    stored: Body = response.json()
    return stored


def create_sprint(client: TestClient, user: ApiUser, **fields: Any) -> Body:
    return _post(client, user, "/api/v1/sprints", {"title": "Fortnight", **fields})


def create_goal(client: TestClient, user: ApiUser, **fields: Any) -> Body:
    return _post(client, user, "/api/v1/goals", {"title": "DSA", **fields})


def create_key_result(client: TestClient, user: ApiUser, goal_id: int, **fields: Any) -> Body:
    body = {"title": "Problems solved", "target_value": 100, **fields}
    return _post(client, user, f"/api/v1/goals/{goal_id}/key-results", body)


def create_portfolio_entry(client: TestClient, user: ApiUser, **fields: Any) -> Body:
    return _post(client, user, "/api/v1/portfolio-entries", {"title": "Post", **fields})


def create_token(client: TestClient, user: ApiUser, **fields: Any) -> Body:
    return _post(client, user, "/api/v1/tokens", {"name": "laptop", **fields})


def create_organization(client: TestClient, user: ApiUser, **fields: Any) -> Body:
    return _post(client, user, "/api/v1/organizations", {"name": "Sarvam AI", **fields})


def create_application(
    client: TestClient, user: ApiUser, *, organization_id: int | None = None, **fields: Any
) -> Body:
    """An application (for a new organization unless ``organization_id`` is given)."""
    if organization_id is None:
        organization_id = int(create_organization(client, user)["id"])
    body = {"organization_id": organization_id, "role": "ML Engineer", **fields}
    return _post(client, user, "/api/v1/applications", body)


def create_event(
    client: TestClient, user: ApiUser, *, application_id: int | None = None, **fields: Any
) -> Body:
    """An interview (naive times are the user's local time) of a new or given application."""
    if application_id is None:
        application_id = int(create_application(client, user)["id"])
    body = {"starts_at": "2026-12-03T18:00:00", **fields}
    return _post(client, user, f"/api/v1/applications/{application_id}/events", body)


def create_contact(client: TestClient, user: ApiUser, **fields: Any) -> Body:
    return _post(client, user, "/api/v1/contacts", {"name": "Priya", **fields})


def create_reading_item(client: TestClient, user: ApiUser, **fields: object) -> dict[str, Any]:
    """A reading item of ``user`` (only a title is needed; ``fields`` override)."""
    body: dict[str, object] = {"title": f"Paper {next(_counter)}", **fields}
    response = client.post("/api/v1/reading-items", json=body, headers=user.headers)
    assert response.status_code == 201, response.text
    item: dict[str, Any] = response.json()
    return item
