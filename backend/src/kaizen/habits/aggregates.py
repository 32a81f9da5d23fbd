"""Streak figures computed in SQL, so a run of years costs a few index steps instead of years
of rows.

Used by ``recent.py`` for the items whose current run reaches back past the recent window.
A daily item's run starts after its newest day without a done or skipped row, found by a
binary search over index counts (:func:`_daily_statement`); a chosen-weekdays item's from
its newest gaps (a done-or-skipped row whose next day has none) and the skipped days since;
an N-times-a-week item's by walking back week by week until a week below target
(:func:`_weeks_statement`). The run's length is then arithmetic.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Date,
    Integer,
    Select,
    and_,
    bindparam,
    exists,
    false,
    func,
    null,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import BindParameter, TextClause
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeEngine

from kaizen.habits import scoring
from kaizen.habits.models import CheckIn

# How many of the most recent gaps per item are read; an item whose break lies further back
# (only possible when every one of them fell on unscheduled days) is read in full instead.
GAPS = 64
_KEEPS_RUN = (scoring.Status.DONE.value, scoring.Status.SKIPPED.value)


def _sql_function(
    name: str, returns: TypeEngine[Any], postgresql: str, sqlite: str
) -> type[FunctionElement[Any]]:
    """An SQL expression of one column, written per backend: ``{}`` stands for the column."""
    function: type[FunctionElement[Any]] = type(
        name, (FunctionElement,), {"type": returns, "inherit_cache": True}
    )

    def default(element: FunctionElement[Any], compiler: Any, **kw: Any) -> str:
        return postgresql.format(compiler.process(element.clauses, **kw))

    def on_sqlite(element: FunctionElement[Any], compiler: Any, **kw: Any) -> str:
        return sqlite.format(compiler.process(element.clauses, **kw))

    compiles(function)(default)
    compiles(function, "sqlite")(on_sqlite)
    return function


# The day after a date column.
next_day = _sql_function("next_day", Date(), "({} + 1)", "date({}, '+1 day')")


@dataclass
class Gaps:
    """An item's days without a done or skipped row before a date, newest first."""

    ranges: list[tuple[date, date]]  # inclusive (first, last) day of each gap
    complete: bool  # every gap is listed (else only the newest GAPS)


@lru_cache(maxsize=64)
def _gaps_statement(items: int) -> CompoundSelect[int, date | None, date | None]:
    """The gaps query for ``items`` items, built once: its parameters are ``h0`` … (the item
    ids), ``g0`` … (how many gaps to read for each) and ``before``."""
    keeps = CheckIn.status.in_(_KEEPS_RUN)
    c, n = aliased(CheckIn), aliased(CheckIn)
    before = bindparam("before", type_=Date)
    parts: list[Select[int, date | None, date | None]] = []
    for i in range(items):
        habit_id = bindparam(f"h{i}", type_=Integer)
        following = (
            select(func.min(n.day))
            .where(n.habit_id == habit_id, n.day > c.day, n.status.in_(_KEEPS_RUN))
            .scalar_subquery()
        )
        after_gap = ~exists().where(
            n.habit_id == habit_id, n.day == next_day(c.day), n.status.in_(_KEEPS_RUN)
        )
        newest = (
            select(habit_id.label("habit_id"), c.day.label("day"), following.label("following"))
            .where(c.habit_id == habit_id, c.day < before, c.status.in_(_KEEPS_RUN), after_gap)
            .order_by(c.day.desc())
            .limit(bindparam(f"g{i}", type_=Integer))
            .subquery()
        )
        parts.append(select(newest.c.habit_id, newest.c.day, newest.c.following))
        first_row = (
            select(func.min(CheckIn.day))
            .where(CheckIn.habit_id == habit_id, keeps)
            .scalar_subquery()
        )
        parts.append(
            select(habit_id.label("habit_id"), null().label("day"), first_row.label("following"))
        )
    if not parts:  # no item: the same query, answering nothing
        parts.append(
            select(
                CheckIn.habit_id.label("habit_id"),
                CheckIn.day.label("day"),
                CheckIn.day.label("following"),
            ).where(false())
        )
    return union_all(*parts)


