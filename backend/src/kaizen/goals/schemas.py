import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from kaizen.habits.scoring import StreakUnit
from kaizen.schemas import Day, LongText, ReadSchema, Schema, ShortText

Area = Literal[
    "research", "open_source", "fundamentals", "reading", "writing", "dsa", "job_search", "other"
]
Importance = Literal["required", "optional"]
Enthusiasm = Literal["meh", "okay", "keen", "cool"]
GoalStatus = Literal["active", "paused", "done", "dropped"]
Number = Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False)]
Unit = Annotated[str, Field(max_length=32)]

ENTHUSIASM_DOC = "How you feel about it, from `meh` through `okay` and `keen` to `cool`"


class GoalCreate(Schema):
    title: ShortText = Field(examples=["Contribute to open source"])
    description: LongText = Field(default="", description="Markdown")
    area: Area = "other"
    importance: Importance = "optional"
    enthusiasm: Enthusiasm = Field(default="okay", description=ENTHUSIASM_DOC)
    status: GoalStatus = "active"
    target_date: Day | None = None


class GoalUpdate(Schema):
    title: ShortText | None = None
    description: LongText | None = None
    area: Area | None = None
    importance: Importance | None = None
    enthusiasm: Enthusiasm | None = Field(default=None, description=ENTHUSIASM_DOC)
    status: GoalStatus | None = None
    target_date: Day | None = None


class KeyResultCreate(Schema):
    title: ShortText = Field(examples=["Merged pull requests"])
    start_value: Number = 0
    current_value: Number | None = Field(default=None, description="Default: start_value")
    target_value: Number = Field(examples=[5])
    unit: Unit = ""


class KeyResultUpdate(Schema):
    title: ShortText | None = None
    start_value: Number | None = None
    current_value: Number | None = None
    target_value: Number | None = None
    unit: Unit | None = None


class KeyResultRead(ReadSchema):
    id: int
    goal_id: int
    title: str
    start_value: float
    current_value: float
    target_value: float
    unit: str
    progress: float = Field(description="(current − start) ÷ (target − start), clamped to 0..1")


class GoalRead(ReadSchema):
    id: int
    title: str
    description: str
    area: Area
    importance: Importance
    enthusiasm: Enthusiasm
    status: GoalStatus
    target_date: dt.date | None
    progress: float | None = Field(description="Mean of the key results' progress; null if none")
    key_result_count: int


class LinkedHabit(ReadSchema):
    id: int
    name: str
    archived: bool
    rate_14d: float | None
    current_streak: int
    streak_unit: StreakUnit


class LinkedSprint(ReadSchema):
    id: int
    title: str
    start_date: dt.date
    end_date: dt.date
    status: Literal["planned", "active", "finished"]


class LinkedEntry(ReadSchema):
    id: int
    title: str
    kind: str
    status: str
    url: str | None
    published_on: dt.date | None


class LinkedOrganization(ReadSchema):
    id: int
    name: str
    type: str
    interest: str | None


class LinkedApplication(ReadSchema):
    id: int
    role: str
    kind: str
    stage: str
    organization: LinkedOrganization


class GoalDetail(GoalRead):
    key_results: list[KeyResultRead]
    habits: list[LinkedHabit]
    sprints: list[LinkedSprint]
    portfolio_entries: list[LinkedEntry]
    organizations: list[LinkedOrganization] = Field(description="Organizations that demand it")
    applications: list[LinkedApplication] = Field(description="Applications that demand it")
