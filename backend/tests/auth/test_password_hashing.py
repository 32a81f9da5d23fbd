"""Password hashes: argon2id at argon2's recommended cost unless configured (the suites
configure a small cost, see conftest.py), and a change of cost never locks anyone out."""

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from kaizen.auth import security
from kaizen.config import Settings, settings
from tests.factories import PASSWORD, bearer_token, register

COST_SETTINGS = (
    "password_hash_memory_kib",
    "password_hash_time_cost",
    "password_hash_parallelism",
)


def _use_the_default_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in COST_SETTINGS:
        monkeypatch.delenv(f"KAIZEN_{name.upper()}", raising=False)
    defaults = Settings(_env_file=None)  # type: ignore[call-arg]
    for name in COST_SETTINGS:
        monkeypatch.setattr(settings, name, getattr(defaults, name))


def test_the_default_is_argon2id_at_the_recommended_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    _use_the_default_cost(monkeypatch)
    password_hash = security.hash_password("correct horse battery")
    assert password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert security.verify_password("correct horse battery", password_hash)
    assert not security.verify_password("correct horse batterY", password_hash)


def test_the_configured_cost_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "password_hash_memory_kib", 2048)
    monkeypatch.setattr(settings, "password_hash_time_cost", 2)
    monkeypatch.setattr(settings, "password_hash_parallelism", 2)
    assert security.hash_password("x" * 12).startswith("$argon2id$v=19$m=2048,t=2,p=2$")


def test_an_account_made_at_the_default_cost_signs_in_after_the_cost_changes(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as default_cost:
        _use_the_default_cost(default_cost)
        register(client, email="old@example.com")
    # Back at the suite's small cost: the stored hash keeps the cost it was made with.
    assert settings.password_hash_memory_kib != 65536
    assert bearer_token(client, "old@example.com", PASSWORD)
    wrong = client.post(
        "/api/v1/auth/token", data={"username": "old@example.com", "password": "not it at all"}
    )
    assert wrong.status_code == 401


def test_too_little_memory_for_the_lanes_is_refused() -> None:
    with pytest.raises(ValidationError, match="8 KiB per lane"):
        Settings(_env_file=None, password_hash_memory_kib=16, password_hash_parallelism=4)  # type: ignore[call-arg]
