"""Export and import of the Kaizen document: one pair of functions per section, registered in
``SECTIONS`` in dependency order (the opportunities' sections are in ``career_format``, reading
and reviews in ``reading_format``), then the account's settings. Ids in the document are local
(1, 2, 3… per section) and links are remapped both ways; secrets (password hash, tokens,
sessions, the calendar feed's secret, idempotency keys) are never exported. Items are matched
on import by what a person would call the same thing (a goal's title, an action item's name, a
sprint's title and start, a portfolio entry's title and kind …), so importing a file twice
updates instead of duplicating."""

import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kaizen import clock
from kaizen.auth.models import User
from kaizen.goals.models import Goal, KeyResult
from kaizen.habits import kept_runs
from kaizen.habits.models import CheckIn, Habit
from kaizen.portability import career_format, checkins, reading_format
from kaizen.portability import document as doc
from kaizen.portability.sections import IdMap, Section, Tally, day, match, put, stream_rows
from kaizen.portfolio.models import PortfolioEntry
from kaizen.sprints import snapshots
from kaizen.sprints.models import Sprint, SprintGoal, SprintHabit

# ------------------------------------------------------------------------------------ export


def export_profile(user: User) -> dict[str, Any]:
    return {
        "display_name": user.display_name,
        "timezone": user.timezone,
        "handle": user.handle,
        "public_profile": user.public_profile,
        "onboarded": user.onboarded,
    }


def _export_goals(db: Session, user: User, ids: IdMap) -> Iterator[dict[str, Any]]:
    goals = db.scalars(
        select(Goal).where(Goal.user_id == user.id).order_by(Goal.position, Goal.id)
    ).all()
    results: dict[int, list[KeyResult]] = defaultdict(list)
    for kr in db.scalars(
        select(KeyResult)
        .join(Goal, Goal.id == KeyResult.goal_id)
        .where(Goal.user_id == user.id)
        .order_by(KeyResult.position, KeyResult.id)
    ):
        results[kr.goal_id].append(kr)
    for n, goal in enumerate(goals, start=1):
        ids.to_doc["goals"][goal.id] = n
        yield {
            "id": n,
            "title": goal.title,
            "description": goal.description,
            "area": goal.area,
            "importance": goal.importance,
            "enthusiasm": goal.enthusiasm,
            "status": goal.status,
            "target_date": day(goal.target_date),
            "position": goal.position,
            "key_results": [
                {
                    "title": kr.title,
                    "start_value": kr.start_value,
                    "current_value": kr.current_value,
                    "target_value": kr.target_value,
                    "unit": kr.unit,
                    "position": kr.position,
                }
                for kr in results[goal.id]
            ],
        }


def _export_habits(db: Session, user: User, ids: IdMap) -> Iterator[dict[str, Any]]:
    habits = db.scalars(
        select(Habit).where(Habit.user_id == user.id).order_by(Habit.position, Habit.id)
    ).all()
    for n, habit in enumerate(habits, start=1):
        ids.to_doc["habits"][habit.id] = n
        # One habit's check-ins at a time, as plain rows: never every object at once.
        rows = db.execute(
            select(CheckIn.day, CheckIn.status, CheckIn.value, CheckIn.note)
            .where(CheckIn.habit_id == habit.id)
            .order_by(CheckIn.day)
        )
        yield {
            "id": n,
            "name": habit.name,
            "description": habit.description,
            "kind": habit.kind,
            "target_value": habit.target_value,
            "unit": habit.unit,
            "target_type": habit.target_type,
            "schedule": habit.schedule,
            "start_date": day(habit.start_date),
            "goal_id": ids.to_doc["goals"].get(habit.goal_id) if habit.goal_id else None,
            "color": habit.color,
            "position": habit.position,
            "archived": habit.archived,
            "check_ins": [
                {"date": d.isoformat(), "status": s, "value": v, "note": note}
                for d, s, v, note in rows
            ],
        }


