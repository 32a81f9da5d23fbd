"""Sprints: time boxes over action items, their live scoreboard, kept results and review.

Scoring and the kept (frozen) results live in ``snapshots.py``; this module only reads them,
except on the writes that change a finished sprint's history (its dates or target)."""

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import Date, Text, bindparam, case, cast, delete, func, select
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.errors import NotFound, field_error
from kaizen.goals.links import check_goal_links
from kaizen.habits import scoring as habit_scoring
from kaizen.habits.logs import schedule_of
from kaizen.habits.models import Habit
from kaizen.habits.recent import HABIT_COLUMNS, HabitRow
from kaizen.habits.recent import statuses as recent_statuses
from kaizen.ownership import ensure_owned
from kaizen.plain import driver_rows
from kaizen.queries import Pagination
from kaizen.schemas import apply_changes
from kaizen.sprints import review, scoring, snapshots
from kaizen.sprints.models import Sprint, SprintGoal, SprintHabit
from kaizen.sprints.schemas import (
    Scoreboard,
    SprintCreate,
    SprintNext,
    SprintOutcome,
    SprintRead,
    SprintStatus,
    SprintUpdate,
)
from kaizen.sprints.snapshots import KeptFigures, SprintSnapshot, status_of

DEFAULT_DAYS = 14
MAX_DAYS = 366


def _check_dates(start: date, end: date) -> None:
    if end < start:
        raise field_error("end_date", f"The end date {end} is before the start date {start}")
    if (end - start).days + 1 > MAX_DAYS:
        raise field_error("end_date", f"A sprint lasts at most {MAX_DAYS} days")


def _set_habits(db: Session, user: User, sprint: Sprint, habit_ids: list[int]) -> None:
    ensure_owned(db, user.id, Habit, habit_ids, label="Habit", field="habit_ids")
    db.execute(delete(SprintHabit).where(SprintHabit.sprint_id == sprint.id))
    db.add_all(
        SprintHabit(sprint_id=sprint.id, habit_id=habit_id, position=position)
        for position, habit_id in enumerate(habit_ids)
    )


def _set_goals(db: Session, user: User, sprint: Sprint, goal_ids: list[int]) -> None:
    check_goal_links(db, user, goal_ids)
    db.execute(delete(SprintGoal).where(SprintGoal.sprint_id == sprint.id))
    db.add_all(SprintGoal(sprint_id=sprint.id, goal_id=goal_id) for goal_id in goal_ids)


def create_sprint(db: Session, user: User, body: SprintCreate, today: date) -> Sprint:
    start = body.start_date or today
    end = body.end_date or start + timedelta(days=DEFAULT_DAYS - 1)
    _check_dates(start, end)
    sprint = Sprint(
        user_id=user.id,
        title=body.title,
        theme=body.theme,
        start_date=start,
        end_date=end,
        target_rate=body.target_rate,
        plan=body.plan,
        retrospective=body.retrospective,
    )
    db.add(sprint)
    db.flush()
    _set_habits(db, user, sprint, body.habit_ids)
    _set_goals(db, user, sprint, body.goal_ids)
    db.flush()
    snapshots.freeze_finished(db, user.id, today)
    return sprint


SCORED_FIELDS = ("start_date", "end_date", "target_rate")


def update_sprint(
    db: Session, user: User, sprint: Sprint, body: SprintUpdate, today: date
) -> Sprint:
    """Only fields whose value changes count as changes: the edit form may send unchanged ones,
    and the plan or retrospective never touch a finished sprint's kept results."""
    changes = body.model_dump(exclude_unset=True, exclude={"habit_ids", "goal_ids"})
    rescored = {k for k in SCORED_FIELDS if k in changes and changes[k] != getattr(sprint, k)}
    apply_changes(sprint, changes, text={"theme", "plan", "retrospective"})
    _check_dates(sprint.start_date, sprint.end_date)
    items_changed = False
    if body.habit_ids is not None:
        current = habit_ids_by_sprint(db, [sprint.id]).get(sprint.id, [])
        if body.habit_ids != current:
            _set_habits(db, user, sprint, body.habit_ids)
            items_changed = True
    if body.goal_ids is not None:
        _set_goals(db, user, sprint, body.goal_ids)
    db.flush()
    if items_changed:
        # The user chose the items again: the kept rows no longer describe this sprint.
        sprint.snapshot = None
    elif rescored:
        snapshots.mark_changed(db, sprint, today)
    db.flush()
    return sprint


