from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from kaizen.auth.models import ApiToken, UserSession
from kaizen.db import new_session
from tests.factories import PASSWORD, browser_login, make_user


def test_update_profile(client: TestClient) -> None:
    user = make_user(client)
    r = client.patch(
        "/api/v1/me",
        json={"display_name": "  Asha  ", "timezone": "America/Los_Angeles"},
        headers=user.headers,
    )
    assert r.status_code == 200
    assert r.json()["display_name"] == "Asha"
    assert r.json()["timezone"] == "America/Los_Angeles"


def test_update_rejects_bad_values_and_changes_nothing(client: TestClient) -> None:
    user = make_user(client)
    for body in ({"timezone": "Nowhere/Land"}, {"display_name": "x" * 101}, {"email": "a@b.c"}):
        assert client.patch("/api/v1/me", json=body, headers=user.headers).status_code == 422
    me = client.get("/api/v1/me", headers=user.headers).json()
    assert me["timezone"] == "UTC" and me["display_name"] == "Tester"


def test_password_change_needs_current_password(client: TestClient) -> None:
    user = make_user(client)
    r = client.patch("/api/v1/me", json={"new_password": "another long one"}, headers=user.headers)
    assert r.status_code == 422
    r = client.patch(
        "/api/v1/me",
        json={"current_password": "wrong password!", "new_password": "another long one"},
        headers=user.headers,
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "current_password"]


def test_password_change_ends_other_sessions(client: TestClient, make_client) -> None:  # type: ignore[no-untyped-def]
    user = make_user(client)
    phone = make_client()
    browser_login(phone, user.email)
    laptop = make_client()
    csrf = browser_login(laptop, user.email)
    r = laptop.patch(
        "/api/v1/me",
        json={"current_password": PASSWORD, "new_password": "a brand new secret"},
        headers={"X-CSRF-Token": csrf},
    )
    assert r.status_code == 200
    assert laptop.get("/api/v1/me").status_code == 200  # the session that changed it stays
    assert phone.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me", headers=user.headers).status_code == 401  # password-flow token
    r = client.post(
        "/api/v1/auth/token", data={"username": user.email, "password": "a brand new secret"}
    )
    assert r.status_code == 200


def test_personal_token_lifecycle(client: TestClient) -> None:
    user = make_user(client)
    r = client.post("/api/v1/tokens", json={"name": "laptop"}, headers=user.headers)
    assert r.status_code == 201
    created = r.json()
    secret = created["token"]
    assert secret.startswith(created["prefix"] + "_")
    token_headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/me", headers=token_headers).json()["email"] == user.email

    listed = client.get("/api/v1/tokens", headers=user.headers).json()
    assert listed["total"] == 1
    item = listed["items"][0]
    assert item["name"] == "laptop" and item["last_used_at"] is not None
    assert "token" not in item and secret not in str(listed)

    assert client.delete(f"/api/v1/tokens/{created['id']}", headers=user.headers).status_code == 204
    assert client.get("/api/v1/me", headers=token_headers).status_code == 401
    assert client.get("/api/v1/tokens", headers=user.headers).json()["total"] == 0


def test_secrets_are_stored_only_as_hashes(client: TestClient) -> None:
    user = make_user(client)
    secret = client.post("/api/v1/tokens", json={"name": "x"}, headers=user.headers).json()["token"]
    browser_login(client, user.email)
    cookie = client.cookies.get("kaizen_session")
    with new_session() as db:
        stored = [t.secret_hash for t in db.scalars(select(ApiToken))]
        stored += [s.secret_hash for s in db.scalars(select(UserSession))]
    assert stored and secret not in stored and cookie not in stored
    assert all(len(h) == 64 for h in stored)


def test_expired_token_stops_working(client: TestClient) -> None:
    user = make_user(client)
    soon = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    created = client.post(
        "/api/v1/tokens", json={"name": "short", "expires_at": soon}, headers=user.headers
    ).json()
    headers = {"Authorization": f"Bearer {created['token']}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    with new_session() as db:
        row = db.get(ApiToken, created["id"])
        assert row is not None
        row.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        db.commit()
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_expired_browser_session_stops_working(client: TestClient) -> None:
    user = make_user(client)
    csrf = browser_login(client, user.email)
    assert client.get("/api/v1/me").json()["email"] == user.email
    with new_session() as db:
        for row in db.scalars(select(UserSession)):
            row.expires_at = datetime.now(UTC) - timedelta(seconds=1)
        db.commit()
    expired = client.get("/api/v1/me")
    assert expired.status_code == 401
    assert expired.json() == {"detail": "Session expired; sign in again"}
    changed = client.patch("/api/v1/me", json={"display_name": "X"}, headers={"X-CSRF-Token": csrf})
    assert changed.status_code == 401


def test_token_create_validation(client: TestClient) -> None:
    user = make_user(client)
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    for body in (
        {"name": ""},
        {"name": "x" * 101},
        {"name": "x", "expires_at": past},
        {"name": "x", "expires_at": "2027-02-30"},
    ):
        r = client.post("/api/v1/tokens", json=body, headers=user.headers)
        assert r.status_code == 422, body
    assert client.get("/api/v1/tokens", headers=user.headers).json()["total"] == 0


def test_other_users_token_is_404(client: TestClient) -> None:
    alice, bob = make_user(client), make_user(client)
    token_id = client.post("/api/v1/tokens", json={"name": "a"}, headers=alice.headers).json()["id"]
    assert client.delete(f"/api/v1/tokens/{token_id}", headers=bob.headers).status_code == 404
    assert client.get("/api/v1/tokens", headers=alice.headers).json()["total"] == 1
    assert client.delete("/api/v1/tokens/99999999999999", headers=bob.headers).status_code == 422


def test_token_list_runs_constant_queries(client: TestClient, count_queries) -> None:  # type: ignore[no-untyped-def]
    user = make_user(client)
    counts = []
    for n in (1, 10):
        while client.get("/api/v1/tokens", headers=user.headers).json()["total"] < n:
            client.post("/api/v1/tokens", json={"name": "t"}, headers=user.headers)
        with count_queries() as q:
            assert client.get("/api/v1/tokens", headers=user.headers).status_code == 200
        counts.append(q.count)
    assert counts[0] == counts[1]
