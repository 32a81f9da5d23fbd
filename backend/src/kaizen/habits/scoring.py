"""Scoring for action items (habits): rate, streaks, strength and heatmap history.

Pure functions over plain values; no I/O. Every function takes a :class:`HabitLog` (schedule,
start date and check-ins) and ``today``, the user's local date. All windows are inclusive date
ranges ``[start, end]``.

Definitions
-----------

Check-ins
    At most one per date, with status ``done``, ``skipped`` or ``missed``. A day without a row
    is *not done*. A day is **checked in** when its row is ``done`` or ``missed``.

Over
    A day is *over* when it is before ``today``, or it is ``today`` and checked in. Future days
    are never over, and an unchecked today is *pending*: it never lowers a number.

Scheduled days
    ``daily``: every day. ``weekdays``: the days whose ISO weekday (1 = Monday … 7 = Sunday) is in
    the set. ``times_per_week``: every day is a *candidate*; the target is per ISO week (below).
    Days before the habit's ``start_date`` are never scheduled. **A check-in on a day that is not
    scheduled (e.g. a Saturday "done" for a Monday-to-Friday habit) is ignored by the rate, the
    streaks and the strength**; :func:`history` still reports its status.

Rate (daily and weekdays)
    *eligible* = scheduled days in the window that are over, minus skipped days;
    *done* = eligible days whose status is ``done``; **rate = done / eligible**, in ``[0, 1]``,
    and ``None`` when nothing is eligible (shown as "—"). *skipped* counts the scheduled days in
    the window, up to today, with a ``skipped`` row: a skipped day counts neither for nor against.

Rate (N times a week)
    The window is cut into ISO weeks (Monday to Sunday); each *part* is one week's days inside
    the window and on or after ``start_date``. In a part, *available* days are the non-skipped
    days that are over, *open* days are the non-skipped days not over yet (a pending today and
    future days inside the window), and the part's **target** is ``min(N, available + open)``:
    N, shrunk when skips, the start date or a window edge leave fewer days. Then

    * counted done = ``min(done days, target)`` (extra completions in a week earn nothing);
    * eligible = counted done + the shortfall that can no longer be made up, that is
      ``max(0, target - done days - open)``.

    So a finished part contributes exactly ``target`` eligible days, and a week still in progress
    counts a miss only once it is unavoidable ("3 times a week" on a Wednesday with nothing done
    yet is not a failure). Rate = Σ counted done / Σ eligible, always in ``[0, 1]``. Because open
    days are only those inside the window, pass an ``end`` after today (the default is the Sunday
    of the current week, a sprint passes its last day) to keep the current week open; future days
    never count as done or eligible either way.

Eligible left
    The check-ins still able to count inside the window: for daily and weekdays, the scheduled,
    non-skipped days not over yet (a pending today and future days, minus future days already
    marked skipped); for N times a week, per part ``min(open, target - counted done)``.
    Always ``eligible + eligible_left`` = the whole window's eligible total.

Streaks
    Daily and weekdays (unit ``days``): the run of consecutive scheduled days that are ``done``.
    A skipped day is passed over (it neither breaks nor extends a run), a scheduled day that is
    over and not done (``missed`` or no row) breaks it, a pending today is passed over, and the
    start date (or window start) ends it. N times a week (unit ``weeks``): the run of consecutive
    ISO-week parts that met their target; a part whose target is 0 (all skipped) is passed over,
    a part still open that has not met its target yet is passed over, a finished part below
    target breaks it. *current* = the run still alive at the window's end; *best* = the longest
    run inside the window. Always ``current <= best <= done``.

Strength
    The Loop Habit Tracker score, an exponential moving average labelled as a different number
    from the rate. With frequency ``f`` per day (daily 1, weekdays ``len(days) / 7``, N times a
    week ``N / 7``) and multiplier ``m = 0.5 ** (sqrt(f) / 13)``, walk the days from
    ``start_date`` to the last day that is over (today once checked in, else yesterday) starting
    from 0: ``score = score * m + completion * (1 - m)``. For daily and weekdays, completion is 1
    on a done day and 0 on a scheduled day not done; skipped and unscheduled days carry the score
    over unchanged. For N times a week, as in Loop, completion on each non-skipped day is
    ``min(1, done days in the trailing window / quota)``, with a trailing window of 14 days and
    quota 2N (Loop doubles both to smooth irregular weeks) when N < 7, and 7 days and quota 7
    when N = 7; skipped days carry over. The result is in ``[0, 1]``.

History
    One :class:`DayCell` per day for a heatmap, and done/eligible tallies per ISO week or per
    calendar month (each period tallied as its own window, with the rules above).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

__all__ = [
    "CellState",
    "DayCell",
    "HabitLog",
    "HabitStats",
    "Period",
    "PeriodTally",
    "Schedule",
    "ScheduleKind",
    "Status",
    "StreakUnit",
    "Streaks",
    "Tally",
    "habit_stats",
    "history",
    "period_tallies",
    "streaks",
    "strength",
    "strength_series",
    "tally",
]

_ONE_DAY = timedelta(days=1)


class Status(StrEnum):
    """The status of one check-in row."""

    DONE = "done"
    SKIPPED = "skipped"
    MISSED = "missed"


class ScheduleKind(StrEnum):
    DAILY = "daily"
    WEEKDAYS = "weekdays"
    TIMES_PER_WEEK = "times_per_week"


class StreakUnit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"


class CellState(StrEnum):
    """What a heatmap cell shows for one day."""

    DONE = "done"
    SKIPPED = "skipped"
    MISSED = "missed"  # over, with an explicit "missed" row
    EMPTY = "empty"  # over, scheduled, no row: counts as not done
    PENDING = "pending"  # today, scheduled, not checked in yet
    UNSCHEDULED = "unscheduled"
    FUTURE = "future"
    BEFORE_START = "before_start"


class Period(StrEnum):
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a habit is due: every day, on chosen ISO weekdays, or N times per ISO week."""

    kind: ScheduleKind
    weekdays: frozenset[int] = frozenset()
    times_per_week: int | None = None

    def __post_init__(self) -> None:
        if self.kind is ScheduleKind.WEEKDAYS:
            if not self.weekdays or not self.weekdays <= frozenset(range(1, 8)):
                raise ValueError("weekdays must be a non-empty set of ISO weekdays 1..7")
        elif self.weekdays:
            raise ValueError("weekdays only apply to a weekdays schedule")
        if self.kind is ScheduleKind.TIMES_PER_WEEK:
            if self.times_per_week is None or not 1 <= self.times_per_week <= 7:
                raise ValueError("times_per_week must be between 1 and 7")
        elif self.times_per_week is not None:
            raise ValueError("times_per_week only applies to a times_per_week schedule")

    @classmethod
    def daily(cls) -> Schedule:
        return cls(ScheduleKind.DAILY)

    @classmethod
    def on_weekdays(cls, *days: int) -> Schedule:
        """A schedule on the given ISO weekdays (1 = Monday … 7 = Sunday)."""
        return cls(ScheduleKind.WEEKDAYS, weekdays=frozenset(days))

    @classmethod
    def times_a_week(cls, n: int) -> Schedule:
        return cls(ScheduleKind.TIMES_PER_WEEK, times_per_week=n)

    @property
    def frequency(self) -> float:
        """Expected completions per day (daily 1, weekdays len/7, N times a week N/7)."""
        if self.kind is ScheduleKind.DAILY:
            return 1.0
        if self.kind is ScheduleKind.WEEKDAYS:
            return len(self.weekdays) / 7
        return _per_week(self) / 7

    def is_scheduled(self, day: date) -> bool:
        """Whether ``day`` is a scheduled day (every day is a candidate for N times a week)."""
        if self.kind is ScheduleKind.WEEKDAYS:
            return day.isoweekday() in self.weekdays
        return True


