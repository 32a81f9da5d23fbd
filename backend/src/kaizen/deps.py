"""Dependencies every router uses: the request's DB session, the current user, pagination,
and the ``owned`` factory that turns ``{x_id}`` into the caller's row or a 404."""

import hashlib
import inspect
import logging
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import BackgroundTasks, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import (
    APIKeyCookie,
    HTTPAuthorizationCredentials,
    HTTPBearer,
    OAuth2PasswordBearer,
)
from fastapi.security.utils import get_authorization_scheme_param
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kaizen import clock
from kaizen.auth import security, service
from kaizen.auth.models import User
from kaizen.auth.service import Credential
from kaizen.db import (
    SAFE_METHODS,
    Base,
    get_db,
    new_session,
    reads_before_writing,
    run_read,
)
from kaizen.errors import AppError, NotFound, Unauthorized, field_error
from kaizen.queries import Pagination
from kaizen.schemas import CONTROL_MESSAGE, MAX_ID, has_control_characters

SESSION_COOKIE = "kaizen_session"
CSRF_COOKIE = "kaizen_csrf"
CSRF_HEADER = "X-CSRF-Token"
# A bearer token or browser session that no longer authenticates (also said by the check-in
# writes that check their credential again, ``habits.rechecked``).
BEARER_GONE = "Invalid or expired token"
SESSION_GONE = "Session expired; sign in again"
# Secrets are 43-60 characters; anything much longer is not one (and is not hashed).
MAX_SECRET = 200
log = logging.getLogger("kaizen")

SessionDep = Annotated[Session, Depends(get_db, scope="function")]

bearer_scheme = OAuth2PasswordBearer(
    tokenUrl="/api/v1/auth/token",
    auto_error=False,
    description="A personal API token (Settings → API tokens) or one from /auth/token.",
)
# The same Authorization header as above, listed again so /docs' Authorize also takes a pasted
# personal token (the password flow above only fetches new ones).
token_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="PersonalToken",
    description="Paste a personal API token (Settings → API tokens), e.g. kz_…",
)
cookie_scheme = APIKeyCookie(
    name=SESSION_COOKIE,
    auto_error=False,
    description="Browser session from /auth/login; unsafe methods also need X-CSRF-Token.",
)


async def current_credential(
    request: Request,
    db: SessionDep,
    background: BackgroundTasks,
    # The three schemes are in the OpenAPI document (so /docs' Authorize offers them), but
    # the handlers' dependency tree leaves them out (``main._without_repeats``: each dependency
    # costs every request ~15 µs of FastAPI's solving); the secrets are read below, from the
    # same header and cookie, as these schemes read them.
    _bearer: Annotated[str | None, Depends(bearer_scheme)] = None,
    _pasted: Annotated[HTTPAuthorizationCredentials | None, Depends(token_scheme)] = None,
    _cookie: Annotated[str | None, Depends(cookie_scheme)] = None,
) -> Credential:
    """The request's credential. A read on SQLite looks it up on the event loop (see
    ``kaizen.db.run_read``: a WAL read waits for nothing), and so does a write that reads
    before its write transaction (``db.reads_before_writing``: its lookup is such a read);
    everything else, which may wait (a writer's ``BEGIN IMMEDIATE`` and its turn,
    PostgreSQL's network), in a worker thread."""
    bearer = bearer_secret(request)
    cookie = request.cookies.get(SESSION_COOKIE) or None
    if request.method in SAFE_METHODS or reads_before_writing(request):
        return await run_read(db, _credential, request, db, background, bearer, cookie)
    return await run_in_threadpool(_credential, request, db, background, bearer, cookie)


def bearer_secret(request: Request) -> str | None:
    """The ``Authorization: Bearer …`` secret, as ``bearer_scheme`` and ``token_scheme``
    read it (with ``auto_error=False``): any other scheme, or an empty secret, is none."""
    scheme, secret = get_authorization_scheme_param(request.headers.get("Authorization"))
    return secret if scheme.lower() == "bearer" and secret else None


def _credential(
    request: Request,
    db: Session,
    background: BackgroundTasks,
    bearer: str | None,
    cookie: str | None,
) -> Credential:
    credential = _authenticate(request, db, bearer, cookie)
    unsafe = request.method not in SAFE_METHODS
    if unsafe and db.get_bind().dialect.name != "sqlite":
        # One user's writes take turns (see kaizen.db): lock the user's row, and reload it
        # so the request sees what the previous writer committed.
        db.refresh(credential.user, with_for_update=True)
    if (credential.touch_due or credential.seen_due) and not reads_before_writing(request):
        # (A reads-first request records the use in its write transaction, see kaizen.db.)
        if unsafe:
            service.record_use(db, credential)
        else:
            # A read must not hold the write lock: record the use after the response, in a
            # short transaction of its own.
            background.add_task(_record_use, credential)
    return credential


def _authenticate(
    request: Request, db: Session, bearer: str | None, cookie: str | None
) -> Credential:
    if bearer:
        credential = service.user_for_token(db, bearer[:MAX_SECRET])
        if credential is None:
            raise Unauthorized(BEARER_GONE)
        return credential
    if cookie:
        found = service.user_for_session(db, cookie[:MAX_SECRET])
        if found is None:
            raise Unauthorized(SESSION_GONE)
        credential, csrf_hash = found
        if request.method not in SAFE_METHODS:
            csrf = request.headers.get(CSRF_HEADER, "")
            if not csrf or not security.secrets_match(csrf, csrf_hash):
                raise AppError(403, "Missing or invalid X-CSRF-Token header")
        return credential
    raise Unauthorized()


