from typing import Annotated

from fastapi import APIRouter, Path, Request, Response, status
from pydantic import BaseModel, Field

from kaizen import clock
from kaizen.calendar import flows
from kaizen.deps import CurrentUser, SessionDep
from kaizen.errors import NotFound

router = APIRouter(tags=["calendar"])
public_router = APIRouter(tags=["calendar"])

FEED_PATH = "/calendar/{secret}.ics"


class FeedCreated(BaseModel):
    url: str = Field(description="The private feed URL; shown only in this response")


class FeedStatus(BaseModel):
    active: bool


@router.get("/me/calendar-feed", summary="Whether your calendar feed is on")
def feed_status(user: CurrentUser, db: SessionDep) -> FeedStatus:
    """The URL itself is shown only when created; rotate to get a new one."""
    return FeedStatus(active=flows.feed(db, user) is not None)


@router.post(
    "/me/calendar-feed",
    status_code=status.HTTP_201_CREATED,
    summary="Create or rotate your private calendar feed URL",
)
def rotate_feed(request: Request, user: CurrentUser, db: SessionDep) -> FeedCreated:
    """Subscribe to the URL from a calendar app. A new one replaces the old, which stops
    working. Anyone with the URL can read the feed: keep it private."""
    secret = flows.rotate(db, user)
    base = str(request.base_url).rstrip("/")
    return FeedCreated(url=f"{base}/api/v1{FEED_PATH.format(secret=secret)}")


@router.delete(
    "/me/calendar-feed",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Turn your calendar feed off",
)
def revoke_feed(user: CurrentUser, db: SessionDep) -> None:
    flows.revoke(db, user)


@public_router.get(
    FEED_PATH,
    summary="A private calendar feed (ICS; the URL is the credential)",
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {}}, "description": "An iCalendar document"},
        404: {"description": "No such feed (unknown or rotated URL)"},
    },
)
def calendar_feed(
    secret: Annotated[str, Path(min_length=20, max_length=100, pattern=r"^[A-Za-z0-9_-]+$")],
    db: SessionDep,
) -> Response:
    """Interviews, assessments and deadlines (with alarms), follow-ups due (all day), sprint
    starts and ends, and the daily check-in reminder if one is set."""
    user = flows.user_for_secret(db, secret)
    if user is None:
        raise NotFound("Calendar feed")
    return Response(
        flows.ics(db, user, clock.utc_now()),
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, max-age=300", "Referrer-Policy": "no-referrer"},
    )
