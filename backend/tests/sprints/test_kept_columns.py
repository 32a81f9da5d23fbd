"""The sprint list reads a finished sprint's score and outcome from columns written with its
kept snapshot (``kaizen.sprints.kept``). Over random histories (check-ins, late check-ins into
finished sprints, skips, deleted check-ins, renames, schedule changes, archived and deleted
items, edited targets, dates and items), the columns always equal what the snapshot gives
when read from scratch (validated as ``SprintSnapshot``, outcome re-derived), and the list
shows every sprint exactly as its own ``GET`` does (which reads the snapshot itself)."""

from collections.abc import Callable
from datetime import date, datetime, timedelta
from itertools import count
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from kaizen.db import new_session
from kaizen.sprints import scoring
from kaizen.sprints.kept import NOTHING_KEPT, KeptColumns
from kaizen.sprints.models import Sprint
from kaizen.sprints.snapshots import SprintSnapshot
from tests.factories import (
    ApiUser,
    check_in,
    create_habit,
    create_sprint,
    create_token,
    make_user,
)

SetNow = Callable[[str], None]
EXAMPLES = count()
SCHEDULES = [
    {"type": "daily"},
    {"type": "weekdays", "days": [1, 3, 5]},
    {"type": "times_per_week", "times": 2},
]

day_offsets = st.integers(min_value=0, max_value=30)
operations = st.one_of(
    st.tuples(
        st.just("check_in"),
        st.integers(0, 2),
        day_offsets,
        st.sampled_from(["done", "missed", "skipped"]),
    ),
    st.tuples(st.just("uncheck"), st.integers(0, 2), day_offsets),
    st.tuples(st.just("wait"), st.integers(1, 10)),
    st.tuples(st.just("rename"), st.integers(0, 2)),
    st.tuples(st.just("schedule"), st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("archive"), st.integers(0, 2)),
    st.tuples(st.just("delete_habit"), st.integers(0, 2)),
    st.tuples(st.just("target"), st.integers(0, 2), st.sampled_from([0.5, 0.75, 0.9, 1.0])),
    st.tuples(st.just("dates"), st.integers(0, 2), day_offsets, st.integers(3, 14)),
    st.tuples(st.just("items"), st.integers(0, 2), st.lists(st.integers(0, 2), max_size=3)),
)
sprint_plans = st.lists(
    st.tuples(day_offsets, st.integers(3, 14), st.lists(st.integers(0, 2), max_size=3)),
    min_size=1,
    max_size=3,
)


def from_scratch(sprint: Sprint) -> KeptColumns:
    """The columns as a read of the snapshot alone gives them (``None``s: nothing usable)."""
    snapshot = sprint.snapshot
    if not snapshot or "stale" in snapshot:  # an old mark: the list re-reads these the slow way
        return NOTHING_KEPT
    kept = SprintSnapshot.model_validate(snapshot)
    if kept.marked:
        return NOTHING_KEPT
    found = scoring.outcome(status="finished", target_rate=sprint.target_rate, items=kept.habits)
    return KeptColumns(kept.score, found.state, found.text)


def check(client: TestClient, user: ApiUser) -> None:
    with new_session() as db:
        sprints = db.scalars(select(Sprint).where(Sprint.user_id == user.id)).all()
        for sprint in sprints:
            stored = (sprint.kept_score, sprint.kept_outcome, sprint.kept_outcome_text)
            assert stored == from_scratch(sprint), sprint.snapshot
    listed = client.get("/api/v1/sprints?limit=200", headers=user.headers).json()
    assert listed["total"] == len(sprints)
    for item in listed["items"]:
        own = client.get(f"/api/v1/sprints/{item['id']}", headers=user.headers).json()
        assert item == own


def _ok(response: Any) -> None:
    assert response.status_code < 300, response.text


@settings(
    max_examples=25,
    deadline=None,
    # No shrinking: each example is a few seconds of API calls on a shared machine.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plans=sprint_plans, ops=st.lists(operations, max_size=14))
def test_kept_columns_equal_the_snapshot_read_from_scratch(
    client: TestClient,
    set_now: SetNow,
    plans: list[tuple[int, int, list[int]]],
    ops: list[tuple[Any, ...]],
) -> None:
    # A fresh user per example, two hours apart: sign-ups are throttled per hour.
    now = [datetime(2025, 1, 6, 12) + timedelta(hours=2 * next(EXAMPLES))]
    set_now(now[0].isoformat() + "Z")
    origin = now[0].date() - timedelta(days=20)
    user = make_user(client)
    # A personal token: the test's clock runs for weeks, past a session token's lifetime.
    token = create_token(client, user)["token"]
    user = ApiUser(user.id, user.email, user.password, {"Authorization": f"Bearer {token}"})
    habits = [
        create_habit(client, user, name=f"H{i}", start_date=origin.isoformat(), schedule=s)["id"]
        for i, s in enumerate(SCHEDULES)
    ]
    alive = set(habits)

    def day(offset: int) -> date:
        return origin + timedelta(days=offset)

    def items(picks: list[int]) -> list[int]:
        return list(dict.fromkeys(habits[p] for p in picks if habits[p] in alive))

    sprint_ids = [
        create_sprint(
            client,
            user,
            start_date=day(start).isoformat(),
            end_date=day(start + length - 1).isoformat(),
            habit_ids=items(picks),
        )["id"]
        for start, length, picks in plans
    ]
    h = user.headers
    for op in ops:
        kind, *args = op
        if kind == "wait":
            now[0] += timedelta(days=args[0])
            set_now(now[0].isoformat() + "Z")
            # Any write freezes the sprints that have just finished (here: a harmless PATCH).
            _ok(client.patch(f"/api/v1/sprints/{sprint_ids[0]}", json={"plan": "x"}, headers=h))
            continue
        habit = habits[args[0]]
        on_habit = ("check_in", "uncheck", "rename", "schedule", "archive", "delete_habit")
        if kind in on_habit and habit not in alive:
            continue
        if kind == "check_in":
            if day(args[1]) <= now[0].date():
                check_in(client, user, habit, day(args[1]), args[2])
        elif kind == "uncheck":
            url = f"/api/v1/habits/{habit}/check-ins/{day(args[1]).isoformat()}"
            assert client.delete(url, headers=h).status_code in (204, 404)
        elif kind == "rename":
            _ok(client.patch(f"/api/v1/habits/{habit}", json={"name": "Renamed"}, headers=h))
        elif kind == "schedule":
            body = {"schedule": SCHEDULES[args[1]]}
            _ok(client.patch(f"/api/v1/habits/{habit}", json=body, headers=h))
        elif kind == "archive":
            _ok(client.patch(f"/api/v1/habits/{habit}", json={"archived": True}, headers=h))
        elif kind == "delete_habit":
            _ok(client.delete(f"/api/v1/habits/{habit}", headers=h))
            alive.discard(habit)
        else:
            sprint = sprint_ids[args[0] % len(sprint_ids)]
            if kind == "target":
                body = {"target_rate": args[1]}
            elif kind == "dates":
                start = day(args[1])
                body = {
                    "start_date": start.isoformat(),
                    "end_date": (start + timedelta(days=args[2] - 1)).isoformat(),
                }
            else:
                body = {"habit_ids": items(args[1])}
            _ok(client.patch(f"/api/v1/sprints/{sprint}", json=body, headers=h))
        check(client, user)
    check(client, user)
