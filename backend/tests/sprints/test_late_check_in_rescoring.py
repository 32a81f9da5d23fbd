"""A late check-in re-scores its item in a finished sprint's kept results. Check-in writes take
a short way (``snapshots.rescore_habit``: the kept JSON as text, only that item's check-ins,
one ``UPDATE``); it must store exactly what the general way (``snapshots.freeze``) stores."""

import random
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from kaizen.db import new_session
from kaizen.sprints import snapshots
from kaizen.sprints.models import Sprint
from tests.factories import ApiUser, check_in, create_habit, create_sprint, make_user

SetNow = Callable[[str], None]
START = date(2024, 11, 4)  # a fortnight, finished by "today" (20 Nov)
ACTIONS = ("done", "missed", "skipped", "clear")

# An op: (item, day after START (the last three are after the sprint), action).


def _apply(client: TestClient, user: ApiUser, ops: list[tuple[int, int, str]]) -> Any:
    """A frozen fortnight of three items, then ``ops``; the kept snapshot with item ids
    replaced by their places, and the scoreboard as read."""
    ids = [
        create_habit(client, user, name=name, start_date=START.isoformat())["id"]
        for name in ("A", "B", "C")
    ]
    sprint = create_sprint(client, user, start_date=START.isoformat(), habit_ids=ids)
    for i, habit_id in enumerate(ids):
        for d in range(0, 14, i + 1):
            check_in(client, user, habit_id, START + timedelta(days=d), "done")
    for item, d, action in ops:
        url = f"/api/v1/habits/{ids[item]}/check-ins/{START + timedelta(days=d)}"
        if action == "clear":
            assert client.delete(url, headers=user.headers).status_code == 204
        else:
            response = client.put(url, json={"status": action}, headers=user.headers)
            assert response.status_code == 200
    place = {habit_id: i for i, habit_id in enumerate(ids)}
    with new_session() as db:
        kept = db.scalars(select(Sprint.snapshot).where(Sprint.id == sprint["id"])).one()
    assert kept is not None
    for row in kept["habits"]:
        row["habit_id"] = place[row["habit_id"]]
    board = client.get(f"/api/v1/sprints/{sprint['id']}/scoreboard", headers=user.headers)
    rows = board.json()
    for row in rows["habits"]:
        row["habit_id"] = place[row["habit_id"]]
    return kept, {k: v for k, v in rows.items() if k not in ("sprint_id", "id")}


@pytest.mark.parametrize("seed", range(4))
def test_the_short_way_stores_what_freeze_stores(
    client: TestClient, set_now: SetNow, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Random late check-ins, changes and clears (in and after the sprint) on a frozen
    sprint: the kept results and the scoreboard are the same both ways."""
    set_now("2024-11-20T12:00:00Z")
    rng = random.Random(seed)
    one, other = make_user(client), make_user(client)
    for _ in range(3):
        ops = [
            (rng.randrange(3), rng.randrange(17), rng.choice(ACTIONS))
            for _ in range(rng.randint(1, 8))
        ]
        short = _apply(client, one, ops)
        with monkeypatch.context() as patch:
            # Every sprint looks as if it had an item its snapshot lacks: the general way.
            patch.setattr(snapshots, "_members", lambda _db, _ids: defaultdict(lambda: {-1}))
            general = _apply(client, other, ops)

        assert short == general, ops


def test_the_same_check_in_again_leaves_the_kept_results_unwritten(
    client: TestClient, set_now: SetNow, count_queries: Callable[[], Any]
) -> None:
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    habit = create_habit(client, user, name="A", start_date=START.isoformat())["id"]
    create_sprint(client, user, start_date=START.isoformat(), habit_ids=[habit])
    check_in(client, user, habit, START, "done")  # freezes the finished sprint
    check_in(client, user, habit, START + timedelta(days=1), "missed")  # re-scores it

    with count_queries() as q:
        check_in(client, user, habit, START + timedelta(days=1), "missed")
    again = [s for s in q.statements if s.lstrip().lower().startswith("update sprints")]
    with count_queries() as q:
        check_in(client, user, habit, START + timedelta(days=1), "done")
    changed = [s for s in q.statements if s.lstrip().lower().startswith("update sprints")]

    assert (len(again), len(changed)) == (0, 1)