def _record_use(credential: Credential) -> None:
    try:
        with new_session(writer=True) as db, db.begin():
            service.record_use(db, credential)
    except SQLAlchemyError:
        # Best effort: a busy database must not turn a finished read into an error.
        log.warning("could not record the use of user %s", credential.user.id, exc_info=True)


CurrentCredential = Annotated[Credential, Depends(current_credential)]


# Dependencies that do no I/O are ``async def``: FastAPI runs a plain ``def`` dependency in
# the thread pool, a hop that costs more than these functions themselves.
async def current_user(credential: CurrentCredential) -> User:
    return credential.user


CurrentUser = Annotated[User, Depends(current_user)]


async def pagination(
    limit: Annotated[int, Query(ge=1, le=200, description="Page size")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip")] = 0,
) -> Pagination:
    return Pagination(limit=limit, offset=offset)


PageParams = Annotated[Pagination, Depends(pagination)]

M = TypeVar("M", bound=Base)


def owned(model: type[M], *, param: str, label: str) -> Callable[..., M]:
    """A dependency loading ``model`` by the path parameter ``param`` for the current user.

    Rows of other users are a 404, exactly like ids that do not exist, so nothing leaks.
    Usage: ``OwnedHabit = Annotated[Habit, Depends(owned(Habit, param="habit_id", ...))]``.
    """
    return _path_row(model, param, label, "user_id", CurrentUser, lambda user: user.id)


def owned_child(
    model: type[M], *, parent: Callable[..., Any], parent_fk: str, param: str, label: str
) -> Callable[..., M]:
    """A dependency loading a child row (a goal's key result, an application's event) by the
    path parameter ``param``, only under its owned ``parent`` dependency's row: a child of
    another parent, or of another user's parent, is a 404.

    Usage: ``OwnedKeyResult = Annotated[KeyResult, Depends(owned_child(KeyResult,
    parent=owned(Goal, ...), parent_fk="goal_id", param="key_result_id", label="Key result"))]``.
    """
    return _path_row(
        model, param, label, parent_fk, Annotated[Any, Depends(parent)], lambda row: row.id
    )


def _path_row(
    model: type[M],
    param: str,
    label: str,
    owner_fk: str,
    owner: Any,
    owner_id: Callable[[Any], int],
) -> Callable[..., M]:
    """The dependency behind ``owned`` and ``owned_child``: the row of ``model`` whose id is
    the path parameter ``param`` and whose ``owner_fk`` column is the id of the ``owner``
    dependency's value (the current user, or the parent row), else a 404 naming ``label``."""
    column = getattr(model, owner_fk)

    def dependency(db: Session, owner_row: Any, request: Request, **path: int) -> M:
        row: M | None = db.scalars(
            select(model).where(
                model.id == path[param],  # type: ignore[attr-defined]
                column == owner_id(owner_row),
            )
        ).one_or_none()
        if row is None:
            raise NotFound(label)
        versioned(request, row, param)
        return row

    kw = inspect.Parameter.KEYWORD_ONLY
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("db", kw, annotation=SessionDep),
            inspect.Parameter("owner_row", kw, annotation=owner),
            inspect.Parameter("request", kw, annotation=Request),
            inspect.Parameter(
                param,
                kw,
                annotation=Annotated[int, Path(ge=1, le=MAX_ID, description=f"{label} id")],
            ),
        ]
    )
    dependency.__name__ = f"owned_{param}"
    return dependency


async def reject_control_characters(request: Request) -> None:
    """Query and path parameters get the same rule as body text (see ``kaizen.schemas``)."""
    for location, items in (
        ("query", request.query_params.multi_items()),
        ("path", list(request.path_params.items())),
    ):
        for name, value in items:
            if has_control_characters(name) or has_control_characters(str(value)):
                raise field_error(name, CONTROL_MESSAGE, location=location)


STALE = "Changed elsewhere since you loaded it; reload and try again"
VERSIONED_CHANGES = frozenset({"PATCH", "PUT", "DELETE"})


def version_tag(row: Any) -> str:
    """The row's ETag: its id and the moment it last changed."""
    stamp = f"{row.id}:{row.updated_at.isoformat()}"
    return f'"{hashlib.sha256(stamp.encode()).hexdigest()[:20]}"'


def versioned(request: Request, row: Any, param: str) -> None:
    """Optimistic concurrency for the resource a request addresses (its route's path ends
    with ``{param}``, the path parameter that named ``row``; not a parent row named earlier
    in the path, even when the two ids are equal): a change with a stale ``If-Match`` is a
    412; every PATCH or PUT moves the version on (even one that only changes links); the
    response carries the ``ETag`` (``kaizen.main.Guard`` adds it once the transaction
    committed)."""
    route_path: str = getattr(request.scope.get("route"), "path", "")
    if not hasattr(row, "updated_at") or not route_path.endswith(f"{{{param}}}"):
        return
    if request.method in VERSIONED_CHANGES:
        expected = request.headers.get("If-Match")
        if expected is not None:
            tags = {tag.strip() for tag in expected.split(",")}
            if "*" not in tags and version_tag(row) not in tags:
                raise AppError(412, STALE)
        if request.method != "DELETE":
            row.updated_at = clock.utc_now()
    if request.method != "DELETE":
        request.state.etag = lambda: version_tag(row)


async def local_today(user: CurrentUser) -> date:
    """The user's "today", computed once per request and handed to services."""
    return clock.local_today(user.timezone)


Today = Annotated[date, Depends(local_today)]


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None
