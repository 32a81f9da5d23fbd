import datetime as dt
from typing import Annotated, Literal

from pydantic import AnyHttpUrl, Field, StringConstraints

from kaizen.schemas import Day, Id, LongText, ReadSchema, Schema, ShortText, ShownName

EntryKind = Literal["blog_post", "implementation", "open_source", "project", "talk", "other"]
EntryStatus = Literal["idea", "drafting", "published"]
Url = Annotated[
    AnyHttpUrl, Field(max_length=2000, examples=["https://example.com/torch-internals"])
]


class EntryCreate(Schema):
    title: ShortText = Field(examples=["How PyTorch's autograd works"])
    kind: EntryKind = "blog_post"
    status: EntryStatus = "idea"
    url: Url | None = None
    published_on: Day | None = Field(
        default=None, description="Default: today, when created or moved to published"
    )
    goal_id: Id | None = None
    notes: LongText = ""


class EntryUpdate(Schema):
    title: ShortText | None = None
    kind: EntryKind | None = None
    status: EntryStatus | None = None
    url: Url | None = None
    published_on: Day | None = None
    goal_id: Id | None = None
    notes: LongText | None = None


class EntryRead(ReadSchema):
    id: int
    title: str
    kind: EntryKind
    status: EntryStatus
    url: str | None
    published_on: dt.date | None
    goal_id: int | None
    notes: str
    created_at: dt.datetime


class MonthCount(ReadSchema):
    month: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")] = Field(examples=["2024-11"])
    count: int


class EntryStats(ReadSchema):
    published_per_month: list[MonthCount] = Field(description="Last 12 months, oldest first")
    by_kind: dict[str, int] = Field(description="Published entries per kind")
    by_status: dict[str, int]


class PublicEntry(ReadSchema):
    title: str
    kind: EntryKind
    url: str | None
    published_on: dt.date | None


class PublicProfile(ReadSchema):
    display_name: ShownName
    handle: str
    entries: list[PublicEntry]
