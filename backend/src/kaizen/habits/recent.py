"""Recent logs and current streaks, without reading years of history for every item.

The Today page (and a goal's linked items) need, per action item, the last fortnight to
Sunday for the 14-day rate, and the current streak. Almost every streak ends inside the last
few weeks, so one query reads a short recent window for every item as plain tuples; only the
items whose run is unbroken back to that window's start are read further back, by one more
query. A few queries whatever the number of items or the length of their history: the run
before the window is counted in SQL (``aggregates.py``) rather than read day by day.

The figures are the same functions (``scoring.tally``, ``scoring.streaks``) over a log cut at
the window's start, which gives exactly the full history's answer whenever the run breaks
inside the window (see :func:`reaches_before`); tests compare both on random histories.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple, Protocol, cast

from sqlalchemy import Date, bindparam, select
from sqlalchemy.orm import Session

from kaizen.habits import aggregates, scoring
from kaizen.habits.models import CheckIn, Habit


class HabitColumns(Protocol):
    """What the reads here use of an action item: a ``Habit`` or a :class:`HabitRow`."""

    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def target_type(self) -> str | None: ...
    @property
    def schedule_type(self) -> str: ...
    @property
    def schedule_days(self) -> str | None: ...
    @property
    def schedule_times(self) -> int | None: ...
    @property
    def start_date(self) -> date: ...


class HabitRow(NamedTuple):
    """An action item's columns (``HABIT_COLUMNS``, in this order) without an ORM object:
    Today and Home read thirty of them per request only to show and score them."""

    id: int
    name: str
    description: str
    kind: str
    target_value: float | None
    unit: str | None
    target_type: str | None
    schedule_type: str
    schedule_days: str | None
    schedule_times: int | None
    start_date: date
    goal_id: int | None
    color: str | None
    position: int
    archived: bool


HABIT_COLUMNS = tuple(getattr(Habit, name) for name in HabitRow._fields)


class KeptRun(NamedTuple):
    """An item's run kept on write (``kept_runs.py``; the ``Habit`` columns ``run_as_of``,
    ``run_before_as_of``): ``run`` done days (met weeks) in the run alive on the day before
    ``as_of``. ``None``s: nothing kept."""

    as_of: date | None
    run: int | None


KEPT_RUN_COLUMNS = (Habit.run_as_of, Habit.run_before_as_of)

# Five weeks: the 7-day strip, the 14-day rate up to Sunday, and every streak shorter than
# about a month. Longer runs are read in full by the second query.
RECENT_DAYS = 35
LONGER_DAYS = 365
RATE_DAYS = 14  # the "14-day rate"
STATUS = {s.value: s for s in scoring.Status}  # a dict lookup is much cheaper than Status(v)


def in_progress(habit: HabitColumns, status: str, value: float | None) -> bool:
    """A numeric "at least" item partly done (12 of 20 pages): below target, but the day can
    still make it, so on that day it counts as pending, not missed."""
    return (
        habit.kind == "numeric"
        and habit.target_type != "at_most"
        and status == scoring.Status.MISSED
        and value is not None
    )


# :func:`statuses`'s two statements, built once (building one costs as much as running it).
_STATUSES = select(CheckIn.habit_id, CheckIn.day, CheckIn.status, CheckIn.value).where(
    CheckIn.habit_id.in_(bindparam("ids", expanding=True))
)
_STATUSES_SINCE = _STATUSES.where(CheckIn.day >= bindparam("since", type_=Date))


def statuses(
    db: Session,
    habits: Iterable[HabitColumns],
    *,
    since: date | None = None,
    today: date | None = None,
    always: bool = False,
    flushed: bool = False,
) -> dict[int, dict[date, scoring.Status]]:
    """``{habit_id: {day: status}}`` for these habits (from ``since`` on), in one query of plain
    tuples: turning rows into ORM objects or enums one by one is what makes heavy reads slow.
    Given ``today``, a numeric item partly done today is left pending (see
    :func:`in_progress`) until the day is over: an unfinished today never lowers a score.
    No query for no habits, unless ``always`` (a caller whose query count must not depend on
    the data). ``flushed``: the session holds no pending change (a read), so the statement
    runs on its connection, without the session's autoflush and ORM result handling."""
    by_id = {h.id: h for h in habits}
    by_habit: dict[int, dict[date, scoring.Status]] = defaultdict(dict)
    if not by_id and not always:
        return by_habit
    params: dict[str, object] = {"ids": list(by_id)}
    if since is not None:
        params["since"] = since
    status_of = STATUS.__getitem__
    run = db.connection().execute if flushed else db.execute
    rows = run(_STATUSES if since is None else _STATUSES_SINCE, params)
    for habit_id, day, status, value in rows:
        if day == today and in_progress(by_id[habit_id], status, value):
            continue
        by_habit[habit_id][day] = status_of(status)
    return by_habit


