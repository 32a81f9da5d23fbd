"""A sprint's status and its kept results: scoring sprints from their items' logs, and the
typed snapshot that freezes a finished sprint's results.

Freezing happens only on writes that would otherwise rewrite history: before an item is
renamed, rescheduled, archived or deleted (``freeze_finished_with_habit``), after a late
check-in inside a finished sprint (``rescore_habit``: only that item), and when a finished
sprint's dates or target change. Check-ins and new sprints also freeze sprints that have just
finished (``freeze_finished``), so later reads find them frozen. Reads never write; they read
a snapshot, or score live a finished sprint no write has touched since (the same numbers).
Other domains (habits) import this module, never the sprints service.
"""

import json
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NotRequired, Protocol, Required

from pydantic import BaseModel, TypeAdapter, model_validator
from sqlalchemy import JSON, Date, Row, Text, bindparam, cast, inspect, select, update
from sqlalchemy.orm import Session
from typing_extensions import TypedDict

from kaizen.db import UTCDateTime, utcnow
from kaizen.habits.logs import load_logs
from kaizen.habits.models import Habit
from kaizen.habits.recent import HabitRow
from kaizen.habits.scoring import HabitLog, StreakUnit
from kaizen.sprints import kept as kept_columns
from kaizen.sprints import scoring
from kaizen.sprints.models import Sprint, SprintHabit
from kaizen.sprints.schemas import ScoreboardItem, SprintStatus


class SprintSnapshot(BaseModel):
    """A sprint's scored results. Stored as JSON in ``Sprint.snapshot`` once it is frozen.

    ``rescore_all`` marks a frozen sprint whose dates or target changed while it was not
    finished: when it is read finished again its existing items are re-scored (under their
    kept names) and the rows of deleted items stay. ``rescore`` lists single items to
    re-score that way (only snapshots from before this model have such marks)."""

    days_total: int
    days_elapsed: int
    days_left: int
    score: float | None
    habits: list[ScoreboardItem]
    rescore_all: bool = False
    rescore: list[int] = []

    @model_validator(mode="before")
    @classmethod
    def _legacy_stale(cls, data: Any) -> Any:
        # Snapshots written before this model carried ``stale: True | [habit ids]`` ("re-score
        # every item / these items on the next read"); writes now re-score at once.
        if isinstance(data, dict) and "stale" in data:
            stale = data["stale"]
            data = {k: v for k, v in data.items() if k != "stale"}
            if stale is True:
                data["rescore_all"] = True
            elif isinstance(stale, list):
                data["rescore"] = stale
        return data

    @property
    def marked(self) -> bool:
        return self.rescore_all or bool(self.rescore)

    def to_rescore(self, more: Collection[int] | None = ()) -> Collection[int] | None:
        """The items to re-score now: its marks plus ``more`` (None: every item)."""
        if self.rescore_all or more is None:
            return None
        return {*self.rescore, *more}


class Dated(Protocol):
    """What scoring a sprint reads of it (a ``Sprint`` or a row of its columns)."""

    @property
    def id(self) -> int: ...
    @property
    def start_date(self) -> date: ...
    @property
    def end_date(self) -> date: ...
    @property
    def target_rate(self) -> float: ...


def status_of(sprint: Sprint, today: date) -> SprintStatus:
    return status_between(sprint.start_date, sprint.end_date, today)


def status_between(start: date, end: date, today: date) -> SprintStatus:
    """The status of a sprint from ``start`` to ``end`` (for rows of its columns)."""
    if today < start:
        return "planned"
    if today > end:
        return "finished"
    return "active"


def snapshot_of(sprint: Sprint) -> SprintSnapshot | None:
    return SprintSnapshot.model_validate(sprint.snapshot) if sprint.snapshot else None


class _ItemFigures(TypedDict):
    done: int
    required: int
    still_needed: int
    eligible_left: int
    streak_unit: NotRequired[StreakUnit]


class _Figures(TypedDict, total=False):
    score: Required[float | None]
    habits: Required[list[_ItemFigures]]
    rescore_all: bool
    rescore: list[int]
    stale: object


# Plain dicts from JSON: the other fields of the stored JSON are skipped, not validated, and
# no model object is made per row (the cheapest way to read a list's hundred snapshots).
_FIGURES = TypeAdapter(_Figures)


