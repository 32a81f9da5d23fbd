"""The migration adding the habits' kept-run columns leaves every existing item "not kept"
(NULL: Today counts its run in SQL until its next check-in write), and its downgrade drops
them without touching the items."""

from sqlalchemy import create_engine, inspect, text

from kaizen import migrate
from tests.migrations.test_migrations import scratch_url

__all__ = ["scratch_url"]

BEFORE = "40be6b676ce6"
NOW = "2026-11-30 12:00:00.000000"


def _habit_columns(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return {c["name"] for c in inspect(engine).get_columns("habits")}
    finally:
        engine.dispose()


def test_existing_items_are_not_kept_and_the_downgrade_keeps_them(scratch_url: str) -> None:
    migrate.upgrade(scratch_url, BEFORE)
    assert "run_as_of" not in _habit_columns(scratch_url)
    engine = create_engine(scratch_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (id, email, password_hash, display_name, timezone, is_admin,"
                " is_active, created_at, updated_at, public_profile, onboarded) VALUES"
                " (1, 'a@example.com', 'x', 'A', 'UTC', false, true, :now, :now, false, false)"
            ),
            {"now": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO habits (id, user_id, name, description, kind, schedule_type,"
                " start_date, position, archived, created_at, updated_at) VALUES"
                " (7, 1, 'Gym', '', 'boolean', 'daily', '2025-01-01', 1, false, :now, :now)"
            ),
            {"now": NOW},
        )
    migrate.upgrade(scratch_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, run_as_of, run_before_as_of FROM habits")).all()
    assert [tuple(r) for r in rows] == [(7, None, None)]
    migrate.downgrade(scratch_url, BEFORE)
    assert not {"run_as_of", "run_before_as_of"} & _habit_columns(scratch_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id, name FROM habits")).all() == [(7, "Gym")]
    engine.dispose()
