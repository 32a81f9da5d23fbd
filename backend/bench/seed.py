"""The bench's users, written straight into the database (no HTTP, no password hashing).

Three users with the same plan and different history lengths: ``years1``, ``years5`` (the
heavy user every table line is measured on) and ``years10`` (for "flat in history length").
Each has 30 action items with a mix of schedules and kinds, daily check-ins since the start
(mostly done, some missed, skipped or left empty, a few notes; three items on a two-year
unbroken streak, the worst case for a streak), nine goals with key results, and a sprint every
fortnight. The heavy user also has applications, reading items and saved weekly reviews
(``seed_domains.py``). Deterministic: the same seed gives the same data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from bench.seed_domains import iso_week, seed_domains
from kaizen.auth import security
from kaizen.auth.models import ApiToken, User
from kaizen.goals.models import Goal, KeyResult
from kaizen.habits import kept_runs
from kaizen.habits.models import CheckIn, Habit
from kaizen.sprints import snapshots
from kaizen.sprints.models import Sprint, SprintGoal, SprintHabit

HABITS = 30
GOALS = 9
SPRINT_ITEMS = 8
STREAK_ITEMS = 3
STREAK_DAYS = 730
TIMEZONE = "Asia/Kolkata"
HISTORIES = {"years1": 1, "years5": 5, "years10": 10}
HEAVY = "years5"  # every table line is measured on this user


@dataclass(frozen=True)
class BenchUser:
    key: str
    years: int
    token: str
    habit_ids: list[int]
    sprint_ids: list[int]  # oldest first
    week: str  # the current ISO week ("2026-W49") on the bench's day


def _schedule(i: int) -> dict[str, object]:
    """20 daily, 5 Monday-to-Friday, 3 three-times-a-week, 2 numeric daily items."""
    if 20 <= i < 25:
        return {"schedule_type": "weekdays", "schedule_days": "12345"}
    if 25 <= i < 28:
        return {"schedule_type": "times_per_week", "schedule_times": 3}
    if i >= 28:
        return {"kind": "numeric", "target_value": 8.0, "unit": "cups", "target_type": "at_least"}
    return {}


def _day_rows(rng: random.Random, habit: Habit, index: int, today: date) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    streak_from = today - timedelta(days=STREAK_DAYS)
    day = habit.start_date
    while day < today:  # today is left pending: the Today page's usual morning state
        if habit.schedule_type == "weekdays" and str(day.isoweekday()) not in (
            habit.schedule_days or ""
        ):
            day += timedelta(days=1)
            continue
        roll = rng.random()
        if index < STREAK_ITEMS and day >= streak_from:
            status: str | None = "done"
        elif roll < 0.72:
            status = "done"
        elif roll < 0.88:
            status = "missed"
        elif roll < 0.91:
            status = "skipped"
        else:
            status = None  # no row: not done
        if status is not None:
            value = None
            if habit.kind == "numeric" and status != "skipped":
                value = 8.0 + rng.randint(0, 4) if status == "done" else float(rng.randint(0, 7))
            note = f"note for {day}" if rng.random() < 0.05 else ""
            rows.append(
                {"habit_id": habit.id, "day": day, "status": status, "value": value, "note": note}
            )
        day += timedelta(days=1)
    return rows


def seed_user(db: Session, key: str, years: int, today: date) -> BenchUser:
    rng = random.Random(f"kaizen-bench-{key}")
    start = today - timedelta(days=365 * years)
    user = User(
        email=f"{key}@bench.example",
        password_hash="!unusable",  # noqa: S106 -- the bench signs in with a token
        timezone=TIMEZONE,
        onboarded=True,
    )
    db.add(user)
    db.flush()
    token, prefix = security.new_api_token()
    db.add(
        ApiToken(
            user_id=user.id,
            name="bench",
            kind="personal",
            prefix=prefix,
            secret_hash=security.hash_secret(token),
            last_used_at=datetime.now(UTC),
        )
    )
    goals = [
        Goal(user_id=user.id, title=f"Goal {g}", area="other", position=g) for g in range(GOALS)
    ]
    db.add_all(goals)
    db.flush()
    db.add_all(
        KeyResult(goal_id=g.id, title=f"Result {k}", target_value=10, current_value=k, position=k)
        for g in goals
        for k in range(2)
    )
    habits = [
        Habit(
            user_id=user.id,
            name=f"Action item {i}",
            start_date=start,
            position=i + 1,
            goal_id=goals[i % GOALS].id,
            **_schedule(i),
        )
        for i in range(HABITS)
    ]
    db.add_all(habits)
    db.flush()
    rows = [row for i, h in enumerate(habits) for row in _day_rows(rng, h, i, today)]
    for chunk in range(0, len(rows), 20_000):
        db.execute(insert(CheckIn), rows[chunk : chunk + 20_000])
    # As the app's check-in writes would have: each item's current run kept (habits/kept_runs).
    kept_runs.refresh(db, habits, today)
    sprint_ids: list[int] = []
    sprint_start = start
    n = 0
    while sprint_start <= today:
        sprint = Sprint(
            user_id=user.id,
            title=f"Fortnight {n + 1}",
            start_date=sprint_start,
            end_date=sprint_start + timedelta(days=13),
            target_rate=0.75,
        )
        db.add(sprint)
        db.flush()
        picked = [habits[(n + k) % HABITS] for k in range(SPRINT_ITEMS)]
        db.add_all(
            SprintHabit(sprint_id=sprint.id, habit_id=h.id, position=p)
            for p, h in enumerate(picked)
        )
        db.add(SprintGoal(sprint_id=sprint.id, goal_id=goals[n % GOALS].id))
        sprint_ids.append(sprint.id)
        sprint_start += timedelta(days=14)
        n += 1
    db.flush()
    # As the app would have done over the years: finished sprints keep frozen results.
    snapshots.freeze_finished(db, user.id, today)
    db.flush()
    print(
        f"  {key}: {len(rows):,} check-ins, {HABITS} items, {len(sprint_ids)} sprints",
        flush=True,
    )
    if key == HEAVY:
        counts = seed_domains(db, key, user.id, [g.id for g in goals], start, today)
        print("  " + ", ".join(f"{n:,} {what}" for what, n in counts.items()), flush=True)
    return BenchUser(key, years, token, [h.id for h in habits], sprint_ids, iso_week(today))


def seed(db: Session, today: date) -> dict[str, BenchUser]:
    users = {key: seed_user(db, key, years, today) for key, years in HISTORIES.items()}
    db.commit()
    return users