def delete_sprint(db: Session, sprint: Sprint) -> None:
    """The sprint and its links go; its habits and their check-ins stay."""
    db.delete(sprint)
    db.flush()


def sprint_titled(db: Session, user: User, title: str) -> Sprint | None:
    """The user's first sprint with this title (the starter plan matches on it)."""
    return db.scalar(
        select(Sprint)
        .where(Sprint.user_id == user.id, Sprint.title == title)
        .order_by(Sprint.id)
        .limit(1)
    )


def current_sprint(db: Session, user: User, today: date) -> Sprint:
    sprint = db.scalars(
        select(Sprint)
        .where(Sprint.user_id == user.id, Sprint.start_date <= today, Sprint.end_date >= today)
        .order_by(Sprint.start_date.desc(), Sprint.id.desc())
        .limit(1)
    ).first()
    if sprint is None:
        raise NotFound("Current sprint")
    return sprint


def previous_sprint(db: Session, sprint: Sprint) -> Sprint | None:
    """The user's sprint that ended most recently before this one started."""
    return db.scalars(
        select(Sprint)
        .where(Sprint.user_id == sprint.user_id, Sprint.end_date < sprint.start_date)
        .order_by(Sprint.end_date.desc(), Sprint.id.desc())
        .limit(1)
    ).first()


def following_sprint(db: Session, sprint: Sprint) -> Sprint | None:
    """The user's sprint that starts the day after this one ends (its "next fortnight")."""
    return db.scalars(
        select(Sprint)
        .where(
            Sprint.user_id == sprint.user_id,
            Sprint.start_date == sprint.end_date + timedelta(days=1),
        )
        .order_by(Sprint.id)
        .limit(1)
    ).first()


_SPRINT_READS = TypeAdapter(list[SprintRead])


def outcome_of(
    sprint: Sprint, status: SprintStatus, result: SprintSnapshot | KeptFigures
) -> SprintOutcome:
    """Where the sprint stands, from the same rows the scoreboard shows (live or kept)."""
    found = scoring.outcome(
        status=status, target_rate=sprint.target_rate, items=result.habits, start=sprint.start_date
    )
    return SprintOutcome(state=found.state, text=found.text)


def overlap_warnings(db: Session, sprint: Sprint) -> list[str]:
    """One line per other sprint of the owner sharing a day with this one (oldest first).
    Overlaps are allowed — a topic sprint may run beside the fortnight — so this only warns."""
    others = db.scalars(
        select(Sprint)
        .where(
            Sprint.user_id == sprint.user_id,
            Sprint.id != sprint.id,
            Sprint.start_date <= sprint.end_date,
            Sprint.end_date >= sprint.start_date,
        )
        .order_by(Sprint.start_date, Sprint.id)
    ).all()
    return [
        f"It overlaps “{other.title}” ({review.day(other.start_date)} to "
        f"{review.day(other.end_date)}): both count the same days."
        for other in others
    ]


def reads(db: Session, sprints: Sequence[Sprint], today: date) -> list[SprintRead]:
    """The sprints with their status and score (a computed aggregate, in constant queries)."""
    scored = snapshots.list_results(db, sprints, today)
    # One validation call for the whole list (a list of 200 sprints, one by one, costs more).
    return _SPRINT_READS.validate_python(_read_fields(db, sprints, scored, today))


def _read_fields(
    db: Session,
    sprints: Sequence[Sprint],
    scored: dict[int, SprintSnapshot | KeptFigures],
    today: date,
) -> list[dict[str, Any]]:
    """``SprintRead``'s fields, in its order, as plain values, for sprints and their results."""
    ids = [s.id for s in sprints]
    habits, goals = habit_ids_by_sprint(db, ids), _goal_ids_by_sprint(db, ids)
    rows = []
    for s in sprints:
        status = snapshots.status_between(s.start_date, s.end_date, today)
        score, outcome = _scored(s, status, scored[s.id])
        rows.append(_fields(s, status, habits.get(s.id, []), goals.get(s.id, []), score, outcome))
    return rows


def _scored(
    sprint: Any, status: SprintStatus, result: SprintSnapshot | KeptFigures
) -> tuple[float | None, dict[str, str]]:
    """A sprint's score and outcome (``SprintOutcome``'s fields) from its results."""
    found = scoring.outcome(
        status=status, target_rate=sprint.target_rate, items=result.habits, start=sprint.start_date
    )
    return result.score, {"state": found.state, "text": found.text}


