from datetime import date

from pydantic import BaseModel, Field

from kaizen.goals.schemas import GoalCreate


class StarterSprint(BaseModel):
    title: str
    theme: str
    start_date: date
    end_date: date
    target_rate: float
    required_days: int = Field(description="⌈target × 14⌉ for each daily action item")


class StarterPlanPreview(BaseModel):
    goals: list[GoalCreate]
    action_items: list[str]
    sprint: StarterSprint
    taken: bool = Field(description="You took (or skipped) it already")


class StarterPlanRead(BaseModel):
    created: bool = Field(description="False when you had all of it already: nothing new")
    goal_ids: list[int]
    habit_ids: list[int]
    sprint_id: int