@dataclass(frozen=True)
class HabitLog:
    """Everything the maths needs about one habit: its schedule, start date and check-ins."""

    schedule: Schedule
    start_date: date
    checkins: Mapping[date, Status] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Tally:
    """Done and eligible counts for a window (see the module docstring)."""

    done: int
    eligible: int
    skipped: int
    eligible_left: int

    @property
    def rate(self) -> float | None:
        """done / eligible in [0, 1], or None when nothing is eligible."""
        return self.done / self.eligible if self.eligible else None

    @property
    def missed(self) -> int:
        """Eligible days (or, for N times a week, completions) that were not done."""
        return self.eligible - self.done

    @property
    def eligible_total(self) -> int:
        """Eligible days in the whole window, assuming every remaining one will be checked in."""
        return self.eligible + self.eligible_left


@dataclass(frozen=True, slots=True)
class Streaks:
    current: int
    best: int
    unit: StreakUnit


@dataclass(frozen=True, slots=True)
class HabitStats:
    """The numbers shown for one habit over one window."""

    done: int
    eligible: int
    skipped: int
    rate: float | None
    current_streak: int
    best_streak: int
    streak_unit: StreakUnit
    strength: float


@dataclass(frozen=True, slots=True)
class DayCell:
    """One heatmap cell: the day's state and its raw check-in status, if any."""

    day: date
    state: CellState
    status: Status | None


