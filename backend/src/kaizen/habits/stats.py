"""The stats page's figures (``GET /habits/{id}/stats``) from one compact list of day codes.

The day-by-day functions of ``scoring.py`` walk a ``{date: Status}`` mapping, one ``date``
object and one dict lookup per day and per figure: five years of days, walked for the tally,
the streaks, the strength, the heatmap and every week's and month's tally. Here the item's
check-ins are read as plain ``(day number, status)`` rows (the day number is the date's
proleptic ordinal, computed in SQL), put in a list indexed by day, and each figure is a walk
of small integers: one walk for the running totals that every tally is a few subtractions of
(``scoring.DayTotals``), one for the streaks, one for the strength and its series; ``date``
objects are made only for the days the response shows.

The rules are exactly those of ``scoring.py`` (its docstring), and the floating-point steps of
the strength are the same operations in the same order, so every figure is equal, not close:
``tests/habits/test_stats_figures.py`` compares them with the day-by-day functions on random
histories of every schedule kind.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    bindparam,
    case,
    cast,
    func,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from kaizen.habits import logs, scoring
from kaizen.habits.models import CheckIn, Habit
from kaizen.plain import driver_rows

# Day codes (0: no row; UNSCHEDULED only in ``Days.scheduled``).
NONE, DONE, MISSED, SKIPPED, UNSCHEDULED = 0, 1, 2, 3, 4
CODES = {"done": DONE, "missed": MISSED, "skipped": SKIPPED}
_NAMES = {code: name for name, code in CODES.items()}
_STATUS = (None, scoring.Status.DONE, scoring.Status.MISSED, scoring.Status.SKIPPED)
# A checked-in day's cell state by its code (NONE is never looked up).
_STATE = (
    scoring.CellState.EMPTY,
    scoring.CellState.DONE,
    scoring.CellState.MISSED,
    scoring.CellState.SKIPPED,
)
HEATMAP_DAYS = 365


def weekday(ordinal: int) -> int:
    """The ISO weekday of a proleptic ordinal (day 1, 0001-01-01, was a Monday)."""
    return (ordinal - 1) % 7 + 1


class Days:
    """An item's statuses as one byte per day from ordinal ``base`` (days without a row are
    ``NONE``), and the same with every unscheduled weekday ``UNSCHEDULED`` (``scheduled``)."""

    __slots__ = ("base", "codes", "scheduled")

    def __init__(
        self,
        schedule: scoring.Schedule,
        base: int,
        size: int,
        rows: Iterable[tuple[int, int, float | None]],
    ) -> None:
        self.base = base
        codes = bytearray(size)
        for ordinal, code, _value in rows:
            i = ordinal - base
            if 0 <= i < size:
                codes[i] = code
        self.codes = codes
        self.scheduled = codes
        if schedule.kind is scoring.ScheduleKind.WEEKDAYS:
            scheduled = bytearray(codes)
            for k in range(7):
                if weekday(base + k) not in schedule.weekdays:
                    scheduled[k::7] = bytes([UNSCHEDULED]) * len(range(k, size, 7))
            self.scheduled = scheduled

    def at(self, ordinal: int) -> int:
        i = ordinal - self.base
        return self.codes[i] if 0 <= i < len(self.codes) else NONE


def figures(
    schedule: scoring.Schedule,
    start_date: date,
    rows: Iterable[tuple[int, int, float | None]],
    *,
    today: date,
    start: date,
    end: date,
) -> dict[str, Any]:
    """Every figure of the stats response but the item's id and notes, as the response's JSON
    fields (``HabitStatsRead`` by alias, in its order) holding plain values, for
    the window ``[start, end]`` (already checked) of an item with these check-ins (``rows``:
    ``(ordinal, code, value)``, today's left out when it is pending)."""
    counted_end = logs.counting_end(end, today)
    heatmap_start = end - timedelta(days=HEATMAP_DAYS - 1)
    base = min(start_date, heatmap_start, start).toordinal()
    top = max(counted_end, end).toordinal()
    days = Days(schedule, base, top - base + 1, rows)
    totals = CodeTotals(schedule, start_date, days, today=today, lo=start, hi=counted_end)
    counts = totals.tally(start, counted_end)
    runs = _streaks(schedule, start_date, days, totals, today, start, counted_end)
    series_start = max(start, end - timedelta(days=364))
    strength, series = _strength(
        schedule, start_date, days, today, as_of=counted_end, start=series_start, end=end
    )
    return {
        "from": start,
        "to": end,
        "done": counts.done,
        "eligible": counts.eligible,
        "skipped": counts.skipped,
        "rate": counts.rate,
        "current_streak": runs.current,
        "best_streak": runs.best,
        "streak_unit": runs.unit,
        "strength": strength,
        "strength_series": series,
        "weeks": _periods(totals, start, counted_end, end, scoring.Period.WEEK),
        "months": _periods(totals, start, counted_end, end, scoring.Period.MONTH),
        "history": _heatmap(start_date, days, today, heatmap_start, end),
    }


# What a day counts for in ``scoring.DayTotals``, by its code, before, on and after today:
# e = eligible (N times a week: available) and not done, d = done, s = skipped up to today,
# l = left (N times a week: open), - = nothing. The same rules for every schedule kind.
_PAST = bytes.maketrans(bytes(range(5)), b"edes-")
_TODAY = bytes.maketrans(bytes(range(5)), b"ldes-")
_FUTURE = bytes.maketrans(bytes(range(5)), b"lll--")


class CodeTotals(scoring.DayTotals):
    """``scoring.DayTotals(log, today=today, lo=lo, hi=hi)`` from day codes: each day's class
    is one byte (a translation of its code), and a range's sums are counts of bytes in a slice,
    which Python does in C."""

    __slots__ = ("_classes",)

    def __init__(
        self,
        schedule: scoring.Schedule,
        start_date: date,
        days: Days,
        *,
        today: date,
        lo: date,
        hi: date,
    ) -> None:
        self._first = max(lo, start_date)
        self._last = hi
        self._start = start_date
        self._weekly = schedule.kind is scoring.ScheduleKind.TIMES_PER_WEEK
        self._n = schedule.times_per_week or 0
        first = self._first.toordinal() - days.base
        after = hi.toordinal() - days.base + 1
        now = today.toordinal() - days.base
        codes = days.scheduled
        cut = min(max(now, first), after)
        classes = codes[first:cut].translate(_PAST)
        if first <= now < after:
            classes += codes[now : now + 1].translate(_TODAY)
            cut = now + 1
        classes += codes[max(cut, first) : after].translate(_FUTURE)
        self._classes = bytes(classes)

    @property
    def weekly(self) -> bool:
        return self._weekly

    def _range(self, lo: date, hi: date) -> tuple[int, int, int, int]:
        first = self._first.toordinal()
        i = max(lo.toordinal(), first) - first
        j = min(hi, self._last).toordinal() - first + 1
        if j <= i:
            return 0, 0, 0, 0
        count = self._classes.count
        done = count(b"d", i, j)
        return count(b"e", i, j) + done, done, count(b"l", i, j), count(b"s", i, j)

    def eligible_done(self, lo: int, hi: int) -> tuple[int, int]:
        """Daily and weekdays: (eligible, done) of the days ``lo`` to ``hi`` (ordinals), the
        tally of that window without building it."""
        first = self._first.toordinal()
        i = max(lo, first) - first
        j = min(hi, self._last.toordinal()) - first + 1
        if j <= i:
            return 0, 0
        done = self._classes.count(b"d", i, j)
        return self._classes.count(b"e", i, j) + done, done


def _streaks(
    schedule: scoring.Schedule,
    start_date: date,
    days: Days,
    totals: scoring.DayTotals,
    today: date,
    start: date,
    end: date,
) -> scoring.Streaks:
    """``scoring.streaks(log, today=today, start=start, end=end)``."""
    lo = max(start, start_date)
    run = best = 0
    if schedule.kind is scoring.ScheduleKind.TIMES_PER_WEEK:
        for part in totals.parts(lo, end):
            if part.met:
                run += 1
                best = max(best, run)
            elif part.target > 0 and part.open == 0:
                run = 0
        return scoring.Streaks(run, best, scoring.StreakUnit.WEEKS)
    # The scheduled days' codes: skipped and unscheduled days neither break nor extend a run,
    # and neither does a pending today; any other day not done breaks it.
    i = lo.toordinal() - days.base
    j = min(end, today).toordinal() - days.base + 1
    if i >= j:
        return scoring.Streaks(0, 0, scoring.StreakUnit.DAYS)
    seg = bytes(days.scheduled[i:j])
    if end >= today and seg[-1] == NONE:
        seg = seg[:-1]
    seg = seg.translate(None, bytes([SKIPPED, UNSCHEDULED]))
    runs = seg.replace(bytes([MISSED]), bytes([NONE])).split(bytes([NONE]))
    return scoring.Streaks(len(runs[-1]), max(map(len, runs)), scoring.StreakUnit.DAYS)


def _strength(
    schedule: scoring.Schedule,
    start_date: date,
    days: Days,
    today: date,
    *,
    as_of: date,
    start: date,
    end: date,
) -> tuple[float, list[dict[str, object]]]:
    """``scoring.strength_with_series``: the same steps of the same floating-point sums."""
    codes, scheduled, base = days.codes, days.scheduled, days.base
    today_o = today.toordinal()
    checked_in = days.at(today_o) in (DONE, MISSED)
    last = today_o if checked_in else today_o - 1
    last = min(last, max(as_of, end).toordinal())
    multiplier = 0.5 ** (math.sqrt(schedule.frequency) / 13)
    keep = 1 - multiplier
    by_quota = schedule.kind is scoring.ScheduleKind.TIMES_PER_WEEK
    n = schedule.times_per_week or 0
    span, quota = (7, 7) if n >= 7 else (14, 2 * n)
    first = start_date.toordinal()
    as_of_o, start_o, end_o = as_of.toordinal(), start.toordinal(), end.toordinal()
    rolling = 0
    score = 0.0
    strength = 0.0
    series: list[dict[str, object]] = []
    for o in range(first, last + 1):
        if by_quota:
            s = codes[o - base]
            if s == DONE:
                rolling += 1
            dropped = o - span
            if dropped >= first and codes[dropped - base] == DONE:
                rolling -= 1
            if s != SKIPPED:
                score = min(1.0, score * multiplier + min(1.0, rolling / quota) * keep)
        else:
            s = scheduled[o - base]
            if s < SKIPPED:
                score = score * multiplier + (keep if s == DONE else 0.0)
                score = min(1.0, score)
        if o <= as_of_o:
            strength = score
        if start_o <= o <= end_o:
            series.append({"date": date.fromordinal(o), "value": score})
    return strength, series


def _periods(
    totals: CodeTotals, start: date, end: date, shown_end: date, period: scoring.Period
) -> list[dict[str, object]]:
    """``scoring.period_tallies(log, today=today, start=start, end=end, period=period)``,
    counted to ``end`` (the week runs on to Sunday), but only the periods that begin by
    ``shown_end``: no bar for a month after the range. N times a week cuts a period into
    its weeks' parts (``DayTotals.period_tallies``); for daily and weekdays a period's tally
    is two counts of bytes."""
    if totals.weekly:
        return [
            {
                "start": p.start,
                "end": p.end,
                "done": p.tally.done,
                "eligible": p.tally.eligible,
                "rate": p.tally.rate,
            }
            for p in totals.period_tallies(start, end, period)
            if p.start <= shown_end
        ]
    out: list[dict[str, object]] = []
    day, last, shown = start.toordinal(), end.toordinal(), shown_end.toordinal()
    weeks = period is scoring.Period.WEEK
    while day <= last:
        if weeks:
            period_start = day - (day - 1) % 7
            period_end = period_start + 6
        else:
            first_day = date.fromordinal(day).replace(day=1)
            period_start = first_day.toordinal()
            period_end = (first_day + timedelta(days=32)).replace(day=1).toordinal() - 1
        if period_start > shown:
            break  # every later period begins later still
        clipped_end = min(last, period_end)
        eligible, done = totals.eligible_done(day, clipped_end)
        out.append(
            {
                "start": date.fromordinal(period_start),
                "end": date.fromordinal(period_end),
                "done": done,
                "eligible": eligible,
                "rate": done / eligible if eligible else None,
            }
        )
        day = clipped_end + 1
    return out


def _heatmap(
    start_date: date, days: Days, today: date, lo: date, hi: date
) -> list[dict[str, object]]:
    """``scoring.history(log, today=today, start=lo, end=hi)`` as plain values."""
    first, today_o = start_date.toordinal(), today.toordinal()
    codes, scheduled, base = days.codes, days.scheduled, days.base
    cells: list[dict[str, object]] = []
    for o in range(lo.toordinal(), hi.toordinal() + 1):
        s = codes[o - base]
        if o < first:
            state = scoring.CellState.BEFORE_START
        elif scheduled[o - base] == UNSCHEDULED:
            state = scoring.CellState.UNSCHEDULED
        elif o > today_o:
            state = scoring.CellState.FUTURE
        elif s == NONE:
            state = scoring.CellState.PENDING if o == today_o else scoring.CellState.EMPTY
        else:
            state = _STATE[s]
        cells.append({"date": date.fromordinal(o), "state": state, "status": _STATUS[s]})
    return cells


# ------------------------------------------------------------------------------------ reading


@lru_cache(maxsize=2)
def _rows_statement(dialect: str) -> Select[tuple[int, int, float | None]]:
    """An item's check-ins as (proleptic ordinal, code, value), the first two from SQL."""
    ordinal: ColumnElement[int]
    if dialect == "sqlite":
        # julianday() of a date is its midnight, x.5; 0001-01-01 is 1721425.5 and ordinal 1.
        ordinal = cast(func.julianday(CheckIn.day) - literal_column("1721424.5"), Integer)
    else:
        ordinal = type_coerce(CheckIn.day - literal_column("DATE '0001-01-01'"), Integer) + 1
    # Constants written into the SQL, not bound per statement.
    code = case(
        {name: literal_column(str(c)) for name, c in CODES.items()},
        value=CheckIn.status,
        else_=literal_column(str(NONE)),
    )
    return select(ordinal, code, CheckIn.value).where(CheckIn.habit_id == bindparam("habit_id"))


def day_rows(db: Session, habit: Habit, today: date) -> Sequence[tuple[int, int, float | None]]:
    """``(ordinal, code, value)`` of every check-in of the item; a numeric item partly done
    today is left out (pending) until the day is over, as ``logs.load_logs`` leaves it."""
    statement = _rows_statement(db.get_bind().dialect.name)
    rows = driver_rows(db, statement, {"habit_id": habit.id})
    if habit.kind != "numeric":
        return rows  # only a numeric item can be partly done
    today_o = today.toordinal()
    return [
        row
        for row in rows
        if row[0] != today_o or not logs.in_progress(habit, _NAMES[row[1]], row[2])
    ]
