"""Sprints through the HTTP API: the seed's fortnight, scoreboards, reviews, history."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import ApiUser, check_in, create_habit, create_sprint, make_user

SetNow = Callable[[str], None]
SEED_ITEMS = {"No regular smoking up": 9, "Gym every day": 7, "No junk food": 8}


def live_the_seed(client: TestClient, user: ApiUser) -> tuple[dict[str, Any], dict[str, int]]:
    """4–16 Nov 2024: the three action items done 9, 7 and 8 of 13 days."""
    ids = {
        name: create_habit(client, user, name=name, start_date="2024-11-04")["id"]
        for name in SEED_ITEMS
    }
    first = create_sprint(
        client,
        user,
        title="Back from Diwali",
        start_date="2024-11-04",
        habit_ids=list(ids.values()),
    )
    for name, done in SEED_ITEMS.items():
        for i in range(13):
            day = date(2024, 11, 4) + timedelta(days=i)
            check_in(client, user, ids[name], day, "done" if i < done else "missed")
    return first, ids


def test_defaults_and_status(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-04T06:00:00Z")
    user = make_user(client, timezone="Asia/Kolkata")
    s = create_sprint(client, user)
    assert (s["start_date"], s["end_date"]) == ("2024-11-04", "2024-11-17")
    assert s["target_rate"] == 0.75 and s["status"] == "active"
    assert s["habit_ids"] == [] and s["score"] is None
    later = create_sprint(client, user, start_date="2024-12-01")
    assert later["status"] == "planned"
    assert client.get("/api/v1/sprints/current", headers=user.headers).json()["id"] == s["id"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"start_date": "2024-11-10", "end_date": "2024-11-01"}, 422),
        ({"target_rate": 1.5}, 422),
        ({"target_rate": -0.1}, 422),
        ({"target_rate": "high"}, 422),
        ({"end_date": "2024-02-30"}, 422),
        ({"start_date": "2024-01-01", "end_date": "2026-01-01"}, 422),
        ({"habit_ids": [999999]}, 404),
        ({"title": ""}, 422),
        ({"plan": "x" * 20001}, 422),
    ],
)
def test_invalid_sprints_change_nothing(
    client: TestClient, body: dict[str, Any], status: int
) -> None:
    user = make_user(client)
    r = client.post("/api/v1/sprints", json={"title": "S", **body}, headers=user.headers)
    assert r.status_code == status, r.text
    assert client.get("/api/v1/sprints", headers=user.headers).json()["total"] == 0


def test_seed_fortnight_scoreboard(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-17T04:00:00Z")  # 09:30 on the 14th day in Kolkata, not yet checked in
    user = make_user(client, timezone="Asia/Kolkata")
    first, ids = live_the_seed(client, user)
    board = client.get(f"/api/v1/sprints/{first['id']}/scoreboard", headers=user.headers).json()
    assert (board["days_total"], board["days_elapsed"], board["days_left"]) == (14, 13, 1)
    assert board["score"] == pytest.approx(0.6153846, abs=1e-6)
    assert board["previous_score"] is None and board["delta"] is None
    rows = {r["name"]: r for r in board["habits"]}
    for name, done in SEED_ITEMS.items():
        row = rows[name]
        assert (row["done"], row["eligible"], row["rate"]) == (done, 13, pytest.approx(done / 13))
        assert row["required"] == 11  # ⌈0.75 × 14⌉
        assert row["still_needed"] == 11 - done
        assert row["eligible_left"] == 1
        assert row["feasible"] is (11 - done <= 1)
    assert [r["habit_id"] for r in board["habits"]] == list(ids.values())


def test_seed_review_markdown(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-17T04:00:00Z")
    user = make_user(client, timezone="Asia/Kolkata")
    first, _ = live_the_seed(client, user)
    client.patch(
        f"/api/v1/sprints/{first['id']}",
        json={"retrospective": "Not something to be proud of, but it means something good."},
        headers=user.headers,
    )
    r = client.get(f"/api/v1/sprints/{first['id']}/review", headers=user.headers)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/markdown")
    text = r.text
    assert "1. No regular smoking up: 9/13" in text
    assert "2. Gym every day: 7/13" in text
    assert "3. No junk food: 8/13" in text
    assert "That's a 61% score" in text
    assert "We came here from 0%" in text
    assert "The target for the next fortnight is >75%, so ≈11 days." in text
    assert text.rstrip().endswith("it means something good.")


def test_previous_score_delta_and_next_sprint(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-18T04:00:00Z")  # the day after the seed's fortnight ended
    user = make_user(client, timezone="Asia/Kolkata")
    first, ids = live_the_seed(client, user)
    r = client.post(
        f"/api/v1/sprints/{first['id']}/next", json={"target_rate": 0.8}, headers=user.headers
    )
    assert r.status_code == 201
    second = r.json()
    assert (second["start_date"], second["end_date"]) == ("2024-11-18", "2024-12-01")
    assert second["habit_ids"] == list(ids.values()) and second["target_rate"] == 0.8
    assert second["status"] == "active"
    for habit_id in ids.values():
        check_in(client, user, habit_id, date(2024, 11, 18), "done")
    board = client.get(f"/api/v1/sprints/{second['id']}/scoreboard", headers=user.headers).json()
    assert board["previous_sprint_id"] == first["id"]
    # The first fortnight has 14 eligible days now that its last day is over.
    assert board["previous_score"] == pytest.approx((9 + 7 + 8) / 3 / 14)
    assert board["score"] == 1.0
    assert board["delta"] == pytest.approx(1.0 - board["previous_score"])
    assert {row["required"] for row in board["habits"]} == {12}  # ⌈0.8 × 14⌉
    review = client.get(f"/api/v1/sprints/{first['id']}/review", headers=user.headers).text
    assert "The target for the next fortnight is >80%, so ≈12 days." in review


def test_finished_sprint_keeps_history_through_renames_and_deletes(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    first, ids = live_the_seed(client, user)
    gym = ids["Gym every day"]
    before = client.get(f"/api/v1/sprints/{first['id']}/scoreboard", headers=user.headers).json()
    assert before["frozen"] is True and before["status"] == "finished"
    client.patch(f"/api/v1/habits/{gym}", json={"name": "Run"}, headers=user.headers)
    check_in(client, user, gym, date(2024, 11, 16), "done")  # a late backfill
    client.delete(f"/api/v1/habits/{ids['No junk food']}", headers=user.headers)
    after = client.get(f"/api/v1/sprints/{first['id']}/scoreboard", headers=user.headers).json()
    # The rename and the deletion rewrite nothing: names and the deleted item's row are kept.
    assert [r["name"] for r in after["habits"]] == list(SEED_ITEMS)
    assert after["habits"][2] == before["habits"][2]
    assert after["habits"][0] == before["habits"][0]
    # A late check-in inside the sprint is honest data, so it re-scores that item.
    assert (before["habits"][1]["done"], after["habits"][1]["done"]) == (7, 8)
    assert after["score"] == pytest.approx((9 + 8 + 8) / 3 / 14)


def test_deleting_a_habit_before_anyone_looked_keeps_history(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-10T12:00:00Z")
    user = make_user(client)
    h = create_habit(client, user, name="Gym", start_date="2024-11-01")["id"]
    s = create_sprint(client, user, start_date="2024-11-01", end_date="2024-11-07", habit_ids=[h])
    for i in range(7):
        check_in(client, user, h, date(2024, 11, 1) + timedelta(days=i), "done")
    assert client.delete(f"/api/v1/habits/{h}", headers=user.headers).status_code == 204
    board = client.get(f"/api/v1/sprints/{s['id']}/scoreboard", headers=user.headers).json()
    assert board["score"] == 1.0 and board["habits"][0]["name"] == "Gym"


def test_future_sprint_and_empty_sprint(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-10T12:00:00Z")
    user = make_user(client)
    h = create_habit(client, user, name="Gym", start_date="2024-11-01")["id"]
    future = create_sprint(client, user, start_date="2024-12-01", habit_ids=[h])
    board = client.get(f"/api/v1/sprints/{future['id']}/scoreboard", headers=user.headers).json()
    assert board["days_elapsed"] == 0 and board["score"] is None
    assert board["habits"][0]["required"] == 11 and board["habits"][0]["feasible"] is True
    empty = create_sprint(client, user, start_date="2024-11-05")
    board = client.get(f"/api/v1/sprints/{empty['id']}/scoreboard", headers=user.headers).json()
    assert board["habits"] == [] and board["score"] is None
    text = client.get(f"/api/v1/sprints/{empty['id']}/review", headers=user.headers).text
    assert "no action items" in text


def test_weekday_item_and_items_added_mid_sprint(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-18T12:00:00Z")  # Monday after the sprint
    user = make_user(client)
    weekdays = create_habit(
        client,
        user,
        name="DSA",
        start_date="2024-11-04",
        schedule={"type": "weekdays", "days": [1, 3, 5]},
    )["id"]
    late = create_habit(client, user, name="Read", start_date="2024-11-11")["id"]
    s = create_sprint(client, user, start_date="2024-11-04", habit_ids=[weekdays, late])
    for day in (4, 6, 8, 11):
        check_in(client, user, weekdays, date(2024, 11, day), "done")
    check_in(client, user, weekdays, date(2024, 11, 13), "skipped")
    for day in range(11, 18):
        check_in(client, user, late, date(2024, 11, day), "done")
    rows = client.get(f"/api/v1/sprints/{s['id']}/scoreboard", headers=user.headers).json()[
        "habits"
    ]
    dsa, read = rows
    # Mon/Wed/Fri over two weeks = 6 days, one skipped → 5 eligible, 4 done.
    assert (dsa["done"], dsa["eligible"], dsa["skipped"]) == (4, 5, 1)
    assert dsa["required"] == 4  # ⌈0.75 × 5⌉
    assert (read["done"], read["eligible"], read["required"]) == (7, 7, 6)


def test_overlapping_sprints_and_current(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-10T12:00:00Z")
    user = make_user(client)
    assert client.get("/api/v1/sprints/current", headers=user.headers).status_code == 404
    create_sprint(client, user, title="Habits", start_date="2024-11-04")
    topic = create_sprint(
        client, user, title="Torch inside out", theme="DL library", start_date="2024-11-08"
    )
    current = client.get("/api/v1/sprints/current", headers=user.headers).json()
    assert current["id"] == topic["id"]
    listed = client.get("/api/v1/sprints", headers=user.headers).json()
    assert [s["title"] for s in listed["items"]] == ["Torch inside out", "Habits"]


def test_other_users_sprints_are_404(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-10T12:00:00Z")
    alice, bob = make_user(client), make_user(client)
    s = create_sprint(client, alice, start_date="2024-11-04")
    bobs_habit = create_habit(client, bob, name="Bob's", start_date="2024-11-01")["id"]
    sid = s["id"]
    for method, url, body in [
        ("GET", f"/api/v1/sprints/{sid}", None),
        ("PATCH", f"/api/v1/sprints/{sid}", {"title": "x"}),
        ("DELETE", f"/api/v1/sprints/{sid}", None),
        ("GET", f"/api/v1/sprints/{sid}/scoreboard", None),
        ("GET", f"/api/v1/sprints/{sid}/review", None),
        ("POST", f"/api/v1/sprints/{sid}/next", {"target_rate": 0.8}),
    ]:
        assert client.request(method, url, json=body, headers=bob.headers).status_code == 404
    # Alice cannot put Bob's habit into her sprint either.
    r = client.patch(
        f"/api/v1/sprints/{sid}", json={"habit_ids": [bobs_habit]}, headers=alice.headers
    )
    assert r.status_code == 404
    assert client.get(f"/api/v1/sprints/{sid}", headers=alice.headers).json()["habit_ids"] == []


def test_list_and_scoreboard_run_constant_queries(
    client: TestClient, set_now: SetNow, count_queries: Callable[[], Any]
) -> None:
    set_now("2024-12-31T12:00:00Z")

    def build(n_sprints: int, n_habits: int) -> tuple[ApiUser, int]:
        user = make_user(client)
        ids = [
            create_habit(client, user, name=f"h{i}", start_date="2024-01-01")["id"]
            for i in range(n_habits)
        ]
        last = 0
        for k in range(n_sprints):
            start = date(2024, 1, 1) + timedelta(days=14 * k)
            last = create_sprint(client, user, start_date=start.isoformat(), habit_ids=ids)["id"]
        return user, last

    def queries(user: ApiUser, url: str) -> int:
        client.get(url, headers=user.headers)  # the token's last-use touch is not counted
        with count_queries() as q:
            assert client.get(url, headers=user.headers).status_code == 200
        return int(q.count)

    small, small_last = build(1, 1)
    big, big_last = build(6, 5)
    assert queries(small, "/api/v1/sprints") == queries(big, "/api/v1/sprints")
    assert queries(small, f"/api/v1/sprints/{small_last}/scoreboard") == queries(
        big, f"/api/v1/sprints/{big_last}/scoreboard"
    )


def test_the_list_scoring_running_and_planned_sprints_runs_constant_queries(
    client: TestClient, set_now: SetNow, count_queries: Callable[[], Any]
) -> None:
    """The sprints a list page scores live (the running one, a planned one) are read in the
    same statements however many there are, with however many items and check-ins."""
    set_now("2024-12-10T12:00:00Z")

    def build(n_finished: int, n_habits: int, planned: bool) -> ApiUser:
        user = make_user(client)
        ids = [
            create_habit(client, user, name=f"h{i}", start_date="2024-01-01")["id"]
            for i in range(n_habits)
        ]
        for k in range(n_finished):
            start = date(2024, 11, 25) - timedelta(days=14 * (n_finished - k))
            create_sprint(client, user, start_date=start.isoformat(), habit_ids=ids)
        create_sprint(client, user, start_date="2024-12-02", habit_ids=ids)  # running
        if planned:
            create_sprint(client, user, start_date="2024-12-30", habit_ids=ids[:1])
        for habit in ids:
            for day in range(1, 9):
                check_in(client, user, habit, date(2024, 12, day), "done" if day % 3 else "missed")
        return user

    def queries(user: ApiUser) -> int:
        client.get("/api/v1/sprints", headers=user.headers)  # the token's last-use touch
        with count_queries() as q:
            r = client.get("/api/v1/sprints", headers=user.headers)
        assert r.status_code == 200
        assert "active" in [i["status"] for i in r.json()["items"]]
        return int(q.count)

    assert queries(build(0, 1, planned=False)) == queries(build(4, 5, planned=True))


def test_late_check_in_rescores_only_its_own_item(client: TestClient, set_now: SetNow) -> None:
    """Found by review: a late check-in for one item re-scored every item with its *current*
    schedule, rewriting a rescheduled item's history."""
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    read, code = (
        create_habit(client, user, name="Read", start_date="2024-11-01")["id"],
        create_habit(client, user, name="Code", start_date="2024-11-01")["id"],
    )
    s = create_sprint(client, user, start_date="2024-11-01", habit_ids=[read, code])
    for i in range(14):
        day = date(2024, 11, 1) + timedelta(days=i)
        check_in(client, user, read, day, "done" if i % 2 == 0 else "missed")
        check_in(client, user, code, day, "done" if i % 2 == 0 else "missed")
    board = client.get(f"/api/v1/sprints/{s['id']}/scoreboard", headers=user.headers).json()
    assert board["score"] == 0.5
    client.patch(
        f"/api/v1/habits/{read}",
        json={"schedule": {"type": "weekdays", "days": [1]}},
        headers=user.headers,
    )
    check_in(client, user, code, date(2024, 11, 2), "done")  # a late fix for Code only
    board = client.get(f"/api/v1/sprints/{s['id']}/scoreboard", headers=user.headers).json()
    rows = {r["name"]: r for r in board["habits"]}
    assert (rows["Read"]["done"], rows["Read"]["eligible"]) == (7, 14)
    assert (rows["Code"]["done"], rows["Code"]["eligible"]) == (8, 14)
    assert board["score"] == pytest.approx((7 + 8) / 28)
