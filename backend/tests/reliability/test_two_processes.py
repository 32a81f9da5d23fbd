"""Writers in two processes on one database (``kaizen serve --workers 2``): every write lands
and none is a 500 or a 503 (SQLite and PostgreSQL). On SQLite, writers take turns through
``kaizen.db.WriterTurn``, whose turn is only an order (SQLite's own lock keeps writes apart),
and the WAL is checkpointed by a background thread (``kaizen.db.Checkpointer``), never inside
a request's commit."""

import fcntl
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from kaizen import clock
from kaizen.db import Checkpointer
from tests.conftest import TEST_DATABASE_URL
from tests.factories import make_user
from tests.reliability.test_contention import short_waits, write_lock_held

SQLITE_FILE = make_url(TEST_DATABASE_URL).get_backend_name() == "sqlite"
sqlite_only = pytest.mark.skipif(not SQLITE_FILE, reason="SQLite's single writer lock")
BACKEND = Path(__file__).resolve().parents[2]
DAYS = 40

__all__ = ["short_waits"]  # a fixture used below

# The other process: the same app on the same database file, writing when told to.
OTHER_PROCESS = """
import json, sys
from fastapi.testclient import TestClient
from kaizen.main import create_app
headers, urls = json.loads(sys.argv[1]), json.loads(sys.argv[2])
with TestClient(create_app(), base_url="http://testserver") as client:
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    print("ready", flush=True)
    sys.stdin.readline()
    codes = [client.put(u, json={"status": "missed"}, headers=headers).status_code for u in urls]
print(json.dumps(codes), flush=True)
"""


def test_writers_in_two_processes_all_succeed_and_every_write_lands(client: TestClient) -> None:
    user = make_user(client)
    today = clock.local_today("UTC")
    first = today - timedelta(days=2 * DAYS - 1)
    habit = client.post(
        "/api/v1/habits", json={"name": "Gym", "start_date": str(first)}, headers=user.headers
    ).json()
    urls = [
        f"/api/v1/habits/{habit['id']}/check-ins/{first + timedelta(days=d)}"
        for d in range(2 * DAYS)
    ]
    mine, theirs = urls[0::2], urls[1::2]  # interleaved days: the same pages change
    env = {
        **os.environ,
        "KAIZEN_DATABASE_URL": TEST_DATABASE_URL,
        "KAIZEN_MIGRATE_ON_START": "false",
    }
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROCESS, json.dumps(user.headers), json.dumps(theirs)],
        cwd=BACKEND,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdin is not None
        assert other.stdout.readline().strip() == "ready"
        other.stdin.write("go\n")
        other.stdin.flush()
        with ThreadPoolExecutor(max_workers=4) as pool:
            responses = list(
                pool.map(
                    lambda url: client.put(url, json={"status": "done"}, headers=user.headers),
                    mine,
                )
            )
        their_codes = json.loads(other.stdout.readline())
    finally:
        other.wait(timeout=120)

    assert [r.status_code for r in responses] == [200] * DAYS
    assert their_codes == [200] * DAYS
    rows = client.get(
        f"/api/v1/habits/{habit['id']}/check-ins",
        params={"from": str(first), "to": str(today)},
        headers=user.headers,
    ).json()["items"]
    expected = {str(first + timedelta(days=d)): ("done", "missed")[d % 2] for d in range(2 * DAYS)}
    assert {row["date"]: row["status"] for row in rows} == expected


@contextmanager
def turn_held_elsewhere() -> Iterator[None]:
    """Another process's writer holding the writer turn (here: another open lock file)."""
    path = make_url(TEST_DATABASE_URL).database
    assert path
    fd = os.open(f"{path}-writer", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _check_in_url(client: TestClient) -> tuple[dict[str, str], str]:
    """A new user's headers and the URL of today's check-in of their new habit."""
    user = make_user(client)
    habit = client.post("/api/v1/habits", json={"name": "Gym"}, headers=user.headers).json()
    return user.headers, f"/api/v1/habits/{habit['id']}/check-ins/{habit['start_date']}"


@sqlite_only
def test_a_writer_without_its_turn_still_writes_when_sqlite_lock_is_free(
    client: TestClient, short_waits: None
) -> None:
    headers, url = _check_in_url(client)

    with turn_held_elsewhere():
        response = client.put(url, json={"status": "done"}, headers=headers)

    assert response.status_code == 200


@sqlite_only
def test_a_writer_without_its_turn_or_sqlite_lock_is_a_503_with_retry_after(
    client: TestClient, short_waits: None
) -> None:
    headers, url = _check_in_url(client)

    with turn_held_elsewhere(), write_lock_held():
        response = client.put(url, json={"status": "done"}, headers=headers)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"
    after = client.put(url, json={"status": "done"}, headers=headers)
    assert after.status_code == 200


@sqlite_only
def test_the_wal_is_checkpointed_in_the_background_not_by_commits(
    client: TestClient, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    done = threading.Event()
    checkpoint = Checkpointer.checkpoint

    def spy(self: Checkpointer, connection: object) -> None:
        assert threading.current_thread().name == "kaizen-checkpoint"
        checkpoint(self, connection)  # type: ignore[arg-type]
        done.set()

    monkeypatch.setattr(Checkpointer, "EVERY", 2)
    monkeypatch.setattr(Checkpointer, "checkpoint", spy)
    headers, url = _check_in_url(client)
    for status in ("done", "missed"):
        assert client.put(url, json={"status": status}, headers=headers).status_code == 200

    assert done.wait(60)


@sqlite_only
def test_every_write_gives_its_turn_back_whether_it_commits_or_fails(client: TestClient) -> None:
    headers, url = _check_in_url(client)
    future = url.rsplit("/", 1)[0] + "/2999-01-01"
    others = url.replace("/habits/", "/habits/9", 1)
    path = make_url(TEST_DATABASE_URL).database
    fd = os.open(f"{path}-writer", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        for target, expected in ((url, 200), (future, 422), (others, 404)):
            response = client.put(target, json={"status": "done"}, headers=headers)
            assert response.status_code == expected
            # Another process could take the turn now (it is not left held).
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
