"""Whole-installation copies: ``kaizen backup`` (SQLite's online backup API) and ``kaizen db
copy`` (SQLite → PostgreSQL, table by table in dependency order). Both read the tables from
``Base.metadata``, so tables added by later domains are copied without a change here."""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, create_engine, func, insert, select, text
from sqlalchemy.engine import make_url

from kaizen.portability import tables

BATCH = 2000


class CopyError(Exception):
    """The copy cannot go on; nothing was committed to the target."""


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database or "")


def backup_sqlite(url: str, destination: Path) -> int:
    """A consistent copy of a live SQLite database (other connections may keep writing);
    returns the copy's size in bytes."""
    source_path = sqlite_path(url)
    if source_path is None:
        raise CopyError("kaizen backup copies SQLite databases; for PostgreSQL use pg_dump")
    if not source_path.exists():
        raise CopyError(f"no database at {source_path}")
    if destination.exists():
        raise CopyError(f"{destination} exists already; choose a new file")
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(destination)
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()
    return destination.stat().st_size


@dataclass
class TableCopy:
    table: str
    rows: int


def _revision(conn: Connection) -> str | None:
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except Exception:
        return None


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _reset_sequences(conn: Connection, ordered: list[Table]) -> None:
    """PostgreSQL: each serial/identity sequence continues after the largest copied id."""
    for table in ordered:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        column = pk[0].name
        sequence = conn.execute(
            text("SELECT pg_get_serial_sequence(:table, :column)"),
            {"table": table.name, "column": column},
        ).scalar()
        if sequence is None:
            continue
        conn.execute(
            text(
                f'SELECT setval(:sequence, COALESCE((SELECT MAX("{column}") FROM "{table.name}"),'  # noqa: S608
                f' 1), (SELECT MAX("{column}") FROM "{table.name}") IS NOT NULL)'
            ),
            {"sequence": sequence},
        )


def copy_database(source_url: str, target_url: str) -> list[TableCopy]:
    """Every table of a migrated source into an empty, migrated target at the same schema
    revision, in one transaction on the target: row counts are checked per table, and the
    target is left unchanged when anything is off."""
    source = create_engine(source_url)
    target = create_engine(target_url)
    try:
        return _copy(source, target)
    finally:
        source.dispose()
        target.dispose()


def _copy(source: Engine, target: Engine) -> list[TableCopy]:
    ordered = tables.copy_order()
    copied: list[TableCopy] = []
    with source.connect() as src, target.begin() as dst:
        source_revision, target_revision = _revision(src), _revision(dst)
        if source_revision is None:
            raise CopyError("the source database is not a migrated Kaizen database")
        if source_revision != target_revision:
            raise CopyError(
                f"schema versions differ (source {source_revision}, target {target_revision}):"
                " run `kaizen migrate` against both first"
            )
        busy = [t.name for t in ordered if _count(dst, t)]
        if busy:
            raise CopyError(
                f"the target is not empty ({', '.join(busy)}): copy into a new database"
            )
        for table in ordered:
            result = src.execution_options(yield_per=BATCH).execute(select(table))
            for batch in result.mappings().partitions(BATCH):
                dst.execute(insert(table), [dict(row) for row in batch])
            expected, found = _count(src, table), _count(dst, table)
            if expected != found:
                raise CopyError(f"{table.name}: {expected} rows in the source, {found} copied")
            copied.append(TableCopy(table.name, found))
        if dst.dialect.name == "postgresql":
            _reset_sequences(dst, ordered)
    return copied
