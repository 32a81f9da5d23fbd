"""Alembic owns the schema: upgrade from empty, downgrade to base, and the models agree."""

import json
import tempfile
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

from kaizen import migrate
from kaizen.db import Base
from kaizen.models import import_all_models
from tests.conftest import TEST_DATABASE_URL


@pytest.fixture
def scratch_url() -> Iterator[str]:
    """An empty database beside the test one (a new file, or a new PostgreSQL database)."""
    url = make_url(TEST_DATABASE_URL)
    if url.get_backend_name() == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/scratch.db"
        return
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS kaizen_scratch"))
        conn.execute(text("CREATE DATABASE kaizen_scratch"))
    yield url.set(database="kaizen_scratch").render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS kaizen_scratch WITH (FORCE)"))
    admin.dispose()


def _engine(url: str) -> Engine:
    return create_engine(url)


def test_upgrade_to_head_then_downgrade_to_base(scratch_url: str) -> None:
    import_all_models()
    migrate.upgrade(scratch_url)
    engine = _engine(scratch_url)
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    migrate.downgrade(scratch_url, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(scratch_url)  # and back up again: downgrades left nothing behind
    engine.dispose()


def test_models_agree_with_migrations(scratch_url: str) -> None:
    import_all_models()
    migrate.upgrade(scratch_url)
    engine = _engine(scratch_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == [], f"models and migrations differ; run alembic revision --autogenerate: {diff}"


def test_sprint_kept_columns_are_backfilled_from_the_kept_snapshots(scratch_url: str) -> None:
    """The migration adding the sprint list's kept score and outcome fills them for sprints
    kept before it, from their snapshot and target; nothing kept (or marked) stays NULL."""
    migrate.upgrade(scratch_url, "b35942526085")
    engine = _engine(scratch_url)
    row = {"done": 7, "required": 11, "still_needed": 4, "eligible_left": 0}
    kept = {"days_total": 14, "days_elapsed": 14, "days_left": 0, "score": 0.5, "habits": []}
    snapshots = {
        1: {**kept, "habits": [{**row, "habit_id": 1, "name": "Gym"}]},
        2: {**kept, "habits": [{**row, "habit_id": 1, "name": "Gym"}], "rescore_all": True},
        3: None,
        4: {**kept, "score": None},
    }
    now = "2026-11-30 12:00:00.000000"
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO users (id, email, password_hash, display_name, timezone, is_admin,"
                " is_active, created_at, updated_at, public_profile, onboarded) VALUES"
                " (1, 'a@example.com', 'x', 'A', 'UTC', false, true, :now, :now, false, false)"
            ),
            {"now": now},
        )
        for sprint_id, snapshot in snapshots.items():
            conn.execute(
                text(
                    "INSERT INTO sprints (id, user_id, title, theme, start_date, end_date,"
                    " target_rate, plan, retrospective, snapshot, created_at, updated_at) VALUES"
                    " (:id, 1, 'S', '', '2026-11-02', '2026-11-15', 0.75, '', '', :snapshot,"
                    " :now, :now)"
                ),
                {
                    "id": sprint_id,
                    "snapshot": json.dumps(snapshot) if snapshot else None,
                    "now": now,
                },
            )
    migrate.upgrade(scratch_url)
    with engine.connect() as conn:
        got = {
            r[0]: tuple(r[1:])
            for r in conn.execute(
                text("SELECT id, kept_score, kept_outcome, kept_outcome_text FROM sprints")
            )
        }
    engine.dispose()
    assert got == {
        1: (0.5, "missed", "Below target 75%: 7 of 11 days done, 4 days short"),
        2: (None, None, None),
        3: (None, None, None),
        4: (None, "no_items", "No action items, so nothing to score"),
    }
