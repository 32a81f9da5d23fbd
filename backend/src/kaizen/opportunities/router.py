from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.exceptions import RequestValidationError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from kaizen import clock
from kaizen.auth.models import User
from kaizen.db import run_read
from kaizen.deps import CurrentUser, PageParams, SessionDep, Today, owned, owned_child
from kaizen.errors import AppError, field_error
from kaizen.opportunities import csv_import, service
from kaizen.opportunities.models import Application, Contact, Event, Organization
from kaizen.opportunities.schemas import (
    ApplicationCreate,
    ApplicationCreated,
    ApplicationDetail,
    ApplicationRead,
    ApplicationUpdate,
    ContactCreate,
    ContactRead,
    ContactUpdate,
    CsvImportResult,
    EventBrief,
    EventCreate,
    EventKind,
    EventListItem,
    EventRead,
    EventUpdate,
    FollowUp,
    FunnelStats,
    History,
    Kind,
    OrganizationCreate,
    OrganizationDetail,
    OrganizationListItem,
    OrganizationRead,
    OrganizationUpdate,
    OrgType,
    Stage,
    StageChangeRead,
)
from kaizen.plain import json_response
from kaizen.schemas import MAX_ID, Day, Page
from kaizen.uploads import upload_form

router = APIRouter(tags=["opportunities"])

OwnedOrganization = Annotated[
    Organization, Depends(owned(Organization, param="organization_id", label="Organization"))
]
owned_application = owned(Application, param="application_id", label="Application")
OwnedApplication = Annotated[Application, Depends(owned_application)]
OwnedEvent = Annotated[
    Event,
    Depends(
        owned_child(
            Event,
            parent=owned_application,
            parent_fk="application_id",
            param="event_id",
            label="Event",
        )
    ),
]
OwnedContact = Annotated[Contact, Depends(owned(Contact, param="contact_id", label="Contact"))]


def _not_found(what: str) -> dict[int | str, dict[str, Any]]:
    return {404: {"description": f"No such {what} (or not yours)"}}


ID_IN_BODY_404: dict[int | str, dict[str, Any]] = {
    404: {"description": "An id in the body (organization, goal, contact …) is not yours"}
}
Search = Annotated[str | None, Query(max_length=200, description="Case-insensitive substring")]
IdQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]


# Organizations ----------------------------------------------------------------------------


def _org_detail(db: SessionDep, user: CurrentUser, org: Organization) -> OrganizationDetail:
    goals, count = service.organization_readiness(db, user, org)
    return OrganizationDetail.model_validate(
        {
            **OrganizationRead.model_validate(org).model_dump(),
            "readiness": goals,
            "application_count": count,
        }
    )


@router.get("/organizations", summary="List organizations")
def list_organizations(
    user: CurrentUser,
    db: SessionDep,
    page: PageParams,
    type: OrgType | None = None,
    q: Search = None,
) -> Page[OrganizationListItem]:
    """Sorted by name; `q` searches the name. Each carries its readiness."""
    rows, total = service.list_organizations(db, user, type=type, q=q, page=page)
    ready = service.readiness_of_organizations(db, user, rows)
    return Page(
        items=[
            OrganizationListItem.model_validate(
                {**OrganizationRead.model_validate(r).model_dump(), "readiness": ready[r.id]}
            )
            for r in rows
        ],
        total=total,
    )


@router.post(
    "/organizations",
    status_code=status.HTTP_201_CREATED,
    summary="Add an organization",
    responses=ID_IN_BODY_404,
)
def create_organization(
    body: OrganizationCreate, user: CurrentUser, db: SessionDep
) -> OrganizationDetail:
    return _org_detail(db, user, service.create_organization(db, user, body))


@router.get(
    "/organizations/{organization_id}",
    summary="An organization with its readiness",
    responses=_not_found("organization"),
)
def get_organization(
    org: OwnedOrganization, user: CurrentUser, db: SessionDep
) -> OrganizationDetail:
    """`readiness` lists the progress of the goals it demands, from their key results."""
    return _org_detail(db, user, service.load_organization(db, org))


@router.patch(
    "/organizations/{organization_id}",
    summary="Update an organization",
    responses=_not_found("organization"),
)
def update_organization(
    body: OrganizationUpdate, org: OwnedOrganization, user: CurrentUser, db: SessionDep
) -> OrganizationDetail:
    return _org_detail(db, user, service.update_organization(db, user, org, body))


