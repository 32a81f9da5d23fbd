"""The opportunities' sections of the Kaizen document: organizations (with the goals they
demand), contacts, applications with their append-only stage history, and events.

Matching on import (so a second import updates): an organization by name, a contact by name,
an application by organization and role, an event by application, kind, start and title —
the n-th of a name to the n-th row of it. A matched application's history keeps every row it
has and gains the file's rows it lacks (history is never edited); links (goals, contacts) are
replaced by the file's."""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, delete, insert, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kaizen import clock
from kaizen.auth.models import User
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
from kaizen.portability import document as doc
from kaizen.portability.sections import IdMap, Tally, day, match, missing, put, stream_rows


def _url(value: Any) -> str | None:
    return str(value) if value is not None else None


def _links(db: Session, stmt: Select[int, int], ids: IdMap, section: str) -> dict[int, list[int]]:
    """(owner row id, linked row id) pairs → owner row id → sorted document ids."""
    out: dict[int, list[int]] = defaultdict(list)
    for owner, linked in db.execute(stmt):
        out[owner].append(ids.to_doc[section][linked])
    for values in out.values():
        values.sort()
    return out


def _pairs(
    owner: InstrumentedAttribute[int],
    linked: InstrumentedAttribute[int],
    parent_id: InstrumentedAttribute[int],
    parent_user: InstrumentedAttribute[int],
    user: User,
) -> Select[int, int]:
    return (
        select(owner, linked)
        .join(parent_id.class_, parent_id == owner)
        .where(parent_user == user.id)
    )


def _replace_links(
    db: Session,
    model: type[Any],
    owner: str,
    linked: str,
    matched: list[int],
    rows: list[tuple[int, list[int]]],
) -> None:
    """A matched row's links become the file's: its old ones go, the file's are written."""
    column = getattr(model, owner)
    if matched:
        db.execute(delete(model).where(column.in_(matched)))
    values = [{owner: o, linked: t} for o, targets in rows for t in targets]
    if values:
        db.execute(insert(model), values)


# ------------------------------------------------------------------------------- organizations


ORG_FIELDS = (
    "name",
    "type",
    "website",
    "location",
    "notes",
    "interest",
    "rating_growth",
    "rating_learning",
    "rating_work",
    "rating_pay",
    "rating_culture",
)


def export_organizations(db: Session, user: User, ids: IdMap) -> Iterator[dict[str, Any]]:
    orgs = db.scalars(
        select(Organization).where(Organization.user_id == user.id).order_by(Organization.id)
    ).all()
    goals = _links(
        db,
        _pairs(
            OrganizationGoal.organization_id,
            OrganizationGoal.goal_id,
            Organization.id,
            Organization.user_id,
            user,
        ),
        ids,
        "goals",
    )
    for n, org in enumerate(orgs, start=1):
        ids.to_doc["organizations"][org.id] = n
        yield {
            "id": n,
            **{name: getattr(org, name) for name in ORG_FIELDS},
            "goal_ids": goals.get(org.id, []),
        }


def load_organizations(
    db: Session, user: User, items: list[doc.OrganizationDoc], ids: IdMap, tally: Tally
) -> None:
    existing = db.scalars(
        select(Organization).where(Organization.user_id == user.id).order_by(Organization.id)
    ).all()
    matched = match(existing, lambda o: o.name, items, lambda i: i.name)
    rows = []
    for item, row in zip(items, matched, strict=True):
        fields = item.model_dump(exclude={"id", "goal_ids"})
        fields["website"] = _url(item.website)
        rows.append(
            put(db, row, Organization, {"user_id": user.id, **fields}, tally, "organizations")
        )
    db.flush()
    for item, row in zip(items, rows, strict=True):
        ids.to_db["organizations"][item.id] = row.id
    _replace_links(
        db,
        OrganizationGoal,
        "organization_id",
        "goal_id",
        [r.id for r in matched if r is not None],
        [
            (r.id, [ids.to_db["goals"][g] for g in i.goal_ids])
            for i, r in zip(items, rows, strict=True)
        ],
    )


# ------------------------------------------------------------------------------------ contacts

CONTACT_FIELDS = ("name", "role", "email", "profile_url", "notes")


