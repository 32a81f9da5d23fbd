"""Habits and check-ins through the HTTP API: the contract scripts and the SPA rely on."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from tests.factories import ApiUser, create_habit, make_user

SetNow = Callable[[str], None]


def put(client: TestClient, user: ApiUser, habit_id: object, day: str, **body: object):  # type: ignore[no-untyped-def]
    return client.put(f"/api/v1/habits/{habit_id}/check-ins/{day}", json=body, headers=user.headers)


def test_minimal_create_has_sensible_defaults(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-04T06:00:00Z")
    user = make_user(client, timezone="Asia/Kolkata")
    habit = create_habit(client, user, name="  No junk food ")
    assert habit["name"] == "No junk food"
    assert habit["kind"] == "boolean"
    assert habit["schedule"] == {"type": "daily"}
    assert habit["start_date"] == "2024-11-04"
    assert habit["archived"] is False and habit["position"] == 1
    assert create_habit(client, user, name="Gym")["position"] == 2


@pytest.mark.parametrize(
    "body",
    [
        {"name": ""},
        {"name": "x" * 201},
        {"name": "Run", "kind": "numeric"},  # no target_value
        {"name": "Run", "schedule": {"type": "weekdays", "days": []}},
        {"name": "Run", "schedule": {"type": "weekdays", "days": [0, 8]}},
        {"name": "Run", "schedule": {"type": "times_per_week", "times": 9}},
        {"name": "Run", "schedule": {"type": "hourly"}},
        {"name": "Run", "color": "red"},
        {"name": "Run", "start_date": "2024-02-30"},
        {"name": "Run", "target_value": "lots", "kind": "numeric"},
        {"name": "Run", "unknown_field": 1},
        {"name": ["Run"]},
    ],
)
def test_invalid_habits_are_422_and_create_nothing(
    client: TestClient, body: dict[str, object]
) -> None:
    user = make_user(client)
    r = client.post("/api/v1/habits", json=body, headers=user.headers)
    assert r.status_code == 422, r.text
    assert client.get("/api/v1/habits", headers=user.headers).json()["total"] == 0


def test_update_archive_restore_and_list_filters(client: TestClient) -> None:
    user = make_user(client)
    habit = create_habit(client, user)
    url = f"/api/v1/habits/{habit['id']}"
    r = client.patch(
        url,
        json={"schedule": {"type": "weekdays", "days": [5, 1, 3, 3]}, "color": "#2f855a"},
        headers=user.headers,
    )
    assert r.status_code == 200
    assert r.json()["schedule"] == {"type": "weekdays", "days": [1, 3, 5]}
    assert r.json()["name"] == "Gym"  # untouched by a partial update
    assert client.patch(url, json={"name": None}, headers=user.headers).status_code == 422
    assert client.patch(url, json={"archived": True}, headers=user.headers).json()["archived"]
    active = client.get("/api/v1/habits?archived=false", headers=user.headers).json()
    archived = client.get("/api/v1/habits?archived=true", headers=user.headers).json()
    assert active["total"] == 0 and archived["total"] == 1
    assert client.patch(url, json={"archived": False}, headers=user.headers).status_code == 200
    assert client.get("/api/v1/habits", headers=user.headers).json()["total"] == 1


def test_numeric_habit_value_decides_done(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-10T12:00:00Z")
    user = make_user(client)
    water = create_habit(
        client,
        user,
        name="Water",
        kind="numeric",
        target_value=8,
        unit="glasses",
        start_date="2024-11-01",
    )
    assert water["target_type"] == "at_least"
    assert put(client, user, water["id"], "2024-11-08", value=9).json()["status"] == "done"
    assert (
        put(client, user, water["id"], "2024-11-09", value=3, status="done").json()["status"]
        == "missed"
    )
    assert (
        put(client, user, water["id"], "2024-11-10", status="skipped").json()["status"] == "skipped"
    )
    assert put(client, user, water["id"], "2024-11-07").status_code == 422  # no value
    junk = create_habit(
        client,
        user,
        name="Cigarettes",
        kind="numeric",
        target_value=2,
        target_type="at_most",
        start_date="2024-11-01",
    )
    assert put(client, user, junk["id"], "2024-11-08", value=1).json()["status"] == "done"
    assert put(client, user, junk["id"], "2024-11-09", value=5).json()["status"] == "missed"


def test_check_in_is_an_idempotent_upsert(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-10T12:00:00Z")
    user = make_user(client)
    habit = create_habit(client, user, start_date="2024-11-01")
    first = put(client, user, habit["id"], "2024-11-09", status="done", note="legs")
    again = put(client, user, habit["id"], "2024-11-09", status="done", note="legs")
    assert first.status_code == again.status_code == 200
    assert (
        first.json()
        == again.json()
        == {
            "habit_id": habit["id"],
            "date": "2024-11-09",
            "status": "done",
            "value": None,
            "note": "legs",
        }
    )
    rows = client.get(
        f"/api/v1/habits/{habit['id']}/check-ins?from=2024-11-01&to=2024-11-10",
        headers=user.headers,
    ).json()
    assert rows["total"] == 1
    assert (
        put(client, user, habit["id"], "2024-11-09", status="missed").json()["status"] == "missed"
    )
    url = f"/api/v1/habits/{habit['id']}/check-ins/2024-11-09"
    assert client.delete(url, headers=user.headers).status_code == 204
    assert client.delete(url, headers=user.headers).status_code == 204  # clearing twice is fine
    rows = client.get(
        f"/api/v1/habits/{habit['id']}/check-ins?from=2024-11-01&to=2024-11-10",
        headers=user.headers,
    ).json()
    assert rows["total"] == 0


def test_future_and_pre_start_dates_are_rejected_with_reasons(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-10T12:00:00Z")
    user = make_user(client)
    habit = create_habit(client, user, start_date="2024-11-05")
    future = put(client, user, habit["id"], "2024-11-11", status="done")
    assert future.status_code == 422
    assert "future" in future.json()["detail"][0]["msg"]
    early = put(client, user, habit["id"], "2024-11-04", status="done")
    assert early.status_code == 422
    assert "start date" in early.json()["detail"][0]["msg"]
    assert put(client, user, habit["id"], "2024-13-01", status="done").status_code == 422
    assert put(client, user, habit["id"], "2024-11-06", status="maybe").status_code == 422
    assert (
        put(client, user, habit["id"], "2024-11-06", status="done", note="x" * 1001).status_code
        == 422
    )


@pytest.mark.parametrize(
    ("timezone", "utc_now", "local_today"),
    [
        # 20:00 UTC is already 01:30 the next day in Kolkata.
        ("Asia/Kolkata", "2024-11-16T20:00:00Z", "2024-11-17"),
        ("Asia/Kolkata", "2024-11-16T18:00:00Z", "2024-11-16"),
        # 03:00 UTC is still the previous evening in Los Angeles.
        ("America/Los_Angeles", "2024-11-17T03:00:00Z", "2024-11-16"),
        ("America/Los_Angeles", "2024-11-17T09:00:00Z", "2024-11-17"),
    ],
)
def test_today_is_the_users_today_across_utc_midnight(
    client: TestClient, set_now: SetNow, timezone: str, utc_now: str, local_today: str
) -> None:
    set_now(utc_now)
    user = make_user(client, timezone=timezone)
    habit = create_habit(client, user, start_date="2024-11-01")
    today = client.get("/api/v1/today", headers=user.headers).json()
    assert today["date"] == local_today and today["timezone"] == timezone
    assert put(client, user, habit["id"], local_today, status="done").status_code == 200
    tomorrow = (date.fromisoformat(local_today) + timedelta(days=1)).isoformat()
    assert put(client, user, habit["id"], tomorrow, status="done").status_code == 422
    assert create_habit(client, user, name="New")["start_date"] == local_today


def test_seed_fortnight_numbers_through_the_api(client: TestClient, set_now: SetNow) -> None:
    """The seed: back from Diwali on 4/11/2024, 13 days later 9/13, 7/13 and 8/13."""
    set_now("2024-11-17T06:00:00Z")  # 11:30 on 17 Nov in Kolkata; the 13 days are over
    user = make_user(client, timezone="Asia/Kolkata")
    days = [date(2024, 11, 4) + timedelta(days=i) for i in range(13)]
    expected = {"No regular smoking up": 9, "Gym every day": 7, "No junk food": 8}
    ids = {}
    for name, done in expected.items():
        habit = create_habit(client, user, name=name, start_date="2024-11-04")
        ids[name] = habit["id"]
        for i, day in enumerate(days):
            status = "done" if i < done else "missed"
            assert put(client, user, habit["id"], day.isoformat(), status=status).status_code == 200
    rates = []
    for name, done in expected.items():
        stats = client.get(
            f"/api/v1/habits/{ids[name]}/stats?from=2024-11-04&to=2024-11-16", headers=user.headers
        ).json()
        assert (stats["done"], stats["eligible"], stats["skipped"]) == (done, 13, 0)
        assert stats["rate"] == pytest.approx(done / 13)
        assert stats["best_streak"] == done
        assert 0 < stats["strength"] < 1 and stats["strength"] != stats["rate"]
        rates.append(stats["rate"])
    assert sum(rates) / 3 == pytest.approx(0.6153846)
    # Today (the 17th) is unchecked, so it lowers nothing: the 14-day window has 13 eligible days.
    today = client.get("/api/v1/today", headers=user.headers).json()
    by_name = {h["habit"]["name"]: h for h in today["habits"]}
    assert by_name["Gym every day"]["rate_14d"] == pytest.approx(7 / 13)
    assert by_name["Gym every day"]["today"] is None
    week = by_name["Gym every day"]["last_7_days"]
    assert [d["date"] for d in week][-1] == "2024-11-17"
    assert [d["status"] for d in week] == ["missed"] * 6 + [None]
    assert all(d["scheduled"] for d in week)


def test_skipped_day_counts_neither_for_nor_against(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-08T12:00:00Z")
    user = make_user(client)
    habit = create_habit(client, user, start_date="2024-11-04")
    for day, status in [("04", "done"), ("05", "skipped"), ("06", "done"), ("07", "done")]:
        put(client, user, habit["id"], f"2024-11-{day}", status=status)
    stats = client.get(f"/api/v1/habits/{habit['id']}/stats", headers=user.headers).json()
    assert (stats["done"], stats["eligible"], stats["skipped"]) == (3, 3, 1)
    assert stats["rate"] == 1.0
    assert stats["current_streak"] == 3  # the skip neither broke nor extended the run
    assert stats["from"] == "2024-11-04" and stats["to"] == "2024-11-08"
    heat = {c["date"]: c["state"] for c in stats["history"]}
    assert len(stats["history"]) == 365
    assert heat["2024-11-05"] == "skipped" and heat["2024-11-08"] == "pending"
    assert heat["2024-11-03"] == "before_start"


def test_stats_weeks_months_and_notes(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    habit = create_habit(client, user, start_date="2024-10-28")
    put(client, user, habit["id"], "2024-11-04", status="done", note="first day back")
    put(client, user, habit["id"], "2024-11-05", status="done")
    stats = client.get(f"/api/v1/habits/{habit['id']}/stats", headers=user.headers).json()
    assert [w["start"] for w in stats["weeks"]][:2] == ["2024-10-28", "2024-11-04"]
    week2 = stats["weeks"][1]
    assert (week2["done"], week2["eligible"]) == (2, 7)
    assert [m["start"] for m in stats["months"]] == ["2024-10-01", "2024-11-01"]
    assert stats["recent_notes"] == [{"date": "2024-11-04", "note": "first day back"}]
    bad = client.get(
        f"/api/v1/habits/{habit['id']}/stats?from=2024-11-10&to=2024-11-01", headers=user.headers
    )
    assert bad.status_code == 422


def test_reorder(client: TestClient) -> None:
    user = make_user(client)
    a, b, c = (create_habit(client, user, name=n)["id"] for n in "abc")
    r = client.post("/api/v1/habits/reorder", json={"habit_ids": [c, a, b]}, headers=user.headers)
    assert r.status_code == 200
    assert [h["id"] for h in r.json()["items"]] == [c, a, b]
    assert [
        h["name"] for h in client.get("/api/v1/habits", headers=user.headers).json()["items"]
    ] == ["c", "a", "b"]
    dup = client.post("/api/v1/habits/reorder", json={"habit_ids": [a, a]}, headers=user.headers)
    assert dup.status_code == 422


def test_delete_removes_habit_and_check_ins(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-10T12:00:00Z")
    user = make_user(client)
    habit = create_habit(client, user, start_date="2024-11-01")
    put(client, user, habit["id"], "2024-11-09", status="done")
    assert client.delete(f"/api/v1/habits/{habit['id']}", headers=user.headers).status_code == 204
    assert client.get(f"/api/v1/habits/{habit['id']}", headers=user.headers).status_code == 404
    all_rows = client.get("/api/v1/check-ins?from=2024-11-01&to=2024-11-10", headers=user.headers)
    assert all_rows.json()["total"] == 0


def test_another_users_habit_is_404_everywhere(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-10T12:00:00Z")
    alice, bob = make_user(client), make_user(client)
    habit = create_habit(client, alice, start_date="2024-11-01")
    put(client, alice, habit["id"], "2024-11-09", status="done")
    hid = habit["id"]
    attempts = [
        ("GET", f"/api/v1/habits/{hid}", None),
        ("PATCH", f"/api/v1/habits/{hid}", {"name": "mine now"}),
        ("DELETE", f"/api/v1/habits/{hid}", None),
        ("PUT", f"/api/v1/habits/{hid}/check-ins/2024-11-09", {"status": "missed"}),
        ("DELETE", f"/api/v1/habits/{hid}/check-ins/2024-11-09", None),
        ("GET", f"/api/v1/habits/{hid}/check-ins", None),
        ("GET", f"/api/v1/habits/{hid}/stats", None),
        ("POST", "/api/v1/habits/reorder", {"habit_ids": [hid]}),
    ]
    for method, url, body in attempts:
        r = client.request(method, url, json=body, headers=bob.headers)
        assert r.status_code == 404, (method, url, r.status_code)
    assert (
        client.get("/api/v1/check-ins?from=2024-11-01&to=2024-11-10", headers=bob.headers).json()[
            "total"
        ]
        == 0
    )
    assert client.get("/api/v1/today", headers=bob.headers).json()["habits"] == []
    # Alice's data is untouched.
    mine = client.get(
        f"/api/v1/habits/{hid}/check-ins?from=2024-11-01&to=2024-11-10", headers=alice.headers
    )
    assert mine.json()["items"][0]["status"] == "done"
    assert client.get(f"/api/v1/habits/{hid}", headers=alice.headers).json()["name"] == "Gym"


def test_range_limits(client: TestClient) -> None:
    user = make_user(client)
    r = client.get("/api/v1/check-ins?from=2000-01-01&to=2024-01-01", headers=user.headers)
    assert r.status_code == 422
    r = client.get("/api/v1/check-ins?from=yesterday", headers=user.headers)
    assert r.status_code == 422


def test_long_streaks_are_counted_in_full_on_today(client: TestClient, set_now: SetNow) -> None:
    """/today reads recent check-ins only, so a streak older than that must still be whole."""
    from sqlalchemy import insert

    from kaizen.db import new_session
    from kaizen.habits.models import CheckIn

    set_now("2024-12-31T12:00:00Z")
    user = make_user(client)
    long_run = create_habit(client, user, name="Long", start_date="2023-01-01")
    broken = create_habit(client, user, name="Broken", start_date="2023-01-01")
    start = date(2023, 1, 1)
    days = (date(2024, 12, 31) - start).days  # up to yesterday
    with new_session() as db:
        db.execute(
            insert(CheckIn),
            [
                {
                    "habit_id": h["id"],
                    "day": start + timedelta(days=d),
                    "note": "",
                    "status": "missed" if h is broken and d == days - 10 else "done",
                }
                for h in (long_run, broken)
                for d in range(days)
            ],
        )
        db.commit()
    today = {
        h["habit"]["name"]: h
        for h in client.get("/api/v1/today", headers=user.headers).json()["habits"]
    }
    assert today["Long"]["current_streak"] == days
    assert today["Broken"]["current_streak"] == 9


def test_huge_ids_in_bodies_are_422_not_500(client: TestClient) -> None:
    """Found by schemathesis: an id past the database's integer range must be a 422."""
    user = make_user(client)
    for url, body in [
        ("/api/v1/habits/reorder", {"habit_ids": [61797028406215655292928]}),
        ("/api/v1/habits", {"name": "x", "goal_id": 2**40}),
        ("/api/v1/sprints", {"title": "x", "habit_ids": [2**40]}),
        ("/api/v1/portfolio-entries", {"title": "x", "goal_id": 2**63}),
    ]:
        assert client.post(url, json=body, headers=user.headers).status_code == 422, url


