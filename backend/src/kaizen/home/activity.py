"""Cross-domain reads for the home screen and the weekly review: which goals had linked
activity in a span of days, what was published, read, applied for and held. Each function is
one query (or a fixed few), whatever the amount of data."""

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Date,
    Exists,
    Integer,
    Select,
    String,
    bindparam,
    cast,
    func,
    literal,
    literal_column,
    select,
    true,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter

from kaizen.auth.models import User
from kaizen.errors import NotFound
from kaizen.goals.models import Goal
from kaizen.habits.models import CheckIn, Habit
from kaizen.opportunities.models import (
    Application,
    ApplicationGoal,
    ContactEvent,
    Event,
    Organization,
    StageChange,
)
from kaizen.portfolio.models import PortfolioEntry
from kaizen.portfolio.schemas import EntryRead
from kaizen.reading.models import (
    ReadingItem,
    ReadingProgressLog,
    ReadingStatusChange,
    split_authors,
    split_tags,
)
from kaizen.reading.schemas import ReadingItemRead
from kaizen.sprints import service as sprints
from kaizen.sprints.models import Sprint
from kaizen.sprints.schemas import Scoreboard


def utc_bounds(user: User, start: date, end: date) -> tuple[datetime, datetime]:
    """The instants bounding the local days ``start``..``end`` (end exclusive)."""
    zone = ZoneInfo(user.timezone)
    lower = datetime.combine(start, time.min, zone)
    upper = datetime.combine(end + timedelta(days=1), time.min, zone)
    return lower, upper


def running_sprint(
    db: Session, user: User, day: date, board_day: date
) -> tuple[Sprint, Scoreboard] | None:
    """The sprint running on ``day`` and its scoreboard as of ``board_day``, if there is one."""
    try:
        sprint = sprints.current_sprint(db, user, day)
    except NotFound:
        return None
    return sprint, sprints.scoreboard(db, sprint, board_day)


def goal_activity(
    user_id: Any, start: Any, end: Any, lower: Any, upper: Any
) -> tuple[Exists, Exists, Exists, Exists, Exists]:
    """EXISTS clauses, correlated to ``Goal``, for each kind of activity linked to a goal on
    the local days ``start``..``end`` (``lower``/``upper``: their UTC bounds): a linked action
    item done, a linked reading item logged or moved, a linked application moved, a linked
    entry published. Shared by the home screen's idle goals and the weekly review."""
    checked_in = (
        select(CheckIn.id)
        .join(Habit, Habit.id == CheckIn.habit_id)
        .where(
            Habit.goal_id == Goal.id,
            not_by_index(Habit.user_id) == user_id,
            CheckIn.status == "done",
            CheckIn.day >= start,
            CheckIn.day <= end,
        )
        .exists()
    )
    read, reading_moved = (
        select(logged.id)
        .join(ReadingItem, ReadingItem.id == logged.item_id)
        .where(
            ReadingItem.goal_id == Goal.id,
            not_by_index(ReadingItem.user_id) == user_id,
            logged.day >= start,
            logged.day <= end,
        )
        .exists()
        for logged in (ReadingProgressLog, ReadingStatusChange)
    )
    applied = (
        select(StageChange.id)
        .join(ApplicationGoal, ApplicationGoal.application_id == StageChange.application_id)
        .join(Application, Application.id == StageChange.application_id)
        .where(
            ApplicationGoal.goal_id == Goal.id,
            not_by_index(Application.user_id) == user_id,
            StageChange.at >= lower,
            StageChange.at < upper,
        )
        .exists()
    )
    published = (
        select(PortfolioEntry.id)
        .where(
            PortfolioEntry.goal_id == Goal.id,
            not_by_index(PortfolioEntry.user_id) == user_id,
            PortfolioEntry.status == "published",
            PortfolioEntry.published_on >= start,
            PortfolioEntry.published_on <= end,
        )
        .exists()
    )
    return checked_in, read, reading_moved, applied, published


def not_by_index(column: Any) -> Any:
    """``column`` in a form no index is chosen for (``column + 0``, SQLite's idiom): a goal's
    links are found through their ``goal_id`` index; without statistics SQLite may walk the
    user's index instead, every reading item or application of the user once per goal."""
    return column + 0


def _goals_statement() -> Select[int, int | None, str | None, str | None]:
    """:func:`goals_card`'s query, built once (parameters ``user_id``, ``start``, ``end``, the
    window's UTC bounds ``lower``/``upper`` and ``first_day_over``): the count of active goals
    on every row, beside the idle goals in their order — one row with no goal when none is
    idle (a left join from a one-row select)."""
    lower: BindParameter[datetime] = bindparam("lower")
    upper: BindParameter[datetime] = bindparam("upper")
    user_id = bindparam("user_id", type_=Integer)
    activity = goal_activity(
        user_id, bindparam("start", type_=Date), bindparam("end", type_=Date), lower, upper
    )
    idle = (
        select(Goal.id, Goal.title, Goal.area, Goal.position)
        .where(
            Goal.user_id == user_id,
            Goal.status == "active",
            Goal.created_at < bindparam("first_day_over"),
            *(~clause for clause in activity),
        )
        .subquery()
    )
    active = (
        select(func.count())
        .where(Goal.user_id == user_id, Goal.status == "active")
        .scalar_subquery()
    )
    one = select(literal_column("1").label("one")).subquery()
    return (
        select(active, idle.c.id, idle.c.title, idle.c.area)
        .select_from(one.outerjoin(idle, true()))
        .order_by(idle.c.position, idle.c.id)
    )


_GOALS = _goals_statement()


