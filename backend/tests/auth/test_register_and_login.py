from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from kaizen.config import settings
from tests.factories import PASSWORD, bearer_token, browser_login, make_user, register


def test_register_answers_without_the_account_then_sign_in_shows_it(client: TestClient) -> None:
    r = client.post(
        "/api/v1/auth/register",
        json={"email": "Asha@Example.com", "password": PASSWORD, "timezone": "Asia/Kolkata"},
    )
    assert r.status_code == 202
    assert "password" not in r.text.replace("its password", "")
    body = register(client, email="asha@example.com")  # signs in and reads /me
    assert body["email"] == "asha@example.com"
    assert body["timezone"] == "Asia/Kolkata"
    assert body["is_admin"] is True  # first user


def test_second_user_is_not_admin(client: TestClient) -> None:
    register(client)
    assert register(client)["is_admin"] is False


def test_a_taken_email_gets_the_same_answer_and_changes_nothing(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kaizen.auth import security

    first = client.post(
        "/api/v1/auth/register", json={"email": "dup@example.com", "password": PASSWORD}
    )
    hashed: list[str] = []
    real_hash = security.hash_password
    monkeypatch.setattr(security, "hash_password", lambda p: hashed.append(p) or real_hash(p))
    again = client.post(
        "/api/v1/auth/register",
        json={"email": "DUP@example.COM", "password": "another password", "display_name": "X"},
    )
    assert (again.status_code, again.json()) == (first.status_code, first.json())
    # The same work as a real sign-up, so the answer takes as long.
    assert hashed == ["another password"]
    assert bearer_token(client, "dup@example.com")  # the first password still works
    r = client.post(
        "/api/v1/auth/token", data={"username": "dup@example.com", "password": "another password"}
    )
    assert r.status_code == 401


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "not-an-email", "password": PASSWORD}, "email"),
        ({"email": "a@example.com", "password": "short"}, "password"),
        ({"email": "a@example.com", "password": PASSWORD, "timezone": "Mars/Olympus"}, "timezone"),
        (
            {"email": "a@example.com", "password": PASSWORD, "display_name": "x" * 5000},
            "display_name",
        ),
        ({"email": "a@example.com", "password": 12345678901}, "password"),
    ],
)
def test_invalid_registration_is_422_on_the_field(
    client: TestClient, payload: dict[str, object], field: str
) -> None:
    r = client.post("/api/v1/auth/register", json=payload)
    assert r.status_code == 422
    assert [e["loc"][-1] for e in r.json()["detail"]] == [field]