def test_today_week_strip_has_values_notes_and_schedule(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-08T12:00:00Z")  # a Friday
    user = make_user(client)
    mwf = create_habit(
        client,
        user,
        name="DSA",
        start_date="2024-11-04",
        schedule={"type": "weekdays", "days": [1, 3, 5]},
    )
    water = create_habit(
        client, user, name="Water", kind="numeric", target_value=8, start_date="2024-11-01"
    )
    put(client, user, mwf["id"], "2024-11-06", status="done", note="two pointers")
    put(client, user, water["id"], "2024-11-07", value=5)
    habits = {
        h["habit"]["name"]: h
        for h in client.get("/api/v1/today", headers=user.headers).json()["habits"]
    }
    dsa_week = {d["date"]: d for d in habits["DSA"]["last_7_days"]}
    assert [d["scheduled"] for d in habits["DSA"]["last_7_days"]] == [
        False,
        False,
        True,
        False,
        True,
        False,
        True,
    ]
    assert dsa_week["2024-11-06"]["note"] == "two pointers"
    water_week = {d["date"]: d for d in habits["Water"]["last_7_days"]}
    assert water_week["2024-11-07"]["value"] == 5 and water_week["2024-11-07"]["status"] == "missed"


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("GET", "/api/v1/check-ins?to=0001-01-01", None),
        ("GET", "/api/v1/check-ins?from=9999-12-25&to=9999-12-31", None),
        ("POST", "/api/v1/habits", {"name": "x", "start_date": "0001-01-01"}),
        ("POST", "/api/v1/sprints", {"title": "x", "start_date": "9999-12-31"}),
        ("POST", "/api/v1/goals", {"title": "x", "target_date": "9999-12-31"}),
        ("POST", "/api/v1/portfolio-entries", {"title": "x", "published_on": "0001-01-01"}),
        ("POST", "/api/v1/tokens", {"name": "x", "expires_at": "9999-12-31T23:00:00-14:00"}),
        ("POST", "/api/v1/tokens", {"name": "x", "expires_at": "2030-01-01T00:00:00"}),
    ],
)
def test_extreme_dates_are_422_not_500(
    client: TestClient, method: str, url: str, body: dict[str, object] | None
) -> None:
    """Found by review: year-1 and year-9999 dates overflowed date maths into 500s."""
    user = make_user(client)
    r = client.request(method, url, json=body, headers=user.headers)
    assert r.status_code == 422, r.text


