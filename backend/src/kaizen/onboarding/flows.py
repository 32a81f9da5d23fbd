"""Onboarding: the starter plan spans goals, habits and sprints, so taking it is a flow that
calls those domains' services (nothing but routers and the CLI calls a flow)."""

from collections.abc import Collection
from datetime import date, timedelta

from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.goals import service as goals
from kaizen.habits import service as habits
from kaizen.habits.schemas import (
    DailySchedule,
    HabitCreate,
    TimesPerWeekSchedule,
    WeekdaysSchedule,
)
from kaizen.habits.scoring import HabitLog, Schedule
from kaizen.onboarding import starter_plan as plan
from kaizen.onboarding.schemas import (
    StarterActionItem,
    StarterPlanPreview,
    StarterPlanRead,
    StarterSprint,
)
from kaizen.sprints import scoring
from kaizen.sprints import service as sprints
from kaizen.sprints.schemas import SprintCreate, SprintUpdate


def _sprint_end(today: date) -> date:
    return today + timedelta(days=plan.SPRINT_DAYS - 1)


def _schedule(item: plan.StarterItem) -> Schedule:
    schedule = item.habit.schedule
    if isinstance(schedule, WeekdaysSchedule):
        return Schedule.on_weekdays(*schedule.days)
    if isinstance(schedule, TimesPerWeekSchedule):
        return Schedule.times_a_week(schedule.times)
    return Schedule.daily()


def _linked(item: plan.StarterItem, goal_ids: dict[str, int]) -> HabitCreate:
    """The item's habit, linked to the goal it serves."""
    goal_id = goal_ids[item.goal] if item.goal else None
    return item.habit.model_copy(update={"goal_id": goal_id})


def preview_starter_plan(user: User, today: date) -> StarterPlanPreview:
    """What taking the plan today creates, with what the first sprint asks of each item (the
    sprint scoreboard's own maths over an empty log, so the numbers are the board's)."""
    board = scoring.score_sprint(
        start=today,
        end=_sprint_end(today),
        target_rate=plan.SPRINT_TARGET,
        items=[scoring.SprintItem(HabitLog(_schedule(i), today)) for i in plan.ACTION_ITEMS],
        today=today,
    )
    return StarterPlanPreview(
        goals=plan.GOALS,
        action_items=[
            StarterActionItem(
                key=item.key,
                name=item.habit.name,
                description=item.habit.description or "",
                schedule=item.habit.schedule or DailySchedule(),
                kind=item.habit.kind or "boolean",
                target_value=item.habit.target_value,
                unit=item.habit.unit,
                target_type=item.habit.target_type,
                goal=item.goal,
                required=score.required,
                out_of=score.eligible_total,
            )
            for item, score in zip(plan.ACTION_ITEMS, board.items, strict=True)
        ],
        sprint=StarterSprint(
            title=plan.SPRINT_TITLE,
            theme=plan.SPRINT_THEME,
            start_date=today,
            end_date=_sprint_end(today),
            target_rate=plan.SPRINT_TARGET,
            required_days=scoring.required_days(plan.SPRINT_TARGET, plan.SPRINT_DAYS),
        ),
        taken=user.onboarded,
    )


def take_starter_plan(
    db: Session, user: User, today: date, skip: Collection[str] = ()
) -> StarterPlanRead:
    """Create what of the plan the user does not have yet (matched by title or name), leaving
    out the action items in ``skip``, so taking it twice duplicates nothing. Items created
    while the first sprint already exists join it unless it is over. ``created`` says whether
    anything new was made."""
    items = [i for i in plan.ACTION_ITEMS if i.key not in skip]
    existing_goals = {
        g.title: g for g in goals.goals_titled(db, user, [g.title for g in plan.GOALS])
    }
    existing_habits = {
        h.name: h for h in habits.habits_named(db, user, [i.habit.name for i in items])
    }
    new_goals = [existing_goals.get(g.title) or goals.create_goal(db, user, g) for g in plan.GOALS]
    goal_ids = {g.title: g.id for g in new_goals}
    added = [
        habits.create_habit(
            db,
            user,
            item.habit.model_copy(update={"goal_id": goal_ids.get(item.goal or "")}),
            today,
        )
        for item in items
        if item.habit.name not in existing_habits
    ]
    by_name = {**existing_habits, **{h.name: h for h in added}}
    new_habits = [by_name[i.habit.name] for i in items]
    created = len(existing_goals) < len(plan.GOALS) or bool(added)
    sprint = sprints.sprint_titled(db, user, plan.SPRINT_TITLE)
    if sprint is None:
        created = True
        sprint = sprints.create_sprint(
            db,
            user,
            SprintCreate(
                title=plan.SPRINT_TITLE,
                theme=plan.SPRINT_THEME,
                start_date=today,
                end_date=_sprint_end(today),
                target_rate=plan.SPRINT_TARGET,
                habit_ids=[h.id for h in new_habits],
                goal_ids=[g.id for g in new_goals if g.importance == "required"],
            ),
            today,
        )
    elif added and sprint.end_date >= today:
        current = sprints.habit_ids_by_sprint(db, [sprint.id]).get(sprint.id, [])
        joining = [h.id for h in added if h.id not in current]
        sprints.update_sprint(db, user, sprint, SprintUpdate(habit_ids=current + joining), today)
    user.onboarded = True
    db.flush()
    return StarterPlanRead(
        created=created,
        goal_ids=[g.id for g in new_goals],
        habit_ids=[h.id for h in new_habits],
        sprint_id=sprint.id,
    )
