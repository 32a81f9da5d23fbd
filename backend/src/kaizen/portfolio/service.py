"""Portfolio entries: what the user made, its stats, and the opt-in public profile."""

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.errors import NotFound
from kaizen.goals.links import check_goal_link
from kaizen.portfolio.models import PortfolioEntry
from kaizen.portfolio.schemas import (
    EntryCreate,
    EntryStats,
    EntryUpdate,
    MonthCount,
    PublicEntry,
    PublicProfile,
)
from kaizen.queries import Pagination, paginate
from kaizen.schemas import apply_changes


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    if values.get("url") is not None:
        values["url"] = str(values["url"])
    return values


def list_entries(
    db: Session,
    user: User,
    page: Pagination,
    *,
    status: str | None,
    kind: str | None,
    goal_id: int | None,
) -> tuple[Sequence[PortfolioEntry], int]:
    stmt = (
        select(PortfolioEntry)
        .where(PortfolioEntry.user_id == user.id)
        .order_by(PortfolioEntry.published_on.desc().nulls_last(), PortfolioEntry.id.desc())
    )
    if status:
        stmt = stmt.where(PortfolioEntry.status == status)
    if kind:
        stmt = stmt.where(PortfolioEntry.kind == kind)
    if goal_id:
        stmt = stmt.where(PortfolioEntry.goal_id == goal_id)
    return paginate(db, stmt, page)


def entries_for_goal(db: Session, goal_id: int) -> Sequence[PortfolioEntry]:
    """The entries serving a goal, newest first (for the goal detail page)."""
    return db.scalars(
        select(PortfolioEntry)
        .where(PortfolioEntry.goal_id == goal_id)
        .order_by(PortfolioEntry.id.desc())
    ).all()


def create_entry(db: Session, user: User, body: EntryCreate, today: date) -> PortfolioEntry:
    check_goal_link(db, user, body.goal_id)
    entry = PortfolioEntry(user_id=user.id, **_plain(body.model_dump()))
    if entry.status == "published" and entry.published_on is None:
        entry.published_on = today
    db.add(entry)
    db.flush()
    return entry


def update_entry(
    db: Session, user: User, entry: PortfolioEntry, body: EntryUpdate, today: date
) -> PortfolioEntry:
    changes = _plain(body.model_dump(exclude_unset=True))
    if "goal_id" in changes:
        check_goal_link(db, user, changes["goal_id"])
    apply_changes(entry, changes, nullable={"url", "published_on", "goal_id"}, text={"notes"})
    if entry.status == "published" and entry.published_on is None:
        entry.published_on = today
    db.flush()
    return entry


def delete_entry(db: Session, entry: PortfolioEntry) -> None:
    db.delete(entry)
    db.flush()


def stats(db: Session, user: User, today: date) -> EntryStats:
    rows = db.execute(
        select(PortfolioEntry.status, PortfolioEntry.kind, PortfolioEntry.published_on).where(
            PortfolioEntry.user_id == user.id
        )
    ).all()
    months = _last_months(today, 12)
    per_month: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    for status, kind, published_on in rows:
        by_status[status] += 1
        if status == "published":
            by_kind[kind] += 1
            if published_on is not None:
                per_month[published_on.strftime("%Y-%m")] += 1
    return EntryStats(
        published_per_month=[MonthCount(month=m, count=per_month[m]) for m in months],
        by_kind=dict(by_kind),
        by_status=dict(by_status),
    )


def _last_months(today: date, n: int) -> list[str]:
    year, month = today.year, today.month
    out = []
    for _ in range(n):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def public_profile(db: Session, handle: str) -> PublicProfile:
    user = db.scalar(
        select(User).where(
            User.handle == handle.lower(), User.public_profile.is_(True), User.is_active.is_(True)
        )
    )
    if user is None or user.handle is None:
        raise NotFound("Profile")
    entries = db.scalars(
        select(PortfolioEntry)
        .where(PortfolioEntry.user_id == user.id, PortfolioEntry.status == "published")
        .order_by(PortfolioEntry.published_on.desc().nulls_last(), PortfolioEntry.id.desc())
        .limit(500)
    ).all()
    return PublicProfile(
        display_name=user.display_name or user.handle,
        handle=user.handle,
        entries=[
            PublicEntry(title=e.title, kind=e.kind, url=e.url, published_on=e.published_on)
            for e in entries
        ],
    )
