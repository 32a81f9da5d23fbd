from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kaizen.db import Base, TimestampMixin
from kaizen.goals.progress import goal_progress, key_result_progress


class Goal(TimestampMixin, Base):
    """A long-running growth process ("contribute to open source: cool af")."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str] = mapped_column(String(16), default="other")
    importance: Mapped[str] = mapped_column(String(16), default="optional")
    enthusiasm: Mapped[str] = mapped_column(String(16), default="okay")
    status: Mapped[str] = mapped_column(String(16), default="active")
    target_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Read-only and never loaded implicitly: a service loads it with ``selectinload`` when a
    # response needs progress, and any hidden lazy load fails loudly instead.
    key_results: Mapped[list["KeyResult"]] = relationship(
        order_by="(KeyResult.position, KeyResult.id)", viewonly=True, lazy="raise"
    )

    @property
    def progress(self) -> float | None:
        return goal_progress(k.progress for k in self.key_results)

    @property
    def key_result_count(self) -> int:
        return len(self.key_results)


class KeyResult(TimestampMixin, Base):
    """A measurable result of a goal: from start_value towards target_value."""

    __tablename__ = "key_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    start_value: Mapped[float] = mapped_column(Float, default=0)
    current_value: Mapped[float] = mapped_column(Float, default=0)
    target_value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(32), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    @property
    def progress(self) -> float:
        return key_result_progress(self.start_value, self.current_value, self.target_value)
