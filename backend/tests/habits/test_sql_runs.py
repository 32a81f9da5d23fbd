"""The runs reaching back past Today's window are counted in SQL (``aggregates.py``): a daily
item's by a binary search over index counts, an N-times-a-week item's by walking back week by
week until a week below target. On random histories both must equal the whole history's
current streak as ``scoring.streaks`` counts it, whether the run broke on a missed row, on a
day without a row, on skipped days, at the start date, or not at all."""

from datetime import date, timedelta

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert
from sqlalchemy.orm import Session

from kaizen.db import new_session
from kaizen.habits import aggregates
from kaizen.habits.models import CheckIn, Habit
from kaizen.habits.scoring import HabitLog, Schedule, ScheduleKind, Status, streaks
from tests.habits.test_recent_streaks import _user

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
            kept = _store(db, habit, checkins, before)
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


def _store(
    db: Session, habit: Habit, checkins: dict[date, Status], before: date
) -> dict[date, Status]:
    """Adds the item and its check-ins before ``before``; returns those check-ins."""
    db.add(habit)
    db.flush()
    kept = {d: s for d, s in checkins.items() if d < before}
    if kept:
        rows = [
            {"habit_id": habit.id, "day": d, "status": s.value, "note": ""} for d, s in kept.items()
        ]
        db.execute(insert(CheckIn), rows)
    return kept


@st.composite
def weekly_histories(draw: st.DrawFn) -> tuple[int, date, dict[date, Status], date]:
    times = draw(st.integers(1, 7))
    start = BASE + timedelta(days=draw(st.integers(0, 13)))  # any weekday
    checkins: dict[date, Status] = {}
    day = start - timedelta(days=draw(st.integers(0, 5)))
    # Runs of a repeating week pattern, so runs of met weeks are common.
    for weeks, pattern in draw(
        st.lists(
            st.tuples(
                st.integers(1, 40),
                st.lists(st.sampled_from([*Status, None, Status.DONE]), min_size=7, max_size=7),
            ),
            max_size=6,
        )
    ):
        for _ in range(weeks):
            for status in pattern:
                if status is not None:
                    checkins[day] = status
                day += timedelta(days=1)
    monday = BASE + timedelta(days=7 * draw(st.integers(1, 150)))  # BASE is a Monday
    return times, start, checkins, monday


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(weekly_histories(), min_size=1, max_size=3), st.integers(1, 8))
def test_week_runs_equal_the_whole_historys_streak(
    client: TestClient, items: list[tuple[int, date, dict[date, Status], date]], weeks_back: int
) -> None:
    user = _user(client)
    before = max(b for *_, b in items)
    with new_session() as db:
        schedules, starts, expected = {}, {}, {}
        for times, start, checkins, _ in items:
            habit = Habit(
                user_id=user,
                name="h",
                start_date=start,
                schedule_type="times_per_week",
                schedule_times=times,
            )
            kept = _store(db, habit, checkins, before)
            schedules[habit.id] = Schedule.times_a_week(times)
            starts[habit.id] = start
            # `before` (a Monday) has no row: its week is still open, so the run is the
            # finished weeks before it.
            log = HabitLog(schedules[habit.id], start, kept)
            expected[habit.id] = streaks(log, today=before).current
        # 1000: longer than any history here (as a write keeping a run counts, kept_runs).
        whole = aggregates.week_runs_before(db, schedules, starts, before, 1000)
        cut = aggregates.week_runs_before(db, schedules, starts, before, weeks_back)
        db.rollback()
    assert whole == expected
    # With fewer weeks counted, a run that reaches past them is left out (read from rows).
    assert all(cut[h] == expected[h] for h in cut)
    assert all(expected[h] >= 0 for h in expected if h not in cut)
    assert all(s.kind is ScheduleKind.TIMES_PER_WEEK for s in schedules.values())