@dataclass(frozen=True, slots=True)
class KeptFigures:
    """What a list of sprints shows from a kept snapshot: the score and the numbers its
    outcome is read from."""

    score: float | None
    habits: list[scoring.ItemTally]

    @classmethod
    def from_json(cls, text: str) -> "KeptFigures | None":
        """The figures, or None when the snapshot is marked for re-scoring."""
        figures = _FIGURES.validate_json(text)
        if figures.get("rescore_all") or figures.get("rescore") or "stale" in figures:
            return None
        items = [
            scoring.ItemTally(
                i["done"],
                i["required"],
                i["still_needed"],
                i["eligible_left"],
                i.get("streak_unit", StreakUnit.DAYS),  # already a StreakUnit (validated)
            )
            for i in figures["habits"]
        ]
        return cls(figures["score"], items)


def _raw_snapshots(db: Session, sprints: Sequence[Sprint]) -> dict[int, str | None]:
    """The stored JSON text of the sprints loaded without their snapshot (``defer``), in one
    query: validating it straight from JSON costs a fraction of decoding it to Python objects
    and validating those."""
    deferred = [s.id for s in sprints if "snapshot" in inspect(s).unloaded]
    if not deferred:
        return {}
    rows = db.execute(select(Sprint.id, cast(Sprint.snapshot, Text)).where(Sprint.id.in_(deferred)))
    return {sprint_id: present(text) for sprint_id, text in rows}


def present(text: str | None) -> str | None:
    # What ``snapshot_of`` reads as "no snapshot": NULL, JSON null or an empty object.
    return None if text is None or text.strip() in ("", "null", "{}") else text


def kept_results(
    db: Session, sprints: Sequence[Sprint], raw: dict[int, str | None] | None = None
) -> dict[int, SprintSnapshot | None]:
    """Each sprint's snapshot (see :func:`_raw_snapshots` for sprints loaded without it)."""
    raw = _raw_snapshots(db, sprints) if raw is None else raw
    out: dict[int, SprintSnapshot | None] = {}
    for sprint in sprints:
        if sprint.id in raw:
            text = raw[sprint.id]
            out[sprint.id] = None if text is None else SprintSnapshot.model_validate_json(text)
        else:
            out[sprint.id] = snapshot_of(sprint)
    return out


def list_results(
    db: Session, sprints: Sequence[Sprint], today: date
) -> dict[int, SprintSnapshot | KeptFigures]:
    """:func:`results` for a list of sprints loaded without their snapshots: a finished
    sprint's kept score and outcome figures are read from its JSON alone; the others (live,
    or kept but marked for re-scoring) go through :func:`results`. The same numbers."""
    raw = _raw_snapshots(db, sprints)
    out: dict[int, SprintSnapshot | KeptFigures] = {}
    for sprint in sprints:
        text = raw.get(sprint.id)
        if text is not None and status_of(sprint, today) == "finished":
            figures = KeptFigures.from_json(text)
            if figures is not None:
                out[sprint.id] = figures
    rest = [s for s in sprints if s.id not in out]
    out.update(results(db, rest, today, kept_results(db, rest, raw)))
    return out


def items_by_sprint(db: Session, sprint_ids: list[int]) -> dict[int, list[Habit]]:
    """Each sprint's action items in their order, in one query."""
    items: dict[int, list[Habit]] = defaultdict(list)
    if sprint_ids:
        rows = db.execute(
            select(SprintHabit.sprint_id, Habit)
            .join(Habit, Habit.id == SprintHabit.habit_id)
            .where(SprintHabit.sprint_id.in_(sprint_ids))
            .order_by(SprintHabit.sprint_id, SprintHabit.position)
        )
        for sprint_id, habit in rows:
            items[sprint_id].append(habit)
    return items


def _score_live(db: Session, sprints: Sequence[Sprint], today: date) -> dict[int, SprintSnapshot]:
    """The sprints scored from their current items' check-ins (constant number of queries)."""
    items = items_by_sprint(db, [s.id for s in sprints])
    # Only the sprints' own days matter, so older check-ins are not even read.
    since = min((s.start_date for s in sprints), default=None)
    habits_seen = {h.id: h for hs in items.values() for h in hs}.values()
    logs = load_logs(db, habits_seen, since=since, today=today)
    return score_logs(sprints, items, logs, today)