def _gaps(
    db: Session, starts: dict[int, date], before: date, limits: dict[int, int] | None = None
) -> dict[int, Gaps]:
    """Each gap starts the day after a done-or-skipped row whose next day has none; SQLite
    and PostgreSQL walk the (habit_id, date) index backwards from ``before`` and stop after
    ``limits[item]`` (default ``GAPS``) of them."""
    limits = limits or {}
    params: dict[str, object] = {f"h{i}": h for i, h in enumerate(starts)}
    params |= {f"g{i}": limits.get(h, GAPS) for i, h in enumerate(starts)}
    rows = db.connection().execute(_gaps_statement(len(starts)), {**params, "before": before})
    found = {h: Gaps([], True) for h in starts}
    counts: dict[int, int] = defaultdict(int)
    last = before - timedelta(days=1)
    one = timedelta(days=1)
    firsts: dict[int, date | None] = {}
    for habit_id, day, following in rows:
        if day is None:
            firsts[habit_id] = following
            continue
        counts[habit_id] += 1
        hi = min(following - one, last) if following else last
        found[habit_id].ranges.append((day + one, hi))
    for habit_id, gaps in found.items():
        gaps.ranges.sort(reverse=True)
        gaps.complete = counts[habit_id] < limits.get(habit_id, GAPS)
        first = firsts.get(habit_id)
        if gaps.complete:
            # Before the first done-or-skipped row (or all of it, without one).
            end = min(first - one, last) if first else last
            gaps.ranges.append((starts[habit_id], end))
    return found


def _latest_scheduled(schedule: scoring.Schedule, lo: date, hi: date) -> date | None:
    """The latest scheduled day in ``[lo, hi]`` (a week holds every weekday, so at most 7)."""
    day = hi
    while day >= max(lo, hi - timedelta(days=6)):
        if schedule.is_scheduled(day):
            return day
        day -= timedelta(days=1)
    return None


def last_break(schedule: scoring.Schedule, start: date, gaps: Gaps) -> date | None:
    """The latest scheduled day on or after ``start`` without a done or skipped row;
    ``start - 1 day`` when there is none; ``None`` when it lies beyond the gaps read."""
    for lo, hi in gaps.ranges:
        lo = max(lo, start)
        found = _latest_scheduled(schedule, lo, hi) if hi >= lo else None
        if found is not None:
            return found
    return start - timedelta(days=1) if gaps.complete else None


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


# A date parameter minus a whole number of days, per dialect.
_DAYS_BEFORE = {
    "sqlite": "date(:{day}, '-' || ({days}) || ' days')",
    "postgresql": "(CAST(:{day} AS DATE) - ({days}))",
}
# Whole days from a date column (or expression) to a date parameter, per dialect.
_DAYS_UNTIL = {
    "sqlite": "CAST(julianday(:{day}) - julianday({column}) AS INTEGER)",
    "postgresql": "(CAST(:{day} AS DATE) - {column})",
}


# The newest missed row of item {i} after the day before its start date (or that day).
_NEWEST_MISSED = (
    "COALESCE((SELECT date FROM check_ins WHERE habit_id = :h{i} AND status = 'missed'"
    " AND date < :before AND date > :lo{i} ORDER BY date DESC LIMIT 1), :lo{i})"
)
# s{i}(a, b): the a days before ``before`` all have a row; one of the days a+1 … b back has
# none (day b back may be the missed row). Each step counts the rows of the newer half.
_DAILY_CTE = (
    "s{i}(a, b) AS (SELECT 0, {back} UNION ALL"
    " SELECT CASE WHEN {present} = {half} - a THEN {half} ELSE a END,"
    " CASE WHEN {present} = {half} - a THEN b ELSE {half} END FROM s{i} WHERE b - a > 1)"
).replace(
    "{present}",
    "(SELECT count(*) FROM check_ins WHERE habit_id = :h{i} AND date >= {lower}"
    " AND date < {upper})",
)
# Item {i}'s break, as days back from ``before``, and the skipped days since.
_DAILY_PART = (
    "SELECT :h{i}, b, (SELECT count(*) FROM check_ins WHERE habit_id = :h{i}"
    " AND status = 'skipped' AND date > {since} AND date < :before) FROM s{i} WHERE b - a <= 1"
)


