import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from kaizen.habits.scoring import StreakUnit
from kaizen.schemas import Day, Id, LongText, ReadSchema, Schema, ShortText

SprintStatus = Literal["planned", "active", "finished"]
Theme = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Rate = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False, examples=[0.75])]
Ids = Annotated[list[Id], Field(max_length=100)]


class SprintCreate(Schema):
    title: ShortText = Field(examples=["Fortnight 2: hit 75%"])
    theme: Theme = Field(default="", examples=["torch inside out"])
    start_date: Day | None = Field(default=None, description="Default: today")
    end_date: Day | None = Field(default=None, description="Default: start + 13 days")
    target_rate: Rate = 0.75
    habit_ids: Ids = Field(default_factory=list, description="Its action items, in order")
    goal_ids: Ids = Field(default_factory=list, description="Goals this sprint serves")
    plan: LongText = ""
    retrospective: LongText = ""


class SprintUpdate(Schema):
    title: ShortText | None = None
    theme: Theme | None = None
    start_date: Day | None = None
    end_date: Day | None = None
    target_rate: Rate | None = None
    habit_ids: Ids | None = None
    goal_ids: Ids | None = None
    plan: LongText | None = None
    retrospective: LongText | None = None


class SprintNext(Schema):
    target_rate: Rate = Field(description="The next sprint's target, e.g. 0.8")
    title: ShortText | None = Field(default=None, description="Default: derived from this one")
    theme: Theme | None = None
    days: int = Field(default=14, ge=1, le=366, description="Length of the next sprint")


class SprintOutcome(ReadSchema):
    state: Literal["not_started", "no_items", "reached", "on_pace", "out_of_reach", "met", "missed"]
    text: str = Field(
        description="One sentence, e.g. 'On pace for 75%: 1 of 11 days done, 13 left'. "
        "'reached'/'met' only once every item has its required days (done ≥ required)."
    )


class SprintRead(ReadSchema):
    id: int
    title: str
    theme: str
    start_date: dt.date
    end_date: dt.date
    target_rate: float
    habit_ids: list[int]
    goal_ids: list[int]
    plan: str
    retrospective: str
    status: SprintStatus
    score: float | None = Field(description="Mean of the items' rates so far; null before any")
    outcome: SprintOutcome


class SprintCreated(SprintRead):
    warnings: list[str] = Field(
        default_factory=list,
        description="Things worth knowing, e.g. other sprints it overlaps (allowed: topic "
        "sprints may overlap on purpose)",
    )


class ScoreboardItem(ReadSchema):
    habit_id: int
    name: str
    done: int
    eligible: int
    skipped: int
    rate: float | None
    required: int = Field(description="⌈target × eligible days in the whole sprint⌉")
    still_needed: int = Field(description="max(0, required − done)")
    eligible_left: int = Field(description="Days that can still count")
    feasible: bool = Field(description="still_needed ≤ eligible_left")
    streak: int
    streak_unit: StreakUnit


class Scoreboard(ReadSchema):
    sprint_id: int
    status: SprintStatus
    start_date: dt.date
    end_date: dt.date
    days_total: int
    days_elapsed: int
    days_left: int
    target_rate: float
    score: float | None
    previous_sprint_id: int | None
    previous_score: float | None = Field(
        description="Score of your sprint that ended most recently before this one started"
    )
    delta: float | None
    frozen: bool = Field(description="True once the sprint is over and its results are kept")
    outcome: SprintOutcome
    habits: list[ScoreboardItem]
