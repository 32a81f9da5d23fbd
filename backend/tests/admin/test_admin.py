"""The admin area: users, sign-up open or closed, and single-use expiring invitations."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kaizen.config import settings
from tests.factories import PASSWORD, ApiUser, bearer_token, browser_login, make_user

ADMIN = "/api/v1/admin"


@pytest.fixture
def admin(client: TestClient) -> ApiUser:
    return make_user(client, email="admin@example.com")  # the first account is the admin


def _register(client: TestClient, email: str, invitation: str | None = None) -> Any:
    body: dict[str, object] = {"email": email, "password": PASSWORD}
    if invitation is not None:
        body["invitation"] = invitation
    return client.post("/api/v1/auth/register", json=body)


def _account(client: TestClient, email: str) -> dict[str, Any]:
    """The account as its owner sees it: registration answers alike for every email (202),
    so the account is read back by signing in."""
    token = bearer_token(client, email)
    me: dict[str, Any] = client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {token}"}
    ).json()
    return me


def _invite(client: TestClient, admin: ApiUser, **body: object) -> dict[str, Any]:
    r = client.post(f"{ADMIN}/invitations", json=body, headers=admin.headers)
    assert r.status_code == 201, r.text
    result: dict[str, Any] = r.json()
    return result


def test_first_account_is_admin_even_with_signup_closed(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "allow_signup", False)
    assert _register(client, "first@example.com").status_code == 202
    assert _account(client, "first@example.com")["is_admin"] is True
    assert _register(client, "second@example.com").status_code == 403


def test_every_admin_route_is_404_for_non_admins(client: TestClient, admin: ApiUser) -> None:
    other = make_user(client)
    calls = [
        ("GET", "/users", None),
        ("PATCH", f"/users/{admin.id}", {"disabled": True}),
        ("GET", "/settings", None),
        ("PATCH", "/settings", {"signup_open": False}),
        ("GET", "/invitations", None),
        ("POST", "/invitations", {}),
        ("DELETE", "/invitations/1", None),
    ]
    for method, path, body in calls:
        r = client.request(method, ADMIN + path, json=body, headers=other.headers)
        assert r.status_code == 404, (method, path, r.text)
        assert r.json() == {"detail": "Not Found"}
    # nothing changed: the admin is still active and sign-up still open
    assert client.get("/api/v1/me", headers=admin.headers).status_code == 200
    assert client.get(f"{ADMIN}/settings", headers=admin.headers).json() == {"signup_open": True}


def test_invitation_lets_one_person_register_while_signup_is_closed(
    client: TestClient, admin: ApiUser
) -> None:
    r = client.patch(f"{ADMIN}/settings", json={"signup_open": False}, headers=admin.headers)
    assert r.json() == {"signup_open": False}
    assert _register(client, "stranger@example.com").status_code == 403

    created = _invite(client, admin, note="Ravi from the lab")
    token = created["token"]
    assert created["url"] == f"http://testserver/sign-up?invitation={token}"
    assert created["status"] == "pending" and created["note"] == "Ravi from the lab"
    assert token.startswith(created["prefix"])

    r = _register(client, "ravi@example.com", invitation=token)
    assert r.status_code == 202, r.text
    assert _account(client, "ravi@example.com")["is_admin"] is False
    # single use
    r = _register(client, "someone@example.com", invitation=token)
    assert r.status_code == 403
    assert "invitation" in r.json()["detail"]

    listed = client.get(f"{ADMIN}/invitations", headers=admin.headers).json()
    assert listed["total"] == 1
    item = listed["items"][0]
    assert item["status"] == "used" and item["used_by_email"] == "ravi@example.com"
    assert "token" not in item and "url" not in item and token not in str(listed)


def test_invitation_is_stored_hashed(client: TestClient, admin: ApiUser, engine: Any) -> None:
    from sqlalchemy import text

    token = _invite(client, admin)["token"]
    with engine.connect() as conn:
        dump = str(conn.execute(text("SELECT * FROM invitations")).all())
    assert token not in dump
    assert token.split("_")[-1] not in dump


def test_failed_registration_does_not_spend_the_invitation(
    client: TestClient, admin: ApiUser
) -> None:
    client.patch(f"{ADMIN}/settings", json={"signup_open": False}, headers=admin.headers)
    token = _invite(client, admin)["token"]
    # A taken email is answered like any other (no enumeration), and creates nothing.
    assert _register(client, admin.email, invitation=token).status_code == 202
    assert _register(client, "new@example.com", invitation=token).status_code == 202
    assert _account(client, "new@example.com")["email"] == "new@example.com"


def test_expired_and_revoked_invitations_do_not_work(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-01-01T12:00:00Z")
    admin = make_user(client)
    personal = client.post("/api/v1/tokens", json={"name": "admin"}, headers=admin.headers)
    admin_headers = {"Authorization": f"Bearer {personal.json()['token']}"}
    client.patch(f"{ADMIN}/settings", json={"signup_open": False}, headers=admin_headers)
    expiring = _invite(client, admin, expires_in_days=1)
    revoked = _invite(client, admin)
    r = client.delete(f"{ADMIN}/invitations/{revoked['id']}", headers=admin_headers)
    assert r.status_code == 204
    set_now("2026-01-02T12:00:01Z")
    assert _register(client, "late@example.com", invitation=expiring["token"]).status_code == 403
    assert _register(client, "late@example.com", invitation=revoked["token"]).status_code == 403
    assert _register(client, "late@example.com", invitation="kzi_nonsense").status_code == 403
    statuses = {
        i["id"]: i["status"]
        for i in client.get(f"{ADMIN}/invitations", headers=admin_headers).json()["items"]
    }
    assert statuses == {expiring["id"]: "expired", revoked["id"]: "revoked"}


def test_revoking_a_used_or_unknown_invitation(client: TestClient, admin: ApiUser) -> None:
    token = _invite(client, admin)
    _register(client, "x@example.com", invitation=token["token"])
    r = client.delete(f"{ADMIN}/invitations/{token['id']}", headers=admin.headers)
    assert r.status_code == 409
    assert client.delete(f"{ADMIN}/invitations/999", headers=admin.headers).status_code == 404


@pytest.mark.parametrize(
    "body",
    [{"expires_in_days": 0}, {"expires_in_days": 31}, {"note": "x" * 201}, {"extra": 1}],
)
def test_bad_invitation_input_is_422(
    client: TestClient, admin: ApiUser, body: dict[str, object]
) -> None:
    r = client.post(f"{ADMIN}/invitations", json=body, headers=admin.headers)
    assert r.status_code == 422


def test_open_signup_still_accepts_registration_with_a_bad_invitation(
    client: TestClient, admin: ApiUser
) -> None:
    assert _register(client, "a@example.com", invitation="kzi_unknown").status_code == 202
    r = _register(client, "b@example.com", invitation="x" * 201)
    assert r.status_code == 422


def test_signup_setting_defaults_to_the_environment(
    client: TestClient, admin: ApiUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "allow_signup", False)
    assert client.get(f"{ADMIN}/settings", headers=admin.headers).json() == {"signup_open": False}
    client.patch(f"{ADMIN}/settings", json={"signup_open": True}, headers=admin.headers)
    assert _register(client, "open@example.com").status_code == 202


def test_users_list_shows_created_last_seen_disabled_admin(
    client: TestClient, admin: ApiUser, set_now: Callable[[str], None]
) -> None:
    set_now("2026-03-01T09:00:00Z")
    other = make_user(client, email="other@example.com")
    client.get("/api/v1/me", headers=other.headers)
    r = client.get(f"{ADMIN}/users", headers=admin.headers)
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 2
    by_email = {u["email"]: u for u in body["items"]}
    assert by_email["admin@example.com"]["is_admin"] is True
    seen = by_email["other@example.com"]
    assert seen["is_admin"] is False and seen["disabled"] is False
    assert seen["last_seen_at"].startswith("2026-03-01T09:00:00")
    assert seen["created_at"].startswith("2026-03-01T09:00:00")
    assert "password_hash" not in r.text


def test_last_seen_survives_sign_out(client: TestClient, admin: ApiUser) -> None:
    other = make_user(client)
    browser_login(client, other.email)
    client.get("/api/v1/me")
    client.post("/api/v1/auth/logout", headers={"X-CSRF-Token": client.cookies["kaizen_csrf"]})
    users = client.get(f"{ADMIN}/users", headers=admin.headers).json()["items"]
    assert next(u for u in users if u["id"] == other.id)["last_seen_at"] is not None


def test_users_list_query_count_is_constant(
    client: TestClient, admin: ApiUser, count_queries: Callable[[], Any]
) -> None:
    def measure() -> int:
        with count_queries() as q:
            assert client.get(f"{ADMIN}/users", headers=admin.headers).status_code == 200
        return int(q.count)

    measure()  # the first request of the minute also records "last seen"
    small = measure()
    for _ in range(4):
        make_user(client)
    assert measure() == small


def test_disabling_a_user_stops_their_session_and_tokens_at_once(
    client: TestClient, make_client: Callable[[], TestClient], admin: ApiUser
) -> None:
    other = make_user(client)
    browser = make_client()
    browser_login(browser, other.email)
    assert browser.get("/api/v1/me").status_code == 200
    r = client.patch(f"{ADMIN}/users/{other.id}", json={"disabled": True}, headers=admin.headers)
    assert r.status_code == 200 and r.json()["disabled"] is True
    assert browser.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me", headers=other.headers).status_code == 401
    r = client.post("/api/v1/auth/token", data={"username": other.email, "password": PASSWORD})
    assert r.status_code == 401
    # enabled again, they can sign in (old sessions stay ended)
    client.patch(f"{ADMIN}/users/{other.id}", json={"disabled": False}, headers=admin.headers)
    assert browser.get("/api/v1/me").status_code == 401
    assert bearer_token(client, other.email)


def test_make_admin_and_the_last_admin_cannot_leave(client: TestClient, admin: ApiUser) -> None:
    for body in ({"disabled": True}, {"is_admin": False}):
        r = client.patch(f"{ADMIN}/users/{admin.id}", json=body, headers=admin.headers)
        assert r.status_code == 409, body
    other = make_user(client)
    r = client.patch(f"{ADMIN}/users/{other.id}", json={"is_admin": True}, headers=admin.headers)
    assert r.json()["is_admin"] is True
    assert client.get(f"{ADMIN}/users", headers=other.headers).status_code == 200
    # now the first admin may step down, and then has no admin page
    r = client.patch(f"{ADMIN}/users/{admin.id}", json={"is_admin": False}, headers=admin.headers)
    assert r.status_code == 200
    assert client.get(f"{ADMIN}/users", headers=admin.headers).status_code == 404
    r = client.patch(f"{ADMIN}/users/{other.id}", json={"disabled": True}, headers=other.headers)
    assert r.status_code == 409


def test_patching_an_unknown_user_is_404(client: TestClient, admin: ApiUser) -> None:
    r = client.patch(f"{ADMIN}/users/999", json={"disabled": True}, headers=admin.headers)
    assert r.status_code == 404
    r = client.patch(f"{ADMIN}/users/{admin.id}", json={"disabled": "maybe"}, headers=admin.headers)
    assert r.status_code == 422