def _log(
    habit: HabitColumns,
    schedule: scoring.Schedule,
    checkins: Mapping[date, scoring.Status],
    since: date | None,
) -> scoring.HabitLog:
    # Days before `since` are unknown, so the log starts there.
    start = max(habit.start_date, since) if since else habit.start_date
    return scoring.HabitLog(schedule=schedule, start_date=start, checkins=checkins)


def current_streaks(
    db: Session,
    habits: Sequence[HabitColumns],
    today: date,
    schedules: dict[int, scoring.Schedule],
) -> tuple[dict[int, scoring.HabitLog], dict[int, scoring.Streaks]]:
    """Recent logs (good for any window from ``today - RECENT_DAYS`` on) and current streaks.

    Only ``current`` is the whole history's figure; ``best`` is at least the current run and
    otherwise covers the recent window only. At most seven queries (usually one to five)."""
    since = today - timedelta(days=RECENT_DAYS)
    recent = statuses(db, habits, since=since, today=today)
    logs = {h.id: _log(h, schedules[h.id], recent[h.id], since) for h in habits}
    runs = {h.id: scoring.streaks(logs[h.id], today=today) for h in habits}
    long_running = [
        h for h in habits if h.start_date < since and reaches_before(logs[h.id], since, today)
    ]
    if long_running:
        extend_runs(db, long_running, today, schedules, recent, runs)
    return logs, runs


def extend_runs(
    db: Session,
    long_running: Sequence[HabitColumns],
    today: date,
    schedules: dict[int, scoring.Schedule],
    recent: Mapping[int, Mapping[date, scoring.Status]],
    runs: dict[int, scoring.Streaks],
    kept: Mapping[int, KeptRun] | None = None,
) -> None:
    """Lengthens (in place) the current runs of the items whose run reaches back past the
    recent window (``recent``: their statuses from ``today - RECENT_DAYS`` on).

    An item whose run was kept on write as of a day inside the window (``kept``, see
    :func:`kept_run_usable`) is the kept run plus the window's run from that day on: no
    query. The others are counted in SQL: four queries (daily runs; chosen weekdays' gaps
    and their skipped days; runs of weeks), run even for no item so a request's query count
    does not depend on the data; a rare run that reaches past what those count reads one
    more year of rows, then everything."""
    since = today - timedelta(days=RECENT_DAYS)
    if kept:
        long_running = _extend_from_kept(long_running, today, schedules, recent, runs, kept)
    # Runs that reach back past the window: their length before it is counted in SQL.
    days = [h for h in long_running if runs[h.id].unit is scoring.StreakUnit.DAYS]
    before = aggregates.runs_before(
        db, {h.id: schedules[h.id] for h in days}, {h.id: h.start_date for h in days}, since
    )
    for habit in days:
        if habit.id in before:
            runs[habit.id] = _longer(runs[habit.id], runs[habit.id].current, before[habit.id])
    # Runs of weeks: the window from its first Monday on, then whole weeks before it.
    weeks = [h for h in long_running if runs[h.id].unit is scoring.StreakUnit.WEEKS]
    monday = since + timedelta(days=(7 - since.weekday()) % 7)
    before_weeks = aggregates.week_runs_before(
        db, {h.id: schedules[h.id] for h in weeks}, {h.id: h.start_date for h in weeks}, monday
    )
    for habit in weeks:
        if habit.id in before_weeks:
            window = scoring.streaks(
                _log(habit, schedules[habit.id], recent.get(habit.id, {}), monday), today=today
            )
            runs[habit.id] = _longer(runs[habit.id], window.current, before_weeks[habit.id])
    rest = [h for h in days if h.id not in before]
    rest += [h for h in weeks if h.id not in before_weeks]
    if rest:
        _read_further(db, rest, today, schedules, runs)