def _fields(
    s: Any,
    status: SprintStatus,
    habit_ids: list[int],
    goal_ids: list[int],
    score: float | None,
    outcome: dict[str, Any],
) -> dict[str, Any]:
    """``SprintRead``'s fields, in its order, for a sprint (an ORM object or a row of the
    list's columns)."""
    return {
        "id": s.id,
        "title": s.title,
        "theme": s.theme,
        "start_date": s.start_date,
        "end_date": s.end_date,
        "target_rate": s.target_rate,
        "habit_ids": habit_ids,
        "goal_ids": goal_ids,
        "plan": s.plan,
        "retrospective": s.retrospective,
        "status": status,
        "score": score,
        "outcome": outcome,
    }


# The list's columns, each sprint's kept score and outcome and, only where nothing usable is
# kept (``kept_outcome`` NULL: live, planned, or marked for re-scoring), its snapshot's JSON
# text, in one statement: the sprints scored live need no second read of their row.
_LIST_COLUMNS = (
    Sprint.id,
    Sprint.title,
    Sprint.theme,
    Sprint.start_date,
    Sprint.end_date,
    Sprint.target_rate,
    Sprint.plan,
    Sprint.retrospective,
    Sprint.kept_score,
    Sprint.kept_outcome,
    Sprint.kept_outcome_text,
    case((Sprint.kept_outcome.is_(None), cast(Sprint.snapshot, Text))).label("snapshot"),
)
_PAGE = (
    select(Sprint.id)
    .where(Sprint.user_id == bindparam("user_id"))
    .order_by(Sprint.start_date.desc(), Sprint.id.desc())
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)
_LIST = _PAGE.with_only_columns(*_LIST_COLUMNS)
_LIST_TOTAL = select(func.count(Sprint.id)).where(Sprint.user_id == bindparam("user_id"))


def _page_links(model: Any, linked: str, order: str) -> Any:
    """A link table's ``(sprint_id, linked id)`` rows for the list's page, picked by the page
    query itself (one statement compiled once, instead of an ``IN`` of the page's ids)."""
    table = model.__table__
    page = _PAGE.subquery()
    return (
        select(table.c.sprint_id, table.c[linked])
        .where(table.c.sprint_id.in_(select(page.c.id)))
        .order_by(table.c.sprint_id, table.c[order])
    )


_PAGE_HABITS = _page_links(SprintHabit, "habit_id", "position")
_PAGE_GOALS = _page_links(SprintGoal, "goal_id", "goal_id")
# The items (``snapshots.items_by_sprint``'s rows, as ``HabitRow`` columns) of the page's
# sprints that are not finished-and-kept (``_scored_live``'s ``rest``), picked by the page
# query itself: finished means ``today > end_date`` (``snapshots.status_between``).
_PAGE_KEPT = _PAGE.add_columns(Sprint.end_date, Sprint.kept_outcome).subquery()
_PAGE_LIVE_ITEMS = (
    select(SprintHabit.sprint_id, *HABIT_COLUMNS)
    .join(Habit, Habit.id == SprintHabit.habit_id)
    .where(
        SprintHabit.sprint_id.in_(
            select(_PAGE_KEPT.c.id).where(
                _PAGE_KEPT.c.kept_outcome.is_(None)
                | (_PAGE_KEPT.c.end_date >= bindparam("today", type_=Date))
            )
        )
    )
    .order_by(SprintHabit.sprint_id, SprintHabit.position)
)


def list_sprint_fields(
    db: Session, user: User, page: Pagination, today: date
) -> tuple[list[dict[str, Any]], int]:
    """The list route's page (newest first) and its total, as ``SprintRead``'s fields in plain
    values (the router serialises them as they are). The sprints are rows of the columns the
    list shows, not ORM objects; a finished sprint's score and outcome are its kept columns
    (``kept.py``: written with its snapshot), and only the others (live, or kept but marked
    for re-scoring, usually one) are scored by :func:`_scored_live`, from rows. The same
    numbers as ``reads``."""
    params = {"user_id": user.id, "limit": page.limit, "offset": page.offset, "today": today}
    # A read: Core statements on the session's connection (no pending change to flush).
    connection = db.connection()
    total = connection.execute(_LIST_TOTAL, params).scalar_one()
    rows = connection.execute(_LIST, params).all()
    statuses = [snapshots.status_between(r.start_date, r.end_date, today) for r in rows]
    rest = [
        (r, status)
        for r, status in zip(rows, statuses, strict=True)
        if status != "finished" or r.kept_outcome is None
    ]
    scored = _scored_live(db, rest, params, today) if rest else {}
    habits = _page_ids(db, _PAGE_HABITS, params)
    goals = _page_ids(db, _PAGE_GOALS, params)
    items = []
    for s, status in zip(rows, statuses, strict=True):
        result = scored.get(s.id)
        if result is None:  # finished, and kept
            score, outcome = s.kept_score, {"state": s.kept_outcome, "text": s.kept_outcome_text}
        else:
            score, outcome = _scored(s, status, result)
        items.append(_fields(s, status, habits.get(s.id, []), goals.get(s.id, []), score, outcome))
    return items, total


