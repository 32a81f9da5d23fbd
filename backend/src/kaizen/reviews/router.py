from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from kaizen import clock
from kaizen.deps import CurrentUser, PageParams, SessionDep, Today
from kaizen.reviews import flows, service
from kaizen.reviews.schemas import IsoWeek, ReflectionIn, SavedReview, WeeklyReview
from kaizen.schemas import Page

router = APIRouter(tags=["reviews"])

WEEKLY_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/markdown": {}}, "description": "JSON, or Markdown on request"},
    404: {"description": "The week has not started yet"},
}


def _answer(review: WeeklyReview, request: Request) -> WeeklyReview | Response:
    if "text/markdown" in request.headers.get("accept", ""):
        return Response(
            review.markdown,
            media_type="text/markdown; charset=utf-8",
            headers={"Content-Disposition": f'inline; filename="review-{review.week}.md"'},
        )
    return review


@router.get(
    "/reviews/weekly",
    summary="The weekly review",
    response_model=WeeklyReview,
    responses=WEEKLY_RESPONSES,
)
def weekly_review(
    request: Request,
    user: CurrentUser,
    db: SessionDep,
    today: Today,
    week: Annotated[IsoWeek | None, Query(description="ISO week; default: this week")] = None,
) -> WeeklyReview | Response:
    """Each action item's days done, the sprint's running score and what it needs, papers and
    pages read, applications sent and moved, interviews held, posts published, goals that moved
    and goals left alone, the week before for comparison, next steps, your reflection and the
    whole as Markdown (`Accept: text/markdown` gives the text alone)."""
    review = flows.weekly_review(db, user, week or flows.week_of(today), today, clock.utc_now())
    return _answer(review, request)


@router.put(
    "/reviews/weekly/{week}",
    summary="Save your reflection on a week",
    response_model=WeeklyReview,
    responses={404: {"description": "The week has not started yet"}},
)
def save_reflection(
    week: Annotated[IsoWeek, Path()],
    body: ReflectionIn,
    user: CurrentUser,
    db: SessionDep,
    today: Today,
) -> WeeklyReview:
    """Saving is what keeps a review in the history (`GET /reviews`); repeating it replaces
    the text."""
    return flows.save_reflection(db, user, week, body.reflection, today, clock.utc_now())


@router.get("/reviews", summary="Saved weekly reviews, newest first")
def list_reviews(user: CurrentUser, db: SessionDep, page: PageParams) -> Page[SavedReview]:
    rows, total = service.list_notes(db, user, page)
    return Page(items=[SavedReview.model_validate(r) for r in rows], total=total)
