"""The seed-style sprint review, written from the user's own numbers. Pure: no I/O.

In the 13 days from 4 Nov 2024 to 16 Nov 2024, I managed to do
1. No regular smoking up: 9/13
...
That's a 61% score (the average of the items' rates). We came here from 0%. ...
The target for the next fortnight is >75%, so ≈11 days.
"""

from dataclasses import dataclass
from datetime import date

from kaizen.sprints.scoring import delta_points, percent


@dataclass(frozen=True)
class ReviewItem:
    name: str
    done: int
    eligible: int
    skipped: int


@dataclass(frozen=True)
class ReviewInput:
    title: str
    theme: str
    start: date
    end: date
    days_elapsed: int
    days_total: int
    finished: bool
    started: bool
    outcome: str
    score: float | None
    target_rate: float
    previous_score: float | None
    has_previous: bool
    items: list[ReviewItem]
    next_target_rate: float
    next_days: int
    next_required: list[int]
    retrospective: str
    # What the sprint produced beyond check-ins ("3 papers finished"), one line each; a flow
    # that reads the other domains fills it in.
    outputs: tuple[str, ...] = ()


def day(d: date) -> str:
    """4 Nov 2024."""
    return f"{d.day} {d.strftime('%b %Y')}"


def _span(days: int) -> str:
    return "fortnight" if days == 14 else "week" if days == 7 else f"{days} days"


def render(review: ReviewInput) -> str:
    lines = [f"## {review.title}", ""]
    if review.theme:
        lines += [f"*Theme: {review.theme}*", ""]
    if not review.started:
        lines.append(f"{review.outcome}.")
    else:
        period = (
            f"In the {review.days_elapsed} days from {day(review.start)} to {day(review.end)}"
            if review.finished
            else f"So far, on day {min(review.days_elapsed + 1, review.days_total)} of "
            f"{review.days_total} since {day(review.start)}"
        )
        lines.append(f"{period}, I managed to do")
        lines.append("")
        for number, item in enumerate(review.items, start=1):
            skipped = f" ({item.skipped} skipped)" if item.skipped else ""
            lines.append(f"{number}. {item.name}: {item.done}/{item.eligible}{skipped}")
        if not review.items:
            lines.append("(no action items in this sprint)")
        lines.append("")
        lines.append(_score_sentence(review))
        lines.append("")
        lines.append(f"**Where it stands:** {review.outcome}.")
    lines.append("")
    lines.append(_target_sentence(review))
    if review.outputs:
        lines += ["", "### What this sprint produced", ""]
        lines += [f"- {line}" for line in review.outputs]
    if review.retrospective.strip():
        lines += ["", "### Retrospective", "", review.retrospective.strip()]
    return "\n".join(lines) + "\n"


def _score_sentence(review: ReviewInput) -> str:
    if review.score is None:
        return "No day has counted yet, so there is no score."
    text = f"That's a {percent(review.score)} score (the average of the items' rates)"
    text += f" against a target of {percent(review.target_rate)}."
    if review.previous_score is None:
        # Before the first sprint nothing was tracked: the seed's "we came here from 0%".
        if review.has_previous:
            return text + " The sprint before this one has no score to compare with."
        return text + f" We came here from 0% (no sprint before this one): up {_points(review)}."
    points = delta_points(review.score, review.previous_score) or 0
    before = percent(review.previous_score)
    if points > 0:
        return text + f" We came here from {before}: up {points} points."
    if points < 0:
        return text + f" Down from {before} last sprint: {-points} points to win back."
    return text + f" The same as last sprint's {before}."


def _points(review: ReviewInput) -> str:
    points = delta_points(review.score, 0.0) or 0
    return f"{points} point{'s' if points != 1 else ''}"


def _target_sentence(review: ReviewInput) -> str:
    span = _span(review.next_days)
    target = f"The target for the next {span} is >{percent(review.next_target_rate)}"
    needed = sorted(set(review.next_required))
    if not needed:
        return f"{target}."
    if len(needed) == 1:
        return f"{target}, so ≈{needed[0]} days."
    return f"{target}, so {needed[0]}–{needed[-1]} days depending on the item."
