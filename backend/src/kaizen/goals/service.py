"""Goals and key results. Other domains check goal links through ``links.py``; the goal
detail page's linked items are gathered by the flow in ``kaizen/goal_detail/flows.py``."""

from collections.abc import Sequence

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from kaizen.auth.models import User
from kaizen.errors import field_error
from kaizen.goals.models import Goal, KeyResult
from kaizen.goals.progress import goal_progress, key_result_progress
from kaizen.goals.schemas import GoalCreate, GoalUpdate, KeyResultCreate, KeyResultUpdate
from kaizen.queries import Pagination, count_rows, next_position
from kaizen.schemas import apply_changes

MAX_KEY_RESULTS = 20


# The list's goal columns, and the key results' numbers progress is read from.
_GOAL_COLUMNS = (
    Goal.id,
    Goal.title,
    Goal.description,
    Goal.area,
    Goal.importance,
    Goal.enthusiasm,
    Goal.status,
    Goal.target_date,
)
_KEY_RESULT_NUMBERS = (
    select(
        KeyResult.goal_id, KeyResult.start_value, KeyResult.current_value, KeyResult.target_value
    )
    .where(KeyResult.goal_id.in_(bindparam("ids", expanding=True)))
    .order_by(KeyResult.goal_id, KeyResult.position, KeyResult.id)
)


def list_goals(
    db: Session, user: User, page: Pagination, *, area: str | None, status: str | None
) -> tuple[list[dict[str, object]], int]:
    """A page of goals as ``GoalRead``'s fields in plain values, with progress from their key
    results (in the relationship's order, so the mean is the same float): three queries, any
    data size, and plain rows instead of ORM goals and key results."""
    stmt = select(*_GOAL_COLUMNS).where(Goal.user_id == user.id)
    if area:
        stmt = stmt.where(Goal.area == area)
    if status:
        stmt = stmt.where(Goal.status == status)
    total = count_rows(db, stmt)
    stmt = stmt.order_by(Goal.position, Goal.id).limit(page.limit).offset(page.offset)
    goals = db.execute(stmt).all()
    progresses: dict[int, list[float]] = {g.id: [] for g in goals}
    if progresses:  # as ``selectinload`` did: no query for an empty page
        numbers = db.execute(_KEY_RESULT_NUMBERS, {"ids": list(progresses)})
        for goal_id, start, current, target in numbers:
            progresses[goal_id].append(key_result_progress(start, current, target))
    return [
        {
            **g._asdict(),
            "progress": goal_progress(progresses[g.id]),
            "key_result_count": len(progresses[g.id]),
        }
        for g in goals
    ], total


def with_key_results(db: Session, goal: Goal) -> Goal:
    """Load the goal's key results (one query) so ``GoalRead`` can show progress."""
    rows = db.scalars(
        select(KeyResult)
        .where(KeyResult.goal_id == goal.id)
        .order_by(KeyResult.position, KeyResult.id)
    ).all()
    set_committed_value(goal, "key_results", list(rows))
    return goal


def create_goal(db: Session, user: User, body: GoalCreate) -> Goal:
    position = next_position(db, Goal.position, Goal.user_id == user.id)
    goal = Goal(user_id=user.id, position=position, **body.model_dump())
    db.add(goal)
    db.flush()
    set_committed_value(goal, "key_results", [])
    return goal


def update_goal(db: Session, goal: Goal, body: GoalUpdate) -> Goal:
    apply_changes(
        goal, body.model_dump(exclude_unset=True), nullable={"target_date"}, text={"description"}
    )
    db.flush()
    return with_key_results(db, goal)


def delete_goal(db: Session, goal: Goal) -> None:
    """The goal and its key results go; linked items stay, unlinked (the database does it)."""
    db.delete(goal)
    db.flush()


def list_key_results(db: Session, goal: Goal) -> list[KeyResult]:
    return list(with_key_results(db, goal).key_results)


def create_key_result(db: Session, goal: Goal, body: KeyResultCreate) -> KeyResult:
    count = db.scalar(select(func.count()).where(KeyResult.goal_id == goal.id)) or 0
    if count >= MAX_KEY_RESULTS:
        raise field_error("title", f"a goal has at most {MAX_KEY_RESULTS} key results")
    values = body.model_dump()
    if values["current_value"] is None:
        values["current_value"] = values["start_value"]
    position = next_position(db, KeyResult.position, KeyResult.goal_id == goal.id)
    kr = KeyResult(goal_id=goal.id, position=position, **values)
    db.add(kr)
    db.flush()
    return kr


def update_key_result(db: Session, kr: KeyResult, body: KeyResultUpdate) -> KeyResult:
    apply_changes(kr, body.model_dump(exclude_unset=True), text={"unit"})
    db.flush()
    return kr


def delete_key_result(db: Session, kr: KeyResult) -> None:
    db.delete(kr)
    db.flush()


def goals_titled(db: Session, user: User, titles: list[str]) -> Sequence[Goal]:
    """The user's goals with these titles (the starter plan matches on them)."""
    return db.scalars(select(Goal).where(Goal.user_id == user.id, Goal.title.in_(titles))).all()
