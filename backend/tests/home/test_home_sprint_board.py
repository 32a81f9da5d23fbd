"""Home's sprint card is scored from the check-ins Today's section has read
(``sprints.running``), not by the scoreboard's own reads: it must be exactly the scoreboard
``GET /sprints/{id}/scoreboard`` gives (without its ``outputs``), whatever the history — items
of every schedule, a numeric item partly done today, an archived item and an item started
inside the sprint; a sprint inside Today's five weeks or one that started long before them; a
previous sprint kept, never frozen, or kept but marked for re-scoring after its days changed;
no previous sprint at all. Its body is the bytes ``HomeRead`` gives for the same values."""

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, select, update

from kaizen.db import new_session
from kaizen.habits.models import CheckIn
from kaizen.home.schemas import HomeRead
from kaizen.sprints.models import Sprint
from tests.factories import check_in, create_habit, create_sprint, make_user

TODAY = date(2026, 11, 30)  # a Monday
HISTORY_DAYS = 130
SCHEDULES: list[dict[str, Any]] = [
    {"schedule": {"type": "daily"}},
    {"schedule": {"type": "weekdays", "days": [1, 3, 5]}},
    {"schedule": {"type": "times_per_week", "times": 3}},
    {"kind": "numeric", "target_value": 8, "unit": "cups", "target_type": "at_least"},
    {"kind": "numeric", "target_value": 2, "unit": "coffees", "target_type": "at_most"},
    {},  # archived before the request
    {},  # started ten days ago
]
# (running sprint, previous sprint or None), as day offsets from TODAY (inclusive).
LAYOUTS = {
    "fortnights": ((-7, 6), (-21, -8)),
    "long sprint": ((-90, 30), (-120, -91)),
    "no previous": ((-3, 10), None),
    # A previous sprint that started before Today's five weeks.
    "long previous": ((-10, 3), (-60, -11)),
}


def _history(rng: random.Random, habit_ids: list[int], started: dict[int, date]) -> list[Any]:
    rows = []
    for index, habit_id in enumerate(habit_ids):
        for back in range(HISTORY_DAYS):
            day = TODAY - timedelta(days=back)
            # Long runs of done days, so streaks and windows reach past Today's five weeks.
            roll = rng.random()
            numeric = index in (3, 4)
            if roll < 0.12 or (back > 60 and roll < 0.9):
                continue  # no row, or a long run of one kind further back
            if numeric:
                value = float(rng.choice([0, 1, 2, 3, 8, 9]))
                target_met = value >= 8 if index == 3 else value <= 2
                status = "done" if target_met else "missed"
                if rng.random() < 0.1:
                    status, value = "skipped", None
                rows.append((habit_id, day, status, value))
            else:
                status = rng.choices(["done", "missed", "skipped"], [0.7, 0.2, 0.1])[0]
                rows.append((habit_id, day, status, None))
    # Rows before an item's start date never count.
    before = {(h, d - timedelta(days=1)) for h, d in started.items()}
    rows = [row for row in rows if (row[0], row[1]) not in before]
    rows += [(h, d, "done", None) for h, d in before]
    return rows


def _board(client: TestClient, headers: dict[str, str], sprint_id: int) -> dict[str, Any]:
    response = client.get(f"/api/v1/sprints/{sprint_id}/scoreboard", headers=headers)
    assert response.status_code == 200, response.text
    board: dict[str, Any] = response.json()
    del board["outputs"]
    return board


