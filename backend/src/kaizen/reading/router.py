from datetime import date
from typing import Annotated, Any

import httpx
from fastapi import APIRouter, Depends, Header, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.db import run_read
from kaizen.deps import CurrentUser, PageParams, SessionDep, Today, owned
from kaizen.errors import AppError
from kaizen.limits import READING_IMPORT_MAX
from kaizen.plain import json_response
from kaizen.portfolio.schemas import EntryRead
from kaizen.reading import flows, formats, lookup, service
from kaizen.reading.models import ReadingItem
from kaizen.reading.schemas import (
    EntryProblem,
    ImportResult,
    Kind,
    LookupIn,
    LookupResult,
    PortfolioDraftIn,
    ProgressIn,
    ProgressLogRead,
    ProgressResult,
    ReadingItemCreate,
    ReadingItemDetail,
    ReadingItemRead,
    ReadingItemUpdate,
    ReadingStats,
    ReorderIn,
    SettingsIn,
    SettingsRead,
    Status,
    StatusChangeRead,
)
from kaizen.schemas import Page
from kaizen.uploads import upload_form

router = APIRouter(tags=["reading"])

OwnedItem = Annotated[
    ReadingItem, Depends(owned(ReadingItem, param="reading_item_id", label="Reading item"))
]
HttpClient = Annotated[httpx.Client, Depends(lookup.http_client)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such reading item (or not yours)"}
}
LINKS_404: dict[int | str, dict[str, Any]] = {
    404: {"description": "goal_id, writeup_id or implementation_id is not yours"}
}
MAX_IMPORT_BYTES = READING_IMPORT_MAX
BIBTEX_TYPES = ("application/x-bibtex", "text/x-bibtex", "application/x-bibtex-text-file")
RIS_TYPES = ("application/x-research-info-systems", "application/x-ris", "text/x-ris")


@router.get(
    "/reading-items",
    summary="List reading items (the queue, or the library)",
    response_model=Page[ReadingItemRead],
)
async def list_items(
    user: CurrentUser,
    db: SessionDep,
    page: PageParams,
    item_status: Annotated[
        list[Status] | None,
        Query(
            alias="status",
            max_length=4,
            description="Repeat for several: status=done&status=dropped",
        ),
    ] = None,
    kind: Kind | None = None,
    tag: Annotated[str | None, Query(max_length=40)] = None,
    year: Annotated[int | None, Query(ge=0, le=2100)] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in the title or authors")
    ] = None,
    sort: Annotated[
        service.Sort, Query(description="queue (up next first), finished, added or title")
    ] = "queue",
) -> Response:
    """In queue order by default: the top is up next."""
    items, total = await run_read(
        db,
        service.list_item_rows,
        db,
        user,
        status=item_status or (),
        kind=kind,
        tag=tag,
        year=year,
        q=q,
        sort=sort,
        limit=page.limit,
        offset=page.offset,
    )
    # A page of 200: serialised from the plain values as they stand (dates and the timestamp
    # already their JSON text), not validated into a model each.
    return json_response({"items": items, "total": total})


@router.post(
    "/reading-items",
    status_code=status.HTTP_201_CREATED,
    summary="Add a reading item to the end of the queue",
    responses=LINKS_404,
)
def create_item(
    body: ReadingItemCreate, user: CurrentUser, db: SessionDep, today: Today
) -> ReadingItemRead:
    """Only `title` is required."""
    return ReadingItemRead.model_validate(service.create_item(db, user, body, today))


@router.post("/reading-items/reorder", summary="Reorder the reading queue", responses=NOT_FOUND)
def reorder_items(body: ReorderIn, user: CurrentUser, db: SessionDep) -> Page[ReadingItemRead]:
    """Give ids in their new order; they get positions 1, 2, 3, … (others keep theirs)."""
    service.reorder_items(db, user, body.reading_item_ids)
    rows, total = service.list_items(db, user, status=("queued", "reading"), limit=1000)
    return Page(items=[ReadingItemRead.model_validate(r) for r in rows], total=total)


@router.get("/reading-items/stats", summary="Reading stats")
def reading_stats(user: CurrentUser, db: SessionDep, today: Today) -> ReadingStats:
    """Finished per month by kind, pages per week, median days to finish, reading streak."""
    return service.stats(db, user, today)


@router.get("/reading-items/tags", summary="Tags in use on your reading items")
def reading_tags(user: CurrentUser, db: SessionDep) -> list[str]:
    return service.tags_in_use(db, user)


