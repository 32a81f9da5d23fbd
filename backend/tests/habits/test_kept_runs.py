"""Today and Home take a long current run from the figure kept on write
(``kaizen.habits.kept_runs``: ``Habit.run_as_of`` / ``run_before_as_of``) instead of counting
it in SQL. Over random histories written through the API — done, missed and skipped
check-ins, late ones before the kept day, cleared days, schedule changes (daily, chosen
weekdays, N times a week), start-date changes, archived and unarchived items, a timezone
change, the clock moving on by days and weeks — every item's streak on Today and on Home
equals the whole history's (``scoring.streaks`` over every check-in), and every kept figure
equals the read path's SQL counted again from scratch as of its day."""

import random
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from itertools import count
from typing import Any
from unittest.mock import patch

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select

from kaizen.db import new_session
from kaizen.habits import aggregates, kept_runs, logs, recent, scoring
from kaizen.habits.models import CheckIn, Habit
from tests.factories import ApiUser, create_habit, create_token, make_user
from tests.portability.loopfiles import csv_zip

SetNow = Callable[[str], None]
EXAMPLES = count()
SCHEDULES: list[dict[str, Any]] = [
    {"type": "daily"},
    {"type": "weekdays", "days": [1, 3, 5]},
    {"type": "weekdays", "days": [1, 2, 3, 4, 5]},
    {"type": "times_per_week", "times": 3},
    {"type": "times_per_week", "times": 1},
]
TIMEZONES = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata"]
HISTORY_DAYS = 150

# Days back from today: recent ones, and late ones before the kept day (14-20 days back).
back = st.integers(min_value=0, max_value=70)
operations = st.one_of(
    st.tuples(
        st.just("check_in"),
        st.integers(0, 2),
        back,
        st.sampled_from(["done", "done", "missed", "skipped"]),
    ),
    st.tuples(st.just("run"), st.integers(0, 2), back, st.integers(2, 12)),
    st.tuples(st.just("uncheck"), st.integers(0, 2), back),
    st.tuples(st.just("wait"), st.sampled_from([1, 1, 2, 3, 6, 7, 13, 21, 30])),
    st.tuples(st.just("schedule"), st.integers(0, 2), st.integers(0, len(SCHEDULES) - 1)),
    st.tuples(st.just("start"), st.integers(0, 2), st.integers(0, 80)),
    st.tuples(st.just("archive"), st.integers(0, 2), st.booleans()),
    st.tuples(st.just("timezone"), st.sampled_from(TIMEZONES)),
)
# A history as runs of one status (None: no row), so long unbroken runs are common.
history_runs = st.lists(
    st.tuples(
        st.integers(1, 80),
        st.sampled_from(["done", "done", "done", "missed", "skipped", None]),
    ),
    min_size=1,
    max_size=6,
)


def _ok(response: Any) -> None:
    assert response.status_code < 300, response.text


def _from_scratch(db: Any, habit: Habit, today: date) -> int:
    """The whole history's current streak: ``scoring.streaks`` over every check-in."""
    statuses = recent.statuses(db, [habit], today=today)
    log = scoring.HabitLog(logs.schedule_of(habit), habit.start_date, statuses[habit.id])
    return scoring.streaks(log, today=today).current


def check(client: TestClient, user: ApiUser, hits: list[int] | None = None) -> None:
    """Today's and Home's streaks equal the whole history's; kept figures equal the SQL's."""
    today_body = client.get("/api/v1/today", headers=user.headers).json()
    home_body = client.get("/api/v1/home", headers=user.headers).json()
    shown = {h["habit"]["id"]: h["current_streak"] for h in today_body["habits"]}
    assert {h["habit"]["id"]: h["current_streak"] for h in home_body["habits"]} == shown
    today = date.fromisoformat(today_body["date"])
    since = today - timedelta(days=recent.RECENT_DAYS)
    with new_session() as db:
        habits = db.scalars(select(Habit).where(Habit.user_id == user.id)).all()
        active = {h.id: h for h in habits if not h.archived}
        assert set(shown) == set(active)
        for habit in active.values():
            assert shown[habit.id] == _from_scratch(db, habit, today), habit.id
        for habit in habits:
            if habit.run_as_of is None:
                assert habit.run_before_as_of is None
                continue
            again = kept_runs.runs_as_of(db, [habit], habit.run_as_of)[habit.id]
            assert habit.run_before_as_of == again, (habit.id, habit.run_as_of)
            kept = recent.KeptRun(habit.run_as_of, habit.run_before_as_of)
            if (
                hits is not None
                and not habit.archived
                and recent.kept_run_usable(kept, since, today)
            ):
                hits.append(habit.id)


