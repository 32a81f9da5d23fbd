"""Check-in writes read their credential and habit before their write transaction (SQLite,
``kaizen.habits.rechecked``) and check them again inside it. Another writer changing what those
reads decided, between the two, must give exactly what the one-transaction path gives when
the change comes first: the same status, body, stored check-in and kept sprint results —
never a write computed from the rows as they were. A failure inside the write rolls all of it
back and gives the writer turn back."""

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import delete, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from kaizen.auth.models import ApiToken, User, UserSession
from kaizen.db import _turns as writer_turns
from kaizen.db import new_session
from kaizen.habits import rechecked
from kaizen.habits.models import CheckIn, Habit
from kaizen.sprints import snapshots
from kaizen.sprints.models import Sprint
from tests.conftest import TEST_DATABASE_URL, statement_places
from tests.factories import (
    ApiUser,
    browser_login,
    check_in,
    create_habit,
    create_sprint,
    create_token,
    make_user,
)

SQLITE = make_url(TEST_DATABASE_URL).get_backend_name() == "sqlite"
sqlite_only = pytest.mark.skipif(not SQLITE, reason="only SQLite reads before its write")
SetNow = Callable[[str], None]
START = date(2024, 11, 4)  # a fortnight, finished by "today" (20 Nov)
NOW = "2024-11-20T12:00:00Z"
DAY = START + timedelta(days=2)
# (user id, habit id) -> a change another writer commits.
Change = Callable[[Session, int, int], None]


def _set(model: Any, key: str, **values: Any) -> Change:
    def change(db: Session, user_id: int, habit_id: int) -> None:
        target = user_id if model is User else habit_id
        db.execute(update(model).where(model.id == target).values(**values))

    change.__name__ = f"{model.__name__}.{key}"
    return change


def _revoke_tokens(db: Session, user_id: int, _habit_id: int) -> None:
    db.execute(delete(ApiToken).where(ApiToken.user_id == user_id))


def _end_sessions(db: Session, user_id: int, _habit_id: int) -> None:
    db.execute(delete(UserSession).where(UserSession.user_id == user_id))


def _delete_habit(db: Session, _user_id: int, habit_id: int) -> None:
    db.execute(delete(Habit).where(Habit.id == habit_id))


@contextmanager
def _between_phases(
    monkeypatch: pytest.MonkeyPatch, change: Change, user_id: int, habit_id: int
) -> Iterator[list[int]]:
    """``change`` committed by another writer after the request's reads, just before its
    write transaction; yields a list that holds one item once that happened."""
    write_transaction = rechecked.write_transaction
    happened: list[int] = []

    @contextmanager
    def changed_first(db: Session) -> Iterator[None]:
        # The other writer had the turn first: a request that took it already, to write on
        # the event loop (``db.writer_turn_now``), gives it back until its own transaction.
        conn = db.connection()
        turn = writer_turns.get(conn.dialect)
        if turn is not None:
            turn.release(conn.connection.dbapi_connection)
        with new_session(writer=True) as other, other.begin():
            change(other, user_id, habit_id)
        happened.append(1)
        with write_transaction(db):
            yield

    with monkeypatch.context() as patch:
        patch.setattr(rechecked, "write_transaction", changed_first)
        yield happened


def _world(client: TestClient) -> tuple[ApiUser, list[int], int]:
    """A user with a yes/no and a numeric item (at least 10) in a frozen, finished sprint."""
    user = make_user(client)
    ids = [
        create_habit(client, user, name="Gym", start_date=START.isoformat())["id"],
        create_habit(
            client,
            user,
            name="Read",
            kind="numeric",
            target_value=10,
            unit="pages",
            start_date=START.isoformat(),
        )["id"],
    ]
    sprint = create_sprint(client, user, start_date=START.isoformat(), habit_ids=ids)
    check_in(client, user, ids[0], START, "done")  # freezes the finished sprint
    check_in(client, user, ids[1], START, None, value=12)
    return user, ids, sprint["id"]


def _outcome(
    response: Any, ids: list[int], sprint_id: int, habit_id: int, day: date
) -> dict[str, Any]:
    """What a request answered and left behind, with ids replaced by the item's place."""
    place = {habit_id: i for i, habit_id in enumerate(ids)}
    json = response.headers.get("content-type", "").startswith("application/json")
    body = response.json() if json and response.content else response.text
    if isinstance(body, dict) and "habit_id" in body:
        body["habit_id"] = place[body["habit_id"]]
    with new_session() as db:
        stored = db.execute(
            select(CheckIn.status, CheckIn.value, CheckIn.note).where(
                CheckIn.habit_id == habit_id, CheckIn.day == day
            )
        ).all()
        kept = db.scalars(select(Sprint.snapshot).where(Sprint.id == sprint_id)).one()
    for row in kept["habits"]:
        row["habit_id"] = place.get(row["habit_id"], -1)
    return {
        "status": response.status_code,
        "body": body,
        "stored": [tuple(row) for row in stored],
        "kept": kept,
    }


