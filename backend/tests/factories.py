"""Helpers that create users and credentials through the HTTP API, as a client would."""

import itertools
from dataclasses import dataclass

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
    # The same answer for a new and a taken email (no account enumeration): read the account.
    assert response.status_code == 202, response.text
    token = bearer_token(client, email, password)
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200, me.text
    body: dict[str, object] = me.json()
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
