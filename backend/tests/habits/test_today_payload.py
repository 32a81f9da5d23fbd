"""/today and /home are serialised from plain values, not from validated pydantic objects
(``habits.service.today_items``, ``home.flows.home``). Their bodies must still be exactly what
their response models give: validating a body as ``TodayRead`` / ``HomeRead`` and dumping it
again gives the same bytes, on a day with every kind of item and cell (numeric in progress and
met, weekdays, N times a week, skipped, missed, notes, unscheduled days, a start date inside
the week strip) and with the other Home sections filled."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from kaizen.habits.schemas import TodayRead
from kaizen.home.schemas import HomeRead
from tests.factories import check_in, create_habit, make_user
from tests.home.scripted import script_week


def _round_trips(body: bytes, model: type[TodayRead] | type[HomeRead]) -> None:
    assert model.model_validate_json(body).model_dump_json(by_alias=True).encode() == body


def test_today_body_is_exactly_a_validated_today_read(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-26T12:00:00Z")  # a Thursday
    user = make_user(client)
    pages = create_habit(
        client,
        user,
        name="Pages",
        kind="numeric",
        target_value=20,
        unit="pages",
        start_date="2026-11-01",
    )
    sugar = create_habit(
        client,
        user,
        name="Sugar",
        kind="numeric",
        target_value=2.5,
        target_type="at_most",
        start_date="2026-11-01",
    )
    weekdays = create_habit(
        client,
        user,
        name="DSA",
        schedule={"type": "weekdays", "days": [5, 1, 3]},
        start_date="2026-11-01",
        color="#2f855a",
    )
    weekly = create_habit(
        client,
        user,
        name="Gym",
        schedule={"type": "times_per_week", "times": 3},
        start_date="2026-11-01",
    )
    fresh = create_habit(client, user, name="New", start_date="2026-11-24", description="*new*")
    check_in(client, user, pages["id"], "2026-11-26", status=None, value=12, note="ch. 3")
    check_in(client, user, pages["id"], "2026-11-25", status=None, value=20)
    check_in(client, user, sugar["id"], "2026-11-26", status=None, value=1)
    check_in(client, user, weekdays["id"], "2026-11-23", note="two easy ones")
    check_in(client, user, weekdays["id"], "2026-11-25", status="skipped")
    check_in(client, user, weekdays["id"], "2026-11-22")  # a Sunday: not scheduled
    for day in ("2026-11-20", "2026-11-21", "2026-11-24"):
        check_in(client, user, weekly["id"], day)
    check_in(client, user, fresh["id"], "2026-11-24", status="missed")
    response = client.get("/api/v1/today", headers=user.headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    _round_trips(response.content, TodayRead)
    items = {h["habit"]["name"]: h for h in response.json()["habits"]}
    assert items["Pages"]["in_progress"] and items["Pages"]["today"]["value"] == 12.0
    assert items["DSA"]["habit"]["schedule"] == {"type": "weekdays", "days": [1, 3, 5]}
    assert [c["scheduled"] for c in items["New"]["last_7_days"]] == [False] * 4 + [True] * 3


def test_home_body_is_exactly_a_validated_home_read(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    week = script_week(client, set_now)
    response = client.get("/api/v1/home", headers=week.user.headers)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["habits"] and body["sprint"] and body["reading"]
    _round_trips(response.content, HomeRead)