CHANGES: list[tuple[Change, int, dict[str, Any], bool]] = [
    # (change, item, request body, whether it changes the answer or what is stored)
    (_revoke_tokens, 0, {"status": "done"}, True),
    (_set(User, "disabled", is_active=False), 0, {"status": "done"}, True),
    (_set(User, "timezone", timezone="Pacific/Kiritimati"), 0, {"status": "done"}, True),
    (_delete_habit, 0, {"status": "done"}, True),
    (_set(Habit, "archived", archived=True), 0, {"status": "done"}, False),
    (_set(Habit, "start", start_date=DAY + timedelta(days=1)), 0, {"status": "done"}, True),
    (_set(Habit, "schedule", schedule_type="weekdays", schedule_days="1"), 0, {}, True),
    # A finished sprint keeps the names its items had: a rename changes nothing here.
    (_set(Habit, "renamed", name="Lift"), 0, {"status": "missed"}, False),
    (_set(Habit, "target", target_value=5), 1, {"value": 7}, True),
    (_set(Habit, "at_most", target_type="at_most"), 1, {"value": 7}, True),
    (_set(Habit, "boolean", kind="boolean", target_value=None), 1, {"value": 7}, True),
]


@sqlite_only
@pytest.mark.parametrize(
    ("change", "item", "body", "matters"), CHANGES, ids=[c[0].__name__ for c in CHANGES]
)
def test_a_change_between_the_reads_and_the_write_gives_what_the_change_first_gives(
    client: TestClient,
    set_now: SetNow,
    monkeypatch: pytest.MonkeyPatch,
    change: Change,
    item: int,
    body: dict[str, Any],
    matters: bool,
) -> None:
    set_now(NOW)
    # The timezone change makes "today" the 21st: a check-in for it is a 422 before, a 200 after.
    day = date(2024, 11, 21) if "timezone" in change.__name__ else DAY

    def put(user: ApiUser, ids: list[int]) -> Any:
        url = f"/api/v1/habits/{ids[item]}/check-ins/{day}"
        return client.put(url, json=body, headers=user.headers)

    user, ids, sprint = _world(client)
    with _between_phases(monkeypatch, change, user.id, ids[item]) as happened:
        raced = _outcome(put(user, ids), ids, sprint, ids[item], day)
    assert happened == [1]

    user, ids, sprint = _world(client)
    with new_session(writer=True) as other, other.begin():
        change(other, user.id, ids[item])
    first = _outcome(put(user, ids), ids, sprint, ids[item], day)

    user, ids, sprint = _world(client)
    unchanged = _outcome(put(user, ids), ids, sprint, ids[item], day)

    assert raced == first
    assert (raced != unchanged) is matters, (raced, unchanged)


@sqlite_only
@pytest.mark.parametrize(
    "change", [_delete_habit, _set(Habit, "schedule", schedule_type="weekdays", schedule_days="1")]
)
def test_a_clear_between_the_reads_and_the_write_gives_what_the_change_first_gives(
    client: TestClient, set_now: SetNow, monkeypatch: pytest.MonkeyPatch, change: Change
) -> None:
    set_now(NOW)

    def clear(user: ApiUser, ids: list[int]) -> Any:
        return client.delete(f"/api/v1/habits/{ids[1]}/check-ins/{DAY}", headers=user.headers)

    user, ids, sprint = _world(client)
    check_in(client, user, ids[1], DAY, None, value=12)
    with _between_phases(monkeypatch, change, user.id, ids[1]) as happened:
        raced = _outcome(clear(user, ids), ids, sprint, ids[1], DAY)
    assert happened == [1]

    user, ids, sprint = _world(client)
    check_in(client, user, ids[1], DAY, None, value=12)
    with new_session(writer=True) as other, other.begin():
        change(other, user.id, ids[1])
    first = _outcome(clear(user, ids), ids, sprint, ids[1], DAY)

    user, ids, sprint = _world(client)
    check_in(client, user, ids[1], DAY, None, value=12)
    unchanged = _outcome(clear(user, ids), ids, sprint, ids[1], DAY)

    assert raced != unchanged
    assert raced == first


