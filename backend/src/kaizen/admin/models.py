from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from kaizen.db import Base, TimestampMixin, UTCDateTime


class Invitation(TimestampMixin, Base):
    """A single-use, expiring sign-up link; only a hash of its secret is stored."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    note: Mapped[str] = mapped_column(String(200), default="")
    prefix: Mapped[str] = mapped_column(String(16))
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    used_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class ServerSetting(Base):
    """Server-wide settings an admin changes from the browser; one row (id 1).

    A missing row, or a NULL value, means "use the environment's default".
    """

    __tablename__ = "server_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    signup_open: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
