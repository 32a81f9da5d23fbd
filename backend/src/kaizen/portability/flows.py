"""Data ownership flows: Loop Habit Tracker import, account deletion (and, later, the full
export/import). They span domains, so they live here; only routers and the CLI call them."""

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any, cast

from pydantic import ValidationError
from sqlalchemy import Table, delete, or_, select, update
from sqlalchemy.orm import Session

from kaizen.auth import security
from kaizen.auth.models import User
from kaizen.db import utcnow
from kaizen.errors import AppError, field_error
from kaizen.habits import service as habits
from kaizen.habits.models import CheckIn, Habit
from kaizen.habits.schemas import HabitCreate, HabitUpdate
from kaizen.portability import bulk, loop, tables
from kaizen.portability.schemas import Conversion, LoopHabitResult, LoopImportResult
from kaizen.schemas import MIN_DAY
from kaizen.sprints import snapshots


class ImportRefused(AppError):
    def __init__(self, message: str) -> None:
        super().__init__(422, message)


def _unique_names(parsed: list[loop.LoopHabit]) -> None:
    """Two Loop habits with one name stay two habits here ("Read", "Read (2)")."""
    seen: Counter[str] = Counter()
    for habit in parsed:
        seen[habit.name] += 1
        if seen[habit.name] > 1:
            habit.name = f"{habit.name[: loop.MAX_NAME - 6]} ({seen[habit.name]})"


def _fields(item: loop.LoopHabit, start: date) -> dict[str, Any]:
    schedule, _ = loop.schedule_for(item.numerator, item.denominator)
    return {
        "description": item.description,
        "kind": "numeric" if item.numeric else "boolean",
        "target_value": item.target_value,
        "unit": item.unit,
        "target_type": item.target_type,
        "schedule": schedule,
        "start_date": start,
        "color": item.color,
        "archived": item.archived,
    }


def _status(habit: Habit, entry: loop.LoopEntry) -> str:
    if entry.status is not None:
        return entry.status
    target = habit.target_value or 0
    value = entry.value or 0
    met = value <= target if habit.target_type == "at_most" else value >= target
    return "done" if met else "missed"


def _kept(entries: Iterable[loop.LoopEntry], today: date) -> tuple[list[loop.LoopEntry], int]:
    """One entry per day (the last wins), none in the future or before 2000."""
    by_day = {e.day: e for e in entries if MIN_DAY <= e.day <= today}
    outside = sum(1 for e in entries if not MIN_DAY <= e.day <= today)
    return [by_day[d] for d in sorted(by_day)], outside


def import_loop(
    db: Session, user: User, data: bytes, today: date, *, dry_run: bool = False
) -> LoopImportResult:
    """Loop's CSV zip or backup database into the user's action items. Habits are matched by
    name, so importing again updates them and their check-ins instead of duplicating. Nothing
    is written when the file is malformed (it is read whole first) or when ``dry_run``."""
    try:
        parsed = loop.parse(data)
    except loop.LoopFormatError as exc:
        raise ImportRefused(f"Cannot read this Loop export: {exc}") from exc
    _unique_names(parsed)
    existing = {h.name: h for h in habits.habits_named(db, user, [p.name for p in parsed])}
    kept = {p.name: _kept(p.entries, today) for p in parsed}
    result = LoopImportResult(dry_run=dry_run)
    plans: list[tuple[loop.LoopHabit, Habit | None, date]] = []
    for item in parsed:
        entries, outside = kept[item.name]
        first = entries[0].day if entries else today
        current = existing.get(item.name)
        start = min(first, current.start_date) if current else first
        _, converted_to = loop.schedule_for(item.numerator, item.denominator)
        if converted_to:
            result.converted.append(
                Conversion(
                    habit=item.name,
                    **{"from": loop.describe_frequency(item.numerator, item.denominator)},
                    to=converted_to,
                )
            )
        result.ignored.auto += item.ignored["auto"]
        result.ignored.unknown += item.ignored["unknown"]
        result.ignored.out_of_range += outside
        plans.append((item, current, start))
    _validate(plans)
    # Existing check-ins of the matched habits, in one query: those days are updated.
    matched = [h.id for h in existing.values()]
    known: dict[tuple[int, date], int] = {}
    if matched:
        rows = db.execute(
            select(CheckIn.habit_id, CheckIn.day, CheckIn.id).where(CheckIn.habit_id.in_(matched))
        )
        known = {(hid, day): cid for hid, day, cid in rows}
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    for item, current, start in plans:
        entries, _ = kept[item.name]
        fields = _fields(item, start)
        if current is None:
            result.created.habits += 1
            habit = (
                Habit(id=0, **_model_fields(fields), name=item.name)
                if dry_run
                else habits.create_habit(db, user, HabitCreate(name=item.name, **fields), today)
            )
        else:
            result.updated.habits += 1
            habit = (
                current
                if dry_run
                else habits.update_habit(db, user, current, HabitUpdate(**fields), today)
            )
        created = updated = 0
        for entry in entries:
            status = _status(habit, entry)
            existing_id = known.get((habit.id, entry.day)) if current else None
            if existing_id is None:
                inserts.append((habit.id, entry.day, status, entry.value, entry.note))
                created += 1
            else:
                updates.append((existing_id, status, entry.value, entry.note))
                updated += 1
        result.created.check_ins += created
        result.updated.check_ins += updated
        result.habits.append(
            LoopHabitResult(
                name=item.name,
                action="updated" if current else "created",
                check_ins=created + updated,
            )
        )
        if current is not None and updated + created and not dry_run:
            snapshots.rescore_habit_days(db, habit.id, entries[0].day, entries[-1].day, today)
    if not dry_run:
        _write(db, inserts, updates)
        snapshots.freeze_finished(db, user.id, today)
    return result


def _model_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The planned habit as a model, for a dry run's statuses (numeric targets)."""
    return {k: fields[k] for k in ("kind", "target_value", "target_type")}


def _validate(plans: list[tuple[loop.LoopHabit, Habit | None, date]]) -> None:
    """Every habit is checked before anything is written."""
    for item, current, start in plans:
        fields = _fields(item, start)
        try:
            if current is None:
                HabitCreate(name=item.name, **fields)
            else:
                HabitUpdate(**fields)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ImportRefused(f"habit {item.name!r}: {where}: {first['msg']}") from exc


def _write(db: Session, inserts: list[tuple[Any, ...]], updates: list[tuple[Any, ...]]) -> None:
    """Check-ins in bulk: executemany batches, not one ORM object at a time."""
    now = utcnow()
    conn = db.connection()
    table = cast(Table, CheckIn.__table__)
    fields = ["status", "value", "note", "updated_at"]
    bulk.insert_rows(
        conn, table, ["habit_id", "date", *fields, "created_at"], [(*r, now, now) for r in inserts]
    )
    bulk.update_rows(conn, table, fields, [(*r, now) for r in updates])


# --------------------------------------------------------------------------- account deletion


def delete_account(db: Session, user: User, password: str) -> None:
    """Everything of the user, in every table (children first), then the user. A wrong
    password changes nothing."""
    if not security.verify_password(password, user.password_hash):
        raise field_error("password", "Password is incorrect")
    owned = tables.ownership(user.id)
    for table, entry in reversed(owned.items()):
        for column, condition in entry.set_null:
            db.execute(update(table).where(condition).values({column: None}))
    for table, entry in reversed(owned.items()):
        if entry.owns:
            db.execute(delete(table).where(or_(*entry.owns)))
    db.expunge(user)
    db.flush()
