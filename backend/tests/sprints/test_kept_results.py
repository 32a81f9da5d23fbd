"""A finished sprint's kept results: edits that change nothing keep them, and reads never
write (the results are frozen by the writes that would change history)."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from kaizen.db import new_session
from kaizen.habits.models import CheckIn
from kaizen.sprints.models import Sprint
from tests.factories import (
    ApiUser,
    check_in,
    create_goal,
    create_habit,
    create_sprint,
    create_token,
    make_user,
)

SetNow = Callable[[str], None]
START = date(2024, 11, 4)


def fortnight(client: TestClient, user: ApiUser, done: dict[str, int]) -> tuple[int, list[int]]:
    """A sprint from 4 Nov 2024 whose items were done on their first ``done[name]`` days of
    14 and missed on the rest; its id and the items' ids."""
    ids = [create_habit(client, user, name=n, start_date=START.isoformat())["id"] for n in done]
    sprint = create_sprint(client, user, start_date=START.isoformat(), habit_ids=ids)
    for habit_id, days in zip(ids, done.values(), strict=True):
        for i in range(14):
            check_in(
                client, user, habit_id, START + timedelta(days=i), "done" if i < days else "missed"
            )
    return sprint["id"], ids


def test_editing_a_finished_sprint_with_unchanged_fields_keeps_its_results(
    client: TestClient, set_now: SetNow
) -> None:
    """Issue #15 item 3: Gym 7/14 and Read 14/14, Read deleted, then the edit form's PATCH."""
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    sprint_id, (gym, read) = fortnight(client, user, {"Gym": 7, "Read": 14})
    url = f"/api/v1/sprints/{sprint_id}"
    assert client.get(url, headers=user.headers).json()["score"] == 0.75
    assert client.delete(f"/api/v1/habits/{read}", headers=user.headers).status_code == 204
    form = client.get(url, headers=user.headers).json()
    assert form["score"] == 0.75 and form["habit_ids"] == [gym]
    fields = ("title", "theme", "start_date", "end_date", "target_rate", "habit_ids", "goal_ids")
    edit = {k: form[k] for k in fields} | {"plan": "Read more", "retrospective": "Tired"}
    r = client.patch(url, json=edit, headers=user.headers)
    assert r.status_code == 200, r.text
    assert r.json()["score"] == 0.75
    board = client.get(f"{url}/scoreboard", headers=user.headers).json()
    assert [(h["name"], h["done"], h["eligible"]) for h in board["habits"]] == [
        ("Gym", 7, 14),
        ("Read", 14, 14),
    ]
    # Changing the items themselves is choosing them again: then the kept rows go.
    r = client.patch(url, json={"habit_ids": []}, headers=user.headers)
    assert r.json()["score"] is None