def score_logs(
    sprints: Sequence[Dated],
    items: Mapping[int, Sequence[Habit | HabitRow]],
    logs: Mapping[int, HabitLog],
    today: date,
) -> dict[int, SprintSnapshot]:
    """The sprints scored from their items (``items``: each sprint's, in order) and the
    items' logs (each covering the sprint's days at least), with no query."""
    return {
        sprint.id: _scored(
            sprint.start_date,
            sprint.end_date,
            sprint.target_rate,
            items.get(sprint.id, []),
            logs,
            today,
        )
        for sprint in sprints
    }


def _scored(
    start: date,
    end: date,
    target_rate: float,
    habits: Sequence[Habit | HabitRow],
    logs: Mapping[int, HabitLog],
    today: date,
) -> SprintSnapshot:
    """A sprint from ``start`` to ``end`` scored from these items' logs."""
    score = scoring.score_sprint(
        start=start,
        end=end,
        target_rate=target_rate,
        items=[scoring.SprintItem(log=logs[h.id], key=h.id) for h in habits],
        today=today,
    )
    names = {h.id: h.name for h in habits}
    return SprintSnapshot(
        days_total=score.days_total,
        days_elapsed=score.days_elapsed,
        days_left=score.days_left,
        score=score.score,
        habits=[
            ScoreboardItem(
                habit_id=int(i.key or 0),
                name=names[int(i.key or 0)],
                done=i.done,
                eligible=i.eligible,
                skipped=i.skipped,
                rate=i.rate,
                required=i.required,
                still_needed=i.still_needed,
                eligible_left=i.eligible_left,
                feasible=i.feasible,
                streak=i.current_streak,
                streak_unit=i.streak_unit,
            )
            for i in score.items
        ],
    )


def _merge(
    kept: SprintSnapshot, fresh: SprintSnapshot, rescore: Collection[int] | None
) -> SprintSnapshot:
    """Fresh numbers, under their kept names, for the items in ``rescore`` (None: every item
    that still exists); the kept rows for the rest, including items deleted since."""
    fresh_by_id = {row.habit_id: row for row in fresh.habits}
    rows = []
    for old in kept.habits:
        new = fresh_by_id.pop(old.habit_id, None)
        refresh = new is not None and (rescore is None or old.habit_id in rescore)
        rows.append(new.model_copy(update={"name": old.name}) if refresh and new else old)
    rows += fresh_by_id.values()
    return SprintSnapshot(
        days_total=fresh.days_total,
        days_elapsed=fresh.days_elapsed,
        days_left=fresh.days_left,
        score=scoring.mean_rate((row.done, row.eligible) for row in rows),
        habits=rows,
    )


def results(
    db: Session,
    sprints: Sequence[Sprint],
    today: date,
    kept: dict[int, SprintSnapshot | None] | None = None,
) -> dict[int, SprintSnapshot]:
    """Each sprint's results as of ``today``, reading only: a finished sprint's snapshot when
    it has one, else the live score (a finished sprint nobody changed since it ended scores
    the same live as frozen)."""
    kept = kept_results(db, sprints) if kept is None else kept
    finished = {s.id for s in sprints if status_of(s, today) == "finished"}
    live = [s for s in sprints if scored_live(s.id in finished, kept[s.id])]
    fresh = _score_live(db, live, today)
    return {s.id: combined(s.id, s.id in finished, kept[s.id], fresh) for s in sprints}


def scored_live(finished: bool, kept: SprintSnapshot | None) -> bool:
    """Whether a sprint's results are scored live when read: it is not finished, or nothing
    is kept for it, or its kept results are marked for re-scoring."""
    return not finished or _unfrozen_or_marked(kept)


def combined(
    sprint_id: int,
    finished: bool,
    kept: SprintSnapshot | None,
    fresh: Mapping[int, SprintSnapshot],
) -> SprintSnapshot:
    """A sprint's results from what is kept and what was scored live (``fresh``, for the
    sprints :func:`scored_live` picks): the kept results when it was not scored live, a
    finished sprint's kept rows with the fresh numbers of the items it marks, else the live
    score."""
    if sprint_id not in fresh:
        assert kept is not None
        return kept
    if finished and kept is not None:
        return _merge(kept, fresh[sprint_id], kept.to_rescore())
    return fresh[sprint_id]


