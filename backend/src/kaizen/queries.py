"""Query shapes every domain repeats, written once: a page of rows with its total, the next
position at the end of an ordered list, and a reorder."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, String, case, func, select, type_coerce, update
from sqlalchemy.orm import Session

from kaizen.ownership import ensure_owned
from kaizen.plain import driver_rows


@dataclass(frozen=True)
class Pagination:
    """A page request (``deps.PageParams`` builds it from ``limit``/``offset`` query params)."""

    limit: int
    offset: int


def count_rows(db: Session, stmt: Select[*tuple[Any, ...]]) -> int:
    """How many rows ``stmt`` gives, in one query (its ordering dropped): a list's total."""
    return db.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0


def paginate(db: Session, stmt: Select[Any], page: Pagination) -> tuple[Sequence[Any], int]:
    """One page of ``stmt``'s rows and the total over all pages (two queries, any data size)."""
    total = count_rows(db, stmt)
    rows: Sequence[Any] = db.scalars(stmt.limit(page.limit).offset(page.offset)).all()
    return rows, total


def next_position(db: Session, position: Any, *where: Any) -> int:
    """The position after the last one among the rows matching ``where`` (1 for the first)."""
    return (db.scalar(select(func.max(position)).where(*where)) or 0) + 1


def reorder(
    db: Session, model: Any, user_id: int, ids: list[int], *, label: str, field: str
) -> None:
    """Give the user's rows ``ids`` positions 1..n in that order, in one statement.

    Every id must be the user's (another user's id is a 404, duplicates a 422)."""
    ensure_owned(db, user_id, model, ids, label=label, field=field)
    if not ids:
        return
    positions = {row_id: position for position, row_id in enumerate(ids, start=1)}
    db.execute(
        update(model)
        .where(model.id.in_(ids))
        .values(position=case(positions, value=model.id))
        .execution_options(synchronize_session="fetch")
    )
    db.flush()


LIKE_ESCAPE = "/"


def like_escaped(text: str) -> str:
    """``text`` for a bound LIKE pattern (``contains(param, escape=LIKE_ESCAPE)``), escaped
    as ``contains(..., autoescape=True)`` escapes a literal: a statement built once cannot
    autoescape the value it is given later."""
    return (
        text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2)
        .replace("%", LIKE_ESCAPE + "%")
        .replace("_", LIKE_ESCAPE + "_")
    )


def moment_json(column: Any, dialect: str) -> Any:
    """A UTC timestamp column (``db.UTCDateTime``, NOT NULL) read for a response serialised
    from plain values (``plain.json_response``), to be passed through ``moment_value``: on
    SQLite its stored text, without SQLAlchemy turning each value into a datetime; elsewhere
    the column as it is (an aware datetime, which orjson and pydantic write the same way)."""
    return type_coerce(column, String) if dialect == "sqlite" else column


def sqlite_moment(stored: str) -> str:
    """SQLite's stored UTC time ('YYYY-MM-DD HH:MM:SS[.ffffff]') as the text pydantic writes
    for that instant: 'YYYY-MM-DDTHH:MM:SSZ', with '.ffffff' only when it is not zero. In
    Python, not SQL: SQLite's string functions cost a board page of 600 values 0.17 ms,
    these 0.07 ms."""
    return stored.replace(" ", "T", 1).removesuffix(".000000") + "Z"


def _as_it_is(value: Any) -> Any:
    return value


def moment_value(dialect: str) -> Callable[[Any], Any]:
    """What turns a ``moment_json`` column's value into its JSON value."""
    return sqlite_moment if dialect == "sqlite" else _as_it_is


def day_json(column: Any, dialect: str) -> Any:
    """A ``Date`` column read as its JSON value: SQLite's stored 'YYYY-MM-DD' text as it is
    (pydantic writes a date the same way); elsewhere the column as it is."""
    return type_coerce(column, String) if dialect == "sqlite" else column


def json_rows(db: Session, statement: Any, params: dict[str, Any]) -> Sequence[Any]:
    """The rows of a statement whose columns are already their JSON values (integers, text,
    and ``moment_json``/``day_json`` columns): on SQLite the driver's tuples as they are
    (``plain.driver_rows``: no result processing is needed there); elsewhere SQLAlchemy's rows,
    whose timestamps its types make aware UTC datetimes."""
    if db.get_bind().dialect.name == "sqlite":
        return driver_rows(db, statement, params)
    return db.connection().execute(statement, params).all()
