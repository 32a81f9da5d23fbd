"""/home's query count does not grow with the data: the bench's heavy user (the bench's own
seeding code: 30 action items with long runs of days and of weeks, a sprint every
fortnight, goals, 500 applications with 2,000 events, 3,000 reading items, reviews) costs a
fixed number of queries more than a new user, and only for the reads a new user has
nothing for."""

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from bench import seed
from kaizen import clock
from kaizen.db import new_session
from tests.factories import make_user

# Reads that run only when there is something to read (a new user has none of them):
# where the action items' runs of days started and their skipped days, the met weeks of
# N-times-a-week items, the events' contacts, and the running sprint's previous sprint,
# items and check-ins.
ONLY_WITH_DATA = 3 + 1 + 3


def test_home_query_count_is_fixed_from_a_new_user_to_the_heavy_bench_user(
    client: TestClient, set_now: Callable[[str], None], count_queries: Callable[[], Any]
) -> None:
    set_now("2026-11-30T06:00:00Z")
    today = clock.local_today(seed.TIMEZONE)
    with new_session() as db:
        # Two years of check-ins (not five) keeps the test quick; the other domains are the
        # bench's full seed, and the first items' runs still reach back past the window.
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
    assert {h["streak_unit"] for h in body["habits"] if h["current_streak"] > 35} == {
        "days",
        "weeks",
    }
    assert counts[1] == counts[0] + ONLY_WITH_DATA
