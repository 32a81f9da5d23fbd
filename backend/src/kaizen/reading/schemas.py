import datetime as dt
from typing import Annotated, Literal

from pydantic import AnyHttpUrl, Field, StringConstraints

from kaizen.schemas import Day, Id, LongText, ReadSchema, Schema

Kind = Literal["paper", "book", "article", "course", "video", "chapter"]
Status = Literal["queued", "reading", "done", "dropped"]
Unit = Literal["pages", "sections", "minutes", "percent"]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
UNITS: tuple[str, ...] = Unit.__args__  # type: ignore[attr-defined]

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Author = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=r"^[^\n]*$")
]
Tag = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, min_length=1, max_length=40, pattern=r"^[^|\n]+$"
    ),
]
Year = Annotated[int, Field(ge=0, le=2100)]
Venue = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
Url = Annotated[AnyHttpUrl, Field(max_length=2000, examples=["https://arxiv.org/abs/1706.03762"])]
ArxivId = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        max_length=40,
        pattern=r"^(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$",
    ),
    Field(examples=["1706.03762"]),
]
Doi = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=200, pattern=r"^10\.\d{4,9}/\S+$"),
    Field(examples=["10.48550/arXiv.1706.03762"]),
]
Isbn = Annotated[
    str,
    StringConstraints(strip_whitespace=True, max_length=17, pattern=r"^[0-9Xx\-]{10,17}$"),
    Field(examples=["9780262035613"]),
]
Amount = Annotated[float, Field(ge=0, le=100_000)]
Rating = Annotated[int, Field(ge=1, le=5)]


class ItemFields(Schema):
    kind: Kind = "paper"
    authors: list[Author] = Field(default_factory=list, max_length=100)
    year: Year | None = None
    venue: Venue | None = None
    url: Url | None = None
    arxiv_id: ArxivId | None = None
    doi: Doi | None = None
    isbn: Isbn | None = None
    tags: list[Tag] = Field(default_factory=list, max_length=30)
    progress_total: Annotated[float, Field(gt=0, le=100_000)] | None = None
    progress_unit: Unit = "pages"
    rating: Rating | None = None
    notes: LongText = ""
    goal_id: Id | None = None
    writeup_id: Id | None = Field(default=None, description="Portfolio entry: the write-up")
    implementation_id: Id | None = Field(
        default=None, description="Portfolio entry: the implementation"
    )


class ReadingItemCreate(ItemFields):
    title: Title = Field(examples=["Attention Is All You Need"])
    status: Status = "queued"


class ReadingItemUpdate(Schema):
    title: Title | None = None
    kind: Kind | None = None
    authors: list[Author] | None = Field(default=None, max_length=100)
    year: Year | None = None
    venue: Venue | None = None
    url: Url | None = None
    arxiv_id: ArxivId | None = None
    doi: Doi | None = None
    isbn: Isbn | None = None
    tags: list[Tag] | None = Field(default=None, max_length=30)
    status: Status | None = Field(
        default=None,
        description="Appends to the status history; done → reading starts a new read-through",
    )
    progress_current: Amount | None = None
    progress_total: Annotated[float, Field(gt=0, le=100_000)] | None = None
    progress_unit: Unit | None = None
    rating: Rating | None = None
    notes: LongText | None = None
    goal_id: Id | None = None
    writeup_id: Id | None = None
    implementation_id: Id | None = None


class Metadata(ReadSchema):
    """What identifies a work: a reading item's and a lookup's common fields."""

    kind: Kind
    title: str
    authors: list[str]
    year: int | None
    venue: str | None
    url: str | None
    arxiv_id: str | None
    doi: str | None
    isbn: str | None


class ReadingItemRead(Metadata):
    id: int
    tags: list[str]
    citation_key: str
    status: Status
    read_through: int = Field(description="1 for the first reading; a re-read is 2, …")
    started_on: dt.date | None
    finished_on: dt.date | None
    position: int
    progress_current: float
    progress_total: float | None
    progress_unit: Unit
    rating: int | None
    notes: str
    goal_id: int | None
    writeup_id: int | None
    implementation_id: int | None
    created_at: dt.datetime


class StatusChangeRead(ReadSchema):
    status: Status
    date: dt.date = Field(validation_alias="day")
    read_through: int


class ProgressLogRead(ReadSchema):
    id: int
    date: dt.date = Field(validation_alias="day")
    amount: float
    unit: Unit
    read_through: int
    habit_id: int | None = Field(description="The action item this amount was added to")


class ReadingItemDetail(ReadingItemRead):
    status_history: list[StatusChangeRead] = Field(description="Oldest first")
    progress_log: list[ProgressLogRead] = Field(description="Newest first, at most 200")


class ReorderIn(Schema):
    reading_item_ids: list[Id] = Field(
        min_length=1, max_length=5000, description="Reading item ids in their new order"
    )


class ProgressIn(Schema):
    amount: Annotated[float, Field(gt=0, le=100_000)] = Field(
        examples=[20], description="In the item's unit (pages, sections, minutes or percent)"
    )
    date: Day | None = Field(default=None, description="Default: today in your timezone")


class HabitFeed(ReadSchema):
    habit_id: int
    date: dt.date
    value: float = Field(description="The action item's value for the day after adding")


class ProgressResult(ReadSchema):
    item: ReadingItemRead
    log: ProgressLogRead
    habit: HabitFeed | None = Field(
        description="Set when the amount was added to your reading action item's check-in"
    )
    replayed: bool = Field(description="True when the Idempotency-Key was seen before")


class SettingsIn(Schema):
    habit_id: Id | None = Field(
        description="A numeric action item (e.g. 'Read 20 pages') that logged reading adds to"
    )
    unit: Unit = Field(default="pages", description="Only progress logged in this unit counts")


class SettingsRead(ReadSchema):
    habit_id: int | None
    unit: Unit


class PortfolioDraftIn(Schema):
    kind: Literal["blog_post", "implementation"] = "blog_post"


class LookupIn(Schema):
    identifier: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)
    ] = Field(examples=["https://arxiv.org/abs/1706.03762", "10.1145/3292500.3330701"])


class LookupResult(Metadata):
    source: Literal["arxiv", "crossref", "openlibrary"]
    progress_total: float | None = None


class EntryProblem(ReadSchema):
    line: int
    message: str


class ImportPreview(ReadSchema):
    title: str
    kind: Kind
    authors: list[str]
    year: int | None
    citation_key: str


class ImportResult(ReadSchema):
    created: int
    skipped: int
    errors: list[EntryProblem]
    dry_run: bool
    items: list[ImportPreview] = Field(description="What was (or, with dry_run, would be) created")


class MonthKindCount(ReadSchema):
    month: str = Field(examples=["2026-11"])
    kind: Kind
    count: int


class WeekAmount(ReadSchema):
    week_start: dt.date
    pages: float


class ReadingStats(ReadSchema):
    months: list[str] = Field(description="The 12 months counted, oldest first (YYYY-MM)")
    finished_per_month: list[MonthKindCount] = Field(
        description="Months of those with something finished, by kind, oldest first"
    )
    pages_per_week: list[WeekAmount] = Field(description="Last 12 weeks (Monday starts)")
    median_days_to_finish: float | None
    current_streak: int = Field(description="Consecutive days with logged progress up to today")
    by_status: dict[str, int]
