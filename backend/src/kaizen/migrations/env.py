from alembic import context
from sqlalchemy import Connection

from kaizen.db import Base, get_engine
from kaizen.models import import_all_models

import_all_models()
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copy
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _run_sqlite(connection: Connection) -> None:
    """SQLite changes a table by copying it and dropping the original; with foreign keys on,
    that drop would cascade into every referencing table. So they are off while migrating
    (the pragma only works outside a transaction), checked afterwards, and back on."""
    driver = connection.connection.driver_connection
    assert driver is not None and not connection.in_transaction()
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        _run(connection)
        broken = driver.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")
    finally:
        driver.execute("PRAGMA foreign_keys=ON")


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url") or None
    with get_engine(url).connect() as conn:
        if conn.dialect.name == "sqlite":
            _run_sqlite(conn)
        else:
            _run(conn)


run_migrations_online()
