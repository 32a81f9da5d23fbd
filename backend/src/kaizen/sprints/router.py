from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response, status

from kaizen import clock
from kaizen.db import run_read
from kaizen.deps import CurrentUser, PageParams, SessionDep, Today, owned
from kaizen.plain import json_response
from kaizen.reviews import flows as reviews
from kaizen.reviews.schemas import SprintBoard
from kaizen.schemas import Page
from kaizen.sprints import service
from kaizen.sprints.models import Sprint
from kaizen.sprints.schemas import (
    SprintCreate,
    SprintCreated,
    SprintNext,
    SprintRead,
    SprintUpdate,
)

router = APIRouter(tags=["sprints"])

OwnedSprint = Annotated[Sprint, Depends(owned(Sprint, param="sprint_id", label="Sprint"))]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such sprint (or not yours)"}}


@router.get("/sprints", summary="List sprints with their scores", response_model=Page[SprintRead])
async def list_sprints(
    user: CurrentUser, db: SessionDep, page: PageParams, today: Today
) -> Response:
    """Newest first. Each carries its status (planned / active / finished) and score so far."""
    items, total = await run_read(db, service.list_sprint_fields, db, user, page, today)
    # A history of hundreds of sprints: serialised from plain values, not a model each.
    return json_response({"items": items, "total": total})


@router.post(
    "/sprints",
    status_code=status.HTTP_201_CREATED,
    summary="Plan a sprint",
    responses={404: {"description": "A habit id that is not yours"}},
)
def create_sprint(
    body: SprintCreate, user: CurrentUser, db: SessionDep, today: Today
) -> SprintCreated:
    """Defaults: starts today, lasts 14 days, target 0.75. A sprint overlapping others is
    created (topic sprints may overlap on purpose) with a line in `warnings` for each."""
    sprint = service.create_sprint(db, user, body, today)
    read = service.reads(db, [sprint], today)[0]
    return SprintCreated(**read.model_dump(), warnings=service.overlap_warnings(db, sprint))


@router.get(
    "/sprints/current",
    summary="The sprint containing today",
    responses={404: {"description": "No sprint contains today"}},
)
def current_sprint(user: CurrentUser, db: SessionDep, today: Today) -> SprintRead:
    return service.reads(db, [service.current_sprint(db, user, today)], today)[0]


@router.get("/sprints/{sprint_id}", summary="Get a sprint", responses=NOT_FOUND)
def get_sprint(sprint: OwnedSprint, db: SessionDep, today: Today) -> SprintRead:
    return service.reads(db, [sprint], today)[0]


@router.patch("/sprints/{sprint_id}", summary="Update a sprint", responses=NOT_FOUND)
def update_sprint(
    body: SprintUpdate, sprint: OwnedSprint, user: CurrentUser, db: SessionDep, today: Today
) -> SprintRead:
    """Changing dates, target or items of a finished sprint re-scores it from the check-ins;
    fields sent unchanged, the plan and the retrospective leave its kept results alone."""
    service.update_sprint(db, user, sprint, body, today)
    return service.reads(db, [sprint], today)[0]


@router.delete(
    "/sprints/{sprint_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a sprint (its habits and check-ins stay)",
    responses=NOT_FOUND,
)
def delete_sprint(sprint: OwnedSprint, db: SessionDep) -> None:
    service.delete_sprint(db, sprint)


@router.get("/sprints/{sprint_id}/scoreboard", summary="Live scoreboard", responses=NOT_FOUND)
def sprint_scoreboard(
    sprint: OwnedSprint, user: CurrentUser, db: SessionDep, today: Today
) -> SprintBoard:
    """Per action item: done / eligible so far, `required` = ⌈target × eligible days in the whole
    sprint⌉, `still_needed`, and whether that is still `feasible`. `score` is the mean of the
    items' rates; `previous_score` is the sprint that ended most recently before this one.
    `outputs`: what the sprint produced in its dates (papers and pages read, applications
    sent and moved, interviews, posts and implementations published)."""
    return reviews.sprint_board(db, user, sprint, today, clock.utc_now())


@router.get(
    "/sprints/{sprint_id}/review",
    summary="The sprint review as Markdown",
    response_class=Response,
    responses={
        200: {"content": {"text/markdown": {}}, "description": "Markdown text"},
        **NOT_FOUND,
    },
)
def sprint_review(sprint: OwnedSprint, user: CurrentUser, db: SessionDep, today: Today) -> Response:
    """Each item as done/eligible, the score, the comparison with the previous sprint, the next
    target and the days it needs, then your retrospective. Pastes cleanly into a blog."""
    text = reviews.sprint_review(db, user, sprint, today, clock.utc_now())
    filename = f"sprint-{sprint.start_date.isoformat()}.md"
    return Response(
        text,
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


@router.post(
    "/sprints/{sprint_id}/next",
    status_code=status.HTTP_201_CREATED,
    summary="Plan the following sprint",
    responses=NOT_FOUND,
)
def plan_next_sprint(
    body: SprintNext, sprint: OwnedSprint, user: CurrentUser, db: SessionDep, today: Today
) -> SprintRead:
    """Same action items (archived ones left out), starting the day after this one ends."""
    created = service.plan_next(db, user, sprint, body, today)
    return service.reads(db, [created], today)[0]