@pytest.mark.parametrize("layout", list(LAYOUTS))
@pytest.mark.parametrize("previous_state", ["kept", "never frozen", "marked"])
@pytest.mark.parametrize("seed", [1])
def test_home_sprint_card_is_the_scoreboard(
    client: TestClient,
    set_now: Callable[[str], None],
    layout: str,
    previous_state: str,
    seed: int,
) -> None:
    set_now(f"{TODAY.isoformat()}T12:00:00Z")
    user = make_user(client)
    rng = random.Random(seed)
    start = (TODAY - timedelta(days=HISTORY_DAYS)).isoformat()
    ids = [
        create_habit(client, user, name=f"Item {i}", start_date=start, **fields)["id"]
        for i, fields in enumerate(SCHEDULES)
    ]
    late = TODAY - timedelta(days=10)
    client.patch(
        f"/api/v1/habits/{ids[6]}", json={"start_date": late.isoformat()}, headers=user.headers
    ).raise_for_status()
    with new_session() as db:
        rows = _history(rng, ids, {ids[6]: late})
        db.execute(
            insert(CheckIn),
            [{"habit_id": h, "day": d, "status": s, "value": v, "note": ""} for h, d, s, v in rows],
        )
        db.commit()
    running_days, previous_days = LAYOUTS[layout]
    sprint_ids = []
    for days in (previous_days, running_days):
        if days is None:
            continue
        others = [i for i in ids if i != ids[5]]
        items = [*rng.sample(others, 4), ids[5]] if days == previous_days else ids
        sprint_ids.append(
            create_sprint(
                client,
                user,
                start_date=(TODAY + timedelta(days=days[0])).isoformat(),
                end_date=(TODAY + timedelta(days=days[1])).isoformat(),
                target_rate=rng.choice([0.5, 0.7, 0.75, 0.8]),
                habit_ids=items,
            )["id"]
        )
    # A write: the previous sprint (finished) is frozen; then an item is archived.
    check_in(client, user, ids[0], TODAY - timedelta(days=1), "done")
    client.patch(
        f"/api/v1/habits/{ids[5]}", json={"archived": True}, headers=user.headers
    ).raise_for_status()
    # Today, a numeric item partly done (in progress: it counts as pending, not missed).
    check_in(client, user, ids[3], TODAY, None, value=3)
    if previous_days is not None:
        previous_id = sprint_ids[0]
        with new_session() as db:
            kept = db.scalar(select(Sprint.snapshot).where(Sprint.id == previous_id))
            assert kept is not None
            if previous_state == "never frozen":
                db.execute(update(Sprint).where(Sprint.id == previous_id).values(snapshot=None))
            elif previous_state == "marked":
                # Kept, marked for re-scoring, and a day inside it changed since (as a write
                # to the database alone: the kept numbers are now out of date).
                marked = {**kept, "rescore_all": True}
                db.execute(update(Sprint).where(Sprint.id == previous_id).values(snapshot=marked))
                day = TODAY + timedelta(days=previous_days[0] + 2)
                db.execute(
                    update(CheckIn)
                    .where(CheckIn.day == day, CheckIn.habit_id.in_(ids[:3]))
                    .values(status="done", value=None)
                )
            db.commit()
    response = client.get("/api/v1/home", headers=user.headers)
    assert response.status_code == 200, response.text
    # Serialised from plain values: exactly the bytes the response model gives.
    validated = HomeRead.model_validate_json(response.content)
    assert validated.model_dump_json(by_alias=True).encode() == response.content
    card = response.json()["sprint"]
    board = _board(client, user.headers, sprint_ids[-1])
    assert card["board"] == board
    assert list(card["board"]) == list(board)
    assert card["id"] == sprint_ids[-1]
    assert card["days_needed"] == sum(item["still_needed"] for item in board["habits"])
    assert card["reachable"] == all(item["feasible"] for item in board["habits"])
    assert len(board["habits"]) == len(SCHEDULES)
    if previous_days is not None:
        assert board["previous_score"] is not None


def test_home_without_a_running_sprint_has_no_card(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now(f"{TODAY.isoformat()}T12:00:00Z")
    user = make_user(client)
    habit = create_habit(client, user)["id"]
    ended = TODAY - timedelta(days=1)
    create_sprint(
        client,
        user,
        start_date=(ended - timedelta(days=13)).isoformat(),
        end_date=ended.isoformat(),
        habit_ids=[habit],
    )
    create_sprint(
        client, user, start_date=(TODAY + timedelta(days=1)).isoformat(), habit_ids=[habit]
    )
    response = client.get("/api/v1/home", headers=user.headers)
    assert response.status_code == 200, response.text
    assert response.json()["sprint"] is None
