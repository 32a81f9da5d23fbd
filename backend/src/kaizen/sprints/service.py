"""Sprints: time boxes over action items, their live scoreboard, frozen results and review."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.errors import NotFound, field_error
from kaizen.goals.service import check_goal_links
from kaizen.habits import scoring as habit_scoring
from kaizen.habits.models import Habit
from kaizen.habits.service import load_logs, schedule_of, today_for
from kaizen.ownership import ensure_owned
from kaizen.schemas import apply_changes
from kaizen.sprints import scoring
from kaizen.sprints.models import Sprint, SprintGoal, SprintHabit
from kaizen.sprints.schemas import (
    Scoreboard,
    ScoreboardItem,
    SprintCreate,
    SprintNext,
    SprintOutcome,
    SprintRead,
    SprintStatus,
    SprintUpdate,
)

DEFAULT_DAYS = 14
MAX_DAYS = 366


def status_of(sprint: Sprint, today: date) -> SprintStatus:
    if today < sprint.start_date:
        return "planned"
    if today > sprint.end_date:
        return "finished"
    return "active"


def _check_dates(start: date, end: date) -> None:
    if end < start:
        raise field_error("end_date", f"The end date {end} is before the start date {start}")
    if (end - start).days + 1 > MAX_DAYS:
        raise field_error("end_date", f"A sprint lasts at most {MAX_DAYS} days")


def _set_habits(db: Session, user: User, sprint: Sprint, habit_ids: list[int]) -> None:
    ensure_owned(db, user.id, Habit, habit_ids, label="Habit", field="habit_ids")
    db.execute(delete(SprintHabit).where(SprintHabit.sprint_id == sprint.id))
    db.add_all(
        SprintHabit(sprint_id=sprint.id, habit_id=habit_id, position=position)
        for position, habit_id in enumerate(habit_ids)
    )


def _set_goals(db: Session, user: User, sprint: Sprint, goal_ids: list[int]) -> None:
    check_goal_links(db, user, goal_ids)
    db.execute(delete(SprintGoal).where(SprintGoal.sprint_id == sprint.id))
    db.add_all(SprintGoal(sprint_id=sprint.id, goal_id=goal_id) for goal_id in goal_ids)


def create_sprint(db: Session, user: User, body: SprintCreate) -> Sprint:
    start = body.start_date or today_for(user)
    end = body.end_date or start + timedelta(days=DEFAULT_DAYS - 1)
    _check_dates(start, end)
    sprint = Sprint(
        user_id=user.id,
        title=body.title,
        theme=body.theme,
        start_date=start,
        end_date=end,
        target_rate=body.target_rate,
        plan=body.plan,
        retrospective=body.retrospective,
    )
    db.add(sprint)
    db.flush()
    _set_habits(db, user, sprint, body.habit_ids)
    _set_goals(db, user, sprint, body.goal_ids)
    db.flush()
    return sprint


def overlapping(db: Session, user: User, sprint: Sprint) -> Sequence[Sprint]:
    """The user's other sprints sharing at least one day with this one, oldest first."""
    return db.scalars(
        select(Sprint)
        .where(
            Sprint.user_id == user.id,
            Sprint.id != sprint.id,
            Sprint.start_date <= sprint.end_date,
            Sprint.end_date >= sprint.start_date,
        )
        .order_by(Sprint.start_date, Sprint.id)
    ).all()


def update_sprint(db: Session, user: User, sprint: Sprint, body: SprintUpdate) -> Sprint:
    changes = body.model_dump(exclude_unset=True, exclude={"habit_ids", "goal_ids"})
    apply_changes(sprint, changes, text={"theme", "plan", "retrospective"})
    _check_dates(sprint.start_date, sprint.end_date)
    if body.habit_ids is not None:
        _set_habits(db, user, sprint, body.habit_ids)
    if body.goal_ids is not None:
        _set_goals(db, user, sprint, body.goal_ids)
    if body.habit_ids is not None:
        # The user chose the items again: the frozen rows no longer describe this sprint.
        sprint.snapshot = None
    elif sprint.snapshot and changes.keys() & {"start_date", "end_date", "target_rate"}:
        sprint.snapshot = {**sprint.snapshot, "stale": True}
    db.flush()
    return sprint


