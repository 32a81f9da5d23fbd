"""Goals and key results, and the summary of everything linked to a goal.

Other domains link to a goal with a nullable ``goal_id`` column (habits, portfolio entries)
or a link table (sprints). ``check_goal_link`` validates such a field from a request body, and
``LINKED`` lists the link loaders that the goal detail shows, so the reading queue and
applications can join by adding one loader each.
"""

from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.errors import field_error
from kaizen.goals.models import Goal, KeyResult
from kaizen.goals.progress import goal_progress, key_result_progress
from kaizen.goals.schemas import (
    GoalCreate,
    GoalDetail,
    GoalRead,
    GoalUpdate,
    KeyResultCreate,
    KeyResultRead,
    KeyResultUpdate,
    LinkedEntry,
    LinkedHabit,
    LinkedSprint,
)
from kaizen.ownership import ensure_owned
from kaizen.schemas import apply_changes

MAX_KEY_RESULTS = 20


def check_goal_link(db: Session, user: User, goal_id: int | None) -> None:
    """A ``goal_id`` in a body must be one of the user's goals (else 404, like any id)."""
    if goal_id is not None:
        ensure_owned(db, user.id, Goal, [goal_id], label="Goal", field="goal_id")


def check_goal_links(db: Session, user: User, goal_ids: list[int]) -> None:
    ensure_owned(db, user.id, Goal, goal_ids, label="Goal", field="goal_ids")


def key_result_read(kr: KeyResult) -> KeyResultRead:
    return KeyResultRead(
        id=kr.id,
        goal_id=kr.goal_id,
        title=kr.title,
        start_value=kr.start_value,
        current_value=kr.current_value,
        target_value=kr.target_value,
        unit=kr.unit,
        progress=key_result_progress(kr.start_value, kr.current_value, kr.target_value),
    )


def _key_results(db: Session, goal_ids: list[int]) -> dict[int, list[KeyResult]]:
    out: dict[int, list[KeyResult]] = defaultdict(list)
    if goal_ids:
        rows = db.scalars(
            select(KeyResult)
            .where(KeyResult.goal_id.in_(goal_ids))
            .order_by(KeyResult.position, KeyResult.id)
        )
        for kr in rows:
            out[kr.goal_id].append(kr)
    return out


def goal_read(goal: Goal, key_results: list[KeyResult]) -> GoalRead:
    return GoalRead(
        id=goal.id,
        title=goal.title,
        description=goal.description,
        area=goal.area,
        importance=goal.importance,
        enthusiasm=goal.enthusiasm,
        status=goal.status,
        target_date=goal.target_date,
        progress=goal_progress(
            key_result_progress(k.start_value, k.current_value, k.target_value) for k in key_results
        ),
        key_result_count=len(key_results),
    )


def list_goals(
    db: Session,
    user: User,
    *,
    area: str | None,
    status: str | None,
    limit: int,
    offset: int,
) -> tuple[list[GoalRead], int]:
    where: list[Any] = [Goal.user_id == user.id]
    if area:
        where.append(Goal.area == area)
    if status:
        where.append(Goal.status == status)
    total = db.scalar(select(func.count()).select_from(Goal).where(*where)) or 0
    goals = db.scalars(
        select(Goal).where(*where).order_by(Goal.position, Goal.id).limit(limit).offset(offset)
    ).all()
    krs = _key_results(db, [g.id for g in goals])
    return [goal_read(g, krs[g.id]) for g in goals], total


def create_goal(db: Session, user: User, body: GoalCreate) -> Goal:
    last = db.scalar(select(func.max(Goal.position)).where(Goal.user_id == user.id)) or 0
    goal = Goal(user_id=user.id, position=last + 1, **body.model_dump())
    db.add(goal)
    db.flush()
    return goal


def update_goal(db: Session, goal: Goal, body: GoalUpdate) -> Goal:
    apply_changes(
        goal, body.model_dump(exclude_unset=True), nullable={"target_date"}, text={"description"}
    )
    db.flush()
    return goal


