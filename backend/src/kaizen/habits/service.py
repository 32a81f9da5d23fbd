"""Habits and check-ins: queries and rules. Scoring itself lives in ``scoring.py``."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from fastapi.exceptions import RequestValidationError
from sqlalchemy import case, delete, func, select, update
from sqlalchemy.orm import Session

from kaizen import clock
from kaizen.auth.models import User
from kaizen.errors import field_error
from kaizen.habits import scoring
from kaizen.habits.models import CheckIn, Habit
from kaizen.habits.schemas import (
    CheckInPut,
    DailySchedule,
    HabitCreate,
    HabitUpdate,
    TimesPerWeekSchedule,
    WeekdaysSchedule,
)
from kaizen.ownership import ensure_owned
from kaizen.schemas import apply_changes

MAX_RANGE_DAYS = 366 * 5
MAX_RANGE = timedelta(days=MAX_RANGE_DAYS)


def today_for(user: User) -> date:
    return clock.local_today(user.timezone)


# ---------------------------------------------------------------------------------- schedules


def schedule_of(habit: Habit) -> scoring.Schedule:
    if habit.schedule_type == "weekdays":
        return scoring.Schedule.on_weekdays(*(int(d) for d in habit.schedule_days or ""))
    if habit.schedule_type == "times_per_week":
        return scoring.Schedule.times_a_week(habit.schedule_times or 1)
    return scoring.Schedule.daily()


def schedule_read(habit: Habit) -> DailySchedule | WeekdaysSchedule | TimesPerWeekSchedule:
    if habit.schedule_type == "weekdays":
        return WeekdaysSchedule(type="weekdays", days=[int(d) for d in habit.schedule_days or ""])
    if habit.schedule_type == "times_per_week":
        return TimesPerWeekSchedule(type="times_per_week", times=habit.schedule_times or 1)
    return DailySchedule()


def _apply_schedule(
    habit: Habit, schedule: DailySchedule | WeekdaysSchedule | TimesPerWeekSchedule
) -> None:
    habit.schedule_type = schedule.type
    habit.schedule_days = (
        "".join(str(d) for d in schedule.days) if isinstance(schedule, WeekdaysSchedule) else None
    )
    habit.schedule_times = schedule.times if isinstance(schedule, TimesPerWeekSchedule) else None


def _check_numeric(habit: Habit) -> None:
    if habit.kind == "numeric":
        if habit.target_value is None:
            raise field_error("target_value", "A numeric habit needs a target_value")
        habit.target_type = habit.target_type or "at_least"
    else:
        habit.target_value = habit.unit = habit.target_type = None


# ------------------------------------------------------------------------------------- habits


def list_habits(
    db: Session, user: User, *, archived: bool | None, limit: int, offset: int
) -> tuple[Sequence[Habit], int]:
    where: list[Any] = [Habit.user_id == user.id]
    if archived is not None:
        where.append(Habit.archived.is_(archived))
    total = db.scalar(select(func.count()).select_from(Habit).where(*where)) or 0
    rows = db.scalars(
        select(Habit).where(*where).order_by(Habit.position, Habit.id).limit(limit).offset(offset)
    ).all()
    return rows, total


def create_habit(db: Session, user: User, body: HabitCreate) -> Habit:
    _check_goal(db, user, body.goal_id)
    fields = body.model_dump(exclude_unset=True, exclude={"schedule"})
    if fields.get("position") is None:
        fields["position"] = (
            db.scalar(select(func.max(Habit.position)).where(Habit.user_id == user.id)) or 0
        ) + 1
    habit = Habit(
        user_id=user.id,
        **{k: v for k, v in fields.items() if v is not None},
    )
    habit.start_date = body.start_date or today_for(user)
    _apply_schedule(habit, body.schedule or DailySchedule())
    habit.kind = body.kind or "boolean"
    _check_numeric(habit)
    db.add(habit)
    db.flush()
    return habit


def update_habit(db: Session, user: User, habit: Habit, body: HabitUpdate) -> Habit:
    changes = body.model_dump(exclude_unset=True, exclude={"schedule"})
    if "goal_id" in changes:
        _check_goal(db, user, changes["goal_id"])
    _freeze_history(db, user, habit)
    apply_changes(
        habit,
        changes,
        nullable={"target_value", "unit", "target_type", "goal_id", "color"},
        text={"description"},
    )
    if body.schedule is not None:
        _apply_schedule(habit, body.schedule)
    _check_numeric(habit)
    db.flush()
    return habit


def delete_habit(db: Session, user: User, habit: Habit) -> None:
    _freeze_history(db, user, habit)
    db.execute(delete(CheckIn).where(CheckIn.habit_id == habit.id))
    db.delete(habit)
    db.flush()


# Sprints and goals build on habits, so habits import them only when called, never at load
# time (that would be an import cycle).


def _freeze_history(db: Session, user: User, habit: Habit) -> None:
    from kaizen.sprints.service import freeze_finished_with_habit

    freeze_finished_with_habit(db, user, habit)


def _check_goal(db: Session, user: User, goal_id: int | None) -> None:
    from kaizen.goals.service import check_goal_link

    check_goal_link(db, user, goal_id)


def _rescore_history(db: Session, habit: Habit, day: date) -> None:
    from kaizen.sprints.service import mark_stale

    mark_stale(db, habit.id, day)


def reorder(db: Session, user: User, habit_ids: list[int]) -> None:
    ensure_owned(db, user.id, Habit, habit_ids, label="Habit", field="habit_ids")
    positions = {habit_id: position for position, habit_id in enumerate(habit_ids, start=1)}
    db.execute(
        update(Habit)
        .where(Habit.id.in_(habit_ids))
        .values(position=case(positions, value=Habit.id))
        .execution_options(synchronize_session="fetch")
    )
    db.flush()


# ----------------------------------------------------------------------------------- check-ins


def _status_for(habit: Habit, body: CheckInPut) -> str:
    if body.status == scoring.Status.SKIPPED:
        return body.status.value
    if habit.kind == "numeric":
        if body.value is None:
            if body.status is None:
                raise field_error("value", "A numeric habit needs a value (or status skipped)")
            return body.status.value
        target = habit.target_value or 0
        met = body.value >= target if habit.target_type != "at_most" else body.value <= target
        # The value decides: a status that contradicts it would make the numbers lie.
        return scoring.Status.DONE.value if met else scoring.Status.MISSED.value
    return (body.status or scoring.Status.DONE).value


def put_check_in(db: Session, user: User, habit: Habit, day: date, body: CheckInPut) -> CheckIn:
    today = today_for(user)
    if day > today:
        raise _date_error(f"{day} is in the future: today is {today} in {user.timezone}")
    if day < habit.start_date:
        raise _date_error(f"{day} is before this habit's start date {habit.start_date}")
    status = _status_for(habit, body)
    row = db.scalar(select(CheckIn).where(CheckIn.habit_id == habit.id, CheckIn.day == day))
    if row is None:
        row = CheckIn(habit_id=habit.id, day=day)
        db.add(row)
    row.status, row.value, row.note = status, body.value, body.note
    _rescore_history(db, habit, day)
    db.flush()
    return row


def _date_error(message: str) -> RequestValidationError:
    return field_error("date", message, location="path")


def clear_check_in(db: Session, habit: Habit, day: date) -> None:
    db.execute(delete(CheckIn).where(CheckIn.habit_id == habit.id, CheckIn.day == day))
    _rescore_history(db, habit, day)


def counting_end(end: date, today: date) -> date:
    """The end to count a window to. A window that reaches today runs on to Sunday: future
    days never count, but for "N times a week" the rest of the week can still make up a miss,
    so cutting the week at today would count it as missed too early."""
    return max(end, today + timedelta(days=6 - today.weekday())) if end >= today else end


def check_range(start: date, end: date) -> None:
    if end < start:
        raise field_error("to", "`to` is before `from`", location="query")
    if (end - start).days > MAX_RANGE_DAYS:
        raise field_error("to", f"a range covers at most {MAX_RANGE_DAYS} days", location="query")


def list_check_ins(
    db: Session, user: User, *, habit_id: int | None, start: date, end: date
) -> Sequence[CheckIn]:
    check_range(start, end)
    stmt = (
        select(CheckIn)
        .join(Habit, Habit.id == CheckIn.habit_id)
        .where(Habit.user_id == user.id, CheckIn.day >= start, CheckIn.day <= end)
        .order_by(CheckIn.day, Habit.position, Habit.id)
    )
    if habit_id is not None:
        stmt = stmt.where(CheckIn.habit_id == habit_id)
    return db.scalars(stmt).all()


def in_progress(habit: Habit, status: str, value: float | None) -> bool:
    """A numeric "at least" item partly done (12 of 20 pages): below target, but today can
    still make it, so today it counts as pending, not missed."""
    return (
        habit.kind == "numeric"
        and habit.target_type != "at_most"
        and status == scoring.Status.MISSED
        and value is not None
    )


def load_logs(
    db: Session, habits: Iterable[Habit], *, since: date | None = None, today: date | None = None
) -> dict[int, scoring.HabitLog]:
    """The check-ins of these habits (all, or from ``since`` on) in one query, as plain rows:
    turning rows into ORM objects is what makes heavy endpoints slow. Given ``today``, a
    numeric item partly done today is left pending (see :func:`in_progress`) until the day is
    over: an unfinished today never lowers a score."""
    by_id = {h.id: h for h in habits}
    if not by_id:
        return {}
    statuses: dict[int, dict[date, scoring.Status]] = defaultdict(dict)
    stmt = select(CheckIn.habit_id, CheckIn.day, CheckIn.status, CheckIn.value).where(
        CheckIn.habit_id.in_(by_id)
    )
    if since is not None:
        stmt = stmt.where(CheckIn.day >= since)
    rows = db.execute(stmt)
    for habit_id, day, status, value in rows:
        if day == today and in_progress(by_id[habit_id], status, value):
            continue
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


RECENT_DAYS = 400


def current_streaks(
    db: Session, habits: Sequence[Habit], today: date
) -> tuple[dict[int, scoring.HabitLog], dict[int, scoring.Streaks]]:
    """Recent logs and current streaks. Only the last ~13 months are read; the few habits whose
    streak reaches back that far are read in full by one more query."""
    since = today - timedelta(days=RECENT_DAYS)
    logs = load_logs(db, habits, since=since, today=today)
    runs = {h.id: scoring.streaks(logs[h.id], today=today) for h in habits}
    long_running = [
        h
        for h in habits
        if h.start_date < since and _streak_reaches(logs[h.id], runs[h.id], since, today)
    ]
    if long_running:
        full = load_logs(db, long_running, today=today)
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


def recent_notes(db: Session, habit: Habit, limit: int = 10) -> Sequence[tuple[date, str]]:
    return db.execute(
        select(CheckIn.day, CheckIn.note)
        .where(CheckIn.habit_id == habit.id, CheckIn.note != "")
        .order_by(CheckIn.day.desc())
        .limit(limit)
    ).all()


WEEK = 7


def today_rows(
    db: Session, user: User
) -> tuple[date, Sequence[Habit], dict[tuple[int, date], CheckIn]]:
    """Active habits and their check-ins of the last 7 days (with values and notes): two
    queries whatever the number of habits."""
    today = today_for(user)
    habits = db.scalars(
        select(Habit)
        .where(Habit.user_id == user.id, Habit.archived.is_(False))
        .order_by(Habit.position, Habit.id)
    ).all()
    recent = db.scalars(
        select(CheckIn)
        .join(Habit, Habit.id == CheckIn.habit_id)
        .where(
            Habit.user_id == user.id,
            Habit.archived.is_(False),
            CheckIn.day > today - timedelta(days=WEEK),
            CheckIn.day <= today,
        )
    ).all()
    return today, habits, {(c.habit_id, c.day): c for c in recent}


def week_days(today: date, n: int = WEEK) -> list[date]:
    return [today - timedelta(days=i) for i in range(n - 1, -1, -1)]