@sqlite_only
def test_a_browser_session_ended_between_the_reads_and_the_write_is_401(
    client: TestClient, set_now: SetNow, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_now(NOW)
    user, ids, _sprint = _world(client)
    csrf = browser_login(client, user.email)
    url = f"/api/v1/habits/{ids[0]}/check-ins/{DAY}"
    with _between_phases(monkeypatch, _end_sessions, user.id, ids[0]) as happened:
        response = client.put(url, json={"status": "done"}, headers={"X-CSRF-Token": csrf})
    assert happened == [1]
    assert response.status_code == 401
    assert response.json() == {"detail": "Session expired; sign in again"}
    with new_session() as db:
        stored = db.scalars(
            select(CheckIn.id).where(CheckIn.habit_id == ids[0], CheckIn.day == DAY)
        )
        assert stored.all() == []


@sqlite_only
def test_the_write_transaction_begins_after_the_reads_and_first_checks_them_again(
    client: TestClient, count_queries: Callable[[], Any]
) -> None:
    user = make_user(client)
    habit = create_habit(client, user)
    url = f"/api/v1/habits/{habit['id']}/check-ins/{habit['start_date']}"
    with count_queries() as q:
        assert client.put(url, json={"status": "done"}, headers=user.headers).status_code == 200
    statements = [" ".join(s.split()[:4]) for s in q.statements]
    begin = next(i for i, s in enumerate(statements) if s.startswith("BEGIN IMMEDIATE"))
    reads = statements[:begin]
    # The token and the habit are read in a transaction of their own, before the lock.
    assert [s.split()[0] for s in reads] == ["BEGIN", "SELECT", "SELECT", "COMMIT"], reads
    assert "FROM api_tokens JOIN users" in q.statements[begin + 1], statements


def _turn_is_free() -> bool:
    path = make_url(TEST_DATABASE_URL).database
    assert path
    fd = os.open(f"{path}-writer", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def test_a_failure_inside_the_write_rolls_everything_back_and_gives_the_turn_back(
    app: FastAPI, client: TestClient, set_now: SetNow, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_now(NOW)
    user, ids, sprint = _world(client)
    # A fresh personal token: its first use is due to be recorded, in the write transaction.
    token = create_token(client, user, name="script")
    headers = {"Authorization": f"Bearer {token['token']}"}
    url = f"/api/v1/habits/{ids[0]}/check-ins/{DAY}"
    rescore = snapshots.rescore_habit

    def failing(db: Session, habit: Habit, day: date, today: date) -> None:
        rescore(db, habit, day, today)  # the check-in and the kept results are written…
        raise RuntimeError("the disk went away")  # …and then the write fails

    with monkeypatch.context() as patch, TestClient(app, raise_server_exceptions=False) as c:
        patch.setattr(snapshots, "rescore_habit", failing)
        before = _outcome(c.get("/api/v1/me", headers=user.headers), ids, sprint, ids[0], DAY)
        response = c.put(url, json={"status": "missed"}, headers=headers)
        after = _outcome(response, ids, sprint, ids[0], DAY)
        if SQLITE:
            assert _turn_is_free()

    assert response.status_code == 500
    assert after["stored"] == before["stored"] == []
    assert after["kept"] == before["kept"]
    with new_session() as db:
        used = db.scalars(select(ApiToken.last_used_at).where(ApiToken.id == token["id"])).one()
    assert used is None
    # The next write gets the turn and lands, and records the token's use.
    assert client.put(url, json={"status": "missed"}, headers=headers).status_code == 200
    with new_session() as db:
        used = db.scalars(select(ApiToken.last_used_at).where(ApiToken.id == token["id"])).one()
    assert used is not None


def _where_it_began(engine: Any, send: Callable[[], Any]) -> tuple[Any, list[bool]]:
    """The response of ``send()``, and for each ``BEGIN IMMEDIATE`` whether it ran on the
    event loop (else in a worker thread)."""
    with statement_places(engine, lambda sql: sql.startswith("BEGIN IMMEDIATE")) as places:
        return send(), places


@sqlite_only
def test_the_write_runs_on_the_loop_only_while_the_turn_is_free(
    client: TestClient, engine: Any
) -> None:
    """``db.writer_turn_now``: with the writer turn free, the check-in's write transaction
    runs on the event loop; with another process holding it, the write waits for it in a
    worker thread (never on the loop) and lands once it is given back."""
    user = make_user(client)
    habit = create_habit(client, user)
    url = f"/api/v1/habits/{habit['id']}/check-ins/{habit['start_date']}"

    def put(status: str) -> Any:
        return client.put(url, json={"status": status}, headers=user.headers)

    response, places = _where_it_began(engine, lambda: put("done"))
    assert response.status_code == 200 and places == [True]

    path = make_url(TEST_DATABASE_URL).database
    fd = os.open(f"{path}-writer", os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another process's writer holds the turn
    try:
        with ThreadPoolExecutor(1) as pool:
            pending = pool.submit(_where_it_began, engine, lambda: put("missed"))
            time.sleep(0.3)
            assert not pending.done()  # waiting for the turn, off the loop
            fcntl.flock(fd, fcntl.LOCK_UN)
            response, places = pending.result(timeout=10)
    finally:
        os.close(fd)
    assert response.status_code == 200 and response.json()["status"] == "missed"
    assert places == [False]
    assert _turn_is_free()


@sqlite_only
def test_a_write_refused_after_taking_the_turn_gives_it_back(client: TestClient) -> None:
    """A check-in refused inside the handler (a day after today) leaves the turn free and
    writes nothing."""
    user = make_user(client)
    habit = create_habit(client, user)
    future = date.fromisoformat(habit["start_date"]) + timedelta(days=400)
    url = f"/api/v1/habits/{habit['id']}/check-ins/{future}"
    response = client.put(url, json={"status": "done"}, headers=user.headers)
    assert response.status_code == 422, response.text
    assert _turn_is_free()
    listed = client.get(f"/api/v1/habits/{habit['id']}/check-ins", headers=user.headers)
    assert listed.json()["items"] == []