@router.post(
    "/reading-items/lookup",
    summary="Fetch metadata for an arXiv id, DOI or ISBN",
    responses={
        404: {"description": "The service has no record of it"},
        422: {"description": "Not an arXiv id, DOI or ISBN"},
        502: {"description": "The service could not be reached or failed"},
        504: {"description": "The service did not answer in time"},
    },
)
def lookup_identifier(body: LookupIn, client: HttpClient) -> LookupResult:
    """Nothing is saved: the result fills in the add form."""
    return lookup.lookup(client, body.identifier)


def _exported(content: str, media_type: str, filename: str) -> Response:
    return Response(
        content=content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "/reading-items/export.bib",
    summary="Export every reading item as BibTeX",
    response_class=Response,
    responses={200: {"content": {"application/x-bibtex": {}}}},
)
def export_bibtex(user: CurrentUser, db: SessionDep) -> Response:
    """UTF-8 BibTeX; each item keeps its citation key across exports."""
    text = formats.to_bibtex(service.exportables(db, user))
    return _exported(text, "application/x-bibtex; charset=utf-8", "kaizen-reading.bib")


@router.get(
    "/reading-items/export.ris",
    summary="Export every reading item as RIS",
    response_class=Response,
    responses={200: {"content": {"application/x-research-info-systems": {}}}},
)
def export_ris(user: CurrentUser, db: SessionDep) -> Response:
    text = formats.to_ris(service.exportables(db, user))
    return _exported(
        text, "application/x-research-info-systems; charset=utf-8", "kaizen-reading.ris"
    )


async def _read_upload(request: Request) -> tuple[str, str]:
    """(format, text) of the body: a raw BibTeX/RIS file or a multipart ``file`` field."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_IMPORT_BYTES + 64 * 1024:
        raise AppError(413, "The file is larger than 5 MB")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_IMPORT_BYTES + 64 * 1024:
            raise AppError(413, "The file is larger than 5 MB")
        chunks.append(chunk)
    raw, filename = b"".join(chunks), ""
    if content_type == "multipart/form-data":
        raw, filename, content_type = await _multipart_file(request, raw)
    if len(raw) > MAX_IMPORT_BYTES:
        raise AppError(413, "The file is larger than 5 MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if not text.strip():
        raise AppError(422, "The file is empty")
    if content_type in RIS_TYPES or filename.lower().endswith(".ris"):
        return "ris", text
    if content_type in BIBTEX_TYPES or filename.lower().endswith(".bib"):
        return "bibtex", text
    if content_type in ("text/plain", "application/octet-stream", ""):
        return ("ris" if text.lstrip().startswith("TY  -") else "bibtex"), text
    raise AppError(
        415,
        "Send BibTeX (application/x-bibtex), RIS (application/x-research-info-systems) "
        "or a multipart form with a 'file' field",
    )


async def _multipart_file(request: Request, raw: bytes) -> tuple[bytes, str, str]:
    # The body was streamed (and capped) above; Starlette parses it from its cache.
    request._body = raw
    form = await upload_form(request, max_files=1, max_fields=5, max_part_size=MAX_IMPORT_BYTES)
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise AppError(422, "The multipart form needs a 'file' field")
    data = await upload.read()
    kind = (upload.content_type or "").split(";")[0].strip().lower()
    return data, upload.filename or "", kind


def _import(
    db: Session, user: User, fmt: str, text: str, dry_run: bool, today: date
) -> ImportResult:
    try:
        parsed, errors = (formats.parse_ris if fmt == "ris" else formats.parse_bibtex)(text)
    except formats.MalformedFile as exc:
        raise AppError(422, str(exc)) from exc
    if not parsed and errors:
        raise AppError(422, f"No entry could be read (first problem on line {errors[0].line})")
    plan = service.plan_import(db, user, parsed, errors)
    if not dry_run:
        service.apply_import(db, user, plan, today)
    return ImportResult(
        created=len(plan.items),
        skipped=plan.skipped,
        errors=[EntryProblem(line=e.line, message=e.message) for e in plan.errors],
        dry_run=dry_run,
        items=service.previews(plan),
    )


@router.post(
    "/reading-items/import",
    summary="Import BibTeX or RIS",
    status_code=status.HTTP_200_OK,
    responses={
        413: {"description": "The file is larger than 5 MB"},
        415: {"description": "Neither BibTeX, RIS nor a multipart upload"},
        422: {"description": "Nothing in the file could be read"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-bibtex": {"schema": {"type": "string"}},
                "application/x-research-info-systems": {"schema": {"type": "string"}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                },
            },
        }
    },
)
async def import_items(
    request: Request,
    user: CurrentUser,
    db: SessionDep,
    today: Today,
    dry_run: Annotated[
        bool, Query(description="Only preview: report what would be created, create nothing")
    ] = False,
) -> ImportResult:
    """Duplicates (same DOI, arXiv id or title, in the file or your library) are skipped; a
    broken entry is reported by line and the rest imported. New items join the queue's end."""
    fmt, text = await _read_upload(request)
    return await run_in_threadpool(_import, db, user, fmt, text, dry_run, today)


