"""Tests for kaizen.sprints.scoring: the seed's numbers, edge cases and properties."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaizen.habits.scoring import HabitLog, Schedule, ScheduleKind, Status, StreakUnit
from kaizen.sprints.scoring import (
    SprintItem,
    delta,
    delta_points,
    percent,
    required_days,
    score_sprint,
    whole_percent,
)

D = Status.DONE
S = Status.SKIPPED
M = Status.MISSED
START = date(2024, 11, 4)  # the seed's "came back from diwali on 4/11/2024", a Monday


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def item(pattern: str, schedule: Schedule | None = None, start: date = START) -> SprintItem:
    """Check-ins from a string, one char per day from ``start``: d/s/m, '.' = no row."""
    codes = {"d": D, "s": S, "m": M}
    checkins = {start + timedelta(days=i): codes[c] for i, c in enumerate(pattern) if c != "."}
    return SprintItem(HabitLog(schedule or Schedule.daily(), start, checkins), key=pattern)


# --------------------------------------------------------------------------------------------
# The seed


def test_seed_scoreboard_is_61_percent() -> None:
    items = [
        item("dddddddddmmmm"),  # no regular smoking up: 9/13
        item("dmdmdmdmdmddm"),  # gym every day: 7/13
        item("ddddmmddmmddm"),  # no junk food: 8/13
    ]
    board = score_sprint(start=day(0), end=day(12), target_rate=0.75, items=items, today=day(13))
    assert [(s.done, s.eligible) for s in board.items] == [(9, 13), (7, 13), (8, 13)]
    assert [s.rate for s in board.items] == [9 / 13, 7 / 13, 8 / 13]
    assert board.score == pytest.approx(8 / 13)
    assert board.score == pytest.approx(0.6153846)
    assert percent(board.score) == "61%"  # floored: round() would say 62%
    assert (board.days_total, board.days_elapsed, board.days_left) == (13, 13, 0)
    # "we came here from a staggeringly low 0%"
    assert board.delta(0.0) == pytest.approx(8 / 13)
    assert delta_points(board.score, 0.0) == 61


def test_seed_next_fortnight_at_75_percent_needs_11_days() -> None:
    board = score_sprint(
        start=day(14),
        end=day(27),
        target_rate=0.75,
        items=[item(""), item(""), item("")],
        today=day(14),
    )
    assert board.days_total == 14
    assert all(s.eligible_total == 14 and s.required == 11 for s in board.items)
    assert all(s.still_needed == 11 and s.eligible_left == 14 and s.feasible for s in board.items)


# --------------------------------------------------------------------------------------------
# required_days


@pytest.mark.parametrize(
    ("rate", "total", "required"),
    [
        (0.75, 14, 11),
        (0.7, 10, 7),
        (0.1 + 0.2, 10, 3),
        (0.6, 5, 3),
        (0.0, 14, 0),
        (1.0, 14, 14),
        (Fraction(2, 3), 9, 6),
        (Decimal("0.35"), 20, 7),
        (0.75, 0, 0),
    ],
)
def test_required_days_has_no_float_error(
    rate: float | Fraction | Decimal, total: int, required: int
) -> None:
    assert required_days(rate, total) == required


def test_required_days_matches_exact_decimal_for_every_percent() -> None:
    for pct in range(101):
        rate = pct / 100
        for total in range(0, 61):
            assert required_days(rate, total) == math.ceil(Fraction(pct, 100) * total)


@pytest.mark.parametrize("rate", [-0.1, 1.01, float("nan"), float("inf")])
def test_required_days_rejects_out_of_range(rate: float) -> None:
    with pytest.raises(ValueError):
        required_days(rate, 10)


# --------------------------------------------------------------------------------------------
# Edge cases


def test_no_items_has_no_score() -> None:
    board = score_sprint(start=day(0), end=day(13), target_rate=0.75, items=[], today=day(5))
    assert board.score is None
    assert board.items == ()
    assert percent(board.score) == "—"
    assert board.delta(0.5) is None


def test_sprint_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        score_sprint(start=day(3), end=day(2), target_rate=0.5, items=[], today=day(0))


def test_habit_starting_mid_sprint() -> None:
    late = item("ddd", start=day(7))
    board = score_sprint(start=day(0), end=day(13), target_rate=0.75, items=[late], today=day(10))
    (s,) = board.items
    assert (s.done, s.eligible, s.rate) == (3, 3, 1)
    assert s.eligible_total == 7  # days 7..13
    assert s.required == 6  # ceil(5.25)
    assert s.still_needed == 3
    assert s.eligible_left == 4  # today (unchecked) + 3 future days
    assert s.feasible


def test_habit_starting_after_the_sprint() -> None:
    later = item("", start=day(20))
    board = score_sprint(start=day(0), end=day(13), target_rate=0.75, items=[later], today=day(5))
    (s,) = board.items
    assert (s.eligible_total, s.required, s.rate, s.feasible) == (0, 0, None, True)
    assert board.score is None


def test_skipped_days_reduce_eligible_and_required() -> None:
    # Days 0..9 of a 14-day sprint; two skips so far and one planned skip on day 12.
    plan = item("ddsdmdsddd..s")
    board = score_sprint(start=day(0), end=day(13), target_rate=0.75, items=[plan], today=day(10))
    (s,) = board.items
    assert (s.done, s.eligible, s.skipped) == (7, 8, 2)
    assert s.eligible_total == 11  # 14 - 3 skips
    assert s.required == 9  # ceil(8.25)
    assert s.still_needed == 2
    assert s.eligible_left == 3  # today, day 11 and day 13
    assert s.feasible


def test_infeasible_when_too_few_days_are_left() -> None:
    plan = item("mmmmmmmmmd")
    board = score_sprint(start=day(0), end=day(13), target_rate=0.75, items=[plan], today=day(10))
    (s,) = board.items
    assert (s.required, s.done, s.still_needed, s.eligible_left) == (11, 1, 10, 4)
    assert not s.feasible


def test_weekday_schedule_in_a_sprint() -> None:
    weekdays = Schedule.on_weekdays(1, 2, 3, 4, 5)
    # Two weeks Mon..Sun; week 1 all weekdays done plus a (ignored) Saturday done.
    plan = item("ddddd.d", schedule=weekdays)
    board = score_sprint(start=day(0), end=day(13), target_rate=0.75, items=[plan], today=day(7))
    (s,) = board.items
    assert (s.done, s.eligible, s.rate) == (5, 5, 1)
    assert s.eligible_total == 10
    assert s.required == 8  # ceil(7.5)
    assert (s.still_needed, s.eligible_left, s.feasible) == (3, 5, True)
    assert (s.current_streak, s.streak_unit) == (5, StreakUnit.DAYS)


def test_times_per_week_in_a_sprint() -> None:
    three = Schedule.times_a_week(3)
    plan = item("d.d.d..d", schedule=three)  # week 1 met, week 2 has one done so far
    board = score_sprint(start=day(0), end=day(13), target_rate=0.75, items=[plan], today=day(8))
    (s,) = board.items
    assert (s.done, s.eligible) == (4, 4)  # week 2 can still be met
    assert s.eligible_total == 6
    assert s.required == 5  # ceil(4.5)
    assert (s.still_needed, s.eligible_left, s.feasible) == (1, 2, True)
    assert (s.current_streak, s.streak_unit) == (1, StreakUnit.WEEKS)


def test_sprint_entirely_in_the_future() -> None:
    board = score_sprint(
        start=day(14), end=day(27), target_rate=0.75, items=[item("d")], today=day(3)
    )
    (s,) = board.items
    assert (board.days_elapsed, board.days_left, board.score) == (0, 14, None)
    assert (s.done, s.eligible, s.rate) == (0, 0, None)
    assert (s.eligible_total, s.required, s.still_needed, s.feasible) == (14, 11, 11, True)


def test_today_unchecked_versus_checked() -> None:
    unchecked = score_sprint(
        start=day(0), end=day(13), target_rate=0.75, items=[item("ddm")], today=day(3)
    )
    checked = score_sprint(
        start=day(0), end=day(13), target_rate=0.75, items=[item("ddmd")], today=day(3)
    )
    missed = score_sprint(
        start=day(0), end=day(13), target_rate=0.75, items=[item("ddmm")], today=day(3)
    )
    u, c, m = unchecked.items[0], checked.items[0], missed.items[0]
    assert (u.done, u.eligible, u.eligible_left) == (2, 3, 11)
    assert (c.done, c.eligible, c.eligible_left) == (3, 4, 10)
    assert (m.done, m.eligible, m.eligible_left) == (2, 4, 10)
    assert unchecked.score == pytest.approx(2 / 3)
    assert checked.score == pytest.approx(3 / 4)
    # today is not elapsed until tomorrow, checked in or not
    assert unchecked.days_elapsed == checked.days_elapsed == 3
    assert (c.current_streak, u.current_streak, m.current_streak) == (1, 0, 0)


def test_sprint_over_long_ago_counts_all_its_days() -> None:
    board = score_sprint(
        start=day(0), end=day(6), target_rate=0.5, items=[item("dmdmdmd")], today=day(100)
    )
    assert (board.days_elapsed, board.days_left) == (7, 0)
    (s,) = board.items
    assert (s.done, s.eligible, s.eligible_left, s.required, s.still_needed) == (4, 7, 0, 4, 0)


def test_score_skips_items_without_a_rate() -> None:
    items = [item("dd"), item("ss"), item("dm")]
    board = score_sprint(start=day(0), end=day(1), target_rate=1, items=items, today=day(2))
    assert board.score == pytest.approx((1 + 0.5) / 2)


def test_percent_and_delta_helpers() -> None:
    assert percent(0.29) == "29%"  # 0.29 * 100 == 28.999999999999996
    assert percent(0.0) == "0%"
    assert percent(1.0) == "100%"
    assert whole_percent(None) is None
    assert delta(None, 0.5) is None
    assert delta(0.75, 0.5) == 0.25
    assert delta_points(0.611, 0.509) == 11  # 61% - 50%, as displayed
    assert delta_points(0.5, None) is None


# --------------------------------------------------------------------------------------------
# Properties

schedules = st.one_of(
    st.just(Schedule.daily()),
    st.frozensets(st.integers(1, 7), min_size=1).map(
        lambda days: Schedule(ScheduleKind.WEEKDAYS, weekdays=days)
    ),
    st.integers(1, 7).map(Schedule.times_a_week),
)


@st.composite
def sprint_items(draw: st.DrawFn) -> SprintItem:
    start = START + timedelta(days=draw(st.integers(-10, 30)))
    checkins = draw(
        st.dictionaries(
            st.integers(-10, 40).map(lambda i: START + timedelta(days=i)),
            st.sampled_from(list(Status)),
        )
    )
    return SprintItem(HabitLog(draw(schedules), start, checkins))


@settings(max_examples=300)
@given(
    st.lists(sprint_items(), max_size=4),
    st.integers(1, 28),
    st.integers(-5, 40),
    st.integers(0, 100).map(lambda p: p / 100),
)
def test_property_sprint_invariants(
    items: list[SprintItem], length: int, today_offset: int, target: float
) -> None:
    end = START + timedelta(days=length - 1)
    today = START + timedelta(days=today_offset)
    board = score_sprint(start=START, end=end, target_rate=target, items=items, today=today)
    assert board.days_total == length
    assert 0 <= board.days_elapsed <= board.days_total
    assert board.days_left == board.days_total - board.days_elapsed
    assert board.score is None or 0 <= board.score <= 1
    rates = [s.rate for s in board.items if s.rate is not None]
    assert (board.score is None) == (not rates)
    for s in board.items:
        assert s.rate is None or 0 <= s.rate <= 1
        assert 0 <= s.done <= s.eligible <= s.eligible_total <= length
        assert s.eligible_total == s.eligible + s.eligible_left
        assert 0 <= s.required <= s.eligible_total
        assert s.required == math.ceil(Fraction(str(target)) * s.eligible_total)
        assert s.still_needed >= 0
        assert s.feasible == (s.still_needed <= s.eligible_left)
        assert 0 <= s.current_streak <= s.best_streak <= s.done


@settings(max_examples=300)
@given(sprint_items(), st.integers(1, 28), st.integers(-5, 40), st.integers(0, 30))
def test_property_skipping_a_missed_day_never_lowers_the_item_rate(
    sprint_item: SprintItem, length: int, today_offset: int, skip_offset: int
) -> None:
    end = START + timedelta(days=length - 1)
    today = START + timedelta(days=today_offset)
    target = START + timedelta(days=skip_offset)
    log = sprint_item.log
    if target >= today or log.checkins.get(target) is Status.DONE:
        return
    skipped = SprintItem(HabitLog(log.schedule, log.start_date, {**log.checkins, target: S}))

    def score(one: SprintItem) -> tuple[int, int, int]:
        (s,) = score_sprint(start=START, end=end, target_rate=0.75, items=[one], today=today).items
        return s.done, s.eligible, s.required

    done, eligible, required = score(sprint_item)
    done2, eligible2, required2 = score(skipped)
    assert done2 == done
    assert required2 <= required
    if eligible2:
        assert Fraction(done2, eligible2) >= Fraction(done, eligible)
