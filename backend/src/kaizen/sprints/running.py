"""The running sprint's scoreboard for the home screen, from check-ins the caller has already
read (Today's five weeks), as the scoreboard's JSON values.

``service.scoreboard`` reads the sprint's items and their check-ins itself; Home has just read
five weeks of every active item's check-ins for its Today section, and a running sprint (and
usually the one before it) lies inside them. This module scores the same sprints with the same
functions (``snapshots.score_logs``, ``scoring``) over those statuses, reading only what they
do not cover (an archived item, a sprint that started before them) — by one query that runs
either way, so the query count does not depend on the data. Three statements built once, run
as Core: the running sprint beside the one before it, their items, the uncovered check-ins.
``tests/home/test_home_sprint_board.py`` compares the result with the scoreboard's own.
"""

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Date, Integer, Text, bindparam, cast, select
from sqlalchemy.orm import Session

from kaizen.habits import scoring as habit_scoring
from kaizen.habits.logs import schedule_of
from kaizen.habits.models import Habit
from kaizen.habits.recent import HABIT_COLUMNS, HabitRow, statuses
from kaizen.sprints import scoring, snapshots
from kaizen.sprints.models import Sprint, SprintHabit

_USER = bindparam("user_id", type_=Integer)
_TODAY = bindparam("today", type_=Date)
_RUNNING = (
    select(Sprint.id, Sprint.title, Sprint.start_date, Sprint.end_date, Sprint.target_rate)
    .where(Sprint.user_id == _USER, Sprint.start_date <= _TODAY, Sprint.end_date >= _TODAY)
    .order_by(Sprint.start_date.desc(), Sprint.id.desc())
    .limit(1)
    .subquery("running")
)
_BEFORE = Sprint.__table__.alias("previous")
# The running sprint (``service.current_sprint``'s choice) and beside it the one before it
# (``service.previous_sprint``'s choice) with its kept results as JSON text, in one statement:
# the previous sprint is chosen by id in a subquery of the join (sorting the rows themselves
# would copy every sprint's snapshot into the sort); its columns are NULL when there is none.
_SPRINTS = select(
    *_RUNNING.c,
    _BEFORE.c.id,
    _BEFORE.c.start_date,
    _BEFORE.c.end_date,
    _BEFORE.c.target_rate,
    cast(_BEFORE.c.snapshot, Text),
).select_from(
    _RUNNING.outerjoin(
        _BEFORE,
        _BEFORE.c.id
        == select(Sprint.id)
        .where(Sprint.user_id == _USER, Sprint.end_date < _RUNNING.c.start_date)
        .order_by(Sprint.end_date.desc(), Sprint.id.desc())
        .limit(1)
        .scalar_subquery(),
    )
)
# ``snapshots.items_by_sprint``'s statement, built once, as rows of the items' columns.
_ITEMS = (
    select(SprintHabit.sprint_id, *HABIT_COLUMNS)
    .join(Habit, Habit.id == SprintHabit.habit_id)
    # The running sprint and the previous one scored live (``other``: the running one's id
    # again when there is none): two plain parameters, not an expanding one.
    .where(
        SprintHabit.sprint_id.in_(
            [bindparam("running", type_=Integer), bindparam("other", type_=Integer)]
        )
    )
    .order_by(SprintHabit.sprint_id, SprintHabit.position)
)


class _Dated(NamedTuple):
    id: int
    start_date: date
    end_date: date
    target_rate: float


class RunningBoard(NamedTuple):
    id: int
    title: str
    board: dict[str, Any]  # ``Scoreboard``'s JSON values, in its field order


def running_board(
    db: Session,
    user_id: int,
    today: date,
    recent: Mapping[int, Mapping[date, habit_scoring.Status]],
    covered: Collection[int],
    since: date,
) -> RunningBoard | None:
    """The sprint running ``today`` (``service.current_sprint``'s choice) and its scoreboard
    as ``GET /sprints/{id}/scoreboard`` gives it (without ``outputs``), or None.

    ``recent``: the statuses (``recent.statuses``'s values with ``today``) from ``since`` on
    of the items in ``covered`` (an item without a check-in may be missing from it)."""
    connection = db.connection()
    found = connection.execute(_SPRINTS, {"user_id": user_id, "today": today}).first()
    if found is None:
        return None
    sprint_id, title, start, end, target_rate = found[:5]
    running = _Dated(sprint_id, start, end, target_rate)
    before = found[5:]
    previous = kept = None
    if before[0] is not None:
        previous = _Dated(*before[:4])
        text = snapshots.present(before[4])
        # The previous sprint is finished: its kept results, unless there are none or they
        # are marked for re-scoring (then it is scored live, as ``snapshots.results`` does).
        kept = None if text is None else snapshots.SprintSnapshot.model_validate_json(text)
    live = [running]
    if previous is not None and snapshots.scored_live(True, kept):
        live.append(previous)
    items: dict[int, list[HabitRow]] = {s.id: [] for s in live}
    for row in connection.execute(_ITEMS, {"running": live[0].id, "other": live[-1].id}):
        items[row[0]].append(HabitRow(*row[1:]))
    first = min(s.start_date for s in live)
    seen = {h.id: h for habits in items.values() for h in habits}
    # Today's statuses give exactly ``load_logs(since=first)``'s answer for the days from
    # ``first`` on when they reach back that far; the rest are read (one query either way).
    missing = {h.id for h in seen.values() if since > first or h.id not in covered}
    more = statuses(
        db, [seen[i] for i in missing], since=first, today=today, always=True, flushed=True
    )
    empty: Mapping[date, habit_scoring.Status] = {}
    logs = {}
    for habit_id, habit in seen.items():
        log_since, found_statuses = (first, more) if habit_id in missing else (since, recent)
        logs[habit_id] = habit_scoring.HabitLog(
            schedule=schedule_of(habit),
            # Days before `log_since` are unknown, so the log starts there (as load_logs).
            start_date=max(habit.start_date, log_since),
            checkins=found_statuses.get(habit_id, empty),
        )
    fresh = snapshots.score_logs(live, items, logs, today)
    mine = fresh[running.id]
    previous_score = None
    if previous is not None:
        previous_score = snapshots.combined(previous.id, True, kept, fresh).score
    found_outcome = scoring.outcome(
        status="active", target_rate=target_rate, items=mine.habits, start=start
    )
    board = {
        "sprint_id": sprint_id,
        "status": "active",
        "start_date": start,
        "end_date": end,
        "days_total": mine.days_total,
        "days_elapsed": mine.days_elapsed,
        "days_left": mine.days_left,
        "target_rate": target_rate,
        "score": mine.score,
        "previous_sprint_id": None if previous is None else previous.id,
        "previous_score": previous_score,
        "delta": scoring.delta(mine.score, previous_score),
        "frozen": False,
        "outcome": {"state": found_outcome.state, "text": found_outcome.text},
        "habits": mine.habits,  # ScoreboardItem objects, serialised with the rest
    }
    return RunningBoard(sprint_id, title, board)
