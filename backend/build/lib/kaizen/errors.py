"""One error shape for the whole API: ``{"detail": "..."}`` with the right status."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError, OperationalError

log = logging.getLogger("kaizen")


class AppError(Exception):
    def __init__(self, status: int, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers


class NotFound(AppError):
    def __init__(self, what: str = "Resource") -> None:
        super().__init__(404, f"{what} not found")


class Conflict(AppError):
    def __init__(self, message: str) -> None:
        super().__init__(409, message)


class Unauthorized(AppError):
    def __init__(self, message: str = "Not authenticated") -> None:
        super().__init__(401, message, headers={"WWW-Authenticate": "Bearer"})


def field_error(field: str, message: str, *, location: str = "body") -> RequestValidationError:
    """A 422 in FastAPI's own shape, so clients show it next to the right field."""
    return RequestValidationError(
        [{"loc": (location, field), "msg": message, "type": "value_error"}]
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def app_error(_: Request, exc: AppError) -> JSONResponse:
        return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for err in exc.errors():
            # Drop echoed input: a huge or secret value must not come back in the error.
            item = {k: v for k, v in err.items() if k in ("loc", "msg", "type")}
            errors.append(item)
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(IntegrityError)
    async def integrity_error(_: Request, exc: IntegrityError) -> JSONResponse:
        log.info("integrity error: %s", exc.orig)
        return JSONResponse({"detail": "The request conflicts with existing data"}, status_code=409)

    @app.exception_handler(OperationalError)
    async def operational_error(_: Request, exc: OperationalError) -> JSONResponse:
        log.exception("database unavailable", exc_info=exc)
        return JSONResponse(
            {"detail": "The database is busy; try again"},
            status_code=503,
            headers={"Retry-After": "1"},
        )
