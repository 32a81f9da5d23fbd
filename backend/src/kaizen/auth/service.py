"""Accounts, sessions, tokens and sign-in throttling. Functions flush; the request commits."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kaizen.auth import security
from kaizen.auth.models import ApiToken, LoginFailure, User, UserSession
from kaizen.config import settings
from kaizen.db import utcnow
from kaizen.errors import AppError, Conflict, NotFound, Unauthorized, field_error
from kaizen.queries import Pagination, paginate

# Touching last_used_at on every request would turn reads into writes; once a minute is plenty.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def normalize_email(email: str) -> str:
    return email.strip().lower()


def get_user_by_email(db: Session, email: str) -> User | None:
    return db.scalar(select(User).where(User.email == normalize_email(email)))


def create_user(
    db: Session,
    *,
    email: str,
    password: str,
    display_name: str = "",
    timezone: str = "UTC",
    is_admin: bool = False,
) -> User:
    if get_user_by_email(db, email) is not None:
        raise Conflict("An account with this email already exists")
    user = User(
        email=normalize_email(email),
        password_hash=security.hash_password(password),
        display_name=display_name,
        timezone=timezone,
        is_admin=is_admin,
    )
    db.add(user)
    db.flush()
    return user


def register(db: Session, *, email: str, password: str, display_name: str, timezone: str) -> User:
    first_user = db.scalar(select(func.count()).select_from(User)) == 0
    if not first_user and not settings.allow_signup:
        raise AppError(403, "Sign-up is closed on this server; ask an admin for an account")
    return create_user(
        db,
        email=email,
        password=password,
        display_name=display_name,
        timezone=timezone,
        is_admin=first_user,
    )


def _throttle_keys(email: str, client_ip: str | None) -> list[tuple[str, int]]:
    keys = [(f"email:{normalize_email(email)}", settings.login_max_failures)]
    if client_ip:
        # An address may sign in to several accounts, so it gets a looser limit.
        keys.append((f"ip:{client_ip}", settings.login_max_failures * 6))
    return keys


def _throttled(db: Session, keys: list[tuple[str, int]]) -> AppError | None:
    """A 429 if any key has more attempts in the window than it allows, else None."""
    now = utcnow()
    window_start = now - timedelta(seconds=settings.login_window_seconds)
    for key, limit in keys:
        count, oldest = db.execute(
            select(func.count(), func.min(LoginFailure.at)).where(
                LoginFailure.key == key, LoginFailure.at > window_start
            )
        ).one()
        if count > limit:
            retry = settings.login_window_seconds - (now - oldest).total_seconds()
            return AppError(
                429,
                "Too many failed sign-ins; try again later",
                headers={"Retry-After": str(max(1, math.ceil(retry)))},
            )
    return None


def authenticate(db: Session, *, email: str, password: str, client_ip: str | None) -> User:
    """The user for these credentials, or 401; failures are counted for throttling.

    The attempt is recorded and committed *before* the slow password check, so parallel
    attempts (on any worker) see each other and at most ``limit`` of them get to guess.
    This is the one place a service commits: the count must be visible to other requests.
    """
    keys = _throttle_keys(email, client_ip)
    now = utcnow()
    attempt = [LoginFailure(key=key, at=now) for key, _ in keys]
    db.add_all(attempt)
    # Old rows are useless; trimming here keeps the table small without a cron job.
    db.execute(
        delete(LoginFailure).where(
            LoginFailure.at < now - timedelta(seconds=settings.login_window_seconds)
        )
    )
    db.commit()
    throttled = _throttled(db, keys)
    if throttled is not None:
        # A refused attempt guessed nothing, so it does not extend the lock-out.
        _forget(db, attempt)
        db.commit()
        raise throttled
    user = get_user_by_email(db, email)
    if user is None:
        security.burn_password_check(password)
    elif security.verify_password(password, user.password_hash) and user.is_active:
        db.execute(delete(LoginFailure).where(LoginFailure.key == keys[0][0]))
        _forget(db, attempt)
        return user
    raise FailedLogin()


def _forget(db: Session, rows: list[LoginFailure]) -> None:
    db.execute(delete(LoginFailure).where(LoginFailure.id.in_([r.id for r in rows])))


class FailedLogin(Unauthorized):
    """Wrong credentials; the attempt was already recorded and committed."""

    def __init__(self) -> None:
        super().__init__("Incorrect email or password")


def create_session(db: Session, user: User) -> tuple[str, str, UserSession]:
    secret, csrf = security.new_secret(), security.new_secret()
    row = UserSession(
        user_id=user.id,
        secret_hash=security.hash_secret(secret),
        csrf_hash=security.hash_secret(csrf),
        expires_at=utcnow() + timedelta(days=settings.session_days),
    )
    db.add(row)
    db.flush()
    return secret, csrf, row


def end_session(db: Session, secret: str) -> None:
    db.execute(delete(UserSession).where(UserSession.secret_hash == security.hash_secret(secret)))


def end_other_sessions(db: Session, user: User, keep_session_id: int | None) -> None:
    stmt = delete(UserSession).where(UserSession.user_id == user.id)
    if keep_session_id is not None:
        stmt = stmt.where(UserSession.id != keep_session_id)
    db.execute(stmt)


def user_for_session(db: Session, secret: str) -> tuple[User, UserSession] | None:
    row = db.execute(
        select(User, UserSession)
        .join(UserSession, UserSession.user_id == User.id)
        .where(UserSession.secret_hash == security.hash_secret(secret))
    ).first()
    if row is None:
        return None
    user, session = row
    if session.expires_at <= utcnow() or not user.is_active:
        return None
    return user, session


@dataclass(frozen=True)
class Credential:
    """How the current request authenticated; cookie sessions need CSRF checks."""

    user: User
    session_id: int | None = None
    token_id: int | None = None


def user_for_token(db: Session, token: str) -> Credential | None:
    row = db.execute(
        select(User, ApiToken)
        .join(ApiToken, ApiToken.user_id == User.id)
        .where(ApiToken.secret_hash == security.hash_secret(token))
    ).first()
    if row is None:
        return None
    user, api_token = row
    now = utcnow()
    if (api_token.expires_at is not None and api_token.expires_at <= now) or not user.is_active:
        return None
    if api_token.last_used_at is None or now - api_token.last_used_at > LAST_USED_RESOLUTION:
        api_token.last_used_at = now
    return Credential(user=user, token_id=api_token.id)


def issue_token(
    db: Session, user: User, *, name: str, kind: str, expires_at: datetime | None
) -> tuple[str, ApiToken]:
    token, prefix = security.new_api_token()
    row = ApiToken(
        user_id=user.id,
        name=name,
        kind=kind,
        prefix=prefix,
        secret_hash=security.hash_secret(token),
        expires_at=expires_at,
    )
    db.add(row)
    db.flush()
    return token, row


def list_personal_tokens(
    db: Session, user: User, page: Pagination
) -> tuple[Sequence[ApiToken], int]:
    return paginate(
        db,
        select(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.kind == "personal")
        .order_by(ApiToken.id.desc()),
        page,
    )


def revoke_token(db: Session, user: User, token_id: int) -> None:
    result = db.execute(
        delete(ApiToken).where(
            ApiToken.id == token_id, ApiToken.user_id == user.id, ApiToken.kind == "personal"
        )
    )
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise NotFound("Token")


def update_me(
    db: Session,
    user: User,
    *,
    changes: dict[str, object],
    credential: "Credential",
) -> User:
    new_password = changes.pop("new_password", None)
    current_password = changes.pop("current_password", None)
    if new_password is not None:
        if not isinstance(current_password, str) or not security.verify_password(
            current_password, user.password_hash
        ):
            raise field_error("current_password", "Current password is incorrect")
        user.password_hash = security.hash_password(str(new_password))
        end_other_sessions(db, user, credential.session_id)
        # Tokens from the password flow are sessions too; personal tokens are kept on purpose.
        stmt = delete(ApiToken).where(ApiToken.user_id == user.id, ApiToken.kind == "oauth")
        if credential.token_id is not None:
            stmt = stmt.where(ApiToken.id != credential.token_id)
        db.execute(stmt)
    if changes.get("handle") and changes["handle"] != user.handle:
        taken = db.scalar(select(User.id).where(User.handle == changes["handle"]))
        if taken is not None:
            raise Conflict("That handle is taken; choose another")
    if changes.get("public_profile") and not (changes.get("handle") or user.handle):
        raise field_error("handle", "Choose a handle before making your profile public")
    for key, value in changes.items():
        if value is not None or key in ("handle", "reminder_time"):
            setattr(user, key, value)
    if user.handle is None:
        user.public_profile = False
    db.flush()
    return user
