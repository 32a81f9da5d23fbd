"""Tests for kaizen.habits.scoring: rate, N-times-a-week, streaks, strength, history."""

from __future__ import annotations

import math
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaizen.habits.scoring import (
    CellState,
    HabitLog,
    Period,
    Schedule,
    ScheduleKind,
    Status,
    StreakUnit,
    Tally,
    habit_stats,
    history,
    period_tallies,
    streaks,
    strength,
    strength_series,
    tally,
)

D = Status.DONE
S = Status.SKIPPED
M = Status.MISSED
MON = date(2024, 11, 4)  # a Monday


def day(offset: int) -> date:
    return MON + timedelta(days=offset)


def log_from(schedule: Schedule, pattern: str, start: date = MON) -> HabitLog:
    """Check-ins from a string, one char per day from ``start``: d/s/m, '.' = no row."""
    codes = {"d": D, "s": S, "m": M}
    checkins = {start + timedelta(days=i): codes[c] for i, c in enumerate(pattern) if c != "."}
    return HabitLog(schedule, start, checkins)


# --------------------------------------------------------------------------------------------
# Schedule


def test_schedule_constructors_and_frequency() -> None:
    assert Schedule.daily().frequency == 1
    assert Schedule.on_weekdays(1, 3, 5).frequency == pytest.approx(3 / 7)
    assert Schedule.times_a_week(3).frequency == pytest.approx(3 / 7)
    assert Schedule.on_weekdays(1, 2).is_scheduled(MON)
    assert not Schedule.on_weekdays(2).is_scheduled(MON)
    assert Schedule.times_a_week(2).is_scheduled(MON)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": ScheduleKind.WEEKDAYS},
        {"kind": ScheduleKind.WEEKDAYS, "weekdays": frozenset({0})},
        {"kind": ScheduleKind.WEEKDAYS, "weekdays": frozenset({8})},
        {"kind": ScheduleKind.DAILY, "weekdays": frozenset({1})},
        {"kind": ScheduleKind.TIMES_PER_WEEK},
        {"kind": ScheduleKind.TIMES_PER_WEEK, "times_per_week": 0},
        {"kind": ScheduleKind.TIMES_PER_WEEK, "times_per_week": 8},
        {"kind": ScheduleKind.DAILY, "times_per_week": 3},
    ],
)
def test_schedule_rejects_invalid(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Schedule(**kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Rate: daily and weekdays


def test_daily_rate_counts_done_over_eligible() -> None:
    log = log_from(Schedule.daily(), "ddmd.dd")  # 7 days, '.' is an empty past day
    counts = tally(log, today=day(7), end=day(6))
    assert counts == Tally(done=5, eligible=7, skipped=0, eligible_left=0)
    assert counts.rate == pytest.approx(5 / 7)
    assert counts.missed == 2


def test_unchecked_today_never_lowers_the_rate() -> None:
    log = log_from(Schedule.daily(), "ddd")
    counts = tally(log, today=day(3), end=day(3))
    assert (counts.done, counts.eligible, counts.eligible_left) == (3, 3, 1)
    assert counts.rate == 1


@pytest.mark.parametrize(("today_status", "done", "eligible"), [(D, 3, 3), (M, 2, 3)])
def test_checked_in_today_counts(today_status: Status, done: int, eligible: int) -> None:
    log = log_from(Schedule.daily(), "dd")
    log = HabitLog(log.schedule, log.start_date, {**log.checkins, day(2): today_status})
    counts = tally(log, today=day(2), end=day(2))
    assert (counts.done, counts.eligible, counts.eligible_left) == (done, eligible, 0)


def test_future_days_never_count_even_with_rows() -> None:
    log = log_from(Schedule.daily(), "dddddm")
    counts = tally(log, today=day(2), end=day(6))
    assert (counts.done, counts.eligible) == (3, 3)  # today is done, so it counts
    assert counts.eligible_left == 4  # days 3..6, whatever rows they have
    assert counts.eligible_total == 7


def test_skipped_days_count_neither_for_nor_against() -> None:
    log = log_from(Schedule.daily(), "dsdms")
    counts = tally(log, today=day(5), end=day(4))
    assert (counts.done, counts.eligible, counts.skipped) == (2, 3, 2)


def test_future_skip_reduces_eligible_left_but_is_not_counted_yet() -> None:
    log = log_from(Schedule.daily(), "d..s")
    counts = tally(log, today=day(1), end=day(4))
    assert counts.skipped == 0
    assert counts.eligible_left == 3  # day 1 (pending), 2, 4


def test_rate_is_none_when_nothing_is_eligible() -> None:
    log = log_from(Schedule.daily(), "ss")
    assert tally(log, today=day(2), end=day(1)).rate is None
    assert tally(log_from(Schedule.daily(), ""), today=MON).rate is None


def test_days_before_start_date_are_not_eligible() -> None:
    log = HabitLog(Schedule.daily(), day(3), {day(1): D, day(3): D, day(4): M})
    counts = tally(log, today=day(5), start=MON, end=day(5))
    assert (counts.done, counts.eligible) == (1, 2)


def test_weekdays_ignore_check_ins_on_unscheduled_days() -> None:
    # Mon-Fri habit; the weekend has a done and a missed row that must be ignored.
    log = log_from(Schedule.on_weekdays(1, 2, 3, 4, 5), "ddmdddm")
    counts = tally(log, today=day(7), end=day(6))
    assert (counts.done, counts.eligible) == (4, 5)
    assert streaks(log, today=day(7), end=day(6)).current == 2


def test_window_is_respected() -> None:
    log = log_from(Schedule.daily(), "mmdddmm")
    counts = tally(log, today=day(10), start=day(2), end=day(4))
    assert (counts.done, counts.eligible, counts.eligible_left) == (3, 3, 0)


# --------------------------------------------------------------------------------------------
# Rate: N times a week


def test_times_per_week_full_week_caps_done_at_target() -> None:
    three = Schedule.times_a_week(3)
    four_done = tally(log_from(three, "dd.dd.."), today=day(7), end=day(6))
    assert (four_done.done, four_done.eligible, four_done.rate) == (3, 3, 1)
    two_done = tally(log_from(three, "d.d...."), today=day(7), end=day(6))
    assert (two_done.done, two_done.eligible) == (2, 3)


def test_times_per_week_current_week_counts_only_unavoidable_misses() -> None:
    three = Schedule.times_a_week(3)
    # Wednesday, nothing done yet: the week can still be met, so nothing is eligible.
    wednesday = tally(log_from(three, ""), today=day(2))
    assert (wednesday.done, wednesday.eligible, wednesday.eligible_left) == (0, 0, 3)
    assert wednesday.rate is None
    # Saturday unchecked, one done: Saturday and Sunday can still bring it to 3.
    saturday = tally(log_from(three, "d...."), today=day(5))
    assert (saturday.done, saturday.eligible, saturday.eligible_left) == (1, 1, 2)
    # Sunday unchecked, one done: one of the three can no longer happen.
    sunday = tally(log_from(three, "d....."), today=day(6))
    assert (sunday.done, sunday.eligible, sunday.eligible_left) == (1, 2, 1)
    # Once the week is over, the whole target counts.
    over = tally(log_from(three, "d......"), today=day(7), end=day(6))
    assert (over.done, over.eligible, over.eligible_left) == (1, 3, 0)


def test_times_per_week_target_shrinks_with_skips_and_start_date() -> None:
    three = Schedule.times_a_week(3)
    # Five skipped days leave two available: target 2.
    skipped = tally(log_from(three, "sssssd."), today=day(7), end=day(6))
    assert (skipped.done, skipped.eligible, skipped.skipped) == (1, 2, 5)
    # Starting on Saturday leaves two days in the first week: target 2.
    late = tally(log_from(three, "d", start=day(5)), today=day(7), end=day(6))
    assert (late.done, late.eligible) == (1, 2)


def test_times_per_week_over_several_weeks() -> None:
    two = Schedule.times_a_week(2)
    log = log_from(two, "dd.....d.......ddd....")  # weeks: 2, 1, 3 done (+1 day of week 4)
    counts = tally(log, today=day(21), end=day(20))
    assert (counts.done, counts.eligible) == (5, 6)
    assert streaks(log, today=day(21), end=day(20)) == (streaks(log, today=day(21), end=day(20)))
    runs = streaks(log, today=day(21), end=day(20))
    assert (runs.current, runs.best, runs.unit) == (1, 1, StreakUnit.WEEKS)


# --------------------------------------------------------------------------------------------
# Streaks


@pytest.mark.parametrize(
    ("pattern", "today_offset", "current", "best"),
    [
        ("ddd", 3, 3, 3),
        ("dddmdd", 6, 2, 3),
        ("ddsdd", 5, 4, 4),  # a skip neither breaks nor extends
        ("dd.dd", 5, 2, 2),  # an empty past day breaks
        ("ddd", 3, 3, 3),  # unchecked today (offset 3) does not break
        ("dddm", 3, 0, 3),  # missed today breaks
        ("dddd", 3, 4, 4),  # done today extends
        ("", 0, 0, 0),
    ],
)
def test_daily_streaks(pattern: str, today_offset: int, current: int, best: int) -> None:
    runs = streaks(log_from(Schedule.daily(), pattern), today=day(today_offset))
    assert (runs.current, runs.best, runs.unit) == (current, best, StreakUnit.DAYS)


def test_weekday_streak_spans_unscheduled_days() -> None:
    mwf = Schedule.on_weekdays(1, 3, 5)
    # Mon, Wed, Fri done; a "missed" row on Sunday is unscheduled and ignored; Mon, Wed done;
    # today is Friday, unchecked.
    runs = streaks(log_from(mwf, "d.d.d.md.d"), today=day(11))
    assert (runs.current, runs.best) == (5, 5)
    # The second Wednesday has no row: it breaks the run.
    runs = streaks(log_from(mwf, "d.d.d.md..."), today=day(11))
    assert (runs.current, runs.best) == (0, 4)


def test_streak_is_limited_to_window_and_start_date() -> None:
    log = log_from(Schedule.daily(), "dddddddd")
    assert streaks(log, today=day(8), start=day(5)).current == 3
    assert streaks(log, today=day(8), end=day(2)).current == 3


def test_times_per_week_streak_current_week_does_not_break_until_over() -> None:
    two = Schedule.times_a_week(2)
    log = log_from(two, "d.d....dd......")  # week 1 met, week 2 met, week 3 Monday
    assert streaks(log, today=day(14)).current == 2  # week 3 open, nothing yet
    met = log_from(two, "d.d....dd.....dd")
    assert streaks(met, today=day(15)).current == 3  # week 3 met already
    broken = log_from(two, "d.d....d.......")
    runs = streaks(broken, today=day(14))
    assert (runs.current, runs.best) == (0, 1)


# --------------------------------------------------------------------------------------------
# Strength


def test_strength_daily_half_life_is_13_days() -> None:
    log = log_from(Schedule.daily(), "d" * 13)
    assert strength(log, today=day(13)) == pytest.approx(0.5)
    m = 0.5 ** (1 / 13)
    assert strength(log, today=day(13), as_of=MON) == pytest.approx(1 - m)


def test_strength_unchecked_today_is_not_counted_and_skips_carry_over() -> None:
    log = log_from(Schedule.daily(), "dddd")
    before = strength(log, today=day(4))
    assert strength(log_from(Schedule.daily(), "dddds"), today=day(5)) == before
    assert strength(log_from(Schedule.daily(), "ddddm"), today=day(5)) < before
    assert strength(log, today=day(3)) > strength(log, today=day(2))


def test_strength_weekdays_unscheduled_days_carry_over() -> None:
    mwf = Schedule.on_weekdays(1, 3, 5)
    m = 0.5 ** (math.sqrt(3 / 7) / 13)
    series = strength_series(log_from(mwf, "d.d"), today=day(3))
    assert [value for _, value in series] == pytest.approx([1 - m, 1 - m, 1 - m * m])


def test_strength_times_per_week_rewards_meeting_the_quota() -> None:
    three = Schedule.times_a_week(3)
    on_target = log_from(three, "d.d.d.." * 52)
    assert strength(on_target, today=day(364)) > 0.99
    half = log_from(three, "d...d.." * 52)
    assert 0.55 < strength(half, today=day(364)) < 0.75
    never = log_from(three, "")
    assert strength(never, today=day(364)) == 0


def test_strength_series_window_and_bounds() -> None:
    log = log_from(Schedule.daily(), "dmdmdddd")
    series = strength_series(log, today=day(8), start=day(2), end=day(5))
    assert [d for d, _ in series] == [day(2), day(3), day(4), day(5)]
    assert all(0 <= v <= 1 for _, v in strength_series(log, today=day(8)))
    assert strength(log, today=day(8), as_of=MON - timedelta(days=1)) == 0


# --------------------------------------------------------------------------------------------
# Stats and history


def test_habit_stats_bundles_everything() -> None:
    log = log_from(Schedule.daily(), "dddmddsd")
    stats = habit_stats(log, today=day(8))
    assert (stats.done, stats.eligible, stats.skipped) == (6, 7, 1)
    assert stats.rate == pytest.approx(6 / 7)
    assert (stats.current_streak, stats.best_streak, stats.streak_unit) == (3, 3, "days")
    assert stats.strength == strength(log, today=day(8))


def test_history_cell_states() -> None:
    mwf = Schedule.on_weekdays(1, 3, 5)
    log = HabitLog(
        mwf,
        MON,
        {
            day(0): D,
            day(1): D,  # unscheduled Tuesday
            day(2): S,
            day(7): M,
            day(14): S,  # planned skip in the future
        },
    )
    cells = {
        c.day: c for c in history(log, today=day(11), start=MON - timedelta(days=1), end=day(14))
    }
    assert cells[MON - timedelta(days=1)].state is CellState.BEFORE_START
    assert cells[day(0)].state is CellState.DONE
    assert (cells[day(1)].state, cells[day(1)].status) == (CellState.UNSCHEDULED, D)
    assert cells[day(2)].state is CellState.SKIPPED
    assert cells[day(4)].state is CellState.EMPTY
    assert cells[day(7)].state is CellState.MISSED
    assert cells[day(11)].state is CellState.PENDING
    assert (cells[day(14)].state, cells[day(14)].status) == (CellState.FUTURE, S)


def test_period_tallies_by_week_and_month() -> None:
    log = HabitLog(Schedule.daily(), date(2024, 10, 28), {})
    log = HabitLog(
        log.schedule,
        log.start_date,
        {date(2024, 10, 28) + timedelta(days=i): D for i in range(0, 20, 2)},
    )
    today = date(2024, 11, 20)
    weeks = period_tallies(
        log, today=today, start=date(2024, 10, 28), end=date(2024, 11, 17), period=Period.WEEK
    )
    assert [w.start for w in weeks] == [date(2024, 10, 28), date(2024, 11, 4), date(2024, 11, 11)]
    assert [w.tally.done for w in weeks] == [4, 3, 3]
    assert [w.tally.eligible for w in weeks] == [7, 7, 7]
    months = period_tallies(
        log, today=today, start=date(2024, 10, 28), end=date(2024, 11, 30), period=Period.MONTH
    )
    assert [(m.start, m.end) for m in months] == [
        (date(2024, 10, 1), date(2024, 10, 31)),
        (date(2024, 11, 1), date(2024, 11, 30)),
    ]
    assert [m.tally.done for m in months] == [2, 8]
    assert [m.tally.eligible for m in months] == [4, 19]
    assert sum(w.tally.done for w in weeks) == tally(log, today=today, end=date(2024, 11, 17)).done


# --------------------------------------------------------------------------------------------
# Properties

BASE = date(2024, 1, 1)
SPAN = 70

schedules = st.one_of(
    st.just(Schedule.daily()),
    st.frozensets(st.integers(1, 7), min_size=1).map(
        lambda days: Schedule(ScheduleKind.WEEKDAYS, weekdays=days)
    ),
    st.integers(1, 7).map(Schedule.times_a_week),
)
offsets = st.integers(0, SPAN)


@st.composite
def logs(draw: st.DrawFn) -> HabitLog:
    schedule = draw(schedules)
    start = BASE + timedelta(days=draw(st.integers(0, 20)))
    checkins = draw(
        st.dictionaries(
            offsets.map(lambda i: BASE + timedelta(days=i)), st.sampled_from(list(Status))
        )
    )
    return HabitLog(schedule, start, checkins)


@st.composite
def windows(draw: st.DrawFn) -> tuple[date, date, date]:
    """(today, start, end)."""
    a, b = sorted((draw(offsets), draw(offsets)))
    today = BASE + timedelta(days=draw(offsets))
    return today, BASE + timedelta(days=a), BASE + timedelta(days=b)


def scheduled_non_future(log: HabitLog, today: date, start: date, end: date) -> int:
    days = (start + timedelta(days=i) for i in range((end - start).days + 1))
    return sum(1 for d in days if log.start_date <= d <= today and log.schedule.is_scheduled(d))


@settings(max_examples=300)
@given(logs(), windows())
def test_property_counts_are_consistent(log: HabitLog, window: tuple[date, date, date]) -> None:
    today, start, end = window
    counts = tally(log, today=today, start=start, end=end)
    assert 0 <= counts.done <= counts.eligible
    assert counts.rate is None or 0 <= counts.rate <= 1
    assert counts.eligible <= scheduled_non_future(log, today, start, end)
    assert counts.eligible_left >= 0
    runs = streaks(log, today=today, start=start, end=end)
    assert 0 <= runs.current <= runs.best <= counts.done
    assert 0 <= strength(log, today=today) <= 1
    assert all(0 <= v <= 1 for _, v in strength_series(log, today=today))


@settings(max_examples=300)
@given(logs(), windows(), offsets)
def test_property_skipping_a_missed_day_never_lowers_the_rate(
    log: HabitLog, window: tuple[date, date, date], offset: int
) -> None:
    today, start, end = window
    target = BASE + timedelta(days=offset)
    if target >= today or log.checkins.get(target) is Status.DONE:
        return
    before = tally(log, today=today, start=start, end=end)
    skipped = HabitLog(log.schedule, log.start_date, {**log.checkins, target: Status.SKIPPED})
    after = tally(skipped, today=today, start=start, end=end)
    assert after.done == before.done
    assert after.eligible <= before.eligible
    if after.eligible:
        assert Fraction(after.done, after.eligible) >= Fraction(before.done, before.eligible)


@settings(max_examples=300)
@given(logs(), windows())
def test_property_daily_and_weekdays_match_a_naive_count(
    log: HabitLog, window: tuple[date, date, date]
) -> None:
    if log.schedule.kind is ScheduleKind.TIMES_PER_WEEK:
        return
    today, start, end = window
    done = eligible = skipped = 0
    run = best = 0
    for i in range((end - start).days + 1):
        d = start + timedelta(days=i)
        if d < log.start_date or d > today or not log.schedule.is_scheduled(d):
            continue
        status = log.checkins.get(d)
        if status is Status.SKIPPED:
            skipped += 1
            continue
        if d == today and status is None:
            continue
        eligible += 1
        if status is Status.DONE:
            done += 1
            run += 1
            best = max(best, run)
        else:
            run = 0
    counts = tally(log, today=today, start=start, end=end)
    assert (counts.done, counts.eligible, counts.skipped) == (done, eligible, skipped)
    runs = streaks(log, today=today, start=start, end=end)
    assert (runs.current, runs.best) == (run, best)


@settings(max_examples=200)
@given(logs(), windows())
def test_property_history_agrees_with_tally(log: HabitLog, window: tuple[date, date, date]) -> None:
    if log.schedule.kind is ScheduleKind.TIMES_PER_WEEK:
        return
    today, start, end = window
    cells = history(log, today=today, start=start, end=end)
    counts = tally(log, today=today, start=start, end=end)
    assert len(cells) == (end - start).days + 1
    assert sum(c.state is CellState.DONE for c in cells) == counts.done
    assert sum(c.state is CellState.SKIPPED for c in cells) == counts.skipped
    not_done = sum(c.state in (CellState.MISSED, CellState.EMPTY) for c in cells)
    assert not_done == counts.eligible - counts.done
