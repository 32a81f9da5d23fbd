"""The weekly review: the week in numbers across every domain, compared with the week before.

A flow: it calls the habits, sprints and reviews services and the cross-domain reads in
``kaizen.home.activity``, in a fixed number of queries.
"""

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.errors import AppError, NotFound
from kaizen.habits import logs
from kaizen.habits import scoring as habit_scoring
from kaizen.home import activity
from kaizen.reviews import reads, weekly
from kaizen.reviews import service as reviews
from kaizen.reviews.schemas import (
    GoalBrief,
    SprintBoard,
    SprintItemNeed,
    WeekItem,
    WeeklyReview,
    WeekOutput,
    WeekSprint,
)
from kaizen.schemas import MAX_DAY, MIN_DAY
from kaizen.sprints import service as sprints
from kaizen.sprints.models import Sprint


def week_bounds(week: str) -> tuple[date, date]:
    year, number = week.split("-W")
    try:
        start = date.fromisocalendar(int(year), int(number), 1)
    except ValueError as exc:  # week 53 of a year that has 52
        raise AppError(422, f"{week} is not a week of the ISO calendar") from exc
    if not MIN_DAY <= start <= MAX_DAY:
        raise AppError(422, f"weeks must lie between {MIN_DAY} and {MAX_DAY}")
    return start, start + timedelta(days=6)


def week_of(day: date) -> str:
    year, number, _ = day.isocalendar()
    return f"{year}-W{number:02d}"


def _outputs(db: Session, user: User, spans: list[reads.Span], now: datetime) -> list[WeekOutput]:
    return [WeekOutput.model_validate(f) for f in reads.outputs(db, user, spans, now)]


def _sprint(db: Session, user: User, day: date, board_day: date) -> WeekSprint | None:
    running = activity.running_sprint(db, user, day, board_day)
    if running is None:
        return None
    sprint, board = running
    return WeekSprint(
        id=sprint.id,
        title=sprint.title,
        score=board.score,
        target_rate=board.target_rate,
        days_left=board.days_left,
        items=[SprintItemNeed.model_validate(item) for item in board.habits],
    )


def weekly_review(db: Session, user: User, week: str, today: date, now: datetime) -> WeeklyReview:
    start, end = week_bounds(week)
    before = start - timedelta(days=7)
    if start > today:
        raise NotFound("Week")  # nothing to review yet
    rows = reads.week_habits(db, user, end)
    habit_logs = logs.load_logs(db, rows, since=before)
    items = []
    for habit in rows:
        log = habit_logs[habit.id]
        this = habit_scoring.tally(log, today=today, start=max(start, log.start_date), end=end)
        previous_done = 0
        if log.start_date < start:
            previous_done = habit_scoring.tally(
                log, today=today, start=max(before, log.start_date), end=start - timedelta(days=1)
            ).done
        items.append(
            WeekItem(
                habit_id=habit.id,
                name=habit.name,
                done=this.done,
                eligible=this.eligible,
                previous_done=previous_done,
            )
        )
    board_day = min(today, end + timedelta(days=1))
    sprint = _sprint(db, user, min(today, end), board_day)
    goals = reads.goals_moved(db, user, start, end)
    goals_moved = [GoalBrief(id=g, title=title) for g, title, moved, _ in goals if moved]
    # As on Home: only a goal that existed on the week's first day can have been left alone.
    _, first_day_over = activity.utc_bounds(user, start, start)
    goals_alone = [
        GoalBrief(id=g, title=title)
        for g, title, moved, created_at in goals
        if not moved and created_at < first_day_over
    ]
    output, previous_output = _outputs(
        db,
        user,
        [reads.Span(start, end), reads.Span(before, start - timedelta(days=1))],
        now,
    )
    note = reviews.note_for(db, user, week)
    review = WeeklyReview(
        week=week,
        start=start,
        end=end,
        items=items,
        sprint=sprint,
        output=output,
        previous_output=previous_output,
        goals_moved=goals_moved,
        goals_left_alone=goals_alone,
        next_steps=weekly.next_steps(
            {i.habit_id: (i.name, i.done, i.eligible) for i in items},
            sprint,
            [g.title for g in goals_alone],
        ),
        reflection=note.reflection if note else "",
        saved=note is not None,
        markdown="",
    )
    return review.model_copy(update={"markdown": weekly.render(review)})


def save_reflection(
    db: Session, user: User, week: str, reflection: str, today: date, now: datetime
) -> WeeklyReview:
    if week_bounds(week)[0] > today:
        raise NotFound("Week")
    reviews.save_note(db, user, week, reflection)
    return weekly_review(db, user, week, today, now)


def sprint_outputs(
    db: Session, user: User, sprint: Sprint, today: date, now: datetime
) -> WeekOutput:
    """What a (topic) sprint produced in its dates, up to today."""
    return _outputs(db, user, [reads.Span(sprint.start_date, min(sprint.end_date, today))], now)[0]


def sprint_board(
    db: Session, user: User, sprint: Sprint, today: date, now: datetime
) -> SprintBoard:
    board = sprints.scoreboard(db, sprint, today)
    return SprintBoard(**board.model_dump(), outputs=sprint_outputs(db, user, sprint, today, now))


def sprint_review(db: Session, user: User, sprint: Sprint, today: date, now: datetime) -> str:
    lines = weekly.output_lines(sprint_outputs(db, user, sprint, today, now))
    return sprints.review_markdown(db, sprint, today, lines)