@router.delete(
    "/organizations/{organization_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an organization and its applications",
    responses=_not_found("organization"),
)
def delete_organization(org: OwnedOrganization, db: SessionDep) -> None:
    service.delete_organization(db, org)


# Applications ----------------------------------------------------------------------------


def _app_reads(db: SessionDep, rows: Any) -> list[ApplicationRead]:
    upcoming = service.next_events(db, [r.id for r in rows], clock.utc_now())
    out = []
    for row in rows:
        read = ApplicationRead.model_validate(row)
        event = upcoming.get(row.id)
        if event is not None:
            read.next_event = EventBrief.model_validate(event)
        out.append(read)
    return out


@router.get(
    "/applications",
    summary="List applications (the board)",
    response_model=Page[ApplicationRead],
)
async def list_applications(
    user: CurrentUser,
    db: SessionDep,
    page: PageParams,
    q: Search = None,
    stage: Stage | None = None,
    kind: Kind | None = None,
    type: Annotated[OrgType | None, Query(description="The organization's type")] = None,
    organization_id: IdQuery = None,
) -> Response:
    """Most recently moved first. `q` searches organization names and roles ("did I already
    apply?"). Each item carries its next upcoming event."""
    items, total = await run_read(
        db,
        service.list_applications,
        db,
        user,
        q=q,
        stage=stage,
        kind=kind,
        type=type,
        organization_id=organization_id,
        page=page,
        now=clock.utc_now(),
    )
    # A page of 200: serialised from the plain values as they stand (dates and timestamps
    # already their JSON text), not validated into a model each.
    return json_response({"items": items, "total": total})


@router.post(
    "/applications",
    status_code=status.HTTP_201_CREATED,
    summary="Add an application",
    responses=ID_IN_BODY_404,
)
def create_application(
    body: ApplicationCreate, user: CurrentUser, db: SessionDep, today: Today
) -> ApplicationCreated:
    """Records its first stage in the history. A second application for the same organization
    and role is created too, with a `warnings` entry saying so."""
    app, warnings = service.create_application(db, user, body, now=clock.utc_now(), today=today)
    return ApplicationCreated.model_validate(
        {**ApplicationRead.model_validate(app).model_dump(), "warnings": warnings}
    )


@router.get("/applications/stats", summary="The funnel: reached, conversion, days per stage")
def application_stats(
    user: CurrentUser,
    db: SessionDep,
    type: Annotated[OrgType | None, Query(description="The organization's type")] = None,
    kind: Kind | None = None,
    start: Annotated[Day | None, Query(alias="from", description="applied_on from")] = None,
    end: Annotated[Day | None, Query(alias="to", description="applied_on up to")] = None,
) -> FunnelStats:
    """Per stage of the main path (`applied` … `accepted`): how many applications ever reached
    it (per the history), the share of those that reached the next one, and the days spent in
    it (finished stays). `from`/`to` filter on `applied_on`."""
    return service.stats(db, user, type=type, kind=kind, start=start, end=end)


@router.get(
    "/applications/export.csv",
    summary="Export applications as CSV",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}, "description": "One row per application"}},
)
def export_applications(user: CurrentUser, db: SessionDep, today: Today) -> Response:
    """Cells that a spreadsheet would run as a formula are prefixed with a quote."""
    return Response(
        service.export_csv(db, user),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="applications-{today}.csv"',
            "Cache-Control": "no-store",
        },
    )


@router.get(
    "/applications/{application_id}",
    summary="An application with its readiness",
    responses=_not_found("application"),
)
def get_application(app: OwnedApplication, user: CurrentUser, db: SessionDep) -> ApplicationDetail:
    app = service.load_application(db, app.id)
    read = _app_reads(db, [app])[0]
    goals, source = service.application_readiness(db, user, app)
    return ApplicationDetail.model_validate(
        {**read.model_dump(), "readiness": goals, "readiness_from": source}
    )


@router.patch(
    "/applications/{application_id}",
    summary="Update an application or move it to another stage",
    responses={**_not_found("application"), **ID_IN_BODY_404},
)
def update_application(
    body: ApplicationUpdate,
    app: OwnedApplication,
    user: CurrentUser,
    db: SessionDep,
    today: Today,
) -> ApplicationRead:
    """A `stage` different from the current one appends to the history (moving back too);
    the history is never edited."""
    app = service.update_application(db, user, app, body, now=clock.utc_now(), today=today)
    return _app_reads(db, [app])[0]