@lru_cache(maxsize=128)
def _daily_statement(dialect: str, items: int) -> TextClause:
    """For ``items`` daily items (parameters ``h0`` …, ``lo0`` … (the day before each one's
    start date) and ``before``): where the run alive on the day before ``before`` broke, as
    a number of days back from ``before``, and how many skipped days it holds.

    A daily item's run breaks on its newest day without a done or skipped row: the newest
    ``missed`` row (one index step back) or a newer day without any row. Whether the days
    ``[before - j, before - i)`` all have a row is a count over the ``(habit_id, date)``
    index alone, so a binary search between the missed row and ``before`` finds the newest
    day without one in a dozen counts (``s{i}(a, b)``: the ``a`` days before ``before`` all
    have a row, and one of the days ``a + 1`` … ``b`` back has none) — instead of walking
    the run row by row. One statement, also for no item."""
    minus = _DAYS_BEFORE.get(dialect, _DAYS_BEFORE["postgresql"])
    until = _DAYS_UNTIL.get(dialect, _DAYS_UNTIL["postgresql"])
    if not items:
        return text("SELECT habit_id, 0, 0 FROM check_ins WHERE 1 = 0")
    # Only constants and item numbers go into the text; every value is a bound parameter.
    words = {
        "half": "(a + b) / 2",
        "lower": minus.format(day="before", days="(a + b) / 2"),
        "upper": minus.format(day="before", days="a"),
        "since": minus.format(day="before", days="b"),
    }
    ctes = [
        _DAILY_CTE.format(
            i=i, back=until.format(day="before", column=_NEWEST_MISSED), **words
        ).replace("{i}", str(i))
        for i in range(items)
    ]
    parts = [_DAILY_PART.format(i=i, **words) for i in range(items)]
    sql = "WITH RECURSIVE " + ", ".join(ctes) + " " + " UNION ALL ".join(parts)
    binds: list[BindParameter[Any]] = [bindparam("before", type_=Date)]
    for i in range(items):
        binds += [bindparam(f"h{i}", type_=Integer), bindparam(f"lo{i}", type_=Date)]
    return text(sql).bindparams(*binds)


def _daily_runs(db: Session, starts: dict[int, date], before: date) -> dict[int, int]:
    """For daily items: how many done days the run alive on the day before ``before`` holds.
    One query (:func:`_daily_statement`), also for no item. Every day of a daily item is
    scheduled, so the run is the days since its break minus the skipped ones."""
    params: dict[str, object] = {"before": before}
    for i, (habit_id, start) in enumerate(starts.items()):
        params[f"h{i}"] = habit_id
        params[f"lo{i}"] = start - timedelta(days=1)
    statement = _daily_statement(db.get_bind().dialect.name, len(starts))
    return {
        int(habit_id): int(back) - 1 - int(skipped)
        for habit_id, back, skipped in db.connection().execute(statement, params)
    }


