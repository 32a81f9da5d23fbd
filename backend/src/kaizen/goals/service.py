"""Goals and key results. Other domains check goal links through ``links.py``; the goal
detail page's linked items are gathered by the flow in ``kaizen/goal_detail/flows.py``."""

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from kaizen.auth.models import User
from kaizen.errors import field_error
from kaizen.goals.models import Goal, KeyResult
from kaizen.goals.schemas import GoalCreate, GoalUpdate, KeyResultCreate, KeyResultUpdate
from kaizen.queries import Pagination, next_position, paginate
from kaizen.schemas import apply_changes

MAX_KEY_RESULTS = 20


def list_goals(
    db: Session, user: User, page: Pagination, *, area: str | None, status: str | None
) -> tuple[Sequence[Goal], int]:
    """A page of goals with their key results (for progress): three queries, any data size."""
    stmt = (
        select(Goal)
        .where(Goal.user_id == user.id)
        .options(selectinload(Goal.key_results))
        .order_by(Goal.position, Goal.id)
    )
    if area:
        stmt = stmt.where(Goal.area == area)
    if status:
        stmt = stmt.where(Goal.status == status)
    return paginate(db, stmt, page)


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
