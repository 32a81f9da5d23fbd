"""A daily item's run before Today's window is found by a binary search over index counts
(``aggregates._daily_runs``): on random histories it must equal the whole history's current
streak as ``scoring.streaks`` counts it, whether the run broke on a missed row, on a day
without a row, at the start date, or not at all."""

from datetime import date, timedelta

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from kaizen.db import new_session
from kaizen.habits import aggregates
from kaizen.habits.models import CheckIn, Habit
from kaizen.habits.scoring import HabitLog, Schedule, Status, streaks
from tests.factories import make_user

BASE = date(2024, 1, 1)
# Long runs of one status (None: no row), so runs of hundreds of days are common.
runs = st.lists(
    st.tuples(
        st.integers(1, 400),
        st.sampled_from([*Status, None, Status.DONE, Status.DONE, Status.DONE]),
    ),
    max_size=8,
)


@st.composite
def histories(draw: st.DrawFn) -> tuple[date, dict[date, Status], date]:
    start = BASE + timedelta(days=draw(st.integers(0, 30)))
    checkins: dict[date, Status] = {}
    day = start - timedelta(days=draw(st.integers(0, 5)))  # a few rows before the start too
    for length, status in draw(runs):
        for _ in range(length):
            if status is not None:
                checkins[day] = status
            day += timedelta(days=1)
    before = start + timedelta(days=draw(st.integers(1, 1200)))
    return start, checkins, before


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(histories(), min_size=1, max_size=3))
@example(
    [(BASE, {BASE + timedelta(days=d): Status.DONE for d in range(700)}, BASE + timedelta(700))]
)
@example([(BASE, {}, BASE + timedelta(days=1))])
@example([(BASE, {BASE: Status.MISSED, BASE + timedelta(1): Status.SKIPPED}, BASE + timedelta(2))])
def test_daily_runs_equal_the_whole_historys_streak(
    client: TestClient, items: list[tuple[date, dict[date, Status], date]]
) -> None:
    user = _user(client)
    before = max(b for _, _, b in items)
    with new_session() as db:
        habits, expected = [], {}
        for start, checkins, _ in items:
            habit = Habit(user_id=user, name="h", start_date=start, schedule_type="daily")
            db.add(habit)
            db.flush()
            kept = {d: s for d, s in checkins.items() if d < before}
            if kept:
                db.execute(
                    insert(CheckIn),
                    [
                        {"habit_id": habit.id, "day": d, "status": s.value, "note": ""}
                        for d, s in kept.items()
                    ],
                )
            habits.append(habit)
            # `before` has no row, so as "today" it is pending and the run before it counts.
            log = HabitLog(Schedule.daily(), start, kept)
            expected[habit.id] = streaks(log, today=before).current
        found = aggregates.runs_before(
            db,
            {h.id: Schedule.daily() for h in habits},
            {h.id: h.start_date for h in habits},
            before,
        )
        db.rollback()
    assert found == expected


_USERS: dict[int, int] = {}


def _user(client: TestClient) -> int:
    """One user per test run (the client fixture is shared by every example)."""
    key = id(client)
    if key not in _USERS:
        _USERS[key] = make_user(client).id
    return _USERS[key]
