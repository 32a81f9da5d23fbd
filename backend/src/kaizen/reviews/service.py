"""Saved weekly reflections: one row per user and ISO week."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.queries import Pagination, paginate
from kaizen.reviews.models import WeeklyReviewNote


def note_for(db: Session, user: User, week: str) -> WeeklyReviewNote | None:
    return db.scalar(
        select(WeeklyReviewNote).where(
            WeeklyReviewNote.user_id == user.id, WeeklyReviewNote.week == week
        )
    )


def save_note(db: Session, user: User, week: str, reflection: str) -> WeeklyReviewNote:
    note = note_for(db, user, week)
    if note is None:
        note = WeeklyReviewNote(user_id=user.id, week=week, reflection=reflection)
        db.add(note)
    else:
        note.reflection = reflection
    db.flush()
    return note


def list_notes(db: Session, user: User, page: Pagination) -> tuple[Sequence[WeeklyReviewNote], int]:
    stmt = (
        select(WeeklyReviewNote)
        .where(WeeklyReviewNote.user_id == user.id)
        .order_by(WeeklyReviewNote.week.desc())
    )
    return paginate(db, stmt, page)
