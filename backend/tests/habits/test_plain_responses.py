"""The check-in grid is served from the driver's rows as plain values (no SQLAlchemy row or
pydantic object per check-in): every item must be exactly what the check-in's own PUT
answers (validated through ``CheckInRead``), dates, numbers, nulls and text included."""

from fastapi.testclient import TestClient

from tests.factories import check_in, create_habit, make_user
from tests.habits.test_habits_api import SetNow


def test_the_grid_shows_each_check_in_as_its_put_answered(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-10T12:00:00Z")
    user = make_user(client)
    gym = create_habit(client, user, name="Gym", start_date="2024-11-01")["id"]
    water = create_habit(
        client,
        user,
        name="Water",
        kind="numeric",
        target_value=8,
        unit="cups",
        start_date="2024-11-01",
    )["id"]
    answers = [
        check_in(client, user, gym, "2024-11-04", "done", note="Legs — “heavy” \\ day\ttwo"),
        check_in(client, user, gym, "2024-11-05", "skipped"),
        check_in(client, user, gym, "2024-11-06", "missed"),
        check_in(client, user, water, "2024-11-04", None, value=7.5),
        check_in(client, user, water, "2024-11-05", None, value=8),
        check_in(client, user, water, "2024-11-06", None, value=1e-7, note="sip"),
    ]
    grid = client.get(
        "/api/v1/check-ins?from=2024-11-01&to=2024-11-10", headers=user.headers
    ).json()
    by_day = sorted(answers, key=lambda a: (a["date"], a["habit_id"] != gym))
    assert grid == {"items": by_day, "total": 6}
    one = client.get(
        f"/api/v1/habits/{water}/check-ins?from=2024-11-01&to=2024-11-10", headers=user.headers
    ).json()
    assert one == {"items": [a for a in by_day if a["habit_id"] == water], "total": 3}
    # JSON numbers compare equal across int and float; the text must still say 8.0, not 8.
    assert [type(a["value"]) for a in one["items"]] == [float, float, float]
    assert (
        '"value":8.0,'
        in client.get(
            f"/api/v1/habits/{water}/check-ins?from=2024-11-05&to=2024-11-05", headers=user.headers
        ).text
    )
    assert client.get("/api/v1/check-ins", headers=user.headers).json()["total"] == 6