def export_contacts(db: Session, user: User, ids: IdMap) -> Iterator[dict[str, Any]]:
    contacts = db.scalars(
        select(Contact).where(Contact.user_id == user.id).order_by(Contact.id)
    ).all()
    for n, contact in enumerate(contacts, start=1):
        ids.to_doc["contacts"][contact.id] = n
        yield {
            "id": n,
            **{name: getattr(contact, name) for name in CONTACT_FIELDS},
            "organization_id": ids.doc("organizations", contact.organization_id),
            "last_contacted_on": day(contact.last_contacted_on),
            "follow_up_on": day(contact.follow_up_on),
        }


def load_contacts(
    db: Session, user: User, items: list[doc.ContactDoc], ids: IdMap, tally: Tally
) -> None:
    existing = db.scalars(
        select(Contact).where(Contact.user_id == user.id).order_by(Contact.id)
    ).all()
    matched = match(existing, lambda c: c.name, items, lambda i: i.name)
    rows = []
    for item, row in zip(items, matched, strict=True):
        fields = item.model_dump(exclude={"id"})
        fields["profile_url"] = _url(item.profile_url)
        fields["organization_id"] = ids.db("organizations", item.organization_id)
        rows.append(put(db, row, Contact, {"user_id": user.id, **fields}, tally, "contacts"))
    db.flush()
    for item, row in zip(items, rows, strict=True):
        ids.to_db["contacts"][item.id] = row.id


# -------------------------------------------------------------------------------- applications

APP_FIELDS = ("role", "kind", "source", "url", "stage", "notes")
HistoryKey = tuple[str | None, str, Any, str]


def export_applications(db: Session, user: User, ids: IdMap) -> Iterator[dict[str, Any]]:
    goals = _links(
        db,
        _pairs(
            ApplicationGoal.application_id,
            ApplicationGoal.goal_id,
            Application.id,
            Application.user_id,
            user,
        ),
        ids,
        "goals",
    )
    contacts = _links(
        db,
        _pairs(
            ContactApplication.application_id,
            ContactApplication.contact_id,
            Application.id,
            Application.user_id,
            user,
        ),
        ids,
        "contacts",
    )
    history: dict[int, list[tuple[str | None, str, str, str]]] = defaultdict(list)
    for app_id, from_stage, to_stage, at, note in db.execute(
        select(
            StageChange.application_id,
            StageChange.from_stage,
            StageChange.to_stage,
            StageChange.at,
            StageChange.note,
        )
        .join(Application, Application.id == StageChange.application_id)
        .where(Application.user_id == user.id)
        .order_by(StageChange.application_id, StageChange.at, StageChange.id)
    ):
        history[app_id].append((from_stage, to_stage, at.isoformat(), note))
    stmt = (
        select(
            Application.id,
            Application.organization_id,
            Application.applied_on,
            Application.follow_up_on,
            *(getattr(Application, name) for name in APP_FIELDS),
        )
        .where(Application.user_id == user.id)
        .order_by(Application.id)
    )
    for n, app in enumerate(stream_rows(db, stmt), start=1):
        ids.to_doc["applications"][app.id] = n
        yield {
            "id": n,
            "organization_id": ids.to_doc["organizations"][app.organization_id],
            **{name: getattr(app, name) for name in APP_FIELDS},
            "applied_on": day(app.applied_on),
            "follow_up_on": day(app.follow_up_on),
            "goal_ids": goals.get(app.id, []),
            "contact_ids": contacts.get(app.id, []),
            "history": [
                {"from_stage": f, "to_stage": t, "at": at, "note": note}
                for f, t, at, note in history.pop(app.id, [])
            ],
        }


def _history_key(entry: Any) -> HistoryKey:
    return (entry.from_stage, entry.to_stage, entry.at, entry.note)