def _unfrozen_or_marked(snapshot: SprintSnapshot | None) -> bool:
    return snapshot is None or snapshot.marked


def freeze(
    db: Session, sprints: Sequence[Sprint], today: date, *, rescore: Collection[int] | None = ()
) -> None:
    """Store the results of the finished ones among ``sprints``: sprints without a snapshot
    are frozen from their items; frozen ones re-score the items in ``rescore`` (None: all)."""
    finished = [s for s in sprints if status_of(s, today) == "finished"]
    todo = [
        s for s in finished if rescore is None or rescore or _unfrozen_or_marked(snapshot_of(s))
    ]
    fresh = _score_live(db, todo, today)
    for sprint in todo:
        kept = snapshot_of(sprint)
        if kept is None:
            result = fresh[sprint.id]
        else:
            result = _merge(kept, fresh[sprint.id], kept.to_rescore(rescore))
        sprint.snapshot = result.model_dump(mode="json")
    db.flush()


def _finished_with_habit(
    db: Session, habit_id: int, today: date, *, day: date | None = None
) -> Sequence[Sprint]:
    stmt = (
        select(Sprint)
        .join(SprintHabit, SprintHabit.sprint_id == Sprint.id)
        .where(SprintHabit.habit_id == habit_id, Sprint.end_date < today)
    )
    if day is not None:
        stmt = stmt.where(Sprint.start_date <= day, Sprint.end_date >= day)
    return db.scalars(stmt).all()


def freeze_finished_with_habit(db: Session, habit_id: int, today: date) -> None:
    """Freeze finished sprints holding this habit before it is renamed, archived or deleted."""
    freeze(db, _finished_with_habit(db, habit_id, today), today)


def freeze_finished(db: Session, user_id: int, today: date) -> None:
    """Freeze the user's sprints that have finished since the last write (usually none: one
    query). Writes call this so reads of old sprints find their snapshots instead of scoring
    them live every time; it changes no number, only where it is read from."""
    db.flush()  # the check below is a Core statement, which does not flush by itself
    if db.connection().execute(_ANY_UNFROZEN, {"user_id": user_id, "today": today}).first():
        freeze(db, _unfrozen(db, user_id, today), today)


# Whether any of a user's finished sprints has no snapshot yet (a Core statement: most
# writes find none, and an ORM query costs several times the statement even then).
_ANY_UNFROZEN = (
    select(Sprint.id)
    .where(
        Sprint.user_id == bindparam("user_id"),
        Sprint.end_date < bindparam("today", type_=Date),
        Sprint.snapshot.is_(None),
    )
    .limit(1)
)


def _unfrozen(db: Session, user_id: int, today: date) -> Sequence[Sprint]:
    unfrozen = db.scalars(
        select(Sprint).where(
            Sprint.user_id == user_id, Sprint.end_date < today, Sprint.snapshot.is_(None)
        )
    ).all()
    return unfrozen


def rescore_habit(db: Session, habit: Habit, day: date, today: date) -> None:
    """A check-in changed on ``day``: re-score only this item in the frozen sprints holding
    that day (finished sprints not frozen yet score live anyway).

    Every check-in write runs this, inside the write transaction, so the usual case is kept
    short: the sprints' kept JSON is read as text (no ORM sprint), only this item's check-ins
    are read and scored, and the snapshot is written back by one ``UPDATE``. That is exactly
    what :func:`freeze` does when the snapshot is unmarked and already lists every item of
    the sprint (the item's row gets fresh numbers under its kept name, the score is the mean
    again, the days are re-counted); any other sprint goes through :func:`freeze` itself."""
    found = (
        db.connection()
        .execute(_FROZEN_HOLDING, {"habit_id": habit.id, "day": day, "today": today})
        .all()
    )
    if not found:
        return
    members = _members(db, [row.id for row in found])
    quick: list[tuple[Row[int, date, date, float, str], SprintSnapshot]] = []
    slow: list[int] = []
    for row in found:
        text = present(row.snapshot)
        kept = None if text is None else SprintSnapshot.model_validate_json(text)
        listed = {item.habit_id for item in kept.habits} if kept is not None else set()
        if kept is None or kept.marked or not members[row.id] <= listed:
            slow.append(row.id)
        else:
            quick.append((row, kept))
    if quick:
        logs = load_logs(db, [habit], since=min(row.start_date for row, _ in quick), today=today)
        now = utcnow()
        for row, kept in quick:
            fresh = _scored(row.start_date, row.end_date, row.target_rate, [habit], logs, today)
            stored = _merge(kept, fresh, {habit.id}).model_dump(mode="json")
            if stored == json.loads(row.snapshot):
                continue  # unchanged (the same check-in again): no write, like the ORM's
            # No flush here, so the columns the flush hook keeps beside the snapshot
            # (sprints.kept) are written in the same UPDATE, from the same function.
            score, outcome, outcome_text = kept_columns.columns_of(stored, row.target_rate)
            db.connection().execute(
                _STORE_SNAPSHOT,
                {
                    "sprint_id": row.id,
                    "kept": stored,
                    "changed_at": now,
                    "kept_score": score,
                    "kept_outcome": outcome,
                    "kept_outcome_text": outcome_text,
                },
            )
            loaded = db.identity_map.get(db.identity_key(Sprint, row.id))
            if loaded is not None:
                db.expire(loaded, [*_STORED_ATTRIBUTES])
    if slow:
        sprints = db.scalars(select(Sprint).where(Sprint.id.in_(slow))).all()
        freeze(db, [s for s in sprints if s.snapshot is not None], today, rescore={habit.id})


