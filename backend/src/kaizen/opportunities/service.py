"""Organizations, applications with their append-only stage history, events, contacts,
follow-ups, the funnel and the CSV export."""

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any, Generic, Literal, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import (
    BigInteger,
    CompoundSelect,
    Date,
    Integer,
    Select,
    String,
    bindparam,
    case,
    cast,
    exists,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, joinedload, selectinload

from kaizen.auth.models import User
from kaizen.db import UTCDateTime
from kaizen.errors import field_error
from kaizen.goals.models import Goal
from kaizen.opportunities.funnel import (
    CLOSED,
    MAIN_PATH,
    ReachRow,
    StayRow,
    funnel_stats,
    path_index,
)
from kaizen.opportunities.models import (
    Application,
    ApplicationGoal,
    Contact,
    ContactApplication,
    ContactEvent,
    Event,
    Organization,
    OrganizationGoal,
    StageChange,
)
from kaizen.opportunities.readiness import readiness
from kaizen.opportunities.schemas import (
    ApplicationCreate,
    ApplicationUpdate,
    ContactCreate,
    ContactUpdate,
    EventCreate,
    EventUpdate,
    FollowUp,
    FunnelStats,
    GoalReadiness,
    OrganizationCreate,
    OrganizationUpdate,
    ReadinessFrom,
)
from kaizen.ownership import ensure_owned
from kaizen.queries import (
    LIKE_ESCAPE,
    Pagination,
    day_json,
    json_rows,
    like_escaped,
    moment_json,
    moment_value,
    paginate,
)
from kaizen.schemas import apply_changes

NO_NEWS_DAYS = 7
M = TypeVar("M")
L = TypeVar("L")
EXPORT_LIMIT = 10_000


def _plain(values: dict[str, Any], *urls: str) -> dict[str, Any]:
    for key in urls:
        if values.get(key) is not None:
            values[key] = str(values[key])
    return values


@dataclass(frozen=True)
class _Links(Generic[L]):
    """A list of ids in a body (``field``) naming the user's ``target`` rows, stored as link
    rows made by ``row``. Another user's id is a 404, like one that does not exist."""

    field: str
    target: Any
    label: str
    row: Callable[[int], L]

    def rows(self, db: Session, user: User, ids: list[int]) -> list[L]:
        ensure_owned(db, user.id, self.target, ids, label=self.label, field=self.field)
        return [self.row(i) for i in ids]

    def pop(self, db: Session, user: User, changes: dict[str, Any]) -> list[L] | None:
        """The new link rows if a PATCH sets the field (null clears it), else None."""
        if self.field not in changes:
            return None
        return self.rows(db, user, changes.pop(self.field) or [])


ORG_GOALS = _Links("goal_ids", Goal, "Goal", lambda g: OrganizationGoal(goal_id=g))
APP_GOALS = _Links("goal_ids", Goal, "Goal", lambda g: ApplicationGoal(goal_id=g))
EVENT_CONTACTS = _Links("contact_ids", Contact, "Contact", lambda c: ContactEvent(contact_id=c))
CONTACT_APPS = _Links(
    "application_ids", Application, "Application", lambda a: ContactApplication(application_id=a)
)
CONTACT_EVENTS = _Links("event_ids", Event, "Event", lambda e: ContactEvent(event_id=e))


def _check_organization(db: Session, user: User, organization_id: int | None) -> None:
    if organization_id is not None:
        ensure_owned(
            db,
            user.id,
            Organization,
            [organization_id],
            label="Organization",
            field="organization_id",
        )


# Organizations ----------------------------------------------------------------------------

ORG_TEXT = {"location", "notes"}
ORG_NULLABLE = {
    "website",
    "interest",
    "rating_growth",
    "rating_learning",
    "rating_work",
    "rating_pay",
    "rating_culture",
}


def list_organizations(
    db: Session, user: User, *, type: str | None, q: str | None, page: Pagination
) -> tuple[Sequence[Organization], int]:
    stmt = select(Organization).where(Organization.user_id == user.id)
    if type:
        stmt = stmt.where(Organization.type == type)
    if q:
        stmt = stmt.where(func.lower(Organization.name).contains(q.lower(), autoescape=True))
    stmt = stmt.options(selectinload(Organization.goal_links)).order_by(
        func.lower(Organization.name), Organization.id
    )
    return paginate(db, stmt, page)


def create_organization(db: Session, user: User, body: OrganizationCreate) -> Organization:
    values = _plain(body.model_dump(), "website")
    goal_links = ORG_GOALS.rows(db, user, values.pop("goal_ids"))
    org = Organization(user_id=user.id, **values)
    org.goal_links = goal_links
    db.add(org)
    db.flush()
    return org


def _reload(db: Session, model: type[M], row_id: int, *options: Any) -> M:
    """The row again, with what its read schema needs loaded by ``options``."""
    row: M = db.scalars(
        select(model)
        .where(model.id == row_id)  # type: ignore[attr-defined]
        .options(*options)
        .execution_options(populate_existing=True)
    ).one()
    return row


def load_organization(db: Session, org: Organization) -> Organization:
    return _reload(db, Organization, org.id, selectinload(Organization.goal_links))


def update_organization(
    db: Session, user: User, org: Organization, body: OrganizationUpdate
) -> Organization:
    changes = _plain(body.model_dump(exclude_unset=True), "website")
    org = load_organization(db, org)
    if (goal_links := ORG_GOALS.pop(db, user, changes)) is not None:
        org.goal_links = goal_links
    apply_changes(org, changes, nullable=ORG_NULLABLE, text=ORG_TEXT)
    db.flush()
    return org


def organization_readiness(
    db: Session, user: User, org: Organization
) -> tuple[list[GoalReadiness], int]:
    found = readiness(db, user.id, org.goal_ids)
    count = db.scalar(select(func.count()).where(Application.organization_id == org.id)) or 0
    return [found[g] for g in org.goal_ids if g in found], count


def readiness_of_organizations(
    db: Session, user: User, orgs: Sequence[Organization]
) -> dict[int, list[GoalReadiness]]:
    """Each organization's readiness (goal_links loaded), in one query for the whole list."""
    found = readiness(db, user.id, {g for org in orgs for g in org.goal_ids})
    return {org.id: [found[g] for g in org.goal_ids if g in found] for org in orgs}


def organizations_for_goal(db: Session, goal_id: int) -> Sequence[Organization]:
    """The organizations demanding a goal, by name (for the goal detail page)."""
    return db.scalars(
        select(Organization)
        .join(OrganizationGoal, OrganizationGoal.organization_id == Organization.id)
        .where(OrganizationGoal.goal_id == goal_id)
        .order_by(func.lower(Organization.name), Organization.id)
    ).all()


def delete_organization(db: Session, org: Organization) -> None:
    """Deletes its applications (and their history and events) too."""
    db.delete(org)
    db.flush()


# Applications ----------------------------------------------------------------------------


APP_OPTIONS = (joinedload(Application.organization), selectinload(Application.goal_links))


# The application's own columns the board shows (``ApplicationRead``).
BOARD_COLUMNS = (
    Application.id,
    Application.organization_id,
    Application.role,
    Application.kind,
    Application.source,
    Application.url,
    Application.stage,
    Application.stage_changed_at,
    Application.applied_on,
    Application.follow_up_on,
    Application.notes,
    Application.created_at,
    Application.updated_at,
)


def list_applications(
    db: Session,
    user: User,
    *,
    q: str | None,
    stage: str | None,
    kind: str | None,
    type: str | None,
    organization_id: int | None,
    page: Pagination,
    now: datetime,
) -> tuple[list[dict[str, Any]], int]:
    """The board: a page of applications (most recently moved first) as plain values in the
    shape of ``ApplicationRead``, each with its organization, goal ids and next upcoming
    event, and the total. Three queries (total; the page's rows with their organization,
    walked in order along ``(user_id, stage_changed_at, id)``; the page's goal links and
    upcoming events together), built once per set of filters, and no ORM objects."""
    queries = _board_queries(
        db.get_bind().dialect.name,
        bool(q),
        bool(stage),
        bool(kind),
        bool(type),
        bool(organization_id),
    )
    params: dict[str, Any] = {
        "user": user.id,
        "needle": like_escaped((q or "").lower()),
        "stage": stage,
        "kind": kind,
        "type": type,
        "organization": organization_id,
        "limit": page.limit,
        "offset": page.offset,
    }
    # Core execution: the rows are plain values, the ORM's result machinery adds nothing.
    conn = db.connection()
    total = conn.execute(queries.total, params).scalar_one()
    rows = json_rows(db, queries.rows, params)
    if not rows:
        return [], total
    moment = moment_value(db.get_bind().dialect.name)
    items: dict[int, dict[str, Any]] = {}
    for (
        app_id,
        org_id,
        role,
        app_kind,
        source,
        url,
        app_stage,
        stage_changed_at,
        applied_on,
        follow_up_on,
        notes,
        created_at,
        updated_at,
        org_name,
        org_type,
    ) in rows:
        # ``ApplicationRead``'s fields in its order (the JSON is written as it stands).
        items[app_id] = {
            "id": app_id,
            "organization_id": org_id,
            "organization": {"id": org_id, "name": org_name, "type": org_type},
            "role": role,
            "kind": app_kind,
            "source": source,
            "url": url,
            "stage": app_stage,
            "stage_changed_at": moment(stage_changed_at),
            "applied_on": applied_on,
            "follow_up_on": follow_up_on,
            "goal_ids": [],
            "notes": notes,
            "created_at": moment(created_at),
            "updated_at": moment(updated_at),
            "next_event": None,
        }
    # Goal links (ordered by goal id) and upcoming events (soonest first, then by id: the
    # first one seen is the application's next event, the same rule as ``next_events``).
    extras = json_rows(db, queries.extras, {**params, "now": now})
    for app_id, goal_id, event_id, event_kind, title, starts_at in extras:
        item = items[app_id]
        if event_id is None:
            item["goal_ids"].append(goal_id)
        elif item["next_event"] is None:
            item["next_event"] = {
                "id": event_id,
                "kind": event_kind,
                "title": title,
                "starts_at": moment(starts_at),
            }
    return list(items.values()), total


@dataclass(frozen=True)
class _BoardQueries:
    total: Select[Any]
    rows: Select[Any]
    extras: CompoundSelect[Any]


@lru_cache(maxsize=64)
def _board_queries(
    dialect: str, by_q: bool, by_stage: bool, by_kind: bool, by_type: bool, by_org: bool
) -> _BoardQueries:
    """The board's statements for one set of filters. Parameters: ``user``, ``needle``,
    ``stage``, ``kind``, ``type``, ``organization``, ``limit``, ``offset``; the extras also
    ``now``."""
    where: list[Any] = [Application.user_id == bindparam("user", type_=Integer)]
    if by_q:
        needle = bindparam("needle", type_=String)
        where.append(
            func.lower(Organization.name).contains(needle, escape=LIKE_ESCAPE)
            | func.lower(Application.role).contains(needle, escape=LIKE_ESCAPE)
        )
    if by_stage:
        where.append(Application.stage == bindparam("stage", type_=String))
    if by_kind:
        where.append(Application.kind == bindparam("kind", type_=String))
    if by_type:
        where.append(Organization.type == bindparam("type", type_=String))
    if by_org:
        where.append(Application.organization_id == bindparam("organization", type_=Integer))
    # Dates as their JSON values and timestamps as stored (``moment_value`` then writes their
    # JSON values): the board is serialised from plain values.
    moments, days = {"stage_changed_at", "created_at", "updated_at"}, {"applied_on", "follow_up_on"}
    columns = [
        moment_json(c, dialect).label(c.key)
        if c.key in moments
        else day_json(c, dialect).label(c.key)
        if c.key in days
        else c
        for c in BOARD_COLUMNS
    ]
    # Every application has its organization (``organization_id`` NOT NULL, a foreign key
    # enforced on both databases), so the join drops no row: the count and the page's ids
    # join it only when a filter reads the organization (then the ids walk the index alone).
    by_org_columns = by_q or by_type

    def scoped(statement: Select[Any]) -> Select[Any]:
        if by_org_columns:
            return statement.join(Organization, Organization.id == Application.organization_id)
        return statement

    total = scoped(select(func.count()).select_from(Application)).where(*where)
    newest_first = (Application.stage_changed_at.desc(), Application.id.desc())
    limit, offset = bindparam("limit", type_=Integer), bindparam("offset", type_=Integer)
    rows = (
        select(*columns, Organization.name, Organization.type)
        .join(Organization, Organization.id == Application.organization_id)
        .where(*where)
        .order_by(*newest_first)
        .limit(limit)
        .offset(offset)
    )
    # The page's ids again (an index walk), rather than 200 bound parameters.
    ids = (
        scoped(select(Application.id))
        .where(*where)
        .order_by(*newest_first)
        .limit(limit)
        .offset(offset)
        .scalar_subquery()
    )
    no_text = literal_column("NULL", String)
    goals = select(
        ApplicationGoal.application_id.label("application_id"),
        ApplicationGoal.goal_id.label("goal_id"),
        literal_column("NULL", Integer).label("event_id"),
        no_text.label("kind"),
        no_text.label("title"),
        (no_text if dialect == "sqlite" else literal_column("NULL", UTCDateTime())).label(
            "starts_at"
        ),
    ).where(ApplicationGoal.application_id.in_(ids))
    events = select(
        Event.application_id,
        literal_column("NULL", Integer),
        Event.id,
        Event.kind,
        Event.title,
        # As stored on SQLite ('YYYY-MM-DD HH:MM:SS.ffffff'), which sorts as the instants do.
        moment_json(Event.starts_at, dialect),
    ).where(
        # By the (user_id, starts_at) index: the user's upcoming events are few.
        Event.user_id == bindparam("user", type_=Integer),
        Event.starts_at >= bindparam("now", type_=UTCDateTime()),
        Event.application_id.in_(ids),
    )
    extras = union_all(goals, events).order_by(
        literal_column("goal_id"), literal_column("starts_at"), literal_column("event_id")
    )
    return _BoardQueries(total, rows, extras)


def next_events(db: Session, application_ids: list[int], now: datetime) -> dict[int, Event]:
    """The next upcoming event of each application, in one query."""
    if not application_ids:
        return {}
    rank = (
        func.row_number()
        .over(partition_by=Event.application_id, order_by=(Event.starts_at, Event.id))
        .label("rank")
    )
    inner = (
        select(Event.id, rank)
        .where(Event.application_id.in_(application_ids), Event.starts_at >= now)
        .subquery()
    )
    rows = db.scalars(
        select(Event).join(inner, inner.c.id == Event.id).where(inner.c.rank == 1)
    ).all()
    return {e.application_id: e for e in rows}


def load_application(db: Session, app_id: int) -> Application:
    return _reload(db, Application, app_id, *APP_OPTIONS)


def _organization(db: Session, user: User, organization_id: int) -> Organization:
    _check_organization(db, user, organization_id)
    return db.get_one(Organization, organization_id)


def _duplicate_warnings(db: Session, user: User, org: Organization, role: str) -> list[str]:
    stages = db.scalars(
        select(Application.stage).where(
            Application.user_id == user.id,
            Application.organization_id == org.id,
            func.lower(Application.role) == role.lower(),
        )
    ).all()
    if not stages:
        return []
    count = "an application" if len(stages) == 1 else f"{len(stages)} applications"
    return [f"You already have {count} for {role} at {org.name} ({', '.join(stages)})"]


def create_application(
    db: Session, user: User, body: ApplicationCreate, *, now: datetime, today: date
) -> tuple[Application, list[str]]:
    values = _plain(body.model_dump(), "url")
    org = _organization(db, user, values["organization_id"])
    goal_links = APP_GOALS.rows(db, user, values.pop("goal_ids"))
    warnings = _duplicate_warnings(db, user, org, values["role"])
    app = Application(user_id=user.id, stage_changed_at=now, **values)
    if path_index(app.stage) >= 1 and app.applied_on is None:
        app.applied_on = today
    app.organization = org
    app.goal_links = goal_links
    db.add(app)
    db.flush()
    db.add(StageChange(application_id=app.id, from_stage=None, to_stage=app.stage, at=now))
    db.flush()
    return app, warnings


APP_NULLABLE = {"url", "applied_on", "follow_up_on"}


def update_application(
    db: Session,
    user: User,
    app: Application,
    body: ApplicationUpdate,
    *,
    now: datetime,
    today: date,
) -> Application:
    changes = _plain(body.model_dump(exclude_unset=True), "url")
    note = changes.pop("stage_note", "")
    app = load_application(db, app.id)
    if changes.get("organization_id") is not None:
        app.organization = _organization(db, user, changes.pop("organization_id"))
    if (goal_links := APP_GOALS.pop(db, user, changes)) is not None:
        app.goal_links = goal_links
    if "stage" in changes and changes["stage"] is None:
        raise field_error("stage", "stage cannot be null")
    new_stage = changes.pop("stage", None)
    apply_changes(app, changes, nullable=APP_NULLABLE, text={"notes", "source"})
    if new_stage is not None and new_stage != app.stage:
        db.add(
            StageChange(
                application_id=app.id, from_stage=app.stage, to_stage=new_stage, at=now, note=note
            )
        )
        app.stage = new_stage
        app.stage_changed_at = now
        if path_index(new_stage) >= 1 and app.applied_on is None:
            app.applied_on = today
    db.flush()
    return app


def history(db: Session, app: Application) -> Sequence[StageChange]:
    return db.scalars(
        select(StageChange)
        .where(StageChange.application_id == app.id)
        .order_by(StageChange.at, StageChange.id)
    ).all()


def applications_for_goal(db: Session, goal_id: int) -> Sequence[Application]:
    """The applications demanding a goal, most recently moved first (for the goal page)."""
    return db.scalars(
        select(Application)
        .join(ApplicationGoal, ApplicationGoal.application_id == Application.id)
        .where(ApplicationGoal.goal_id == goal_id)
        .options(joinedload(Application.organization))
        .order_by(Application.stage_changed_at.desc(), Application.id.desc())
    ).all()


def application_readiness(
    db: Session, user: User, app: Application
) -> tuple[list[GoalReadiness], ReadinessFrom | None]:
    """The progress of the goals the application demands; with none linked, of those its
    organization demands ("big tech: DSA 40 %")."""
    goal_ids = app.goal_ids
    source: ReadinessFrom = "application"
    if not goal_ids:
        goal_ids = list(
            db.scalars(
                select(OrganizationGoal.goal_id)
                .where(OrganizationGoal.organization_id == app.organization_id)
                .order_by(OrganizationGoal.goal_id)
            )
        )
        source = "organization"
    found = readiness(db, user.id, goal_ids)
    goals = [found[g] for g in goal_ids if g in found]
    return goals, (source if goals else None)


def delete_application(db: Session, app: Application) -> None:
    db.delete(app)
    db.flush()


# Funnel ----------------------------------------------------------------------------------


def stats(
    db: Session,
    user: User,
    *,
    type: str | None,
    kind: str | None,
    start: date | None,
    end: date | None,
) -> FunnelStats:
    """Two queries, aggregated in SQL (statements built once per set of filters)."""
    queries = _funnel_queries(
        db.get_bind().dialect.name, bool(type), bool(kind), bool(start), bool(end)
    )
    params = {"user": user.id, "type": type, "kind": kind, "start": start, "end": end}
    conn = db.connection()  # Core: plain rows, none of the ORM's result machinery
    reach_rows = conn.execute(queries[0], params).all()
    stay_rows = conn.execute(queries[1], params).all()
    return funnel_stats(
        [ReachRow(t, k, int(r), bool(rej), int(n)) for t, k, r, rej, n in reach_rows],
        # The same float as ``(next - at).total_seconds() / 86400`` from the exact microseconds.
        [StayRow(t, k, s, int(us) / 1_000_000 / 86400) for t, k, s, us in stay_rows],
    )


@lru_cache(maxsize=64)
def _funnel_queries(
    dialect: str, by_type: bool, by_kind: bool, from_day: bool, to_day: bool
) -> tuple[Select[Any], Select[Any]]:
    """The funnel's two statements for one set of filters: how far each application got, and
    every finished stay on the main path with its length in whole microseconds (exact, so
    the days are the same float the timestamps give, without reading 1,600 timestamps).
    Parameters: ``user``, ``type``, ``kind``, ``start``, ``end``."""
    where: list[Any] = [Application.user_id == bindparam("user", type_=Integer)]
    if by_type:
        where.append(Organization.type == bindparam("type", type_=String))
    if by_kind:
        where.append(Application.kind == bindparam("kind", type_=String))
    if from_day:
        where.append(Application.applied_on >= bindparam("start", type_=Date))
    if to_day:
        where.append(Application.applied_on <= bindparam("end", type_=Date))
    index = case(
        *[(StageChange.to_stage == s, i) for i, s in enumerate(MAIN_PATH, start=1)], else_=0
    )
    # The filtered applications' ids: both statements read only their history (the grouped
    # subquery is computed before the join, so without this it read every user's history).
    applications = select(Application.id).where(*where)
    if by_type:
        applications = applications.join(
            Organization, Organization.id == Application.organization_id
        )
    reach = (
        select(
            StageChange.application_id.label("application_id"),
            func.max(index).label("reach"),
            func.max(case((StageChange.to_stage == "rejected", 1), else_=0)).label("rejected"),
        )
        .where(StageChange.application_id.in_(applications))
        .group_by(StageChange.application_id)
        .subquery()
    )
    reach_stmt = (
        select(Organization.type, Application.kind, reach.c.reach, reach.c.rejected, func.count())
        .select_from(Application)
        .join(Organization, Organization.id == Application.organization_id)
        .join(reach, reach.c.application_id == Application.id)
        .where(*where)
        .group_by(Organization.type, Application.kind, reach.c.reach, reach.c.rejected)
    )
    next_at = func.lead(StageChange.at, type_=UTCDateTime()).over(
        partition_by=StageChange.application_id, order_by=(StageChange.at, StageChange.id)
    )
    # The window runs over stage_changes alone, read along its (application_id, at) index, so
    # rows arrive in the window's order and need no sort; type and kind are joined after.
    stays = (
        select(
            StageChange.application_id.label("application_id"),
            StageChange.to_stage.label("stage"),
            StageChange.at.label("at"),
            next_at.label("next_at"),
        )
        .where(StageChange.application_id.in_(applications))
        .subquery()
    )
    stays_stmt = (
        select(
            Organization.type,
            Application.kind,
            stays.c.stage,
            _microseconds(dialect, stays.c.at, stays.c.next_at),
        )
        .select_from(stays)
        .join(Application, Application.id == stays.c.application_id)
        .join(Organization, Organization.id == Application.organization_id)
        .where(stays.c.stage.in_(MAIN_PATH), stays.c.next_at.is_not(None))
    )
    return reach_stmt, stays_stmt


def _microseconds(dialect: str, start: Any, end: Any) -> Any:
    """Whole microseconds from ``start`` to ``end`` (UTC timestamps), computed exactly."""
    if dialect == "sqlite":
        # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC): whole seconds, then the fraction.
        def seconds(value: Any) -> Any:
            return cast(func.strftime("%s", value), Integer)

        def fraction(value: Any) -> Any:
            return cast(func.substr(value, 21, 6), Integer)

        return (seconds(end) - seconds(start)) * 1_000_000 + (fraction(end) - fraction(start))
    return cast(func.extract("epoch", end - start) * 1_000_000, BigInteger)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


# Events ----------------------------------------------------------------------------------


def _aware(value: datetime, user: User) -> datetime:
    """A naive time is the user's local time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(user.timezone))
    return value.astimezone(UTC)


def list_application_events(db: Session, app: Application) -> Sequence[Event]:
    return db.scalars(
        select(Event)
        .where(Event.application_id == app.id)
        .options(selectinload(Event.contact_links))
        .order_by(Event.starts_at, Event.id)
    ).all()


def create_event(db: Session, user: User, app: Application, body: EventCreate) -> Event:
    values = body.model_dump()
    contact_links = EVENT_CONTACTS.rows(db, user, values.pop("contact_ids"))
    ends_at = values.pop("ends_at")
    event = Event(user_id=user.id, application_id=app.id, **values)
    event.starts_at = _aware(body.starts_at, user)
    if ends_at is not None:
        event.duration_minutes = _minutes(event.starts_at, _aware(ends_at, user))
    event.contact_links = contact_links
    db.add(event)
    db.flush()
    return event


def _minutes(start: datetime, end: datetime) -> int:
    minutes = int((end - start).total_seconds() // 60)
    if not 1 <= minutes <= 7 * 24 * 60:
        raise field_error("ends_at", "ends_at must be after starts_at, within a week")
    return minutes


def load_event(db: Session, event: Event) -> Event:
    return _reload(db, Event, event.id, selectinload(Event.contact_links))


def update_event(db: Session, user: User, event: Event, body: EventUpdate) -> Event:
    changes = body.model_dump(exclude_unset=True)
    event = load_event(db, event)
    if (contact_links := EVENT_CONTACTS.pop(db, user, changes)) is not None:
        event.contact_links = contact_links
    ends_at = changes.pop("ends_at", None)
    if changes.get("starts_at") is not None:
        changes["starts_at"] = _aware(changes["starts_at"], user)
    apply_changes(
        event,
        changes,
        nullable={"duration_minutes"},
        text={"title", "location", "outcome", "notes"},
    )
    if ends_at is not None:
        event.duration_minutes = _minutes(event.starts_at, _aware(ends_at, user))
    db.flush()
    return event


def delete_event(db: Session, event: Event) -> None:
    db.delete(event)
    db.flush()


def list_events(db: Session, user: User, start: date, end: date) -> Sequence[Event]:
    """Events from the start of ``start`` to the end of ``end``, in the user's timezone."""
    zone = ZoneInfo(user.timezone)
    lower = datetime.combine(start, datetime.min.time(), zone)
    upper = datetime.combine(end + timedelta(days=1), datetime.min.time(), zone)
    return db.scalars(
        select(Event)
        .where(Event.user_id == user.id, Event.starts_at >= lower, Event.starts_at < upper)
        .options(
            joinedload(Event.application).joinedload(Application.organization),
            selectinload(Event.contact_links),
        )
        .order_by(Event.starts_at, Event.id)
        .limit(1000)
    ).all()


# Contacts --------------------------------------------------------------------------------

CONTACT_NULLABLE = {"organization_id", "email", "profile_url", "last_contacted_on", "follow_up_on"}


CONTACT_OPTIONS = (selectinload(Contact.application_links), selectinload(Contact.event_links))


def list_contacts(
    db: Session,
    user: User,
    *,
    organization_id: int | None,
    application_id: int | None,
    q: str | None,
    page: Pagination,
) -> tuple[Sequence[Contact], int]:
    stmt = select(Contact).where(Contact.user_id == user.id)
    if organization_id:
        stmt = stmt.where(Contact.organization_id == organization_id)
    if application_id:
        stmt = stmt.where(
            exists().where(
                ContactApplication.contact_id == Contact.id,
                ContactApplication.application_id == application_id,
            )
        )
    if q:
        stmt = stmt.where(func.lower(Contact.name).contains(q.lower(), autoescape=True))
    return paginate(
        db, stmt.options(*CONTACT_OPTIONS).order_by(func.lower(Contact.name), Contact.id), page
    )


def create_contact(db: Session, user: User, body: ContactCreate) -> Contact:
    values = _plain(body.model_dump(), "profile_url")
    _check_organization(db, user, values["organization_id"])
    application_links = CONTACT_APPS.rows(db, user, values.pop("application_ids"))
    event_links = CONTACT_EVENTS.rows(db, user, values.pop("event_ids"))
    contact = Contact(user_id=user.id, **values)
    contact.application_links = application_links
    contact.event_links = event_links
    db.add(contact)
    db.flush()
    return contact


def load_contact(db: Session, contact: Contact) -> Contact:
    return _reload(db, Contact, contact.id, *CONTACT_OPTIONS)


def update_contact(db: Session, user: User, contact: Contact, body: ContactUpdate) -> Contact:
    changes = _plain(body.model_dump(exclude_unset=True), "profile_url")
    contact = load_contact(db, contact)
    _check_organization(db, user, changes.get("organization_id"))
    if (application_links := CONTACT_APPS.pop(db, user, changes)) is not None:
        contact.application_links = application_links
    if (event_links := CONTACT_EVENTS.pop(db, user, changes)) is not None:
        contact.event_links = event_links
    apply_changes(contact, changes, nullable=CONTACT_NULLABLE, text={"role", "notes"})
    db.flush()
    return contact


def delete_contact(db: Session, contact: Contact) -> None:
    db.delete(contact)
    db.flush()


# Follow-ups ------------------------------------------------------------------------------


def follow_ups(db: Session, user: User, *, today: date, now: datetime, days: int) -> list[FollowUp]:
    """Due by ``today + days``: follow-up dates (open applications, contacts), and
    applications sitting in `applied` with nothing new for a week. Earliest due first.
    Three queries, built once (``follow_up_queries``)."""
    horizon = today + timedelta(days=days)
    zone = ZoneInfo(user.timezone)

    def due(
        kind: Literal["application", "contact"],
        row_id: int,
        title: str,
        organization_name: str | None,
        due_on: date,
        reason: Literal["follow_up", "no_news"],
    ) -> FollowUp:
        return FollowUp(
            kind=kind,
            id=row_id,
            title=title,
            organization_name=organization_name,
            due_on=due_on,
            reason=reason,
            overdue_days=(today - due_on).days,
        )

    queries = follow_up_queries()
    params = {
        "user": user.id,
        "horizon": horizon,
        "now": now,
        # Quiet: nothing new (a stage change or a logged event) for a week by the horizon.
        "cutoff": now - timedelta(days=NO_NEWS_DAYS) + timedelta(days=days),
    }
    conn = db.connection()
    items = [
        due("application", app_id, f"{role} at {org_name}", org_name, day, "follow_up")
        for app_id, role, org_name, day in conn.execute(queries.applications, params)
        if day is not None  # filtered in the query
    ]
    for app_id, role, org_name, changed_at, event_logged_at in conn.execute(queries.quiet, params):
        news_at = max(changed_at, event_logged_at) if event_logged_at else changed_at
        day = (news_at + timedelta(days=NO_NEWS_DAYS)).astimezone(zone).date()
        items.append(due("application", app_id, f"{role} at {org_name}", org_name, day, "no_news"))
    items += [
        due("contact", contact_id, name, org_name, day, "follow_up")
        for contact_id, name, org_name, day in conn.execute(queries.contacts, params)
        if day is not None  # filtered in the query
    ]
    items.sort(key=lambda f: (f.due_on, f.kind, f.id))
    return items[:500]


@dataclass(frozen=True)
class FollowUpQueries:
    applications: Select[*tuple[Any, ...]]
    quiet: Select[*tuple[Any, ...]]
    contacts: Select[*tuple[Any, ...]]


@lru_cache(maxsize=1)
def follow_up_queries() -> FollowUpQueries:
    """Parameters: ``user``, ``horizon`` (a date), ``now`` and ``cutoff`` (instants)."""
    user = bindparam("user", type_=Integer)
    horizon = bindparam("horizon", type_=Date)
    now, cutoff = bindparam("now", type_=UTCDateTime()), bindparam("cutoff", type_=UTCDateTime())
    applications = (
        select(Application.id, Application.role, Organization.name, Application.follow_up_on)
        .join(Organization, Organization.id == Application.organization_id)
        .where(
            Application.user_id == user,
            Application.follow_up_on <= horizon,
            Application.stage.not_in(CLOSED),
        )
    )
    # Nothing new for a week by the horizon, and nothing coming up (an interview already
    # booked is news enough).
    last_event = (
        select(func.max(Event.created_at))
        .where(Event.application_id == Application.id)
        .scalar_subquery()
    )
    quiet = (
        select(
            Application.id,
            Application.role,
            Organization.name,
            Application.stage_changed_at,
            last_event,
        )
        .join(Organization, Organization.id == Application.organization_id)
        .where(
            Application.user_id == user,
            Application.stage == "applied",
            Application.follow_up_on.is_(None),
            Application.stage_changed_at <= cutoff,
            ~exists().where(
                Event.application_id == Application.id,
                or_(Event.created_at > cutoff, Event.starts_at > now),
            ),
        )
    )
    contacts = (
        select(Contact.id, Contact.name, Organization.name, Contact.follow_up_on)
        .outerjoin(Organization, Organization.id == Contact.organization_id)
        .where(Contact.user_id == user, Contact.follow_up_on <= horizon)
    )
    return FollowUpQueries(applications, quiet, contacts)


# Export ----------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "organization",
    "type",
    "role",
    "kind",
    "stage",
    "applied_on",
    "follow_up_on",
    "stage_changed_at",
    "source",
    "url",
    "created_at",
    "notes",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """Text for a spreadsheet cell; one starting like a formula gets a leading quote."""
    text = "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
    # A cell starting with a quote gets one too, so an import can undo exactly what was added.
    return "'" + text if text.startswith((*_FORMULA_START, "'")) else text


def export_csv(db: Session, user: User) -> str:
    rows = db.execute(
        select(
            Organization.name,
            Organization.type,
            Application.role,
            Application.kind,
            Application.stage,
            Application.applied_on,
            Application.follow_up_on,
            Application.stage_changed_at,
            Application.source,
            Application.url,
            Application.created_at,
            Application.notes,
        )
        .join(Organization, Organization.id == Application.organization_id)
        .where(Application.user_id == user.id)
        .order_by(Application.created_at, Application.id)
        .limit(EXPORT_LIMIT)
    ).all()
    out = io.StringIO()
    out.write("\ufeff")  # a BOM, so spreadsheets read UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()