def list_sprints(
    db: Session, user: User, *, limit: int, offset: int
) -> tuple[Sequence[Sprint], int]:
    total = db.scalar(select(func.count()).select_from(Sprint).where(Sprint.user_id == user.id))
    rows = db.scalars(
        select(Sprint)
        .where(Sprint.user_id == user.id)
        .order_by(Sprint.start_date.desc(), Sprint.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return rows, total or 0


def current_sprint(db: Session, user: User) -> Sprint:
    today = today_for(user)
    sprint = db.scalars(
        select(Sprint)
        .where(Sprint.user_id == user.id, Sprint.start_date <= today, Sprint.end_date >= today)
        .order_by(Sprint.start_date.desc(), Sprint.id.desc())
        .limit(1)
    ).first()
    if sprint is None:
        raise NotFound("Current sprint")
    return sprint


def previous_sprint(db: Session, sprint: Sprint) -> Sprint | None:
    """The user's sprint that ended most recently before this one started."""
    return db.scalars(
        select(Sprint)
        .where(Sprint.user_id == sprint.user_id, Sprint.end_date < sprint.start_date)
        .order_by(Sprint.end_date.desc(), Sprint.id.desc())
        .limit(1)
    ).first()


def following_sprint(db: Session, sprint: Sprint) -> Sprint | None:
    """The user's sprint that starts the day after this one ends (its "next fortnight")."""
    return db.scalars(
        select(Sprint)
        .where(
            Sprint.user_id == sprint.user_id,
            Sprint.start_date == sprint.end_date + timedelta(days=1),
        )
        .order_by(Sprint.id)
        .limit(1)
    ).first()


def _items_by_sprint(db: Session, sprint_ids: list[int]) -> dict[int, list[Habit]]:
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


def _needs_scoring(sprint: Sprint, today: date) -> bool:
    snapshot = sprint.snapshot
    return status_of(sprint, today) != "finished" or not snapshot or bool(snapshot.get("stale"))


def results(db: Session, user: User, sprints: Sequence[Sprint]) -> dict[int, dict[str, Any]]:
    """Each sprint's scored results (the scoreboard without the comparison), in a constant
    number of queries.

    A finished sprint's results are frozen into its snapshot the first time they are read, so
    renaming, rescheduling or deleting an item later does not rewrite history. A late
    check-in inside a finished sprint marks that item stale; re-scoring then refreshes only the
    stale items and keeps the frozen rows (and names) of the rest.
    """
    today = today_for(user)
    out: dict[int, dict[str, Any]] = {}
    live = [s for s in sprints if _needs_scoring(s, today)]
    items = _items_by_sprint(db, [s.id for s in live])
    # Only the sprints' own days matter, so older check-ins are not even read.
    since = min((s.start_date for s in live), default=None)
    habits_seen = {h.id: h for hs in items.values() for h in hs}.values()
    logs = load_logs(db, habits_seen, since=since, today=today)
    for sprint in sprints:
        if sprint not in live:
            out[sprint.id] = dict(sprint.snapshot or {})
            continue
        habits = items.get(sprint.id, [])
        score = scoring.score_sprint(
            start=sprint.start_date,
            end=sprint.end_date,
            target_rate=sprint.target_rate,
            items=[scoring.SprintItem(log=logs[h.id], key=h.id) for h in habits],
            today=today,
        )
        names = {h.id: h.name for h in habits}
        rows = [
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
            ).model_dump(mode="json")
            for i in score.items
        ]
        finished = status_of(sprint, today) == "finished"
        if finished and sprint.snapshot:
            rows = _merge_frozen(
                sprint.snapshot.get("habits", []), rows, sprint.snapshot.get("stale", True)
            )
        rates = [r["rate"] for r in rows if r["rate"] is not None]
        result = {
            "days_total": score.days_total,
            "days_elapsed": score.days_elapsed,
            "days_left": score.days_left,
            "score": sum(rates) / len(rates) if rates else None,
            "habits": rows,
        }
        if finished:
            sprint.snapshot = result
        out[sprint.id] = result
    db.flush()
    return out


def _merge_frozen(
    frozen: list[dict[str, Any]], fresh: list[dict[str, Any]], stale: bool | list[int]
) -> list[dict[str, Any]]:
    """Fresh numbers, under their frozen names, for the stale items (``True``: every item
    that still exists); the frozen rows for the rest, including items deleted since."""
    fresh_by_id = {row["habit_id"]: row for row in fresh}
    merged = []
    for old in frozen:
        new = fresh_by_id.pop(old["habit_id"], None)
        refresh = new is not None and (stale is True or old["habit_id"] in (stale or []))
        merged.append({**new, "name": old["name"]} if refresh and new else old)
    return merged + list(fresh_by_id.values())


def mark_stale(db: Session, habit_id: int, day: date) -> None:
    """A check-in changed inside finished sprints: re-score them on the next read."""
    sprints = db.scalars(
        select(Sprint)
        .join(SprintHabit, SprintHabit.sprint_id == Sprint.id)
        .where(
            SprintHabit.habit_id == habit_id,
            Sprint.start_date <= day,
            Sprint.end_date >= day,
            Sprint.snapshot.is_not(None),
        )
    ).all()
    for sprint in sprints:
        snapshot = sprint.snapshot or {}
        stale = snapshot.get("stale") or []
        if stale is not True and habit_id not in stale:
            sprint.snapshot = {**snapshot, "stale": [*stale, habit_id]}


def freeze_finished_with_habit(db: Session, user: User, habit: Habit) -> None:
    """Freeze finished sprints holding this habit before it is renamed, archived or deleted."""
    today = today_for(user)
    sprints = db.scalars(
        select(Sprint)
        .join(SprintHabit, SprintHabit.sprint_id == Sprint.id)
        .where(
            SprintHabit.habit_id == habit.id,
            Sprint.end_date < today,
        )
    ).all()
    stale = [s for s in sprints if _needs_scoring(s, today)]
    if stale:
        results(db, user, stale)


def outcome_of(sprint: Sprint, status: SprintStatus, result: dict[str, Any]) -> SprintOutcome:
    """Where the sprint stands, from the same rows the scoreboard shows (live or frozen)."""
    items = [
        scoring.ItemTally(
            done=row["done"],
            required=row["required"],
            still_needed=row["still_needed"],
            eligible_left=row["eligible_left"],
        )
        for row in result.get("habits", [])
    ]
    found = scoring.outcome(
        status=status, target_rate=sprint.target_rate, items=items, start=sprint.start_date
    )
    return SprintOutcome(state=found.state, text=found.text)


def read(
    sprint: Sprint,
    habit_ids: list[int],
    goal_ids: list[int],
    result: dict[str, Any],
    today: date,
) -> SprintRead:
    return SprintRead(
        id=sprint.id,
        title=sprint.title,
        theme=sprint.theme,
        start_date=sprint.start_date,
        end_date=sprint.end_date,
        target_rate=sprint.target_rate,
        habit_ids=habit_ids,
        goal_ids=goal_ids,
        plan=sprint.plan,
        retrospective=sprint.retrospective,
        status=status_of(sprint, today),
        score=result.get("score"),
        outcome=outcome_of(sprint, status_of(sprint, today), result),
    )


def reads(db: Session, user: User, sprints: Sequence[Sprint]) -> list[SprintRead]:
    today = today_for(user)
    scored = results(db, user, sprints)
    ids = [s.id for s in sprints]
    habits, goals = habit_ids_by_sprint(db, ids), _goal_ids_by_sprint(db, ids)
    return [
        read(s, habits.get(s.id, []), goals.get(s.id, []), scored[s.id], today) for s in sprints
    ]


def habit_ids_by_sprint(db: Session, sprint_ids: list[int]) -> dict[int, list[int]]:
    return _linked_ids(db, SprintHabit, SprintHabit.habit_id, SprintHabit.position, sprint_ids)


def _goal_ids_by_sprint(db: Session, sprint_ids: list[int]) -> dict[int, list[int]]:
    return _linked_ids(db, SprintGoal, SprintGoal.goal_id, SprintGoal.goal_id, sprint_ids)


def _linked_ids(
    db: Session, table: Any, linked: Any, order: Any, sprint_ids: list[int]
) -> dict[int, list[int]]:
    """The ids a link table joins to each sprint, in one query."""
    links: dict[int, list[int]] = defaultdict(list)
    if sprint_ids:
        rows = db.execute(
            select(table.sprint_id, linked)
            .where(table.sprint_id.in_(sprint_ids))
            .order_by(table.sprint_id, order)
        )
        for sprint_id, linked_id in rows:
            links[sprint_id].append(linked_id)
    return links


def scoreboard(db: Session, user: User, sprint: Sprint) -> Scoreboard:
    previous = previous_sprint(db, sprint)
    scored = results(db, user, [sprint, previous] if previous else [sprint])
    mine = scored[sprint.id]
    previous_score = scored[previous.id]["score"] if previous else None
    status = status_of(sprint, today_for(user))
    return Scoreboard(
        sprint_id=sprint.id,
        status=status,
        outcome=outcome_of(sprint, status, mine),
        start_date=sprint.start_date,
        end_date=sprint.end_date,
        target_rate=sprint.target_rate,
        previous_sprint_id=previous.id if previous else None,
        previous_score=previous_score,
        delta=scoring.delta(mine["score"], previous_score),
        frozen=sprint.snapshot is not None,
        **{k: mine[k] for k in ("days_total", "days_elapsed", "days_left", "score", "habits")},
    )


def plan_next(db: Session, user: User, sprint: Sprint, body: SprintNext) -> Sprint:
    """The following sprint: same action items (archived ones dropped), starting the day after."""
    links = _items_by_sprint(db, [sprint.id]).get(sprint.id, [])
    start = sprint.end_date + timedelta(days=1)
    return create_sprint(
        db,
        user,
        SprintCreate(
            title=body.title or f"After {sprint.title}"[:200],
            theme=body.theme if body.theme is not None else sprint.theme,
            start_date=start,
            end_date=start + timedelta(days=body.days - 1),
            target_rate=body.target_rate,
            habit_ids=[h.id for h in links if not h.archived],
            goal_ids=_goal_ids_by_sprint(db, [sprint.id]).get(sprint.id, []),
        ),
    )


def next_sprint_required(
    db: Session, user: User, sprint: Sprint, target_rate: float, days: int
) -> list[int]:
    """Days each item would need in a sprint of ``days`` after this one, at ``target_rate``."""
    habits = _items_by_sprint(db, [sprint.id]).get(sprint.id, [])
    start = sprint.end_date + timedelta(days=1)
    end = start + timedelta(days=days - 1)
    needed = []
    for habit in habits:
        # A fresh log: the future sprint has no check-ins, so every scheduled day is eligible.
        log = habit_scoring.HabitLog(
            schedule=schedule_of(habit),
            start_date=habit.start_date,
        )
        counts = habit_scoring.tally(log, today=start, start=start, end=end)
        needed.append(scoring.required_days(target_rate, counts.eligible_total))
    return needed