def _scored_live(
    db: Session, rest: list[tuple[Any, SprintStatus]], params: dict[str, Any], today: date
) -> dict[int, SprintSnapshot]:
    """``snapshots.results`` for rows of the list's columns (the page's sprints that are not
    finished-and-kept, with their snapshot's text): the same choice of what is scored live,
    the same scoring (``snapshots.score_logs`` over ``load_logs``'s logs) and the same merge,
    with the items read as rows (``HabitRow``) and their check-ins by ``recent.statuses``
    (what Home's running sprint card reads), not as ORM objects."""
    kept: dict[int, SprintSnapshot | None] = {}
    for s, _ in rest:
        value = None if s.snapshot is None else json.loads(s.snapshot)
        # ``snapshots.snapshot_of``: the JSON column's value, validated.
        kept[s.id] = SprintSnapshot.model_validate(value) if value else None
    finished = {s.id for s, status in rest if status == "finished"}
    live = [s for s, _ in rest if snapshots.scored_live(s.id in finished, kept[s.id])]
    fresh: dict[int, SprintSnapshot] = {}
    if live:
        items: dict[int, list[HabitRow]] = defaultdict(list)
        for row in db.connection().execute(_PAGE_LIVE_ITEMS, params):
            items[row[0]].append(HabitRow(*row[1:]))
        # Only the sprints' own days matter (``snapshots._score_live``).
        since = min(s.start_date for s in live)
        habits = {h.id: h for s in live for h in items.get(s.id, [])}
        found = recent_statuses(db, habits.values(), since=since, today=today, flushed=True)
        empty: dict[date, habit_scoring.Status] = {}
        logs = {
            habit_id: habit_scoring.HabitLog(
                schedule=schedule_of(habit),
                # Days before `since` are unknown, so the log starts there (as load_logs).
                start_date=max(habit.start_date, since),
                checkins=found.get(habit_id, empty),
            )
            for habit_id, habit in habits.items()
        }
        fresh = snapshots.score_logs(live, items, logs, today)
    return {s.id: snapshots.combined(s.id, s.id in finished, kept[s.id], fresh) for s, _ in rest}


def _page_ids(db: Session, statement: Any, params: dict[str, Any]) -> dict[int, list[int]]:
    links: dict[int, list[int]] = defaultdict(list)
    # Two integer columns: the driver's tuples, without a SQLAlchemy row each.
    for sprint_id, linked_id in driver_rows(db, statement, params):
        links[sprint_id].append(linked_id)
    return links


def habit_ids_by_sprint(db: Session, sprint_ids: list[int]) -> dict[int, list[int]]:
    return _linked_ids(db, SprintHabit, "habit_id", "position", sprint_ids)


def _goal_ids_by_sprint(db: Session, sprint_ids: list[int]) -> dict[int, list[int]]:
    return _linked_ids(db, SprintGoal, "goal_id", "goal_id", sprint_ids)


def _linked_ids(
    db: Session, model: Any, linked: str, order: str, sprint_ids: list[int]
) -> dict[int, list[int]]:
    """The ids a link table joins to each sprint, in one query of the table's columns (a
    plain Core statement: a list's thousand link rows skip the ORM's row processing)."""
    links: dict[int, list[int]] = defaultdict(list)
    if sprint_ids:
        table = model.__table__
        statement = (
            select(table.c.sprint_id, table.c[linked])
            .where(table.c.sprint_id.in_(bindparam("ids", expanding=True)))
            .order_by(table.c.sprint_id, table.c[order])
        )
        # Two integer columns: the driver's tuples, without a SQLAlchemy row each.
        for sprint_id, linked_id in driver_rows(db, statement, {"ids": sprint_ids}):
            links[sprint_id].append(linked_id)
    return links


