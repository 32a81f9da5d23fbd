"""The seed's plan, ready to take in one click: nine growth processes as goals, the three
action items, and a first fortnight sprint at 75% starting today."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaizen.auth.models import User
from kaizen.goals.models import Goal
from kaizen.goals.schemas import GoalCreate
from kaizen.goals.service import create_goal
from kaizen.habits.models import Habit
from kaizen.habits.schemas import HabitCreate
from kaizen.habits.service import create_habit, today_for
from kaizen.sprints.models import Sprint
from kaizen.sprints.schemas import SprintCreate
from kaizen.sprints.service import create_sprint

GOALS = [
    GoalCreate(
        title="Write paper explanations and blogs",
        area="writing",
        importance="optional",
        enthusiasm="meh",
        description="Explain papers in writing; blogs must always be as deep as possible.",
    ),
    GoalCreate(
        title="Implement papers",
        area="fundamentals",
        importance="optional",
        enthusiasm="meh",
        description="Implement what you read, from the basics.",
    ),
    GoalCreate(
        title="Get into academic research",
        area="research",
        importance="optional",
        enthusiasm="keen",
        description="Reach out to research orgs and colleges (AI4Bharat and the like). "
        "**This bumps the profile a lot.**",
    ),
    GoalCreate(
        title="Contribute to open source",
        area="open_source",
        importance="optional",
        enthusiasm="cool",
        description="A way to learn any topic enough, and then just contribute.",
    ),
    GoalCreate(
        title="Strengthen core CS/ML/DL",
        area="fundamentals",
        importance="required",
        enthusiasm="okay",
        description="Learn PyTorch and the like a little more; courses, tutorials, advanced ones.",
    ),
    GoalCreate(
        title="Read a lot",
        area="reading",
        importance="optional",
        enthusiasm="keen",
        description="CS books, DL books, papers; fundamentals are the focus.",
    ),
    GoalCreate(
        title="Maintain a portfolio",
        area="writing",
        importance="required",
        enthusiasm="okay",
        description="What would you be proud to work on? Increase the surface area: keep "
        "writing articles until you improve.\n\n> Blogs must always be as deep as possible.",
    ),
    GoalCreate(
        title="DSA",
        area="dsa",
        importance="required",
        enthusiasm="okay",
        description="Data structures and algorithms, steadily.",
    ),
    GoalCreate(
        title="Apply, assess companies and opportunities",
        area="job_search",
        importance="required",
        enthusiasm="keen",
        description="This guides the long-term vision and is very important.",
    ),
]

ACTION_ITEMS = ["No regular smoking up", "Gym every day", "No junk food"]
SPRINT_TITLE = "First fortnight"
SPRINT_THEME = "Aim high, do something cool, small achievable goals"
SPRINT_DAYS = 14
SPRINT_TARGET = 0.75


@dataclass(frozen=True)
class StarterPlanResult:
    created: bool
    goal_ids: list[int]
    habit_ids: list[int]
    sprint_id: int


def apply(db: Session, user: User) -> StarterPlanResult:
    """Create what of the plan the user does not have yet (matched by title), so taking it
    twice duplicates nothing. ``created`` says whether anything new was made."""
    existing_goals = {
        g.title: g
        for g in db.scalars(
            select(Goal).where(Goal.user_id == user.id, Goal.title.in_([g.title for g in GOALS]))
        )
    }
    existing_habits = {
        h.name: h
        for h in db.scalars(
            select(Habit).where(Habit.user_id == user.id, Habit.name.in_(ACTION_ITEMS))
        )
    }
    sprint = db.scalar(
        select(Sprint).where(Sprint.user_id == user.id, Sprint.title == SPRINT_TITLE).limit(1)
    )
    created = len(existing_goals) < len(GOALS) or len(existing_habits) < len(ACTION_ITEMS)
    goals = [existing_goals.get(g.title) or create_goal(db, user, g) for g in GOALS]
    habits = [
        existing_habits.get(name) or create_habit(db, user, HabitCreate(name=name))
        for name in ACTION_ITEMS
    ]
    if sprint is None:
        created = True
        today = today_for(user)
        sprint = create_sprint(
            db,
            user,
            SprintCreate(
                title=SPRINT_TITLE,
                theme=SPRINT_THEME,
                start_date=today,
                end_date=today + timedelta(days=SPRINT_DAYS - 1),
                target_rate=SPRINT_TARGET,
                habit_ids=[h.id for h in habits],
                goal_ids=[g.id for g in goals if g.importance == "required"],
            ),
        )
    user.onboarded = True
    db.flush()
    return StarterPlanResult(
        created=created,
        goal_ids=[g.id for g in goals],
        habit_ids=[h.id for h in habits],
        sprint_id=sprint.id,
    )
