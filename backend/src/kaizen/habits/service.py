"""Habits and check-ins: queries and rules. Scoring itself lives in ``scoring.py``; logs,
schedules, streaks and the 14-day rate in ``logs.py`` (which other domains import)."""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple, cast

from fastapi.exceptions import RequestValidationError
from pydantic import TypeAdapter
from pydantic_core import to_json
from sqlalchemy import Date, Row, Select, String, Table, bindparam, delete, select, type_coerce
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningInsert

from kaizen.auth.models import User
from kaizen.db import utcnow
from kaizen.errors import field_error
from kaizen.goals.links import check_goal_link
from kaizen.habits import kept_runs, logs, recent, scoring, stats
from kaizen.habits.models import CheckIn, Habit
from kaizen.habits.schemas import (
    CheckInPut,
    DailySchedule,
    HabitCreate,
    HabitUpdate,
    TimesPerWeekSchedule,
    WeekdaysSchedule,
)
from kaizen.plain import driver_rows
from kaizen.queries import Pagination, next_position, paginate, reorder
from kaizen.schemas import apply_changes
from kaizen.sprints import snapshots

MAX_RANGE_DAYS = 366 * 5
MAX_RANGE = timedelta(days=MAX_RANGE_DAYS)
WEEK = 7


def _apply_schedule(
    habit: Habit, schedule: DailySchedule | WeekdaysSchedule | TimesPerWeekSchedule
) -> None:
    habit.schedule_type = schedule.type
    habit.schedule_days = (
        "".join(str(d) for d in schedule.days) if isinstance(schedule, WeekdaysSchedule) else None
    )
    habit.schedule_times = schedule.times if isinstance(schedule, TimesPerWeekSchedule) else None


def _check_numeric(habit: Habit) -> None:
    if habit.kind == "numeric":
        if habit.target_value is None:
            raise field_error("target_value", "A numeric habit needs a target_value")
        habit.target_type = habit.target_type or "at_least"
    else:
        habit.target_value = habit.unit = habit.target_type = None


# ------------------------------------------------------------------------------------- habits


def list_habits(
    db: Session, user: User, page: Pagination, *, archived: bool | None = None
) -> tuple[Sequence[Habit], int]:
    stmt = select(Habit).where(Habit.user_id == user.id).order_by(Habit.position, Habit.id)
    if archived is not None:
        stmt = stmt.where(Habit.archived.is_(archived))
    return paginate(db, stmt, page)


def create_habit(db: Session, user: User, body: HabitCreate, today: date) -> Habit:
    check_goal_link(db, user, body.goal_id)
    fields = body.model_dump(exclude_unset=True, exclude={"schedule"})
    if fields.get("position") is None:
        fields["position"] = next_position(db, Habit.position, Habit.user_id == user.id)
    habit = Habit(
        user_id=user.id,
        **{k: v for k, v in fields.items() if v is not None},
    )
    habit.start_date = body.start_date or today
    _apply_schedule(habit, body.schedule or DailySchedule())
    habit.kind = body.kind or "boolean"
    _check_numeric(habit)
    db.add(habit)
    db.flush()
    return habit


def update_habit(db: Session, user: User, habit: Habit, body: HabitUpdate, today: date) -> Habit:
    changes = body.model_dump(exclude_unset=True, exclude={"schedule"})
    if "goal_id" in changes:
        check_goal_link(db, user, changes["goal_id"])
    # Finished sprints keep their results from before the rename, reschedule or archive.
    snapshots.freeze_finished_with_habit(db, habit.id, today)
    apply_changes(
        habit,
        changes,
        nullable={"target_value", "unit", "target_type", "goal_id", "color"},
        text={"description"},
    )
    if body.schedule is not None:
        _apply_schedule(habit, body.schedule)
    _check_numeric(habit)
    db.flush()
    return habit


