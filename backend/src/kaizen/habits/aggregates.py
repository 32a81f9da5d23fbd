"""Streak figures computed in SQL, so a run of years costs a few rows instead of years of rows.

Used by ``recent.py`` for the items whose current run reaches back past the recent window:
instead of reading their whole history, one query finds where the run before the window
started (the latest scheduled day without a done or skipped row), and one more reads the
skipped days since then; the run's length is then arithmetic.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, Integer, and_, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from kaizen.habits import scoring
from kaizen.habits.models import CheckIn

# How many of the most recent gaps per item are read; an item whose break lies further back
# (only possible when every one of them fell on unscheduled days) is read in full instead.
GAPS = 64
_KEEPS_RUN = (scoring.Status.DONE.value, scoring.Status.SKIPPED.value)


class day_number(FunctionElement[int]):  # noqa: N801 -- an SQL function, named like one
    """A date as a whole number of days (consecutive dates differ by one) on every backend."""

    type = Integer()
    inherit_cache = True


@compiles(day_number)
def _day_number(element: day_number, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.clauses, **kw)} - DATE '2000-01-01')"


@compiles(day_number, "sqlite")
def _day_number_sqlite(element: day_number, compiler: Any, **kw: Any) -> str:
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}) AS INTEGER)"


def _gaps(
    db: Session, habit_ids: Sequence[int], before: date
) -> dict[int, list[tuple[date | None, date, bool]]]:
    """Per item, newest first: ``(previous day, day, is_gap)`` for the latest done-or-skipped
    row before ``before`` and for each such row that follows a day without one (``previous
    day`` is None for the item's first such row). At most ``GAPS`` rows per item."""
    step = day_number(CheckIn.day) - func.lag(day_number(CheckIn.day)).over(
        partition_by=CheckIn.habit_id, order_by=CheckIn.day
    )
    rows = (
        select(
            CheckIn.habit_id,
            CheckIn.day,
            func.lag(CheckIn.day, type_=Date)
            .over(partition_by=CheckIn.habit_id, order_by=CheckIn.day)
            .label("prev_day"),
            step.label("step"),
            func.row_number()
            .over(partition_by=CheckIn.habit_id, order_by=CheckIn.day.desc())
            .label("latest"),
        )
        .where(
            CheckIn.habit_id.in_(habit_ids),
            CheckIn.day < before,
            CheckIn.status.in_(_KEEPS_RUN),
        )
        .subquery()
    )
    gaps = (
        select(
            rows.c.habit_id,
            rows.c.prev_day,
            rows.c.day,
            or_(rows.c.step.is_(None), rows.c.step > 1).label("is_gap"),
            func.row_number()
            .over(partition_by=rows.c.habit_id, order_by=rows.c.day.desc())
            .label("rank"),
        )
        .where(or_(rows.c.latest == 1, rows.c.step.is_(None), rows.c.step > 1))
        .subquery()
    )
    found: dict[int, list[tuple[date | None, date, bool]]] = defaultdict(list)
    stmt = select(gaps.c.habit_id, gaps.c.prev_day, gaps.c.day, gaps.c.is_gap).where(
        gaps.c.rank <= GAPS
    )
    for habit_id, prev_day, day, is_gap in db.execute(stmt.order_by(gaps.c.day.desc())):
        found[habit_id].append((prev_day, day, bool(is_gap)))
    return found


def _latest_scheduled(schedule: scoring.Schedule, lo: date, hi: date) -> date | None:
    """The latest scheduled day in ``[lo, hi]`` (a week holds every weekday, so at most 7)."""
    day = hi
    while day >= max(lo, hi - timedelta(days=6)):
        if schedule.is_scheduled(day):
            return day
        day -= timedelta(days=1)
    return None


def last_break(
    schedule: scoring.Schedule,
    start: date,
    before: date,
    rows: Sequence[tuple[date | None, date, bool]],
) -> date | None:
    """The latest scheduled day in ``[start, before)`` without a done or skipped row, from the
    rows of :func:`_gaps`; ``start - 1 day`` when there is none; ``None`` when it lies beyond
    the rows read."""
    one = timedelta(days=1)
    # The days after the latest row, then each gap, newest first.
    ranges: list[tuple[date, date]] = [(rows[0][1] + one if rows else start, before - one)]
    reached_first = not rows
    for prev_day, day, is_gap in rows:
        if is_gap:
            ranges.append((prev_day + one if prev_day else start, day - one))
            reached_first |= prev_day is None
    for lo, hi in ranges:
        found = _latest_scheduled(schedule, max(lo, start), hi) if hi >= max(lo, start) else None
        if found is not None:
            return found
    if reached_first:
        return start - timedelta(days=1)
    return None  # GAPS rows read and the break is older still


def scheduled_days(schedule: scoring.Schedule, lo: date, hi: date) -> int:
    """How many scheduled days ``[lo, hi]`` holds."""
    if hi < lo:
        return 0
    total = (hi - lo).days + 1
    if schedule.kind is not scoring.ScheduleKind.WEEKDAYS:
        return total
    weeks, rest = divmod(total, 7)
    count = weeks * len(schedule.weekdays)
    day = lo + timedelta(days=weeks * 7)
    for _ in range(rest):
        count += schedule.is_scheduled(day)
        day += timedelta(days=1)
    return count


def runs_before(
    db: Session,
    schedules: dict[int, scoring.Schedule],
    starts: dict[int, date],
    before: date,
) -> dict[int, int]:
    """For daily and chosen-weekdays items: how many done days the run that is alive on the
    day before ``before`` holds (skipped days pass over; a scheduled day without a done or
    skipped row breaks a run). Items whose break could not be found are left out. Two
    queries whatever the length of the history."""
    ids = [h for h, s in schedules.items() if s.kind is not scoring.ScheduleKind.TIMES_PER_WEEK]
    if not ids:
        return {}
    gaps = _gaps(db, ids, before)
    breaks: dict[int, date] = {}
    for habit_id in ids:
        found = last_break(schedules[habit_id], starts[habit_id], before, gaps.get(habit_id, []))
        if found is not None:
            breaks[habit_id] = found
    if not breaks:
        return {}
    skipped: dict[int, int] = defaultdict(int)
    stmt = select(CheckIn.habit_id, CheckIn.day).where(
        CheckIn.status == scoring.Status.SKIPPED.value,
        CheckIn.day < before,
        or_(*(and_(CheckIn.habit_id == h, CheckIn.day > b) for h, b in breaks.items())),
    )
    for habit_id, day in db.execute(stmt):
        if day >= starts[habit_id] and schedules[habit_id].is_scheduled(day):
            skipped[habit_id] += 1
    return {
        habit_id: scheduled_days(
            schedules[habit_id],
            max(b + timedelta(days=1), starts[habit_id]),
            before - timedelta(days=1),
        )
        - skipped[habit_id]
        for habit_id, b in breaks.items()
    }
