"""One error shape for the whole API: ``{"detail": "..."}`` with the right status."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, InternalError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

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
        detail: object = exc.message
        if exc.status == 422:
            # Every 422 has one shape (FastAPI's, as documented in OpenAPI), so clients and
            # generated code read all of them alike.
            detail = [{"loc": ["body"], "msg": exc.message, "type": "value_error"}]
        return JSONResponse({"detail": detail}, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for err in exc.errors():
            # Drop echoed input: a huge or secret value must not come back in the error.
            item = {k: v for k, v in err.items() if k in ("loc", "msg", "type")}
            errors.append(item)
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(ValidationError)
    async def computed_value_error(_: Request, exc: ValidationError) -> JSONResponse:
        # A value the server computed from the request (the sprint after one ending on the
        # last allowed day) failed a schema's bounds: the request asked for it, so a 422.
        errors = [
            {"loc": ["body", *err["loc"]], "msg": err["msg"], "type": err["type"]}
            for err in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(OverflowError)
    async def overflow_error(_: Request, exc: OverflowError) -> JSONResponse:
        error = {"loc": ["body"], "msg": "A computed date or number is out of range"}
        return JSONResponse({"detail": [{**error, "type": "value_error"}]}, status_code=422)

    @app.exception_handler(IntegrityError)
    async def integrity_error(_: Request, exc: IntegrityError) -> JSONResponse:
        log.info("integrity error: %s", exc.orig)
        return JSONResponse({"detail": "The request conflicts with existing data"}, status_code=409)

    @app.exception_handler(OperationalError)
    @app.exception_handler(InternalError)
    async def database_error(_: Request, exc: DBAPIError) -> JSONResponse:
        return database_unavailable(exc)

    @app.exception_handler(PoolTimeout)
    async def pool_exhausted(_: Request, exc: PoolTimeout) -> JSONResponse:
        log.warning("no free database connection: %s", exc)
        return JSONResponse(BUSY, status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(DataError)
    async def data_error(_: Request, exc: DataError) -> JSONResponse:
        # Validation should have refused the value; never a 500 for bad input.
        log.warning("database refused a value: %s", exc.orig)
        error = {"loc": ["body"], "msg": "A value is invalid or out of range"}
        error["type"] = "value_error"
        return JSONResponse({"detail": [error]}, status_code=422)


BUSY = {"detail": "The database is busy; try again"}
UNAVAILABLE = {"detail": "The database cannot store changes (read-only, full or failing disk)"}
# PostgreSQL SQLSTATEs worth retrying: serialization failures and deadlocks (40…), a lock
# not available (55P03), a cancelled statement (57014), a lost connection (08…).
_PG_TRANSIENT = ("40", "55P03", "57014", "08")


def is_transient(exc: DBAPIError) -> bool:
    """Whether retrying soon can succeed (a lock), or not until someone acts (a full disk)."""
    name = getattr(exc.orig, "sqlite_errorname", None)
    if name is not None:
        return str(name).startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    return bool(sqlstate) and sqlstate.startswith(_PG_TRANSIENT)


def database_unavailable(exc: DBAPIError) -> JSONResponse:
    """503 either way; ``Retry-After`` only when waiting helps, so clients stop retrying a
    read-only or full disk and a person gets told."""
    if is_transient(exc):
        log.warning("database busy: %s", exc.orig)
        return JSONResponse(BUSY, status_code=503, headers={"Retry-After": "1"})
    log.error("database failing", exc_info=exc)
    return JSONResponse(UNAVAILABLE, status_code=503)