def _history(
    rng: random.Random, runs: list[tuple[int, str | None]], start: date, today: date, done: int
) -> Iterator[tuple[date, str]]:
    """The runs over and over (shuffled) up to yesterday; the last ``done`` days all done,
    so the current run often reaches back past the five weeks Today reads."""
    day = start
    while day < today:
        for length, status in runs:
            for _ in range(length):
                if day >= today:
                    return
                if (today - day).days <= done:
                    yield day, "done"
                elif status is not None:
                    yield day, status
                day += timedelta(days=1)
        rng.shuffle(runs)


@settings(
    max_examples=30,
    deadline=None,
    # No shrinking: each example is a few seconds of API calls on a shared machine.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    histories=st.lists(history_runs, min_size=3, max_size=3),
    schedules=st.lists(st.integers(0, len(SCHEDULES) - 1), min_size=3, max_size=3),
    done_tails=st.lists(st.sampled_from([0, 0, 40, 60]), min_size=3, max_size=3),
    kept_first=st.booleans(),
    ops=st.lists(operations, min_size=1, max_size=12),
)
@example(  # three long runs kept, then late check-ins before the kept day break and mend them
    histories=[[(200, "done")], [(200, "done")], [(200, "done")]],
    schedules=[0, 2, 3],
    done_tails=[0, 0, 0],
    kept_first=True,
    ops=[
        ("check_in", 0, 50, "missed"),  # late, before the window: shortens the run
        ("check_in", 1, 45, "skipped"),
        ("check_in", 2, 60, "missed"),
        ("wait", 2),
        ("uncheck", 0, 52),  # mends it
        ("check_in", 2, 62, "done"),
        ("schedule", 1, 0),
        ("check_in", 1, 0, "done"),
        ("start", 0, 120),
        ("check_in", 0, 0, "done"),
        ("check_in", 0, 20, "missed"),
        ("check_in", 1, 20, "missed"),
        ("check_in", 2, 20, "missed"),
        ("check_in", 2, 21, "missed"),
        ("check_in", 2, 22, "missed"),
        ("wait", 1),
        ("check_in", 0, 21, "done"),
        ("uncheck", 1, 21),
        ("check_in", 0, 21, "skipped"),
        ("timezone", "Pacific/Pago_Pago"),
        ("wait", 21),
    ],
)
def test_todays_and_homes_streaks_equal_the_whole_history(
    client: TestClient,
    set_now: SetNow,
    histories: list[list[tuple[int, str | None]]],
    schedules: list[int],
    done_tails: list[int],
    kept_first: bool,
    ops: list[tuple[Any, ...]],
) -> None:
    # A fresh user per example, two hours apart: sign-ups are throttled per hour.
    now = [datetime(2025, 3, 3, 12) + timedelta(hours=2 * next(EXAMPLES))]
    set_now(now[0].isoformat() + "Z")
    user = make_user(client)
    # A personal token: the test's clock runs for weeks, past a session token's lifetime.
    token = create_token(client, user)["token"]
    user = ApiUser(user.id, user.email, user.password, {"Authorization": f"Bearer {token}"})
    h = user.headers
    today = now[0].date()
    origin = today - timedelta(days=HISTORY_DAYS)
    ids = [
        create_habit(
            client, user, name=f"H{i}", start_date=origin.isoformat(), schedule=SCHEDULES[s]
        )["id"]
        for i, s in enumerate(schedules)
    ]
    # The history before the test's writes, as the bench's seed writes it (and the SQL reads).
    rng = random.Random(repr(histories))
    with new_session() as db:
        rows = [
            {"habit_id": habit_id, "day": d, "status": s, "note": ""}
            for habit_id, runs, done in zip(ids, histories, done_tails, strict=True)
            for d, s in _history(rng, list(runs), origin, today, done)
        ]
        if rows:
            db.execute(insert(CheckIn), rows)
        if kept_first:
            kept_runs.refresh_ids(db, ids, today)
        db.commit()
    hits: list[int] = []
    check(client, user, hits)
    for op in ops:
        kind, *args = op
        local = date.fromisoformat(client.get("/api/v1/today", headers=h).json()["date"])
        if kind == "wait":
            now[0] += timedelta(days=args[0])
            set_now(now[0].isoformat() + "Z")
        elif kind == "timezone":
            _ok(client.patch("/api/v1/me", json={"timezone": args[0]}, headers=h))
        elif kind in ("check_in", "run"):
            days = (
                [args[1]] if kind == "check_in" else range(args[1], max(args[1] - args[2], 0), -1)
            )
            status = args[2] if kind == "check_in" else "done"
            for back_days in days:
                day = (local - timedelta(days=back_days)).isoformat()
                response = client.put(
                    f"/api/v1/habits/{ids[args[0]]}/check-ins/{day}",
                    json={"status": status},
                    headers=h,
                )
                assert response.status_code in (200, 422), response.text  # 422: before its start
        elif kind == "uncheck":
            day = (local - timedelta(days=args[1])).isoformat()
            response = client.delete(f"/api/v1/habits/{ids[args[0]]}/check-ins/{day}", headers=h)
            assert response.status_code in (204, 404), response.text
        elif kind == "schedule":
            body = {"schedule": SCHEDULES[args[1]]}
            _ok(client.patch(f"/api/v1/habits/{ids[args[0]]}", json=body, headers=h))
        elif kind == "start":
            body = {"start_date": (origin + timedelta(days=args[1])).isoformat()}
            _ok(client.patch(f"/api/v1/habits/{ids[args[0]]}", json=body, headers=h))
        else:
            body = {"archived": args[1]}
            _ok(client.patch(f"/api/v1/habits/{ids[args[0]]}", json=body, headers=h))
        check(client, user, hits)
    if kept_first and all(runs == [(200, "done")] for runs in histories):
        assert hits, "the kept figures were never used"