def delete_habit(db: Session, habit: Habit, today: date) -> None:
    snapshots.freeze_finished_with_habit(db, habit.id, today)
    db.execute(delete(CheckIn).where(CheckIn.habit_id == habit.id))
    db.delete(habit)
    db.flush()


# The reorder answers every habit in the new order (a user has at most this many).
ALL_HABITS = Pagination(limit=1000, offset=0)


def reorder_habits(db: Session, user: User, habit_ids: list[int]) -> tuple[Sequence[Habit], int]:
    """Positions 1..n in the order given; returns all the user's habits in the new order."""
    reorder(db, Habit, user.id, habit_ids, label="Habit", field="habit_ids")
    return list_habits(db, user, ALL_HABITS)


def habits_named(db: Session, user: User, names: list[str]) -> Sequence[Habit]:
    """The user's habits with these names (the starter plan matches on them)."""
    return db.scalars(select(Habit).where(Habit.user_id == user.id, Habit.name.in_(names))).all()


def habits_for_goal(db: Session, goal_id: int) -> Sequence[Habit]:
    """The action items serving a goal, in their order (for the goal detail page)."""
    return db.scalars(
        select(Habit).where(Habit.goal_id == goal_id).order_by(Habit.position, Habit.id)
    ).all()


# ----------------------------------------------------------------------------------- check-ins


# An upserted row's columns that ``CheckInRead`` shows (habit_id, date, status, value, note).
CheckInRow = Row[tuple[int, date, str, float | None, str]]


def _status_for(habit: Habit, body: CheckInPut) -> str:
    if body.status == scoring.Status.SKIPPED:
        return body.status.value
    if habit.kind == "numeric":
        if body.value is None:
            if body.status is None:
                raise field_error("value", "A numeric habit needs a value (or status skipped)")
            return body.status.value
        target = habit.target_value or 0
        met = body.value >= target if habit.target_type != "at_most" else body.value <= target
        # The value decides: a status that contradicts it would make the numbers lie.
        return scoring.Status.DONE.value if met else scoring.Status.MISSED.value
    return (body.status or scoring.Status.DONE).value


def put_check_in(
    db: Session, user: User, habit: Habit, day: date, body: CheckInPut, today: date
) -> CheckInRow:
    if day > today:
        raise _date_error(f"{day} is in the future: today is {today} in {user.timezone}")
    if day < habit.start_date:
        raise _date_error(f"{day} is before this habit's start date {habit.start_date}")
    status = _status_for(habit, body)
    row = upsert_check_in(db, habit.id, day, status=status, value=body.value, note=body.note)
    db.flush()
    kept_runs.after_check_in(db, habit, day, today)
    # A late check-in inside a finished sprint re-scores that item in its kept results.
    snapshots.rescore_habit(db, habit, day, today)
    snapshots.freeze_finished(db, user.id, today)
    return row


def upsert_check_in(
    db: Session, habit_id: int, day: date, *, status: str, value: float | None, note: str
) -> CheckInRow:
    """One statement (``INSERT … ON CONFLICT DO UPDATE``), so concurrent retries of the same
    PUT never conflict: every one succeeds and the day keeps one row. Returns the stored
    row's ``CheckInRead`` columns as a plain row (``date`` is the day)."""
    now = utcnow()
    params = {
        "habit_id": habit_id,
        "date": day,
        "status": status,
        "value": value,
        "note": note,
        "created_at": now,
        "updated_at": now,
    }
    # Core execution of a statement built once per dialect: no ORM object for the row.
    statement = _upsert_statement(db.get_bind().dialect.name)
    row: CheckInRow = db.connection().execute(statement, params).one()
    return row


@lru_cache(maxsize=2)
def _upsert_statement(dialect: str) -> ReturningInsert[tuple[int, date, str, float | None, str]]:
    dialect_insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = cast(Table, CheckIn.__table__)
    stmt = dialect_insert(table).values(
        {name: bindparam(name, type_=table.c[name].type) for name in _UPSERT_COLUMNS}
    )
    return stmt.on_conflict_do_update(
        index_elements=[table.c.habit_id, table.c.date],
        set_={
            "status": stmt.excluded.status,
            "value": stmt.excluded.value,
            "note": stmt.excluded.note,
            "updated_at": stmt.excluded.updated_at,
        },
    ).returning(table.c.habit_id, table.c.date, table.c.status, table.c.value, table.c.note)


