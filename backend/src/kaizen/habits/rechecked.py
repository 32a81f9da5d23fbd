"""Check-in writes that read before their write transaction (SQLite; the rule is in
``kaizen.db``'s docstring).

The request's dependencies read the credential (``deps.current_credential``) and the habit
(``router.habit_to_check_in``) in a read-only transaction, which holds no lock. The handler
then calls :func:`write_checked`, which in one synchronous call opens the request's one write
transaction (``db.write_transaction``: the writer turn, ``BEGIN IMMEDIATE``), checks by one
statement that everything those reads decided is unchanged — the credential still exists and
has not expired, its user is still active with the same timezone (it decided "today"), the
habit is still the user's with every column as read — and only then writes from them. When
anything changed, the credential and the habit are read again inside the transaction and
judged exactly as the one-transaction path judges them (401, 404, then the write computed
from the rows as they are now). Recording the credential's use (at most once a minute) is
part of the same transaction.

On PostgreSQL, and for any request not marked ``db.reads_first``, the request already runs
in one writer transaction and the write runs directly in it.
"""

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

from fastapi import Request
from sqlalchemy import Dialect, Select, bindparam, inspect, literal_column, or_, select
from sqlalchemy.orm import Session

from kaizen import clock
from kaizen.auth import service as auth_service
from kaizen.auth.models import ApiToken, User, UserSession
from kaizen.auth.service import Credential
from kaizen.db import reads_before_writing, utcnow, write_transaction
from kaizen.deps import BEARER_GONE, SESSION_GONE
from kaizen.errors import NotFound, Unauthorized
from kaizen.habits.models import Habit

T = TypeVar("T")

# Every column of the habit a write could depend on: all but its id (matched by key) and its
# timestamps (a change of anything that matters changes a column here; a PATCH that changes
# nothing moves ``updated_at`` but computes the same write).
_HABIT_COLUMNS = [
    (attribute.key, attribute.columns[0])
    for attribute in inspect(Habit).column_attrs
    if attribute.key not in {"id", "created_at", "updated_at"}
]


def write_checked(
    request: Request,
    db: Session,
    credential: Credential,
    habit: Habit,
    today: date,
    write: Callable[[User, Habit, date], T],
) -> T:
    """Run ``write(user, habit, today)`` in the request's one write transaction, from the
    values the request read before it if they are unchanged, else from what it reads again
    inside it (see the module's docstring). Anything ``write`` raises rolls it all back."""
    if not reads_before_writing(request):
        return write(credential.user, habit, today)
    user = credential.user
    with write_transaction(db):
        if not _unchanged(db, credential, habit):
            user, habit, today = _read_again(db, credential, habit.id)
        result = write(user, habit, today)
        if credential.touch_due or credential.seen_due:
            auth_service.record_use(db, credential)
    return result


def habit_of(db: Session, user_id: int, habit_id: int) -> Habit:
    """The user's habit by its id (read again over what the session holds), else a 404
    exactly like ``deps.owned``'s."""
    found = db.scalars(_HABIT, {"habit_id": habit_id, "user_id": user_id}).one_or_none()
    if found is None:
        raise NotFound("Habit")
    return found


def _unchanged(db: Session, credential: Credential, habit: Habit) -> bool:
    by_token = credential.token_id is not None
    values: dict[str, Any] = {f"habit_{key}": getattr(habit, key) for key, _ in _HABIT_COLUMNS}
    values["credential_id"] = credential.token_id if by_token else credential.session_id
    values["now"] = utcnow()
    values["timezone"] = credential.user.timezone
    values["habit_id"] = habit.id
    conn = db.connection()
    sql, binds = _compiled(conn.dialect, by_token)
    args = tuple(
        values[name] if convert is None else convert(values[name]) for name, convert in binds
    )
    return conn.exec_driver_sql(sql, args).first() is not None


@lru_cache(maxsize=4)
def _compiled(dialect: Dialect, by_token: bool) -> tuple[str, list[tuple[str, Any]]]:
    """:func:`_recheck` compiled once, with each positional parameter's name and its type's
    conversion to the driver's value: the check then costs one driver statement, not a
    Core execution (it runs inside the write lock, on SQLite only)."""
    compiled = _recheck(by_token).compile(dialect=dialect)
    names = compiled.positiontup or []
    binds = [
        (name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect))
        for name in names
    ]
    return str(compiled), binds


@lru_cache(maxsize=2)
def _recheck(by_token: bool) -> Select[Any]:
    """One row when the credential still authenticates the same active user, in the same
    timezone, and the habit is still theirs with the same columns (built once per kind)."""
    if by_token:
        kind: type[ApiToken] | type[UserSession] = ApiToken
        live = or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > bindparam("now"))
    else:
        kind = UserSession
        live = UserSession.expires_at > bindparam("now")
    return (
        select(literal_column("1"))
        .select_from(kind)
        .join(User, User.id == kind.user_id)
        .join(Habit, Habit.user_id == User.id)
        .where(
            kind.id == bindparam("credential_id"),
            live,
            User.is_active.is_(True),
            User.timezone == bindparam("timezone"),
            Habit.id == bindparam("habit_id"),
            *(
                column.is_not_distinct_from(bindparam(f"habit_{key}", type_=column.type))
                for key, column in _HABIT_COLUMNS
            ),
        )
    )


def _read_again(db: Session, credential: Credential, habit_id: int) -> tuple[User, Habit, date]:
    """Inside the write transaction: the credential's user and the habit as they are now,
    judged as the one-transaction path judges them, and "today" in the user's timezone."""
    now = utcnow()
    if credential.token_id is not None:
        token = db.execute(_TOKEN_AGAIN, {"credential_id": credential.token_id}).first()
        if token is None or (token[1] is not None and token[1] <= now) or not token[0].is_active:
            raise Unauthorized(BEARER_GONE)
        user: User = token[0]
    else:
        session = db.execute(_SESSION_AGAIN, {"credential_id": credential.session_id}).first()
        if session is None or session[1] <= now or not session[0].is_active:
            raise Unauthorized(SESSION_GONE)
        user = session[0]
    return user, habit_of(db, user.id, habit_id), clock.local_today(user.timezone)


# By key, overwriting what the session holds already (when read again).
_TOKEN_AGAIN = (
    select(User, ApiToken.expires_at)
    .join(ApiToken, ApiToken.user_id == User.id)
    .where(ApiToken.id == bindparam("credential_id"))
    .execution_options(populate_existing=True)
)
_SESSION_AGAIN = (
    select(User, UserSession.expires_at)
    .join(UserSession, UserSession.user_id == User.id)
    .where(UserSession.id == bindparam("credential_id"))
    .execution_options(populate_existing=True)
)
_HABIT = (
    select(Habit)
    .where(Habit.id == bindparam("habit_id"), Habit.user_id == bindparam("user_id"))
    .execution_options(populate_existing=True)
)
