"""The seed's plan, ready to take in one click: nine growth processes as goals, the seed's
three personal action items plus one small action item for each *required* process (linked to
its goal), and a first fortnight sprint at 75% starting today holding them all. Content only:
taking it is ``flows.take_starter_plan``."""

from dataclasses import dataclass
from typing import Literal

from kaizen.goals.schemas import GoalCreate
from kaizen.habits.schemas import (
    DailySchedule,
    HabitCreate,
    TimesPerWeekSchedule,
    WeekdaysSchedule,
)

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

ActionItemKey = Literal[
    "smoking", "gym", "junk_food", "dsa", "fundamentals", "writing", "applications"
]


@dataclass(frozen=True)
class StarterItem:
    """One action item of the plan: ``key`` names it in the API (to leave it out), ``goal`` is
    the title of the goal in :data:`GOALS` it serves (None for the personal ones)."""

    key: ActionItemKey
    habit: HabitCreate
    goal: str | None = None


ACTION_ITEMS = [
    # The seed's own three, as they are ("these were my action items when I came back").
    StarterItem("smoking", HabitCreate(name="No regular smoking up")),
    StarterItem("gym", HabitCreate(name="Gym every day")),
    StarterItem("junk_food", HabitCreate(name="No junk food")),
    # One small daily step for each required process, so days add up to the goals.
    StarterItem(
        "dsa",
        HabitCreate(
            name="Solve a DSA problem",
            description="FAANG: dsa, dsa, dsa. One problem each weekday.",
            schedule=WeekdaysSchedule(type="weekdays", days=[1, 2, 3, 4, 5]),
        ),
        goal="DSA",
    ),
    StarterItem(
        "fundamentals",
        HabitCreate(
            name="Study core CS/ML/DL",
            description="Learn PyTorch and stuff a little more: a course, a tutorial, an "
            "advanced one. Fundamentals are the focus.",
            kind="numeric",
            target_value=30,
            unit="min",
            target_type="at_least",
            schedule=DailySchedule(),
        ),
        goal="Strengthen core CS/ML/DL",
    ),
    StarterItem(
        "writing",
        HabitCreate(
            name="Keep writing",
            description="An article or a blog, any topic; keep trying till you improve. "
            "Blogs must always be as deep as possible.",
            schedule=TimesPerWeekSchedule(type="times_per_week", times=2),
        ),
        goal="Maintain a portfolio",
    ),
    StarterItem(
        "applications",
        HabitCreate(
            name="Apply or reach out",
            description="One application, or one message to a company, lab or org you have "
            "assessed. This guides the long-term vision.",
            schedule=TimesPerWeekSchedule(type="times_per_week", times=1),
        ),
        goal="Apply, assess companies and opportunities",
    ),
]
SPRINT_TITLE = "First fortnight"
SPRINT_THEME = "Aim high, do something cool, small achievable goals"
SPRINT_DAYS = 14
SPRINT_TARGET = 0.75
