"""Current-streak figures kept on write, so Today and Home count no long run when they read.

An item's current run usually ends inside the five weeks Today reads; the few that reach
further back were counted in SQL on every read (``aggregates.runs_before`` /
``week_runs_before``: recursive index counts, ~1.2 ms for the bench's heavy user). Instead a
write keeps, per item, what that SQL gives as of a day ``D`` a couple of weeks back (a
Monday, :func:`as_of`): ``Habit.run_as_of = D`` and ``Habit.run_before_as_of`` = the done
days (met weeks) in the run alive on the day before ``D``. That figure depends only on the
check-ins before ``D``, the schedule and the start date, so:

- a check-in written or cleared for a day on or after ``D`` leaves it right (most writes:
  today, yesterday, the week strip); a day before ``D`` (a late check-in), a missing figure,
  or one about to fall out of the read window (``D`` older than ``REFRESH_DAYS``) has it
  counted again, for that one item, by the same SQL (:func:`after_check_in`);
- a new schedule or start date clears it (the flush hook in ``habits/models.py``);
- an import that writes check-ins counts it again for the items it wrote (:func:`refresh`).

Reads use it only where it gives the SQL's exact answer (``recent.kept_run_usable``) and
count in SQL otherwise, so a figure never kept (NULL: before the migration, a new item, an
edited schedule) only costs the old way. ``tests/habits/test_kept_runs.py`` compares Today's
and Home's streaks with a count from scratch over random histories of API writes.
"""

from collections.abc import Collection, Sequence
from datetime import date, timedelta
from typing import cast

from sqlalchemy import Date, Integer, Table, bindparam, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from kaizen.habits import aggregates, logs, recent, scoring
from kaizen.habits.models import Habit

# The figure is kept as of the Monday on or before ``today - KEPT_DAYS`` (14 to 20 days
# back): a check-in for a day in the last two weeks (the week strip, the 14-day rate) never
# changes it.
KEPT_DAYS = 14
# A write counts it again once it is older than this, so it stays inside the window a read
# uses (``recent.RECENT_DAYS``, 35 days) for the 13 days a run can go on without a write (a
# weekly item's last full week done on its Monday, read on the next Sunday).
REFRESH_DAYS = 22

_TABLE = cast(Table, Habit.__table__)
# Only the two columns: keeping a figure is not an edit of the item (``updated_at`` stays).
_KEEP = (
    _TABLE.update()
    .where(_TABLE.c.id == bindparam("habit_id", type_=Integer))
    .values(
        run_as_of=bindparam("as_of", type_=Date),
        run_before_as_of=bindparam("run", type_=Integer),
        updated_at=_TABLE.c.updated_at,
    )
)
_HABITS = select(
    *recent.HABIT_COLUMNS,
).where(Habit.id.in_(bindparam("ids", expanding=True)))


def as_of(today: date) -> date:
    """The day figures kept on ``today`` are counted to: the Monday on or before
    ``today - KEPT_DAYS`` (a Monday, so a run of weeks is whole weeks before it)."""
    day = today - timedelta(days=KEPT_DAYS)
    return day - timedelta(days=day.weekday())


def runs_as_of(
    db: Session, habits: Sequence[recent.HabitColumns], day: date
) -> dict[int, int | None]:
    """The run alive on the day before ``day`` for each item, as the read path's SQL counts
    it, however long (``None``: an item started on or after ``day``). Only the statements of
    the kinds of item given run."""
    schedules = {h.id: logs.schedule_of(h) for h in habits if h.start_date < day}
    starts = {h.id: h.start_date for h in habits}
    weekly = scoring.ScheduleKind.TIMES_PER_WEEK
    days = {h: s for h, s in schedules.items() if s.kind is not weekly}
    weeks = {h: s for h, s in schedules.items() if s.kind is weekly}
    found: dict[int, int] = {}
    # Without the read path's bounds (64 gaps, two years of weeks): a write may walk a whole
    # history, so a run longer than those is kept too, and no read has to count it.
    longest = max(((day - start).days for start in starts.values()), default=0) + 1
    if days:
        found |= aggregates.runs_before(db, days, starts, day, always=False, gaps=longest)
    if weeks:
        found |= aggregates.week_runs_before(db, weeks, starts, day, longest // 7 + 1)
    return {h.id: found.get(h.id) for h in habits}


def refresh(db: Session, habits: Sequence[recent.HabitColumns], today: date) -> None:
    """Counts and keeps these items' runs as of :func:`as_of` ``(today)``. A ``Habit`` in
    the session gets the kept values too (as committed: no further UPDATE)."""
    if not habits:
        return
    day = as_of(today)
    runs = runs_as_of(db, habits, day)
    rows = [{"habit_id": h.id, "as_of": day, "run": runs[h.id]} for h in habits]
    db.connection().execute(_KEEP, rows[0] if len(rows) == 1 else rows)
    for habit in habits:
        if isinstance(habit, Habit):
            set_committed_value(habit, "run_as_of", day)
            set_committed_value(habit, "run_before_as_of", runs[habit.id])


def refresh_ids(db: Session, habit_ids: Collection[int], today: date) -> None:
    """:func:`refresh` for items by id (imports, the bench's seed): one read of their
    columns, then the counts."""
    if not habit_ids:
        return
    db.flush()
    rows = db.connection().execute(_HABITS, {"ids": list(habit_ids)})
    refresh(db, [recent.HabitRow(*row) for row in rows], today)


def after_check_in(db: Session, habit: Habit, day: date, today: date) -> None:
    """After a check-in on ``day`` was written or cleared: the item's kept run is counted
    again when that day is before the day it is kept as of, when none is kept, or when it
    is about to be too old for a read; otherwise the write left it right and nothing runs."""
    kept = habit.run_as_of
    if kept is None or day < kept or kept > today or kept < today - timedelta(days=REFRESH_DAYS):
        refresh(db, [habit], today)