def _long_runs(client: TestClient, user: ApiUser, today: date, days: int) -> list[int]:
    """A daily, a Monday-to-Friday and a 3-a-week item, every day done for ``days`` days."""
    start = today - timedelta(days=days)
    ids = [
        create_habit(client, user, name=f"Long {i}", start_date=start.isoformat(), schedule=s)["id"]
        for i, s in enumerate([SCHEDULES[0], SCHEDULES[2], SCHEDULES[3]])
    ]
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


def _sql_items(calls: list[int]) -> Any:
    """Patches of the read path's SQL counts recording how many items each was asked for."""
    daily, gaps, weeks = aggregates._daily_runs, aggregates._gaps, aggregates.week_runs_before

    def record(function: Any) -> Any:
        def wrapper(db: Any, items: Any, *args: Any, **kwargs: Any) -> Any:
            calls.append(len(items))
            return function(db, items, *args, **kwargs)

        return wrapper

    return (
        patch.object(aggregates, "_daily_runs", record(daily)),
        patch.object(aggregates, "_gaps", record(gaps)),
        patch.object(aggregates, "week_runs_before", record(weeks)),
    )


@pytest.mark.parametrize("days", [400, 1000])
def test_long_runs_are_read_from_the_kept_figures_after_a_write(
    client: TestClient, set_now: SetNow, count_queries: Callable[[], Any], days: int
) -> None:
    """Runs of a year, and of almost three (longer than the read path's SQL reaches: two
    years of weeks, 64 gaps of a Monday-to-Friday item): before any write Today counts them
    in SQL (nothing kept); after a check-in each item keeps its run, and Today asks the SQL
    for no item, with the same streaks and as many queries (two fewer for the longest runs,
    which are no longer read row by row)."""
    set_now("2025-03-05T12:00:00Z")  # a Wednesday
    user = make_user(client)
    today = date(2025, 3, 5)
    ids = _long_runs(client, user, today, days)

    def streaks(calls: list[int]) -> tuple[dict[int, int], int]:
        first, second, third = _sql_items(calls)
        with first, second, third, count_queries() as q:
            body = client.get("/api/v1/today", headers=user.headers).json()
        return {h["habit"]["id"]: h["current_streak"] for h in body["habits"]}, q.count

    calls: list[int] = []
    before, queries = streaks(calls)
    with new_session() as db:
        habits = db.scalars(select(Habit).where(Habit.id.in_(ids))).all()
        assert before == {h.id: _from_scratch(db, h, today) for h in habits}
    assert sum(calls) == 3  # one item each: counted in SQL
    for habit_id in ids:
        response = client.put(
            f"/api/v1/habits/{habit_id}/check-ins/{today - timedelta(days=1)}",
            json={"status": "done"},
            headers=user.headers,
        )
        assert response.status_code == 200
    calls.clear()
    after, queries_after = streaks(calls)
    assert after == before
    assert before[ids[0]] == days
    assert calls == [0, 0, 0]  # the same statements, for no item
    # Before the writes, runs past the SQL's reach were read further (a year, then all).
    assert queries_after == queries - (2 if days > 2 * 365 else 0)
    check(client, user)


