"""What is due for a follow-up, as plain values, for the home screen: ``service.follow_ups``'s
answer (``GET /follow-ups``) in one statement built once, as ``FollowUp``'s JSON values.

The three reads of ``service.follow_ups`` (applications with a follow-up date due, applications
sitting in `applied` with nothing new for a week, contacts with a follow-up date due) as one
``UNION ALL``, each branch's own columns kept apart (a branch fills the others with NULL), so
every column keeps its type's result processing. No pydantic object: the card is serialised
with the rest of Home's body. ``tests/home/test_home_follow_ups.py`` compares the result with
the endpoint's.
"""

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, Integer, String, bindparam, exists, func, literal, null, or_, select
from sqlalchemy import cast as sql_cast
from sqlalchemy import type_coerce as coerce
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.db import UTCDateTime
from kaizen.opportunities.funnel import CLOSED
from kaizen.opportunities.models import Application, Contact, Event, Organization
from kaizen.opportunities.service import NO_NEWS_DAYS

LIMIT = 500  # as service.follow_ups


def _statement() -> Any:
    """Parameters: ``user``, ``horizon`` (a date), ``now`` and ``cutoff`` (instants). Columns:
    the branch (0 follow-up date, 1 no news, 2 contact), id, role or name, organization name,
    follow-up date, stage changed at, last event logged at."""
    user = bindparam("user", type_=Integer)
    horizon = bindparam("horizon", type_=Date)
    now, cutoff = bindparam("now", type_=UTCDateTime()), bindparam("cutoff", type_=UTCDateTime())
    no_date = sql_cast(null(), Date)
    no_instant = coerce(null(), UTCDateTime())
    # Each closed stage as its own literal: no expanding parameter to render on every call.
    open_stage = Application.stage.not_in([literal(s, String) for s in sorted(CLOSED)])
    applications = (
        select(
            literal(0, Integer).label("branch"),
            Application.id.label("id"),
            Application.role.label("title"),
            Organization.name.label("organization_name"),
            Application.follow_up_on.label("due_on"),
            no_instant.label("changed_at"),
            no_instant.label("event_logged_at"),
        )
        .join(Organization, Organization.id == Application.organization_id)
        .where(
            Application.user_id == user,
            Application.follow_up_on <= horizon,
            open_stage,
        )
    )
    last_event = (
        select(func.max(Event.created_at))
        .where(Event.application_id == Application.id)
        .scalar_subquery()
    )
    quiet = (
        select(
            literal(1, Integer),
            Application.id,
            Application.role,
            Organization.name,
            no_date,
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
        select(
            literal(2, Integer),
            Contact.id,
            Contact.name,
            Organization.name,
            Contact.follow_up_on,
            no_instant,
            no_instant,
        )
        .outerjoin(Organization, Organization.id == Contact.organization_id)
        .where(Contact.user_id == user, Contact.follow_up_on <= horizon)
    )
    return applications.union_all(quiet, contacts)


_FOLLOW_UPS = _statement()


def due(db: Session, user: User, *, today: date, now: datetime) -> list[dict[str, Any]]:
    """``service.follow_ups(db, user, today=today, now=now, days=0)`` as ``FollowUp``'s JSON
    values in its field order: due by ``today``, earliest first, in one query."""
    zone = ZoneInfo(user.timezone)
    params = {
        "user": user.id,
        "horizon": today,
        "now": now,
        # Quiet: nothing new (a stage change or a logged event) for a week.
        "cutoff": now - timedelta(days=NO_NEWS_DAYS),
    }
    items = []
    for (
        branch,
        row_id,
        name,
        org_name,
        due_on,
        changed_at,
        event_logged_at,
    ) in db.connection().execute(_FOLLOW_UPS, params):
        if branch == 1:
            news_at = max(changed_at, event_logged_at) if event_logged_at else changed_at
            due_on = (news_at + timedelta(days=NO_NEWS_DAYS)).astimezone(zone).date()
        items.append(
            {
                "kind": "contact" if branch == 2 else "application",
                "id": row_id,
                "title": name if branch == 2 else f"{name} at {org_name}",
                "organization_name": org_name,
                "due_on": due_on,
                "reason": "no_news" if branch == 1 else "follow_up",
                "overdue_days": (today - due_on).days,
            }
        )
    items.sort(key=lambda f: (f["due_on"], f["kind"], f["id"]))
    return items[:LIMIT]
