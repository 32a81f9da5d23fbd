"""Dependencies every router uses: the request's DB session, the current user, pagination,
and the ``owned`` factory that turns ``{x_id}`` into the caller's row or a 404."""

import inspect
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Path, Query, Request
from fastapi.security import APIKeyCookie, OAuth2PasswordBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from kaizen import clock
from kaizen.auth import security, service
from kaizen.auth.models import User
from kaizen.auth.service import Credential
from kaizen.db import Base, get_db
from kaizen.errors import AppError, NotFound, Unauthorized
from kaizen.queries import Pagination
from kaizen.schemas import MAX_ID

SESSION_COOKIE = "kaizen_session"
CSRF_COOKIE = "kaizen_csrf"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

SessionDep = Annotated[Session, Depends(get_db, scope="function")]

bearer_scheme = OAuth2PasswordBearer(
    tokenUrl="/api/v1/auth/token",
    auto_error=False,
    description="A personal API token (Settings → API tokens) or one from /auth/token.",
)
cookie_scheme = APIKeyCookie(
    name=SESSION_COOKIE,
    auto_error=False,
    description="Browser session from /auth/login; unsafe methods also need X-CSRF-Token.",
)


def current_credential(
    request: Request,
    db: SessionDep,
    bearer: Annotated[str | None, Depends(bearer_scheme)],
    cookie: Annotated[str | None, Depends(cookie_scheme)],
) -> Credential:
    if bearer:
        credential = service.user_for_token(db, bearer)
        if credential is None:
            raise Unauthorized("Invalid or expired token")
        return credential
    if cookie:
        found = service.user_for_session(db, cookie)
        if found is None:
            raise Unauthorized("Session expired; sign in again")
        user, session = found
        if request.method not in SAFE_METHODS:
            csrf = request.headers.get(CSRF_HEADER, "")
            if not csrf or not security.secrets_match(csrf, session.csrf_hash):
                raise AppError(403, "Missing or invalid X-CSRF-Token header")
        return Credential(user=user, session_id=session.id)
    raise Unauthorized()


CurrentCredential = Annotated[Credential, Depends(current_credential)]


def current_user(credential: CurrentCredential) -> User:
    return credential.user


CurrentUser = Annotated[User, Depends(current_user)]


def pagination(
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

    def dependency(db: Session, user: User, **path: int) -> M:
        row: M | None = db.scalars(
            select(model).where(
                model.id == path[param],  # type: ignore[attr-defined]
                model.user_id == user.id,  # type: ignore[attr-defined]
            )
        ).one_or_none()
        if row is None:
            raise NotFound(label)
        return row

    kw = inspect.Parameter.KEYWORD_ONLY
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("db", kw, annotation=SessionDep),
            inspect.Parameter("user", kw, annotation=CurrentUser),
            inspect.Parameter(
                param,
                kw,
                annotation=Annotated[int, Path(ge=1, le=MAX_ID, description=f"{label} id")],
            ),
        ]
    )
    dependency.__name__ = f"owned_{param}"
    return dependency


def owned_child(
    model: type[M], *, parent: Callable[..., Any], parent_fk: str, param: str, label: str
) -> Callable[..., M]:
    """A dependency loading a child row (a goal's key result, an application's event) by the
    path parameter ``param``, only under its owned ``parent`` dependency's row: a child of
    another parent, or of another user's parent, is a 404.

    Usage: ``OwnedKeyResult = Annotated[KeyResult, Depends(owned_child(KeyResult,
    parent=owned(Goal, ...), parent_fk="goal_id", param="key_result_id", label="Key result"))]``.
    """

    def dependency(db: Session, parent_row: Any, **path: int) -> M:
        row: M | None = db.scalars(
            select(model).where(
                model.id == path[param],  # type: ignore[attr-defined]
                getattr(model, parent_fk) == parent_row.id,
            )
        ).one_or_none()
        if row is None:
            raise NotFound(label)
        return row

    kw = inspect.Parameter.KEYWORD_ONLY
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter("db", kw, annotation=SessionDep),
            inspect.Parameter("parent_row", kw, annotation=Annotated[Any, Depends(parent)]),
            inspect.Parameter(
                param,
                kw,
                annotation=Annotated[int, Path(ge=1, le=MAX_ID, description=f"{label} id")],
            ),
        ]
    )
    dependency.__name__ = f"owned_{param}"
    return dependency


def local_today(user: CurrentUser) -> date:
    """The user's "today", computed once per request and handed to services."""
    return clock.local_today(user.timezone)


Today = Annotated[date, Depends(local_today)]


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None
