from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from kaizen.db import reads_first, run_read
from kaizen.deps import (
    CurrentCredential,
    CurrentUser,
    PageParams,
    SessionDep,
    Today,
    owned,
    versioned,
)
from kaizen.habits import rechecked, service
from kaizen.habits.models import Habit
from kaizen.habits.schemas import (
    CheckInPut,
    CheckInRead,
    HabitCreate,
    HabitRead,
    HabitStatsRead,
    HabitUpdate,
    ReorderIn,
    TodayRead,
)
from kaizen.plain import json_response
from kaizen.schemas import MAX_ID, Day, Page

router = APIRouter(tags=["habits"])

_find_habit = owned(Habit, param="habit_id", label="Habit")
OwnedHabit = Annotated[Habit, Depends(_find_habit)]
DayPath = Annotated[Day, Path(description="YYYY-MM-DD in your timezone", examples=["2024-11-04"])]
FromQuery = Annotated[Day | None, Query(alias="from", description="First day (inclusive)")]
ToQuery = Annotated[Day | None, Query(alias="to", description="Last day (inclusive)")]

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such habit (or not yours)"}}


@router.get("/habits", summary="List action items")
async def list_habits(
    user: CurrentUser,
    db: SessionDep,
    page: PageParams,
    archived: Annotated[
        bool | None, Query(description="true: only archived, false: only active; omit for all")
    ] = None,
) -> Page[HabitRead]:
    rows, total = await run_read(db, service.list_habits, db, user, page, archived=archived)
    # One validation of the whole page, from plain values: each item's schedule is validated
    # once per distinct schedule (``_habit_fields``), not once per item.
    items = [service.habit_fields(h) for h in rows]
    return Page[HabitRead].model_validate({"items": items, "total": total})


@router.post("/habits", status_code=status.HTTP_201_CREATED, summary="Create an action item")
def create_habit(body: HabitCreate, user: CurrentUser, db: SessionDep, today: Today) -> HabitRead:
    """Only `name` is required: a daily yes/no habit starting today."""
    return HabitRead.model_validate(service.create_habit(db, user, body, today))


@router.post("/habits/reorder", summary="Reorder action items", responses=NOT_FOUND)
def reorder_habits(body: ReorderIn, user: CurrentUser, db: SessionDep) -> Page[HabitRead]:
    """Give ids in the new order; they get positions 1, 2, 3, …"""
    rows, total = service.reorder_habits(db, user, body.habit_ids)
    return Page(items=[HabitRead.model_validate(h) for h in rows], total=total)


@router.get("/habits/{habit_id}", summary="Get an action item", responses=NOT_FOUND)
def get_habit(habit: OwnedHabit) -> HabitRead:
    return HabitRead.model_validate(habit)


@router.patch("/habits/{habit_id}", summary="Update an action item", responses=NOT_FOUND)
def update_habit(
    body: HabitUpdate, habit: OwnedHabit, user: CurrentUser, db: SessionDep, today: Today
) -> HabitRead:
    """Send only what changes. `archived: true` hides it from Today and keeps its history."""
    return HabitRead.model_validate(service.update_habit(db, user, habit, body, today))


@router.delete(
    "/habits/{habit_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an action item and its check-ins",
    responses=NOT_FOUND,
)
def delete_habit(habit: OwnedHabit, db: SessionDep, today: Today) -> None:
    service.delete_habit(db, habit, today)


async def habit_to_check_in(
    db: SessionDep,
    user: CurrentUser,
    request: Request,
    habit_id: Annotated[int, Path(ge=1, le=MAX_ID, description="Habit id")],
) -> Habit:
    """``OwnedHabit`` for the check-in writes, read without a thread-pool hop on SQLite.

    There this is a read of one row by its key in the request's read-only transaction (see
    ``rechecked``), which waits for no lock: it runs on the event loop (``db.run_read``),
    saving the hop to a worker thread and back. Elsewhere (PostgreSQL) it runs in the thread
    pool, like ``owned``, whose answers (the 404, ``deps.versioned``) it gives; its statement
    is built once."""
    habit = await run_read(db, rechecked.habit_of, db, user.id, habit_id)
    versioned(request, habit, "habit_id")
    return habit


