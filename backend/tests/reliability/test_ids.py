"""Ids are never reused: a deleted habit's id never names a different habit later."""

import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from kaizen import migrate
from tests.conftest import TEST_DATABASE_URL
from tests.factories import make_user

SQLITE = make_url(TEST_DATABASE_URL).get_backend_name() == "sqlite"
BEFORE_AUTOINCREMENT = "44a024165e62"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/habits", {"name": "Gym"}),
        ("/api/v1/sprints", {"title": "Fortnight"}),
        ("/api/v1/goals", {"title": "Open source"}),
        ("/api/v1/portfolio-entries", {"title": "A post"}),
    ],
)
def test_the_id_of_the_newest_deleted_row_is_not_handed_out_again(
    client: TestClient, path: str, body: dict[str, object]
) -> None:
    user = make_user(client)
    first = client.post(path, json=body, headers=user.headers).json()["id"]
    newest = client.post(path, json=body, headers=user.headers).json()["id"]
    assert client.delete(f"{path}/{newest}", headers=user.headers).status_code == 204
    again = client.post(path, json=body, headers=user.headers).json()["id"]
    assert again not in (first, newest)
    assert again > newest


@pytest.mark.skipif(not SQLITE, reason="SQLite's schema")
def test_every_table_with_an_integer_id_is_autoincrement(engine: Engine) -> None:
    with engine.connect() as conn:
        tables = conn.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                "AND name != 'alembic_version'"
            )
        ).all()
    with_ids = [(name, sql) for name, sql in tables if re.search(r"^\s*id INTEGER", sql, re.M)]
    assert len(with_ids) >= 10
    plain = [name for name, sql in with_ids if "AUTOINCREMENT" not in sql]
    # kaizen.db.Base marks every model; a migration written before that would miss it.
    assert plain == [], f"tables that would reuse ids: {plain}"


@pytest.mark.skipif(not SQLITE, reason="the migration rebuilds SQLite tables")
def test_the_migration_keeps_every_row_and_stops_reuse(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    url = f"sqlite:///{path}"
    migrate.upgrade(url, BEFORE_AUTOINCREMENT)
    db = sqlite3.connect(path, isolation_level=None)
    now = "2026-01-01 00:00:00"
    db.execute(
        "INSERT INTO users (email, password_hash, display_name, timezone, is_admin, is_active,"
        " public_profile, onboarded, created_at, updated_at)"
        " VALUES ('a@example.com', 'x', '', 'UTC', 1, 1, 0, 0, ?, ?)",
        (now, now),
    )
    for name in ("Gym", "Read", "Newest"):
        db.execute(
            "INSERT INTO habits (user_id, name, description, schedule_type, kind, archived,"
            " position, start_date, created_at, updated_at)"
            " VALUES (1, ?, '', 'daily', 'boolean', 0, 1, '2026-01-01', ?, ?)",
            (name, now, now),
        )
    db.execute(
        "INSERT INTO check_ins (habit_id, date, status, note, created_at, updated_at)"
        " VALUES (2, '2026-01-02', 'done', '', ?, ?)",
        (now, now),
    )

    migrate.upgrade(url)

    # Nothing was lost, not even rows that reference the rebuilt tables.
    assert db.execute("SELECT name FROM habits ORDER BY id").fetchall() == [
        ("Gym",),
        ("Read",),
        ("Newest",),
    ]
    assert db.execute("SELECT habit_id FROM check_ins").fetchall() == [(2,)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.execute("DELETE FROM habits WHERE id = 3")
    db.execute(
        "INSERT INTO habits (user_id, name, description, schedule_type, kind, archived,"
        " position, start_date, created_at, updated_at)"
        " VALUES (1, 'Later', '', 'daily', 'boolean', 0, 1, '2026-01-01', ?, ?)",
        (now, now),
    )
    assert db.execute("SELECT id FROM habits WHERE name = 'Later'").fetchone() == (4,)
    # And back down, keeping the rows.
    migrate.downgrade(url, BEFORE_AUTOINCREMENT)
    assert db.execute("SELECT count(*) FROM habits").fetchone() == (3,)
    assert db.execute("SELECT count(*) FROM check_ins").fetchone() == (1,)
    db.close()