def kept_run_usable(kept: KeptRun, since: date, today: date) -> bool:
    """Whether a run kept as of ``kept.as_of`` gives the current run of an item whose run
    reaches back past ``since`` (no day, or whole week, from ``since`` to today broke it): its
    day lies inside the window read (``since`` … ``today``, so the window holds every day
    from it on) and is a Monday (a run of weeks is counted in whole weeks before it). Else
    (nothing kept, kept long ago, or after a timezone change moved today before it) the run
    is counted in SQL."""
    as_of = kept.as_of
    return (
        kept.run is not None
        and as_of is not None
        and since <= as_of <= today
        and as_of.weekday() == 0
    )


def _extend_from_kept(
    long_running: Sequence[HabitColumns],
    today: date,
    schedules: dict[int, scoring.Schedule],
    recent: Mapping[int, Mapping[date, scoring.Status]],
    runs: dict[int, scoring.Streaks],
    kept: Mapping[int, KeptRun],
) -> list[HabitColumns]:
    """The runs :func:`extend_runs` takes from ``kept``; returns the items left to count.

    The window shows no break from ``since`` on, so the run alive on the day before the
    kept day goes on unbroken to today: the current run is the kept run plus the window's
    run from the kept day (``run_in_window``, or ``scoring.streaks`` over whole weeks from
    that Monday) — exactly what the SQL counts before ``since`` plus the window's run from
    ``since``. ``tests/habits/test_kept_runs.py`` compares them over random histories."""
    since = today - timedelta(days=RECENT_DAYS)
    empty: Mapping[date, scoring.Status] = {}
    left = []
    for habit in long_running:
        found = kept.get(habit.id)
        if found is None or not kept_run_usable(found, since, today):
            left.append(habit)
            continue
        as_of, before = cast(date, found.as_of), cast(int, found.run)
        schedule = schedules[habit.id]
        checkins = recent.get(habit.id, empty)
        run = runs[habit.id]
        if run.unit is scoring.StreakUnit.WEEKS:
            window = scoring.streaks(_log(habit, schedule, checkins, as_of), today=today).current
        else:
            window, _ = run_in_window(schedule, habit.start_date, checkins, as_of, today)
        runs[habit.id] = _longer(run, window, before)
    return left


def _longer(runs: scoring.Streaks, window: int, before: int) -> scoring.Streaks:
    current = window + before
    return scoring.Streaks(current, max(current, runs.best), runs.unit)


def _read_further(
    db: Session,
    habits: Sequence[HabitColumns],
    today: date,
    schedules: dict[int, scoring.Schedule],
    runs: dict[int, scoring.Streaks],
) -> None:
    """The rare runs the SQL counts did not reach the start of (runs of days past 64 gaps,
    runs of weeks past two years): a year more is read first, then everything."""
    since = today - timedelta(days=RECENT_DAYS + LONGER_DAYS)
    year = statuses(db, habits, since=since, today=today)
    further = []
    for habit in habits:
        log = _log(habit, schedules[habit.id], year[habit.id], since)
        if habit.start_date < since and reaches_before(log, since, today):
            further.append(habit)
        else:
            runs[habit.id] = scoring.streaks(log, today=today)
    full = statuses(db, further, today=today)
    for habit in further:
        log = _log(habit, schedules[habit.id], full[habit.id], None)
        runs[habit.id] = scoring.streaks(log, today=today)


def reaches_before(log: scoring.HabitLog, since: date, today: date) -> bool:
    """Whether the current run may continue before ``since``. When it does not, a day (or, for
    N times a week, a whole ISO week) inside the window broke it, so the log cut at ``since``
    gives exactly the whole history's current streak. Skipped days and weeks pass over, so an
    all-skipped window counts as unbroken."""
    if log.schedule.kind is scoring.ScheduleKind.TIMES_PER_WEEK:
        # Only whole weeks that are over can break a run of weeks; the week cut by `since`
        # is partial in this log, so it is left out.
        first = since + timedelta(days=(7 - since.weekday()) % 7)
        last = today - timedelta(days=today.weekday() + 1)
        if first > last:
            return True
        counts = scoring.tally(log, today=today, start=first, end=last)
    else:
        counts = scoring.tally(log, today=today, start=since, end=today)
    return counts.done == counts.eligible


