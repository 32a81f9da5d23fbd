"""Progress logging: the item's progress, the status it starts, and the reading action item
it feeds exactly once per request."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kaizen.reading import service
from tests.factories import ApiUser, create_reading_item, make_user

API = "/api/v1/reading-items"


def _read_habit(client: TestClient, user: ApiUser, start: str = "2026-11-01") -> dict[str, Any]:
    r = client.post(
        "/api/v1/habits",
        json={
            "name": "Read 20 pages",
            "kind": "numeric",
            "target_value": 20,
            "unit": "pages",
            "start_date": start,
        },
        headers=user.headers,
    )
    assert r.status_code == 201, r.text
    habit: dict[str, Any] = r.json()
    r = client.put("/api/v1/reading-settings", json={"habit_id": habit["id"]}, headers=user.headers)
    assert r.status_code == 200, r.text
    assert r.json() == {"habit_id": habit["id"], "unit": "pages"}
    return habit


def _check_ins(client: TestClient, user: ApiUser, habit_id: int) -> dict[str, Any]:
    r = client.get(
        f"/api/v1/habits/{habit_id}/check-ins",
        params={"from": "2026-11-01", "to": "2026-11-30"},
        headers=user.headers,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    rows = body["items"] if isinstance(body, dict) else body
    return {c["date"]: c for c in rows}


def _log(
    client: TestClient,
    user: ApiUser,
    item_id: int,
    amount: float,
    key: str | None = None,
    **extra: Any,
) -> Any:
    headers = {**user.headers, **({"Idempotency-Key": key} if key else {})}
    return client.post(
        f"{API}/{item_id}/progress", json={"amount": amount, **extra}, headers=headers
    )


def test_progress_starts_the_item_and_adds_up(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-10T09:00:00Z")
    user = make_user(client)
    item = create_reading_item(client, user, progress_total=300)
    r = _log(client, user, item["id"], 20)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["item"]["status"] == "reading"
    assert body["item"]["started_on"] == "2026-11-10"
    assert body["item"]["progress_current"] == 20
    assert body["habit"] is None and body["replayed"] is False
    r = _log(client, user, item["id"], 15.5, date="2026-11-09")
    assert r.json()["item"]["progress_current"] == 35.5
    log = client.get(f"{API}/{item['id']}", headers=user.headers).json()["progress_log"]
    assert [(p["date"], p["amount"], p["unit"]) for p in log] == [
        ("2026-11-10", 20, "pages"),
        ("2026-11-09", 15.5, "pages"),
    ]
    for bad in (
        {"amount": 0},
        {"amount": -3},
        {"amount": 1e9},
        {"amount": 5, "date": "2026-11-11"},
    ):
        r = client.post(f"{API}/{item['id']}/progress", json=bad, headers=user.headers)
        assert r.status_code == 422, (bad, r.text)
    assert (
        client.get(f"{API}/{item['id']}", headers=user.headers).json()["progress_current"] == 35.5
    )


def test_percent_progress_stops_at_100(client: TestClient) -> None:
    user = make_user(client)
    item = create_reading_item(client, user, progress_unit="percent", progress_total=100)
    _log(client, user, item["id"], 70)
    assert _log(client, user, item["id"], 70).json()["item"]["progress_current"] == 100


def test_progress_feeds_the_reading_action_item_exactly_once(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-10T09:00:00Z")
    user = make_user(client)
    habit = _read_habit(client, user)
    paper = create_reading_item(client, user, title="Paper")
    book = create_reading_item(client, user, kind="book", title="Book")

    r = _log(client, user, paper["id"], 8, key="k-1")
    assert r.json()["habit"] == {"habit_id": habit["id"], "date": "2026-11-10", "value": 8}
    assert _check_ins(client, user, habit["id"])["2026-11-10"]["status"] == "missed"
    # A retry with the same key (say the phone lost the answer) counts once.
    for _ in range(3):
        again = _log(client, user, paper["id"], 8, key="k-1")
        assert again.status_code == 201
        assert again.json()["replayed"] is True
        assert again.json()["log"]["id"] == r.json()["log"]["id"]
        assert again.json()["habit"]["value"] == 8
    # Another item, another key: it adds up to the day's target.
    r = _log(client, user, book["id"], 12, key="k-2")
    assert r.json()["habit"]["value"] == 20
    day = _check_ins(client, user, habit["id"])["2026-11-10"]
    assert (day["value"], day["status"]) == (20, "done")
    assert client.get(f"{API}/{paper['id']}", headers=user.headers).json()["progress_current"] == 8
    # Without a key every request counts.
    _log(client, user, book["id"], 1)
    _log(client, user, book["id"], 1)
    assert _check_ins(client, user, habit["id"])["2026-11-10"]["value"] == 22
    # A key reused on another item is a conflict, not a silent replay.
    assert _log(client, user, book["id"], 8, key="k-1").status_code == 409


def test_a_back_dated_log_feeds_that_day_and_keeps_its_note(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-10T09:00:00Z")
    user = make_user(client)
    habit = _read_habit(client, user)
    r = client.put(
        f"/api/v1/habits/{habit['id']}/check-ins/2026-11-08",
        json={"value": 5, "note": "train ride"},
        headers=user.headers,
    )
    assert r.status_code == 200, r.text
    item = create_reading_item(client, user)
    assert _log(client, user, item["id"], 10, date="2026-11-08").json()["habit"]["value"] == 15
    day = _check_ins(client, user, habit["id"])["2026-11-08"]
    assert (day["value"], day["note"]) == (15, "train ride")


def test_what_does_not_feed_the_action_item(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-10T09:00:00Z")
    user = make_user(client)
    habit = _read_habit(client, user, start="2026-11-05")
    video = create_reading_item(client, user, kind="video", progress_unit="minutes")
    assert _log(client, user, video["id"], 30).json()["habit"] is None  # another unit
    paper = create_reading_item(client, user)
    assert _log(client, user, paper["id"], 30, date="2026-11-01").json()["habit"] is None
    client.put("/api/v1/reading-settings", json={"habit_id": None}, headers=user.headers)
    assert _log(client, user, paper["id"], 30).json()["habit"] is None
    assert _check_ins(client, user, habit["id"]) == {}


def test_only_a_numeric_action_item_can_be_linked(client: TestClient) -> None:
    user = make_user(client)
    boolean = client.post("/api/v1/habits", json={"name": "Gym"}, headers=user.headers).json()
    r = client.put(
        "/api/v1/reading-settings", json={"habit_id": boolean["id"]}, headers=user.headers
    )
    assert r.status_code == 422
    assert client.get("/api/v1/reading-settings", headers=user.headers).json() == {
        "habit_id": None,
        "unit": "pages",
    }
    r = client.put("/api/v1/reading-settings", json={"habit_id": 2**40}, headers=user.headers)
    assert r.status_code == 422


def test_idempotency_keys_are_per_user(client: TestClient) -> None:
    alice, bob = make_user(client), make_user(client)
    a = create_reading_item(client, alice)
    b = create_reading_item(client, bob)
    assert _log(client, alice, a["id"], 3, key="same").json()["replayed"] is False
    assert _log(client, bob, b["id"], 4, key="same").json()["replayed"] is False
    assert client.get(f"{API}/{b['id']}", headers=bob.headers).json()["progress_current"] == 4
    r = _log(client, alice, a["id"], 3, key="k" * 201)
    assert r.status_code == 422


def test_a_retry_racing_the_first_request_still_counts_once(
    client: TestClient, set_now: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    set_now("2026-11-10T09:00:00Z")
    user = make_user(client)
    habit = _read_habit(client, user)
    item = create_reading_item(client, user, progress_total=100)
    first = _log(client, user, item["id"], 8, key="race")
    assert first.status_code == 201, first.text
    # The retry looks for its key before the first request has committed, and misses it: the
    # key's unique index then refuses its log, and it answers as a replay.
    real = service.find_replay
    calls: list[str | None] = []

    def miss_once(db: Any, user_: Any, key: str | None) -> Any:
        calls.append(key)
        return None if len(calls) == 1 else real(db, user_, key)

    monkeypatch.setattr(service, "find_replay", miss_once)
    again = _log(client, user, item["id"], 8, key="race")
    assert again.status_code == 201, again.text
    assert again.json()["replayed"] is True
    assert again.json()["log"]["id"] == first.json()["log"]["id"]
    assert calls == ["race", "race"]
    detail = client.get(f"{API}/{item['id']}", headers=user.headers).json()
    assert detail["progress_current"] == 8
    assert len(detail["progress_log"]) == 1
    assert [h["status"] for h in detail["status_history"]] == ["queued", "reading"]
    assert _check_ins(client, user, habit["id"])["2026-11-10"]["value"] == 8
