"""Reading a multipart upload the same way everywhere: a form Starlette cannot parse (too many
parts, a broken envelope) is a 422 naming the problem, like any other unusable upload."""

from typing import Any

from fastapi import Request
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from kaizen.errors import AppError


async def upload_form(request: Request, **limits: Any) -> FormData:
    try:
        return await request.form(**limits)
    except (MultiPartException, StarletteHTTPException) as exc:
        problem = getattr(exc, "detail", None) or getattr(exc, "message", "unreadable form")
        raise AppError(422, f"Send one file in a multipart field named `file` ({problem})") from exc