def test_malformed_json_is_422(client: TestClient) -> None:
    r = client.post(
        "/api/v1/auth/register",
        content=b'{"email": ',
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 422


def test_closed_signup_allows_only_the_first_user(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "allow_signup", False)
    assert register(client)["is_admin"] is True
    r = client.post(
        "/api/v1/auth/register", json={"email": "second@example.com", "password": PASSWORD}
    )
    assert r.status_code == 403
    assert "closed" in r.json()["detail"]


def test_token_flow_and_me(client: TestClient) -> None:
    user = register(client, email="me@example.com", display_name="Me")
    r = client.post("/api/v1/auth/token", data={"username": "ME@example.com", "password": PASSWORD})
    assert r.status_code == 200
    body = r.json()
    assert body["token_type"] == "bearer" and body["expires_in"] > 0
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json()["id"] == user["id"]


def test_wrong_password_and_unknown_email_are_the_same_401(client: TestClient) -> None:
    register(client, email="real@example.com")
    wrong = client.post(
        "/api/v1/auth/token", data={"username": "real@example.com", "password": "x" * 12}
    )
    unknown = client.post(
        "/api/v1/auth/token", data={"username": "nobody@example.com", "password": "x" * 12}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()


def test_unknown_email_spends_a_password_hash(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kaizen.auth import security

    calls: list[str] = []
    original = security.burn_password_check
    monkeypatch.setattr(security, "burn_password_check", lambda p: (calls.append(p), original(p)))
    r = client.post(
        "/api/v1/auth/token", data={"username": "ghost@example.com", "password": "y" * 12}
    )
    assert r.status_code == 401
    assert calls == ["y" * 12]


def test_repeated_failures_are_throttled_with_retry_after(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    register(client, email="victim@example.com")
    set_now("2026-11-30T10:00:00Z")  # a slow machine must not outlast the back-off
    for _ in range(settings.login_max_failures):
        r = client.post(
            "/api/v1/auth/login", json={"email": "victim@example.com", "password": "bad" * 4}
        )
        assert r.status_code == 401
    r = client.post(
        "/api/v1/auth/login", json={"email": "victim@example.com", "password": PASSWORD}
    )
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) > 0
    # The other flow shares the counter: it lives in the database, not in one worker.
    r = client.post(
        "/api/v1/auth/token", data={"username": "victim@example.com", "password": PASSWORD}
    )
    assert r.status_code == 429


def test_success_resets_failure_count(client: TestClient) -> None:
    register(client, email="forgetful@example.com")
    for _ in range(settings.login_max_failures - 1):
        client.post(
            "/api/v1/auth/login", json={"email": "forgetful@example.com", "password": "bad" * 4}
        )
    assert bearer_token(client, "forgetful@example.com")
    for _ in range(settings.login_max_failures - 1):
        r = client.post(
            "/api/v1/auth/login", json={"email": "forgetful@example.com", "password": "bad" * 4}
        )
        assert r.status_code == 401


def test_cookie_login_me_logout(client: TestClient) -> None:
    register(client, email="browser@example.com")
    r = client.post(
        "/api/v1/auth/login", json={"email": "browser@example.com", "password": PASSWORD}
    )
    assert r.status_code == 200
    set_cookie = r.headers.get_list("set-cookie")
    session_cookie = next(c for c in set_cookie if c.startswith("kaizen_session="))
    assert "HttpOnly" in session_cookie and "SameSite=lax" in session_cookie
    csrf_cookie = next(c for c in set_cookie if c.startswith("kaizen_csrf="))
    assert "HttpOnly" not in csrf_cookie
    assert client.get("/api/v1/me").status_code == 200
    assert client.post("/api/v1/auth/logout").status_code == 204
    assert client.get("/api/v1/me").status_code == 401


def test_logged_out_session_cookie_is_dead_server_side(client: TestClient) -> None:
    register(client, email="replay@example.com")
    browser_login(client, "replay@example.com")
    stolen = client.cookies.get("kaizen_session")
    client.post("/api/v1/auth/logout")
    client.cookies.set("kaizen_session", stolen)
    r = client.get("/api/v1/me")
    assert r.status_code == 401


def test_cookie_requests_need_csrf_header_for_unsafe_methods(client: TestClient) -> None:
    register(client, email="csrf@example.com")
    csrf = browser_login(client, "csrf@example.com")
    assert client.patch("/api/v1/me", json={"display_name": "Evil"}).status_code == 403
    assert (
        client.patch(
            "/api/v1/me", json={"display_name": "Evil"}, headers={"X-CSRF-Token": "forged"}
        ).status_code
        == 403
    )
    assert client.get("/api/v1/me").json()["display_name"] == "Tester"
    ok = client.patch("/api/v1/me", json={"display_name": "Good"}, headers={"X-CSRF-Token": csrf})
    assert ok.status_code == 200 and ok.json()["display_name"] == "Good"


def test_bearer_requests_need_no_csrf(client: TestClient) -> None:
    user = make_user(client)
    r = client.patch("/api/v1/me", json={"display_name": "Script"}, headers=user.headers)
    assert r.status_code == 200


def test_disabled_user_cannot_sign_in_or_use_tokens(client: TestClient, engine: object) -> None:
    from sqlalchemy import update

    from kaizen.auth.models import User
    from kaizen.db import new_session

    user = make_user(client)
    with new_session() as db:
        db.execute(update(User).where(User.id == user.id).values(is_active=False))
        db.commit()
    assert client.get("/api/v1/me", headers=user.headers).status_code == 401
    r = client.post("/api/v1/auth/token", data={"username": user.email, "password": PASSWORD})
    assert r.status_code == 401


def test_parallel_guesses_get_no_more_tries_than_the_limit(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    """Attempts are counted before the slow password check, so a burst of parallel guesses
    cannot slip past the limit (found by review: 14 of 30 got through before)."""
    from concurrent.futures import ThreadPoolExecutor

    register(client, email="burst@example.com")
    set_now("2026-11-30T10:00:00Z")

    def guess(i: int) -> int:
        body = {"email": "burst@example.com", "password": f"wrong guess {i}"}
        return client.post("/api/v1/auth/login", json=body).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(guess, range(16)))
    assert codes.count(401) <= settings.login_max_failures
    assert codes.count(429) >= 16 - settings.login_max_failures
    assert set(codes) <= {401, 429}
