import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, AnyHttpUrl, EmailStr, Field, model_validator

from kaizen.schemas import MAX_DAY, MIN_DAY, Day, Id, LongText, ReadSchema, Schema, ShortText

OrgType = Literal[
    "analytics", "ai_product", "big_tech", "research_lab", "university", "open_source", "other"
]
Interest = Literal["boring", "meh", "okay", "interesting", "exciting"]
Kind = Literal["job", "internship", "research_collaboration", "open_source", "outreach"]
Stage = Literal[
    "wishlist",
    "applied",
    "screening",
    "interviewing",
    "offer",
    "accepted",
    "rejected",
    "withdrawn",
    "ghosted",
]
EventKind = Literal["interview", "assessment", "call", "deadline", "message"]
Rating = Annotated[int, Field(ge=1, le=5)]
Url = Annotated[AnyHttpUrl, Field(max_length=2000, examples=["https://example.com/careers/42"])]
Text200 = Annotated[str, Field(max_length=200)]
GoalIds = Annotated[list[Id], Field(max_length=50)]
IdList = Annotated[list[Id], Field(max_length=100)]
INTEREST_DOC = "Your own take, from `boring` through `meh`, `okay`, `interesting` to `exciting`"


def _check_naive_or_aware(value: dt.datetime) -> dt.datetime:
    # A naive time is read in the user's timezone (the service does it); either way bound it.
    if not MIN_DAY <= value.date() <= MAX_DAY:
        raise ValueError(f"dates must be between {MIN_DAY} and {MAX_DAY}")
    return value


LocalOrAwareMoment = Annotated[
    dt.datetime,
    AfterValidator(_check_naive_or_aware),
    Field(
        description="ISO 8601; with an offset, or without one to mean your own timezone",
        examples=["2026-12-03T18:00:00+05:30"],
    ),
]


# Organizations ----------------------------------------------------------------------------


class OrganizationCreate(Schema):
    name: ShortText = Field(examples=["Sarvam AI"])
    type: OrgType = "other"
    website: Url | None = None
    location: Text200 = ""
    notes: LongText = ""
    interest: Interest | None = Field(default=None, description=INTEREST_DOC)
    rating_growth: Rating | None = None
    rating_learning: Rating | None = None
    rating_work: Rating | None = None
    rating_pay: Rating | None = None
    rating_culture: Rating | None = None
    goal_ids: GoalIds = Field(default=[], description="The goals it demands (your goal ids)")


class OrganizationUpdate(Schema):
    name: ShortText | None = None
    type: OrgType | None = None
    website: Url | None = None
    location: Text200 | None = None
    notes: LongText | None = None
    interest: Interest | None = Field(default=None, description=INTEREST_DOC)
    rating_growth: Rating | None = None
    rating_learning: Rating | None = None
    rating_work: Rating | None = None
    rating_pay: Rating | None = None
    rating_culture: Rating | None = None
    goal_ids: GoalIds | None = None


class GoalReadiness(ReadSchema):
    id: int
    title: str
    progress: float | None = Field(description="Mean of the goal's key results; null if none")


class OrganizationRead(ReadSchema):
    id: int
    name: str
    type: OrgType
    website: str | None
    location: str
    notes: str
    interest: Interest | None
    rating_growth: int | None
    rating_learning: int | None
    rating_work: int | None
    rating_pay: int | None
    rating_culture: int | None
    goal_ids: list[int]
    created_at: dt.datetime


class OrganizationListItem(OrganizationRead):
    readiness: list[GoalReadiness] = Field(description="Progress of the goals it demands")


class OrganizationDetail(OrganizationRead):
    readiness: list[GoalReadiness] = Field(description="Progress of the goals it demands")
    application_count: int


class OrganizationBrief(ReadSchema):
    id: int
    name: str
    type: OrgType


# Applications ----------------------------------------------------------------------------