def create_key_result(db: Session, goal: Goal, body: KeyResultCreate) -> KeyResult:
    count = db.scalar(select(func.count()).where(KeyResult.goal_id == goal.id)) or 0
    if count >= MAX_KEY_RESULTS:
        raise field_error("title", f"a goal has at most {MAX_KEY_RESULTS} key results")
    values = body.model_dump()
    if values["current_value"] is None:
        values["current_value"] = values["start_value"]
    kr = KeyResult(goal_id=goal.id, position=count + 1, **values)
    db.add(kr)
    db.flush()
    return kr


def update_key_result(db: Session, kr: KeyResult, body: KeyResultUpdate) -> KeyResult:
    apply_changes(kr, body.model_dump(exclude_unset=True), text={"unit"})
    db.flush()
    return kr


def goal_key_results(db: Session, goal: Goal) -> list[KeyResult]:
    return _key_results(db, [goal.id])[goal.id]


# ------------------------------------------------------------------------------ linked things


def _linked_habits(db: Session, user: User, goal: Goal) -> dict[str, Any]:
    from kaizen.habits import scoring
    from kaizen.habits.models import Habit
    from kaizen.habits.service import counting_end, current_streaks, today_for

    habits = db.scalars(
        select(Habit).where(Habit.goal_id == goal.id).order_by(Habit.position, Habit.id)
    ).all()
    today = today_for(user)
    logs, runs = current_streaks(db, habits, today)
    fortnight = (today - timedelta(days=13), counting_end(today, today))
    rows = []
    for habit in habits:
        recent = scoring.tally(logs[habit.id], today=today, start=fortnight[0], end=fortnight[1])
        rows.append(
            LinkedHabit(
                id=habit.id,
                name=habit.name,
                archived=habit.archived,
                rate_14d=recent.rate,
                current_streak=runs[habit.id].current,
                streak_unit=runs[habit.id].unit,
            )
        )
    return {"habits": rows}


def _linked_sprints(db: Session, user: User, goal: Goal) -> dict[str, Any]:
    from kaizen.habits.service import today_for
    from kaizen.sprints.models import Sprint, SprintGoal
    from kaizen.sprints.service import status_of

    sprints = db.scalars(
        select(Sprint)
        .join(SprintGoal, SprintGoal.sprint_id == Sprint.id)
        .where(SprintGoal.goal_id == goal.id)
        .order_by(Sprint.start_date.desc())
    ).all()
    today = today_for(user)
    return {
        "sprints": [
            LinkedSprint(
                id=s.id,
                title=s.title,
                start_date=s.start_date,
                end_date=s.end_date,
                status=status_of(s, today),
            )
            for s in sprints
        ]
    }


def _linked_entries(db: Session, user: User, goal: Goal) -> dict[str, Any]:
    from kaizen.portfolio.models import PortfolioEntry

    entries = db.scalars(
        select(PortfolioEntry)
        .where(PortfolioEntry.goal_id == goal.id)
        .order_by(PortfolioEntry.id.desc())
    ).all()
    return {
        "portfolio_entries": [
            LinkedEntry(
                id=e.id,
                title=e.title,
                kind=e.kind,
                status=e.status,
                url=e.url,
                published_on=e.published_on,
            )
            for e in entries
        ]
    }


# Each loader runs a fixed number of queries and returns fields of GoalDetail.
LINKED: list[Callable[[Session, User, Goal], dict[str, Any]]] = [
    _linked_habits,
    _linked_sprints,
    _linked_entries,
]


def goal_detail(db: Session, user: User, goal: Goal) -> GoalDetail:
    krs = goal_key_results(db, goal)
    fields: dict[str, Any] = {}
    for loader in LINKED:
        fields.update(loader(db, user, goal))
    return GoalDetail(
        **goal_read(goal, krs).model_dump(),
        key_results=[key_result_read(k) for k in krs],
        **fields,
    )
