"""Running a group's installation: users, sign-up open or closed, and invitations.
Functions flush; the request commits. Callers have already checked the caller is an admin."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, aliased

from kaizen.admin.models import Invitation, ServerSetting
from kaizen.admin.schemas import InvitationStatus
from kaizen.admin.signup import SETTINGS_ROW_ID, signup_open
from kaizen.auth import security
from kaizen.auth.models import ApiToken, User, UserSession
from kaizen.db import utcnow
from kaizen.errors import Conflict, NotFound
from kaizen.queries import Pagination, count_rows, paginate

INVITATION_PREFIX = "kzi_"


def list_users(db: Session, page: Pagination) -> tuple[list[User], int]:
    rows, total = paginate(db, select(User).order_by(User.id), page)
    return list(rows), total


def get_user(db: Session, user_id: int) -> User:
    user = db.get(User, user_id)
    if user is None:
        raise NotFound("User")
    return user


def _active_admins(db: Session) -> int:
    return (
        db.scalar(
            select(func.count())
            .select_from(User)
            .where(User.is_admin.is_(True), User.is_active.is_(True))
        )
        or 0
    )


def update_user(db: Session, target: User, *, disabled: bool | None, is_admin: bool | None) -> User:
    """Disabling ends the user's sessions and tokens at once; the last active admin can be
    neither disabled nor demoted, so the installation always has someone to run it."""
    loses_admin = target.is_admin and target.is_active and (disabled or is_admin is False)
    if loses_admin and _active_admins(db) <= 1:
        raise Conflict("This is the only active admin; make someone else admin first")
    if is_admin is not None:
        target.is_admin = is_admin
    if disabled is not None and disabled == target.is_active:
        target.is_active = not disabled
        if disabled:
            db.execute(delete(UserSession).where(UserSession.user_id == target.id))
            db.execute(delete(ApiToken).where(ApiToken.user_id == target.id))
    db.flush()
    return target


def read_signup_open(db: Session) -> bool:
    return signup_open(db)


def set_signup_open(db: Session, value: bool) -> bool:
    row = db.get(ServerSetting, SETTINGS_ROW_ID)
    if row is None:
        db.add(ServerSetting(id=SETTINGS_ROW_ID, signup_open=value))
    else:
        row.signup_open = value
    db.flush()
    return value


@dataclass(frozen=True)
class InvitationView:
    invitation: Invitation
    used_by_email: str | None

    @property
    def status(self) -> InvitationStatus:
        inv = self.invitation
        if inv.used_at is not None:
            return "used"
        if inv.revoked_at is not None:
            return "revoked"
        if inv.expires_at <= utcnow():
            return "expired"
        return "pending"


def create_invitation(
    db: Session, admin: User, *, note: str, expires_in_days: int
) -> tuple[str, Invitation]:
    prefix = INVITATION_PREFIX + secrets.token_hex(4)
    token = f"{prefix}_{secrets.token_urlsafe(32)}"
    row = Invitation(
        created_by_id=admin.id,
        note=note,
        prefix=prefix,
        secret_hash=security.hash_secret(token),
        expires_at=utcnow() + timedelta(days=expires_in_days),
    )
    db.add(row)
    db.flush()
    return token, row


def list_invitations(db: Session, page: Pagination) -> tuple[list[InvitationView], int]:
    invitee = aliased(User)
    stmt = (
        select(Invitation, invitee.email)
        .outerjoin(invitee, invitee.id == Invitation.used_by_id)
        .order_by(Invitation.id.desc())
    )
    total = count_rows(db, stmt)
    rows = db.execute(stmt.limit(page.limit).offset(page.offset)).all()
    return [InvitationView(invitation=inv, used_by_email=email) for inv, email in rows], total


def revoke_invitation(db: Session, invitation_id: int) -> None:
    row = db.get(Invitation, invitation_id)
    if row is None:
        raise NotFound("Invitation")
    if row.used_at is not None:
        raise Conflict("This invitation was already used")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
    db.flush()
