"""The heavy user's opportunities, reading and weekly reviews, written straight in SQL.

Bulk ``INSERT``s like ``seed.py`` (no HTTP, no service calls), deterministic per user key:

- 60 organizations of the seven types (interest and ratings on most), 500 applications
  across them with a stage history from ``wishlist``/``applied`` onward (``stage_changes``
  rows: about half get to screening, some to interviews, a few offers; many end rejected,
  ghosted or withdrawn; the last 60 days stay open), ``applied_on`` on every applied one,
  follow-up dates on some open ones (overdue and upcoming), goal links on a few;
- 2,000 application events over the five years plus the coming six weeks;
- 40 contacts (follow-ups and last-contacted dates on some) linked to applications and events;
- 3,000 reading items (queue positions 1..n, six kinds, done / dropped / reading / queued),
  each with its status history, and progress logs on a few hundred days;
- saved reflections on this ISO week and the one before.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from kaizen.opportunities.models import (
    Application,
    ApplicationGoal,
    Contact,
    ContactApplication,
    ContactEvent,
    Event,
    Organization,
    StageChange,
)
from kaizen.reading.models import ReadingItem, ReadingProgressLog, ReadingStatusChange
from kaizen.reviews.models import WeeklyReviewNote

ORGANIZATIONS = 60
APPLICATIONS = 500
EVENTS = 2_000
CONTACTS = 40
READING_ITEMS = 3_000
PROGRESS_DAYS = 400
ORG_TYPES = (
    "analytics", "ai_product", "big_tech", "research_lab", "university", "open_source", "other"
)  # fmt: skip
INTERESTS = ("boring", "meh", "okay", "interesting", "exciting")
APP_KINDS = ("job",) * 6 + ("internship", "research_collaboration", "open_source", "outreach")
EVENT_KINDS = ("interview", "assessment", "call", "deadline", "message")
READING_KINDS = ("paper",) * 4 + ("book",) * 2 + ("article",) * 2 + ("course", "video", "chapter")
CHUNK = 5_000


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(3, 15), rng.randint(0, 59)), UTC)


def _bulk(db: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        db.execute(insert(model), rows[start : start + CHUNK])


def _ids(db: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert and return the new ids in the rows' order."""
    ids: list[int] = []
    for start in range(0, len(rows), CHUNK):
        stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
        ids.extend(db.scalars(stmt, rows[start : start + CHUNK]).all())
    return ids


def _history(
    rng: random.Random, created: date, today: date
) -> tuple[list[tuple[str | None, str, date]], date | None]:
    """The stages an application went through: (from, to, day) rows and its applied date."""
    rows: list[tuple[str | None, str, date]] = []
    day = created
    open_ = (today - created).days < 60  # recent ones are still in flight
    if rng.random() < 0.3:
        rows.append((None, "wishlist", day))
        if rng.random() < 0.12:
            return rows, None  # still on the wishlist (or dropped there)
        day += timedelta(days=rng.randint(1, 14))
    rows.append((rows[-1][1] if rows else None, "applied", day))
    applied_on = day
    path = ("screening", "interviewing", "offer", "accepted")
    chances = (0.5, 0.55, 0.25, 0.5)
    for stage, chance in zip(path, chances, strict=True):
        step = day + timedelta(days=rng.randint(3, 21))
        if step >= today:
            return rows, applied_on
        if rng.random() >= chance:
            if open_ and rng.random() < 0.6:
                return rows, applied_on  # still waiting
            ending = rng.choices(("rejected", "ghosted", "withdrawn"), (6, 3, 1))[0]
            rows.append((rows[-1][1], ending, step))
            return rows, applied_on
        rows.append((rows[-1][1], stage, step))
        day = step
    return rows, applied_on


