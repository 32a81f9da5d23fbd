import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from kaizen.schemas import LongText, ReadSchema, Schema
from kaizen.sprints.schemas import Scoreboard

IsoWeek = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$"),
    Field(examples=["2026-W48"]),
]


class ReflectionIn(Schema):
    reflection: LongText = Field(default="", description="Your own notes on the week (Markdown)")


class SavedReview(ReadSchema):
    week: str
    reflection: str
    updated_at: dt.datetime


class WeekItem(ReadSchema):
    habit_id: int
    name: str
    done: int = Field(description="Days done this week")
    eligible: int = Field(description="Days that counted this week (so far)")
    previous_done: int = Field(description="Days done the week before")


class SprintItemNeed(ReadSchema):
    habit_id: int
    name: str
    done: int
    required: int
    still_needed: int
    eligible_left: int
    feasible: bool


class WeekSprint(ReadSchema):
    id: int
    title: str
    score: float | None = Field(description="Running score at the end of the week (or today)")
    target_rate: float
    days_left: int
    items: list[SprintItemNeed]


class WeekOutput(ReadSchema):
    papers_finished: int
    items_finished: int = Field(description="Reading items of any kind finished")
    pages_read: float
    applications_sent: int = Field(description="Applications that entered `applied`")
    applications_moved: int = Field(description="Stage changes after an application's first")
    interviews_held: int
    posts_published: int
    implementations_published: int


class GoalBrief(ReadSchema):
    id: int
    title: str


class WeeklyReview(ReadSchema):
    week: str
    start: dt.date
    end: dt.date
    items: list[WeekItem]
    sprint: WeekSprint | None
    output: WeekOutput
    previous_output: WeekOutput = Field(description="The same figures for the week before")
    goals_moved: list[GoalBrief]
    goals_left_alone: list[GoalBrief]
    next_steps: list[str]
    reflection: str
    saved: bool = Field(description="A reflection has been saved for this week")
    markdown: str


class SprintBoard(Scoreboard):
    outputs: WeekOutput = Field(
        description="What the sprint produced in its dates so far: reading, applications, posts"
    )
