from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from kaizen.auth import service
from kaizen.auth.models import User
from kaizen.auth.schemas import (
    ApiTokenCreate,
    ApiTokenCreated,
    ApiTokenRead,
    LoginIn,
    MeUpdate,
    RegisterAccepted,
    RegisterIn,
    TokenOut,
    UserRead,
)
from kaizen.config import settings
from kaizen.db import utcnow
from kaizen.deps import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    CurrentCredential,
    CurrentUser,
    PageParams,
    SessionDep,
    client_ip,
)
from kaizen.errors import field_error
from kaizen.schemas import CONTROL_MESSAGE, MAX_ID, Page, has_control_characters

public_router = APIRouter(prefix="/auth", tags=["auth"])
account_router = APIRouter(tags=["account"])


REGISTERED = (
    "If this email is new, your account is ready: sign in. "
    "If it already has an account, sign in with its password."
)


@public_router.post(
    "/register",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Create an account",
    responses={
        403: {"description": "Sign-up is closed and no usable invitation was given"},
        429: {"description": "Too many sign-ups from this client; see Retry-After"},
    },
)
def register(body: RegisterIn, request: Request, db: SessionDep) -> RegisterAccepted:
    """Open sign-up, or only the first user (who becomes admin) when sign-up is closed; an
    admin's `invitation` token lets one person in while it is closed.

    The answer is the same, and takes as long, whether or not the email already has an
    account, so sign-up does not reveal who uses this server; sign in next."""
    service.register(
        db,
        email=body.email,
        password=body.password,
        display_name=body.display_name,
        timezone=body.timezone,
        client_ip=client_ip(request),
        invitation=body.invitation,
    )
    return RegisterAccepted(detail=REGISTERED)


def _authenticate(db: SessionDep, request: Request, email: str, password: str) -> User:
    return service.authenticate(db, email=email, password=password, client_ip=client_ip(request))


@public_router.post(
    "/token",
    summary="Get a bearer token (OAuth2 password flow)",
    responses={401: {"description": "Wrong credentials"}, 429: {"description": "Throttled"}},
)
def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], request: Request, db: SessionDep
) -> TokenOut:
    """Form fields `username` (your email) and `password`. This is what /docs' Authorize uses."""
    for field in ("username", "password"):
        if has_control_characters(getattr(form, field)):
            raise field_error(field, CONTROL_MESSAGE)
    user = _authenticate(db, request, form.username[:320], form.password[:256])
    lifetime = timedelta(minutes=settings.access_token_minutes)
    secret, _ = service.issue_token(
        db, user, name="password flow", kind="oauth", expires_at=utcnow() + lifetime
    )
    return TokenOut(access_token=secret, expires_in=int(lifetime.total_seconds()))


def _set_cookie(response: Response, name: str, value: str, *, http_only: bool) -> None:
    response.set_cookie(
        name,
        value,
        max_age=settings.session_days * 86400,
        httponly=http_only,
        secure=settings.cookie_secure,
        samesite="lax",
        path="/",
    )


@public_router.post(
    "/login",
    summary="Sign in the browser (session cookie)",
    responses={401: {"description": "Wrong credentials"}, 429: {"description": "Throttled"}},
)
def login(body: LoginIn, request: Request, response: Response, db: SessionDep) -> UserRead:
    """Sets an HttpOnly session cookie and a readable `kaizen_csrf` cookie whose value must be
    sent back as the `X-CSRF-Token` header on POST, PUT, PATCH and DELETE."""
    user = _authenticate(db, request, body.email, body.password)
    secret, csrf, _ = service.create_session(db, user)
    _set_cookie(response, SESSION_COOKIE, secret, http_only=True)
    _set_cookie(response, CSRF_COOKIE, csrf, http_only=False)
    return UserRead.model_validate(user)


@public_router.post(
    "/logout", status_code=status.HTTP_204_NO_CONTENT, summary="Sign out the browser"
)
def logout(request: Request, response: Response, db: SessionDep) -> None:
    secret = request.cookies.get(SESSION_COOKIE)
    if secret:
        service.end_session(db, secret[:200])
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")


@account_router.get("/me", summary="The signed-in user")
async def read_me(user: CurrentUser) -> UserRead:
    # No I/O (the user row is loaded already), so no thread-pool hop.
    return UserRead.model_validate(user)


@account_router.patch(
    "/me",
    summary="Update profile or password",
    responses={422: {"description": "Invalid value or wrong current password"}},
)
def update_me(body: MeUpdate, credential: CurrentCredential, db: SessionDep) -> UserRead:
    """Changing the password needs `current_password` and ends every other session."""
    user = service.update_me(
        db,
        credential.user,
        changes=body.model_dump(exclude_unset=True),
        credential=credential,
    )
    return UserRead.model_validate(user)


@account_router.get("/tokens", summary="List personal API tokens")
def list_tokens(user: CurrentUser, db: SessionDep, page: PageParams) -> Page[ApiTokenRead]:
    rows, total = service.list_personal_tokens(db, user, page)
    return Page(items=[ApiTokenRead.model_validate(r) for r in rows], total=total)


@account_router.post(
    "/tokens",
    status_code=status.HTTP_201_CREATED,
    summary="Create a personal API token",
)
def create_token(body: ApiTokenCreate, user: CurrentUser, db: SessionDep) -> ApiTokenCreated:
    """The secret is in this response only; Kaizen keeps just its hash."""
    if body.expires_at is not None and body.expires_at <= utcnow():
        raise field_error("expires_at", "expires_at must be in the future")
    secret, row = service.issue_token(
        db, user, name=body.name, kind="personal", expires_at=body.expires_at
    )
    return ApiTokenCreated(**ApiTokenRead.model_validate(row).model_dump(), token=secret)


@account_router.delete(
    "/tokens/{token_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Revoke a personal API token",
    responses={404: {"description": "No such token"}},
)
def revoke_token(
    token_id: Annotated[int, Path(ge=1, le=MAX_ID)], user: CurrentUser, db: SessionDep
) -> None:
    service.revoke_token(db, user, token_id)
