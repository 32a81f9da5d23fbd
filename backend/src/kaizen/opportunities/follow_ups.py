"""What is due for a follow-up, as plain values, for the home screen: ``service.follow_ups``'s
answer (``GET /follow-ups``) in one statement built once, as ``FollowUp``'s JSON values.

The three statements of ``service.follow_ups`` (applications with a follow-up date due,
applications sitting in `applied` with nothing new for a week, contacts with a follow-up date
due), the same objects, as the branches of one ``UNION ALL``; each branch's own columns kept
apart (a branch fills the others with NULL), so every column keeps its type's result
processing. No pydantic object: the card is serialised
with the rest of Home's body. ``tests/home/test_home_follow_ups.py`` compares the result with
the endpoint's.
"""

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, Integer, literal, null, select
from sqlalchemy import cast as sql_cast
from sqlalchemy import type_coerce as coerce
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.db import UTCDateTime
from kaizen.opportunities.service import NO_NEWS_DAYS, follow_up_queries

LIMIT = 500  # as service.follow_ups


def _statement() -> Any:
    """The follow-ups service's own three statements (parameters ``user``, ``horizon``,
    ``now``, ``cutoff``), each as a branch of one ``UNION ALL`` with the columns: the branch
    (0 follow-up date, 1 no news, 2 contact), id, role or name, organization name, follow-up
    date, stage changed at, last event logged at."""
    queries = follow_up_queries()
    no_date = sql_cast(null(), Date)
    no_instant = coerce(null(), UTCDateTime())
    applications, quiet, contacts = (
        q.subquery() for q in (queries.applications, queries.quiet, queries.contacts)
    )
    app_id, role, org_name, follow_up_on = applications.c
    dated = select(
        literal(0, Integer), app_id, role, org_name, follow_up_on, no_instant, no_instant
    )
    app_id, role, org_name, changed_at, event_logged_at = quiet.c
    silent = select(
        literal(1, Integer), app_id, role, org_name, no_date, changed_at, event_logged_at
    )
    contact_id, name, org_name, follow_up_on = contacts.c
    people = select(
        literal(2, Integer), contact_id, name, org_name, follow_up_on, no_instant, no_instant
    )
    return dated.union_all(silent, people)


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