@router.delete(
    "/applications/{application_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an application",
    responses=_not_found("application"),
)
def delete_application(app: OwnedApplication, db: SessionDep) -> None:
    service.delete_application(db, app)


@router.get(
    "/applications/{application_id}/history",
    summary="An application's stage history, oldest first",
    responses=_not_found("application"),
)
def application_history(app: OwnedApplication, db: SessionDep) -> History:
    return History(items=[StageChangeRead.model_validate(r) for r in service.history(db, app)])


# Events ----------------------------------------------------------------------------------


@router.get(
    "/applications/{application_id}/events",
    summary="An application's events",
    responses=_not_found("application"),
)
def list_application_events(app: OwnedApplication, db: SessionDep) -> Page[EventRead]:
    rows = service.list_application_events(db, app)
    return Page(items=[EventRead.model_validate(r) for r in rows], total=len(rows))


@router.post(
    "/applications/{application_id}/events",
    status_code=status.HTTP_201_CREATED,
    summary="Log an interview, assessment, call, deadline or message",
    responses={**_not_found("application"), **ID_IN_BODY_404},
)
def create_event(
    body: EventCreate, app: OwnedApplication, user: CurrentUser, db: SessionDep
) -> EventRead:
    """`starts_at` without an offset is read in your timezone; it is answered in UTC."""
    return EventRead.model_validate(service.create_event(db, user, app, body))


@router.patch(
    "/applications/{application_id}/events/{event_id}",
    summary="Update an event",
    responses={**_not_found("event"), **ID_IN_BODY_404},
)
def update_event(
    body: EventUpdate, event: OwnedEvent, user: CurrentUser, db: SessionDep
) -> EventRead:
    return EventRead.model_validate(service.update_event(db, user, event, body))


@router.delete(
    "/applications/{application_id}/events/{event_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an event",
    responses=_not_found("event"),
)
def delete_event(event: OwnedEvent, db: SessionDep) -> None:
    service.delete_event(db, event)


MAX_EVENT_RANGE_DAYS = 400


@router.get("/events", summary="Events between two dates (your timezone)")
def list_events(
    user: CurrentUser,
    db: SessionDep,
    today: Today,
    start: Annotated[Day | None, Query(alias="from", description="Default: today")] = None,
    end: Annotated[Day | None, Query(alias="to", description="Default: 30 days on")] = None,
    kind: EventKind | None = None,
) -> Page[EventListItem]:
    """Both dates included, at most 400 days apart; up to 1,000 events, soonest first."""
    lower = start or today
    upper = end or lower + timedelta(days=30)
    if upper < lower:
        raise field_error("to", "`to` must not be before `from`", location="query")
    if (upper - lower).days > MAX_EVENT_RANGE_DAYS:
        raise field_error("to", f"at most {MAX_EVENT_RANGE_DAYS} days", location="query")
    rows = [r for r in service.list_events(db, user, lower, upper) if kind in (None, r.kind)]
    return Page(items=[EventListItem.model_validate(r) for r in rows], total=len(rows))


# Contacts --------------------------------------------------------------------------------


@router.get("/contacts", summary="List contacts")
def list_contacts(
    user: CurrentUser,
    db: SessionDep,
    page: PageParams,
    organization_id: IdQuery = None,
    application_id: IdQuery = None,
    q: Search = None,
) -> Page[ContactRead]:
    rows, total = service.list_contacts(
        db, user, organization_id=organization_id, application_id=application_id, q=q, page=page
    )
    return Page(items=[ContactRead.model_validate(r) for r in rows], total=total)


@router.post(
    "/contacts",
    status_code=status.HTTP_201_CREATED,
    summary="Add a contact",
    responses=ID_IN_BODY_404,
)
def create_contact(body: ContactCreate, user: CurrentUser, db: SessionDep) -> ContactRead:
    return ContactRead.model_validate(service.create_contact(db, user, body))


@router.get("/contacts/{contact_id}", summary="Get a contact", responses=_not_found("contact"))
def get_contact(contact: OwnedContact, db: SessionDep) -> ContactRead:
    return ContactRead.model_validate(service.load_contact(db, contact))