@dataclass(frozen=True, slots=True)
class PeriodTally:
    """A tally for one ISO week (Monday start) or calendar month, clipped to the window."""

    start: date
    end: date
    tally: Tally


# --------------------------------------------------------------------------------------------
# Internals


def _days(lo: date, hi: date) -> Iterator[date]:
    day = lo
    while day <= hi:
        yield day
        day += _ONE_DAY


def _week_start(day: date) -> date:
    return day - timedelta(days=day.isoweekday() - 1)


def _per_week(schedule: Schedule) -> int:
    return schedule.times_per_week or 0


def _checked_in(status: Status | None) -> bool:
    return status is Status.DONE or status is Status.MISSED


def _bounds(log: HabitLog, today: date, start: date | None, end: date | None) -> tuple[date, date]:
    lo = log.start_date if start is None else max(start, log.start_date)
    hi = _week_start(today) + timedelta(days=6) if end is None else end
    return lo, hi


@dataclass(frozen=True, slots=True)
class _Part:
    """One ISO week's days inside a window, for an N-times-a-week habit."""

    done: int
    target: int
    open: int
    skipped: int

    @property
    def counted(self) -> int:
        return min(self.done, self.target)

    @property
    def eligible(self) -> int:
        return self.counted + max(0, self.target - self.done - self.open)

    @property
    def left(self) -> int:
        return min(self.open, self.target - self.counted)

    @property
    def met(self) -> bool:
        return self.target > 0 and self.done >= self.target


def _parts(log: HabitLog, today: date, lo: date, hi: date) -> Iterator[_Part]:
    """The ISO-week parts of [lo, hi] (lo already clipped to the start date), in order."""
    n = _per_week(log.schedule)
    checkins = log.checkins
    day = lo
    while day <= hi:
        week_end = min(hi, _week_start(day) + timedelta(days=6))
        done = available = open_ = skipped = 0
        while day <= week_end:
            status = checkins.get(day)
            if status is Status.SKIPPED:
                if day <= today:
                    skipped += 1
            elif day < today or (day == today and _checked_in(status)):
                available += 1
                if status is Status.DONE:
                    done += 1
            else:
                open_ += 1
            day += _ONE_DAY
        yield _Part(done, min(n, available + open_), open_, skipped)


# --------------------------------------------------------------------------------------------
# Public API


