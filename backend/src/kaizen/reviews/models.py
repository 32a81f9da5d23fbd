from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kaizen.db import Base, TimestampMixin


class WeeklyReviewNote(TimestampMixin, Base):
    """The user's own reflection on an ISO week ("2026-W48"); the figures beside it are
    computed when read, so they always match the data."""

    __tablename__ = "weekly_reviews"
    __table_args__ = (UniqueConstraint("user_id", "week"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    week: Mapped[str] = mapped_column(String(8))
    reflection: Mapped[str] = mapped_column(Text, default="")