def test_changing_a_finished_sprints_target_rescores_kept_items(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    sprint_id, (gym,) = fortnight(client, user, {"Gym": 14})
    client.patch(f"/api/v1/habits/{gym}", json={"name": "Run"}, headers=user.headers)
    url = f"/api/v1/sprints/{sprint_id}"
    r = client.patch(url, json={"target_rate": 0.5}, headers=user.headers)
    assert r.status_code == 200
    board = client.get(f"{url}/scoreboard", headers=user.headers).json()
    assert board["habits"][0]["name"] == "Gym"  # the kept name
    assert board["habits"][0]["required"] == 7  # ⌈0.5 × 14⌉, re-scored


def test_a_frozen_sprint_reopened_by_an_edit_is_rescored_when_it_finishes_again(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    headers = {"Authorization": f"Bearer {create_token(client, user)['token']}"}
    sprint_id, (gym,) = fortnight(client, user, {"Gym": 7})
    client.patch(f"/api/v1/habits/{gym}", json={"name": "Run"}, headers=headers)  # freezes
    url = f"/api/v1/sprints/{sprint_id}"
    assert client.patch(url, json={"end_date": "2024-11-21"}, headers=headers).status_code == 200
    check_in(client, user, gym, date(2024, 11, 19), "done")  # the sprint is on again
    set_now("2024-11-25T12:00:00Z")  # and over again, with no write since
    board = client.get(f"{url}/scoreboard", headers=headers).json()
    row = board["habits"][0]
    assert (row["name"], row["done"], row["eligible"]) == ("Gym", 8, 18)


WRITES = ("insert", "update", "delete")


def test_reads_never_write(
    client: TestClient, set_now: SetNow, count_queries: Callable[[], Any]
) -> None:
    set_now("2024-11-10T12:00:00Z")  # the sprint is on; it has finished when it is read
    user = make_user(client)
    goal = create_goal(client, user, title="Fit")
    gym = create_habit(client, user, name="Gym", start_date="2024-11-04", goal_id=goal["id"])
    sprint = create_sprint(
        client, user, start_date="2024-11-04", habit_ids=[gym["id"]], goal_ids=[goal["id"]]
    )
    check_in(client, user, gym["id"], date(2024, 11, 5), "done")
    sid = sprint["id"]
    # A personal token outlives the ten days that pass here (a sign-in token lasts one).
    headers = {"Authorization": f"Bearer {create_token(client, user)['token']}"}
    set_now("2024-11-20T12:00:00Z")
    urls = [
        "/api/v1/sprints",
        f"/api/v1/sprints/{sid}",
        f"/api/v1/sprints/{sid}/scoreboard",
        f"/api/v1/sprints/{sid}/review",
        "/api/v1/today",
        f"/api/v1/goals/{goal['id']}",
        f"/api/v1/habits/{gym['id']}/stats",
    ]
    client.get("/api/v1/me", headers=headers)  # a token's last-use touch happens once
    for url in urls:
        with count_queries() as q:
            assert client.get(url, headers=headers).status_code == 200
        writes = [s for s in q.statements if s.lstrip().lower().startswith(WRITES)]
        assert writes == [], url


@pytest.mark.parametrize("late_status", ["done", "skipped"])
def test_a_late_check_in_rescores_only_its_item(
    client: TestClient, set_now: SetNow, late_status: str
) -> None:
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    a = create_habit(client, user, name="A", start_date="2024-11-04")["id"]
    b = create_habit(client, user, name="B", start_date="2024-11-04")["id"]
    sprint = create_sprint(client, user, start_date="2024-11-04", habit_ids=[a, b])
    client.patch(f"/api/v1/habits/{a}", json={"name": "A2"}, headers=user.headers)  # freezes
    client.patch(f"/api/v1/habits/{b}", json={"name": "B2"}, headers=user.headers)
    check_in(client, user, a, date(2024, 11, 6), late_status)
    board = client.get(f"/api/v1/sprints/{sprint['id']}/scoreboard", headers=user.headers).json()
    rows = {h["name"]: h for h in board["habits"]}
    assert set(rows) == {"A", "B"}
    expected = (1, 14, 0) if late_status == "done" else (0, 13, 1)
    assert (rows["A"]["done"], rows["A"]["eligible"], rows["A"]["skipped"]) == expected
    assert (rows["B"]["done"], rows["B"]["eligible"]) == (0, 14)


def test_snapshots_kept_before_the_typed_model_still_read(
    client: TestClient, set_now: SetNow
) -> None:
    """Stored snapshots once carried ``stale: True | [habit ids]``, meaning "re-score these
    on the next read"; they read the same way now, without the read writing."""
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    sprint_id, (a, b) = fortnight(client, user, {"A": 7, "B": 7})
    client.patch(f"/api/v1/habits/{a}", json={"name": "A2"}, headers=user.headers)  # freezes
    with new_session() as db:
        sprint = db.get(Sprint, sprint_id)
        assert sprint is not None and sprint.snapshot is not None
        kept = dict(sprint.snapshot)
        # What an old read-time freeze would have left: a late check-in marked B stale.
        kept.pop("rescore_all", None)
        kept.pop("rescore", None)
        sprint.snapshot = {**kept, "stale": [b]}
        db.commit()
    # The check-ins changed underneath (as the old marking assumed), bypassing the API.
    with new_session() as db:
        db.execute(update(CheckIn).where(CheckIn.habit_id.in_([a, b])).values(status="done"))
        db.commit()
    url = f"/api/v1/sprints/{sprint_id}/scoreboard"
    rows = {h["name"]: h["done"] for h in client.get(url, headers=user.headers).json()["habits"]}
    assert rows == {"A": 7, "B": 14}  # only the marked item is re-scored
    with new_session() as db:
        sprint = db.get(Sprint, sprint_id)
        assert sprint is not None and sprint.snapshot is not None
        assert sprint.snapshot["stale"] == [b]  # and the read wrote nothing
        sprint.snapshot = {**sprint.snapshot, "stale": True}
        db.commit()
    rows = {h["name"]: h["done"] for h in client.get(url, headers=user.headers).json()["habits"]}
    assert rows == {"A": 14, "B": 14}  # every item, under its kept name


def test_the_list_shows_each_sprint_as_its_own_read_does(
    client: TestClient, set_now: SetNow
) -> None:
    """The list reads its page as plain rows and a finished sprint's figures from its kept
    JSON alone; every item must still be exactly the sprint's own ``GET`` (which validates
    the ORM sprint through ``SprintRead``): planned, active, finished and kept, finished and
    marked for re-scoring by a late check-in, and finished but never frozen."""
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    kept, (gym, _read) = fortnight(client, user, {"Gym": 7, "Read": 14})
    client.patch(f"/api/v1/habits/{gym}", json={"name": "Gym2"}, headers=user.headers)  # freezes
    walk = create_habit(client, user, name="Walk", start_date="2024-10-01")["id"]
    marked = create_sprint(client, user, start_date="2024-10-21", habit_ids=[walk])["id"]
    client.patch(f"/api/v1/habits/{walk}", json={"name": "Walk2"}, headers=user.headers)
    check_in(client, user, walk, date(2024, 10, 23), "done")  # late: marks it for re-scoring
    weekly = create_habit(
        client,
        user,
        name="Swim",
        start_date="2024-10-01",
        schedule={"type": "times_per_week", "times": 2},
    )["id"]
    old = create_sprint(client, user, start_date="2024-10-07", end_date="2024-10-13")["id"]
    active = create_sprint(client, user, start_date="2024-11-18", habit_ids=[gym, weekly])["id"]
    planned = create_sprint(client, user, start_date="2024-12-02", habit_ids=[weekly])["id"]
    listed = client.get("/api/v1/sprints?limit=200", headers=user.headers).json()
    assert listed["total"] == 5
    assert [s["id"] for s in listed["items"]] == [planned, active, kept, marked, old]
    for item in listed["items"]:
        own = client.get(f"/api/v1/sprints/{item['id']}", headers=user.headers).json()
        assert item == own
    page = client.get("/api/v1/sprints?limit=2&offset=1", headers=user.headers).json()
    assert page == {"items": listed["items"][1:3], "total": 5}