_UPSERT_COLUMNS = ("habit_id", "date", "status", "value", "note", "created_at", "updated_at")


def _date_error(message: str) -> RequestValidationError:
    return field_error("date", message, location="path")


def clear_check_in(db: Session, habit: Habit, day: date, today: date) -> None:
    db.execute(delete(CheckIn).where(CheckIn.habit_id == habit.id, CheckIn.day == day))
    db.flush()
    kept_runs.after_check_in(db, habit, day, today)
    snapshots.rescore_habit(db, habit, day, today)


def check_range(start: date, end: date) -> None:
    if end < start:
        raise field_error("to", "`to` is before `from`", location="query")
    if (end - start).days > MAX_RANGE_DAYS:
        raise field_error("to", f"a range covers at most {MAX_RANGE_DAYS} days", location="query")


def _check_ins_statement(one_habit: bool) -> Select[int, date, str, float | None, str]:
    stmt = (
        select(CheckIn.habit_id, CheckIn.day, CheckIn.status, CheckIn.value, CheckIn.note)
        .join(Habit, Habit.id == CheckIn.habit_id)
        .where(
            Habit.user_id == bindparam("user_id"),
            CheckIn.day >= bindparam("start", type_=Date),
            CheckIn.day <= bindparam("end", type_=Date),
        )
        .order_by(CheckIn.day, Habit.position, Habit.id)
    )
    return stmt.where(CheckIn.habit_id == bindparam("habit_id")) if one_habit else stmt


# The grid's two statements (all items, one item), built once.
_CHECK_INS = {one: _check_ins_statement(one) for one in (False, True)}


def list_check_ins(
    db: Session,
    user: User,
    today: date,
    *,
    habit_id: int | None,
    start: date | None,
    end: date | None,
    default_days: int,
) -> list[dict[str, object]]:
    """Check-ins from ``start`` to ``end`` (by default the ``default_days`` ending today), as
    ``CheckInRead``'s fields in plain values, for the router to serialise as they are.

    The driver's tuples of the five columns: hundreds of ORM objects, or SQLAlchemy rows with
    each date parsed, cost several times more. A date stays as the driver returns it: a
    ``date`` from PostgreSQL, its ISO text from SQLite, which JSON writes the same."""
    end = end or today
    start = start or end - timedelta(days=default_days - 1)
    check_range(start, end)
    params = {"user_id": user.id, "start": start, "end": end, "habit_id": habit_id}
    rows = driver_rows(db, _CHECK_INS[habit_id is not None], params)
    return [
        {"habit_id": h, "date": d, "status": s, "value": v, "note": n} for h, d, s, v, n in rows
    ]


# The stats page's recent notes, built once (building a statement costs as much as running it).
_RECENT_NOTES = (
    select(CheckIn.day, CheckIn.note)
    .where(CheckIn.habit_id == bindparam("habit_id"), CheckIn.note != "")
    .order_by(CheckIn.day.desc())
    .limit(10)
)


def habit_stats(
    db: Session, habit: Habit, today: date, *, start: date | None, end: date | None
) -> dict[str, object]:
    """Rate, streaks, strength, periods and heatmap over ``start`` to ``end`` (default: the
    habit's start date, or the last five years of a longer history, to today), as
    ``HabitStatsRead``'s JSON fields (by alias, in order) holding plain values.

    The check-ins are read as plain (day number, status) rows and every figure is a walk of
    small integers (``stats.figures``; the same rules and sums as ``scoring.py``). About a
    thousand small objects (heatmap cells, strength points, periods): the router serialises
    them as they are (``kaizen.plain``) instead of building a pydantic object each."""
    end = end or today
    start = start or min(max(habit.start_date, end - MAX_RANGE), end)
    check_range(start, end)
    figures = stats.figures(
        logs.schedule_of(habit),
        habit.start_date,
        stats.day_rows(db, habit, today),
        today=today,
        start=start,
        end=end,
    )
    notes = db.connection().execute(_RECENT_NOTES, {"habit_id": habit.id})
    return {
        "habit_id": habit.id,
        **figures,
        "recent_notes": [{"date": d, "note": n} for d, n in notes],
    }


