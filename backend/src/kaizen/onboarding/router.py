from typing import Annotated

from fastapi import APIRouter, Body

from kaizen.deps import CurrentUser, SessionDep, Today
from kaizen.onboarding import flows
from kaizen.onboarding.schemas import StarterPlanPreview, StarterPlanRead, StarterPlanTake

router = APIRouter(tags=["onboarding"])


@router.get("/starter-plan", summary="What the starter plan would create")
def preview_starter_plan(user: CurrentUser, today: Today) -> StarterPlanPreview:
    """The seed's nine growth processes, its three personal action items plus one small item
    for each required process (linked to its goal), and a first fortnight holding them."""
    return flows.preview_starter_plan(user, today)


@router.post(
    "/starter-plan",
    summary="Take the starter plan (nine goals, its action items, a first sprint)",
    responses={200: {"description": "Created, or already taken (see `created`)"}},
)
def take_starter_plan(
    user: CurrentUser,
    db: SessionDep,
    today: Today,
    body: Annotated[StarterPlanTake | None, Body()] = None,
) -> StarterPlanRead:
    """In one transaction. Only what you do not have yet (matched by title) is created, so
    running it twice duplicates nothing. The body is optional: `{"skip": ["smoking"]}` leaves
    those action items out (an unknown key is a 422)."""
    skip = body.skip if body else []
    return flows.take_starter_plan(db, user, today, skip)
