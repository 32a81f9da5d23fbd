from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, status

from kaizen.auth.models import User
from kaizen.deps import CurrentUser, PageParams, SessionDep, owned
from kaizen.habits import scoring, service
from kaizen.habits.models import CheckIn, Habit
from kaizen.habits.schemas import (
    CheckInPut,
    CheckInRead,
    DayState,
    HabitCreate,
    HabitRead,
    HabitStatsRead,
    HabitUpdate,
    HeatmapCell,
    NoteRead,
    PeriodCount,
    ReorderIn,
    StrengthPoint,
    TodayHabit,
    TodayRead,
)
from kaizen.schemas import Day, Page

router = APIRouter(tags=["habits"])

OwnedHabit = Annotated[Habit, Depends(owned(Habit, param="habit_id", label="Habit"))]
DayPath = Annotated[Day, Path(description="YYYY-MM-DD in your timezone", examples=["2024-11-04"])]
FromQuery = Annotated[Day | None, Query(alias="from", description="First day (inclusive)")]
ToQuery = Annotated[Day | None, Query(alias="to", description="Last day (inclusive)")]

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such habit (or not yours)"}}


def habit_read(habit: Habit) -> HabitRead:
    return HabitRead(
        id=habit.id,
        name=habit.name,
        description=habit.description,
        kind=habit.kind,
        target_value=habit.target_value,
        unit=habit.unit,
        target_type=habit.target_type,
        schedule=service.schedule_read(habit),
        start_date=habit.start_date,
        goal_id=habit.goal_id,
        color=habit.color,
        position=habit.position,
        archived=habit.archived,
    )


def check_in_read(row: CheckIn) -> CheckInRead:
    return CheckInRead(
        habit_id=row.habit_id,
        date=row.day,
        status=scoring.Status(row.status),
        value=row.value,
        note=row.note,
    )


@router.get("/habits", summary="List action items")
def list_habits(
    user: CurrentUser,
    db: SessionDep,
    page: PageParams,
    archived: Annotated[
        bool | None, Query(description="true: only archived, false: only active; omit for all")
    ] = None,
) -> Page[HabitRead]:
    rows, total = service.list_habits(
        db, user, archived=archived, limit=page.limit, offset=page.offset
    )
    return Page(items=[habit_read(h) for h in rows], total=total)


@router.post("/habits", status_code=status.HTTP_201_CREATED, summary="Create an action item")
def create_habit(body: HabitCreate, user: CurrentUser, db: SessionDep) -> HabitRead:
    """Only `name` is required: a daily yes/no habit starting today."""
    return habit_read(service.create_habit(db, user, body))


@router.post("/habits/reorder", summary="Reorder action items", responses=NOT_FOUND)
def reorder_habits(body: ReorderIn, user: CurrentUser, db: SessionDep) -> Page[HabitRead]:
    """Give ids in the new order; they get positions 1, 2, 3, …"""
    service.reorder(db, user, body.habit_ids)
    rows, total = service.list_habits(db, user, archived=None, limit=1000, offset=0)
    return Page(items=[habit_read(h) for h in rows], total=total)


@router.get("/habits/{habit_id}", summary="Get an action item", responses=NOT_FOUND)
def get_habit(habit: OwnedHabit) -> HabitRead:
    return habit_read(habit)


@router.patch("/habits/{habit_id}", summary="Update an action item", responses=NOT_FOUND)
def update_habit(
    body: HabitUpdate, habit: OwnedHabit, user: CurrentUser, db: SessionDep
) -> HabitRead:
    """Send only what changes. `archived: true` hides it from Today and keeps its history."""
    return habit_read(service.update_habit(db, user, habit, body))


@router.delete(
    "/habits/{habit_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an action item and its check-ins",
    responses=NOT_FOUND,
)
def delete_habit(habit: OwnedHabit, user: CurrentUser, db: SessionDep) -> None:
    service.delete_habit(db, user, habit)


@router.put(
    "/habits/{habit_id}/check-ins/{date}",
    summary="Check in for a day (idempotent)",
    responses=NOT_FOUND,
)
def put_check_in(
    date: DayPath, body: CheckInPut, habit: OwnedHabit, user: CurrentUser, db: SessionDep
) -> CheckInRead:
    """Sets the day's status; repeating the same request changes nothing. For numeric habits
    the value decides done or missed. Future dates and dates before the habit's start are 422."""
    return check_in_read(service.put_check_in(db, user, habit, date, body))


@router.delete(
    "/habits/{habit_id}/check-ins/{date}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Clear a day's check-in",
    responses=NOT_FOUND,
)
def clear_check_in(date: DayPath, habit: OwnedHabit, db: SessionDep) -> None:
    service.clear_check_in(db, habit, date)


def _window(user: User, start: date | None, end: date | None, days: int) -> tuple[date, date]:
    end = end or service.today_for(user)
    return start or end - timedelta(days=days - 1), end


