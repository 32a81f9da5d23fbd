from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, status

from kaizen.deps import CurrentUser, PageParams, SessionDep, Today, owned
from kaizen.portfolio import service
from kaizen.portfolio.models import PortfolioEntry
from kaizen.portfolio.schemas import (
    EntryCreate,
    EntryKind,
    EntryRead,
    EntryStats,
    EntryStatus,
    EntryUpdate,
    PublicProfile,
)
from kaizen.schemas import MAX_ID, Page

router = APIRouter(tags=["portfolio"])
public_router = APIRouter(tags=["public"])

OwnedEntry = Annotated[
    PortfolioEntry, Depends(owned(PortfolioEntry, param="entry_id", label="Portfolio entry"))
]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such entry (or not yours)"}}


@router.get("/portfolio-entries", summary="List portfolio entries")
def list_entries(
    user: CurrentUser,
    db: SessionDep,
    page: PageParams,
    entry_status: Annotated[EntryStatus | None, Query(alias="status")] = None,
    kind: EntryKind | None = None,
    goal_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
) -> Page[EntryRead]:
    """Newest published first, then ideas and drafts."""
    rows, total = service.list_entries(
        db, user, page, status=entry_status, kind=kind, goal_id=goal_id
    )
    return Page(items=[EntryRead.model_validate(r) for r in rows], total=total)


@router.post(
    "/portfolio-entries",
    status_code=status.HTTP_201_CREATED,
    summary="Log something you made",
    responses={404: {"description": "goal_id is not one of your goals"}},
)
def create_entry(body: EntryCreate, user: CurrentUser, db: SessionDep, today: Today) -> EntryRead:
    return EntryRead.model_validate(service.create_entry(db, user, body, today))


@router.get("/portfolio-entries/stats", summary="Published per month and by kind")
def entry_stats(user: CurrentUser, db: SessionDep, today: Today) -> EntryStats:
    return service.stats(db, user, today)


@router.get("/portfolio-entries/{entry_id}", summary="Get a portfolio entry", responses=NOT_FOUND)
def get_entry(entry: OwnedEntry) -> EntryRead:
    return EntryRead.model_validate(entry)


@router.patch(
    "/portfolio-entries/{entry_id}", summary="Update a portfolio entry", responses=NOT_FOUND
)
def update_entry(
    body: EntryUpdate, entry: OwnedEntry, user: CurrentUser, db: SessionDep, today: Today
) -> EntryRead:
    """Moving an entry to `published` sets `published_on` to today unless you give one."""
    return EntryRead.model_validate(service.update_entry(db, user, entry, body, today))


@router.delete(
    "/portfolio-entries/{entry_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a portfolio entry",
    responses=NOT_FOUND,
)
def delete_entry(entry: OwnedEntry, db: SessionDep) -> None:
    service.delete_entry(db, entry)


@public_router.get(
    "/public/profiles/{handle}",
    summary="A public profile (no sign-in)",
    responses={404: {"description": "No such profile, or it is not public"}},
)
def get_public_profile(
    handle: Annotated[str, Path(max_length=32, pattern=r"^[A-Za-z0-9-]+$")], db: SessionDep
) -> PublicProfile:
    """Only the display name and published portfolio entries; 404 unless the user opted in."""
    return service.public_profile(db, handle)
