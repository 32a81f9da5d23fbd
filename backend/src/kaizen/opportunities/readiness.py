"""Readiness: the progress of the goals an organization or application demands, from the
goals' key results (the goals domain's own progress maths). One query for any number of goals."""

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaizen.goals.models import Goal, KeyResult
from kaizen.goals.progress import goal_progress, key_result_progress
from kaizen.opportunities.schemas import GoalReadiness


def readiness(db: Session, user_id: int, goal_ids: Iterable[int]) -> dict[int, GoalReadiness]:
    ids = sorted(set(goal_ids))
    if not ids:
        return {}
    rows = db.execute(
        select(
            Goal.id,
            Goal.title,
            KeyResult.start_value,
            KeyResult.current_value,
            KeyResult.target_value,
        )
        .outerjoin(KeyResult, KeyResult.goal_id == Goal.id)
        .where(Goal.user_id == user_id, Goal.id.in_(ids))
    ).all()
    titles: dict[int, str] = {}
    progress: dict[int, list[float]] = defaultdict(list)
    for goal_id, title, start, current, target in rows:
        titles[goal_id] = title
        if target is not None:
            progress[goal_id].append(key_result_progress(start, current, target))
    return {
        goal_id: GoalReadiness(id=goal_id, title=title, progress=goal_progress(progress[goal_id]))
        for goal_id, title in titles.items()
    }
