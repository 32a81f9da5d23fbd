"""Habit logs, schedules, streaks and the 14-day rate: the small read module other domains
(sprints, goals, the goal detail flow) import instead of the habits service."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaizen.habits import scoring
from kaizen.habits.models import CheckIn, Habit

RECENT_DAYS = 400
RATE_DAYS = 14


def schedule_of(habit: Habit) -> scoring.Schedule:
    if habit.schedule_type == "weekdays":
        return scoring.Schedule.on_weekdays(*(int(d) for d in habit.schedule_days or ""))
    if habit.schedule_type == "times_per_week":
        return scoring.Schedule.times_a_week(habit.schedule_times or 1)
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
    db: Session, habits: Iterable[Habit], *, since: date | None = None
) -> dict[int, scoring.HabitLog]:
    """The check-ins of these habits (all, or from ``since`` on) in one query, as plain rows:
    turning rows into ORM objects is what makes heavy endpoints slow."""
    by_id = {h.id: h for h in habits}
    if not by_id:
        return {}
    statuses: dict[int, dict[date, scoring.Status]] = defaultdict(dict)
    stmt = select(CheckIn.habit_id, CheckIn.day, CheckIn.status).where(CheckIn.habit_id.in_(by_id))
    if since is not None:
        stmt = stmt.where(CheckIn.day >= since)
    rows = db.execute(stmt)
    for habit_id, day, status in rows:
        statuses[habit_id][day] = scoring.Status(status)
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
    """Recent logs and current streaks. Only the last ~13 months are read; the few habits whose
    streak reaches back that far are read in full by one more query."""
    since = today - timedelta(days=RECENT_DAYS)
    logs = load_logs(db, habits, since=since)
    runs = {h.id: scoring.streaks(logs[h.id], today=today) for h in habits}
    long_running = [
        h
        for h in habits
        if h.start_date < since and _streak_reaches(logs[h.id], runs[h.id], since, today)
    ]
    if long_running:
        full = load_logs(db, long_running)
        for habit in long_running:
            runs[habit.id] = scoring.streaks(full[habit.id], today=today)
    return logs, runs


def _streak_reaches(log: scoring.HabitLog, runs: scoring.Streaks, since: date, today: date) -> bool:
    """Whether the current run is unbroken back to ``since``, so it may continue before it."""
    if runs.current == 0:
        return False
    if runs.unit is scoring.StreakUnit.WEEKS:
        return runs.current >= (today - since).days // 7 - 1
    counts = scoring.tally(log, today=today, start=since, end=today)
    return counts.done == counts.eligible
