"""The reading queue's and the weekly reviews' sections of the Kaizen document.

A reading item is matched on import by its citation key (unique per account, stable across
edits); its status history and progress log are append-only, so a matched item keeps every
row it has and gains the file's rows it lacks. A saved review is matched by its ISO week."""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.portability import document as doc
from kaizen.portability.sections import (
    Children,
    IdMap,
    Tally,
    day,
    match,
    missing,
    put,
    stream_rows,
)
from kaizen.reading.models import (
    AUTHOR_SEPARATOR,
    TAG_SEPARATOR,
    ReadingItem,
    ReadingProgressLog,
    ReadingSettings,
    ReadingStatusChange,
)
from kaizen.reviews.models import WeeklyReviewNote

PLAIN_FIELDS = (
    "title",
    "kind",
    "authors_text",
    "year",
    "venue",
    "url",
    "arxiv_id",
    "doi",
    "isbn",
    "tags_text",
    "citation_key",
    "status",
    "read_through",
    "position",
    "progress_current",
    "progress_total",
    "progress_unit",
    "rating",
    "notes",
    "started_on",
    "finished_on",
)
# Written as they are; the rest are turned into the document's form.
AS_IS = tuple(
    f for f in PLAIN_FIELDS if f not in {"authors_text", "tags_text", "started_on", "finished_on"}
)
LINKS = (ReadingItem.goal_id, ReadingItem.writeup_id, ReadingItem.implementation_id)
StatusKey = tuple[str, Any, int]
ProgressKey = tuple[Any, float, str, int]


def export_reading_items(db: Session, user: User, ids: IdMap) -> Iterator[dict[str, Any]]:
    # Three streams in the queue's order, read side by side a batch at a time: the items, their
    # status changes and their progress logs (the largest part of this section).
    queue = (ReadingItem.position, ReadingItem.id)
    statuses = Children(
        stream_rows(
            db,
            select(
                ReadingStatusChange.item_id,
                ReadingStatusChange.status,
                ReadingStatusChange.day,
                ReadingStatusChange.read_through,
            )
            .join(ReadingItem, ReadingItem.id == ReadingStatusChange.item_id)
            .where(ReadingItem.user_id == user.id)
            .order_by(*queue, ReadingStatusChange.id),
        )
    )
    logs = Children(
        stream_rows(
            db,
            select(
                ReadingProgressLog.item_id,
                ReadingProgressLog.day,
                ReadingProgressLog.amount,
                ReadingProgressLog.unit,
                ReadingProgressLog.read_through,
                ReadingProgressLog.habit_id,
            )
            .join(ReadingItem, ReadingItem.id == ReadingProgressLog.item_id)
            .where(ReadingItem.user_id == user.id)
            .order_by(*queue, ReadingProgressLog.day, ReadingProgressLog.id),
        )
    )
    columns = [getattr(ReadingItem, name) for name in PLAIN_FIELDS]
    stmt = (
        select(ReadingItem.id, *columns, *LINKS)
        .where(ReadingItem.user_id == user.id)
        .order_by(*queue)
    )
    for n, item in enumerate(stream_rows(db, stmt), start=1):
        ids.to_doc["reading_items"][item.id] = n
        yield {
            "id": n,
            **{name: getattr(item, name) for name in AS_IS},
            "authors": [a for a in item.authors_text.split(AUTHOR_SEPARATOR) if a],
            "tags": [t for t in item.tags_text.split(TAG_SEPARATOR) if t],
            "started_on": day(item.started_on),
            "finished_on": day(item.finished_on),
            "goal_id": ids.doc("goals", item.goal_id),
            "writeup_id": ids.doc("portfolio", item.writeup_id),
            "implementation_id": ids.doc("portfolio", item.implementation_id),
            "status_history": [
                {"status": s, "date": on.isoformat(), "read_through": r}
                for _, s, on, r in statuses.of(item.id)
            ],
            "progress_log": [
                {
                    "date": on.isoformat(),
                    "amount": a,
                    "unit": u,
                    "read_through": r,
                    "habit_id": ids.doc("habits", h),
                }
                for _, on, a, u, r, h in logs.of(item.id)
            ],
        }


def _status_key(entry: Any) -> StatusKey:
    return (
        entry.status,
        entry.day if isinstance(entry, ReadingStatusChange) else entry.date,
        entry.read_through,
    )


def _progress_key(entry: Any) -> ProgressKey:
    on = entry.day if isinstance(entry, ReadingProgressLog) else entry.date
    return (on, float(entry.amount), entry.unit, entry.read_through)


