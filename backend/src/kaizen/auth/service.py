"""Accounts, sessions, tokens and sign-in throttling. Functions flush; the request commits."""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from kaizen.admin import signup
from kaizen.auth import security
from kaizen.auth.models import ApiToken, LoginFailure, ReleasedHandle, User, UserSession
from kaizen.config import settings
from kaizen.db import lock_for_writes, utcnow
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


INVITATION_UNUSABLE = "This invitation link is invalid, used or expired"
REGISTRATION_LOCK = 0x6B61697A656E  # "kaizen": serialises sign-ups on PostgreSQL


def register(
    db: Session,
    *,
    email: str,
    password: str,
    display_name: str,
    timezone: str,
    client_ip: str | None,
    invitation: str | None = None,
) -> User | None:
    """Create the account, or do nothing when the email is taken (``None``). Both cost the
    same (the password is hashed either way) and the router answers both alike, so sign-up
    does not tell a stranger which emails have accounts. Attempts per client are limited.

    While sign-up is closed, an admin's invitation lets one person in; it is checked before
    the email, so an invalid one is refused alike for every email, and used up only by an
    account it creates."""
    _count_attempt(db, f"register:{client_ip or '-'}", settings.register_max_per_window, "sign-ups")
    password_hash = security.hash_password(password)
    # Parallel sign-ups must not all see an empty database and all become admins.
    lock_for_writes(db, REGISTRATION_LOCK)
    first_user = db.scalar(select(func.count()).select_from(User)) == 0
    invite_needed = not first_user and not signup.signup_open(db)
    if invite_needed and not invitation:
        raise AppError(403, "Sign-up is closed on this server; ask an admin for an invitation")
    if invite_needed and not signup.invitation_usable(db, invitation or ""):
        raise AppError(403, INVITATION_UNUSABLE)
    if get_user_by_email(db, email) is not None:
        return None
    # A link used while sign-up is open is still marked used (the admin sees who came in).
    invited = signup.claim_invitation(db, invitation) if invitation else None
    if invite_needed and invited is None:  # taken by a parallel sign-up a moment ago
        raise AppError(403, INVITATION_UNUSABLE)
    user = User(
        email=normalize_email(email),
        password_hash=password_hash,
        display_name=display_name,
        timezone=timezone,
        is_admin=first_user,
    )
    db.add(user)
    db.flush()
    if invited is not None:
        signup.record_invitee(db, invited, user.id)
    return user


def _count_attempt(db: Session, key: str, limit: int, what: str) -> None:
    """Record one attempt under ``key``; a 429 once the window holds more than ``limit``."""
    now = utcnow()
    window_start = now - timedelta(seconds=settings.login_window_seconds)
    count, oldest = db.execute(
        select(func.count(), func.min(LoginFailure.at)).where(
            LoginFailure.key == key, LoginFailure.at > window_start
        )
    ).one()
    if count >= limit:
        retry = settings.login_window_seconds - (now - oldest).total_seconds()
        raise AppError(
            429,
            f"Too many {what}; try again later",
            headers={"Retry-After": str(max(1, math.ceil(retry)))},
        )
    db.add(LoginFailure(key=key, at=now))
    db.flush()


@dataclass(frozen=True)
class ThrottleKey:
    key: str
    limit: int
    # Past the limit, each further try waits twice as long as the one before (else: the
    # whole window). Per (email, client): a stranger slows only their own guesses.
    backoff: bool = False


def _throttle_keys(email: str, client_ip: str | None) -> list[ThrottleKey]:
    address = normalize_email(email)
    client = client_ip or "-"
    limit = settings.login_max_failures
    return [
        ThrottleKey(f"pair:{address}|{client}", limit, backoff=True),
        # A much higher ceiling per account, against guessing from many addresses at once.
        ThrottleKey(f"email:{address}", settings.login_email_max_failures),
        # An address may sign in to several accounts, so it gets a looser limit.
        ThrottleKey(f"ip:{client}", limit * 6),
    ]


def _throttled(db: Session, keys: list[ThrottleKey], mine: list[int]) -> AppError | None:
    """A 429 if any key is over its limit (counting the other attempts), else None."""
    now = utcnow()
    window = settings.login_window_seconds
    for throttle in keys:
        count, oldest, latest = db.execute(
            select(func.count(), func.min(LoginFailure.at), func.max(LoginFailure.at)).where(
                LoginFailure.key == throttle.key,
                LoginFailure.at > now - timedelta(seconds=window),
                LoginFailure.id.not_in(mine),
            )
        ).one()
        if count < throttle.limit:
            continue
        if throttle.backoff:
            wait = min(window, 2 ** (count - throttle.limit + 1))
            retry = wait - (now - latest).total_seconds()
        else:
            retry = window - (now - oldest).total_seconds()
        if retry > 0:
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
    attempt = [LoginFailure(key=throttle.key, at=now) for throttle in keys]
    db.add_all(attempt)
    # Old rows are useless; trimming here keeps the table small without a cron job.
    db.execute(
        delete(LoginFailure).where(
            LoginFailure.at < now - timedelta(seconds=settings.login_window_seconds)
        )
    )
    db.commit()
    throttled = _throttled(db, keys, [row.id for row in attempt])
    if throttled is not None:
        # A refused attempt guessed nothing, so it does not extend the lock-out.
        _forget(db, attempt)
        db.commit()
        raise throttled
    user = get_user_by_email(db, email)
    if user is None:
        security.burn_password_check(password)
    elif security.verify_password(password, user.password_hash) and user.is_active:
        # The owner got in from this client: their own slips there are forgiven. The
        # per-account ceiling is not reset, or a stranger could reset it by guessing right.
        db.execute(delete(LoginFailure).where(LoginFailure.key == keys[0].key))
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


