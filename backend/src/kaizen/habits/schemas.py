import datetime as dt
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, StringConstraints, model_validator

from kaizen.habits.scoring import CellState, Status, StreakUnit
from kaizen.schemas import Day, Id, LongText, ReadSchema, Schema, ShortText

HabitKind = Literal["boolean", "numeric"]
TargetType = Literal["at_least", "at_most"]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]
Weekday = Annotated[int, Field(ge=1, le=7)]
Unit = Annotated[str, StringConstraints(strip_whitespace=True, max_length=32)]
Note = Annotated[str, StringConstraints(max_length=1000)]
Value = Annotated[float, Field(ge=-1e12, le=1e12, allow_inf_nan=False)]

SCHEDULE_DOC = """When the habit is due.

* `{"type": "daily"}` — every day.
* `{"type": "weekdays", "days": [1, 3, 5]}` — on ISO weekdays (1 = Monday … 7 = Sunday).
* `{"type": "times_per_week", "times": 3}` — N times per ISO week (Monday to Sunday). Each week's
  target is N, shrunk when skips, the start date or the window's edge leave fewer days; extra
  completions earn nothing, and a week in progress counts a miss only once it can no longer be
  made up. Streaks for this schedule count weeks that met their target.
"""


class DailySchedule(Schema):
    type: Literal["daily"] = "daily"


class WeekdaysSchedule(Schema):
    type: Literal["weekdays"]
    days: list[Weekday] = Field(min_length=1, max_length=7, examples=[[1, 3, 5]])

    @model_validator(mode="after")
    def _unique_sorted(self) -> "WeekdaysSchedule":
        self.days = sorted(set(self.days))
        return self


class TimesPerWeekSchedule(Schema):
    type: Literal["times_per_week"]
    times: int = Field(ge=1, le=7, examples=[3])


ScheduleIn = Annotated[
    DailySchedule | WeekdaysSchedule | TimesPerWeekSchedule,
    Field(discriminator="type", description=SCHEDULE_DOC),
]


class HabitFields(Schema):
    description: LongText | None = None
    kind: HabitKind | None = None
    target_value: Value | None = None
    unit: Unit | None = None
    target_type: TargetType | None = None
    schedule: ScheduleIn | None = None
    start_date: Day | None = Field(
        default=None, description="First day that counts; default today in your timezone"
    )
    goal_id: Id | None = Field(default=None, description="Goal it serves")
    color: Color | None = Field(default=None, examples=["#2f855a"])
    archived: bool | None = None


class HabitCreate(HabitFields):
    name: ShortText = Field(examples=["Gym"])
    position: int | None = Field(default=None, ge=0, le=100_000)


class HabitUpdate(HabitFields):
    name: ShortText | None = None
    position: int | None = Field(default=None, ge=0, le=100_000)


class HabitRead(ReadSchema):
    id: int
    name: str
    description: str
    kind: HabitKind
    target_value: float | None
    unit: str | None
    target_type: TargetType | None
    schedule: DailySchedule | WeekdaysSchedule | TimesPerWeekSchedule
    start_date: dt.date
    goal_id: int | None
    color: str | None
    position: int
    archived: bool


class ReorderIn(Schema):
    habit_ids: list[Id] = Field(
        min_length=1, max_length=1000, description="Habit ids in their new order"
    )


class CheckInPut(Schema):
    status: Status | None = Field(
        default=None,
        description="done, skipped or missed; for numeric habits omit it and send a value",
    )
    value: Value | None = Field(default=None, description="Numeric habits: today's amount")
    note: Note = ""


class CheckInRead(ReadSchema):
    habit_id: int
    # The column is ``CheckIn.day`` (``date`` would shadow the type in the model).
    date: dt.date = Field(validation_alias=AliasChoices("date", "day"))
    status: Status
    value: float | None
    note: str


class DayState(ReadSchema):
    date: dt.date
    status: Status | None
    value: float | None = None
    note: str = ""
    scheduled: bool = Field(
        description="Due that day (false before the start date or on an unscheduled weekday)"
    )


class TodayHabit(ReadSchema):
    habit: HabitRead
    today: CheckInRead | None
    last_7_days: list[DayState] = Field(description="Oldest first, ending today")
    current_streak: int
    streak_unit: StreakUnit
    rate_14d: float | None = Field(description="done ÷ eligible over the last 14 days")


class TodayRead(ReadSchema):
    date: dt.date = Field(description="Today in your timezone")
    timezone: str
    habits: list[TodayHabit]


class HeatmapCell(ReadSchema):
    date: dt.date
    state: CellState
    status: Status | None


class PeriodCount(ReadSchema):
    start: dt.date
    end: dt.date
    done: int
    eligible: int
    rate: float | None


class StrengthPoint(ReadSchema):
    date: dt.date
    value: float


class NoteRead(ReadSchema):
    date: dt.date
    note: str


class HabitStatsRead(ReadSchema):
    habit_id: int
    from_date: dt.date = Field(serialization_alias="from")
    to_date: dt.date = Field(serialization_alias="to")
    done: int
    eligible: int
    skipped: int
    rate: float | None = Field(description="done ÷ eligible; null when nothing is eligible yet")
    current_streak: int
    best_streak: int
    streak_unit: StreakUnit
    strength: float = Field(
        description="Loop Habit Tracker's strength: an exponential average, not the rate"
    )
    strength_series: list[StrengthPoint] = Field(description="Daily strength over the window")
    weeks: list[PeriodCount]
    months: list[PeriodCount]
    history: list[HeatmapCell] = Field(description="365 days ending `to`, for the heatmap")
    recent_notes: list[NoteRead]
