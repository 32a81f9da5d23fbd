"""/today reads five weeks of check-ins and goes further back only for runs that reach the
window's start (kaizen/habits/recent.py). On random histories, the cut log must give exactly
the whole history's current streak and 14-day rate whenever it is not read further back."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kaizen.habits import recent
from kaizen.habits.scoring import HabitLog, Schedule, ScheduleKind, Status, streaks, tally
from kaizen.habits.service import counting_end

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