# The frozen, finished sprints holding an item on a day, with their kept JSON as text.
_FROZEN_HOLDING = (
    select(
        Sprint.id,
        Sprint.start_date,
        Sprint.end_date,
        Sprint.target_rate,
        cast(Sprint.snapshot, Text).label("snapshot"),
    )
    .join(SprintHabit, SprintHabit.sprint_id == Sprint.id)
    .where(
        SprintHabit.habit_id == bindparam("habit_id"),
        Sprint.end_date < bindparam("today", type_=Date),
        Sprint.start_date <= bindparam("day", type_=Date),
        Sprint.end_date >= bindparam("day", type_=Date),
        Sprint.snapshot.is_not(None),
    )
)
_MEMBERS = select(SprintHabit.sprint_id, SprintHabit.habit_id).where(
    SprintHabit.sprint_id.in_(bindparam("ids", expanding=True))
)
_STORE_SNAPSHOT = (
    update(Sprint)
    .where(Sprint.id == bindparam("sprint_id"))
    .values(
        snapshot=bindparam("kept", type_=JSON()),
        updated_at=bindparam("changed_at", type_=UTCDateTime()),
        kept_score=bindparam("kept_score"),
        kept_outcome=bindparam("kept_outcome"),
        kept_outcome_text=bindparam("kept_outcome_text"),
    )
)
_STORED_ATTRIBUTES = ("snapshot", "updated_at", "kept_score", "kept_outcome", "kept_outcome_text")


def _members(db: Session, sprint_ids: list[int]) -> dict[int, set[int]]:
    """Each sprint's current item ids."""
    members: dict[int, set[int]] = defaultdict(set)
    for sprint_id, habit_id in db.connection().execute(_MEMBERS, {"ids": sprint_ids}):
        members[sprint_id].add(habit_id)
    return members


def rescore_habit_days(db: Session, habit_id: int, first: date, last: date, today: date) -> None:
    """Check-ins changed from ``first`` to ``last`` (an import): re-score this item in the
    frozen sprints overlapping those days, in one query."""
    frozen = db.scalars(
        select(Sprint)
        .join(SprintHabit, SprintHabit.sprint_id == Sprint.id)
        .where(
            SprintHabit.habit_id == habit_id,
            Sprint.end_date < today,
            Sprint.start_date <= last,
            Sprint.end_date >= first,
            Sprint.snapshot.is_not(None),
        )
    ).all()
    freeze(db, frozen, today, rescore={habit_id})


def mark_changed(db: Session, sprint: Sprint, today: date) -> None:
    """The sprint's dates or target changed: re-score its existing items now if it is
    finished, or mark its snapshot so they are re-scored when it is read finished again."""
    kept = snapshot_of(sprint)
    if kept is None:
        return
    if status_of(sprint, today) == "finished":
        freeze(db, [sprint], today, rescore=None)
    else:
        sprint.snapshot = kept.model_copy(update={"rescore_all": True}).model_dump(mode="json")
