from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kaizen.db import Base, TimestampMixin


class Sprint(TimestampMixin, Base):
    """A time box (a fortnight by default) with its action items, target, plan and review."""

    __tablename__ = "sprints"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    theme: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    target_rate: Mapped[float] = mapped_column(Float, default=0.75)
    plan: Mapped[str] = mapped_column(Text, default="")
    retrospective: Mapped[str] = mapped_column(Text, default="")
    # The scoreboard frozen once the sprint is over, so later edits to habits keep history.
    snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class SprintHabit(Base):
    __tablename__ = "sprint_habits"

    sprint_id: Mapped[int] = mapped_column(
        ForeignKey("sprints.id", ondelete="CASCADE"), primary_key=True
    )
    habit_id: Mapped[int] = mapped_column(
        ForeignKey("habits.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class SprintGoal(Base):
    __tablename__ = "sprint_goals"

    sprint_id: Mapped[int] = mapped_column(
        ForeignKey("sprints.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True, index=True
    )
