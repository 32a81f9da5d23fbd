"""Reading work that reaches into other domains: progress that adds to the user's reading
action item, and a portfolio draft started from an item. Only routers (and the CLI) call
these; the one call into the habits service lives in ``_add_to_check_in``."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.habits import service as habits_service
from kaizen.habits.models import CheckIn, Habit
from kaizen.habits.schemas import CheckInPut
from kaizen.portfolio import service as portfolio_service
from kaizen.portfolio.models import PortfolioEntry
from kaizen.portfolio.schemas import EntryCreate
from kaizen.reading import service
from kaizen.reading.models import ReadingItem
from kaizen.reading.schemas import HabitFeed, ProgressIn

MAX_HABIT_VALUE = 1_000_000


def log_progress(
    db: Session, user: User, item: ReadingItem, body: ProgressIn, key: str | None, today: date
) -> tuple[service.Logged, HabitFeed | None]:
    """Log reading; a new log (not a replayed key) in the unit of the user's reading action
    item adds its amount to that item's check-in for the day."""
    logged = service.log_progress(db, user, item, body, key, today)
    log = logged.log
    if logged.replayed:
        feed = None
        if log.habit_id is not None:
            value = db.scalar(
                select(CheckIn.value).where(
                    CheckIn.habit_id == log.habit_id, CheckIn.day == log.day
                )
            )
            feed = HabitFeed(habit_id=log.habit_id, date=log.day, value=value or 0)
        return logged, feed
    habit = service.habit_to_feed(db, user, log.unit, log.day)
    if habit is None:
        return logged, None
    value = _add_to_check_in(db, user, habit, log.day, log.amount)
    service.mark_fed(db, log, habit)
    return logged, HabitFeed(habit_id=habit.id, date=log.day, value=value)


def _add_to_check_in(db: Session, user: User, habit: Habit, day: date, amount: float) -> float:
    existing = db.execute(
        select(CheckIn.value, CheckIn.note).where(CheckIn.habit_id == habit.id, CheckIn.day == day)
    ).first()
    before = (existing.value or 0) if existing else 0
    value = min(before + amount, MAX_HABIT_VALUE)
    note = existing.note if existing else ""
    habits_service.put_check_in(db, user, habit, day, CheckInPut(value=value, note=note))
    return value


def start_portfolio_entry(db: Session, user: User, item: ReadingItem, kind: str) -> PortfolioEntry:
    """A drafting blog post (or implementation) about the item, linked both ways in one step."""
    service.ensure_unlinked(item, kind)
    verb = "Implementing" if kind == "implementation" else "Notes on"
    title = f"{verb} {item.title}"
    if len(title) > 200:
        title = title[:199] + "…"
    source = item.url or (f"https://arxiv.org/abs/{item.arxiv_id}" if item.arxiv_id else None)
    notes = f"From my reading: *{item.title}*" + (f" — {source}" if source else "")
    entry = portfolio_service.create_entry(
        db,
        user,
        EntryCreate(
            title=title,
            kind="implementation" if kind == "implementation" else "blog_post",
            status="drafting",
            goal_id=item.goal_id,
            notes=notes,
        ),
    )
    service.link_entry(db, item, entry, kind)
    return entry
