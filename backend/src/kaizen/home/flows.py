"""The home screen: one request for the day across every domain.

A flow: it calls the habits service, the follow-ups due (``opportunities.follow_ups``: the
follow-ups service's answer in one statement), the running sprint's board
(``sprints.running``, scored from the check-ins Today's section read) and the cross-domain
reads in ``activity.py``; each part runs a fixed number of queries.
"""

from datetime import date, datetime, timedelta
from typing import Any

from pydantic_core import to_json
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.habits import service as habits
from kaizen.home import activity
from kaizen.opportunities import follow_ups
from kaizen.sprints.running import running_board

READING_SHOWN = 3
EVENT_DAYS = 7
IDLE_DAYS = 14


def _sprint(db: Session, user: User, today: date, read: habits.TodayReads) -> dict[str, Any] | None:
    """``HomeSprint``'s JSON values: the running sprint's scoreboard, scored from the check-ins
    Today's section has just read (``sprints.running``)."""
    running = running_board(
        db, user.id, today, read.statuses, {h.id for h in read.habits}, read.since
    )
    if running is None:
        return None
    items = running.board["habits"]
    return {
        "id": running.id,
        "title": running.title,
        "board": running.board,
        "days_needed": sum(item.still_needed for item in items),
        "reachable": all(item.feasible for item in items),
    }


def goals(db: Session, user: User, today: date) -> tuple[int, list[dict[str, object]]]:
    """How many goals are active, and ``IdleGoal``'s JSON values for those left alone for
    ``IDLE_DAYS``."""
    start = today - timedelta(days=IDLE_DAYS - 1)
    active, rows = activity.goals_card(db, user, start, today)
    return active, [{"id": goal_id, "title": title, "area": area} for goal_id, title, area in rows]


def home(db: Session, user: User, today: date, now: datetime) -> bytes:
    """``GET /home``'s body (``HomeRead``, serialised once). The action items are Today's own
    plain values (``habits.today_read``), not validated a second time, and the running sprint's
    scoreboard is scored from the check-ins they were read from; the reading card, events,
    goals and published entries are plain values too (``activity``), and so are the follow-ups
    (``opportunities.follow_ups``). Tests compare the bytes with the validated ``HomeRead``
    (``tests/habits/test_today_payload.py``, ``tests/home``)."""
    queue = activity.reading_top(db, user, READING_SHOWN)
    # Being read comes before merely queued; the queue order holds within each.
    queue = sorted(queue, key=lambda item: item["status"] != "reading")
    events = activity.events_between(db, user, today, today + timedelta(days=EVENT_DAYS - 1))
    read = habits.today_read(db, user, today)
    active_goals, idle_goals = goals(db, user, today)
    body = {
        "date": today,
        "timezone": user.timezone,
        "habits": read.items,
        "sprint": _sprint(db, user, today, read),
        "reading": queue,
        "events": events,
        "follow_ups": follow_ups.due(db, user, today=today, now=now),
        "active_goals": active_goals,
        "idle_goals": idle_goals,
        "published": activity.published_between(db, user, today.replace(day=1), today),
    }
    return to_json(body, by_alias=True)