def _remap_results(results: dict[str, Any] | None, habit_ids: dict[int, int]) -> Any:
    """A frozen scoreboard names its items by id: those ids are remapped too (0 for an item
    deleted since, which no id matches)."""
    if results is None:
        return None
    out = dict(results)
    out["habits"] = [
        {**item, "habit_id": habit_ids.get(int(item.get("habit_id") or 0), 0)}
        for item in results.get("habits", [])
    ]
    if "rescore" in out:
        out["rescore"] = sorted(habit_ids[i] for i in out["rescore"] if i in habit_ids)
    return out


def _export_sprints(db: Session, user: User, ids: IdMap) -> Iterator[dict[str, Any]]:
    habit_links: dict[int, list[int]] = defaultdict(list)
    for link in db.scalars(
        select(SprintHabit)
        .join(Sprint, Sprint.id == SprintHabit.sprint_id)
        .where(Sprint.user_id == user.id)
        .order_by(SprintHabit.position, SprintHabit.habit_id)
    ):
        habit_links[link.sprint_id].append(link.habit_id)
    goal_links: dict[int, list[int]] = defaultdict(list)
    for glink in db.scalars(
        select(SprintGoal)
        .join(Sprint, Sprint.id == SprintGoal.sprint_id)
        .where(Sprint.user_id == user.id)
    ):
        goal_links[glink.sprint_id].append(glink.goal_id)
    # Plain rows a batch at a time: a frozen scoreboard is large, one is held at once.
    stmt = (
        select(
            Sprint.id,
            Sprint.title,
            Sprint.theme,
            Sprint.start_date,
            Sprint.end_date,
            Sprint.target_rate,
            Sprint.plan,
            Sprint.retrospective,
            Sprint.snapshot,
        )
        .where(Sprint.user_id == user.id)
        .order_by(Sprint.start_date, Sprint.id)
    )
    for n, sprint in enumerate(stream_rows(db, stmt), start=1):
        ids.to_doc["sprints"][sprint.id] = n
        yield {
            "id": n,
            "title": sprint.title,
            "theme": sprint.theme,
            "start_date": day(sprint.start_date),
            "end_date": day(sprint.end_date),
            "target_rate": sprint.target_rate,
            "plan": sprint.plan,
            "retrospective": sprint.retrospective,
            "habit_ids": [ids.to_doc["habits"][h] for h in habit_links[sprint.id]],
            "goal_ids": sorted(ids.to_doc["goals"][g] for g in goal_links[sprint.id]),
            "results": _remap_results(sprint.snapshot, ids.to_doc["habits"]),
        }


def _export_portfolio(db: Session, user: User, ids: IdMap) -> Iterator[dict[str, Any]]:
    entries = db.scalars(
        select(PortfolioEntry).where(PortfolioEntry.user_id == user.id).order_by(PortfolioEntry.id)
    ).all()
    for n, entry in enumerate(entries, start=1):
        ids.to_doc["portfolio"][entry.id] = n
        yield {
            "id": n,
            "title": entry.title,
            "kind": entry.kind,
            "status": entry.status,
            "url": entry.url,
            "published_on": day(entry.published_on),
            "goal_id": ids.to_doc["goals"].get(entry.goal_id) if entry.goal_id else None,
            "notes": entry.notes,
        }


def export_settings(db: Session, user: User, ids: IdMap) -> dict[str, Any]:
    """The account's settings; written after the sections, as they point into them."""
    at = user.reminder_time
    return {
        "reminder_time": at.isoformat(timespec="minutes") if at is not None else None,
        "reading": reading_format.export_reading_settings(db, user, ids),
    }


CHUNK = 64 * 1024


