"""The Kaizen export document, version 1: one section per domain, each a list of items with
ids local to the document (1, 2, 3… in the section's order) that links between items use.

A new domain adds its item model here and one entry in ``kaizen_format.SECTIONS`` (its export
and import functions); the validation, id checks and streaming come with it. Sections added
after version 1 first shipped are optional (a file without them imports as before)."""

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
)

from kaizen.auth.schemas import DisplayName, Handle
from kaizen.goals.schemas import Area, Enthusiasm, GoalStatus, Importance, Number, Unit
from kaizen.habits.schemas import HabitKind, Note, ScheduleIn, TargetType, Value
from kaizen.habits.scoring import Status
from kaizen.opportunities import schemas as opportunities
from kaizen.portfolio.schemas import EntryKind, EntryStatus, Url
from kaizen.reading import schemas as reading
from kaizen.reviews.schemas import IsoWeek
from kaizen.schemas import Day, LongText, Moment, ShortText, Timezone
from kaizen.sprints.schemas import Rate, Theme

FORMAT = "kaizen"
VERSION = 1
MAX_ITEMS = 10_000
MAX_CHECK_INS = 40_000  # per habit: a century of days
MAX_HISTORY = 1000  # stage changes, status changes or progress logs of one item
DocId = Annotated[int, Field(ge=1, le=10_000_000)]
DocIds = Annotated[list[DocId], Field(max_length=100)]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Text200 = Annotated[str, StringConstraints(max_length=200)]
Text2000 = Annotated[str, StringConstraints(max_length=2000)]
At = Annotated[AwareDatetime, AfterValidator(lambda v: v.astimezone(dt.UTC))]


def _minutes_only(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise ValueError("give a local time without an offset, e.g. 21:00")
    return value.replace(second=0, microsecond=0)


LocalTime = Annotated[dt.time, AfterValidator(_minutes_only)]


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


class OrganizationDoc(Item):
    id: DocId
    name: ShortText
    type: opportunities.OrgType = "other"
    website: opportunities.Url | None = None
    location: Text200 = ""
    notes: LongText = ""
    interest: opportunities.Interest | None = None
    rating_growth: opportunities.Rating | None = None
    rating_learning: opportunities.Rating | None = None
    rating_work: opportunities.Rating | None = None
    rating_pay: opportunities.Rating | None = None
    rating_culture: opportunities.Rating | None = None
    goal_ids: DocIds = Field(default_factory=list, description="The goals it demands")


class ContactDoc(Item):
    id: DocId
    name: ShortText
    role: Text200 = ""
    organization_id: DocId | None = None
    email: Annotated[EmailStr, Field(max_length=320)] | None = None
    profile_url: opportunities.Url | None = None
    notes: LongText = ""
    last_contacted_on: Day | None = None
    follow_up_on: Day | None = None


class StageChangeDoc(Item):
    from_stage: opportunities.Stage | None = None
    to_stage: opportunities.Stage
    at: At
    note: Annotated[str, StringConstraints(max_length=500)] = ""


class ApplicationDoc(Item):
    id: DocId
    organization_id: DocId
    role: ShortText
    kind: opportunities.Kind = "job"
    source: Text200 = ""
    url: opportunities.Url | None = None
    stage: opportunities.Stage = "wishlist"
    applied_on: Day | None = None
    follow_up_on: Day | None = None
    notes: LongText = ""
    goal_ids: DocIds = Field(default_factory=list)
    contact_ids: DocIds = Field(default_factory=list)
    history: list[StageChangeDoc] = Field(
        default_factory=list,
        max_length=MAX_HISTORY,
        description="Every stage it entered, oldest first; the last one is `stage`",
    )


class EventDoc(Item):
    id: DocId
    application_id: DocId
    kind: opportunities.EventKind = "interview"
    title: Text200 = ""
    starts_at: Annotated[Moment, AfterValidator(lambda v: v.astimezone(dt.UTC))]
    duration_minutes: opportunities.Minutes | None = None
    location: Text2000 = ""
    outcome: Text200 = ""
    notes: LongText = ""
    contact_ids: DocIds = Field(default_factory=list)


class ReadingStatusDoc(Item):
    status: reading.Status
    date: Day
    read_through: int = Field(default=1, ge=1, le=1000)


class ReadingProgressDoc(Item):
    date: Day
    amount: reading.Amount
    unit: reading.Unit = "pages"
    read_through: int = Field(default=1, ge=1, le=1000)
    habit_id: DocId | None = Field(default=None, description="The action item it was added to")


class ReadingItemDoc(Item):
    id: DocId
    title: reading.Title
    kind: reading.Kind = "paper"
    authors: list[reading.Author] = Field(default_factory=list, max_length=100)
    year: reading.Year | None = None
    venue: reading.Venue | None = None
    url: reading.Url | None = None
    arxiv_id: reading.ArxivId | None = None
    doi: reading.Doi | None = None
    isbn: reading.Isbn | None = None
    tags: list[reading.Tag] = Field(default_factory=list, max_length=30)
    citation_key: Annotated[
        str, StringConstraints(min_length=1, max_length=100, pattern=r"^[^\s{},]+$")
    ]
    status: reading.Status = "queued"
    read_through: int = Field(default=1, ge=1, le=1000)
    started_on: Day | None = None
    finished_on: Day | None = None
    position: int = Field(default=0, ge=0, le=1_000_000)
    progress_current: reading.Amount = 0
    progress_total: Annotated[float, Field(gt=0, le=100_000)] | None = None
    progress_unit: reading.Unit = "pages"
    rating: reading.Rating | None = None
    notes: LongText = ""
    goal_id: DocId | None = None
    writeup_id: DocId | None = Field(default=None, description="Portfolio entry")
    implementation_id: DocId | None = Field(default=None, description="Portfolio entry")
    status_history: list[ReadingStatusDoc] = Field(default_factory=list, max_length=MAX_HISTORY)
    progress_log: list[ReadingProgressDoc] = Field(
        default_factory=list, max_length=MAX_HISTORY * 10
    )


class ReviewDoc(Item):
    week: IsoWeek
    reflection: LongText = ""


class ReadingSettingsDoc(Item):
    habit_id: DocId | None = Field(
        default=None, description="The numeric action item logged reading adds to"
    )
    unit: reading.Unit = "pages"


class SettingsDoc(Item):
    reminder_time: LocalTime | None = Field(
        default=None, description="Daily check-in reminder (local time) in the calendar feed"
    )
    reading: ReadingSettingsDoc = Field(default_factory=ReadingSettingsDoc)


class KaizenDocument(Item):
    format: Literal["kaizen"]
    version: Literal[1]
    exported_at: dt.datetime
    profile: ProfileDoc = Field(default_factory=ProfileDoc)
    goals: list[GoalDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    habits: list[HabitDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    sprints: list[SprintDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    portfolio: list[PortfolioDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    organizations: list[OrganizationDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    contacts: list[ContactDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    applications: list[ApplicationDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    events: list[EventDoc] = Field(default_factory=list, max_length=MAX_ITEMS * 5)
    reading_items: list[ReadingItemDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    weekly_reviews: list[ReviewDoc] = Field(default_factory=list, max_length=MAX_ITEMS)
    settings: SettingsDoc | None = Field(
        default=None, description="Absent in older files: the account's settings stay as they are"
    )


def json_path(loc: tuple[int | str, ...]) -> str:
    """("habits", 3, "check_ins", 0, "status") → "$.habits[3].check_ins[0].status"."""
    path = "$"
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path
