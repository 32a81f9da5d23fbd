from fastapi import APIRouter, Response

from kaizen import clock
from kaizen.db import run_read
from kaizen.deps import CurrentUser, SessionDep, Today
from kaizen.home import flows
from kaizen.home.schemas import HomeRead

router = APIRouter(tags=["home"])


@router.get("/home", summary="The day across every domain", response_model=HomeRead)
async def get_home(user: CurrentUser, db: SessionDep, today: Today) -> Response:
    """Today's action items, the running sprint against its target, the top of the reading
    queue, the next 7 days' events, follow-ups due, goals left alone for 14 days and what was
    published this month — in one request and a fixed number of queries."""
    body = await run_read(db, flows.home, db, user, today, clock.utc_now())
    return Response(body, media_type="application/json")
