"""The one place that reads the wall clock, so tests can move "now" across midnights."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def utc_now() -> datetime:
    return datetime.now(UTC)


def local_today(timezone: str) -> date:
    """Today's date in the user's IANA timezone: all "today" maths happens there."""
    return utc_now().astimezone(ZoneInfo(timezone)).date()
