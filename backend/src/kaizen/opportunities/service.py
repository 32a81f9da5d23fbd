"""Organizations, applications with their append-only stage history, events, contacts,
follow-ups, the funnel and the CSV export."""

import csv
import io
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from kaizen.auth.models import User
from kaizen.db import UTCDateTime
from kaizen.errors import field_error
from kaizen.goals.links import check_goal_links
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
)
from kaizen.ownership import ensure_owned
from kaizen.queries import Pagination, paginate
from kaizen.schemas import apply_changes

NO_NEWS_DAYS = 7
M = TypeVar("M")
EXPORT_LIMIT = 10_000


def _plain(values: dict[str, Any], *urls: str) -> dict[str, Any]:
    for key in urls:
        if values.get(key) is not None:
            values[key] = str(values[key])
    return values


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
    goal_ids = values.pop("goal_ids")
    check_goal_links(db, user, goal_ids)
    org = Organization(user_id=user.id, **values)
    org.goal_links = [OrganizationGoal(goal_id=g) for g in goal_ids]
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
    if "goal_ids" in changes:
        goal_ids = changes.pop("goal_ids") or []
        check_goal_links(db, user, goal_ids)
        org.goal_links = [OrganizationGoal(goal_id=g) for g in goal_ids]
    apply_changes(org, changes, nullable=ORG_NULLABLE, text=ORG_TEXT)
    db.flush()
    return org


def organization_readiness(
    db: Session, user: User, org: Organization
) -> tuple[list[GoalReadiness], int]:
    found = readiness(db, user.id, org.goal_ids)
    count = db.scalar(select(func.count()).where(Application.organization_id == org.id)) or 0
    return [found[g] for g in org.goal_ids if g in found], count


def delete_organization(db: Session, org: Organization) -> None:
    """Deletes its applications (and their history and events) too."""
    db.delete(org)
    db.flush()


# Applications ----------------------------------------------------------------------------


