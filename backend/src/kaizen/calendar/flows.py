"""The private calendar feed: its secret (stored hashed), and the ICS document gathering the
user's interviews, assessments, deadlines, follow-ups, sprint dates and daily reminder."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload

from kaizen.auth import security
from kaizen.auth.models import User
from kaizen.calendar.ics import AllDayItem, DailyReminder, TimedItem, build_calendar
from kaizen.calendar.models import CalendarFeed
from kaizen.opportunities.funnel import CLOSED
from kaizen.opportunities.models import Application, Contact, Event, Organization
from kaizen.sprints.models import Sprint

PAST_DAYS = 60  # how far back the feed reaches
MAX_ITEMS = 1000
ALARMS = {
    "interview": timedelta(hours=1),
    "assessment": timedelta(hours=1),
    "deadline": timedelta(days=1),
}
DEFAULT_MINUTES = {"interview": 60, "assessment": 60, "call": 30, "deadline": 0, "message": 0}
KIND_LABEL = {
    "interview": "Interview",
    "assessment": "Assessment",
    "call": "Call",
    "deadline": "Deadline",
}


def feed(db: Session, user: User) -> CalendarFeed | None:
    return db.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user.id))


def rotate(db: Session, user: User) -> str:
    """A new secret for the user's feed (the old URL stops working); returns the secret."""
    secret = security.new_secret()
    row = feed(db, user)
    if row is None:
        db.add(CalendarFeed(user_id=user.id, secret_hash=security.hash_secret(secret)))
    else:
        row.secret_hash = security.hash_secret(secret)
    db.flush()
    return secret


def revoke(db: Session, user: User) -> None:
    db.execute(delete(CalendarFeed).where(CalendarFeed.user_id == user.id))
    db.flush()


def user_for_secret(db: Session, secret: str) -> User | None:
    return db.scalar(
        select(User)
        .join(CalendarFeed, CalendarFeed.user_id == User.id)
        .where(CalendarFeed.secret_hash == security.hash_secret(secret), User.is_active.is_(True))
    )


def ics(db: Session, user: User, now: datetime) -> bytes:
    zone = ZoneInfo(user.timezone)
    today = now.astimezone(zone).date()
    since = today - timedelta(days=PAST_DAYS)
    events = db.scalars(
        select(Event)
        .where(
            Event.user_id == user.id,
            Event.kind != "message",
            Event.starts_at >= now - timedelta(days=PAST_DAYS),
        )
        .options(joinedload(Event.application).joinedload(Application.organization))
        .order_by(Event.starts_at)
        .limit(MAX_ITEMS)
    ).all()
    timed = []
    for e in events:
        app = e.application
        what = f"{app.role} at {app.organization.name}"
        label = KIND_LABEL.get(e.kind, e.kind.title())
        timed.append(
            TimedItem(
                uid=f"event-{e.id}@kaizen",
                summary=f"{label}: {e.title or what}",
                starts_at=e.starts_at,
                minutes=e.duration_minutes or DEFAULT_MINUTES.get(e.kind, 60),
                description=what if e.title else "",
                location=e.location,
                alarm_before=ALARMS.get(e.kind),
            )
        )
    all_day: list[AllDayItem] = []
    follow_ups = db.execute(
        select(Application.id, Application.role, Organization.name, Application.follow_up_on)
        .join(Organization, Organization.id == Application.organization_id)
        .where(
            Application.user_id == user.id,
            Application.follow_up_on >= since,
            Application.stage.not_in(CLOSED),
        )
        .order_by(Application.follow_up_on)
        .limit(MAX_ITEMS)
    ).all()
    for app_id, role, org_name, day in follow_ups:
        assert day is not None  # filtered in the query
        all_day.append(
            AllDayItem(
                f"follow-up-application-{app_id}@kaizen", f"Follow up: {role} at {org_name}", day
            )
        )
    contacts = db.execute(
        select(Contact.id, Contact.name, Contact.follow_up_on)
        .where(Contact.user_id == user.id, Contact.follow_up_on >= since)
        .order_by(Contact.follow_up_on)
        .limit(MAX_ITEMS)
    ).all()
    for contact_id, name, day in contacts:
        assert day is not None  # filtered in the query
        all_day.append(
            AllDayItem(f"follow-up-contact-{contact_id}@kaizen", f"Follow up with {name}", day)
        )
    sprints = db.execute(
        select(Sprint.id, Sprint.title, Sprint.start_date, Sprint.end_date)
        .where(Sprint.user_id == user.id, Sprint.end_date >= since)
        .order_by(Sprint.start_date)
        .limit(200)
    ).all()
    for sprint_id, title, start, end in sprints:
        all_day.append(
            AllDayItem(f"sprint-{sprint_id}-start@kaizen", f"Sprint starts: {title}", start)
        )
        all_day.append(AllDayItem(f"sprint-{sprint_id}-end@kaizen", f"Sprint ends: {title}", end))
    reminder = None
    if user.reminder_time is not None:
        reminder = DailyReminder(
            uid=f"daily-check-in-{user.id}@kaizen",
            summary="Kaizen: daily check-in",
            at=user.reminder_time,
            timezone=user.timezone,
            first_day=user.created_at.astimezone(zone).date(),
        )
    return build_calendar(
        name="Kaizen",
        timezone=user.timezone,
        now=now,
        timed=timed,
        all_day=all_day,
        reminder=reminder,
    )
