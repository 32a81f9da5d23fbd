"""Data ownership flows: Loop Habit Tracker import, account deletion (and, later, the full
export/import). They span domains, so they live here; only routers and the CLI call them."""

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from kaizen.auth import security
from kaizen.auth.models import User
from kaizen.db import utcnow
from kaizen.errors import AppError, field_error
from kaizen.habits import kept_runs
from kaizen.habits import service as habits
from kaizen.habits.models import Habit
from kaizen.habits.schemas import HabitCreate, HabitUpdate
from kaizen.portability import checkins, kaizen_format, loop, tables
from kaizen.portability.schemas import (
    Conversion,
    KaizenImportResult,
    LoopHabitResult,
    LoopImportResult,
)
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
    known = checkins.known_days(db, [h.id for h in existing.values()])
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    rescore: list[tuple[int, date, date]] = []
    written: list[int] = []
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
        written.append(habit.id)
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
        if current is not None and updated + created:
            rescore.append((habit.id, entries[0].day, entries[-1].day))
    if not dry_run:
        checkins.write(db, inserts, updates)
        # The imported items' current runs are kept again from what is stored now.
        kept_runs.refresh_ids(db, written, today)
        # Kept results of finished sprints holding a changed item are re-scored, after the write.
        for habit_id, first_day, last_day in rescore:
            snapshots.rescore_habit_days(db, habit_id, first_day, last_day, today)
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


# ------------------------------------------------------------------- Kaizen export and import


def export_document(db: Session, user: User) -> Iterator[str]:
    """Everything the user owns as one JSON document, produced piece by piece."""
    return kaizen_format.export_chunks(db, user, utcnow())


def _handle_taken(db: Session, user: User) -> Callable[[str], bool]:
    def taken(handle: str) -> bool:
        owner = db.scalar(select(User.id).where(User.handle == handle))
        return owner is not None and owner != user.id

    return taken


def import_document(
    db: Session, user: User, data: bytes, today: date, *, dry_run: bool = False
) -> KaizenImportResult:
    """A Kaizen export into the user's account: the whole document is checked first (every
    error with its JSON path) and nothing changes when any part is invalid. Importing the
    same file again updates what it created. ``dry_run`` reports without keeping anything."""
    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportRefused(f"Not a JSON document: {exc}") from exc
    document, errors = kaizen_format.validation_errors(raw, _handle_taken(db, user))
    if errors or document is None:
        raise RequestValidationError(
            [
                {"loc": ("body", path), "msg": f"{path}: {message}", "type": "value_error"}
                for path, message in errors
            ]
        )
    savepoint = db.begin_nested() if dry_run else None
    tally = kaizen_format.load_document(db, user, document)
    if savepoint is not None:
        savepoint.rollback()
    else:
        snapshots.freeze_finished(db, user.id, today)
    return KaizenImportResult(
        dry_run=dry_run,
        created={k: n for k, n in tally.created.items() if n},
        updated={k: n for k, n in tally.updated.items() if n},
    )
