"""Habit logs, schedules, streaks and the 14-day rate: the small read module other domains
(sprints, goals, the goal detail flow) import instead of the habits service."""

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from sqlalchemy.orm import Session

from kaizen.habits import recent, scoring
from kaizen.habits.models import Habit

RATE_DAYS = recent.RATE_DAYS
in_progress = recent.in_progress  # Today shows such a day as "in progress"


def schedule_of(habit: recent.HabitColumns) -> scoring.Schedule:
    return _schedule(habit.schedule_type, habit.schedule_days, habit.schedule_times)


@lru_cache(maxsize=256)
def _schedule(kind: str, days: str | None, times: int | None) -> scoring.Schedule:
    """A schedule from its columns, built and checked once per distinct schedule (a few per
    user; ``Schedule`` is frozen, so one object serves every item that has it)."""
    if kind == "weekdays":
        return scoring.Schedule.on_weekdays(*(int(d) for d in days or ""))
    if kind == "times_per_week":
        return scoring.Schedule.times_a_week(times or 1)
    return scoring.Schedule.daily()


def counting_end(end: date, today: date) -> date:
    """The end to count a window to. A window that reaches today runs on to Sunday: future
    days never count, but for "N times a week" the rest of the week can still make up a miss,
    so cutting the week at today would count it as missed too early."""
    return max(end, today + timedelta(days=6 - today.weekday())) if end >= today else end


def recent_rate(log: scoring.HabitLog, today: date) -> float | None:
    """The rate over the last ``RATE_DAYS`` days (Today's and the goal page's "14-day rate")."""
    start = today - timedelta(days=RATE_DAYS - 1)
    return scoring.tally(log, today=today, start=start, end=counting_end(today, today)).rate


def load_logs(
    db: Session, habits: Iterable[Habit], *, since: date | None = None, today: date | None = None
) -> dict[int, scoring.HabitLog]:
    """The check-ins of these habits (all, or from ``since`` on) in one query, as plain rows:
    turning rows into ORM objects is what makes heavy endpoints slow. Given ``today``, a
    numeric item partly done today is left pending (see :func:`recent.in_progress`) until the day is
    over: an unfinished today never lowers a score."""
    by_id = {h.id: h for h in habits}
    if not by_id:
        return {}
    statuses = recent.statuses(db, by_id.values(), since=since, today=today)
    return {
        habit_id: scoring.HabitLog(
            schedule=schedule_of(habit),
            # Days before `since` are unknown, so the log starts there.
            start_date=max(habit.start_date, since) if since else habit.start_date,
            checkins=statuses[habit_id],
        )
        for habit_id, habit in by_id.items()
    }


def current_streaks(
    db: Session, habits: Sequence[Habit], today: date
) -> tuple[dict[int, scoring.HabitLog], dict[int, scoring.Streaks]]:
    """Recent logs (from five weeks back) and current streaks, without reading years of
    history (see ``recent.py``)."""
    return recent.current_streaks(db, habits, today, {h.id: schedule_of(h) for h in habits})
