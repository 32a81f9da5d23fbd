"""/home's query count does not depend on the data: a new user and the bench's heavy user
(the bench's own seeding code: 30 action items with runs of days and of weeks reaching back
past Today's window, a sprint every fortnight, goals, 500 applications with 2,000 events,
3,000 reading items, reviews) cost the same queries, except the running sprint's
scoreboard (less one: Home reads the running and the previous sprint together), which a
user without a running sprint has no use for."""

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from bench import seed
from kaizen import clock
from kaizen.auth.models import User
from kaizen.db import new_session
from kaizen.sprints import service as sprints
from tests.factories import make_user


def test_home_query_count_is_the_same_for_a_new_user_and_the_heavy_bench_user(
    client: TestClient, set_now: Callable[[str], None], count_queries: Callable[[], Any]
) -> None:
    set_now("2026-11-30T06:00:00Z")
    today = clock.local_today(seed.TIMEZONE)
    with new_session() as db:
        # Two years of check-ins (not five) keep the test quick; the other domains are the
        # bench's full seed, and the long runs still reach back past Today's window.
        heavy = seed.seed_user(db, seed.HEAVY, 2, today)
        db.commit()
    new = make_user(client, timezone=seed.TIMEZONE)
    counts = []
    for headers in (new.headers, {"Authorization": f"Bearer {heavy.token}"}):
        with count_queries() as q:
            response = client.get("/api/v1/home", headers=headers)
        assert response.status_code == 200, response.text
        counts.append(q.count)
    body = response.json()
    assert len(body["habits"]) == 30 and body["sprint"] is not None
    assert body["events"] and body["follow_ups"] and body["reading"]
    long_runs = {h["streak_unit"] for h in body["habits"] if h["current_streak"] > 35}
    assert long_runs == {"days", "weeks"}
    with new_session() as db:
        user = db.scalars(select(User).where(User.email == f"{seed.HEAVY}@bench.example")).one()
        sprint = sprints.current_sprint(db, user, today)
        with count_queries() as q:
            sprints.scoreboard(db, sprint, today)
        board = q.count
    # Home reads the running sprint and the one before it in one statement (the scoreboard
    # in two): one fewer than the scoreboard's own.
    assert counts[1] == counts[0] + board - 1
