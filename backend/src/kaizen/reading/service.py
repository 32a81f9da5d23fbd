"""Reading items: the ordered queue, the library, status history, progress, import/export and
stats. Flushes, never commits; never imports another domain's service (see flows.py)."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal, TypedDict, Unpack

from sqlalchemy import Date, Integer, Select, String, bindparam, extract, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Executable

from kaizen.auth.models import User
from kaizen.errors import Conflict, field_error
from kaizen.goals.models import Goal
from kaizen.habits.models import Habit
from kaizen.ownership import ensure_owned
from kaizen.portfolio.models import PortfolioEntry
from kaizen.queries import (
    LIKE_ESCAPE,
    count_rows,
    day_json,
    json_rows,
    like_escaped,
    moment_json,
    moment_value,
    next_position,
    reorder,
)
from kaizen.reading import formats
from kaizen.reading.models import (
    ReadingItem,
    ReadingProgressLog,
    ReadingSettings,
    ReadingStatusChange,
    split_authors,
    split_tags,
)
from kaizen.reading.schemas import (
    ImportPreview,
    MonthKindCount,
    ProgressIn,
    ReadingItemCreate,
    ReadingItemRead,
    ReadingItemUpdate,
    ReadingStats,
    SettingsIn,
    WeekAmount,
)
from kaizen.schemas import apply_changes

Sort = Literal["queue", "finished", "added", "title"]
MAX_ITEMS_PER_IMPORT = 5000
HISTORY_LIMIT = 200


# ------------------------------------------------------------------------------------ links


def _check_links(db: Session, user: User, values: dict[str, Any]) -> None:
    if values.get("goal_id") is not None:
        ensure_owned(db, user.id, Goal, [values["goal_id"]], label="Goal", field="goal_id")
    for field in ("writeup_id", "implementation_id"):
        if values.get(field) is not None:
            ensure_owned(
                db, user.id, PortfolioEntry, [values[field]], label="Portfolio entry", field=field
            )


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    if values.get("url") is not None:
        values["url"] = str(values["url"])
    if values.get("tags") is not None:
        values["tags"] = list(dict.fromkeys(values["tags"]))
    return values


# ------------------------------------------------------------------------------------ lists


def _filtered(
    user: User,
    *,
    status: Sequence[str],
    kind: str | None,
    tag: str | None,
    year: int | None,
    q: str | None,
) -> Select[ReadingItem]:
    stmt = select(ReadingItem).where(ReadingItem.user_id == user.id)
    if status:
        stmt = stmt.where(ReadingItem.status.in_(status))
    if kind:
        stmt = stmt.where(ReadingItem.kind == kind)
    if tag:
        stmt = stmt.where(ReadingItem.tags_text.contains(f"|{tag.lower()}|", autoescape=True))
    if year is not None:
        stmt = stmt.where(ReadingItem.year == year)
    if q:
        pattern = q.strip()
        stmt = stmt.where(
            ReadingItem.title.icontains(pattern, autoescape=True)
            | ReadingItem.authors_text.icontains(pattern, autoescape=True)
        )
    return stmt


class ItemQuery(TypedDict, total=False):
    """Filters, order and page of the reading list (all optional)."""

    status: Sequence[str]
    kind: str | None
    tag: str | None
    year: int | None
    q: str | None
    sort: Sort  # default "queue"
    limit: int  # default 50
    offset: int


def list_items(
    db: Session, user: User, **query: Unpack[ItemQuery]
) -> tuple[Sequence[ReadingItem], int]:
    stmt, total = _listed(db, user, query)
    return db.scalars(stmt).all(), total


def list_item_rows(
    db: Session, user: User, **query: Unpack[ItemQuery]
) -> tuple[list[dict[str, Any]], int]:
    """``list_items`` as plain values in the shape of ``ReadingItemRead`` (for the list
    route): loading 200 items as ORM objects cost more than the rest of the request, and
    building the two statements about as much as running them, so they are built once per
    set of filters (``_row_queries``) and run as Core statements."""
    status = tuple(query.get("status", ()))
    tag, q = query.get("tag"), query.get("q")
    dialect = db.get_bind().dialect.name
    total_stmt, rows_stmt = _row_queries(
        dialect,
        len(status),
        bool(query.get("kind")),
        bool(tag),
        query.get("year") is not None,
        bool(q),
        query.get("sort", "queue"),
    )
    params: dict[str, Any] = {
        "user": user.id,
        "kind": query.get("kind"),
        "tag": like_escaped(f"|{tag.lower()}|") if tag else None,
        "year": query.get("year"),
        "q": like_escaped(q.strip()) if q else None,
        "limit": query.get("limit", 50),
        "offset": query.get("offset", 0),
        **{f"status{i}": s for i, s in enumerate(status)},
    }
    conn = db.connection()
    total = conn.execute(total_stmt, params).scalar_one()
    moment = moment_value(dialect)
    items = []
    for row in json_rows(db, rows_stmt, params):
        # ``ReadingItemRead``'s fields in its order (the router writes the JSON as it stands).
        item = dict(zip(LIST_FIELDS, row, strict=True))
        item["authors"] = split_authors(row[_AUTHORS])
        item["tags"] = split_tags(row[_TAGS])
        item["created_at"] = moment(row[_CREATED])
        items.append(item)
    return items, total


@lru_cache(maxsize=128)
def _row_queries(
    dialect: str,
    statuses: int,
    by_kind: bool,
    by_tag: bool,
    by_year: bool,
    by_q: bool,
    sort: Sort,
) -> tuple[Select[Any], Select[Any]]:
    """``_filtered`` and ``_listed``'s order as bound statements: how many items pass the
    filters, and the page of them (``LIST_COLUMNS``). Parameters: ``user``, ``status0``…,
    ``kind``, ``tag`` and ``q`` (LIKE-escaped), ``year``, ``limit``, ``offset``."""
    where: list[Any] = [ReadingItem.user_id == bindparam("user", type_=Integer)]
    if statuses:
        where.append(
            ReadingItem.status.in_([bindparam(f"status{i}", type_=String) for i in range(statuses)])
        )
    if by_kind:
        where.append(ReadingItem.kind == bindparam("kind", type_=String))
    if by_tag:
        where.append(
            ReadingItem.tags_text.contains(bindparam("tag", type_=String), escape=LIKE_ESCAPE)
        )
    if by_year:
        where.append(ReadingItem.year == bindparam("year", type_=Integer))
    if by_q:
        pattern = bindparam("q", type_=String)
        where.append(
            ReadingItem.title.icontains(pattern, escape=LIKE_ESCAPE)
            | ReadingItem.authors_text.icontains(pattern, escape=LIKE_ESCAPE)
        )
    # Dates as their JSON text and the timestamp as stored (``moment_value`` then writes its
    # JSON text), each under its field's name.
    columns = [
        moment_json(c, dialect).label(field)
        if field == "created_at"
        else day_json(c, dialect).label(field)
        if field in ("started_on", "finished_on")
        else c.label(field)
        for field, c in zip(LIST_FIELDS, LIST_COLUMNS, strict=True)
    ]
    total = select(func.count()).select_from(ReadingItem).where(*where)
    rows = (
        select(*columns)
        .where(*where)
        .order_by(*LIST_ORDERS[sort])
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
    )
    return total, rows


def _listed(db: Session, user: User, query: ItemQuery) -> tuple[Select[ReadingItem], int]:
    """The page of filtered items in order, and how many items pass the filters."""
    stmt = _filtered(
        user,
        status=query.get("status", ()),
        kind=query.get("kind"),
        tag=query.get("tag"),
        year=query.get("year"),
        q=query.get("q"),
    )
    total = count_rows(db, stmt)
    page = stmt.order_by(*LIST_ORDERS[query.get("sort", "queue")])
    return page.limit(query.get("limit", 50)).offset(query.get("offset", 0)), total


# What ``ReadingItemRead`` shows (``authors`` and ``tags`` are stored as text).
LIST_ORDERS: dict[str, list[Any]] = {
    "queue": [ReadingItem.position, ReadingItem.id],
    "finished": [ReadingItem.finished_on.desc().nulls_last(), ReadingItem.id.desc()],
    "added": [ReadingItem.id.desc()],
    "title": [func.lower(ReadingItem.title), ReadingItem.id],
}
# ``ReadingItemRead``'s fields in its order, and the column each is read from (``authors`` and
# ``tags`` are stored as text and split).
LIST_FIELDS = tuple(ReadingItemRead.model_fields)
_STORED_AS = {"authors": "authors_text", "tags": "tags_text"}
LIST_COLUMNS = tuple(ReadingItem.__table__.c[_STORED_AS.get(f, f)] for f in LIST_FIELDS)
_AUTHORS, _TAGS = LIST_FIELDS.index("authors"), LIST_FIELDS.index("tags")
_CREATED = LIST_FIELDS.index("created_at")


def reorder_items(db: Session, user: User, ids: list[int]) -> None:
    reorder(db, ReadingItem, user.id, ids, label="Reading item", field="reading_item_ids")


def tags_in_use(db: Session, user: User) -> list[str]:
    rows = db.scalars(
        select(ReadingItem.tags_text)
        .where(ReadingItem.user_id == user.id, ReadingItem.tags_text != "")
        .distinct()
    ).all()
    return sorted({tag for text in rows for tag in text.split("|") if tag})


# ----------------------------------------------------------------------------------- writes


def _taken_keys(db: Session, user: User) -> set[str]:
    return set(db.scalars(select(ReadingItem.citation_key).where(ReadingItem.user_id == user.id)))


def _record_status(db: Session, item: ReadingItem, status: str, day: date) -> None:
    db.add(
        ReadingStatusChange(item_id=item.id, status=status, day=day, read_through=item.read_through)
    )


def create_item(db: Session, user: User, body: ReadingItemCreate, today: date) -> ReadingItem:
    values = _plain(body.model_dump())
    _check_links(db, user, values)
    status = values.pop("status")
    item = ReadingItem(user_id=user.id, status="queued", read_through=1)
    for key, value in values.items():
        setattr(item, key, value)
    item.citation_key = formats.unique_key(
        formats.citation_key(item.authors, item.year, item.title), _taken_keys(db, user)
    )
    item.position = next_position(db, ReadingItem.position, ReadingItem.user_id == user.id)
    db.add(item)
    db.flush()
    _record_status(db, item, "queued", today)
    if status != "queued":
        _change_status(db, item, status, today)
    db.flush()
    return item


def _change_status(db: Session, item: ReadingItem, status: str, day: date) -> None:
    """Append to the history. Reading again after done (or dropped) is a new read-through:
    its progress starts at zero and its started/finished dates are its own."""
    if status == item.status:
        return
    if status in ("reading", "queued") and item.status in ("done", "dropped"):
        item.read_through += 1
        item.progress_current = 0
        item.started_on = item.finished_on = None
    if status in ("reading", "done") and item.started_on is None:
        if status == "done":
            _record_status(db, item, "reading", day)
        item.started_on = day
    if status == "done":
        item.finished_on = day
        if item.progress_total is not None:
            item.progress_current = max(item.progress_current, item.progress_total)
    if status == "queued":
        item.started_on = None
    item.status = status
    _record_status(db, item, status, day)


def update_item(
    db: Session, user: User, item: ReadingItem, body: ReadingItemUpdate, today: date
) -> ReadingItem:
    changes = _plain(body.model_dump(exclude_unset=True))
    _check_links(db, user, changes)
    if "status" in changes and changes["status"] is None:
        raise field_error("status", "status cannot be null")
    status = changes.pop("status", None)
    # The citation key stays as it was, so exports keep their keys when metadata is fixed.
    apply_changes(
        item,
        changes,
        nullable={
            "year",
            "venue",
            "url",
            "arxiv_id",
            "doi",
            "isbn",
            "progress_total",
            "rating",
            "goal_id",
            "writeup_id",
            "implementation_id",
        },
        text={"notes"},
    )
    if status is not None:
        _change_status(db, item, status, today)
    db.flush()
    return item


def delete_item(db: Session, item: ReadingItem) -> None:
    db.delete(item)
    db.flush()


def _link_field(kind: str) -> str:
    return "implementation_id" if kind == "implementation" else "writeup_id"


def ensure_unlinked(item: ReadingItem, kind: str) -> None:
    """409 when the item already has a write-up (or implementation) linked."""
    if getattr(item, _link_field(kind)) is not None:
        label = "implementation" if kind == "implementation" else "write-up"
        raise Conflict(f"This item already has a linked {label}")


def link_entry(db: Session, item: ReadingItem, entry: PortfolioEntry, kind: str) -> None:
    ensure_unlinked(item, kind)
    setattr(item, _link_field(kind), entry.id)
    db.flush()


# ----------------------------------------------------------------------------- detail parts


def status_history(db: Session, item: ReadingItem) -> Sequence[ReadingStatusChange]:
    return db.scalars(
        select(ReadingStatusChange)
        .where(ReadingStatusChange.item_id == item.id)
        .order_by(ReadingStatusChange.id)
        .limit(HISTORY_LIMIT)
    ).all()


def progress_log(db: Session, item: ReadingItem) -> Sequence[ReadingProgressLog]:
    return db.scalars(
        select(ReadingProgressLog)
        .where(ReadingProgressLog.item_id == item.id)
        .order_by(ReadingProgressLog.day.desc(), ReadingProgressLog.id.desc())
        .limit(HISTORY_LIMIT)
    ).all()


# --------------------------------------------------------------------------------- progress


@dataclass
class Logged:
    log: ReadingProgressLog
    replayed: bool


def find_replay(db: Session, user: User, key: str | None) -> ReadingProgressLog | None:
    if key is None:
        return None
    return db.scalar(
        select(ReadingProgressLog).where(
            ReadingProgressLog.user_id == user.id, ReadingProgressLog.idempotency_key == key
        )
    )


def log_progress(
    db: Session, user: User, item: ReadingItem, body: ProgressIn, key: str | None, today: date
) -> Logged:
    """Adds ``amount`` to the item's progress (a queued item starts). With an
    ``Idempotency-Key`` seen before, nothing changes and the first log is returned; so too when
    a retry races the first request (the key's unique index refuses the second log)."""
    replay = find_replay(db, user, key)
    if replay is None:
        day = body.date or today
        if day > today:
            raise field_error(
                "date", f"{day} is in the future: today is {today} in {user.timezone}"
            )
        try:
            with db.begin_nested():
                return Logged(
                    log=_add_progress(db, user, item, body.amount, day, key), replayed=False
                )
        except IntegrityError:
            replay = find_replay(db, user, key)
            if replay is None:
                raise
    if replay.item_id != item.id:
        raise Conflict("This Idempotency-Key was used for another reading item")
    return Logged(log=replay, replayed=True)


def _add_progress(
    db: Session, user: User, item: ReadingItem, amount: float, day: date, key: str | None
) -> ReadingProgressLog:
    if item.status == "queued":
        _change_status(db, item, "reading", day)
    current = item.progress_current + amount
    if item.progress_unit == "percent":
        current = min(current, 100.0)
    item.progress_current = current
    log = ReadingProgressLog(
        user_id=user.id,
        item_id=item.id,
        day=day,
        amount=amount,
        unit=item.progress_unit,
        read_through=item.read_through,
        idempotency_key=key,
    )
    db.add(log)
    db.flush()
    return log


def get_settings(db: Session, user: User) -> ReadingSettings:
    row = db.get(ReadingSettings, user.id)
    return row or ReadingSettings(user_id=user.id, habit_id=None, unit="pages")


def put_settings(db: Session, user: User, body: SettingsIn) -> ReadingSettings:
    if body.habit_id is not None:
        ensure_owned(db, user.id, Habit, [body.habit_id], label="Habit", field="habit_id")
        kind = db.scalar(select(Habit.kind).where(Habit.id == body.habit_id))
        if kind != "numeric":
            raise field_error("habit_id", "Choose a numeric action item (one with a target value)")
    row = db.get(ReadingSettings, user.id)
    if row is None:
        row = ReadingSettings(user_id=user.id)
        db.add(row)
    row.habit_id, row.unit = body.habit_id, body.unit
    db.flush()
    return row


def habit_to_feed(db: Session, user: User, unit: str, day: date) -> Habit | None:
    """The action item a logged amount in ``unit`` on ``day`` adds to, if any: the user's
    reading setting names it, the units match, and the habit is live on that day."""
    settings = db.get(ReadingSettings, user.id)
    if settings is None or settings.habit_id is None or settings.unit != unit:
        return None
    habit = db.get(Habit, settings.habit_id)
    if habit is None or habit.archived or habit.kind != "numeric" or day < habit.start_date:
        return None
    return habit


def mark_fed(db: Session, log: ReadingProgressLog, habit: Habit) -> None:
    log.habit_id = habit.id
    db.flush()


# ----------------------------------------------------------------------------------- import


@dataclass
class ImportPlan:
    items: list[formats.Parsed]
    keys: list[str]
    skipped: int
    errors: list[formats.EntryError]


def plan_import(
    db: Session, user: User, parsed: list[formats.Parsed], errors: list[formats.EntryError]
) -> ImportPlan:
    """Which entries become items: duplicates (same DOI, arXiv id or normalised title, in
    the file or already in the library) are skipped. One query, whatever the sizes."""
    if len(parsed) > MAX_ITEMS_PER_IMPORT:
        raise field_error("file", f"At most {MAX_ITEMS_PER_IMPORT} entries per import")
    existing = db.execute(
        select(
            ReadingItem.doi,
            ReadingItem.arxiv_id,
            ReadingItem.title,
            ReadingItem.year,
            ReadingItem.citation_key,
        ).where(ReadingItem.user_id == user.id)
    ).all()
    seen_doi = {row.doi.lower() for row in existing if row.doi}
    seen_arxiv = {row.arxiv_id for row in existing if row.arxiv_id}
    # A title is a duplicate unless both years are known and differ ("Deep learning", the 2015
    # review, is not "Deep Learning", the 2016 book).
    seen_title: dict[str, set[int | None]] = defaultdict(set)
    for row in existing:
        seen_title[formats.normalise_title(row.title)].add(row.year)
    taken = {row.citation_key for row in existing}
    plan = ImportPlan(items=[], keys=[], skipped=0, errors=list(errors))
    for entry in parsed:
        title_key = formats.normalise_title(entry.title)
        years = seen_title.get(title_key, set())
        same_title = bool(years) and (entry.year is None or None in years or entry.year in years)
        if (
            (entry.doi and entry.doi.lower() in seen_doi)
            or (entry.arxiv_id and entry.arxiv_id in seen_arxiv)
            or same_title
        ):
            plan.skipped += 1
            continue
        if entry.doi:
            seen_doi.add(entry.doi.lower())
        if entry.arxiv_id:
            seen_arxiv.add(entry.arxiv_id)
        seen_title[title_key].add(entry.year)
        # The file's own key when it has one (suffixed if the library uses it already).
        base = entry.key or formats.citation_key(entry.authors, entry.year, entry.title)
        key = formats.unique_key(base, taken)
        plan.items.append(entry)
        plan.keys.append(key)
    return plan


def apply_import(db: Session, user: User, plan: ImportPlan, today: date) -> None:
    position = next_position(db, ReadingItem.position, ReadingItem.user_id == user.id)
    rows = []
    for offset, (entry, key) in enumerate(zip(plan.items, plan.keys, strict=True)):
        item = ReadingItem(
            user_id=user.id,
            kind=entry.kind,
            title=entry.title,
            year=entry.year,
            venue=entry.venue,
            url=entry.url,
            arxiv_id=entry.arxiv_id,
            doi=entry.doi,
            isbn=entry.isbn,
            citation_key=key,
            status="queued",
            read_through=1,
            position=position + offset,
            progress_unit="minutes" if entry.kind in ("video", "course") else "pages",
        )
        item.authors = entry.authors
        item.tags = entry.tags
        rows.append(item)
    db.add_all(rows)
    db.flush()
    db.add_all(
        ReadingStatusChange(item_id=item.id, status="queued", day=today, read_through=1)
        for item in rows
    )
    db.flush()


def previews(plan: ImportPlan) -> list[ImportPreview]:
    return [
        ImportPreview(
            title=e.title,
            kind=e.kind,
            authors=e.authors,
            year=e.year,
            citation_key=key,
        )
        for e, key in zip(plan.items, plan.keys, strict=True)
    ]


def exportables(db: Session, user: User) -> Sequence[ReadingItem]:
    """Every item, oldest first (a stable order, so exports compare line by line)."""
    return db.scalars(
        select(ReadingItem).where(ReadingItem.user_id == user.id).order_by(ReadingItem.id)
    ).all()


# ------------------------------------------------------------------------------------ stats


def _months_back(today: date, n: int) -> list[tuple[int, int]]:
    year, month, out = today.year, today.month, []
    for _ in range(n):
        out.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


@dataclass(frozen=True)
class _StatsQueries:
    finished: Executable
    per_day: Executable
    spans: Executable
    reading_days: Executable
    by_status: Executable


def _median(counts: dict[int, int]) -> float | None:
    """``statistics.median`` of the values ``counts`` holds (value → how many times)."""
    n = sum(counts.values())
    if not n:
        return None
    wanted = sorted({(n - 1) // 2, n // 2})  # the middle one, or the middle two
    found: list[int] = []
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        while wanted and wanted[0] < seen:
            found.append(value)
            wanted.pop(0)
        if not wanted:
            break
    return float(found[0]) if len(found) == 1 else (found[0] + found[1]) / 2


@lru_cache(maxsize=4)
def _stats_queries(dialect: str) -> _StatsQueries:
    """The stats' statements, built once per database kind (building a statement with aliased
    joins costs about as much CPU as running it). Parameters: ``user``, ``first_month``,
    ``first_week``, ``since``."""
    user = bindparam("user", type_=Integer)
    done, start = aliased(ReadingStatusChange), aliased(ReadingStatusChange)
    year_col, month_col = extract("year", done.day), extract("month", done.day)
    # Whole days from starting to finishing, counted in SQL: 1,600 small integers cost far
    # less to read than 3,200 dates.
    if dialect == "sqlite":
        span = func.julianday(done.day) - func.julianday(func.min(start.day))
    else:
        span = done.day - func.min(start.day)
    # One span per finished read (its "done" change), counted per length.
    spans = (
        select(span.label("days"))
        .join(ReadingItem, ReadingItem.id == done.item_id)
        .join(
            start,
            (start.item_id == done.item_id)
            & (start.read_through == done.read_through)
            & (start.status == "reading"),
        )
        .where(ReadingItem.user_id == user, done.status == "done")
        .group_by(done.id, done.day)
        .subquery()
    )
    return _StatsQueries(
        finished=select(year_col, month_col, ReadingItem.kind, func.count())
        .join(ReadingItem, ReadingItem.id == done.item_id)
        .where(
            ReadingItem.user_id == user,
            done.status == "done",
            done.day >= bindparam("first_month", type_=Date),
        )
        .group_by(year_col, month_col, ReadingItem.kind),
        per_day=select(ReadingProgressLog.day, func.sum(ReadingProgressLog.amount))
        .where(
            ReadingProgressLog.user_id == user,
            ReadingProgressLog.unit == "pages",
            ReadingProgressLog.day >= bindparam("first_week", type_=Date),
        )
        .group_by(ReadingProgressLog.day),
        spans=select(spans.c.days, func.count()).group_by(spans.c.days),
        reading_days=select(ReadingProgressLog.day)
        .where(
            ReadingProgressLog.user_id == user,
            ReadingProgressLog.day >= bindparam("since", type_=Date),
        )
        .distinct(),
        by_status=select(ReadingItem.status, func.count())
        .where(ReadingItem.user_id == user)
        .group_by(ReadingItem.status),
    )


def stats(db: Session, user: User, today: date) -> ReadingStats:
    """Five queries, each aggregated in SQL, whatever the size of the library."""
    queries = _stats_queries(db.get_bind().dialect.name)
    months = _months_back(today, 12)
    first_month = date(months[0][0], months[0][1], 1)
    monday = today - timedelta(days=today.weekday())
    first_week = monday - timedelta(weeks=11)
    params = {
        "user": user.id,
        "first_month": first_month,
        "first_week": first_week,
        "since": today - timedelta(days=400),
    }
    conn = db.connection()  # Core: plain rows, none of the ORM's result machinery
    finished = conn.execute(queries.finished, params).all()
    counts = {(int(y), int(m), k): c for y, m, k, c in finished}
    finished_per_month = [
        MonthKindCount(month=f"{y:04d}-{m:02d}", kind=kind, count=counts[(y, m, kind)])
        for y, m in months
        for kind in sorted({k for _, _, k in counts})
        if (y, m, kind) in counts
    ]

    per_day = conn.execute(queries.per_day, params).all()
    weeks: dict[date, float] = defaultdict(float)
    for day, amount in per_day:
        weeks[day - timedelta(days=day.weekday())] += float(amount or 0)
    pages_per_week = [
        WeekAmount(
            week_start=first_week + timedelta(weeks=i), pages=weeks[first_week + timedelta(weeks=i)]
        )
        for i in range(12)
    ]

    # How many finished reads took each whole number of days (a few hundred rows at most,
    # not one per finished read).
    spans: dict[int, int] = defaultdict(int)
    for days, count in conn.execute(queries.spans, params):
        if days is not None:
            spans[round(days)] += count
    median = _median(spans)

    reading_days = set(conn.execute(queries.reading_days, params).scalars())
    streak, day = 0, today if today in reading_days else today - timedelta(days=1)
    while day in reading_days:
        streak, day = streak + 1, day - timedelta(days=1)

    status_counts = conn.execute(queries.by_status, params).all()
    by_status = {row[0]: row[1] for row in status_counts}
    return ReadingStats(
        months=[f"{y:04d}-{m:02d}" for y, m in months],
        finished_per_month=finished_per_month,
        pages_per_week=pages_per_week,
        median_days_to_finish=median,
        current_streak=streak,
        by_status=by_status,
    )