class ApplicationCreate(Schema):
    organization_id: Id
    role: ShortText = Field(examples=["ML Engineer"])
    kind: Kind = "job"
    source: Text200 = ""
    url: Url | None = None
    stage: Stage = "wishlist"
    applied_on: Day | None = Field(
        default=None, description="Default: today, when created in or moved to `applied`"
    )
    follow_up_on: Day | None = None
    goal_ids: GoalIds = Field(default_factory=list)
    notes: LongText = ""


class ApplicationUpdate(Schema):
    organization_id: Id | None = None
    role: ShortText | None = None
    kind: Kind | None = None
    source: Text200 | None = None
    url: Url | None = None
    stage: Stage | None = Field(
        default=None, description="A different stage appends a row to the history"
    )
    stage_note: Annotated[str, Field(max_length=500)] = Field(
        default="", description="Stored with the stage change"
    )
    applied_on: Day | None = None
    follow_up_on: Day | None = None
    goal_ids: GoalIds | None = None
    notes: LongText | None = None


class EventBrief(ReadSchema):
    id: int
    kind: EventKind
    title: str
    starts_at: dt.datetime


class ApplicationRead(ReadSchema):
    id: int
    organization_id: int
    organization: OrganizationBrief
    role: str
    kind: Kind
    source: str
    url: str | None
    stage: Stage
    stage_changed_at: dt.datetime = Field(description="When the current stage began")
    applied_on: dt.date | None
    follow_up_on: dt.date | None
    goal_ids: list[int]
    notes: str
    created_at: dt.datetime
    updated_at: dt.datetime
    next_event: EventBrief | None = Field(
        default=None, description="The next upcoming event, if any"
    )


class ApplicationCreated(ApplicationRead):
    warnings: list[str] = Field(
        default=[], description="E.g. you already have an application for this role here"
    )


ReadinessFrom = Literal["application", "organization"]


class ApplicationDetail(ApplicationRead):
    readiness: list[GoalReadiness] = Field(
        description="The goals it demands with their progress; with none linked, its organization's"
    )
    readiness_from: ReadinessFrom | None = Field(
        description="Whose goals `readiness` shows (null when there are none)"
    )


class StageChangeRead(ReadSchema):
    from_stage: Stage | None
    to_stage: Stage
    at: dt.datetime
    note: str


class History(ReadSchema):
    items: list[StageChangeRead]


class StageFunnel(ReadSchema):
    stage: Stage
    reached: int = Field(description="Applications that were ever at this stage or later")
    conversion: float | None = Field(description="Share of those that reached the next stage")
    median_days: float | None = Field(description="Days spent in this stage (finished stays)")
    p75_days: float | None


class Funnel(ReadSchema):
    stages: list[StageFunnel]
    total: int
    response_rate: float | None = Field(
        description="Got past `applied` (rejection included) ÷ reached `applied`"
    )


class FunnelStats(Funnel):
    by_type: dict[str, Funnel]
    by_kind: dict[str, Funnel]


# Events ---------------------------------------------------------------------------------

Minutes = Annotated[int, Field(ge=1, le=7 * 24 * 60)]


def _check_end(starts_at: dt.datetime | None, ends_at: dt.datetime | None) -> None:
    if starts_at is None or ends_at is None:
        return
    if (starts_at.tzinfo is None) != (ends_at.tzinfo is None):
        raise ValueError("give starts_at and ends_at both with or both without an offset")
    if ends_at <= starts_at:
        raise ValueError("ends_at must be after starts_at")


class EventCreate(Schema):
    kind: EventKind = "interview"
    title: Text200 = ""
    starts_at: LocalOrAwareMoment
    duration_minutes: Minutes | None = None
    ends_at: LocalOrAwareMoment | None = Field(
        default=None, description="Instead of duration_minutes"
    )
    location: Annotated[str, Field(max_length=2000)] = Field(
        default="", description="A place or a meeting link"
    )
    outcome: Text200 = ""
    notes: LongText = ""
    contact_ids: IdList = Field(default_factory=list)

    @model_validator(mode="after")
    def _end(self) -> "EventCreate":
        _check_end(self.starts_at, self.ends_at)
        return self