def _pieces(db: Session, user: User, now: datetime) -> Iterator[str]:
    head = {
        "format": doc.FORMAT,
        "version": doc.VERSION,
        "exported_at": now.isoformat(),
        "profile": export_profile(user),
    }
    yield json.dumps(head)[:-1]
    ids = IdMap()
    for section in SECTIONS:
        yield f', "{section.name}": ['
        for n, item in enumerate(section.export(db, user, ids)):
            yield (", " if n else "") + json.dumps(item)
        yield "]"
    yield f', "settings": {json.dumps(export_settings(db, user, ids))}}}\n'


def export_chunks(db: Session, user: User, now: datetime) -> Iterator[str]:
    """The document as JSON text, section by section and item by item, in chunks of about
    64 KB: one item (an action item with its check-ins, a reading item with its history) is
    the most ever held as text, next to one section's rows."""
    buffer: list[str] = []
    size = 0
    for piece in _pieces(db, user, now):
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


# ------------------------------------------------------------------------------------ import


def _import_goals(db: Session, user: User, items: list[Any], ids: IdMap, tally: Tally) -> None:
    existing = {g.title: g for g in db.scalars(select(Goal).where(Goal.user_id == user.id)).all()}
    for item in items:
        fields = {"user_id": user.id, **item.model_dump(exclude={"id", "key_results"})}
        goal = put(db, existing.get(item.title), Goal, fields, tally, "goals")
        db.flush()
        ids.to_db["goals"][item.id] = goal.id
        kept = {
            kr.title: kr
            for kr in db.scalars(select(KeyResult).where(KeyResult.goal_id == goal.id)).all()
        }
        for kr_item in item.key_results:
            kr_fields = {"goal_id": goal.id, **kr_item.model_dump()}
            put(db, kept.get(kr_item.title), KeyResult, kr_fields, tally, "key_results")
    db.flush()


def _import_habits(db: Session, user: User, items: list[Any], ids: IdMap, tally: Tally) -> None:
    existing = {h.name: h for h in db.scalars(select(Habit).where(Habit.user_id == user.id)).all()}
    pending: list[tuple[int, date, str, float | None, str]] = []
    touched: list[tuple[int, date, date]] = []
    today = clock.local_today(user.timezone)
    for item in items:
        habit = existing.get(item.name)
        if habit is not None and item.check_ins:
            days = [c.date for c in item.check_ins]
            touched.append((habit.id, min(days), max(days)))
        schedule = item.schedule
        fields = item.model_dump(exclude={"id", "check_ins", "schedule", "goal_id"})
        fields["goal_id"] = ids.to_db["goals"][item.goal_id] if item.goal_id else None
        fields["schedule_type"] = schedule.type
        fields["schedule_days"] = (
            "".join(str(d) for d in schedule.days) if schedule.type == "weekdays" else None
        )
        fields["schedule_times"] = schedule.times if schedule.type == "times_per_week" else None
        habit = put(db, habit, Habit, {"user_id": user.id, **fields}, tally, "habits")
        db.flush()
        ids.to_db["habits"][item.id] = habit.id
        pending.extend((habit.id, c.date, c.status.value, c.value, c.note) for c in item.check_ins)
    created, updated = checkins.upsert(db, pending)
    # The imported items' current runs are kept again from what is stored now.
    kept_runs.refresh_ids(db, list(ids.to_db["habits"].values()), today)
    # Finished sprints already holding a matched item keep results re-scored from the new days.
    for habit_id, first, last in touched:
        snapshots.rescore_habit_days(db, habit_id, first, last, today)
    tally.created["check_ins"] += created
    tally.updated["check_ins"] += updated