def seed_opportunities(
    db: Session, rng: random.Random, user_id: int, goal_ids: list[int], start: date, today: date
) -> dict[str, int]:
    span = (today - start).days
    orgs = [
        {
            "user_id": user_id,
            "name": f"Organization {o}",
            "type": ORG_TYPES[o % len(ORG_TYPES)],
            "website": f"https://org{o}.example.com",
            "location": rng.choice(("Bengaluru", "Remote", "Berlin", "London", "")),
            "notes": "",
            "interest": rng.choice((*INTERESTS, None)),
            **{
                f"rating_{r}": rng.choice((None, 1, 2, 3, 4, 5))
                for r in ("growth", "learning", "work", "pay", "culture")
            },
        }
        for o in range(ORGANIZATIONS)
    ]
    org_ids = _ids(db, Organization, orgs)
    apps: list[dict[str, Any]] = []
    histories: list[list[tuple[str | None, str, date]]] = []
    for a in range(APPLICATIONS):
        created = start + timedelta(days=int(span * (a + rng.random()) / APPLICATIONS))
        rows, applied_on = _history(rng, created, today)
        stage, last = rows[-1][1], rows[-1][2]
        follow_up = None
        if stage not in ("rejected", "ghosted", "withdrawn", "accepted") and rng.random() < 0.4:
            follow_up = today + timedelta(days=rng.randint(-10, 20))
        apps.append(
            {
                "user_id": user_id,
                "organization_id": org_ids[rng.randrange(ORGANIZATIONS)],
                "role": f"Role {a % 37}",
                "kind": rng.choice(APP_KINDS),
                "source": rng.choice(("referral", "careers page", "LinkedIn", "")),
                "url": f"https://jobs.example.com/{a}",
                "stage": stage,
                "stage_changed_at": _at(last, rng),
                "applied_on": applied_on,
                "follow_up_on": follow_up,
                "notes": "",
                "created_at": _at(created, rng),
                "updated_at": _at(last, rng),
            }
        )
        histories.append(rows)
    app_ids = _ids(db, Application, apps)
    changes = [
        {"application_id": app_id, "from_stage": f, "to_stage": t, "at": _at(d, rng), "note": ""}
        for app_id, rows in zip(app_ids, histories, strict=True)
        for f, t, d in rows
    ]
    _bulk(db, StageChange, changes)
    _bulk(
        db,
        ApplicationGoal,
        [{"application_id": app_id, "goal_id": rng.choice(goal_ids)} for app_id in app_ids[::7]],
    )
    # Events: most during an application's life, about 5 % in the coming six weeks.
    events: list[dict[str, Any]] = []
    open_apps = [
        i for i, app in enumerate(apps) if app["stage"] in ("applied", "screening", "interviewing")
    ]
    for e in range(EVENTS):
        if e % 20 == 0 and open_apps:
            i = rng.choice(open_apps)
            day = today + timedelta(days=rng.randint(0, 42))
        else:
            i = rng.randrange(APPLICATIONS)
            first, last = histories[i][0][2], histories[i][-1][2]
            day = first + timedelta(days=rng.randint(0, max((last - first).days, 0) + 3))
        events.append(
            {
                "user_id": user_id,
                "application_id": app_ids[i],
                "kind": rng.choice(EVENT_KINDS),
                "title": f"Event {e}",
                "starts_at": _at(day, rng),
                "duration_minutes": rng.choice((None, 30, 45, 60)),
                "location": "",
                "outcome": "",
                "notes": "",
            }
        )
    event_ids = _ids(db, Event, events)
    contacts = [
        {
            "user_id": user_id,
            "name": f"Contact {c}",
            "role": rng.choice(("Recruiter", "Engineer", "Researcher", "Manager")),
            "organization_id": rng.choice((*org_ids, None)),
            "email": f"contact{c}@example.com",
            "notes": "",
            "last_contacted_on": today - timedelta(days=rng.randint(1, span)),
            "follow_up_on": today + timedelta(days=rng.randint(-5, 15)) if c % 4 == 0 else None,
        }
        for c in range(CONTACTS)
    ]
    contact_ids = _ids(db, Contact, contacts)
    _bulk(
        db,
        ContactApplication,
        [
            {"contact_id": cid, "application_id": app_id}
            for cid in contact_ids
            for app_id in sorted(set(rng.sample(app_ids, 3)))
        ],
    )
    _bulk(
        db,
        ContactEvent,
        [
            {"contact_id": cid, "event_id": event_id}
            for cid in contact_ids
            for event_id in sorted(set(rng.sample(event_ids, 5)))
        ],
    )
    return {
        "organizations": len(org_ids),
        "applications": len(app_ids),
        "stage changes": len(changes),
        "events": len(event_ids),
        "contacts": len(contact_ids),
    }


