from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Index, Integer, String, Text, event, inspect
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Mapper, mapped_column

from kaizen.db import Base, TimestampMixin
from kaizen.sprints import kept


class Sprint(TimestampMixin, Base):
    """A time box (a fortnight by default) with its action items, target, plan and review."""

    __tablename__ = "sprints"
    # The list walks a user's sprints newest first along this index instead of sorting them.
    __table_args__ = (Index("ix_sprints_user_id_start_date", "user_id", "start_date", "id"),)

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
    # What the list shows from the snapshot (score, outcome state and sentence), written with
    # it by the flush hook below; NULL when nothing usable is kept (see ``kept.py``).
    kept_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    kept_outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    kept_outcome_text: Mapped[str | None] = mapped_column(Text, nullable=True)


@event.listens_for(Sprint, "before_insert")
@event.listens_for(Sprint, "before_update")
def _write_kept_columns(mapper: Mapper[Sprint], connection: Connection, sprint: Sprint) -> None:
    """Every write of a snapshot or a target (freezing, re-scoring after a late check-in,
    marking, an edit, an import) goes through a flush, so the kept columns are derived here,
    in the one place, from the values being written."""
    state = inspect(sprint)
    if state.key is None or any(
        state.attrs[name].history.has_changes() for name in ("snapshot", "target_rate")
    ):
        rate = sprint.target_rate
        if rate is None:  # not set yet: the column's default fills it in the INSERT
            rate = mapper.columns["target_rate"].default.arg
        score, outcome, text = kept.columns_of(sprint.snapshot, rate)
        sprint.kept_score, sprint.kept_outcome, sprint.kept_outcome_text = score, outcome, text


class SprintHabit(Base):
    __tablename__ = "sprint_habits"
    # The list reads its page's items in order from this index alone.
    __table_args__ = (
        Index("ix_sprint_habits_sprint_id_position", "sprint_id", "position", "habit_id"),
    )

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
