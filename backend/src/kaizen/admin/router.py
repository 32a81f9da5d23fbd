"""Admin routes. Every one answers 404 to a non-admin, exactly like a path that does not exist,
so the admin area cannot even be discovered by other users."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, status

from kaizen.admin import service
from kaizen.admin.schemas import (
    AdminUserRead,
    AdminUserUpdate,
    InvitationCreate,
    InvitationCreated,
    InvitationRead,
    ServerSettingsRead,
    ServerSettingsUpdate,
)
from kaizen.auth.models import User
from kaizen.deps import CurrentUser, PageParams, SessionDep
from kaizen.errors import AppError
from kaizen.schemas import MAX_ID, Page


def admin_user(user: CurrentUser) -> User:
    if not user.is_admin:
        raise AppError(404, "Not Found")
    return user


AdminUser = Annotated[User, Depends(admin_user)]
NOT_ADMIN: dict[int | str, dict[str, Any]] = {404: {"description": "Not an admin (or no such row)"}}

router = APIRouter(
    prefix="/admin", tags=["admin"], dependencies=[Depends(admin_user)], responses=NOT_ADMIN
)

UserId = Annotated[int, Path(ge=1, le=MAX_ID, description="User id")]
InvitationId = Annotated[int, Path(ge=1, le=MAX_ID, description="Invitation id")]
SIGN_UP_PATH = "sign-up"


def _user_read(user: User) -> AdminUserRead:
    return AdminUserRead(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        is_admin=user.is_admin,
        disabled=not user.is_active,
        created_at=user.created_at,
        last_seen_at=user.last_seen_at,
    )


def _invitation_read(view: service.InvitationView) -> InvitationRead:
    inv = view.invitation
    return InvitationRead(
        id=inv.id,
        note=inv.note,
        prefix=inv.prefix,
        created_at=inv.created_at,
        expires_at=inv.expires_at,
        used_at=inv.used_at,
        used_by_email=view.used_by_email,
        status=view.status,
    )


@router.get("/users", summary="List every account")
def list_users(db: SessionDep, page: PageParams) -> Page[AdminUserRead]:
    rows, total = service.list_users(db, page)
    return Page(items=[_user_read(u) for u in rows], total=total)


@router.patch(
    "/users/{user_id}",
    summary="Disable, enable, or make an account admin",
    responses={409: {"description": "Would leave no active admin"}},
)
def update_user(user_id: UserId, body: AdminUserUpdate, db: SessionDep) -> AdminUserRead:
    """`{"disabled": true}` ends the account's sessions and tokens at once (its data is kept);
    `{"is_admin": true}` shares the admin page. The last active admin cannot be removed."""
    target = service.get_user(db, user_id)
    user = service.update_user(db, target, disabled=body.disabled, is_admin=body.is_admin)
    return _user_read(user)


@router.get("/settings", summary="Server settings (sign-up open or closed)")
def read_settings(db: SessionDep) -> ServerSettingsRead:
    return ServerSettingsRead(signup_open=service.read_signup_open(db))


@router.patch("/settings", summary="Open or close sign-up")
def update_settings(body: ServerSettingsUpdate, db: SessionDep) -> ServerSettingsRead:
    """Overrides `KAIZEN_ALLOW_SIGNUP`. With sign-up closed, people join by invitation."""
    return ServerSettingsRead(signup_open=service.set_signup_open(db, body.signup_open))


@router.post(
    "/invitations", status_code=status.HTTP_201_CREATED, summary="Create an invitation link"
)
def create_invitation(
    body: InvitationCreate, request: Request, admin: AdminUser, db: SessionDep
) -> InvitationCreated:
    """A single-use link that lets one person register even while sign-up is closed. The
    `url` and `token` are in this response only; Kaizen keeps just a hash."""
    token, row = service.create_invitation(
        db, admin, note=body.note, expires_in_days=body.expires_in_days
    )
    read = _invitation_read(service.InvitationView(invitation=row, used_by_email=None))
    url = f"{request.base_url}{SIGN_UP_PATH}?invitation={token}"
    return InvitationCreated(**read.model_dump(), token=token, url=url)


@router.get("/invitations", summary="List invitations (newest first)")
def list_invitations(db: SessionDep, page: PageParams) -> Page[InvitationRead]:
    views, total = service.list_invitations(db, page)
    return Page(items=[_invitation_read(v) for v in views], total=total)


@router.delete(
    "/invitations/{invitation_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Revoke an unused invitation",
    responses={409: {"description": "Already used"}},
)
def revoke_invitation(invitation_id: InvitationId, db: SessionDep) -> None:
    service.revoke_invitation(db, invitation_id)
