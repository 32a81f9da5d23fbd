"""The weekly review as Markdown, and its plain next steps, from the figures (no I/O)."""

from kaizen.reviews.schemas import WeeklyReview, WeekOutput, WeekSprint

OUTPUT_ROWS = (
    ("papers_finished", "Papers finished"),
    ("items_finished", "Reading items finished"),
    ("pages_read", "Pages read"),
    ("applications_sent", "Applications sent"),
    ("applications_moved", "Applications moved"),
    ("interviews_held", "Interviews held"),
    ("posts_published", "Posts published"),
    ("implementations_published", "Implementations published"),
)


def _number(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _percent(rate: float | None) -> str:
    # Floored, like the rest of the app: 79.9% is not 80%.
    return "—" if rate is None else f"{int(rate * 100 + 1e-9)}%"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def output_lines(output: WeekOutput) -> list[str]:
    """ "Papers finished: 1" for each figure that is not zero."""
    return [
        f"{label}: {_number(getattr(output, field))}"
        for field, label in OUTPUT_ROWS
        if getattr(output, field)
    ]


def next_steps(
    items: dict[int, tuple[str, int, int]], sprint: WeekSprint | None, idle: list[str]
) -> list[str]:
    """One line per sprint item still short of its target, then one per goal left alone.
    ``items`` maps habit id → (name, done this week, days that counted this week)."""
    steps = []
    for need in sprint.items if sprint else []:
        if need.still_needed == 0:
            continue
        name, done, eligible = items.get(need.habit_id, (need.name, 0, 0))
        week = f"{name}: {done}/{eligible} days this week"
        if need.feasible:
            steps.append(f"{week}; {need.still_needed} more needed this sprint.")
        else:
            steps.append(
                f"{week}; {need.still_needed} more needed this sprint but only "
                f"{_days(need.eligible_left)} left — the target is out of reach, keep the habit."
            )
    steps += [
        f"{title}: nothing linked to it moved this week; pick one small step." for title in idle
    ]
    return steps


def _output_table(now: WeekOutput, before: WeekOutput) -> list[str]:
    lines = ["| Figure | This week | Week before |", "|---|---:|---:|"]
    for field, label in OUTPUT_ROWS:
        lines.append(
            f"| {label} | {_number(getattr(now, field))} | {_number(getattr(before, field))} |"
        )
    return lines


def render(review: WeeklyReview) -> str:
    start, end = review.start, review.end
    lines = [
        f"# Week {review.week} ({start.day} {start:%b} – {end.day} {end:%b} {end.year})",
        "",
        "## Action items",
        "",
    ]
    if review.items:
        lines += [
            f"- {i.name}: {i.done}/{i.eligible} days (week before: {i.previous_done})"
            for i in review.items
        ]
    else:
        lines.append("No action items yet.")
    if review.sprint:
        s = review.sprint
        lines += [
            "",
            f"## Sprint: {s.title}",
            "",
            f"Running score {_percent(s.score)} against a target of {_percent(s.target_rate)}; "
            f"{_days(s.days_left)} left.",
            "",
        ]
        for need in s.items:
            state = (
                "on target"
                if need.still_needed == 0
                else f"{need.still_needed} more needed"
                + ("" if need.feasible else f", only {_days(need.eligible_left)} left")
            )
            lines.append(f"- {need.name}: {need.done}/{need.required} days; {state}")
    lines += ["", "## Output", "", *_output_table(review.output, review.previous_output), ""]
    lines += ["## Goals", ""]
    moved = ", ".join(g.title for g in review.goals_moved) or "none"
    alone = ", ".join(g.title for g in review.goals_left_alone) or "none"
    lines += [f"- Moved: {moved}", f"- Left alone: {alone}", ""]
    lines += ["## Next steps", ""]
    lines += [f"- {step}" for step in review.next_steps] or ["- Keep going."]
    if review.reflection.strip():
        lines += ["", "## Reflection", "", review.reflection.strip()]
    return "\n".join(lines) + "\n"