def sprints_for_goal(db: Session, goal_id: int) -> Sequence[Sprint]:
    """The sprints serving a goal, newest first (for the goal detail page)."""
    return db.scalars(
        select(Sprint)
        .join(SprintGoal, SprintGoal.sprint_id == Sprint.id)
        .where(SprintGoal.goal_id == goal_id)
        .order_by(Sprint.start_date.desc())
    ).all()


def scoreboard(db: Session, sprint: Sprint, today: date) -> Scoreboard:
    previous = previous_sprint(db, sprint)
    scored = snapshots.results(db, [sprint, previous] if previous else [sprint], today)
    mine = scored[sprint.id]
    previous_score = scored[previous.id].score if previous else None
    status = status_of(sprint, today)
    return Scoreboard(
        sprint_id=sprint.id,
        status=status,
        start_date=sprint.start_date,
        end_date=sprint.end_date,
        target_rate=sprint.target_rate,
        previous_sprint_id=previous.id if previous else None,
        previous_score=previous_score,
        delta=scoring.delta(mine.score, previous_score),
        frozen=status == "finished",
        outcome=outcome_of(sprint, status, mine),
        days_total=mine.days_total,
        days_elapsed=mine.days_elapsed,
        days_left=mine.days_left,
        score=mine.score,
        habits=mine.habits,
    )


def review_markdown(db: Session, sprint: Sprint, today: date, outputs: Sequence[str] = ()) -> str:
    """The seed-style review of a sprint, as Markdown (see ``review.py``); ``outputs`` are
    lines on what it produced in other domains (``reviews/flows.py`` gives them)."""
    board = scoreboard(db, sprint, today)
    following = following_sprint(db, sprint)
    next_rate = following.target_rate if following else sprint.target_rate
    next_days = (following.end_date - following.start_date).days + 1 if following else DEFAULT_DAYS
    return review.render(
        review.ReviewInput(
            title=sprint.title,
            theme=sprint.theme,
            start=sprint.start_date,
            end=sprint.end_date,
            days_elapsed=board.days_elapsed,
            days_total=board.days_total,
            finished=board.status == "finished",
            started=board.status != "planned",
            outcome=board.outcome.text,
            score=board.score,
            target_rate=sprint.target_rate,
            previous_score=board.previous_score,
            has_previous=board.previous_sprint_id is not None,
            items=[
                review.ReviewItem(name=h.name, done=h.done, eligible=h.eligible, skipped=h.skipped)
                for h in board.habits
            ],
            next_target_rate=next_rate,
            next_days=next_days,
            next_required=next_sprint_required(db, sprint, next_rate, next_days),
            retrospective=sprint.retrospective,
            outputs=tuple(outputs),
        )
    )


def plan_next(db: Session, user: User, sprint: Sprint, body: SprintNext, today: date) -> Sprint:
    """The following sprint: same action items (archived ones dropped), starting the day after."""
    links = snapshots.items_by_sprint(db, [sprint.id]).get(sprint.id, [])
    start = sprint.end_date + timedelta(days=1)
    return create_sprint(
        db,
        user,
        SprintCreate(
            title=body.title or f"After {sprint.title}"[:200],
            theme=body.theme if body.theme is not None else sprint.theme,
            start_date=start,
            end_date=start + timedelta(days=body.days - 1),
            target_rate=body.target_rate,
            habit_ids=[h.id for h in links if not h.archived],
            goal_ids=_goal_ids_by_sprint(db, [sprint.id]).get(sprint.id, []),
        ),
        today,
    )


def next_sprint_required(db: Session, sprint: Sprint, target_rate: float, days: int) -> list[int]:
    """Days each item would need in a sprint of ``days`` after this one, at ``target_rate``."""
    habits = snapshots.items_by_sprint(db, [sprint.id]).get(sprint.id, [])
    start = sprint.end_date + timedelta(days=1)
    end = start + timedelta(days=days - 1)
    needed = []
    for habit in habits:
        # A fresh log: the future sprint has no check-ins, so every scheduled day is eligible.
        log = habit_scoring.HabitLog(
            schedule=schedule_of(habit),
            start_date=habit.start_date,
        )
        counts = habit_scoring.tally(log, today=start, start=start, end=end)
        needed.append(scoring.required_days(target_rate, counts.eligible_total))
    return needed
