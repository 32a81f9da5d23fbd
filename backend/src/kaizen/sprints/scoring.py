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
from typing import Literal, NamedTuple, Protocol

from kaizen.habits.scoring import HabitLog, StreakUnit, streaks, tally

__all__ = [
    "ItemScore",
    "ItemTally",
    "Outcome",
    "SprintItem",
    "SprintScore",
    "delta",
    "delta_points",
    "mean_rate",
    "outcome",
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


OutcomeState = Literal[
    "not_started", "no_items", "reached", "on_pace", "out_of_reach", "met", "missed"
]


class ItemTally(NamedTuple):
    """The numbers of one scoreboard row that the sprint's outcome is read from (a named
    tuple: a list of sprints makes a thousand of them, and a tuple is the cheapest to make)."""

    done: int
    required: int
    still_needed: int
    eligible_left: int
    streak_unit: StreakUnit = StreakUnit.DAYS


@dataclass(frozen=True, slots=True)
class Outcome:
    """Where a sprint stands against its target, in one state and one sentence, so the board,
    the history and the review all say the same thing from the same numbers.

    A target is *reached* only when every item has its required days secured
    (``done >= required``); before that an active sprint is *on pace* (every item can still
    make it) or *out of reach* (some item cannot). A finished sprint *met* or *missed* it.
    """

    state: OutcomeState
    text: str


def _counted(n: int, unit: str) -> str:
    return f"{n} {unit[:-1] if n == 1 else unit}"


def _unit(items: Sequence[Tallied]) -> str:
    """What the items' numbers count: days, times (N-times-a-week items count completions,
    not days) or, for a mix of both, check-ins."""
    units = {i.streak_unit for i in items}
    if units == {"weeks"}:
        return "times"
    return "check-ins" if "weeks" in units else "days"


class Tallied(Protocol):
    """Anything with a scoreboard row's four numbers (:class:`ItemTally`, a scoreboard row,
    a kept snapshot's row)."""

    @property
    def done(self) -> int: ...
    @property
    def required(self) -> int: ...
    @property
    def still_needed(self) -> int: ...
    @property
    def eligible_left(self) -> int: ...
    @property
    def streak_unit(self) -> StreakUnit: ...


def outcome(
    *, status: str, target_rate: float, items: Sequence[Tallied], start: date | None = None
) -> Outcome:
    target = percent(target_rate)
    if status == "planned":
        when = f" on {start.day} {start.strftime('%b %Y')}" if start else ""
        return Outcome("not_started", f"Starts{when}; nothing is scored yet")
    if not items:
        return Outcome("no_items", "No action items, so nothing to score")
    done = sum(i.done for i in items)
    required = sum(i.required for i in items)
    short = [i for i in items if i.still_needed > 0]
    many = len(items) > 1
    unit = _unit(items)
    tally = f"{done} of {required} {'required ' + unit if many else unit} done"
    if status == "finished":
        if not short:
            return Outcome("met", f"Target {target} met: {tally}")
        gap = sum(i.still_needed for i in short)
        who = (
            f"{len(short)} of {len(items)} items short" if many else f"{_counted(gap, unit)} short"
        )
        return Outcome("missed", f"Below target {target}: {tally}, {who}")
    if not short:
        return Outcome("reached", f"Target {target} reached: {tally}")
    stuck = [i for i in short if i.still_needed > i.eligible_left]
    if stuck:
        who = f"{len(stuck)} of {len(items)} items" if many else "This item"
        return Outcome("out_of_reach", f"{who} can no longer reach {target}: {tally}")
    left = sum(i.eligible_left for i in items)
    return Outcome("on_pace", f"On pace for {target}: {tally}, {left} left")
