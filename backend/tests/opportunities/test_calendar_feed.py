from collections.abc import Callable
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlalchemy import Engine, text

from tests.factories import create_application, create_contact, create_event, make_user
from tests.opportunities.helpers import long_lived_user

API = "/api/v1"


def _feed_path(client: TestClient, headers: dict[str, str]) -> str:
    r = client.post(f"{API}/me/calendar-feed", headers=headers)
    assert r.status_code == 201, r.text
    url = r.json()["url"]
    assert url.startswith("http://testserver/api/v1/calendar/") and url.endswith(".ics")
    return url.removeprefix("http://testserver")


def _events(client: TestClient, path: str) -> dict[str, object]:
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/calendar")
    cal = Calendar.from_ical(r.content)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_feed_is_private_hashed_and_rotates(client: TestClient) -> None:
    user = make_user(client)
    assert client.get(f"{API}/me/calendar-feed", headers=user.headers).json() == {"active": False}
    path = _feed_path(client, user.headers)
    assert client.get(f"{API}/me/calendar-feed", headers=user.headers).json() == {"active": True}
    assert client.get(path).status_code == 200  # no other credentials needed
    secret = path.removeprefix("/api/v1/calendar/").removesuffix(".ics")
    assert client.get(f"{API}/calendar/{secret[:-1]}x.ics").status_code == 404
    new_path = _feed_path(client, user.headers)
    assert new_path != path
    assert client.get(path).status_code == 404  # the old URL stopped working
    assert client.get(new_path).status_code == 200
    assert client.delete(f"{API}/me/calendar-feed", headers=user.headers).status_code == 204
    assert client.get(new_path).status_code == 404
    assert client.get(f"{API}/calendar/short.ics").status_code in (404, 422)


def test_feed_secret_is_stored_hashed(client: TestClient, engine: Engine) -> None:
    user = make_user(client)
    secret = _feed_path(client, user.headers).removeprefix("/api/v1/calendar/")[:-4]
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT secret_hash FROM calendar_feeds")).scalar_one()
    assert secret not in stored and len(stored) == 64


def test_kolkata_interview_follow_ups_sprints_and_reminder(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    user = long_lived_user(client, timezone="Asia/Kolkata")
    set_now("2026-11-30T06:00:00Z")
    app = create_application(client, user, stage="applied", follow_up_on="2026-12-07")
    interview = create_event(
        client,
        user,
        application_id=int(str(app["id"])),
        starts_at="2026-12-03T18:00:00",
        duration_minutes=45,
        title="Onsite loop",
    )
    deadline = create_event(
        client,
        user,
        application_id=int(str(app["id"])),
        starts_at="2026-12-10T23:59:00",
        kind="deadline",
    )
    message = create_event(
        client,
        user,
        application_id=int(str(app["id"])),
        starts_at="2026-12-01T10:00:00",
        kind="message",
    )
    contact = create_contact(client, user, name="Ravi", follow_up_on="2026-12-02")
    sprint = client.post(
        f"{API}/sprints",
        json={"title": "Fortnight 2", "start_date": "2026-12-01", "end_date": "2026-12-14"},
        headers=user.headers,
    )
    assert sprint.status_code == 201, sprint.text
    r = client.patch(f"{API}/me", json={"reminder_time": "21:30"}, headers=user.headers)
    assert r.status_code == 200 and r.json()["reminder_time"] == "21:30:00"
    path = _feed_path(client, user.headers)

    events = _events(client, path)
    iv = events[f"event-{interview['id']}@kaizen"]
    start = iv.decoded("DTSTART")
    assert start.astimezone(ZoneInfo("Asia/Kolkata")) == datetime(
        2026, 12, 3, 18, 0, tzinfo=ZoneInfo("Asia/Kolkata")
    )
    assert (iv.decoded("DTEND") - start).total_seconds() == 45 * 60
    assert "Onsite loop" in str(iv["SUMMARY"])
    assert [str(a["ACTION"]) for a in iv.walk("VALARM")] == ["DISPLAY"]
    dl = events[f"event-{deadline['id']}@kaizen"]
    assert dl.walk("VALARM")[0].decoded("TRIGGER").total_seconds() == -86400
    assert f"event-{message['id']}@kaizen" not in events
    assert events[f"follow-up-application-{app['id']}@kaizen"].decoded("DTSTART") == date(
        2026, 12, 7
    )
    assert events[f"follow-up-contact-{contact['id']}@kaizen"].decoded("DTSTART") == date(
        2026, 12, 2
    )
    sid = sprint.json()["id"]
    assert events[f"sprint-{sid}-start@kaizen"].decoded("DTSTART") == date(2026, 12, 1)
    assert events[f"sprint-{sid}-end@kaizen"].decoded("DTSTART") == date(2026, 12, 14)
    reminder = events[f"daily-check-in-{user.id}@kaizen"]
    rstart = reminder.decoded("DTSTART")
    assert rstart.time() == time(21, 30)
    assert str(reminder["DTSTART"].params["TZID"]) == "Asia/Kolkata"
    assert reminder["RRULE"]["FREQ"] == ["DAILY"]

    # Turning the reminder off removes it; other users' data never shows.
    client.patch(f"{API}/me", json={"reminder_time": None}, headers=user.headers)
    assert f"daily-check-in-{user.id}@kaizen" not in _events(client, path)
    other = make_user(client)
    assert _events(client, _feed_path(client, other.headers)) == {}


def test_reminder_keeps_local_time_across_dst(client: TestClient) -> None:
    """In Los Angeles a 07:00 reminder is 15:00 UTC in winter and 14:00 UTC in summer."""
    user = make_user(client, timezone="America/Los_Angeles")
    client.patch(f"{API}/me", json={"reminder_time": "07:00"}, headers=user.headers)
    app = create_application(client, user)
    winter = create_event(
        client, user, application_id=int(str(app["id"])), starts_at="2027-03-13T09:00:00"
    )
    summer = create_event(
        client, user, application_id=int(str(app["id"])), starts_at="2027-03-15T09:00:00"
    )
    body = client.get(_feed_path(client, user.headers)).content
    cal = Calendar.from_ical(body)
    assert any(tz["TZID"] == "America/Los_Angeles" for tz in cal.walk("VTIMEZONE"))
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert events[f"event-{winter['id']}@kaizen"].decoded("DTSTART").hour == 17  # PST, UTC-8
    assert events[f"event-{summer['id']}@kaizen"].decoded("DTSTART").hour == 16  # PDT, UTC-7
    reminder = events[f"daily-check-in-{user.id}@kaizen"]
    start = reminder.decoded("DTSTART")
    # Expand the daily rule across the March switch: always 07:00 local.
    rule = rrulestr(reminder["RRULE"].to_ical().decode(), dtstart=start)
    days = rule.between(
        datetime(2027, 3, 12, tzinfo=ZoneInfo("UTC")), datetime(2027, 3, 16, tzinfo=ZoneInfo("UTC"))
    )
    local = [d.astimezone(ZoneInfo("America/Los_Angeles")) for d in days]
    assert [d.hour for d in local] == [7, 7, 7, 7]
    assert [d.astimezone(ZoneInfo("UTC")).hour for d in days] == [15, 15, 14, 14]


def test_reminder_time_validation(client: TestClient) -> None:
    user = make_user(client)
    for bad in ["25:00", "21:00+05:30", "soon"]:
        r = client.patch(f"{API}/me", json={"reminder_time": bad}, headers=user.headers)
        assert r.status_code == 422, bad
    assert client.get(f"{API}/me", headers=user.headers).json()["reminder_time"] is None