def tally(
    log: HabitLog, *, today: date, start: date | None = None, end: date | None = None
) -> Tally:
    """Done, eligible, skipped and eligible-left counts for the window ``[start, end]``.

    ``start`` defaults to the habit's start date and ``end`` to the Sunday of today's ISO week;
    future days in the window never count as done or eligible.
    """
    lo, hi = _bounds(log, today, start, end)
    if log.schedule.kind is ScheduleKind.TIMES_PER_WEEK:
        done = eligible = skipped = left = 0
        for part in _parts(log, today, lo, hi):
            done += part.counted
            eligible += part.eligible
            skipped += part.skipped
            left += part.left
        return Tally(done, eligible, skipped, left)

    schedule = log.schedule
    checkins = log.checkins
    done = eligible = skipped = left = 0
    for day in _days(lo, min(hi, today)):
        if not schedule.is_scheduled(day):
            continue
        status = checkins.get(day)
        if status is Status.SKIPPED:
            skipped += 1
        elif day < today or _checked_in(status):
            eligible += 1
            if status is Status.DONE:
                done += 1
        else:
            left += 1  # pending today
    if hi > today:
        for day in _days(max(lo, today + _ONE_DAY), hi):
            if schedule.is_scheduled(day) and checkins.get(day) is not Status.SKIPPED:
                left += 1
    return Tally(done, eligible, skipped, left)


def streaks(
    log: HabitLog, *, today: date, start: date | None = None, end: date | None = None
) -> Streaks:
    """Current and best streak inside ``[start, end]`` (defaults as in :func:`tally`)."""
    lo, hi = _bounds(log, today, start, end)
    run = best = 0
    if log.schedule.kind is ScheduleKind.TIMES_PER_WEEK:
        for part in _parts(log, today, lo, hi):
            if part.met:
                run += 1
                best = max(best, run)
            elif part.target > 0 and part.open == 0:
                run = 0
        return Streaks(run, best, StreakUnit.WEEKS)

    schedule = log.schedule
    checkins = log.checkins
    for day in _days(lo, min(hi, today)):
        if not schedule.is_scheduled(day):
            continue
        status = checkins.get(day)
        if status is Status.DONE:
            run += 1
            best = max(best, run)
        elif status is Status.SKIPPED or (day == today and status is None):
            continue
        else:
            run = 0
    return Streaks(run, best, StreakUnit.DAYS)


def _strength_walk(log: HabitLog, today: date, end: date | None) -> Iterator[tuple[date, float]]:
    """(day, score) from the start date to the last day that is over (or ``end``, if earlier)."""
    schedule = log.schedule
    checkins = log.checkins
    last = today if _checked_in(checkins.get(today)) else today - _ONE_DAY
    if end is not None:
        last = min(last, end)
    multiplier = 0.5 ** (math.sqrt(schedule.frequency) / 13)
    keep = 1 - multiplier
    by_quota = schedule.kind is ScheduleKind.TIMES_PER_WEEK
    n = _per_week(schedule)
    span, quota = (7, 7) if n >= 7 else (14, 2 * n)
    rolling = 0
    score = 0.0
    for day in _days(log.start_date, last):
        status = checkins.get(day)
        if by_quota:
            if status is Status.DONE:
                rolling += 1
            dropped = day - timedelta(days=span)
            if dropped >= log.start_date and checkins.get(dropped) is Status.DONE:
                rolling -= 1
            if status is not Status.SKIPPED:
                score = min(1.0, score * multiplier + min(1.0, rolling / quota) * keep)
        elif schedule.is_scheduled(day) and status is not Status.SKIPPED:
            score = score * multiplier + (keep if status is Status.DONE else 0.0)
            score = min(1.0, score)
        yield day, score


def strength_series(
    log: HabitLog, *, today: date, start: date | None = None, end: date | None = None
) -> list[tuple[date, float]]:
    """Daily strength values for the days of ``[start, end]`` that are over, for charting.

    The score is always computed from the habit's start date; only the returned days are
    limited to the window. ``end`` defaults to the last day that is over.
    """
    first = log.start_date if start is None else start
    return [(day, score) for day, score in _strength_walk(log, today, end) if day >= first]