@router.get(
    "/habits/{habit_id}/check-ins", summary="One habit's check-ins in a range", responses=NOT_FOUND
)
def list_habit_check_ins(
    habit: OwnedHabit,
    user: CurrentUser,
    db: SessionDep,
    from_: FromQuery = None,
    to: ToQuery = None,
) -> Page[CheckInRead]:
    """Defaults to the last 30 days; a range covers at most five years."""
    start, end = _window(user, from_, to, 30)
    rows = service.list_check_ins(db, user, habit_id=habit.id, start=start, end=end)
    return Page(items=[check_in_read(r) for r in rows], total=len(rows))


@router.get("/check-ins", summary="All check-ins in a range (for the grid)")
def list_check_ins(
    user: CurrentUser, db: SessionDep, from_: FromQuery = None, to: ToQuery = None
) -> Page[CheckInRead]:
    """Every habit's check-ins, archived ones included. Defaults to the last 7 days."""
    start, end = _window(user, from_, to, 7)
    rows = service.list_check_ins(db, user, habit_id=None, start=start, end=end)
    return Page(items=[check_in_read(r) for r in rows], total=len(rows))


@router.get(
    "/habits/{habit_id}/stats", summary="Rate, streaks, strength, heatmap", responses=NOT_FOUND
)
def habit_stats(
    habit: OwnedHabit,
    user: CurrentUser,
    db: SessionDep,
    from_: FromQuery = None,
    to: ToQuery = None,
) -> HabitStatsRead:
    """Over `from` to `to` (default: the habit's start date to today). `rate` = done ÷ eligible;
    eligible days are scheduled days that are over (today once checked in) minus skipped ones.
    `strength` is a different number: Loop Habit Tracker's exponential average."""
    today = service.today_for(user)
    end = to or today
    # Default: from the start date, or the last five years of a longer history.
    start = from_ or min(max(habit.start_date, end - service.MAX_RANGE), end)
    service.check_range(start, end)
    log = service.load_logs(db, [habit], today=today)[habit.id]
    counted_end = service.counting_end(end, today)
    stats = scoring.habit_stats(log, today=today, start=start, end=counted_end)
    history = scoring.history(log, today=today, start=end - timedelta(days=364), end=end)
    series_start = max(start, end - timedelta(days=364))
    return HabitStatsRead(
        habit_id=habit.id,
        from_date=start,
        to_date=end,
        done=stats.done,
        eligible=stats.eligible,
        skipped=stats.skipped,
        rate=stats.rate,
        current_streak=stats.current_streak,
        best_streak=stats.best_streak,
        streak_unit=stats.streak_unit,
        strength=stats.strength,
        strength_series=[
            StrengthPoint(date=d, value=v)
            for d, v in scoring.strength_series(log, today=today, start=series_start, end=end)
        ],
        weeks=_periods(log, today, start, counted_end, scoring.Period.WEEK),
        months=_periods(log, today, start, counted_end, scoring.Period.MONTH),
        history=[HeatmapCell(date=c.day, state=c.state, status=c.status) for c in history],
        recent_notes=[NoteRead(date=d, note=n) for d, n in service.recent_notes(db, habit)],
    )


def _periods(
    log: scoring.HabitLog, today: date, start: date, end: date, period: scoring.Period
) -> list[PeriodCount]:
    return [
        PeriodCount(
            start=p.start,
            end=p.end,
            done=p.tally.done,
            eligible=p.tally.eligible,
            rate=p.tally.rate,
        )
        for p in scoring.period_tallies(log, today=today, start=start, end=end, period=period)
    ]


@router.get("/today", summary="Everything the Today page needs, in one request")
def today(user: CurrentUser, db: SessionDep) -> TodayRead:
    day, habits, recent = service.today_rows(db, user)
    logs, streaks = service.current_streaks(db, habits, day)
    days = service.week_days(day)
    items = []
    for habit in habits:
        log = logs[habit.id]
        runs = streaks[habit.id]
        fortnight = scoring.tally(
            log, today=day, start=day - timedelta(days=13), end=service.counting_end(day, day)
        )
        schedule = service.schedule_of(habit)
        week = []
        for d in days:
            row = recent.get((habit.id, d))
            week.append(
                DayState(
                    date=d,
                    status=scoring.Status(row.status) if row else None,
                    value=row.value if row else None,
                    note=row.note if row else "",
                    scheduled=d >= habit.start_date and schedule.is_scheduled(d),
                )
            )
        today_row = recent.get((habit.id, day))
        items.append(
            TodayHabit(
                habit=habit_read(habit),
                today=check_in_read(today_row) if today_row else None,
                last_7_days=week,
                current_streak=runs.current,
                streak_unit=runs.unit,
                rate_14d=fortnight.rate,
                in_progress=bool(
                    today_row and service.in_progress(habit, today_row.status, today_row.value)
                ),
            )
        )
    return TodayRead(date=day, timezone=user.timezone, habits=items)
