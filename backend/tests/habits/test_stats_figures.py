"""The stats page's figures from day codes (``habits/stats.py``) are exactly those of the
day-by-day functions of ``scoring.py`` over the same check-ins, and the bytes served from them
are exactly what validating them into ``HabitStatsRead`` would serve.

Random histories of every schedule kind: done, missed, skipped and empty days, check-ins
before the start date and after today (a late check-in, a changed start date or timezone),
days deleted (no row), windows before, around and after today and across year ends. Nothing
is stored: the figures are computed from the rows on every request, so a schedule change or
a delete is just another history."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kaizen.habits import logs, stats
from kaizen.habits.schemas import HabitStatsRead
from kaizen.habits.scoring import (
    HabitLog,
    Period,
    Status,
    history,
    period_tallies,
    streaks,
    strength,
    strength_series,
    tally,
)
from kaizen.plain import json_response
from tests.habits.test_scoring import schedules

BASE = date(2023, 11, 20)  # a Monday, a few weeks before a year's end
SPAN = 420  # days of random history


@st.composite
def histories(draw: st.DrawFn) -> HabitLog:
    """A schedule, a start date and check-ins on random days (before the start date too):
    runs of one status as well as scattered days, so long streaks and long gaps occur."""
    schedule = draw(schedules)
    start = BASE + timedelta(days=draw(st.integers(0, 120)))
    checkins: dict[date, Status] = {}
    day = BASE - timedelta(days=draw(st.integers(0, 30)))
    end = BASE + timedelta(days=SPAN)
    while day <= end:
        length = draw(st.integers(1, 40))
        status = draw(st.sampled_from([*Status, None]))
        for _ in range(length):
            if status is not None and draw(st.integers(0, 9)) > 0:
                checkins[day] = status
            day += timedelta(days=1)
    return HabitLog(schedule, start, checkins)


@st.composite
def windows(draw: st.DrawFn) -> tuple[date, date, date]:
    """(today, start, end) with start <= end; today anywhere from before the history to
    after it."""
    a, b = sorted(draw(st.integers(-20, SPAN + 20)) for _ in range(2))
    today = BASE + timedelta(days=draw(st.integers(-20, SPAN + 40)))
    return today, BASE + timedelta(days=a), BASE + timedelta(days=b)


def day_by_day(log: HabitLog, today: date, start: date, end: date) -> dict[str, Any]:
    """The stats figures as the day-by-day functions give them (the from-scratch computation
    the stats page made before ``stats.py``)."""
    counted_end = logs.counting_end(end, today)
    counts = tally(log, today=today, start=start, end=counted_end)
    runs = streaks(log, today=today, start=start, end=counted_end)
    series_start = max(start, end - timedelta(days=364))

    def periods(period: Period) -> list[dict[str, object]]:
        tallies = period_tallies(log, today=today, start=start, end=counted_end, period=period)
        return [
            {
                "start": p.start,
                "end": p.end,
                "done": p.tally.done,
                "eligible": p.tally.eligible,
                "rate": p.tally.rate,
            }
            for p in tallies
            if p.start <= end
        ]

    cells = history(log, today=today, start=end - timedelta(days=364), end=end)
    return {
        "from": start,
        "to": end,
        "done": counts.done,
        "eligible": counts.eligible,
        "skipped": counts.skipped,
        "rate": counts.rate,
        "current_streak": runs.current,
        "best_streak": runs.best,
        "streak_unit": runs.unit,
        "strength": strength(log, today=today, as_of=counted_end),
        "strength_series": [
            {"date": d, "value": v}
            for d, v in strength_series(log, today=today, start=series_start, end=end)
        ],
        "weeks": periods(Period.WEEK),
        "months": periods(Period.MONTH),
        "history": [{"date": c.day, "state": c.state, "status": c.status} for c in cells],
    }


def rows_of(log: HabitLog) -> list[tuple[int, int, float | None]]:
    """The rows ``stats.day_rows`` reads from the database for these check-ins."""
    return [(day.toordinal(), stats.CODES[s.value], None) for day, s in log.checkins.items()]


@settings(max_examples=300, deadline=None)
@given(histories(), windows())
def test_figures_equal_the_day_by_day_functions(
    log: HabitLog, window: tuple[date, date, date]
) -> None:
    today, start, end = window
    figures = stats.figures(
        log.schedule, log.start_date, rows_of(log), today=today, start=start, end=end
    )
    assert figures == day_by_day(log, today, start, end)


@settings(max_examples=100, deadline=None)
@given(histories(), windows())
def test_the_served_bytes_equal_the_validated_response(
    log: HabitLog, window: tuple[date, date, date]
) -> None:
    today, start, end = window
    payload = {
        "habit_id": 7,
        **stats.figures(
            log.schedule, log.start_date, rows_of(log), today=today, start=start, end=end
        ),
        "recent_notes": [{"date": start, "note": "a note with “quotes”, \\ and \t"}],
    }
    fields = {{"from": "from_date", "to": "to_date"}.get(k, k): v for k, v in payload.items()}
    validated = HabitStatsRead.model_validate(fields).model_dump_json(by_alias=True)
    assert json_response(payload).body == validated.encode()


def test_ordinals_are_iso_weekdays() -> None:
    day = date(2024, 11, 4)  # a Monday
    for i in range(14):
        d = day + timedelta(days=i)
        assert stats.weekday(d.toordinal()) == d.isoweekday()
