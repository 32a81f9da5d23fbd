"""Checking goal links: other domains link to a goal with a nullable ``goal_id`` column
(habits, portfolio entries) or a link table (sprints) and validate the ids from a request body
here, instead of importing the goals service."""

from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.goals.models import Goal
from kaizen.ownership import ensure_owned


def check_goal_link(db: Session, user: User, goal_id: int | None) -> None:
    """A ``goal_id`` in a body must be one of the user's goals (else 404, like any id)."""
    if goal_id is not None:
        ensure_owned(db, user.id, Goal, [goal_id], label="Goal", field="goal_id")


def check_goal_links(db: Session, user: User, goal_ids: list[int]) -> None:
    ensure_owned(db, user.id, Goal, goal_ids, label="Goal", field="goal_ids")