def _import_sprints(db: Session, user: User, items: list[Any], ids: IdMap, tally: Tally) -> None:
    existing = {
        (s.title, s.start_date): s
        for s in db.scalars(select(Sprint).where(Sprint.user_id == user.id)).all()
    }
    back = ids.to_db["habits"]
    for item in items:
        sprint = existing.get((item.title, item.start_date))
        fields = item.model_dump(exclude={"id", "habit_ids", "goal_ids", "results"})
        fields["snapshot"] = _remap_results(item.results, back)
        if sprint is not None:  # its links are replaced by the file's
            db.execute(delete(SprintHabit).where(SprintHabit.sprint_id == sprint.id))
            db.execute(delete(SprintGoal).where(SprintGoal.sprint_id == sprint.id))
        sprint = put(db, sprint, Sprint, {"user_id": user.id, **fields}, tally, "sprints")
        db.flush()
        ids.to_db["sprints"][item.id] = sprint.id
        db.add_all(
            SprintHabit(sprint_id=sprint.id, habit_id=ids.to_db["habits"][h], position=i)
            for i, h in enumerate(item.habit_ids, start=1)
        )
        db.add_all(
            SprintGoal(sprint_id=sprint.id, goal_id=ids.to_db["goals"][g]) for g in item.goal_ids
        )
    db.flush()


def _import_portfolio(db: Session, user: User, items: list[Any], ids: IdMap, tally: Tally) -> None:
    existing = db.scalars(
        select(PortfolioEntry).where(PortfolioEntry.user_id == user.id).order_by(PortfolioEntry.id)
    ).all()
    matched = match(existing, lambda e: (e.title, e.kind), items, lambda i: (i.title, i.kind))
    rows = []
    for item, entry in zip(items, matched, strict=True):
        fields = item.model_dump(exclude={"id", "goal_id", "url"})
        fields["url"] = str(item.url) if item.url else None
        fields["goal_id"] = ids.to_db["goals"][item.goal_id] if item.goal_id else None
        rows.append(
            put(db, entry, PortfolioEntry, {"user_id": user.id, **fields}, tally, "portfolio")
        )
    db.flush()
    for item, entry in zip(items, rows, strict=True):
        ids.to_db["portfolio"][item.id] = entry.id


# In dependency order: a section only links to sections before it.
SECTIONS = [
    Section("goals", _export_goals, _import_goals, {}),
    Section("habits", _export_habits, _import_habits, {"goal_id": "goals"}),
    Section(
        "sprints", _export_sprints, _import_sprints, {"habit_ids": "habits", "goal_ids": "goals"}
    ),
    Section("portfolio", _export_portfolio, _import_portfolio, {"goal_id": "goals"}),
    Section(
        "organizations",
        career_format.export_organizations,
        career_format.load_organizations,
        {"goal_ids": "goals"},
    ),
    Section(
        "contacts",
        career_format.export_contacts,
        career_format.load_contacts,
        {"organization_id": "organizations"},
    ),
    Section(
        "applications",
        career_format.export_applications,
        career_format.load_applications,
        {"organization_id": "organizations", "goal_ids": "goals", "contact_ids": "contacts"},
    ),
    Section(
        "events",
        career_format.export_events,
        career_format.load_events,
        {"application_id": "applications", "contact_ids": "contacts"},
    ),
    Section(
        "reading_items",
        reading_format.export_reading_items,
        reading_format.load_reading_items,
        {"goal_id": "goals", "writeup_id": "portfolio", "implementation_id": "portfolio"},
    ),
    Section(
        "weekly_reviews",
        reading_format.export_weekly_reviews,
        reading_format.load_weekly_reviews,
        {},
    ),
]
# Keys that must be unique within a section (what a second import matches on).
UNIQUE = {
    "habits": "name",
    "goals": "title",
    "reading_items": "citation_key",
    "weekly_reviews": "week",
}