APP_OPTIONS = (joinedload(Application.organization), selectinload(Application.goal_links))


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
    event, and the total. Three queries (total, rows with organization and next event, goal
    links) and no ORM objects: loading 200 applications as objects, with their organizations
    and goal links, cost more than all the rest of the request."""
    where = [Application.user_id == user.id]
    if q:
        needle = q.lower()
        where.append(
            func.lower(Organization.name).contains(needle, autoescape=True)
            | func.lower(Application.role).contains(needle, autoescape=True)
        )
    if stage:
        where.append(Application.stage == stage)
    if kind:
        where.append(Application.kind == kind)
    if type:
        where.append(Organization.type == type)
    if organization_id:
        where.append(Application.organization_id == organization_id)
    total = (
        db.scalar(
            select(func.count())
            .select_from(Application)
            .join(Organization, Organization.id == Application.organization_id)
            .where(*where)
        )
        or 0
    )
    next_event = (
        select(Event.id)
        .where(Event.application_id == Application.id, Event.starts_at >= now)
        .order_by(Event.starts_at, Event.id)
        .limit(1)
        .correlate(Application)
        .scalar_subquery()
    )
    newest_first = (Application.stage_changed_at.desc(), Application.id.desc())
    # The page's ids first (a narrow sort), then their rows: sorting whole rows costs more.
    page_ids = (
        select(Application.id)
        .join(Organization, Organization.id == Application.organization_id)
        .where(*where)
        .order_by(*newest_first)
        .limit(page.limit)
        .offset(page.offset)
        .subquery()
    )
    rows = db.execute(
        select(
            *BOARD_COLUMNS,
            Organization.name.label("organization_name"),
            Organization.type.label("organization_type"),
            Event.id.label("event_id"),
            Event.kind.label("event_kind"),
            Event.title.label("event_title"),
            Event.starts_at.label("event_starts_at"),
        )
        .join(page_ids, page_ids.c.id == Application.id)
        .join(Organization, Organization.id == Application.organization_id)
        .outerjoin(Event, Event.id == next_event)
        .order_by(*newest_first)
    ).all()
    goal_ids: dict[int, list[int]] = {row[0]: [] for row in rows}
    if rows:
        links = db.execute(
            select(ApplicationGoal.application_id, ApplicationGoal.goal_id)
            .where(ApplicationGoal.application_id.in_(list(goal_ids)))
            .order_by(ApplicationGoal.goal_id)
        ).all()
        for app_id, goal_id in links:
            goal_ids[app_id].append(goal_id)
    items = []
    for row in rows:
        app_id, org_id = row[0], row[1]
        org_name, org_type, event_id, event_kind, event_title, starts_at = row[len(BOARD_FIELDS) :]
        item = dict(zip(BOARD_FIELDS, row, strict=False))
        item["organization"] = {"id": org_id, "name": org_name, "type": org_type}
        item["goal_ids"] = goal_ids[app_id]
        item["next_event"] = (
            None
            if event_id is None
            else {"id": event_id, "kind": event_kind, "title": event_title, "starts_at": starts_at}
        )
        items.append(item)
    return items, total


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
BOARD_FIELDS = tuple(column.key for column in BOARD_COLUMNS)


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
    ensure_owned(
        db,
        user.id,
        Organization,
        [organization_id],
        label="Organization",
        field="organization_id",
    )
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
    return [
        f"You already have {len(stages)} application(s) for {role} at {org.name} "
        f"({', '.join(stages)})"
    ]


def create_application(
    db: Session, user: User, body: ApplicationCreate, *, now: datetime, today: date
) -> tuple[Application, list[str]]:
    values = _plain(body.model_dump(), "url")
    goal_ids = values.pop("goal_ids")
    org = _organization(db, user, values["organization_id"])
    check_goal_links(db, user, goal_ids)
    warnings = _duplicate_warnings(db, user, org, values["role"])
    app = Application(user_id=user.id, stage_changed_at=now, **values)
    if path_index(app.stage) >= 1 and app.applied_on is None:
        app.applied_on = today
    app.organization = org
    app.goal_links = [ApplicationGoal(goal_id=g) for g in goal_ids]
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
    if "goal_ids" in changes:
        goal_ids = changes.pop("goal_ids") or []
        check_goal_links(db, user, goal_ids)
        app.goal_links = [ApplicationGoal(goal_id=g) for g in goal_ids]
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


def application_readiness(db: Session, user: User, app: Application) -> list[GoalReadiness]:
    found = readiness(db, user.id, app.goal_ids)
    return [found[g] for g in app.goal_ids if g in found]


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
    where: list[Any] = [Application.user_id == user.id]
    if type:
        where.append(Organization.type == type)
    if kind:
        where.append(Application.kind == kind)
    if start:
        where.append(Application.applied_on >= start)
    if end:
        where.append(Application.applied_on <= end)
    index = case(
        *[(StageChange.to_stage == s, i) for i, s in enumerate(MAIN_PATH, start=1)], else_=0
    )
    reach = (
        select(
            StageChange.application_id.label("application_id"),
            func.max(index).label("reach"),
            func.max(case((StageChange.to_stage == "rejected", 1), else_=0)).label("rejected"),
        )
        .group_by(StageChange.application_id)
        .subquery()
    )
    reach_rows = db.execute(
        select(Organization.type, Application.kind, reach.c.reach, reach.c.rejected, func.count())
        .select_from(Application)
        .join(Organization, Organization.id == Application.organization_id)
        .join(reach, reach.c.application_id == Application.id)
        .where(*where)
        .group_by(Organization.type, Application.kind, reach.c.reach, reach.c.rejected)
    ).all()
    next_at = func.lead(StageChange.at, type_=UTCDateTime()).over(
        partition_by=StageChange.application_id, order_by=(StageChange.at, StageChange.id)
    )
    stays = (
        select(
            Organization.type.label("type"),
            Application.kind.label("kind"),
            StageChange.to_stage.label("stage"),
            StageChange.at.label("at"),
            next_at.label("next_at"),
        )
        .select_from(StageChange)
        .join(Application, Application.id == StageChange.application_id)
        .join(Organization, Organization.id == Application.organization_id)
        .where(*where)
        .subquery()
    )
    stay_rows = db.execute(
        select(stays.c.type, stays.c.kind, stays.c.stage, stays.c.at, stays.c.next_at).where(
            stays.c.stage.in_(MAIN_PATH), stays.c.next_at.is_not(None)
        )
    ).all()
    return funnel_stats(
        [ReachRow(t, k, int(r), bool(rej), int(n)) for t, k, r, rej, n in reach_rows],
        [
            StayRow(t, k, s, (_utc(b) - _utc(a)).total_seconds() / 86400)
            for t, k, s, a, b in stay_rows
        ],
    )


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


# Events ----------------------------------------------------------------------------------


def _aware(value: datetime, user: User) -> datetime:
    """A naive time is the user's local time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(user.timezone))
    return value.astimezone(UTC)


def _check_contacts(db: Session, user: User, contact_ids: list[int]) -> None:
    ensure_owned(db, user.id, Contact, contact_ids, label="Contact", field="contact_ids")


def list_application_events(db: Session, app: Application) -> Sequence[Event]:
    return db.scalars(
        select(Event)
        .where(Event.application_id == app.id)
        .options(selectinload(Event.contact_links))
        .order_by(Event.starts_at, Event.id)
    ).all()


def create_event(db: Session, user: User, app: Application, body: EventCreate) -> Event:
    values = body.model_dump()
    contact_ids = values.pop("contact_ids")
    ends_at = values.pop("ends_at")
    _check_contacts(db, user, contact_ids)
    event = Event(user_id=user.id, application_id=app.id, **values)
    event.starts_at = _aware(body.starts_at, user)
    if ends_at is not None:
        event.duration_minutes = _minutes(event.starts_at, _aware(ends_at, user))
    event.contact_links = [ContactEvent(contact_id=c) for c in contact_ids]
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
    if "contact_ids" in changes:
        contact_ids = changes.pop("contact_ids") or []
        _check_contacts(db, user, contact_ids)
        event.contact_links = [ContactEvent(contact_id=c) for c in contact_ids]
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