def runs_before(
    db: Session,
    schedules: dict[int, scoring.Schedule],
    starts: dict[int, date],
    before: date,
    *,
    always: bool = True,
    gaps: int | None = None,
) -> dict[int, int]:
    """For daily and chosen-weekdays items: how many done days the run that is alive on the
    day before ``before`` holds (skipped days pass over; a scheduled day without a done or
    skipped row breaks a run). Items whose break could not be found are left out. Three
    queries whatever the length of the history, also for no item (so a request's query
    count does not depend on the data): daily items by a binary search over index counts
    (:func:`_daily_runs`), chosen weekdays from their gaps (a gap may fall on unscheduled
    days only) and their skipped days. Not ``always`` (a write keeping one item's run): only
    the statements of the kinds of item given run. ``gaps``: how many gaps to read back
    for each chosen-weekdays item (default ``GAPS``; a write keeping a run reads them all)."""
    daily = {h: starts[h] for h, s in schedules.items() if s.kind is scoring.ScheduleKind.DAILY}
    found = _daily_runs(db, daily, before) if daily or always else {}
    ids = [h for h, s in schedules.items() if s.kind is scoring.ScheduleKind.WEEKDAYS]
    if not ids and not always:
        return found
    limits = dict.fromkeys(ids, gaps) if gaps else None
    item_gaps = _gaps(db, {h: starts[h] for h in ids}, before, limits)
    breaks: dict[int, date] = {}
    for habit_id in ids:
        found_break = last_break(schedules[habit_id], starts[habit_id], item_gaps[habit_id])
        if found_break is not None:
            breaks[habit_id] = found_break
    skipped: dict[int, int] = defaultdict(int)
    params: dict[str, object] = {"before": before}
    for i, (habit_id, day) in enumerate(breaks.items()):
        params[f"h{i}"] = habit_id
        params[f"b{i}"] = day
    for habit_id, day in db.connection().execute(_skipped_statement(len(breaks)), params):
        if day >= starts[habit_id] and schedules[habit_id].is_scheduled(day):
            skipped[habit_id] += 1
    found.update(
        (
            habit_id,
            scheduled_days(
                schedules[habit_id],
                max(b + timedelta(days=1), starts[habit_id]),
                before - timedelta(days=1),
            )
            - skipped[habit_id],
        )
        for habit_id, b in breaks.items()
    )
    return found


@lru_cache(maxsize=64)
def _skipped_statement(items: int) -> Select[int, date]:
    """The skipped days of ``items`` items (``h0`` …) after their breaks (``b0`` …) and
    before ``before``, built once per number of items."""
    return select(CheckIn.habit_id, CheckIn.day).where(
        CheckIn.status == scoring.Status.SKIPPED.value,
        CheckIn.day < bindparam("before", type_=Date),
        or_(
            false(),
            *(
                and_(
                    CheckIn.habit_id == bindparam(f"h{i}", type_=Integer),
                    CheckIn.day > bindparam(f"b{i}", type_=Date),
                )
                for i in range(items)
            ),
        ),
    )


# -------------------------------------------------------------------------- runs of weeks

WEEKS_BACK = 104  # two years of weeks counted in SQL; a longer run of weeks is read row by row


# Week k back from ``before`` (a Monday) is the days [before - 7k, before - 7(k-1)); of them,
# those on or after the item's start date count. ``{i}`` is the item's number.
_WEEK_COUNT = (
    "(SELECT count(*) FROM check_ins WHERE habit_id = :h{i} AND status = '{status}'"
    " AND date >= {lower} AND date < {upper} AND date >= :start{i})"
)
# A week's target: N, or fewer when the start date or skipped days leave fewer days (``days``
# is how many of its days are on or after the start date; :s{i} is before - start in days).
_WEEK_TARGET = (
    "(CASE WHEN (CASE WHEN 7 * k > :s{i} THEN 7 - (7 * k - :s{i}) ELSE 7 END) - skipped < :n{i}"
    " THEN (CASE WHEN 7 * k > :s{i} THEN 7 - (7 * k - :s{i}) ELSE 7 END) - skipped"
    " ELSE :n{i} END)"
)
# w{i}(k, done, skipped): the weeks back from ``before`` while none broke the run, up to one
# past ``weeks_back`` (which says the run is longer than what is counted here).
_WEEKS_CTE = (
    "w{i}(k, done, skipped) AS (SELECT 1, {done1}, {skipped1} WHERE :s{i} - 1 >= 0"
    " UNION ALL SELECT k + 1, {done}, {skipped} FROM w{i}"
    " WHERE k <= :weeks_back AND :s{i} - 7 * k - 1 >= 0"
    " AND NOT ({target} > 0 AND done < {target}))"
)
_WEEKS_PART = (
    "SELECT :h{i}, max(k), sum(CASE WHEN k <= :weeks_back AND {target} > 0 AND done >= {target}"
    " THEN 1 ELSE 0 END) FROM w{i}"
)