def strength(log: HabitLog, *, today: date, as_of: date | None = None) -> float:
    """The strength score in [0, 1] as of ``as_of`` (default and at most: the last day over).

    0.0 before the habit has any day that is over.
    """
    tail = deque(_strength_walk(log, today, as_of), maxlen=1)
    return tail[0][1] if tail else 0.0


def habit_stats(
    log: HabitLog, *, today: date, start: date | None = None, end: date | None = None
) -> HabitStats:
    """Rate, counts, streaks and strength for ``[start, end]`` (defaults as in :func:`tally`).

    Strength is taken as of the window's end (or the last day that is over, if earlier).
    """
    counts = tally(log, today=today, start=start, end=end)
    runs = streaks(log, today=today, start=start, end=end)
    return HabitStats(
        done=counts.done,
        eligible=counts.eligible,
        skipped=counts.skipped,
        rate=counts.rate,
        current_streak=runs.current,
        best_streak=runs.best,
        streak_unit=runs.unit,
        strength=strength(log, today=today, as_of=end),
    )


def history(log: HabitLog, *, today: date, start: date, end: date) -> list[DayCell]:
    """One heatmap cell per day of ``[start, end]``."""
    schedule = log.schedule
    checkins = log.checkins
    cells: list[DayCell] = []
    for day in _days(start, end):
        status = checkins.get(day)
        if day < log.start_date:
            state = CellState.BEFORE_START
        elif not schedule.is_scheduled(day):
            state = CellState.UNSCHEDULED
        elif day > today:
            state = CellState.FUTURE
        elif status is None:
            state = CellState.PENDING if day == today else CellState.EMPTY
        else:
            state = CellState(status.value)
        cells.append(DayCell(day, state, status))
    return cells


def period_tallies(
    log: HabitLog, *, today: date, start: date, end: date, period: Period
) -> list[PeriodTally]:
    """A :class:`Tally` per ISO week or calendar month overlapping ``[start, end]``.

    Each period is clipped to the window and tallied as its own window, so for N times a week
    a month's first and last weeks are partial parts.
    """
    return _by_period(start, end, period, lambda lo, hi: tally(log, today=today, start=lo, end=hi))


def _by_period(
    start: date, end: date, period: Period, count: Callable[[date, date], Tally]
) -> list[PeriodTally]:
    """``count`` of each ISO week or calendar month of ``[start, end]``, clipped to it."""
    out: list[PeriodTally] = []
    day = start
    while day <= end:
        if period is Period.WEEK:
            period_start = _week_start(day)
            period_end = period_start + timedelta(days=6)
        else:
            period_start = day.replace(day=1)
            next_month = (period_start + timedelta(days=32)).replace(day=1)
            period_end = next_month - _ONE_DAY
        clipped_end = min(end, period_end)
        out.append(PeriodTally(period_start, period_end, count(day, clipped_end)))
        day = clipped_end + _ONE_DAY
    return out


# --------------------------------------------------------------------------------------------
# Many windows of one log at once (the stats page): one walk, then sums