@router.get("/reading-settings", summary="Your reading settings")
def get_settings(user: CurrentUser, db: SessionDep) -> SettingsRead:
    """Which numeric action item logged reading adds to (and in which unit)."""
    return SettingsRead.model_validate(service.get_settings(db, user))


@router.put(
    "/reading-settings",
    summary="Link reading to an action item",
    responses={404: {"description": "habit_id is not one of your action items"}},
)
def put_settings(body: SettingsIn, user: CurrentUser, db: SessionDep) -> SettingsRead:
    """Progress logged in `unit` (pages by default) adds to that action item's check-in for
    the day: 'Read 20 pages' fills itself as you log reading."""
    return SettingsRead.model_validate(service.put_settings(db, user, body))


@router.get(
    "/reading-items/{reading_item_id}",
    summary="Get a reading item with its history",
    responses=NOT_FOUND,
)
def get_item(item: OwnedItem, db: SessionDep) -> ReadingItemDetail:
    read = ReadingItemRead.model_validate(item)
    return ReadingItemDetail(
        **read.model_dump(),
        status_history=[
            StatusChangeRead.model_validate(s) for s in service.status_history(db, item)
        ],
        progress_log=[ProgressLogRead.model_validate(p) for p in service.progress_log(db, item)],
    )


@router.patch(
    "/reading-items/{reading_item_id}",
    summary="Update a reading item",
    responses={**NOT_FOUND, **LINKS_404},
)
def update_item(
    body: ReadingItemUpdate, item: OwnedItem, user: CurrentUser, db: SessionDep, today: Today
) -> ReadingItemRead:
    """Send only what changes. A new `status` is added to the history with today's date."""
    return ReadingItemRead.model_validate(service.update_item(db, user, item, body, today))


@router.delete(
    "/reading-items/{reading_item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a reading item",
    responses=NOT_FOUND,
)
def delete_item(item: OwnedItem, db: SessionDep) -> None:
    service.delete_item(db, item)


@router.post(
    "/reading-items/{reading_item_id}/progress",
    status_code=status.HTTP_201_CREATED,
    summary="Log reading progress",
    responses={**NOT_FOUND, 409: {"description": "Idempotency-Key used for another item"}},
)
def log_progress(
    body: ProgressIn,
    item: OwnedItem,
    user: CurrentUser,
    db: SessionDep,
    today: Today,
    idempotency_key: Annotated[
        str | None,
        Header(
            max_length=200,
            description="Any unique string; a retried request with it counts once",
        ),
    ] = None,
) -> ProgressResult:
    """Adds `amount` (in the item's unit) to its progress; a queued item starts. If your
    reading settings link an action item with the same unit, the amount is added to its
    check-in for that day."""
    logged, feed = flows.log_progress(db, user, item, body, idempotency_key, today)
    return ProgressResult(
        item=ReadingItemRead.model_validate(item),
        log=ProgressLogRead.model_validate(logged.log),
        habit=feed,
        replayed=logged.replayed,
    )


@router.post(
    "/reading-items/{reading_item_id}/portfolio-entry",
    status_code=status.HTTP_201_CREATED,
    summary="Start a write-up or implementation from a reading item",
    responses={**NOT_FOUND, 409: {"description": "Already linked"}},
)
def start_portfolio_entry(
    body: PortfolioDraftIn, item: OwnedItem, user: CurrentUser, db: SessionDep, today: Today
) -> EntryRead:
    """Creates a drafting portfolio entry and links it as the item's write-up (or
    implementation) in one step."""
    return EntryRead.model_validate(flows.start_portfolio_entry(db, user, item, body.kind, today))