def test_extreme_dates_in_paths_and_stats_are_422(client: TestClient) -> None:
    user = make_user(client)
    habit = create_habit(client, user)
    for url in (
        f"/api/v1/habits/{habit['id']}/stats?to=0001-01-03",
        f"/api/v1/habits/{habit['id']}/stats?from=9999-12-25&to=9999-12-31",
    ):
        assert client.get(url, headers=user.headers).status_code == 422
    assert put(client, user, habit["id"], "0001-01-01", status="done").status_code == 422


def test_default_stats_window_of_an_old_habit_is_the_last_five_years(
    client: TestClient, set_now: SetNow
) -> None:
    """Found by review: a habit older than the 5-year range limit made /stats a 422."""
    set_now("2026-11-27T12:00:00Z")
    user = make_user(client)
    habit = create_habit(client, user, start_date="2015-01-01")
    stats = client.get(f"/api/v1/habits/{habit['id']}/stats", headers=user.headers)
    assert stats.status_code == 200
    assert stats.json()["to"] == "2026-11-27"
    assert date.fromisoformat(stats.json()["from"]) > date(2021, 11, 1)


def test_n_times_a_week_is_not_a_miss_while_the_week_can_be_made_up(
    client: TestClient, set_now: SetNow
) -> None:
    """Found by review: windows ending today cut the current ISO week short."""
    set_now("2026-11-27T12:00:00Z")  # a Friday
    user = make_user(client)
    habit = create_habit(
        client,
        user,
        name="Run",
        start_date="2026-11-23",
        schedule={"type": "times_per_week", "times": 3},
    )
    put(client, user, habit["id"], "2026-11-23", status="done")
    today = client.get("/api/v1/today", headers=user.headers).json()["habits"][0]
    assert today["rate_14d"] == 1.0  # Fri, Sat and Sun can still bring the week to 3
    stats = client.get(f"/api/v1/habits/{habit['id']}/stats", headers=user.headers).json()
    assert (stats["done"], stats["eligible"], stats["rate"]) == (1, 1, 1.0)
