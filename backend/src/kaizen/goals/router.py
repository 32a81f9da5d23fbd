from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, status

from kaizen.db import run_read
from kaizen.deps import CurrentUser, PageParams, SessionDep, Today, owned, owned_child
from kaizen.goal_detail import flows as goal_detail
from kaizen.goals import service
from kaizen.goals.models import Goal, KeyResult
from kaizen.goals.schemas import (
    Area,
    GoalCreate,
    GoalDetail,
    GoalRead,
    GoalStatus,
    GoalUpdate,
    KeyResultCreate,
    KeyResultRead,
    KeyResultUpdate,
)
from kaizen.schemas import Page

router = APIRouter(tags=["goals"])

owned_goal = owned(Goal, param="goal_id", label="Goal")
OwnedGoal = Annotated[Goal, Depends(owned_goal)]
OwnedKeyResult = Annotated[
    KeyResult,
    Depends(
        owned_child(
            KeyResult,
            parent=owned_goal,
            parent_fk="goal_id",
            param="key_result_id",
            label="Key result",
        )
    ),
]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such goal (or not yours)"}}


@router.get("/goals", summary="List goals with progress")
async def list_goals(
    user: CurrentUser,
    db: SessionDep,
    page: PageParams,
    area: Annotated[Area | None, Query(description="Only this area")] = None,
    goal_status: Annotated[GoalStatus | None, Query(alias="status")] = None,
) -> Page[GoalRead]:
    rows, total = await run_read(
        db, service.list_goals, db, user, page, area=area, status=goal_status
    )
    # One validation of the whole page (plain values), not one per row.
    return Page[GoalRead].model_validate({"items": rows, "total": total})


@router.post("/goals", status_code=status.HTTP_201_CREATED, summary="Create a goal")
def create_goal(body: GoalCreate, user: CurrentUser, db: SessionDep) -> GoalRead:
    """Only `title` is required."""
    return GoalRead.model_validate(service.create_goal(db, user, body))


@router.get("/goals/{goal_id}", summary="A goal with everything linked to it", responses=NOT_FOUND)
def get_goal(goal: OwnedGoal, db: SessionDep, today: Today) -> GoalDetail:
    """Key results, linked action items with their 14-day rate, sprints, portfolio entries."""
    return goal_detail.goal_detail(db, goal, today)


@router.patch("/goals/{goal_id}", summary="Update a goal", responses=NOT_FOUND)
def update_goal(body: GoalUpdate, goal: OwnedGoal, db: SessionDep) -> GoalRead:
    return GoalRead.model_validate(service.update_goal(db, goal, body))


@router.delete(
    "/goals/{goal_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a goal (linked items stay, unlinked)",
    responses=NOT_FOUND,
)
def delete_goal(goal: OwnedGoal, db: SessionDep) -> None:
    service.delete_goal(db, goal)


@router.get(
    "/goals/{goal_id}/key-results", summary="List a goal's key results", responses=NOT_FOUND
)
def list_key_results(goal: OwnedGoal, db: SessionDep) -> Page[KeyResultRead]:
    rows = service.list_key_results(db, goal)
    return Page(items=[KeyResultRead.model_validate(k) for k in rows], total=len(rows))


@router.post(
    "/goals/{goal_id}/key-results",
    status_code=status.HTTP_201_CREATED,
    summary="Add a key result",
    responses=NOT_FOUND,
)
def create_key_result(body: KeyResultCreate, goal: OwnedGoal, db: SessionDep) -> KeyResultRead:
    return KeyResultRead.model_validate(service.create_key_result(db, goal, body))


@router.patch(
    "/goals/{goal_id}/key-results/{key_result_id}",
    summary="Update a key result (e.g. its current value)",
    responses=NOT_FOUND,
)
def update_key_result(body: KeyResultUpdate, kr: OwnedKeyResult, db: SessionDep) -> KeyResultRead:
    return KeyResultRead.model_validate(service.update_key_result(db, kr, body))


@router.delete(
    "/goals/{goal_id}/key-results/{key_result_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a key result",
    responses=NOT_FOUND,
)
def delete_key_result(kr: OwnedKeyResult, db: SessionDep) -> None:
    service.delete_key_result(db, kr)