def test_a_kaizen_import_keeps_the_runs_it_writes(client: TestClient, set_now: SetNow) -> None:
    set_now("2025-03-05T12:00:00Z")
    today = date(2025, 3, 5)
    alice, bob = make_user(client), make_user(client)
    _long_runs(client, alice, today, 300)
    document = client.get("/api/v1/export", headers=alice.headers).content
    response = client.post(
        "/api/v1/import",
        content=document,
        headers={**bob.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    with new_session() as db:
        kept = db.scalars(select(Habit.run_before_as_of).where(Habit.user_id == bob.id)).all()
    assert len(kept) == 3 and None not in kept
    check(client, bob)
    # Imported again into its own account: the same days, kept again.
    response = client.post(
        "/api/v1/import",
        content=document,
        headers={**alice.headers, "Content-Type": "application/json"},
    )
    assert response.status_code == 200, response.text
    check(client, alice)


def _streaks_by_name(client: TestClient, user: ApiUser) -> dict[str, int]:
    body = client.get("/api/v1/today", headers=user.headers).json()
    return {h["habit"]["name"]: h["current_streak"] for h in body["habits"]}


def test_a_loop_import_keeps_the_runs_it_writes(client: TestClient, set_now: SetNow) -> None:
    set_now("2025-03-05T12:00:00Z")
    today = date(2025, 3, 5)
    user = make_user(client)
    days = [today - timedelta(days=d) for d in range(1, 200)]
    habits = [
        {"name": "Meditate", "entries": [(d, "YES_MANUAL", "") for d in days]},
        {"name": "Run", "num": 3, "den": 7, "entries": [(d, "YES_MANUAL", "") for d in days]},
    ]

    def load(data: bytes) -> None:
        response = client.post(
            "/api/v1/import/loop",
            content=data,
            headers={**user.headers, "Content-Type": "application/zip"},
        )
        assert response.status_code == 200, response.text

    load(csv_zip(habits))
    check(client, user)
    assert _streaks_by_name(client, user)["Meditate"] == 199
    # A re-import with a day missed long before the window: the kept run is counted again.
    habits[0]["entries"][100] = (days[100], "NO", "")
    load(csv_zip(habits))
    check(client, user)
    assert _streaks_by_name(client, user)["Meditate"] == 100
