"""Onboarding: the starter plan spans goals, habits and sprints, so taking it is a flow that
calls those domains' services (nothing but routers and the CLI calls a flow)."""

from datetime import date, timedelta

from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.goals import service as goals
from kaizen.habits import service as habits
from kaizen.habits.schemas import HabitCreate
from kaizen.onboarding import starter_plan as plan
from kaizen.onboarding.schemas import StarterPlanPreview, StarterPlanRead, StarterSprint
from kaizen.sprints import service as sprints
from kaizen.sprints.schemas import SprintCreate
from kaizen.sprints.scoring import required_days


def preview_starter_plan(user: User, today: date) -> StarterPlanPreview:
    return StarterPlanPreview(
        goals=plan.GOALS,
        action_items=plan.ACTION_ITEMS,
        sprint=StarterSprint(
            title=plan.SPRINT_TITLE,
            theme=plan.SPRINT_THEME,
            start_date=today,
            end_date=today + timedelta(days=plan.SPRINT_DAYS - 1),
            target_rate=plan.SPRINT_TARGET,
            required_days=required_days(plan.SPRINT_TARGET, plan.SPRINT_DAYS),
        ),
        taken=user.onboarded,
    )


def take_starter_plan(db: Session, user: User, today: date) -> StarterPlanRead:
    """Create what of the plan the user does not have yet (matched by title), so taking it
    twice duplicates nothing. ``created`` says whether anything new was made."""
    existing_goals = {
        g.title: g for g in goals.goals_titled(db, user, [g.title for g in plan.GOALS])
    }
    existing_habits = {h.name: h for h in habits.habits_named(db, user, plan.ACTION_ITEMS)}
    sprint = sprints.sprint_titled(db, user, plan.SPRINT_TITLE)
    created = len(existing_goals) < len(plan.GOALS) or len(existing_habits) < len(plan.ACTION_ITEMS)
    new_goals = [existing_goals.get(g.title) or goals.create_goal(db, user, g) for g in plan.GOALS]
    new_habits = [
        existing_habits.get(name) or habits.create_habit(db, user, HabitCreate(name=name), today)
        for name in plan.ACTION_ITEMS
    ]
    if sprint is None:
        created = True
        sprint = sprints.create_sprint(
            db,
            user,
            SprintCreate(
                title=plan.SPRINT_TITLE,
                theme=plan.SPRINT_THEME,
                start_date=today,
                end_date=today + timedelta(days=plan.SPRINT_DAYS - 1),
                target_rate=plan.SPRINT_TARGET,
                habit_ids=[h.id for h in new_habits],
                goal_ids=[g.id for g in new_goals if g.importance == "required"],
            ),
            today,
        )
    user.onboarded = True
    db.flush()
    return StarterPlanRead(
        created=created,
        goal_ids=[g.id for g in new_goals],
        habit_ids=[h.id for h in new_habits],
        sprint_id=sprint.id,
    )