HabitToCheckIn = Annotated[Habit, Depends(habit_to_check_in)]


# The two check-in writes read their credential and habit before their write transaction
# and check them again inside it (``rechecked``, ``kaizen.db.reads_first``).
@router.put(
    "/habits/{habit_id}/check-ins/{date}",
    summary="Check in for a day (idempotent)",
    responses=NOT_FOUND,
)
@reads_first
def put_check_in(
    request: Request,
    date: DayPath,
    body: CheckInPut,
    habit: HabitToCheckIn,
    credential: CurrentCredential,
    db: SessionDep,
    today: Today,
) -> CheckInRead:
    """Sets the day's status; repeating the same request changes nothing. For numeric habits
    the value decides done or missed. Future dates and dates before the habit's start are 422."""
    row = rechecked.write_checked(
        request,
        db,
        credential,
        habit,
        today,
        lambda user, habit, today: service.put_check_in(db, user, habit, date, body, today),
    )
    return CheckInRead.model_validate(row)


@router.delete(
    "/habits/{habit_id}/check-ins/{date}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Clear a day's check-in",
    responses=NOT_FOUND,
)
@reads_first
def clear_check_in(
    request: Request,
    date: DayPath,
    habit: HabitToCheckIn,
    credential: CurrentCredential,
    db: SessionDep,
    today: Today,
) -> None:
    rechecked.write_checked(
        request,
        db,
        credential,
        habit,
        today,
        lambda _user, habit, today: service.clear_check_in(db, habit, date, today),
    )


@router.get(
    "/habits/{habit_id}/check-ins",
    summary="One habit's check-ins in a range",
    responses=NOT_FOUND,
    response_model=Page[CheckInRead],
)
def list_habit_check_ins(
    habit: OwnedHabit,
    user: CurrentUser,
    db: SessionDep,
    today: Today,
    from_: FromQuery = None,
    to: ToQuery = None,
) -> Response:
    """Defaults to the last 30 days; a range covers at most five years."""
    rows = service.list_check_ins(
        db, user, today, habit_id=habit.id, start=from_, end=to, default_days=30
    )
    return _check_ins_page(rows)


def _check_ins_page(rows: list[dict[str, object]]) -> Response:
    """The grid's hundreds of rows, serialised from plain values (``kaizen.plain``)."""
    return json_response({"items": rows, "total": len(rows)})


@router.get(
    "/check-ins",
    summary="All check-ins in a range (for the grid)",
    response_model=Page[CheckInRead],
)
def list_check_ins(
    user: CurrentUser, db: SessionDep, today: Today, from_: FromQuery = None, to: ToQuery = None
) -> Response:
    """Every habit's check-ins, archived ones included. Defaults to the last 7 days."""
    rows = service.list_check_ins(
        db, user, today, habit_id=None, start=from_, end=to, default_days=7
    )
    return _check_ins_page(rows)


@router.get(
    "/habits/{habit_id}/stats",
    summary="Rate, streaks, strength, heatmap",
    responses=NOT_FOUND,
    response_model=HabitStatsRead,
)
def habit_stats(
    habit: OwnedHabit, db: SessionDep, today: Today, from_: FromQuery = None, to: ToQuery = None
) -> Response:
    """Over `from` to `to` (default: the habit's start date to today). `rate` = done ÷ eligible;
    eligible days are scheduled days that are over (today once checked in) minus skipped ones.
    `strength` is a different number: Loop Habit Tracker's exponential average."""
    return json_response(service.habit_stats(db, habit, today, start=from_, end=to))


@router.get(
    "/today", summary="Everything the Today page needs, in one request", response_model=TodayRead
)
async def today(user: CurrentUser, db: SessionDep, today: Today) -> Response:
    # Serialised once from plain values (see ``service.today_items``): the same JSON as a
    # validated ``TodayRead``, without building ~300 pydantic objects per request.
    body = await run_read(db, service.today_json, db, user, today)
    return Response(body, media_type="application/json")
