"""Throttling that slows guessing without letting a stranger lock the owner out."""

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kaizen.config import settings
from tests.factories import PASSWORD, make_user, register

WRONG = "not the password"


@pytest.fixture
def proxied(engine: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    """The app behind a trusted proxy: the client address comes from X-Forwarded-For."""
    from kaizen.main import create_app

    monkeypatch.setattr(settings, "trusted_proxies", ["testclient"])
    app: FastAPI = create_app()
    with TestClient(app, base_url="http://testserver") as client:
        yield client


def login(client: TestClient, email: str, password: str, ip: str | None = None) -> int:
    headers = {"X-Forwarded-For": ip} if ip else {}
    r = client.post(
        "/api/v1/auth/login", json={"email": email, "password": password}, headers=headers
    )
    return r.status_code


def test_a_stranger_cannot_lock_the_owner_out(
    proxied: TestClient, set_now: Callable[[str], None]
) -> None:
    register(proxied, email="owner@example.com")
    set_now("2026-11-30T10:00:00Z")  # the clock stands still: no back-off runs out
    codes = [login(proxied, "owner@example.com", WRONG, "203.0.113.9") for _ in range(8)]
    assert codes[: settings.login_max_failures] == [401] * settings.login_max_failures
    assert set(codes[settings.login_max_failures :]) == {429}
    # The owner, from their own address, with the right password: in.
    assert login(proxied, "owner@example.com", PASSWORD, "198.51.100.7") == 200
    r = proxied.post(
        "/api/v1/auth/token",
        data={"username": "owner@example.com", "password": PASSWORD},
        headers={"X-Forwarded-For": "198.51.100.7"},
    )
    assert r.status_code == 200
    # The stranger is still slowed down.
    assert login(proxied, "owner@example.com", PASSWORD, "203.0.113.9") == 429


def test_forwarded_addresses_from_untrusted_clients_are_ignored(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    register(client, email="owner@example.com")
    set_now("2026-11-30T10:00:00Z")
    for i in range(settings.login_max_failures):
        assert login(client, "owner@example.com", WRONG, f"203.0.113.{i}") == 401
    # Not behind a trusted proxy: a made-up X-Forwarded-For does not reset the count.
    assert login(client, "owner@example.com", WRONG, "192.0.2.1") == 429


def test_back_off_doubles_after_the_limit(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    register(client, email="slow@example.com")
    set_now("2026-11-30T10:00:00Z")
    for _ in range(settings.login_max_failures):
        assert login(client, "slow@example.com", WRONG) == 401
    r = client.post("/api/v1/auth/login", json={"email": "slow@example.com", "password": WRONG})
    assert r.status_code == 429 and r.headers["Retry-After"] == "2"
    set_now("2026-11-30T10:00:02Z")
    assert login(client, "slow@example.com", WRONG) == 401
    r = client.post("/api/v1/auth/login", json={"email": "slow@example.com", "password": WRONG})
    assert r.status_code == 429 and r.headers["Retry-After"] == "4"
    set_now("2026-11-30T10:00:06Z")
    assert login(client, "slow@example.com", PASSWORD) == 200


def test_an_account_has_a_higher_ceiling_across_all_clients(
    proxied: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "login_email_max_failures", 6)
    register(proxied, email="target@example.com")
    for i in range(6):
        assert login(proxied, "target@example.com", WRONG, f"203.0.113.{i}") == 401
    assert login(proxied, "target@example.com", PASSWORD, "198.51.100.7") == 429


def test_password_change_guesses_are_limited(client: TestClient) -> None:
    user = make_user(client)
    for _ in range(settings.login_max_failures):
        r = client.patch(
            "/api/v1/me",
            json={"current_password": WRONG, "new_password": "a brand new password"},
            headers=user.headers,
        )
        assert r.status_code == 422
    r = client.patch(
        "/api/v1/me",
        json={"current_password": PASSWORD, "new_password": "a brand new password"},
        headers=user.headers,
    )
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0


def test_a_right_password_change_is_not_throttled(client: TestClient) -> None:
    user = make_user(client)
    for i in range(settings.login_max_failures + 1):
        r = client.patch(
            "/api/v1/me",
            json={"current_password": PASSWORD, "new_password": PASSWORD},
            headers=user.headers,
        )
        assert r.status_code == 200, (i, r.text)


def test_registrations_per_client_are_limited(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "register_max_per_window", 3)
    codes = [
        client.post(
            "/api/v1/auth/register", json={"email": f"bot{i}@example.com", "password": PASSWORD}
        ).status_code
        for i in range(5)
    ]
    assert codes == [202, 202, 202, 429, 429]
