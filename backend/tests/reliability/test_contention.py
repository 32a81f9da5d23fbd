"""A busy or failing database: clear 503s (with Retry-After only when retrying helps), reads
that do not wait for the writer, and a health check that looks at the database."""

import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from kaizen import db
from kaizen.config import settings
from tests.conftest import TEST_DATABASE_URL
from tests.factories import make_user

SQLITE = make_url(TEST_DATABASE_URL).get_backend_name() == "sqlite"
sqlite_only = pytest.mark.skipif(not SQLITE, reason="SQLite's single writer lock")


@pytest.fixture
def short_waits(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Waits of a fraction of a second, so a test of a held lock ends quickly."""
    monkeypatch.setattr(settings, "sqlite_busy_timeout_ms", 300)
    monkeypatch.setattr(settings, "write_wait_seconds", 0.3)
    engine.dispose()  # pooled connections pick up the shorter busy timeout
    yield
    monkeypatch.undo()
    engine.dispose()


@contextmanager
def write_lock_held() -> Iterator[None]:
    """Another process's writer (here: another connection) holding SQLite's write lock."""
    path = make_url(TEST_DATABASE_URL).database
    assert path
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@sqlite_only
def test_writes_behind_a_held_lock_are_503_with_retry_after_and_reads_go_on(
    client: TestClient, short_waits: None
) -> None:
    user = make_user(client)
    habit = client.post("/api/v1/habits", json={"name": "Gym"}, headers=user.headers).json()
    url = f"/api/v1/habits/{habit['id']}/check-ins/{habit['start_date']}"

    def write(_: int) -> httpx.Response:
        return client.put(url, json={"status": "done"}, headers=user.headers)

    def read(_: int) -> httpx.Response:
        return client.get("/api/v1/habits", headers=user.headers)

    with write_lock_held(), ThreadPoolExecutor(max_workers=24) as pool:
        writes = [pool.submit(write, i) for i in range(30)]
        reads = list(pool.map(read, range(10)))
        health = client.get("/api/v1/health")
        written = [w.result() for w in writes]

    assert {r.status_code for r in reads} == {200}
    assert health.status_code == 200
    assert {r.status_code for r in written} == {503}
    assert all(r.headers.get("Retry-After") == "1" for r in written)
    # Once the lock is released, writing works again.
    assert write(0).status_code == 200


@sqlite_only
def test_a_read_due_to_record_its_token_use_does_not_need_the_write_lock(
    client: TestClient, short_waits: None
) -> None:
    user = make_user(client)  # a fresh token: its first use is due to be recorded
    with write_lock_held():
        assert client.get("/api/v1/habits", headers=user.headers).status_code == 200
        assert client.get("/api/v1/me", headers=user.headers).status_code == 200
    tokens = client.get("/api/v1/me", headers=user.headers)
    assert tokens.status_code == 200


def test_token_use_is_still_recorded(client: TestClient) -> None:
    user = make_user(client)
    created = client.post("/api/v1/tokens", json={"name": "script"}, headers=user.headers).json()
    headers = {"Authorization": f"Bearer {created['token']}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    listed = client.get("/api/v1/tokens", headers=user.headers).json()["items"]
    assert listed[0]["last_used_at"] is not None


@sqlite_only
def test_a_read_only_database_is_503_without_retry_after(
    client: TestClient, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = make_user(client)
    path = make_url(TEST_DATABASE_URL).database
    monkeypatch.setattr(settings, "database_url", f"sqlite:///file:{path}?mode=ro&uri=true")
    r = client.post("/api/v1/habits", json={"name": "Gym"}, headers=user.headers)
    assert r.status_code == 503
    assert "Retry-After" not in r.headers
    assert "read-only" in r.json()["detail"]


@sqlite_only
def test_a_file_uri_makes_no_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A ``file:`` URI is not a path: its "parent" must not be made in the working folder.
    monkeypatch.chdir(tmp_path)
    database = tmp_path / "kaizen.db"
    sqlite3.connect(database).close()
    engine = db.build_engine(f"sqlite:///file:{database}?mode=rw&uri=true")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1
    engine.dispose()
    assert list(tmp_path.iterdir()) == [database]


def test_health_is_503_when_the_database_cannot_be_reached(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert client.get("/api/v1/health").status_code == 200
    monkeypatch.setattr(settings, "database_url", "postgresql+psycopg://nobody@127.0.0.1:1/nothing")
    r = client.get("/api/v1/health")
    assert r.status_code == 503
    assert "Retry-After" not in r.headers


@sqlite_only
def test_health_is_503_when_the_disk_is_full(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from kaizen import db

    monkeypatch.setattr(db.shutil, "disk_usage", lambda _: shutil._ntuple_diskusage(1, 1, 0))  # type: ignore[attr-defined]
    r = client.get("/api/v1/health")
    assert r.status_code == 503
    assert "disk full" in r.json()["detail"]