class EventUpdate(Schema):
    kind: EventKind | None = None
    title: Text200 | None = None
    starts_at: LocalOrAwareMoment | None = None
    duration_minutes: Minutes | None = None
    ends_at: LocalOrAwareMoment | None = None
    location: Annotated[str, Field(max_length=2000)] | None = None
    outcome: Text200 | None = None
    notes: LongText | None = None
    contact_ids: IdList | None = None

    @model_validator(mode="after")
    def _end(self) -> "EventUpdate":
        _check_end(self.starts_at, self.ends_at)
        return self


class EventRead(ReadSchema):
    id: int
    application_id: int
    kind: EventKind
    title: str
    starts_at: dt.datetime = Field(description="UTC")
    duration_minutes: int | None
    location: str
    outcome: str
    notes: str
    contact_ids: list[int]


class ApplicationBrief(ReadSchema):
    id: int
    role: str
    stage: Stage
    organization: OrganizationBrief


class EventListItem(EventRead):
    application: ApplicationBrief


# Contacts -------------------------------------------------------------------------------


class ContactCreate(Schema):
    name: ShortText = Field(examples=["Priya (recruiter)"])
    role: Text200 = ""
    organization_id: Id | None = None
    email: Annotated[EmailStr, Field(max_length=320)] | None = None
    profile_url: Url | None = None
    notes: LongText = ""
    last_contacted_on: Day | None = None
    follow_up_on: Day | None = None
    application_ids: IdList = Field(default_factory=list)
    event_ids: IdList = Field(default_factory=list)


class ContactUpdate(Schema):
    name: ShortText | None = None
    role: Text200 | None = None
    organization_id: Id | None = None
    email: Annotated[EmailStr, Field(max_length=320)] | None = None
    profile_url: Url | None = None
    notes: LongText | None = None
    last_contacted_on: Day | None = None
    follow_up_on: Day | None = None
    application_ids: IdList | None = None
    event_ids: IdList | None = None


class ContactRead(ReadSchema):
    id: int
    name: str
    role: str
    organization_id: int | None
    email: str | None
    profile_url: str | None
    notes: str
    last_contacted_on: dt.date | None
    follow_up_on: dt.date | None
    application_ids: list[int]
    event_ids: list[int]


# Follow-ups -----------------------------------------------------------------------------


class FollowUp(ReadSchema):
    kind: Literal["application", "contact"]
    id: int
    title: str = Field(description="Role at organization, or the contact's name")
    organization_name: str | None
    due_on: dt.date
    reason: Literal["follow_up", "no_news"] = Field(
        description="`follow_up`: its follow-up date; `no_news`: applied, nothing new for 7 days"
    )
    overdue_days: int = Field(description="Days past due (0 = due today, negative = upcoming)")


# CSV import -----------------------------------------------------------------------------


class CsvImportRow(ReadSchema):
    line: int = Field(description="Where the row starts in the file (the header is line 1)")
    organization: str
    role: str
    kind: Kind
    stage: Stage
    action: Literal["create", "skip"]
    reason: str | None = Field(default=None, description="Why a row is skipped (a duplicate)")


class CsvImportOrganization(ReadSchema):
    name: str
    type: OrgType
    action: Literal["create", "match"] = Field(
        description="`match`: one of yours already has this name (case-insensitively)"
    )


class CsvImportProblem(ReadSchema):
    line: int
    message: str


class CsvImportResult(ReadSchema):
    dry_run: bool
    created: int = Field(description="Applications created (or, in a preview, to be created)")
    skipped: int = Field(description="Rows already in your applications, or repeated in the file")
    organizations: list[CsvImportOrganization]
    rows: list[CsvImportRow]
    errors: list[CsvImportProblem] = Field(
        description="Rows that cannot be imported; with any, a real import changes nothing"
    )
    ignored_columns: list[str] = Field(description="Columns of the file that are not read")
