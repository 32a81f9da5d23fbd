from datetime import date
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from kaizen.db import Base, TimestampMixin


class Habit(TimestampMixin, Base):
    """An action item: something the user means to do on a schedule."""

    __tablename__ = "habits"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="boolean")  # boolean | numeric
    target_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    unit: Mapped[str | None] = mapped_column(String(32), nullable=True)
    target_type: Mapped[str | None] = mapped_column(String(16), nullable=True)
    # daily | weekdays | times_per_week; weekdays as a string of ISO digits, e.g. "135".
    schedule_type: Mapped[str] = mapped_column(String(16), default="daily")
    schedule_days: Mapped[str | None] = mapped_column(String(7), nullable=True)
    schedule_times: Mapped[int | None] = mapped_column(Integer, nullable=True)
    start_date: Mapped[date] = mapped_column(Date)
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL"), nullable=True, index=True
    )
    color: Mapped[str | None] = mapped_column(String(7), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    @property
    def schedule(self) -> dict[str, Any]:
        """The schedule in the API's shape (``HabitRead.schedule``)."""
        if self.schedule_type == "weekdays":
            return {"type": "weekdays", "days": [int(d) for d in self.schedule_days or ""]}
        if self.schedule_type == "times_per_week":
            return {"type": "times_per_week", "times": self.schedule_times or 1}
        return {"type": "daily"}


class CheckIn(TimestampMixin, Base):
    """One day of one habit. No row means "not done"; skipped counts neither way."""

    __tablename__ = "check_ins"
    __table_args__ = (
        UniqueConstraint("habit_id", "date"),
        # An item's newest missed day and its skipped days in a span are index steps, not
        # walks of its rows (``aggregates._daily_statement``).
        Index("ix_check_ins_habit_id_status_date", "habit_id", "status", "date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    habit_id: Mapped[int] = mapped_column(ForeignKey("habits.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column("date", Date)
    status: Mapped[str] = mapped_column(String(16))  # done | skipped | missed
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    note: Mapped[str] = mapped_column(String(1000), default="")
