"""The stats page's shortcuts (``scoring.DayTotals``, ``scoring.strength_with_series``) give
exactly what the day-by-day functions give, on random logs of every schedule kind: check-ins
before the start date, skips, missed and empty days, windows before, around and after today,
weeks and months cut by the window's edges."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kaizen.habits.scoring import (
    DayTotals,
    HabitLog,
    Period,
    period_tallies,
    strength,
    strength_series,
    strength_with_series,
    tally,
)
from tests.habits.test_scoring import BASE, SPAN, logs, offsets


@st.composite
def stats_windows(draw: st.DrawFn) -> tuple[date, date, date, date]:
    """(today, start, end, counted end): the counted end runs on past ``end`` like the stats
    page's (to the Sunday of today's week), or stops at it."""
    a, b = sorted((draw(offsets), draw(offsets)))
    today = BASE + timedelta(days=draw(st.integers(0, SPAN + 10)))
    start, end = BASE + timedelta(days=a), BASE + timedelta(days=b)
    counted_end = end + timedelta(days=draw(st.integers(0, 9)))
    return today, start, end, counted_end


@settings(max_examples=400)
@given(logs(), stats_windows(), st.sampled_from(list(Period)))
def test_day_totals_equal_the_tallies_day_by_day(
    log: HabitLog, window: tuple[date, date, date, date], period: Period
) -> None:
    today, start, _, counted_end = window
    totals = DayTotals(log, today=today, lo=start, hi=counted_end)
    assert totals.tally(start, counted_end) == tally(log, today=today, start=start, end=counted_end)
    assert totals.period_tallies(start, counted_end, period) == period_tallies(
        log, today=today, start=start, end=counted_end, period=period
    )


@settings(max_examples=400)
@given(logs(), stats_windows())
def test_one_strength_walk_equals_the_two(
    log: HabitLog, window: tuple[date, date, date, date]
) -> None:
    today, start, end, counted_end = window
    score, series = strength_with_series(log, today=today, as_of=counted_end, start=start, end=end)
    assert score == strength(log, today=today, as_of=counted_end)
    assert series == strength_series(log, today=today, start=start, end=end)
