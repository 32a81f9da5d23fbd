"""Data ownership over HTTP: Loop import and account deletion."""

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from kaizen.deps import CSRF_COOKIE, SESSION_COOKIE, CurrentUser, SessionDep, Today
from kaizen.errors import AppError
from kaizen.portability import flows
from kaizen.portability.limits import MAX_UPLOAD, UPLOAD_MAX_BYTES, upload_too_large
from kaizen.portability.schemas import DeleteAccountIn, LoopImportResult

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
LOOP_BODY = {
    "requestBody": {
        "required": True,
        "description": "The file itself (Loop's CSV zip or backup database), or a multipart "
        f"upload with a `file` field. At most {MAX_UPLOAD // 1024 // 1024} MB.",
        "content": {
            **{t: {"schema": {"type": "string", "format": "binary"}} for t in sorted(RAW_TYPES)},
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


class TooLarge(AppError):
    def __init__(self) -> None:
        super().__init__(413, upload_too_large())


async def read_upload(request: Request) -> bytes:
    """The uploaded file's bytes, refusing more than MAX_UPLOAD without reading it all."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > UPLOAD_MAX_BYTES:
        raise TooLarge
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=5)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise AppError(422, "Send the file in a multipart field named `file`")
        data = await upload.read(MAX_UPLOAD + 1)
        await form.close()
    elif kind in RAW_TYPES:
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
        413: {"description": "File too large"},
        415: {"description": "Unsupported content type"},
        422: {"description": "Not a Loop export, or a malformed one (nothing is imported)"},
    },
)
async def import_loop(
    request: Request,
    user: CurrentUser,
    db: SessionDep,
    today: Today,
    dry_run: Annotated[bool, Query(description="Only report what would change")] = False,
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