# The two lookups every authenticated request makes, built once (bound per call). Only the
# user is loaded as an ORM object (``CurrentUser`` is one, attached to the request's session);
# the token's or session's few columns come back as plain values, which halves the lookup's
# cost against loading both rows as objects.
_SESSION_LOOKUP = (
    select(User, UserSession.id, UserSession.csrf_hash, UserSession.expires_at)
    .join(UserSession, UserSession.user_id == User.id)
    .where(UserSession.secret_hash == bindparam("secret_hash"))
)
_TOKEN_LOOKUP = (
    select(User, ApiToken.id, ApiToken.expires_at, ApiToken.last_used_at)
    .join(ApiToken, ApiToken.user_id == User.id)
    .where(ApiToken.secret_hash == bindparam("secret_hash"))
)


def user_for_session(db: Session, secret: str) -> "tuple[Credential, str] | None":
    """The credential of a live browser session and the hash of its CSRF token."""
    row = db.execute(_SESSION_LOOKUP, {"secret_hash": security.hash_secret(secret)}).first()
    if row is None:
        return None
    user, session_id, csrf_hash, expires_at = row
    now = utcnow()
    if expires_at <= now or not user.is_active:
        return None
    return Credential(user=user, session_id=session_id, seen_due=seen_due(user, now)), csrf_hash


def seen_due(user: User, now: datetime) -> bool:
    """Whether the user's ``last_seen_at`` (for the admin page) is older than a minute, so
    the caller records this visit."""
    return user.last_seen_at is None or now - user.last_seen_at > LAST_USED_RESOLUTION


@dataclass(frozen=True)
class Credential:
    """How the current request authenticated; cookie sessions need CSRF checks."""

    user: User
    session_id: int | None = None
    token_id: int | None = None
    # The token's last_used_at is older than LAST_USED_RESOLUTION: the caller records the use.
    touch_due: bool = False
    # Likewise the user's last_seen_at (see ``record_use``).
    seen_due: bool = False


def user_for_token(db: Session, token: str) -> Credential | None:
    row = db.execute(_TOKEN_LOOKUP, {"secret_hash": security.hash_secret(token)}).first()
    if row is None:
        return None
    user, token_id, expires_at, last_used_at = row
    now = utcnow()
    if (expires_at is not None and expires_at <= now) or not user.is_active:
        return None
    due = last_used_at is None or now - last_used_at > LAST_USED_RESOLUTION
    return Credential(user=user, token_id=token_id, touch_due=due, seen_due=seen_due(user, now))


def record_use(db: Session, credential: Credential) -> None:
    """Record that the user was seen and their token used (each at most once a minute, see
    ``LAST_USED_RESOLUTION``)."""
    now = utcnow()
    if credential.touch_due and credential.token_id is not None:
        db.execute(
            update(ApiToken).where(ApiToken.id == credential.token_id).values(last_used_at=now)
        )
    if credential.seen_due:
        db.execute(update(User).where(User.id == credential.user.id).values(last_seen_at=now))


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


def _change_handle(db: Session, user: User, handle: object) -> None:
    """Taken handles are a 409; so are handles another user released recently."""
    now = utcnow()
    if isinstance(handle, str):
        if db.scalar(select(User.id).where(User.handle == handle)) is not None:
            raise Conflict("That handle is taken; choose another")
        cooling = now - timedelta(days=settings.handle_cooling_off_days)
        released = db.scalar(
            select(ReleasedHandle.id).where(
                ReleasedHandle.handle == handle,
                ReleasedHandle.user_id != user.id,
                ReleasedHandle.released_at > cooling,
            )
        )
        if released is not None:
            raise Conflict("That handle was in use recently; choose another")
    if user.handle:
        db.add(ReleasedHandle(handle=user.handle, user_id=user.id, released_at=now))


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
        # Guesses of the current password are limited like sign-ins (a stolen session must
        # not become a way to try passwords quickly).
        # The attempt is committed before the check, like a sign-in's, so a wrong guess
        # (whose 422 rolls the request back) still counts.
        key = f"password:{user.id}"
        _count_attempt(db, key, settings.login_max_failures, "password changes")
        db.commit()
        if not isinstance(current_password, str) or not security.verify_password(
            current_password, user.password_hash
        ):
            raise field_error("current_password", "Current password is incorrect")
        db.execute(delete(LoginFailure).where(LoginFailure.key == key))
        user.password_hash = security.hash_password(str(new_password))
        end_other_sessions(db, user, credential.session_id)
        # Tokens from the password flow are sessions too; personal tokens are kept on purpose.
        stmt = delete(ApiToken).where(ApiToken.user_id == user.id, ApiToken.kind == "oauth")
        if credential.token_id is not None:
            stmt = stmt.where(ApiToken.id != credential.token_id)
        db.execute(stmt)
    if "handle" in changes and changes["handle"] != user.handle:
        _change_handle(db, user, changes["handle"])
    if changes.get("public_profile") and not (changes.get("handle") or user.handle):
        raise field_error("handle", "Choose a handle before making your profile public")
    for key, value in changes.items():
        if value is not None or key in ("handle", "reminder_time"):
            setattr(user, key, value)
    if user.handle is None:
        user.public_profile = False
    db.flush()
    return user
