from datetime import date

from pydantic import BaseModel, Field

from kaizen.goals.schemas import GoalCreate
from kaizen.habits.schemas import (
    DailySchedule,
    HabitKind,
    TargetType,
    TimesPerWeekSchedule,
    WeekdaysSchedule,
)
from kaizen.onboarding.starter_plan import ActionItemKey
from kaizen.schemas import Schema


class StarterSprint(BaseModel):
    title: str
    theme: str
    start_date: date
    end_date: date
    target_rate: float
    required_days: int = Field(description="⌈target × 14⌉ for each daily action item")


class StarterActionItem(BaseModel):
    key: ActionItemKey = Field(description="Name it in `skip` to leave it out")
    name: str
    description: str
    schedule: DailySchedule | WeekdaysSchedule | TimesPerWeekSchedule
    kind: HabitKind
    target_value: float | None
    unit: str | None
    target_type: TargetType | None
    goal: str | None = Field(description="Title of the goal (in `goals`) it serves")
    required: int = Field(
        description="Check-ins the first sprint asks for: ⌈target × `out_of`⌉ (days, or for "
        "N times a week, completions)"
    )
    out_of: int = Field(description="Scheduled days (or completions) in the first sprint")


class StarterPlanPreview(BaseModel):
    goals: list[GoalCreate]
    action_items: list[StarterActionItem]
    sprint: StarterSprint
    taken: bool = Field(description="You took (or skipped) it already")


class StarterPlanTake(Schema):
    skip: list[ActionItemKey] = Field(
        default_factory=list,
        max_length=20,
        description="Keys of action items to leave out (each item is in by default)",
        examples=[["smoking", "writing"]],
    )


class StarterPlanRead(BaseModel):
    created: bool = Field(description="False when you had all of it already: nothing new")
    goal_ids: list[int]
    habit_ids: list[int]
    sprint_id: int
