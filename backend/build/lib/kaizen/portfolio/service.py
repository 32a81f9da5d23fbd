"""Portfolio entries: what the user made, its stats, and the opt-in public profile."""

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.errors import NotFound
from kaizen.goals.service import check_goal_link
from kaizen.habits.service import today_for
from kaizen.portfolio.models import PortfolioEntry
from kaizen.portfolio.schemas import (
    EntryCreate,
    EntryStats,
    EntryUpdate,
    MonthCount,
    PublicEntry,
    PublicProfile,
)
from kaizen.schemas import apply_changes


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    if values.get("url") is not None:
        values["url"] = str(values["url"])
    return values


def list_entries(
    db: Session,
    user: User,
    *,
    status: str | None,
    kind: str | None,
    goal_id: int | None,
    limit: int,
    offset: int,
) -> tuple[Sequence[PortfolioEntry], int]:
    where: list[Any] = [PortfolioEntry.user_id == user.id]
    if status:
        where.append(PortfolioEntry.status == status)
    if kind:
        where.append(PortfolioEntry.kind == kind)
    if goal_id:
        where.append(PortfolioEntry.goal_id == goal_id)
    total = db.scalar(select(func.count()).select_from(PortfolioEntry).where(*where)) or 0
    rows = db.scalars(
        select(PortfolioEntry)
        .where(*where)
        .order_by(PortfolioEntry.published_on.desc().nulls_last(), PortfolioEntry.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return rows, total


def create_entry(db: Session, user: User, body: EntryCreate) -> PortfolioEntry:
    check_goal_link(db, user, body.goal_id)
    entry = PortfolioEntry(user_id=user.id, **_plain(body.model_dump()))
    if entry.status == "published" and entry.published_on is None:
        entry.published_on = today_for(user)
    db.add(entry)
    db.flush()
    return entry


def update_entry(db: Session, user: User, entry: PortfolioEntry, body: EntryUpdate) -> None:
    changes = _plain(body.model_dump(exclude_unset=True))
    if "goal_id" in changes:
        check_goal_link(db, user, changes["goal_id"])
    apply_changes(entry, changes, nullable={"url", "published_on", "goal_id"}, text={"notes"})
    if entry.status == "published" and entry.published_on is None:
        entry.published_on = today_for(user)
    db.flush()


def stats(db: Session, user: User) -> EntryStats:
    rows = db.execute(
        select(PortfolioEntry.status, PortfolioEntry.kind, PortfolioEntry.published_on).where(
            PortfolioEntry.user_id == user.id
        )
    ).all()
    today = today_for(user)
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
