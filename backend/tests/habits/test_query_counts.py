"""/today, /check-ins and /stats run a constant number of SQL queries as data grows."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import insert

from kaizen.db import new_session
from kaizen.habits.models import CheckIn
from tests.factories import ApiUser, create_habit, make_user


def _grow(client: TestClient, user: ApiUser, habits: int, days: int) -> list[int]:
    ids = []
    for i in range(habits):
        ids.append(create_habit(client, user, name=f"h{i}", start_date="2024-01-01")["id"])
    start = date(2024, 1, 1)
    with new_session() as db:
        db.execute(
            insert(CheckIn),
            [
                {"habit_id": h, "day": start + timedelta(days=d), "status": "done", "note": ""}
                for h in ids
                for d in range(days)
            ],
        )
        db.commit()
    return ids


def _count(count_queries: Callable[[], Any], client: TestClient, url: str, user: ApiUser) -> int:
    with count_queries() as q:
        assert client.get(url, headers=user.headers).status_code == 200
    return int(q.count)


def test_constant_queries(
    client: TestClient, count_queries: Callable[[], Any], set_now: Any
) -> None:
    set_now("2024-12-31T12:00:00Z")
    small, big = make_user(client), make_user(client)
    small_ids = _grow(client, small, habits=1, days=3)
    big_ids = _grow(client, big, habits=12, days=300)
    for url_small, url_big in [
        ("/api/v1/today", "/api/v1/today"),
        ("/api/v1/check-ins?from=2024-01-01&to=2024-12-31",) * 2,
        (f"/api/v1/habits/{small_ids[0]}/stats", f"/api/v1/habits/{big_ids[0]}/stats"),
        ("/api/v1/habits", "/api/v1/habits"),
    ]:
        assert _count(count_queries, client, url_small, small) == _count(
            count_queries, client, url_big, big
        ), url_big


def test_today_reads_long_streaks_in_the_same_queries_whatever_their_number(
    client: TestClient, count_queries: Callable[[], Any], set_now: Any
) -> None:
    """Streaks longer than the recent window are counted by the same queries for all such
    items together (where each run started, and its skipped days), not one per item, and
    those queries run for short streaks too, so the count does not depend on the data; the
    current streak is still counted in full."""
    set_now("2024-12-31T12:00:00Z")
    short, one_long, many_long = make_user(client), make_user(client), make_user(client)
    _grow(client, short, habits=1, days=3)
    _grow(client, one_long, habits=1, days=365)
    _grow(client, many_long, habits=12, days=365)
    base = _count(count_queries, client, "/api/v1/today", short)
    one = _count(count_queries, client, "/api/v1/today", one_long)
    assert one == base
    assert _count(count_queries, client, "/api/v1/today", many_long) == one
    body = client.get("/api/v1/today", headers=many_long.headers).json()
    assert {h["current_streak"] for h in body["habits"]} == {365}
