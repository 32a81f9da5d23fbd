from fastapi import APIRouter

from kaizen.deps import CurrentUser, SessionDep, Today
from kaizen.onboarding import flows
from kaizen.onboarding.schemas import StarterPlanPreview, StarterPlanRead

router = APIRouter(tags=["onboarding"])


@router.get("/starter-plan", summary="What the starter plan would create")
def preview_starter_plan(user: CurrentUser, today: Today) -> StarterPlanPreview:
    """The seed's nine growth processes, three daily action items and a first fortnight."""
    return flows.preview_starter_plan(user, today)


@router.post(
    "/starter-plan",
    summary="Take the starter plan (nine goals, three action items, a first sprint)",
    responses={200: {"description": "Created, or already taken (see `created`)"}},
)
def take_starter_plan(user: CurrentUser, db: SessionDep, today: Today) -> StarterPlanRead:
    """In one transaction. Only what you do not have yet (matched by title) is created, so
    running it twice duplicates nothing."""
    return flows.take_starter_plan(db, user, today)