def goals_card(
    db: Session, user: User, start: date, end: date
) -> tuple[int, list[tuple[int, str, str]]]:
    """How many goals are active (Home tells "no goals yet" from "none left alone"), and the
    active goals (id, title, area, in their order) without any of the activity the weekly
    review counts as moving it on the local days ``start``..``end`` — in one query (built
    once). Each goal is checked by its own links (the ``goal_id`` indexes) and the checks stop
    at the first kind of activity found, so a user with many reading items or applications
    pays for the few linked to a goal, not for all of them."""
    lower, upper = utc_bounds(user, start, end)
    # Only a goal that existed on the window's first day can have been left alone for it.
    _, first_day_over = utc_bounds(user, start, start)
    params = {
        "user_id": user.id,
        "start": start,
        "end": end,
        "lower": lower,
        "upper": upper,
        "first_day_over": first_day_over,
    }
    rows = db.connection().execute(_GOALS, params).all()
    active = rows[0][0] if rows else 0
    # A row with a goal has its (non-null) title and area.
    idle = [(goal_id, str(title), str(area)) for _, goal_id, title, area in rows if goal_id]
    return active or 0, idle


# ``ReadingItemRead``'s fields in its order, and the column each is read from (authors and
# tags are kept as text, split as the model's properties split them).
_READING_FIELDS = tuple(ReadingItemRead.model_fields)
_SPLIT = {"authors": split_authors, "tags": split_tags}
_READING_TOP = (
    select(*(getattr(ReadingItem, f"{f}_text" if f in _SPLIT else f) for f in _READING_FIELDS))
    .where(
        ReadingItem.user_id == bindparam("user_id"),
        # Plain parameters, not an expanding one (re-rendered by SQLAlchemy on every call).
        ReadingItem.status.in_([literal("reading", String), literal("queued", String)]),
    )
    .order_by(ReadingItem.position, ReadingItem.id)
    .limit(bindparam("limit", type_=Integer))
)


def reading_top(db: Session, user: User, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` items of the reading queue (being read or queued, in queue
    order), without counting the rest: the home card shows only these, as
    ``ReadingItemRead``'s JSON values (read as Core rows, no ORM object)."""
    rows = db.connection().execute(_READING_TOP, {"user_id": user.id, "limit": limit})
    items = []
    for row in rows:
        item = dict(zip(_READING_FIELDS, row, strict=True))
        for field, split in _SPLIT.items():
            item[field] = split(item[field])
        items.append(item)
    return items


_EVENT_RANGE = (
    Event.user_id == bindparam("user_id"),
    Event.starts_at >= bindparam("lower"),
    Event.starts_at < bindparam("upper"),
)
# Each event's contact ids as one text ("3,5"), read beside its row.
_CONTACT_IDS = (
    select(func.aggregate_strings(cast(ContactEvent.contact_id, String), ","))
    .where(ContactEvent.event_id == Event.id)
    .scalar_subquery()
)
# The events' columns with their application and organization (``EventListItem``'s) and
# their contact links: one statement built once, executed as Core (plain rows).
_EVENTS = (
    select(
        Event.id,
        Event.application_id,
        Event.kind,
        Event.title,
        Event.starts_at,
        Event.duration_minutes,
        Event.location,
        Event.outcome,
        Event.notes,
        Application.role,
        Application.stage,
        Organization.id,
        Organization.name,
        Organization.type,
        _CONTACT_IDS,
    )
    .join(Application, Application.id == Event.application_id)
    .join(Organization, Organization.id == Application.organization_id)
    .where(*_EVENT_RANGE)
    .order_by(Event.starts_at, Event.id)
    .limit(1000)
)


def events_between(db: Session, user: User, start: date, end: date) -> list[dict[str, Any]]:
    """The events on the local days ``start``..``end`` as ``EventListItem``'s JSON values (as
    ``opportunities.list_events`` gives them: same rows, order and limit, with their
    application and organization, and their contact links), in one query."""
    lower, upper = utc_bounds(user, start, end)
    params = {"user_id": user.id, "lower": lower, "upper": upper}
    rows = db.connection().execute(_EVENTS, params).all()
    return [
        {
            "id": event_id,
            "application_id": application_id,
            "kind": kind,
            "title": title,
            "starts_at": starts_at,
            "duration_minutes": duration,
            "location": location,
            "outcome": outcome,
            "notes": notes,
            "contact_ids": sorted(int(i) for i in contact_ids.split(",")) if contact_ids else [],
            "application": {
                "id": application_id,
                "role": role,
                "stage": stage,
                "organization": {"id": org_id, "name": org_name, "type": org_type},
            },
        }
        for (
            event_id,
            application_id,
            kind,
            title,
            starts_at,
            duration,
            location,
            outcome,
            notes,
            role,
            stage,
            org_id,
            org_name,
            org_type,
            contact_ids,
        ) in rows
    ]


# ``EntryRead``'s fields in its order, each read from its column.
_ENTRY_FIELDS = tuple(EntryRead.model_fields)
_PUBLISHED = (
    select(*(getattr(PortfolioEntry, field) for field in _ENTRY_FIELDS))
    .where(
        PortfolioEntry.user_id == bindparam("user_id"),
        PortfolioEntry.status == "published",
        PortfolioEntry.published_on >= bindparam("start"),
        PortfolioEntry.published_on <= bindparam("end"),
    )
    .order_by(PortfolioEntry.published_on, PortfolioEntry.id)
    .limit(500)
)


def published_between(db: Session, user: User, start: date, end: date) -> list[dict[str, Any]]:
    """The entries published on the local days ``start``..``end`` as ``EntryRead``'s JSON
    values (Core rows, no ORM object)."""
    params = {"user_id": user.id, "start": start, "end": end}
    rows = db.connection().execute(_PUBLISHED, params)
    return [dict(zip(_ENTRY_FIELDS, row, strict=True)) for row in rows]
