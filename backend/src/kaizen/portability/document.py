"""The Kaizen export document, version 1: one section per domain, each a list of items with
ids local to the document (1, 2, 3… in the section's order) that links between items use.

A new domain adds its item model here and one entry in ``flows.SECTIONS`` (its export and
import functions); the validation, id checks and streaming come with it."""

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kaizen.auth.schemas import DisplayName, Handle
from kaizen.goals.schemas import Area, Enthusiasm, GoalStatus, Importance, Number, Unit
from kaizen.habits.schemas import HabitKind, Note, ScheduleIn, TargetType, Value
from kaizen.habits.scoring import Status
from kaizen.portfolio.schemas import EntryKind, EntryStatus, Url
from kaizen.schemas import Day, LongText, ShortText, Timezone
from kaizen.sprints.schemas import Rate, Theme

FORMAT = "kaizen"
VERSION = 1
MAX_ITEMS = 10_000
MAX_CHECK_INS = 40_000  # per habit: a century of days
DocId = Annotated[int, Field(ge=1, le=10_000_000)]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProfileDoc(Item):
    display_name: DisplayName = ""
    timezone: Timezone = "UTC"
    handle: Handle | None = None
    public_profile: bool = False
    onboarded: bool = False


class KeyResultDoc(Item):
    title: ShortText
    start_value: Number = 0
    current_value: Number = 0
    target_value: Number
    unit: Unit = ""
    position: int = Field(default=0, ge=0, le=100_000)


class GoalDoc(Item):
    id: DocId
    title: ShortText
    description: LongText = ""
    area: Area = "other"
    importance: Importance = "optional"
    enthusiasm: Enthusiasm = "okay"
    status: GoalStatus = "active"
    target_date: Day | None = None
    position: int = Field(default=0, ge=0, le=100_000)
    key_results: list[KeyResultDoc] = Field(default_factory=list, max_length=1000)


class CheckInDoc(Item):
    date: Day
    status: Status
    value: Value | None = None
    note: Note = ""


class HabitDoc(Item):
    id: DocId
    name: ShortText
    description: LongText = ""
    kind: HabitKind = "boolean"
    target_value: Value | None = None
    unit: Annotated[str, StringConstraints(max_length=32)] | None = None
    target_type: TargetType | None = None
    schedule: ScheduleIn
    start_date: Day
    goal_id: DocId | None = None
    color: Color | None = None
    position: int = Field(default=0, ge=0, le=100_000)
    archived: bool = False
    check_ins: list[CheckInDoc] = Field(default_factory=list, max_length=MAX_CHECK_INS)


class SprintDoc(Item):
    id: DocId
    title: ShortText
    theme: Theme = ""
    start_date: Day
    end_date: Day
    target_rate: Rate = 0.75
    plan: LongText = ""
    retrospective: LongText = ""
    habit_ids: list[DocId] = Field(default_factory=list, max_length=100)
    goal_ids: list[DocId] = Field(default_factory=list, max_length=100)
    results: dict[str, Any] | None = Field(
        default=None, description="The frozen scoreboard of a finished sprint"
    )


class PortfolioDoc(Item):
    id: DocId
    title: ShortText
    kind: EntryKind = "blog_post"
    status: EntryStatus = "idea"
    url: Url | None = None
    published_on: Day | None = None
    goal_id: DocId | None = None
    notes: LongText = ""


class KaizenDocument(Item):
    format: Literal["kaizen"]
    version: Literal[1]
    exported_at: dt.datetime
    profile: ProfileDoc = Field(default_factory=ProfileDoc)
    goals: list[GoalDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    habits: list[HabitDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    sprints: list[SprintDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    portfolio: list[PortfolioDoc] = Field(default_factory=list, max_length=MAX_ITEMS)


def json_path(loc: tuple[int | str, ...]) -> str:
    """("habits", 3, "check_ins", 0, "status") → "$.habits[3].check_ins[0].status"."""
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path