def validation_errors(
    raw: Any, handle_taken: Callable[[str], bool]
) -> tuple[doc.KaizenDocument | None, list[tuple[str, str]]]:
    """The whole document checked before anything is written: its shape, then its links."""
    try:
        document = doc.KaizenDocument.model_validate(raw)
    except ValidationError as exc:
        return None, [(doc.json_path(tuple(e["loc"])), e["msg"]) for e in exc.errors()[:100]]
    errors: list[tuple[str, str]] = []
    known: dict[str, set[int]] = {}
    for section in SECTIONS:
        items = getattr(document, section.name)
        seen: set[int] = set()
        for i, item in enumerate(items):
            item_id = getattr(item, "id", None)
            if item_id in seen:
                errors.append((f"$.{section.name}[{i}].id", f"id {item_id} is used twice"))
            if item_id is not None:
                seen.add(item_id)
            for field_name, target in section.links.items():
                value = getattr(item, field_name)
                for ref in value if isinstance(value, list) else [value]:
                    if ref is not None and ref not in known[target]:
                        errors.append(
                            (
                                f"$.{section.name}[{i}].{field_name}",
                                f"no {target} item has id {ref}",
                            )
                        )
        known[section.name] = seen
    for i, habit in enumerate(document.habits):
        if habit.kind == "numeric" and habit.target_value is None:
            errors.append((f"$.habits[{i}].target_value", "a numeric habit needs a target_value"))
        days: set[date] = set()
        for j, c in enumerate(habit.check_ins):
            if c.date in days:
                errors.append((f"$.habits[{i}].check_ins[{j}].date", f"{c.date} appears twice"))
            if c.date < habit.start_date:
                errors.append(
                    (f"$.habits[{i}].check_ins[{j}].date", f"{c.date} is before start_date")
                )
            days.add(c.date)
    for name, key in UNIQUE.items():
        values: set[Any] = set()
        for i, item in enumerate(getattr(document, name)):
            value = getattr(item, key)
            if value in values:
                errors.append((f"$.{name}[{i}].{key}", f"{value!r} appears twice"))
            values.add(value)
    for i, sprint in enumerate(document.sprints):
        if sprint.end_date < sprint.start_date:
            errors.append((f"$.sprints[{i}].end_date", "end_date is before start_date"))
    errors.extend(_later_section_errors(document, known))
    if document.profile.handle and handle_taken(document.profile.handle):
        errors.append(("$.profile.handle", "this handle is taken on this server"))
    return document, errors[:100]


def _later_section_errors(
    document: doc.KaizenDocument, known: dict[str, set[int]]
) -> Iterator[tuple[str, str]]:
    """Checks of the sections added after the first release: histories and nested links."""
    for i, app in enumerate(document.applications):
        where = f"$.applications[{i}]"
        if app.history and app.history[-1].to_stage != app.stage:
            yield (f"{where}.stage", "the last history entry's to_stage must be the stage")
        for j in range(1, len(app.history)):
            if app.history[j].at < app.history[j - 1].at:
                yield (f"{where}.history[{j}].at", "history must be oldest first")
    numeric = {h.id for h in document.habits if h.kind == "numeric"}
    for i, item in enumerate(document.reading_items):
        for j, log in enumerate(item.progress_log):
            if log.habit_id is not None and log.habit_id not in known["habits"]:
                yield (
                    f"$.reading_items[{i}].progress_log[{j}].habit_id",
                    f"no habits item has id {log.habit_id}",
                )
    if document.settings is not None:
        habit_id = document.settings.reading.habit_id
        if habit_id is not None and habit_id not in numeric:
            yield ("$.settings.reading.habit_id", f"no numeric habits item has id {habit_id}")


def load_settings(db: Session, user: User, settings: doc.SettingsDoc, ids: IdMap) -> None:
    user.reminder_time = settings.reminder_time
    reading_format.load_reading_settings(db, user, settings.reading, ids)


def load_document(db: Session, user: User, document: doc.KaizenDocument) -> Tally:
    profile = document.profile
    user.display_name, user.timezone = profile.display_name, profile.timezone
    user.handle, user.public_profile = profile.handle, profile.public_profile
    user.onboarded = profile.onboarded
    ids, tally = IdMap(), Tally()
    for section in SECTIONS:
        section.load(db, user, getattr(document, section.name), ids, tally)
    if document.settings is not None:
        load_settings(db, user, document.settings, ids)
    db.flush()
    return tally
