"""A numeric item partly done today ("Read 20 pages", 12 logged at 9 a.m.) is in progress, not
missed: it lowers no number until the day is over, then it counts as missed."""

from fastapi.testclient import TestClient

from tests.factories import check_in, create_habit, create_sprint, create_token, make_user
from tests.habits.test_habits_api import SetNow


def test_partial_numeric_today_is_in_progress_until_the_day_ends(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-04T09:00:00Z")
    user = make_user(client)
    user.headers = {"Authorization": f"Bearer {create_token(client, user)['token']}"}
    read = create_habit(
        client,
        user,
        name="Read",
        kind="numeric",
        target_value=20,
        unit="pages",
        start_date="2024-11-04",
    )
    s = create_sprint(client, user, start_date="2024-11-04", habit_ids=[read["id"]])
    assert check_in(client, user, read["id"], "2024-11-04", None, value=12)["status"] == "missed"

    today = client.get("/api/v1/today", headers=user.headers).json()["habits"][0]
    assert today["in_progress"] is True
    assert today["rate_14d"] is None  # not 0 %
    assert today["today"]["value"] == 12
    stats = client.get(f"/api/v1/habits/{read['id']}/stats", headers=user.headers).json()
    assert stats["rate"] is None and stats["eligible"] == 0
    board = client.get(f"/api/v1/sprints/{s['id']}/scoreboard", headers=user.headers).json()
    item = board["habits"][0]
    assert (item["done"], item["eligible"], item["eligible_left"]) == (0, 0, 14)
    assert board["outcome"]["state"] == "on_pace"

    # 20 pages by evening: done.
    assert check_in(client, user, read["id"], "2024-11-04", None, value=20)["status"] == "done"
    today = client.get("/api/v1/today", headers=user.headers).json()["habits"][0]
    assert today["in_progress"] is False and today["rate_14d"] == 1.0
    # Stuck at 12: the next day it is a miss.
    check_in(client, user, read["id"], "2024-11-04", None, value=12)
    set_now("2024-11-05T09:00:00Z")
    today = client.get("/api/v1/today", headers=user.headers).json()["habits"][0]
    assert today["in_progress"] is False and today["rate_14d"] == 0.0
    board = client.get(f"/api/v1/sprints/{s['id']}/scoreboard", headers=user.headers).json()
    assert (board["habits"][0]["done"], board["habits"][0]["eligible"]) == (0, 1)


def test_at_most_over_the_limit_today_is_missed_at_once(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-04T09:00:00Z")
    user = make_user(client)
    cigs = create_habit(
        client,
        user,
        name="Cigarettes",
        kind="numeric",
        target_value=2,
        target_type="at_most",
        start_date="2024-11-04",
    )
    check_in(client, user, cigs["id"], "2024-11-04", None, value=5)
    today = client.get("/api/v1/today", headers=user.headers).json()["habits"][0]
    assert today["in_progress"] is False and today["rate_14d"] == 0.0


def test_no_month_after_the_range(client: TestClient, set_now: SetNow) -> None:
    """28 Nov 2024 is a Thursday: the week is counted on to Sunday 1 Dec, but December is after
    the range and gets no bar."""
    set_now("2024-11-28T09:00:00Z")
    user = make_user(client)
    gym = create_habit(client, user, name="Gym", start_date="2024-10-20")
    check_in(client, user, gym["id"], "2024-11-27")
    stats = client.get(f"/api/v1/habits/{gym['id']}/stats", headers=user.headers).json()
    assert [m["start"][:7] for m in stats["months"]] == ["2024-10", "2024-11"]
    assert stats["weeks"][-1]["start"] == "2024-11-25"
