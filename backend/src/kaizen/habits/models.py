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
    event,
    inspect,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Mapper, mapped_column

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
    # The current-streak figure kept on write (``habits/kept_runs.py``): how many done days
    # (weeks, for N times a week) the run alive on the day before ``run_as_of`` holds, as
    # ``aggregates.runs_before`` / ``week_runs_before`` count it. NULL: not kept (read the
    # SQL way); ``run_as_of`` without a run: nothing to keep as of that day.
    run_as_of: Mapped[date | None] = mapped_column(Date, nullable=True)
    run_before_as_of: Mapped[int | None] = mapped_column(Integer, nullable=True)

    @property
    def schedule(self) -> dict[str, Any]:
        """The schedule in the API's shape (``HabitRead.schedule``)."""
        if self.schedule_type == "weekdays":
            return {"type": "weekdays", "days": [int(d) for d in self.schedule_days or ""]}
        if self.schedule_type == "times_per_week":
            return {"type": "times_per_week", "times": self.schedule_times or 1}
        return {"type": "daily"}


# What the kept run depends on besides the check-ins before its day.
_RUN_DEPENDS_ON = ("schedule_type", "schedule_days", "schedule_times", "start_date")


@event.listens_for(Habit, "before_update")
def _forget_kept_run(mapper: Mapper[Habit], connection: Connection, habit: Habit) -> None:
    """A new schedule or start date (an edit, an import) makes the kept run unknown: it is
    cleared in the same UPDATE, and the next check-in write keeps it again."""
    state = inspect(habit)
    if any(state.attrs[name].history.has_changes() for name in _RUN_DEPENDS_ON):
        habit.run_as_of = None
        habit.run_before_as_of = None


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
