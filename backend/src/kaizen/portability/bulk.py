"""Many rows in one statement at the driver's speed: an ``executemany`` with values turned
into the database's form once per distinct value (100,000 check-ins repeat a few thousand
dates), instead of building ORM objects or per-row parameter dictionaries."""

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Insert, Table, Update, bindparam, insert, update
from sqlalchemy.engine import Connection

BATCH = 5000


def _converter(conn: Connection, table: Table, column: str) -> Callable[[Any], Any] | None:
    """The column type's bind processor, remembering each distinct value's result."""
    process = table.c[column].type._cached_bind_processor(conn.dialect)
    if process is None:
        return None
    cache: dict[Any, Any] = {None: None}

    def convert(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            cache[value] = converted = process(value)
            return converted

    return convert


def _run(
    conn: Connection,
    stmt: Insert | Update,
    keys: list[str],
    columns: list[str],
    table: Table,
    rows: Sequence[Sequence[Any]],
) -> None:
    compiled = stmt.compile(dialect=conn.dialect)
    sql = str(compiled)
    converters = [(i, f) for i, c in enumerate(columns) if (f := _converter(conn, table, c))]
    position = {k: i for i, k in enumerate(keys)}
    order = [position[name] for name in (compiled.positiontup or [])]
    for start in range(0, len(rows), BATCH):
        batch = [list(row) for row in rows[start : start + BATCH]]
        for i, convert in converters:
            for row in batch:
                row[i] = convert(row[i])
        if compiled.positional:
            params: Any = [tuple(row[i] for i in order) for row in batch]
        else:
            params = [dict(zip(keys, row, strict=True)) for row in batch]
        conn.exec_driver_sql(sql, params)


def insert_rows(
    conn: Connection, table: Table, columns: list[str], rows: Sequence[Sequence[Any]]
) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order) into ``table``."""
    if not rows:
        return
    stmt = insert(table).values({c: bindparam(c) for c in columns})
    _run(conn, stmt, columns, columns, table, rows)


def update_rows(
    conn: Connection, table: Table, columns: list[str], rows: Sequence[Sequence[Any]]
) -> None:
    """UPDATE ``table`` by primary key ``id``: each row is (id, *values in ``columns`` order)."""
    if not rows:
        return
    keys = ["row_id", *columns]
    stmt = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({c: bindparam(c) for c in columns})
    )
    _run(conn, stmt, keys, ["id", *columns], table, rows)
