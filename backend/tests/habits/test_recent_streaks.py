"""/today reads five weeks of check-ins and goes further back only for runs that reach the
window's start (kaizen/habits/recent.py). On random histories, the cut log must give exactly
the whole history's current streak and 14-day rate whenever it is not read further back."""

from datetime import date, timedelta
from unittest.mock import patch

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from kaizen.db import new_session
from kaizen.habits import aggregates, recent
from kaizen.habits.logs import counting_end
from kaizen.habits.models import CheckIn, Habit
from kaizen.habits.scoring import HabitLog, Schedule, ScheduleKind, Status, streaks, tally
from tests.factories import make_user

BASE = date(2024, 1, 1)

schedules = st.one_of(
    st.just(Schedule.daily()),
    st.frozensets(st.integers(1, 7), min_size=1).map(
        lambda days: Schedule(ScheduleKind.WEEKDAYS, weekdays=days)
    ),
    st.integers(1, 7).map(Schedule.times_a_week),
)
# Histories as runs of one status (None: no row), so long unbroken runs are common.
runs = st.lists(
    st.tuples(st.integers(1, 60), st.sampled_from([*Status, None, Status.DONE, Status.DONE])),
    max_size=12,
)


@st.composite
def histories(draw: st.DrawFn) -> tuple[HabitLog, date]:
    schedule = draw(schedules)
    start = BASE + timedelta(days=draw(st.integers(0, 30)))
    checkins: dict[date, Status] = {}
    day = start - timedelta(days=draw(st.integers(0, 5)))  # a few rows before the start too
    for length, status in draw(runs):
        for _ in range(length):
            if status is not None:
                checkins[day] = status
            day += timedelta(days=1)
    today = start + timedelta(days=draw(st.integers(0, 250)))
    return HabitLog(schedule, start, checkins), today


def cut(log: HabitLog, since: date) -> HabitLog:
    kept = {d: s for d, s in log.checkins.items() if d >= since}
    return HabitLog(log.schedule, max(log.start_date, since), kept)


@settings(max_examples=600, deadline=None)
@given(histories())
def test_the_recent_window_gives_the_whole_historys_streak_and_rate(
    history: tuple[HabitLog, date],
) -> None:
    log, today = history
    since = today - timedelta(days=recent.RECENT_DAYS)
    window = cut(log, since)
    fortnight = {"start": today - timedelta(days=13), "end": counting_end(today, today)}
    assert tally(window, today=today, **fortnight) == tally(log, today=today, **fortnight)
    if log.start_date >= since or not recent.reaches_before(window, since, today):
        assert streaks(window, today=today).current == streaks(log, today=today).current


@st.composite
def stored_histories(draw: st.DrawFn) -> tuple[HabitLog, date, bool]:
    log, _ = draw(histories())
    # Today late enough for runs to reach back past the recent window; the history may end
    # before it (a run of empty days) or carry rows after it (never read as the past).
    today = log.start_date + timedelta(days=draw(st.integers(recent.RECENT_DAYS, 160)))
    return log, today, draw(st.booleans())


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(stored_histories())
@example(  # a run of weeks back to a start on a Saturday: the first week has two days only
    (
        HabitLog(
            Schedule.times_a_week(3),
            date(2024, 1, 6),
            {
                date(2024, 1, 6) + timedelta(days=d): Status.DONE
                for d in range(80)
                if d < 2 or (d - 2) % 7 < 3
            },
        ),
        date(2024, 3, 27),
        False,
    )
)
def test_current_streaks_from_sql_equal_the_whole_history(
    client: TestClient, history: tuple[HabitLog, date, bool]
) -> None:
    """The SQL path (aggregates.runs_before, week_runs_before) against scoring.streaks over
    the whole history, also with few gaps and weeks read per item (so the fallback that reads
    rows is taken too)."""
    log, today, few_gaps = history
    user = _user(client)
    with new_session() as db:
        habit = Habit(user_id=user, name="h", start_date=log.start_date, **_columns(log.schedule))
        db.add(habit)
        db.flush()
        rows = [
            {"habit_id": habit.id, "day": d, "status": s.value, "note": ""}
            for d, s in log.checkins.items()
            if d <= today
        ]
        if rows:
            db.execute(insert(CheckIn), rows)
        expected = streaks(
            HabitLog(
                log.schedule, log.start_date, {d: s for d, s in log.checkins.items() if d <= today}
            ),
            today=today,
        ).current
        with (
            patch.object(aggregates, "GAPS", 2 if few_gaps else aggregates.GAPS),
            patch.object(aggregates, "WEEKS_BACK", 3 if few_gaps else aggregates.WEEKS_BACK),
        ):
            _, runs = recent.current_streaks(db, [habit], today, {habit.id: log.schedule})
        db.rollback()
    assert runs[habit.id].current == expected


_USERS: dict[int, int] = {}


def _user(client: TestClient) -> int:
    """One user per test run (the client fixture is shared by every example)."""
    key = id(client)
    if key not in _USERS:
        _USERS[key] = make_user(client).id
    return _USERS[key]


def _columns(schedule: Schedule) -> dict[str, object]:
    if schedule.kind is ScheduleKind.WEEKDAYS:
        return {
            "schedule_type": "weekdays",
            "schedule_days": "".join(map(str, sorted(schedule.weekdays))),
        }
    if schedule.kind is ScheduleKind.TIMES_PER_WEEK:
        return {"schedule_type": "times_per_week", "schedule_times": schedule.times_per_week}
    return {"schedule_type": "daily"}


@settings(max_examples=600, deadline=None)
@given(histories())
def test_todays_one_pass_figures_equal_scorings(history: tuple[HabitLog, date]) -> None:
    """recent.run_in_window and recent.fortnight_rate (Today's one pass per item) give what
    scoring.streaks, reaches_before and the 14-day tally give on the log cut at the window."""
    log, today = history
    if log.schedule.kind is ScheduleKind.TIMES_PER_WEEK:
        return  # Today scores these with scoring.* itself
    since = today - timedelta(days=recent.RECENT_DAYS)
    window = cut(log, since)
    current, reaches = recent.run_in_window(
        log.schedule, log.start_date, window.checkins, since, today
    )
    assert current == streaks(window, today=today).current
    assert reaches == recent.reaches_before(window, since, today)
    fortnight = {"start": today - timedelta(days=13), "end": counting_end(today, today)}
    assert recent.fortnight_rate(log.schedule, log.start_date, window.checkins, today) == (
        tally(log, today=today, **fortnight).rate
    )