@lru_cache(maxsize=128)
def _weeks_statement(dialect: str, items: int) -> TextClause:
    """For ``items`` N-times-a-week items (parameters ``h0`` …, ``n0`` … (N), ``start0`` …,
    ``s0`` … (days from the start date to ``before``), ``before`` (a Monday) and ``weeks_back``):
    how many weeks back from ``before`` were examined, and how many of them met their
    target. Each week is two counts over the ``(habit_id, status, date)`` index, and the walk
    stops at the first week below target. One statement, also for no item."""
    if not items:
        return text("SELECT habit_id, 0, 0 FROM check_ins WHERE 1 = 0")
    minus = _DAYS_BEFORE.get(dialect, _DAYS_BEFORE["postgresql"])

    def count(status: str, back: str, newer: str) -> str:
        lower = minus.format(day="before", days=back)
        upper = minus.format(day="before", days=newer)
        return _WEEK_COUNT.format(status=status, lower=lower, upper=upper, i="{i}")

    cte = _WEEKS_CTE.format(
        done1=count("done", "7", "0"),
        skipped1=count("skipped", "7", "0"),
        done=count("done", "7 * (k + 1)", "7 * k"),
        skipped=count("skipped", "7 * (k + 1)", "7 * k"),
        target=_WEEK_TARGET,
        i="{i}",
    )
    part = _WEEKS_PART.format(target=_WEEK_TARGET, i="{i}")
    ctes = [cte.replace("{i}", str(i)) for i in range(items)]
    parts = [part.replace("{i}", str(i)) for i in range(items)]
    sql = "WITH RECURSIVE " + ", ".join(ctes) + " " + " UNION ALL ".join(parts)
    binds: list[BindParameter[Any]] = [
        bindparam("before", type_=Date),
        bindparam("weeks_back", type_=Integer),
    ]
    for i in range(items):
        binds += [
            bindparam(f"h{i}", type_=Integer),
            bindparam(f"n{i}", type_=Integer),
            bindparam(f"s{i}", type_=Integer),
            bindparam(f"start{i}", type_=Date),
        ]
    return text(sql).bindparams(*binds)


def week_runs_before(
    db: Session,
    schedules: dict[int, scoring.Schedule],
    starts: dict[int, date],
    before: date,
    weeks_back: int | None = None,
) -> dict[int, int]:
    """For N-times-a-week items: how many met weeks the run alive at ``before`` (a Monday)
    holds, from done and skipped counts per ISO week. A week whose target is 0 (every day
    skipped) passes over; a week below target breaks the run. One query (also for no item)
    walking back at most ``weeks_back`` weeks (default ``WEEKS_BACK``); items whose run is
    longer still are left out."""
    weeks_back = WEEKS_BACK if weeks_back is None else weeks_back
    params: dict[str, object] = {"before": before, "weeks_back": weeks_back}
    for i, (habit_id, schedule) in enumerate(schedules.items()):
        params[f"h{i}"] = habit_id
        params[f"n{i}"] = schedule.times_per_week or 0
        params[f"s{i}"] = (before - starts[habit_id]).days
        params[f"start{i}"] = starts[habit_id]
    statement = _weeks_statement(db.get_bind().dialect.name, len(schedules))
    runs: dict[int, int] = {}
    for habit_id, weeks, met in db.connection().execute(statement, params):
        if weeks is None or weeks <= weeks_back:
            runs[int(habit_id)] = int(met or 0)
    return runs