# Today's two statements, built once (building a statement costs as much as running it).
_ACTIVE_HABITS = (
    select(*recent.HABIT_COLUMNS, *recent.KEPT_RUN_COLUMNS)
    .where(Habit.user_id == bindparam("user_id"), Habit.archived.is_(False))
    .order_by(Habit.position, Habit.id)
)
_RECENT_ROWS = (
    select(
        CheckIn.habit_id,
        # The raw value: five weeks hold 36 distinct days, parsed once each in today_list
        # (SQLAlchemy would parse the same SQLite date string again on every row).
        type_coerce(CheckIn.day, String),
        CheckIn.status,
        CheckIn.value,
        CheckIn.note,
    )
    .join(Habit, Habit.id == CheckIn.habit_id)
    .where(
        Habit.user_id == bindparam("user_id"),
        Habit.archived.is_(False),
        CheckIn.day >= bindparam("since", type_=Date),
    )
)


def today_items(db: Session, user: User, today: date) -> list[dict[str, object]]:
    """Today's items (see :func:`today_read`)."""
    return today_read(db, user, today).items


class TodayReads(NamedTuple):
    """Today's items and the check-ins they were figured from, for a caller that needs the
    same recent check-ins again (Home's sprint scoreboard): ``statuses`` holds every active
    item's statuses from ``since`` on (``recent.statuses``'s values: a numeric item partly done
    today left out), ``habits`` the active items in their order."""

    items: list[dict[str, object]]
    habits: Sequence[recent.HabitRow]
    statuses: Mapping[int, Mapping[date, scoring.Status]]
    since: date


