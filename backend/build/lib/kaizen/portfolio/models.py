from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kaizen.db import Base, TimestampMixin


class PortfolioEntry(TimestampMixin, Base):
    """Something the user made: a blog post, a paper implementation, a merged PR, a talk."""

    __tablename__ = "portfolio_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="blog_post")
    status: Mapped[str] = mapped_column(String(16), default="idea")
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL"), nullable=True, index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