def seed_reading(
    db: Session, rng: random.Random, user_id: int, goal_ids: list[int], start: date, today: date
) -> dict[str, int]:
    span = (today - start).days
    items: list[dict[str, Any]] = []
    plans: list[list[tuple[str, date]]] = []
    for r in range(READING_ITEMS):
        added = start + timedelta(days=int(span * (r + rng.random()) / READING_ITEMS))
        kind = rng.choice(READING_KINDS)
        roll = rng.random()
        history = [("queued", added)]
        started = finished = None
        age = (today - added).days
        if age > 30 and roll < 0.6:
            started = added + timedelta(days=rng.randint(0, min(age // 2, 200)))
            finished = started + timedelta(days=rng.randint(0, min((today - started).days, 60)))
            history += [("reading", started), ("done" if roll < 0.53 else "dropped", finished)]
        elif roll > 0.99:
            started = added + timedelta(days=rng.randint(0, age)) if age else added
            history.append(("reading", started))
        status = history[-1][0]
        total = rng.choice((12.0, 20.0, 35.0, 300.0)) if kind in ("paper", "book") else None
        items.append(
            {
                "user_id": user_id,
                "kind": kind,
                "title": f"Reading item {r}: on the scaling of things",
                "authors_text": f"Author {r % 97}\nAuthor {r % 53}",
                "year": 1990 + r % 36,
                "venue": rng.choice((None, "NeurIPS", "ICML", "VLDB", "O'Reilly")),
                "url": f"https://example.org/read/{r}",
                "arxiv_id": f"2{r % 5}01.{r:05d}" if kind == "paper" else None,
                "tags_text": f"|tag{r % 11}|tag{r % 7}|",
                "citation_key": f"author{r % 97}{1990 + r % 36}item{r}",
                "status": status,
                "read_through": 1,
                "started_on": started,
                "finished_on": finished if status in ("done", "dropped") else None,
                "position": r + 1,
                "progress_current": (total or 100.0) if status == "done" else 0.0,
                "progress_total": total,
                "progress_unit": "pages" if total else "percent",
                "rating": rng.choice((None, 3, 4, 5)) if status == "done" else None,
                "notes": "",
                "goal_id": rng.choice(goal_ids) if r % 10 == 0 else None,
                "created_at": _at(added, rng),
                "updated_at": _at(history[-1][1], rng),
            }
        )
        plans.append(history)
    item_ids = _ids(db, ReadingItem, items)
    changes = [
        {"item_id": item_id, "status": s, "day": d, "read_through": 1}
        for item_id, history in zip(item_ids, plans, strict=True)
        for s, d in history
    ]
    _bulk(db, ReadingStatusChange, changes)
    # Progress on about 400 days: logs against items being read at the time (or just read).
    readable = [
        (item_id, h[1][1], h[-1][1])
        for item_id, h in zip(item_ids, plans, strict=True)
        if len(h) > 1
    ]
    days = sorted(rng.sample(range(span), PROGRESS_DAYS))
    logs: list[dict[str, Any]] = []
    for offset in days:
        day = start + timedelta(days=offset)
        for _ in range(rng.randint(1, 3)):
            item_id, began, _ended = rng.choice(readable)
            logs.append(
                {
                    "user_id": user_id,
                    "item_id": item_id,
                    "day": max(day, began),
                    "amount": float(rng.randint(2, 40)),
                    "unit": "pages",
                    "read_through": 1,
                }
            )
    _bulk(db, ReadingProgressLog, logs)
    return {
        "reading items": len(item_ids),
        "status changes": len(changes),
        "progress logs": len(logs),
    }


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def seed_reviews(db: Session, user_id: int, today: date) -> dict[str, int]:
    weeks = [iso_week(today - timedelta(days=7)), iso_week(today)]
    _bulk(
        db,
        WeeklyReviewNote,
        [
            {"user_id": user_id, "week": w, "reflection": f"Reflection on {w}: steady week."}
            for w in weeks
        ],
    )
    return {"weekly reviews": len(weeks)}


def seed_domains(
    db: Session, key: str, user_id: int, goal_ids: list[int], start: date, today: date
) -> dict[str, int]:
    rng = random.Random(f"kaizen-bench-domains-{key}")
    counts = seed_opportunities(db, rng, user_id, goal_ids, start, today)
    counts |= seed_reading(db, rng, user_id, goal_ids, start, today)
    counts |= seed_reviews(db, user_id, today)
    return counts
