"""Data ownership over HTTP: Loop import and account deletion."""

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from kaizen.auth.models import User
from kaizen.db import new_session, utcnow
from kaizen.deps import CSRF_COOKIE, SESSION_COOKIE, CurrentUser, SessionDep, Today
from kaizen.errors import AppError
from kaizen.limits import MAX_UPLOAD, UPLOAD_MAX_BYTES, upload_too_large
from kaizen.portability import flows
from kaizen.portability.schemas import DeleteAccountIn, KaizenImportResult, LoopImportResult
from kaizen.uploads import upload_form

router = APIRouter(tags=["data"])

RAW_TYPES = frozenset(
    {
        "application/zip",
        "application/x-zip-compressed",
        "application/vnd.sqlite3",
        "application/x-sqlite3",
        "application/octet-stream",
    }
)
MULTIPART_FILE = {
    "schema": {
        "type": "object",
        "properties": {"file": {"type": "string", "format": "binary"}},
        "required": ["file"],
    }
}
LOOP_BODY = {
    "requestBody": {
        "required": True,
        "description": "The file itself (Loop's CSV zip or backup database), or a multipart "
        f"upload with a `file` field. At most {MAX_UPLOAD // 1024 // 1024} MB.",
        "content": {
            **{t: {"schema": {"type": "string", "format": "binary"}} for t in sorted(RAW_TYPES)},
            "multipart/form-data": MULTIPART_FILE,
        },
    }
}


UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"description": "File too large"},
    415: {"description": "Unsupported content type"},
}
DryRun = Annotated[bool, Query(description="Only report what would change (a preview)")]


class TooLarge(AppError):
    def __init__(self) -> None:
        super().__init__(413, upload_too_large())


async def read_upload(request: Request, raw_types: frozenset[str] = RAW_TYPES) -> bytes:
    """The uploaded file's bytes, refusing more than MAX_UPLOAD without reading it all."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > UPLOAD_MAX_BYTES:
        raise TooLarge
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        form = await upload_form(request, max_files=1, max_fields=5)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise AppError(422, "Send the file in a multipart field named `file`")
        data = await upload.read(MAX_UPLOAD + 1)
        await form.close()
    elif kind in raw_types:
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_UPLOAD:
                raise TooLarge
            chunks.append(chunk)
        data = b"".join(chunks)
    else:
        raise AppError(415, "Send application/zip, application/vnd.sqlite3 or multipart/form-data")
    if len(data) > MAX_UPLOAD:
        raise TooLarge
    if not data:
        raise AppError(422, "The file is empty")
    return data


@router.post(
    "/import/loop",
    summary="Import Loop Habit Tracker's CSV export or backup database",
    openapi_extra=LOOP_BODY,
    responses={
        **UPLOAD_ERRORS,
        422: {"description": "Not a Loop export, or a malformed one (nothing is imported)"},
    },
)
async def import_loop(
    request: Request,
    user: CurrentUser,
    db: SessionDep,
    today: Today,
    dry_run: DryRun = False,
) -> LoopImportResult:
    """Habits become action items (matched by name, so importing again updates them), manual
    yes → done, no → missed, skip → skipped, notes kept, amounts of numeric habits in their
    unit; Loop's automatic fill-ins and unknown days create nothing. Frequencies with no exact
    Kaizen schedule ("3 times in 10 days") get the nearest one, listed in `converted`."""
    data = await read_upload(request)
    return await run_in_threadpool(flows.import_loop, db, user, data, today, dry_run=dry_run)


@router.delete(
    "/me",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete your account and all its data",
    responses={422: {"description": "Wrong password (nothing is deleted)"}},
)
def delete_me(body: DeleteAccountIn, user: CurrentUser, db: SessionDep, response: Response) -> None:
    """Every row of yours in every table goes, then the account; the session ends."""
    flows.delete_account(db, user, body.password)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")


JSON_TYPES = frozenset({"application/json"})
KAIZEN_BODY = {
    "requestBody": {
        "required": True,
        "description": "A Kaizen export (GET /export), as the body or a multipart `file` field.",
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "multipart/form-data": MULTIPART_FILE,
        },
    }
}


@router.get(
    "/export",
    summary="Download everything you own as one JSON document",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
)
def export(user: CurrentUser) -> StreamingResponse:
    """`{"format": "kaizen", "version": 1, "exported_at": …}` with your profile, goals and key
    results, action items with every check-in, sprints with plans, retrospectives and kept
    results, and portfolio. Ids are local to the file; secrets are never in it. Streamed."""
    user_id = user.id

    def body() -> Iterator[str]:
        # The request's session ends before a streamed body is sent: this one reads it.
        with new_session() as db:
            owner = db.get(User, user_id)
            if owner is not None:
                yield from flows.export_document(db, owner)

    name = f"kaizen-export-{utcnow().date().isoformat()}.json"
    return StreamingResponse(
        body(),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post(
    "/import",
    summary="Import a Kaizen export into your account",
    openapi_extra=KAIZEN_BODY,
    responses={
        **UPLOAD_ERRORS,
        422: {"description": "Invalid document: every error with its JSON path; nothing changed"},
    },
)
async def import_kaizen(
    request: Request,
    user: CurrentUser,
    db: SessionDep,
    today: Today,
    dry_run: DryRun = False,
) -> KaizenImportResult:
    """The whole file is checked before anything is written. Items are matched by title or
    name (sprints by title and start date), so importing the same file twice duplicates
    nothing."""
    data = await read_upload(request, JSON_TYPES)
    return await run_in_threadpool(flows.import_document, db, user, data, today, dry_run=dry_run)