def load_reading_items(
    db: Session, user: User, items: list[doc.ReadingItemDoc], ids: IdMap, tally: Tally
) -> None:
    existing = db.scalars(
        select(ReadingItem).where(ReadingItem.user_id == user.id).order_by(ReadingItem.id)
    ).all()
    matched = match(existing, lambda r: r.citation_key, items, lambda i: i.citation_key)
    matched_ids = [r.id for r in matched if r is not None]
    old_statuses: dict[int, list[StatusKey]] = defaultdict(list)
    old_logs: dict[int, list[ProgressKey]] = defaultdict(list)
    if matched_ids:
        for change in db.scalars(
            select(ReadingStatusChange).where(ReadingStatusChange.item_id.in_(matched_ids))
        ):
            old_statuses[change.item_id].append(_status_key(change))
        for log in db.scalars(
            select(ReadingProgressLog).where(ReadingProgressLog.item_id.in_(matched_ids))
        ):
            old_logs[log.item_id].append(_progress_key(log))
    rows = []
    for item, row in zip(items, matched, strict=True):
        fields = item.model_dump(
            exclude={
                "id",
                "url",
                "goal_id",
                "writeup_id",
                "implementation_id",
                "status_history",
                "progress_log",
            }
        )
        fields["url"] = str(item.url) if item.url is not None else None
        fields["goal_id"] = ids.db("goals", item.goal_id)
        fields["writeup_id"] = ids.db("portfolio", item.writeup_id)
        fields["implementation_id"] = ids.db("portfolio", item.implementation_id)
        rows.append(
            put(db, row, ReadingItem, {"user_id": user.id, **fields}, tally, "reading_items")
        )
    db.flush()
    statuses: list[dict[str, Any]] = []
    logs: list[dict[str, Any]] = []
    for item, row in zip(items, rows, strict=True):
        ids.to_db["reading_items"][item.id] = row.id
        statuses.extend(
            {"item_id": row.id, "status": s.status, "day": s.date, "read_through": s.read_through}
            for s in missing(old_statuses.get(row.id, []), item.status_history, _status_key)
        )
        logs.extend(
            {
                "user_id": user.id,
                "item_id": row.id,
                "day": p.date,
                "amount": p.amount,
                "unit": p.unit,
                "read_through": p.read_through,
                "habit_id": ids.db("habits", p.habit_id),
            }
            for p in missing(old_logs.get(row.id, []), item.progress_log, _progress_key)
        )
    if statuses:
        db.execute(insert(ReadingStatusChange), statuses)
        tally.created["reading_status_changes"] += len(statuses)
    if logs:
        db.execute(insert(ReadingProgressLog), logs)
        tally.created["reading_progress_logs"] += len(logs)


def export_reading_settings(db: Session, user: User, ids: IdMap) -> dict[str, Any]:
    row = db.get(ReadingSettings, user.id)
    if row is None:
        return {"habit_id": None, "unit": "pages"}
    return {"habit_id": ids.doc("habits", row.habit_id), "unit": row.unit}


def load_reading_settings(
    db: Session, user: User, settings: doc.ReadingSettingsDoc, ids: IdMap
) -> None:
    row = db.get(ReadingSettings, user.id)
    if row is None:
        if settings == doc.ReadingSettingsDoc():
            return  # the defaults: no row needed
        row = ReadingSettings(user_id=user.id)
        db.add(row)
    row.habit_id, row.unit = ids.db("habits", settings.habit_id), settings.unit


# ------------------------------------------------------------------------------ weekly reviews


def export_weekly_reviews(db: Session, user: User, ids: IdMap) -> Iterator[dict[str, Any]]:
    for week, reflection in db.execute(
        select(WeeklyReviewNote.week, WeeklyReviewNote.reflection)
        .where(WeeklyReviewNote.user_id == user.id)
        .order_by(WeeklyReviewNote.week)
    ):
        yield {"week": week, "reflection": reflection}


def load_weekly_reviews(
    db: Session, user: User, items: list[doc.ReviewDoc], ids: IdMap, tally: Tally
) -> None:
    existing = db.scalars(select(WeeklyReviewNote).where(WeeklyReviewNote.user_id == user.id))
    matched = match(existing, lambda r: r.week, items, lambda i: i.week)
    for item, row in zip(items, matched, strict=True):
        fields = {"user_id": user.id, "week": item.week, "reflection": item.reflection}
        put(db, row, WeeklyReviewNote, fields, tally, "weekly_reviews")
    db.flush()
