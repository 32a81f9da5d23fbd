"""`kaizen backup` and `kaizen db copy` (SQLite → PostgreSQL; runs in the PostgreSQL pass)."""

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from kaizen import migrate
from kaizen.cli import app
from kaizen.config import settings
from kaizen.db import Base
from kaizen.portability import dbcopy
from tests.conftest import TEST_DATABASE_URL
from tests.factories import make_user
from tests.security.test_ownership_walk import make_everything

runner = CliRunner()


def _counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def test_backup_copies_a_live_sqlite_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path}/live.db"
    migrate.upgrade(url)
    writer = sqlite3.connect(tmp_path / "live.db")
    writer.execute(
        "INSERT INTO users (email, password_hash, display_name, timezone, is_admin, is_active,"
        " public_profile, onboarded, created_at, updated_at)"
        " VALUES ('a@example.com', 'x', '', 'UTC', 0, 1, 0, 0, '2026-01-01', '2026-01-01')"
    )
    writer.commit()
    writer.execute("BEGIN IMMEDIATE")  # a write in progress while the backup runs
    writer.execute("UPDATE users SET display_name = 'not yet committed'")
    monkeypatch.setattr(settings, "database_url", url)

    result = runner.invoke(app, ["backup", str(tmp_path / "copy.db")])
    writer.rollback()
    writer.close()

    assert result.exit_code == 0, result.output
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("SELECT email, display_name FROM users").fetchall() == [
        ("a@example.com", "")
    ]
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()

    again = runner.invoke(app, ["backup", str(tmp_path / "copy.db")])
    assert again.exit_code == 1 and "exists already" in again.output


def test_backup_on_postgresql_points_to_pg_dump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "database_url", "postgresql+psycopg://kaizen@localhost/kaizen")
    result = runner.invoke(app, ["backup", str(tmp_path / "never-written.db")])
    assert result.exit_code == 2
    assert "pg_dump" in result.output
    assert not (tmp_path / "never-written.db").exists()


def test_copy_refuses_an_unmigrated_source(tmp_path: Path) -> None:
    empty = f"sqlite:///{tmp_path}/empty.db"
    target = f"sqlite:///{tmp_path}/target.db"
    sqlite3.connect(tmp_path / "empty.db").close()
    migrate.upgrade(target)
    with pytest.raises(dbcopy.CopyError, match="not a migrated Kaizen database"):
        dbcopy.copy_database(empty, target)


needs_postgres = pytest.mark.skipif(
    make_url(TEST_DATABASE_URL).get_backend_name() != "postgresql",
    reason="db copy needs PostgreSQL: run under scripts/with_postgres.py",
)


@pytest.fixture
def new_postgres_database() -> Iterator[str]:
    """An empty database on the test cluster, dropped afterwards."""
    name = f"kaizen_copy_{uuid.uuid4().hex[:8]}"
    admin = create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(TEST_DATABASE_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@needs_postgres
def test_db_copy_moves_sqlite_to_postgresql(
    client: TestClient,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    new_postgres_database: str,
    set_now: Callable[[str], None],
) -> None:
    set_now("2024-11-20T12:00:00Z")
    for _ in range(2):
        make_everything(client, make_user(client))
    # A SQLite installation holding that data (the copy works either way round).
    sqlite_url = f"sqlite:///{tmp_path}/kaizen.db"
    migrate.upgrade(sqlite_url)
    dbcopy.copy_database(TEST_DATABASE_URL, sqlite_url)
    expected = _counts(sqlite_url)
    assert expected["check_ins"] and expected["sprint_habits"] and expected["users"] == 2

    monkeypatch.setattr(settings, "database_url", sqlite_url)
    result = runner.invoke(app, ["db", "copy", "--to", new_postgres_database])
    assert result.exit_code == 0, result.output
    assert "row counts match" in result.output
    assert _counts(new_postgres_database) == expected

    # Sequences continue after the copied ids: a new row gets a fresh id.
    target = create_engine(new_postgres_database)
    users = Base.metadata.tables["users"]
    with target.begin() as conn:
        largest = conn.scalar(select(func.max(users.c.id)))
        new_id = conn.execute(
            insert(users)
            .values(email="new@example.com", password_hash="x", timezone="UTC")
            .returning(users.c.id)
        ).scalar_one()
    target.dispose()
    assert new_id > largest

    # Copying again into a database that is no longer empty changes nothing.
    again = runner.invoke(app, ["db", "copy", "--to", new_postgres_database])
    assert again.exit_code == 1 and "not empty" in again.output
    assert _counts(new_postgres_database)["users"] == 3


def test_cli_export_then_import_into_another_account(
    client: TestClient, tmp_path: Path, set_now: Callable[[str], None]
) -> None:
    set_now("2024-11-20T12:00:00Z")
    alice, bob = make_user(client), make_user(client)
    make_everything(client, alice)
    exported = runner.invoke(app, ["export", "--email", alice.email])
    assert exported.exit_code == 0, exported.output
    document = json.loads(exported.stdout)
    assert document["format"] == "kaizen" and len(document["habits"]) == 1
    path = tmp_path / "alice.json"
    path.write_text(exported.stdout)

    imported = runner.invoke(app, ["import", "--email", bob.email, str(path)])
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.stdout)["created"]["habits"] == 1
    again = runner.invoke(app, ["export", "--email", bob.email])
    assert {k: v for k, v in json.loads(again.stdout).items() if k != "exported_at"} == {
        k: v for k, v in document.items() if k != "exported_at"
    }

    path.write_text('{"format": "kaizen", "version": 1}')
    bad = runner.invoke(app, ["import", "--email", bob.email, str(path)])
    assert bad.exit_code == 1 and "$.exported_at" in bad.output
    missing = runner.invoke(app, ["export", "--email", "nobody@example.com"])
    assert missing.exit_code == 1 and "no user" in missing.output
