import datetime as dt

from pydantic import Field

from kaizen.goals.schemas import Area
from kaizen.habits.schemas import TodayHabit
from kaizen.opportunities.schemas import EventListItem, FollowUp
from kaizen.portfolio.schemas import EntryRead
from kaizen.reading.schemas import ReadingItemRead
from kaizen.schemas import ReadSchema
from kaizen.sprints.schemas import Scoreboard


class HomeSprint(ReadSchema):
    id: int
    title: str
    board: Scoreboard = Field(description="The sprint's scoreboard, as on the sprint page")
    days_needed: int = Field(description="Check-in days still needed, summed over its items")
    reachable: bool = Field(description="Every item can still reach the target")


class IdleGoal(ReadSchema):
    id: int
    title: str
    area: Area


class HomeRead(ReadSchema):
    date: dt.date = Field(description="Today in your timezone")
    timezone: str
    habits: list[TodayHabit] = Field(description="Today's action items, as on /today")
    sprint: HomeSprint | None = Field(description="The sprint running today, if any")
    reading: list[ReadingItemRead] = Field(description="Top of the queue (reading, then queued)")
    events: list[EventListItem] = Field(description="Events from today through 6 days ahead")
    follow_ups: list[FollowUp] = Field(description="Follow-ups due today or overdue")
    active_goals: int = Field(
        description="How many goals are active (0: none set up yet); idle_goals are among them"
    )
    idle_goals: list[IdleGoal] = Field(
        description="Active goals with no linked activity in the last 14 days"
    )
    published: list[EntryRead] = Field(description="Portfolio entries published this month")
