from datetime import datetime, time

from sqlalchemy import Boolean, ForeignKey, Index, String, Time, false
from sqlalchemy.orm import Mapped, mapped_column

from kaizen.db import Base, TimestampMixin, UTCDateTime


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stored lower-cased so uniqueness is case-insensitive on every database.
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(100), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Public profile: off unless the user opts in; handles are unique and URL-safe.
    handle: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)
    public_profile: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Set once the user took or skipped the starter plan, so it is offered only once.
    onboarded: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Local time of the daily check-in reminder in the calendar feed; none means no reminder.
    reminder_time: Mapped[time | None] = mapped_column(Time, nullable=True)


class UserSession(TimestampMixin, Base):
    """A browser session; only hashes of the cookie secret and CSRF token are stored."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ApiToken(TimestampMixin, Base):
    """A bearer token: a personal token for scripts, or one issued by the OAuth2 password flow."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16), default="personal")  # personal | oauth
    prefix: Mapped[str] = mapped_column(String(16))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class LoginFailure(Base):
    """Failed sign-ins, kept in the database so every worker throttles alike."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(400))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
