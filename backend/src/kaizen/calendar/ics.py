"""The ICS document of a calendar feed, from plain items. Pure: no I/O."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event


@dataclass(frozen=True)
class TimedItem:
    """Something at a moment: an interview, an assessment, a deadline, a call."""

    uid: str
    summary: str
    starts_at: datetime  # aware
    minutes: int
    description: str = ""
    location: str = ""
    alarm_before: timedelta | None = None


@dataclass(frozen=True)
class AllDayItem:
    """Something on a day: a follow-up due, a sprint's start or end."""

    uid: str
    summary: str
    day: date
    description: str = ""


@dataclass(frozen=True)
class DailyReminder:
    uid: str
    summary: str
    at: time  # local time in ``timezone``
    timezone: str
    first_day: date


def build_calendar(
    *,
    name: str,
    timezone: str,
    now: datetime,
    timed: list[TimedItem],
    all_day: list[AllDayItem],
    reminder: DailyReminder | None,
) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Kaizen//Calendar feed//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone)
    for item in timed:
        event = _event(item.uid, item.summary, now, item.description)
        event.add("dtstart", item.starts_at)
        event.add("dtend", item.starts_at + timedelta(minutes=item.minutes))
        if item.location:
            event.add("location", item.location)
        if item.alarm_before is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.summary)
            alarm.add("trigger", -item.alarm_before)
            event.add_component(alarm)
        cal.add_component(event)
    for day_item in all_day:
        event = _event(day_item.uid, day_item.summary, now, day_item.description)
        event.add("dtstart", day_item.day)
        event.add("dtend", day_item.day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    if reminder is not None:
        event = _event(reminder.uid, reminder.summary, now, "Check in on today's action items.")
        start = datetime.combine(reminder.first_day, reminder.at, ZoneInfo(reminder.timezone))
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=15))
        event.add("rrule", {"freq": "daily"})
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", reminder.summary)
        alarm.add("trigger", timedelta(0))
        event.add_component(alarm)
        cal.add_component(event)
        cal.add_missing_timezones()
    ical: bytes = cal.to_ical()
    return ical


def _event(uid: str, summary: str, now: datetime, description: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("summary", summary)
    if description:
        event.add("description", description)
    return event