def _contact_links(
    db: Session,
    user: User,
    contact: Contact,
    application_ids: list[int] | None,
    event_ids: list[int] | None,
) -> None:
    if application_ids is not None:
        ensure_owned(
            db, user.id, Application, application_ids, label="Application", field="application_ids"
        )
        contact.application_links = [ContactApplication(application_id=a) for a in application_ids]
    if event_ids is not None:
        ensure_owned(db, user.id, Event, event_ids, label="Event", field="event_ids")
        contact.event_links = [ContactEvent(event_id=e) for e in event_ids]


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
    application_ids = values.pop("application_ids")
    event_ids = values.pop("event_ids")
    if values["organization_id"] is not None:
        ensure_owned(
            db,
            user.id,
            Organization,
            [values["organization_id"]],
            label="Organization",
            field="organization_id",
        )
    contact = Contact(user_id=user.id, **values)
    contact.application_links = []
    contact.event_links = []
    _contact_links(db, user, contact, application_ids, event_ids)
    db.add(contact)
    db.flush()
    return contact


def load_contact(db: Session, contact: Contact) -> Contact:
    return _reload(db, Contact, contact.id, *CONTACT_OPTIONS)


def update_contact(db: Session, user: User, contact: Contact, body: ContactUpdate) -> Contact:
    changes = _plain(body.model_dump(exclude_unset=True), "profile_url")
    contact = load_contact(db, contact)
    if changes.get("organization_id") is not None:
        ensure_owned(
            db,
            user.id,
            Organization,
            [changes["organization_id"]],
            label="Organization",
            field="organization_id",
        )
    _contact_links(
        db,
        user,
        contact,
        changes.pop("application_ids", None) if "application_ids" in changes else None,
        changes.pop("event_ids", None) if "event_ids" in changes else None,
    )
    apply_changes(contact, changes, nullable=CONTACT_NULLABLE, text={"role", "notes"})
    db.flush()
    return contact


def delete_contact(db: Session, contact: Contact) -> None:
    db.delete(contact)
    db.flush()


# Follow-ups ------------------------------------------------------------------------------


def follow_ups(db: Session, user: User, *, today: date, now: datetime, days: int) -> list[FollowUp]:
    """Due by ``today + days``: follow-up dates (open applications, contacts), and
    applications sitting in `applied` with nothing new for a week. Earliest due first."""
    horizon = today + timedelta(days=days)
    zone = ZoneInfo(user.timezone)
    items: list[FollowUp] = []
    apps = db.execute(
        select(Application.id, Application.role, Organization.name, Application.follow_up_on)
        .join(Organization, Organization.id == Application.organization_id)
        .where(
            Application.user_id == user.id,
            Application.follow_up_on <= horizon,
            Application.stage.not_in(CLOSED),
        )
    ).all()
    for app_id, role, org_name, due in apps:
        assert due is not None  # filtered in the query
        items.append(
            FollowUp(
                kind="application",
                id=app_id,
                title=f"{role} at {org_name}",
                organization_name=org_name,
                due_on=due,
                reason="follow_up",
                overdue_days=(today - due).days,
            )
        )
    cutoff = now - timedelta(days=NO_NEWS_DAYS) + timedelta(days=days)
    quiet = db.execute(
        select(Application.id, Application.role, Organization.name, Application.stage_changed_at)
        .join(Organization, Organization.id == Application.organization_id)
        .where(
            Application.user_id == user.id,
            Application.stage == "applied",
            Application.follow_up_on.is_(None),
            Application.stage_changed_at <= cutoff,
            ~exists().where(
                Event.application_id == Application.id,
                Event.created_at > now - timedelta(days=NO_NEWS_DAYS),
            ),
        )
    ).all()
    for app_id, role, org_name, changed_at in quiet:
        due = (changed_at + timedelta(days=NO_NEWS_DAYS)).astimezone(zone).date()
        items.append(
            FollowUp(
                kind="application",
                id=app_id,
                title=f"{role} at {org_name}",
                organization_name=org_name,
                due_on=due,
                reason="no_news",
                overdue_days=(today - due).days,
            )
        )
    contacts = db.execute(
        select(Contact.id, Contact.name, Organization.name, Contact.follow_up_on)
        .outerjoin(Organization, Organization.id == Contact.organization_id)
        .where(Contact.user_id == user.id, Contact.follow_up_on <= horizon)
    ).all()
    for contact_id, name, org_name, due in contacts:
        assert due is not None  # filtered in the query
        items.append(
            FollowUp(
                kind="contact",
                id=contact_id,
                title=name,
                organization_name=org_name,
                due_on=due,
                reason="follow_up",
                overdue_days=(today - due).days,
            )
        )
    items.sort(key=lambda f: (f.due_on, f.kind, f.id))
    return items[:500]


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
    return "'" + text if text.startswith(_FORMULA_START) else text


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
