"""Test setup: one migrated database per run (SQLite by default, PostgreSQL when
KAIZEN_TEST_DATABASE_URL is set), emptied after every test so tests stay isolated."""

import asyncio
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine, delete, event

# A real argon2id hash at a small cost: the suites sign up thousands of users, and the
# recommended cost (~0.2 s of CPU per hash) was most of their run time. Set before the
# settings are read, so servers the tests start in subprocesses inherit it too;
# tests/auth/test_password_hashing.py checks the default cost itself.
for _name, _value in {
    "KAIZEN_PASSWORD_HASH_MEMORY_KIB": "1024",
    "KAIZEN_PASSWORD_HASH_TIME_COST": "1",
    "KAIZEN_PASSWORD_HASH_PARALLELISM": "1",
}.items():
    os.environ.setdefault(_name, _value)

from kaizen.config import settings  # noqa: E402
from kaizen.db import Base, get_engine  # noqa: E402
from kaizen.models import import_all_models  # noqa: E402

_TMP = tempfile.mkdtemp(prefix="kaizen-test-")
TEST_DATABASE_URL = os.environ.get("KAIZEN_TEST_DATABASE_URL") or f"sqlite:///{_TMP}/test.db"
settings.database_url = TEST_DATABASE_URL
# The built SPA is not part of API tests; point at an empty folder so results don't depend on it.
settings.frontend_dist = Path(_TMP) / "no-dist"

import_all_models()

# Speed lives in the bench, never in tests: hypothesis' per-example deadline would fail a
# property test on a busy machine, so it is off for every test.
hypothesis_settings.register_profile("kaizen", deadline=None)
hypothesis_settings.load_profile("kaizen")


@pytest.fixture(scope="session")
def engine() -> Engine:
    from kaizen import migrate

    migrate.upgrade(TEST_DATABASE_URL)
    return get_engine(TEST_DATABASE_URL)


@pytest.fixture(scope="session")
def app(engine: Engine) -> FastAPI:
    from kaizen.main import create_app

    return create_app()


@pytest.fixture(autouse=True)
def _clean_database(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "engine" not in request.fixturenames:
        return
    engine: Engine = request.getfixturevalue("engine")
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(delete(table))


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client


@pytest.fixture
def make_client(app: FastAPI) -> Iterator[Callable[[], TestClient]]:
    """Several independent clients (each with its own cookie jar) in one test."""
    clients: list[TestClient] = []

    def factory() -> TestClient:
        c = TestClient(app, base_url="http://testserver")
        clients.append(c)
        return c

    yield factory
    for c in clients:
        c.close()


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(engine: Engine) -> Callable[[], Any]:
    """``with count_queries() as q: ...`` then ``q.count`` is the number of SQL statements."""

    @contextmanager
    def counting() -> Iterator[QueryCounter]:
        counter = QueryCounter()

        def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
            counter.statements.append(statement)

        event.listen(engine, "before_cursor_execute", before)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", before)

    return counting


@pytest.fixture
def set_now(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Freeze the wall clock at a UTC ISO timestamp (e.g. "2024-11-17T12:00:00Z")."""
    from datetime import datetime

    from kaizen import clock

    def setter(iso: str) -> None:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
        monkeypatch.setattr(clock, "utc_now", lambda: moment)

    return setter


@contextmanager
def statement_places(engine: Engine, wanted: Callable[[str], bool]) -> Iterator[list[bool]]:
    """Whether each ``wanted`` statement ran on the event loop (else in a worker thread)."""
    places: list[bool] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if wanted(statement):
            try:
                asyncio.get_running_loop()
                places.append(True)
            except RuntimeError:  # a worker thread has no running loop
                places.append(False)

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield places
    finally:
        event.remove(engine, "before_cursor_execute", before)