def load_applications(
    db: Session, user: User, items: list[doc.ApplicationDoc], ids: IdMap, tally: Tally
) -> None:
    existing = db.scalars(
        select(Application).where(Application.user_id == user.id).order_by(Application.id)
    ).all()
    matched = match(
        existing,
        lambda a: (a.organization_id, a.role),
        items,
        lambda i: (ids.to_db["organizations"][i.organization_id], i.role),
    )
    matched_ids = [r.id for r in matched if r is not None]
    kept: dict[int, list[StageChange]] = defaultdict(list)
    if matched_ids:
        for change in db.scalars(
            select(StageChange)
            .where(StageChange.application_id.in_(matched_ids))
            .order_by(StageChange.at, StageChange.id)
        ):
            kept[change.application_id].append(change)
    now = clock.utc_now()
    rows: list[Application] = []
    histories: list[list[doc.StageChangeDoc]] = []
    for item, row in zip(items, matched, strict=True):
        history = item.history or [doc.StageChangeDoc(to_stage=item.stage, at=now)]
        fields = item.model_dump(exclude={"id", "goal_ids", "contact_ids", "history"})
        fields["url"] = _url(item.url)
        fields["organization_id"] = ids.to_db["organizations"][item.organization_id]
        fields["stage_changed_at"] = history[-1].at
        if row is None:
            fields["created_at"] = history[0].at
        else:
            old = kept[row.id]
            history = list(missing(map(_history_key, old), history, _history_key))
            # The stage is the latest of the merged history's (the account may have moved on
            # since the file was written); on equal times the file's rows come after.
            latest: StageChange | doc.StageChangeDoc = old[0] if old else history[-1]
            merged: list[StageChange | doc.StageChangeDoc] = [*old, *history]
            for entry in merged:
                if entry.at >= latest.at:
                    latest = entry
            fields["stage"], fields["stage_changed_at"] = latest.to_stage, latest.at
        rows.append(
            put(db, row, Application, {"user_id": user.id, **fields}, tally, "applications")
        )
        histories.append(history)
    db.flush()
    changes: list[dict[str, Any]] = []
    for item, row, history in zip(items, rows, histories, strict=True):
        ids.to_db["applications"][item.id] = row.id
        changes.extend({"application_id": row.id, **h.model_dump()} for h in history)
    if changes:
        db.execute(insert(StageChange), changes)
        tally.created["stage_changes"] += len(changes)
    pairs = list(zip(items, rows, strict=True))
    _replace_links(
        db,
        ApplicationGoal,
        "application_id",
        "goal_id",
        matched_ids,
        [(r.id, [ids.to_db["goals"][g] for g in i.goal_ids]) for i, r in pairs],
    )
    _replace_links(
        db,
        ContactApplication,
        "application_id",
        "contact_id",
        matched_ids,
        [(r.id, [ids.to_db["contacts"][c] for c in i.contact_ids]) for i, r in pairs],
    )


# -------------------------------------------------------------------------------------- events

EVENT_FIELDS = ("kind", "title", "duration_minutes", "location", "outcome", "notes")


def export_events(db: Session, user: User, ids: IdMap) -> Iterator[dict[str, Any]]:
    contacts = _links(
        db,
        _pairs(ContactEvent.event_id, ContactEvent.contact_id, Event.id, Event.user_id, user),
        ids,
        "contacts",
    )
    stmt = (
        select(
            Event.id,
            Event.application_id,
            Event.starts_at,
            *(getattr(Event, name) for name in EVENT_FIELDS),
        )
        .where(Event.user_id == user.id)
        .order_by(Event.id)
    )
    for n, event in enumerate(stream_rows(db, stmt), start=1):
        ids.to_doc["events"][event.id] = n
        yield {
            "id": n,
            "application_id": ids.to_doc["applications"][event.application_id],
            "starts_at": event.starts_at.isoformat(),
            **{name: getattr(event, name) for name in EVENT_FIELDS},
            "contact_ids": contacts.get(event.id, []),
        }


def load_events(
    db: Session, user: User, items: list[doc.EventDoc], ids: IdMap, tally: Tally
) -> None:
    existing = db.scalars(select(Event).where(Event.user_id == user.id).order_by(Event.id)).all()
    apps = ids.to_db["applications"]
    matched = match(
        existing,
        lambda e: (e.application_id, e.kind, e.starts_at, e.title),
        items,
        lambda i: (apps[i.application_id], i.kind, i.starts_at, i.title),
    )
    rows = []
    for item, row in zip(items, matched, strict=True):
        fields = item.model_dump(exclude={"id", "contact_ids"})
        fields["application_id"] = apps[item.application_id]
        rows.append(put(db, row, Event, {"user_id": user.id, **fields}, tally, "events"))
    db.flush()
    for item, row in zip(items, rows, strict=True):
        ids.to_db["events"][item.id] = row.id
    _replace_links(
        db,
        ContactEvent,
        "event_id",
        "contact_id",
        [r.id for r in matched if r is not None],
        [
            (r.id, [ids.to_db["contacts"][c] for c in i.contact_ids])
            for i, r in zip(items, rows, strict=True)
        ],
    )