def today_read(db: Session, user: User, today: date) -> TodayReads:
    """Everything the Today page shows per active habit (``TodayHabit``'s fields, in its
    order, as plain JSON-ready values): the last 7 days (values and notes), current streaks and
    14-day rates, in a constant number of queries.

    One query reads five weeks of check-ins as plain tuples (the week strip, the 14-day rate
    and every run shorter than that); the figures come from one pass per item
    (``recent.today_figures``). Nothing here is a pydantic object: the values come from the
    database's own columns and are serialised once with the rest of the response
    (:func:`today_json`; ``tests/habits/test_today_payload.py`` validates the result against
    ``TodayRead``)."""
    # Core rows of the columns, not ORM objects: nothing here changes them.
    found = db.connection().execute(_ACTIVE_HABITS, {"user_id": user.id})
    habits: list[recent.HabitRow] = []
    kept: dict[int, recent.KeptRun] = {}
    width = len(recent.HABIT_COLUMNS)
    for row in found:
        habits.append(recent.HabitRow(*row[:width]))
        kept[row[0]] = recent.KeptRun(*row[width:])
    by_id = {h.id: h for h in habits}
    since = today - timedelta(days=recent.RECENT_DAYS)
    strip_start = today - timedelta(days=WEEK - 1)
    # The driver's own tuples: no ORM bookkeeping and no ``Row`` per row (the columns need
    # no result processing: the day is parsed below, once per distinct day).
    rows = driver_rows(db, _RECENT_ROWS, {"user_id": user.id, "since": since})
    statuses: dict[int, dict[date, scoring.Status]] = defaultdict(dict)
    cells: dict[tuple[int, date], tuple[str, float | None, str]] = {}
    status_of = recent.STATUS.__getitem__
    parsed: dict[object, date] = {}
    for habit_id, raw_day, status, value, note in rows:
        day = parsed.get(raw_day)
        if day is None:
            day = parsed[raw_day] = _as_date(raw_day)
        if day >= strip_start:
            cells[habit_id, day] = (status, None if value is None else float(value), note)
        if day == today and recent.in_progress(by_id[habit_id], status, value):
            continue  # pending until the day is over (as recent.statuses leaves it)
        statuses[habit_id][day] = status_of(status)
    schedules = {h.id: logs.schedule_of(h) for h in habits}
    figures = recent.today_figures(db, habits, today, schedules, statuses, kept)
    days = [(today - timedelta(days=i)) for i in range(WEEK - 1, -1, -1)]
    weekdays_of = [(d, d.isoweekday()) for d in days]
    empty: tuple[str | None, float | None, str] = (None, None, "")
    items: list[dict[str, object]] = []
    for habit in habits:
        habit_id = habit.id
        weekdays = schedules[habit_id].weekdays or None
        start = habit.start_date
        week = []
        for d, weekday in weekdays_of:
            cell_status, cell_value, cell_note = cells.get((habit_id, d)) or empty
            week.append(
                {
                    "date": d,
                    "status": cell_status,
                    "value": cell_value,
                    "note": cell_note,
                    "scheduled": d >= start and (weekdays is None or weekday in weekdays),
                }
            )
        today_cell = cells.get((habit_id, today))
        runs, rate = figures[habit_id]
        items.append(
            {
                "habit": _habit_fields(habit),
                "today": {
                    "habit_id": habit_id,
                    "date": today,
                    "status": today_cell[0],
                    "value": today_cell[1],
                    "note": today_cell[2],
                }
                if today_cell
                else None,
                "last_7_days": week,
                "current_streak": runs.current,
                "streak_unit": runs.unit.value,
                "rate_14d": rate,
                "in_progress": bool(
                    today_cell and recent.in_progress(habit, today_cell[0], today_cell[1])
                ),
            }
        )
    return TodayReads(items, habits, statuses, since)


def today_json(db: Session, user: User, today: date) -> bytes:
    """``GET /today``'s body (``TodayRead``), serialised once from plain values."""
    return to_json(
        {"date": today, "timezone": user.timezone, "habits": today_items(db, user, today)}
    )


def _as_date(value: object) -> date:
    """A date column's raw value: a ``date`` from PostgreSQL, ISO text from SQLite."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@lru_cache(maxsize=256)
def _schedule_json(kind: str, days: str | None, times: int | None) -> dict[str, object]:
    """``HabitRead.schedule`` for a habit's schedule columns as its JSON values, validated
    once per distinct schedule (a few per user) instead of once per item and response. Never
    mutated."""
    adapter: TypeAdapter[DailySchedule | WeekdaysSchedule | TimesPerWeekSchedule] = TypeAdapter(
        DailySchedule | WeekdaysSchedule | TimesPerWeekSchedule
    )
    habit = Habit(schedule_type=kind, schedule_days=days, schedule_times=times)
    dumped: dict[str, object] = adapter.validate_python(habit.schedule).model_dump(mode="json")
    return dumped


def habit_fields(habit: Habit | recent.HabitRow) -> dict[str, object]:
    """``HabitRead``'s fields as plain values (the list validates them in one call)."""
    return _habit_fields(habit)


def _habit_fields(habit: Habit | recent.HabitRow) -> dict[str, object]:
    """``HabitRead``'s fields as plain JSON-ready values, in its order."""
    return {
        "id": habit.id,
        "name": habit.name,
        "description": habit.description,
        "kind": habit.kind,
        "target_value": None if habit.target_value is None else float(habit.target_value),
        "unit": habit.unit,
        "target_type": habit.target_type,
        "schedule": _schedule_json(habit.schedule_type, habit.schedule_days, habit.schedule_times),
        "start_date": habit.start_date,
        "goal_id": habit.goal_id,
        "color": habit.color,
        "position": habit.position,
        "archived": habit.archived,
    }
