from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kaizen.schemas import Schema


class LoopTally(BaseModel):
    habits: int = 0
    check_ins: int = 0


class LoopIgnored(BaseModel):
    auto: int = Field(default=0, description="YES_AUTO days (Loop's own fill-ins): not check-ins")
    unknown: int = Field(default=0, description="UNKNOWN days: nothing was recorded")
    out_of_range: int = Field(default=0, description="Days in the future or before 2000")


class Conversion(BaseModel):
    """A Loop frequency with no exact Kaizen schedule, and the nearest one chosen."""

    model_config = ConfigDict(populate_by_name=True)

    habit: str
    from_: str = Field(alias="from", serialization_alias="from", examples=["1 time in 2 days"])
    to: str = Field(examples=["4 times a week"])


class LoopHabitResult(BaseModel):
    name: str
    action: Literal["created", "updated"]
    check_ins: int


class LoopImportResult(BaseModel):
    dry_run: bool = False
    created: LoopTally = Field(default_factory=LoopTally)
    updated: LoopTally = Field(default_factory=LoopTally)
    converted: list[Conversion] = Field(default_factory=list)
    ignored: LoopIgnored = Field(default_factory=LoopIgnored)
    habits: list[LoopHabitResult] = Field(default_factory=list)


class DeleteAccountIn(Schema):
    password: str = Field(min_length=1, max_length=256)


class KaizenImportResult(BaseModel):
    dry_run: bool = False
    created: dict[str, int] = Field(
        default_factory=dict, examples=[{"habits": 3, "check_ins": 420}]
    )
    updated: dict[str, int] = Field(default_factory=dict)