class DayTotals:
    """Running totals of a log's days over ``[lo, hi]``, from one walk, so that the
    :func:`tally` of any window inside (hundreds of weeks and months) is a few subtractions
    instead of a walk of its days. Gives exactly what :func:`tally` and
    :func:`period_tallies` give (tests compare them on random logs).

    Every day is classified once by the rules of the module docstring, which do not depend
    on the window: for daily and weekdays, eligible / done / skipped (up to today) / left;
    for N times a week, a part's available / done / open / skipped (up to today) days."""

    __slots__ = ("_first", "_last", "_n", "_start", "_sums", "_weekly")

    def __init__(self, log: HabitLog, *, today: date, lo: date, hi: date) -> None:
        self._first = max(lo, log.start_date)
        self._last = hi
        self._start = log.start_date
        self._weekly = log.schedule.kind is ScheduleKind.TIMES_PER_WEEK
        self._n = _per_week(log.schedule)
        schedule, checkins = log.schedule, log.checkins
        every_day = schedule.kind is not ScheduleKind.WEEKDAYS
        weekdays = schedule.weekdays
        # Four running sums, each starting at 0 before the first day.
        a, b, c, d = [0], [0], [0], [0]
        sa = sb = sc = sd = 0
        done, skipped, missed = Status.DONE, Status.SKIPPED, Status.MISSED
        day = self._first
        weekly = self._weekly
        while day <= hi:
            status = checkins.get(day)
            if weekly:
                # a = available, b = done, c = open, d = skipped up to today
                if status is skipped:
                    if day <= today:
                        sd += 1
                elif day < today or (day == today and (status is done or status is missed)):
                    sa += 1
                    if status is done:
                        sb += 1
                else:
                    sc += 1
            elif every_day or day.isoweekday() in weekdays:
                # a = eligible, b = done, c = left, d = skipped up to today
                if day <= today:
                    if status is skipped:
                        sd += 1
                    elif day < today or status is done or status is missed:
                        sa += 1
                        if status is done:
                            sb += 1
                    else:
                        sc += 1  # pending today
                elif status is not skipped:
                    sc += 1
            a.append(sa)
            b.append(sb)
            c.append(sc)
            d.append(sd)
            day += _ONE_DAY
        self._sums = (a, b, c, d)

    def _range(self, lo: date, hi: date) -> tuple[int, int, int, int]:
        lo, hi = max(lo, self._first), min(hi, self._last)
        if hi < lo:
            return 0, 0, 0, 0
        i, j = (lo - self._first).days, (hi - self._first).days + 1
        a, b, c, d = self._sums
        return a[j] - a[i], b[j] - b[i], c[j] - c[i], d[j] - d[i]

    def tally(self, start: date, end: date) -> Tally:
        """:func:`tally` of ``[start, end]`` (inside ``[lo, hi]``; ``start`` is clipped to the
        start date as there)."""
        lo = max(start, self._start)
        if not self._weekly:
            eligible, done, left, skipped = self._range(lo, end)
            return Tally(done, eligible, skipped, left)
        done = eligible = skipped = left = 0
        for part in self.parts(lo, end):
            done += part.counted
            eligible += part.eligible
            skipped += part.skipped
            left += part.left
        return Tally(done, eligible, skipped, left)

    def parts(self, lo: date, hi: date) -> Iterator[_Part]:
        """N times a week: the ISO-week parts of ``[lo, hi]`` (``lo`` already clipped to the
        start date), as ``_parts`` gives them."""
        day = lo
        while day <= hi:
            week_end = min(hi, _week_start(day) + timedelta(days=6))
            available, part_done, open_, part_skipped = self._range(day, week_end)
            yield _Part(part_done, min(self._n, available + open_), open_, part_skipped)
            day = week_end + _ONE_DAY

    def period_tallies(self, start: date, end: date, period: Period) -> list[PeriodTally]:
        """:func:`period_tallies` of ``[start, end]``, each period a few subtractions."""
        return _by_period(start, end, period, self.tally)


def strength_with_series(
    log: HabitLog, *, today: date, as_of: date, start: date, end: date
) -> tuple[float, list[tuple[date, float]]]:
    """``strength(log, as_of=as_of)`` and ``strength_series(log, start=start, end=end)`` from
    one walk of the days (the stats page shows both)."""
    series: list[tuple[date, float]] = []
    score = 0.0
    for day, value in _strength_walk(log, today, max(as_of, end)):
        if day <= as_of:
            score = value
        if start <= day <= end:
            series.append((day, value))
    return score, series
