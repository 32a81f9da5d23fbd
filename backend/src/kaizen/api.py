"""The API's two parents: public routes, and everything else behind authentication.

Domains add their routers to ``private_router``; being inside it is what makes a route need
credentials, so no route can forget to (tests/security walks every route to prove it).
"""

from fastapi import APIRouter, Depends
from sqlalchemy import text

from kaizen.admin.router import router as admin_router
from kaizen.auth.router import account_router
from kaizen.auth.router import public_router as auth_public_router
from kaizen.calendar.router import public_router as calendar_public_router
from kaizen.calendar.router import router as calendar_router
from kaizen.db import storage_problem
from kaizen.deps import SessionDep, current_user, reject_control_characters
from kaizen.errors import AppError
from kaizen.goals.router import router as goals_router
from kaizen.habits.router import router as habits_router
from kaizen.home.router import router as home_router
from kaizen.onboarding.router import router as onboarding_router
from kaizen.opportunities.router import router as opportunities_router
from kaizen.portability.router import router as portability_router
from kaizen.portfolio.router import public_router as portfolio_public_router
from kaizen.portfolio.router import router as portfolio_router
from kaizen.reading.router import router as reading_router
from kaizen.reviews.router import router as reviews_router
from kaizen.sprints.router import router as sprints_router

PUBLIC_PATHS = frozenset(
    {
        "/api/v1/health",
        "/api/v1/auth/register",
        "/api/v1/auth/token",
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/api/v1/public/profiles/{handle}",
        "/api/v1/calendar/{secret}.ics",
    }
)

public_router = APIRouter(prefix="/api/v1", dependencies=[Depends(reject_control_characters)])
private_router = APIRouter(
    prefix="/api/v1", dependencies=[Depends(reject_control_characters), Depends(current_user)]
)


@public_router.get(
    "/health",
    tags=["health"],
    summary="Liveness check, including the database",
    responses={503: {"description": "The database cannot be reached or cannot store changes"}},
)
def health(db: SessionDep) -> dict[str, str]:
    """`SELECT 1`, and for SQLite whether its file can still be written (a read-only or full
    disk), so a container healthcheck notices a database that fails every request."""
    db.execute(text("SELECT 1"))
    problem = storage_problem(db.get_bind().engine)
    if problem:
        raise AppError(503, f"The database cannot store changes: {problem}")
    return {"status": "ok"}


public_router.include_router(auth_public_router)
private_router.include_router(account_router)
private_router.include_router(habits_router)
private_router.include_router(sprints_router)
private_router.include_router(goals_router)
private_router.include_router(portfolio_router)
private_router.include_router(onboarding_router)
private_router.include_router(portability_router)
public_router.include_router(portfolio_public_router)
private_router.include_router(opportunities_router)
private_router.include_router(calendar_router)
public_router.include_router(calendar_public_router)
private_router.include_router(reading_router)
private_router.include_router(admin_router)
private_router.include_router(home_router)
private_router.include_router(reviews_router)
