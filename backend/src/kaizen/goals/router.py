from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, status
from pydantic import BaseModel, Field

from kaizen.deps import CurrentUser, PageParams, SessionDep, owned, owned_child
from kaizen.goals import service, starter_plan
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
from kaizen.habits.service import today_for
from kaizen.schemas import Page
from kaizen.sprints.scoring import required_days

router = APIRouter(tags=["goals"])

OwnedGoal = Annotated[Goal, Depends(owned(Goal, param="goal_id", label="Goal"))]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such goal (or not yours)"}}


OwnedKeyResult = Annotated[
    KeyResult,
    Depends(
        owned_child(
            KeyResult,
            parent=owned(Goal, param="goal_id", label="Goal"),
            parent_fk="goal_id",
            param="key_result_id",
            label="Key result",
        )
    ),
]


@router.get("/goals", summary="List goals with progress")
def list_goals(
    user: CurrentUser,
    db: SessionDep,
    page: PageParams,
    area: Annotated[Area | None, Query(description="Only this area")] = None,
    goal_status: Annotated[GoalStatus | None, Query(alias="status")] = None,
) -> Page[GoalRead]:
    items, total = service.list_goals(
        db, user, area=area, status=goal_status, limit=page.limit, offset=page.offset
    )
    return Page(items=items, total=total)


@router.post("/goals", status_code=status.HTTP_201_CREATED, summary="Create a goal")
def create_goal(body: GoalCreate, user: CurrentUser, db: SessionDep) -> GoalRead:
    """Only `title` is required."""
    return service.goal_read(service.create_goal(db, user, body), [])


@router.get("/goals/{goal_id}", summary="A goal with everything linked to it", responses=NOT_FOUND)
def get_goal(goal: OwnedGoal, user: CurrentUser, db: SessionDep) -> GoalDetail:
    """Key results, linked action items with their 14-day rate, sprints, portfolio entries."""
    return service.goal_detail(db, user, goal)


@router.patch("/goals/{goal_id}", summary="Update a goal", responses=NOT_FOUND)
def update_goal(body: GoalUpdate, goal: OwnedGoal, db: SessionDep) -> GoalRead:
    service.update_goal(db, goal, body)
    return service.goal_read(goal, service.goal_key_results(db, goal))


@router.delete(
    "/goals/{goal_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a goal (linked items stay, unlinked)",
    responses=NOT_FOUND,
)
def delete_goal(goal: OwnedGoal, db: SessionDep) -> None:
    db.delete(goal)


@router.get(
    "/goals/{goal_id}/key-results", summary="List a goal's key results", responses=NOT_FOUND
)
def list_key_results(goal: OwnedGoal, db: SessionDep) -> Page[KeyResultRead]:
    rows = service.goal_key_results(db, goal)
    return Page(items=[service.key_result_read(k) for k in rows], total=len(rows))


@router.post(
    "/goals/{goal_id}/key-results",
    status_code=status.HTTP_201_CREATED,
    summary="Add a key result",
    responses=NOT_FOUND,
)
def create_key_result(body: KeyResultCreate, goal: OwnedGoal, db: SessionDep) -> KeyResultRead:
    return service.key_result_read(service.create_key_result(db, goal, body))


@router.patch(
    "/goals/{goal_id}/key-results/{key_result_id}",
    summary="Update a key result (e.g. its current value)",
    responses=NOT_FOUND,
)
def update_key_result(body: KeyResultUpdate, kr: OwnedKeyResult, db: SessionDep) -> KeyResultRead:
    return service.key_result_read(service.update_key_result(db, kr, body))


@router.delete(
    "/goals/{goal_id}/key-results/{key_result_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a key result",
    responses=NOT_FOUND,
)
def delete_key_result(kr: OwnedKeyResult, db: SessionDep) -> None:
    db.delete(kr)


class StarterSprint(BaseModel):
    title: str
    theme: str
    start_date: date
    end_date: date
    target_rate: float
    required_days: int = Field(description="⌈target × 14⌉ for each daily action item")


class StarterPlanPreview(BaseModel):
    goals: list[GoalCreate]
    action_items: list[str]
    sprint: StarterSprint
    taken: bool = Field(description="You took (or skipped) it already")


@router.get("/starter-plan", summary="What the starter plan would create")
def preview_starter_plan(user: CurrentUser) -> StarterPlanPreview:
    """The seed's nine growth processes, three daily action items and a first fortnight."""
    start = today_for(user)
    return StarterPlanPreview(
        goals=starter_plan.GOALS,
        action_items=starter_plan.ACTION_ITEMS,
        sprint=StarterSprint(
            title=starter_plan.SPRINT_TITLE,
            theme=starter_plan.SPRINT_THEME,
            start_date=start,
            end_date=start + timedelta(days=starter_plan.SPRINT_DAYS - 1),
            target_rate=starter_plan.SPRINT_TARGET,
            required_days=required_days(starter_plan.SPRINT_TARGET, starter_plan.SPRINT_DAYS),
        ),
        taken=user.onboarded,
    )


class StarterPlanRead(BaseModel):
    created: bool = Field(description="False when you had all of it already: nothing new")
    goal_ids: list[int]
    habit_ids: list[int]
    sprint_id: int


@router.post(
    "/starter-plan",
    summary="Take the starter plan (nine goals, three action items, a first sprint)",
    responses={200: {"description": "Created, or already taken (see `created`)"}},
)
def take_starter_plan(user: CurrentUser, db: SessionDep) -> StarterPlanRead:
    """In one transaction. Only what you do not have yet (matched by title) is created, so
    running it twice duplicates nothing."""
    result = starter_plan.apply(db, user)
    return StarterPlanRead(**result.__dict__)
