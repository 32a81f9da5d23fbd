from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from kaizen.db import Base, TimestampMixin


class CalendarFeed(TimestampMixin, Base):
    """A user's private ICS feed: only the SHA-256 hash of the URL's secret is stored."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
