"""Sprint scoreboard: per-item progress against the sprint's target and the sprint score.

Pure functions over plain values; no I/O. Item counts follow :mod:`kaizen.habits.scoring`, with
the sprint's dates ``[start, end]`` (inclusive) as the window.

Definitions
-----------

Per action item
    * *done*, *eligible*, *skipped*, *rate*: the habit's tally for the sprint so far: days that
      are over (before today, or today once checked in), on or after the habit's start date.
      ``rate`` is ``None`` while nothing is eligible.
    * *eligible_total*: eligible days in the whole sprint, assuming every remaining scheduled
      day will be checked in: scheduled days from ``max(sprint start, habit start)`` to the
      sprint's end, minus days already marked skipped (past or future). For N times a week, the
      sum over the sprint's ISO-week parts of ``min(N, non-skipped days in the part)``.
      Always ``eligible_total = eligible + eligible_left``.
    * *required* = ceil(target_rate * eligible_total), computed exactly (75% of 14 → 11, 70% of 10
      → 7): a float target is first rounded to 9 decimals and read as a decimal fraction.
    * *still_needed* = ``max(0, required - done)``.
    * *eligible_left*: check-ins that can still count: scheduled, non-skipped days not over yet
      (today while unchecked, and the future days of the sprint).
    * *feasible*: ``still_needed <= eligible_left``.
    * *current_streak* / *best_streak*: streaks counted inside the sprint only.

Sprint
    * *days_total* = ``end - start + 1``.
    * *days_elapsed*: sprint days before today, i.e. ``clamp(today - start, 0, days_total)``;
      today is not elapsed until tomorrow, even when checked in.
    * *days_left* = ``days_total - days_elapsed`` (includes today).
    * *score*: the mean of the items' rates, over the items that have a rate; ``None`` when no
      item has one (no items, or a sprint that has not started).
    * :func:`percent` shows a score floored to a whole percent, so the seed's 8/13 = 0.615…
      reads "61%" (rounding would give "62%"); :func:`delta_points` compares two scores in
      those same displayed whole percents ("we came from 0%": +61).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from kaizen.habits.scoring import HabitLog, StreakUnit, streaks, tally

__all__ = [
    "ItemScore",
    "SprintItem",
    "SprintScore",
    "delta",
    "delta_points",
    "mean_rate",
    "percent",
    "required_days",
    "score_sprint",
    "whole_percent",
]

TargetRate = float | Fraction | Decimal


@dataclass(frozen=True)
class SprintItem:
    """One action item of a sprint; ``key`` (e.g. the habit id) is echoed in its score."""

    log: HabitLog
    key: int | str | None = None


@dataclass(frozen=True, slots=True)
class ItemScore:
    key: int | str | None
    done: int
    eligible: int
    skipped: int
    rate: float | None
    eligible_total: int
    required: int
    still_needed: int
    eligible_left: int
    feasible: bool
    current_streak: int
    best_streak: int
    streak_unit: StreakUnit


@dataclass(frozen=True, slots=True)
class SprintScore:
    days_total: int
    days_elapsed: int
    days_left: int
    score: float | None
    items: tuple[ItemScore, ...]

    def delta(self, previous_score: float | None) -> float | None:
        """This score minus the previous sprint's (None if either is missing)."""
        return delta(self.score, previous_score)


def _exact(target_rate: TargetRate) -> Fraction:
    if isinstance(target_rate, float):
        if not math.isfinite(target_rate):
            raise ValueError("target_rate must be finite")
        return Fraction(str(round(target_rate, 9)))
    return Fraction(target_rate)


def required_days(target_rate: TargetRate, eligible_total: int) -> int:
    """ceil(target_rate * eligible_total) without float error (0.75 * 14 → 11, 0.7 * 10 → 7)."""
    rate = _exact(target_rate)
    if not 0 <= rate <= 1:
        raise ValueError("target_rate must be between 0 and 1")
    if eligible_total < 0:
        raise ValueError("eligible_total must not be negative")
    return math.ceil(rate * eligible_total)


def score_sprint(
    *,
    start: date,
    end: date,
    target_rate: TargetRate,
    items: Sequence[SprintItem],
    today: date,
) -> SprintScore:
    """The scoreboard of a sprint as of ``today`` (items are returned in the given order)."""
    if end < start:
        raise ValueError("a sprint cannot end before it starts")
    scores: list[ItemScore] = []
    for item in items:
        counts = tally(item.log, today=today, start=start, end=end)
        runs = streaks(item.log, today=today, start=start, end=end)
        required = required_days(target_rate, counts.eligible_total)
        still_needed = max(0, required - counts.done)
        scores.append(
            ItemScore(
                key=item.key,
                done=counts.done,
                eligible=counts.eligible,
                skipped=counts.skipped,
                rate=counts.rate,
                eligible_total=counts.eligible_total,
                required=required,
                still_needed=still_needed,
                eligible_left=counts.eligible_left,
                feasible=still_needed <= counts.eligible_left,
                current_streak=runs.current,
                best_streak=runs.best,
                streak_unit=runs.unit,
            )
        )
    days_total = (end - start).days + 1
    days_elapsed = min(max((today - start).days, 0), days_total)
    return SprintScore(
        days_total=days_total,
        days_elapsed=days_elapsed,
        days_left=days_total - days_elapsed,
        score=mean_rate((s.done, s.eligible) for s in scores),
        items=tuple(scores),
    )


def mean_rate(counts: Iterable[tuple[int, int]]) -> float | None:
    """A sprint's score: the exact mean of its items' rates (done ÷ eligible), over the items
    with an eligible day; None when none has one. The one place the score is computed."""
    rates = [Fraction(done, eligible) for done, eligible in counts if eligible]
    return float(sum(rates, Fraction(0)) / len(rates)) if rates else None


def whole_percent(value: float | None) -> int | None:
    """A rate or score as a whole percent, floored (0.615… → 61); None stays None."""
    if value is None:
        return None
    return math.floor(round(value * 100, 9))


def percent(value: float | None) -> str:
    """Display form of a rate or score: "61%" for 0.615…, "—" for None."""
    whole = whole_percent(value)
    return "—" if whole is None else f"{whole}%"


def delta(score: float | None, previous_score: float | None) -> float | None:
    """``score - previous_score``, or None when either is missing."""
    if score is None or previous_score is None:
        return None
    return score - previous_score


def delta_points(score: float | None, previous_score: float | None) -> int | None:
    """The change in displayed whole percents, so "61%" after "0%" is +61."""
    now, before = whole_percent(score), whole_percent(previous_score)
    if now is None or before is None:
        return None
    return now - before
