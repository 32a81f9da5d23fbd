"""Honest numbers: a target is "reached" only once every item has its required days; before
that the board, the list (History) and the review all say the same pace sentence."""

from datetime import date, timedelta

from fastapi.testclient import TestClient

from kaizen.sprints import scoring
from tests.factories import ApiUser, check_in, create_habit, create_sprint, create_token
from tests.factories import make_user as _make_user
from tests.sprints.test_sprints_api import SetNow


def habit(client: TestClient, user: ApiUser, name: str) -> int:
    return int(create_habit(client, user, name=name, start_date="2024-11-04")["id"])


def sprint(client: TestClient, user: ApiUser, **fields: object) -> dict:
    return create_sprint(client, user, **fields)


def make_user(client: TestClient) -> ApiUser:
    """A user with a personal token, which outlives the tests' jumps in time."""
    user = _make_user(client)
    user.headers = {"Authorization": f"Bearer {create_token(client, user)['token']}"}
    return user


def _views(client: TestClient, headers: dict[str, str], sprint_id: int) -> tuple[dict, dict, str]:
    board = client.get(f"/api/v1/sprints/{sprint_id}/scoreboard", headers=headers).json()
    listed = client.get("/api/v1/sprints", headers=headers).json()["items"]
    review = client.get(f"/api/v1/sprints/{sprint_id}/review", headers=headers).text
    return board, next(s for s in listed if s["id"] == sprint_id), review


def test_day_one_with_one_check_in_is_on_pace_not_reached(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-04T10:00:00Z")
    user = make_user(client)
    gym = habit(client, user, "Gym")
    s = sprint(client, user, start_date="2024-11-04", habit_ids=[gym])
    check_in(client, user, gym, date(2024, 11, 4), "done")
    board, listed, review = _views(client, user.headers, s["id"])
    assert board["score"] == 1.0  # the rate so far is honest…
    expected = {"state": "on_pace", "text": "On pace for 75%: 1 of 11 days done, 13 left"}
    assert board["outcome"] == expected  # …but the target is not reached
    assert listed["outcome"] == expected
    assert "nothing is scored yet" not in review
    assert "**Where it stands:** On pace for 75%: 1 of 11 days done, 13 left." in review
    assert "day 1 of 14" in review


def test_reached_once_required_days_are_secured_then_met(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-14T10:00:00Z")
    user = make_user(client)
    gym = habit(client, user, "Gym")
    s = sprint(client, user, start_date="2024-11-04", habit_ids=[gym])
    for i in range(10):
        check_in(client, user, gym, date(2024, 11, 4) + timedelta(days=i), "done")
    board, _, _ = _views(client, user.headers, s["id"])
    assert board["outcome"]["state"] == "on_pace"
    check_in(client, user, gym, date(2024, 11, 14), "done")
    board, listed, review = _views(client, user.headers, s["id"])
    assert board["outcome"] == {
        "state": "reached",
        "text": "Target 75% reached: 11 of 11 days done",
    }
    assert listed["outcome"] == board["outcome"]
    set_now("2024-11-20T10:00:00Z")
    board, listed, review = _views(client, user.headers, s["id"])
    assert board["outcome"]["state"] == "met" == listed["outcome"]["state"]
    assert "**Where it stands:** Target 75% met: 11 of 11 days done." in review


def test_out_of_reach_and_missed(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-10T10:00:00Z")
    user = make_user(client)
    a, b = habit(client, user, "A"), habit(client, user, "B")
    s = sprint(client, user, start_date="2024-11-04", habit_ids=[a, b])
    for i in range(6):
        day = date(2024, 11, 4) + timedelta(days=i)
        check_in(client, user, a, day, "done")
        check_in(client, user, b, day, "missed")
    board, listed, _ = _views(client, user.headers, s["id"])
    assert board["outcome"] == {
        "state": "out_of_reach",
        "text": "1 of 2 items can no longer reach 75%: 6 of 22 required days done",
    }
    set_now("2024-11-18T10:00:00Z")
    board, listed, _ = _views(client, user.headers, s["id"])
    assert board["outcome"]["state"] == "missed" == listed["outcome"]["state"]
    assert (
        board["outcome"]["text"]
        == "Below target 75%: 6 of 22 required days done, 2 of 2 items short"
    )


def test_planned_and_empty(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-04T10:00:00Z")
    user = make_user(client)
    empty = sprint(client, user, start_date="2024-11-04")
    later = sprint(client, user, start_date="2024-12-01")
    assert empty["outcome"]["state"] == "no_items"
    assert later["outcome"] == {
        "state": "not_started",
        "text": "Starts on 1 Dec 2024; nothing is scored yet",
    }
    review = client.get(f"/api/v1/sprints/{later['id']}/review", headers=user.headers).text
    assert "Starts on 1 Dec 2024; nothing is scored yet." in review


def test_outcome_is_pure_and_needs_every_item() -> None:
    secured = scoring.ItemTally(done=11, required=11, still_needed=0, eligible_left=3)
    behind = scoring.ItemTally(done=2, required=11, still_needed=9, eligible_left=10)
    assert scoring.outcome(status="active", target_rate=0.75, items=[secured]).state == "reached"
    both = scoring.outcome(status="active", target_rate=0.75, items=[secured, behind])
    assert both.state == "on_pace"
    assert both.text == "On pace for 75%: 13 of 22 required days done, 13 left"


def test_an_overlapping_sprint_is_created_with_a_warning(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-04T10:00:00Z")
    user = make_user(client)
    first = sprint(client, user, title="Fortnight", start_date="2024-11-04")
    assert first["warnings"] == []
    topic = sprint(client, user, title="Web app", start_date="2024-11-10", end_date="2024-11-20")
    assert topic["warnings"] == [
        "It overlaps “Fortnight” (4 Nov 2024 to 17 Nov 2024): both count the same days."
    ]
    after = sprint(client, user, title="Next", start_date="2024-11-21")
    assert after["warnings"] == []
    listed = client.get("/api/v1/sprints", headers=user.headers).json()
    assert listed["total"] == 3 and "warnings" not in listed["items"][0]


def test_weekly_items_count_times_and_a_mix_counts_check_ins(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-04T10:00:00Z")
    user = make_user(client)
    gym = habit(client, user, "Gym")
    writing = int(
        create_habit(
            client,
            user,
            name="Keep writing",
            start_date="2024-11-04",
            schedule={"type": "times_per_week", "times": 2},
        )["id"]
    )
    alone = sprint(client, user, title="Writing", start_date="2024-11-04", habit_ids=[writing])
    mixed = sprint(client, user, start_date="2024-11-04", habit_ids=[gym, writing])
    check_in(client, user, gym, date(2024, 11, 4), "done")
    check_in(client, user, writing, date(2024, 11, 4), "done")
    board, listed, review = _views(client, user.headers, alone["id"])
    assert board["outcome"]["text"] == "On pace for 75%: 1 of 3 times done, 3 left"
    board, listed, review = _views(client, user.headers, mixed["id"])
    text = "On pace for 75%: 2 of 14 required check-ins done, 16 left"
    assert board["outcome"]["text"] == text == listed["outcome"]["text"]
    assert f"**Where it stands:** {text}." in review
    # Finished, the list reads the kept figures: the same words.
    set_now("2024-11-20T10:00:00Z")
    board, listed, _ = _views(client, user.headers, mixed["id"])
    assert board["outcome"] == listed["outcome"]
    assert board["outcome"]["text"].startswith("Below target 75%: 2 of 14 required check-ins done")
