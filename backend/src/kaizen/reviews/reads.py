"""The weekly review's own reads: what spans of days produced (reading, applications,
interviews, posts) and which active goals moved, each in ONE statement built once per
database kind and number of spans (the review asked for two weeks of outputs in ten
statements and for the goals in two, and building those statements cost several times more
CPU than running them)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Date,
    Float,
    Integer,
    Select,
    String,
    bindparam,
    func,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.db import UTCDateTime
from kaizen.goals.models import Goal
from kaizen.habits.models import Habit
from kaizen.home.activity import goal_activity, utc_bounds
from kaizen.opportunities.models import Application, Event, StageChange
from kaizen.portfolio.models import PortfolioEntry
from kaizen.reading.models import ReadingItem, ReadingProgressLog, ReadingStatusChange


@dataclass(frozen=True)
class Span:
    """Local days ``start``..``end``."""

    start: date
    end: date


def outputs(db: Session, user: User, spans: Sequence[Span], now: datetime) -> list[dict[str, Any]]:
    """For each span, the figures of ``WeekOutput`` (interviews count once started by
    ``now``; an application "moved" when it changed stage after its first one, "sent" when it
    entered `applied`), in one query."""
    params: dict[str, Any] = {"user": user.id}
    for i, span in enumerate(spans):
        lower, upper = utc_bounds(user, span.start, span.end)
        params |= {
            f"start{i}": span.start,
            f"end{i}": span.end,
            f"lower{i}": lower,
            f"upper{i}": upper,
            f"held{i}": min(upper, now),
        }
    figures = [
        {
            "papers_finished": 0,
            "items_finished": 0,
            "pages_read": 0.0,
            "applications_sent": 0,
            "applications_moved": 0,
            "interviews_held": 0,
            "posts_published": 0,
            "implementations_published": 0,
        }
        for _ in spans
    ]
    for i, figure, key, value in db.execute(_outputs_query(len(spans)), params):
        out = figures[i]
        if figure == "finished":
            out["items_finished"] += int(value)
            if key == "paper":
                out["papers_finished"] = int(value)
        elif figure == "pages":
            out["pages_read"] = float(value or 0)
        elif figure == "published":
            if key == "blog_post":
                out["posts_published"] = int(value)
            elif key == "implementation":
                out["implementations_published"] = int(value)
        else:
            out[figure] = int(value)
    return figures


@lru_cache(maxsize=8)
def _outputs_query(spans: int) -> CompoundSelect[Any]:
    """Rows (span index, figure, kind or null, number); parameters ``user`` and, per span
    ``i``, ``start{i}``/``end{i}`` (local days), ``lower{i}``/``upper{i}`` (their instants)
    and ``held{i}`` (the end for interviews)."""
    return union_all(*[part for i in range(spans) for part in _span_outputs(i)])


def _constant(value: int | str) -> Any:
    """A constant written into the SQL (no parameter), so every database types it alike."""
    if isinstance(value, int):
        return literal_column(str(value), Integer)
    return literal_column(f"'{value}'", String)


def _span_outputs(i: int) -> list[Select[Any]]:
    user = bindparam("user", type_=Integer)
    start, end = bindparam(f"start{i}", type_=Date), bindparam(f"end{i}", type_=Date)
    lower = bindparam(f"lower{i}", type_=UTCDateTime())
    upper = bindparam(f"upper{i}", type_=UTCDateTime())
    span, no_key = _constant(i), null().cast(String)
    in_span = (StageChange.at >= lower, StageChange.at < upper)
    return [
        select(span, _constant("finished"), ReadingItem.kind, func.count())
        .join(ReadingStatusChange, ReadingStatusChange.item_id == ReadingItem.id)
        .where(
            ReadingItem.user_id == user,
            ReadingStatusChange.status == "done",
            ReadingStatusChange.day >= start,
            ReadingStatusChange.day <= end,
        )
        .group_by(ReadingItem.kind),
        select(
            span,
            _constant("pages"),
            no_key,
            func.coalesce(func.sum(ReadingProgressLog.amount), 0.0).cast(Float),
        ).where(
            ReadingProgressLog.user_id == user,
            ReadingProgressLog.unit == "pages",
            ReadingProgressLog.day >= start,
            ReadingProgressLog.day <= end,
        ),
        *[
            select(span, _constant(name), no_key, func.count())
            .select_from(StageChange)
            .join(Application, Application.id == StageChange.application_id)
            .where(Application.user_id == user, *in_span, which)
            for name, which in (
                ("applications_sent", StageChange.to_stage == "applied"),
                ("applications_moved", StageChange.from_stage.is_not(None)),
            )
        ],
        select(span, _constant("interviews_held"), no_key, func.count()).where(
            Event.user_id == user,
            Event.kind == "interview",
            Event.starts_at >= lower,
            Event.starts_at < bindparam(f"held{i}", type_=UTCDateTime()),
        ),
        select(span, _constant("published"), PortfolioEntry.kind, func.count())
        .where(
            PortfolioEntry.user_id == user,
            PortfolioEntry.status == "published",
            PortfolioEntry.published_on >= start,
            PortfolioEntry.published_on <= end,
        )
        .group_by(PortfolioEntry.kind),
    ]


def week_habits(db: Session, user: User, end: date) -> Sequence[Habit]:
    """The action items not archived, in their order, that had started by ``end`` (as the
    habits list gives them, at most ``ITEMS_LIMIT``), without counting them first."""
    return db.scalars(_habits_query(), {"user": user.id, "end": end}).all()


ITEMS_LIMIT = 1000


@lru_cache(maxsize=1)
def _habits_query() -> Select[Habit]:
    # The start filter comes after the limit, as the review applied it to the listed page.
    listed = (
        select(Habit.id)
        .where(Habit.user_id == bindparam("user", type_=Integer), Habit.archived.is_(False))
        .order_by(Habit.position, Habit.id)
        .limit(ITEMS_LIMIT)
    )
    return (
        select(Habit)
        .where(
            Habit.id.in_(listed.scalar_subquery()), Habit.start_date <= bindparam("end", type_=Date)
        )
        .order_by(Habit.position, Habit.id)
    )


def goals_moved(
    db: Session, user: User, start: date, end: date
) -> list[tuple[int, str, bool, datetime]]:
    """The active goals in their order as (id, title, moved, created_at): moved when a linked
    action item was done, a linked reading item logged or changed status, a linked
    application changed stage, or a linked entry was published on the local days
    ``start``..``end``. One query; each goal is checked through its own links."""
    lower, upper = utc_bounds(user, start, end)
    params = {"user": user.id, "start": start, "end": end, "lower": lower, "upper": upper}
    return [
        (goal_id, title, bool(moved), created_at)
        for goal_id, title, moved, created_at in db.execute(_goals_query(), params)
    ]


@lru_cache(maxsize=1)
def _goals_query() -> Select[*tuple[Any, ...]]:
    moved = or_(
        *goal_activity(
            bindparam("user", type_=Integer),
            bindparam("start", type_=Date),
            bindparam("end", type_=Date),
            bindparam("lower", type_=UTCDateTime()),
            bindparam("upper", type_=UTCDateTime()),
        )
    )
    return (
        select(Goal.id, Goal.title, moved.label("moved"), Goal.created_at)
        .where(Goal.user_id == bindparam("user", type_=Integer), Goal.status == "active")
        .order_by(Goal.position, Goal.id)
    )
