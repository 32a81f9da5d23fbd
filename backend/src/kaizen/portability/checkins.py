"""Check-ins written in bulk for imports (Loop and Kaizen files): one query tells known days
from new ones, then executemany batches insert and update them."""

from collections.abc import Collection
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from kaizen.db import utcnow
from kaizen.habits.models import CheckIn
from kaizen.portability import bulk

Row = tuple[int, date, str, float | None, str]  # habit id, date, status, value, note


def known_days(db: Session, habit_ids: Collection[int]) -> dict[tuple[int, date], int]:
    """(habit id, date) → check-in id, for these habits."""
    if not habit_ids:
        return {}
    rows = db.execute(
        select(CheckIn.habit_id, CheckIn.day, CheckIn.id).where(CheckIn.habit_id.in_(habit_ids))
    )
    return {(hid, day): cid for hid, day, cid in rows}


def write(db: Session, inserts: list[Row], updates: list[tuple[Any, ...]]) -> None:
    """``inserts`` as Rows; ``updates`` as (check-in id, status, value, note)."""
    now = utcnow()
    conn = db.connection()
    table = cast(Table, CheckIn.__table__)
    fields = ["status", "value", "note", "updated_at"]
    bulk.insert_rows(
        conn, table, ["habit_id", "date", *fields, "created_at"], [(*r, now, now) for r in inserts]
    )
    bulk.update_rows(conn, table, fields, [(*r, now) for r in updates])


def upsert(db: Session, rows: list[Row]) -> tuple[int, int]:
    """Returns (created, updated)."""
    known = known_days(db, {r[0] for r in rows})
    inserts: list[Row] = []
    updates: list[tuple[Any, ...]] = []
    for row in rows:
        existing = known.get((row[0], row[1]))
        if existing is None:
            inserts.append(row)
        else:
            updates.append((existing, *row[2:]))
    write(db, inserts, updates)
    return len(inserts), len(updates)