@router.patch(
    "/contacts/{contact_id}",
    summary="Update a contact",
    responses={**_not_found("contact"), **ID_IN_BODY_404},
)
def update_contact(
    body: ContactUpdate, contact: OwnedContact, user: CurrentUser, db: SessionDep
) -> ContactRead:
    return ContactRead.model_validate(service.update_contact(db, user, contact, body))


@router.delete(
    "/contacts/{contact_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a contact",
    responses=_not_found("contact"),
)
def delete_contact(contact: OwnedContact, db: SessionDep) -> None:
    service.delete_contact(db, contact)


# Follow-ups ------------------------------------------------------------------------------


@router.get("/follow-ups", summary="What to follow up on")
async def list_follow_ups(
    user: CurrentUser,
    db: SessionDep,
    today: Today,
    days: Annotated[
        int, Query(ge=0, le=31, description="Also what falls due within this many days")
    ] = 0,
) -> Page[FollowUp]:
    """Applications and contacts whose follow-up date is due, and applications in `applied`
    with nothing new for 7 days; overdue first."""
    items = await run_read(
        db, service.follow_ups, db, user, today=today, now=clock.utc_now(), days=days
    )
    return Page(items=items, total=len(items))


# CSV import ------------------------------------------------------------------------------

CSV_MAX_BYTES = 2 * 1024 * 1024 - 64 * 1024  # the API's 2 MB body cap, less a form's envelope
CSV_TYPES = frozenset(
    {
        "text/csv",
        "text/plain",
        "application/csv",
        "application/vnd.ms-excel",
        "application/octet-stream",
    }
)
CSV_BODY = {
    "requestBody": {
        "required": True,
        "description": "The CSV itself, or a multipart upload with a `file` field; at most "
        "about 2 MB. The columns of `GET /applications/export.csv` (only `organization` and "
        "`role` are required).",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


def _too_large() -> AppError:
    return AppError(413, f"The file is larger than {CSV_MAX_BYTES // 1024} KB")


async def _csv_text(request: Request) -> str:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > CSV_MAX_BYTES + 64 * 1024:
        raise _too_large()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        form = await upload_form(request, max_files=1, max_fields=5, max_part_size=CSV_MAX_BYTES)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise AppError(422, "Send the file in a multipart field named `file`")
        raw = await upload.read(CSV_MAX_BYTES + 1)
        await form.close()
    elif kind in CSV_TYPES:
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > CSV_MAX_BYTES:
                raise _too_large()
            chunks.append(chunk)
        raw = b"".join(chunks)
    else:
        raise AppError(415, "Send text/csv, or a multipart form with a `file` field")
    if len(raw) > CSV_MAX_BYTES:
        raise _too_large()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # a spreadsheet's "CSV" on Windows


def _import_csv(db: Session, user: User, text: str, dry_run: bool) -> CsvImportResult:
    try:
        parsed = csv_import.parse(text)
    except csv_import.CsvFileError as exc:
        raise AppError(422, str(exc)) from exc
    plan = csv_import.plan(db, user, parsed)
    if parsed.errors and not dry_run:
        raise RequestValidationError(
            [
                {
                    "loc": ("body", f"line {p.line}"),
                    "msg": f"line {p.line}: {p.message}",
                    "type": "value_error",
                }
                for p in parsed.errors
            ]
        )
    if not dry_run:
        csv_import.apply(db, user, plan, clock.utc_now())
    return csv_import.result(plan, dry_run=dry_run)


@router.post(
    "/applications/import",
    summary="Import applications from CSV (preview with dry_run)",
    openapi_extra=CSV_BODY,
    responses={
        413: {"description": "File too large"},
        415: {"description": "Not CSV"},
        422: {"description": "Unreadable file, or rows with errors (by line; nothing imported)"},
    },
)
async def import_applications(
    request: Request,
    user: CurrentUser,
    db: SessionDep,
    dry_run: Annotated[
        bool, Query(description="Only report what would be created (a preview)")
    ] = False,
) -> CsvImportResult:
    """Rows in the columns of the CSV export. Organizations are matched by name
    (case-insensitively) or created; a row already in your applications (same organization,
    role, kind and created_at — or applied_on) or repeated in the file is skipped. Each new
    application gets its first stage in the history. With `dry_run` nothing is written and
    rows with errors are listed by line; a real import with any error changes nothing."""
    text = await _csv_text(request)
    return await run_in_threadpool(_import_csv, db, user, text, dry_run)