# ------------------------------------------------------------------ Today: one pass per item

_DONE, _SKIPPED, _MISSED = scoring.Status.DONE, scoring.Status.SKIPPED, scoring.Status.MISSED
_ONE_DAY = timedelta(days=1)


def _weekdays(schedule: scoring.Schedule) -> frozenset[int] | None:
    """The ISO weekdays a schedule is due on; None for every day."""
    return schedule.weekdays if schedule.kind is scoring.ScheduleKind.WEEKDAYS else None


def run_in_window(
    schedule: scoring.Schedule,
    start: date,
    checkins: Mapping[date, scoring.Status],
    since: date,
    today: date,
) -> tuple[int, bool]:
    """For daily and chosen-weekdays items: the current run inside ``[max(start, since),
    today]`` — ``scoring.streaks(...).current`` of the log cut at ``since`` — and whether no
    day of that span breaks it (``reaches_before``), walking back from today and stopping at
    the first break."""
    weekdays = _weekdays(schedule)
    run = 0
    day = today
    first = max(start, since)
    while day >= first:
        if weekdays is None or day.isoweekday() in weekdays:
            status = checkins.get(day)
            if status is _DONE:
                run += 1
            elif status is not _SKIPPED and not (day == today and status is None):
                return run, False
        day -= _ONE_DAY
    return run, True


def fortnight_rate(
    schedule: scoring.Schedule, start: date, checkins: Mapping[date, scoring.Status], today: date
) -> float | None:
    """For daily and chosen-weekdays items: the 14-day rate (``logs.recent_rate``) in one pass
    over the fortnight: future days never count, so the window ends today."""
    weekdays = _weekdays(schedule)
    done = eligible = 0
    day = max(start, today - timedelta(days=RATE_DAYS - 1))
    while day <= today:
        if weekdays is None or day.isoweekday() in weekdays:
            status = checkins.get(day)
            if status is not _SKIPPED and (day < today or status is _DONE or status is _MISSED):
                eligible += 1
                done += status is _DONE
        day += _ONE_DAY
    return done / eligible if eligible else None


def today_figures(
    db: Session,
    habits: Sequence[HabitColumns],
    today: date,
    schedules: dict[int, scoring.Schedule],
    recent: Mapping[int, Mapping[date, scoring.Status]],
    kept: Mapping[int, KeptRun] | None = None,
) -> dict[int, tuple[scoring.Streaks, float | None]]:
    """Each item's current streak (the whole history's) and 14-day rate, from its statuses
    since ``today - RECENT_DAYS`` (``recent``, as :func:`statuses` gives them): one pass per
    item, plus :func:`extend_runs` for the runs that reach back past the window (from the
    runs ``kept`` on write where they serve)."""
    since = today - timedelta(days=RECENT_DAYS)
    sunday = today + timedelta(days=6 - today.weekday())
    runs: dict[int, scoring.Streaks] = {}
    rates: dict[int, float | None] = {}
    long_running = []
    empty: Mapping[date, scoring.Status] = {}
    for habit in habits:
        schedule = schedules[habit.id]
        checkins = recent.get(habit.id, empty)
        if schedule.kind is scoring.ScheduleKind.TIMES_PER_WEEK:
            log = _log(habit, schedule, checkins, since)
            runs[habit.id] = scoring.streaks(log, today=today)
            reaches = reaches_before(log, since, today)
            start = today - timedelta(days=RATE_DAYS - 1)
            rates[habit.id] = scoring.tally(log, today=today, start=start, end=sunday).rate
        else:
            current, reaches = run_in_window(schedule, habit.start_date, checkins, since, today)
            runs[habit.id] = scoring.Streaks(current, current, scoring.StreakUnit.DAYS)
            rates[habit.id] = fortnight_rate(schedule, habit.start_date, checkins, today)
        if reaches and habit.start_date < since:
            long_running.append(habit)
    extend_runs(db, long_running, today, schedules, recent, runs, kept)
    return {h.id: (runs[h.id], rates[h.id]) for h in habits}
