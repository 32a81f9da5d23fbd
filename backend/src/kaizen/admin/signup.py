"""Who may sign up: the rule auth's registration reads (sign-up open or closed, stored in the
database with the environment as its default) and the single-use claim of an invitation."""

from datetime import datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from kaizen.admin.models import Invitation, ServerSetting
from kaizen.auth import security
from kaizen.config import settings
from kaizen.db import utcnow

SETTINGS_ROW_ID = 1


def signup_open(db: Session) -> bool:
    """Whether anyone may register: the admin's choice, else ``KAIZEN_ALLOW_SIGNUP``."""
    stored = db.scalar(select(ServerSetting.signup_open).where(ServerSetting.id == SETTINGS_ROW_ID))
    return settings.allow_signup if stored is None else stored


def _usable(now: datetime) -> list[ColumnElement[bool]]:
    return [
        Invitation.used_at.is_(None),
        Invitation.revoked_at.is_(None),
        Invitation.expires_at > now,
    ]


def invitation_usable(db: Session, token: str) -> bool:
    """Whether the token is a known invitation that is not used, revoked or expired."""
    found = db.scalar(
        select(Invitation.id).where(
            Invitation.secret_hash == security.hash_secret(token), *_usable(utcnow())
        )
    )
    return found is not None


def claim_invitation(db: Session, token: str) -> int | None:
    """Marks a usable invitation used and returns its id, or None if the token is unknown,
    used, revoked or expired. One conditional UPDATE, so two people racing on the same link
    cannot both get in."""
    now = utcnow()
    invitation_id = db.scalar(
        select(Invitation.id).where(Invitation.secret_hash == security.hash_secret(token))
    )
    if invitation_id is None:
        return None
    claimed = db.execute(
        update(Invitation)
        .where(Invitation.id == invitation_id, *_usable(now))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    return invitation_id if claimed.rowcount == 1 else None  # type: ignore[attr-defined]


def record_invitee(db: Session, invitation_id: int, user_id: int) -> None:
    db.execute(
        update(Invitation)
        .where(Invitation.id == invitation_id)
        .values(used_by_id=user_id)
        .execution_options(synchronize_session=False)
    )
