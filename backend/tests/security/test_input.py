"""Hostile input is a 422 on both databases, never a 500: control characters in any text,
computed dates out of range; public names cannot reverse their text; handles cannot be
squatted, impersonate the app, or be taken over right after their owner let them go."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.factories import PASSWORD, ApiUser, bearer_token, make_user

NUL = "a\u0000b"


def _habit(client: TestClient, user: ApiUser) -> int:
    habit_id: int = client.post(
        "/api/v1/habits", json={"name": "Gym"}, headers=user.headers
    ).json()["id"]
    return habit_id


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/v1/habits", {"name": NUL}),
        ("post", "/api/v1/habits", {"name": "ok", "description": NUL}),
        (
            "post",
            "/api/v1/habits",
            {"name": "ok", "kind": "numeric", "target_value": 1, "unit": NUL},
        ),
        ("post", "/api/v1/goals", {"title": NUL}),
        ("post", "/api/v1/goals", {"title": "ok", "description": "x\u001b[31m"}),
        ("post", "/api/v1/sprints", {"title": "ok", "plan": NUL}),
        ("post", "/api/v1/portfolio-entries", {"title": NUL}),
        ("post", "/api/v1/tokens", {"name": NUL}),
        ("patch", "/api/v1/me", {"display_name": NUL}),
        ("patch", "/api/v1/me", {"current_password": NUL, "new_password": PASSWORD}),
    ],
)
def test_control_characters_in_body_text_are_422(
    client: TestClient, method: str, path: str, body: dict[str, object]
) -> None:
    user = make_user(client)
    r = client.request(method, path, json=body, headers=user.headers)
    assert r.status_code == 422, r.text
    assert "control characters" in r.text


def test_control_characters_in_a_check_in_note_are_422(client: TestClient) -> None:
    user = make_user(client)
    habit = client.post("/api/v1/habits", json={"name": "Gym"}, headers=user.headers).json()
    r = client.put(
        f"/api/v1/habits/{habit['id']}/check-ins/{habit['start_date']}",
        json={"status": "done", "note": NUL},
        headers=user.headers,
    )
    assert r.status_code == 422


def test_tabs_and_newlines_are_fine(client: TestClient) -> None:
    user = make_user(client)
    r = client.post(
        "/api/v1/goals",
        json={"title": "Write", "description": "line one\n\tindented\r\nline three"},
        headers=user.headers,
    )
    assert r.status_code == 201
    assert r.json()["description"] == "line one\n\tindented\r\nline three"


def test_sign_in_with_control_characters_is_422_without_an_account(client: TestClient) -> None:
    r = client.post("/api/v1/auth/login", json={"email": "x\u0000@example.com", "password": "p"})
    assert r.status_code == 422
    r = client.post("/api/v1/auth/token", data={"username": "x\u0000@example.com", "password": "p"})
    assert r.status_code == 422
    r = client.post(
        "/api/v1/auth/register", json={"email": "x@example.com", "password": PASSWORD + "\u0000"}
    )
    assert r.status_code == 422
    # The connection is still good afterwards.
    assert client.get("/api/v1/health").status_code == 200


def test_control_characters_in_query_and_path_are_422(client: TestClient) -> None:
    user = make_user(client)
    r = client.get("/api/v1/goals", params={"area": NUL}, headers=user.headers)
    assert r.status_code == 422
    r = client.get("/api/v1/public/profiles/a%00b")
    assert r.status_code == 422


def test_public_names_lose_direction_overrides(client: TestClient) -> None:
    user = make_user(client)
    r = client.patch(
        "/api/v1/me",
        json={"display_name": "Asha \u202egnp.exe", "handle": "asha-ml", "public_profile": True},
        headers=user.headers,
    )
    assert r.status_code == 200
    profile = client.get("/api/v1/public/profiles/asha-ml").json()
    assert profile["display_name"] == "Asha gnp.exe"


def test_the_sprint_after_the_last_allowed_day_is_422(client: TestClient) -> None:
    user = make_user(client)
    sprint = client.post(
        "/api/v1/sprints",
        json={"title": "Last", "start_date": "2100-12-18", "end_date": "2100-12-31"},
        headers=user.headers,
    ).json()
    r = client.post(
        f"/api/v1/sprints/{sprint['id']}/next", json={"target_rate": 0.8}, headers=user.headers
    )
    assert r.status_code == 422
    assert "2100-12-31" in r.text
    assert client.get("/api/v1/sprints", headers=user.headers).json()["total"] == 1


@pytest.mark.parametrize(
    "handle", ["api", "docs", "admin", "kaizen", "support", "sign-in", "Settings"]
)
def test_reserved_handles_are_refused(client: TestClient, handle: str) -> None:
    user = make_user(client)
    r = client.patch("/api/v1/me", json={"handle": handle}, headers=user.headers)
    assert r.status_code == 422
    assert "reserved" in r.text


def test_a_released_handle_cools_off_before_someone_else_takes_it(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    alice, bob = make_user(client), make_user(client)
    set_now("2026-11-01T12:00:00Z")
    assert (
        client.patch("/api/v1/me", json={"handle": "asha"}, headers=alice.headers).status_code
        == 200
    )
    assert (
        client.patch("/api/v1/me", json={"handle": "ASHA"}, headers=bob.headers).status_code == 409
    )
    assert (
        client.patch("/api/v1/me", json={"handle": "asha-2"}, headers=alice.headers).status_code
        == 200
    )
    # Released, but cooling off: not for someone else yet...
    assert (
        client.patch("/api/v1/me", json={"handle": "Asha"}, headers=bob.headers).status_code == 409
    )
    # ...while its owner may take it back.
    assert (
        client.patch("/api/v1/me", json={"handle": "asha"}, headers=alice.headers).status_code
        == 200
    )
    assert (
        client.patch("/api/v1/me", json={"handle": None}, headers=alice.headers).status_code == 200
    )
    set_now("2026-12-15T12:00:00Z")
    headers = {"Authorization": f"Bearer {bearer_token(client, bob.email)}"}
    r = client.patch("/api/v1/me", json={"handle": "asha"}, headers=headers)
    assert r.status_code == 200 and r.json()["handle"] == "asha"
