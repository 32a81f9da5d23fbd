"""Alembic owns the schema: upgrade from empty, downgrade to base, and the models agree."""

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
