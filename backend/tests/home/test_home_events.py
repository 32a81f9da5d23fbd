"""Home's events card is read by its own statement (``home.activity.events_between``: the
events with their application, organization and contact links in one query); it must give
exactly what ``GET /events`` gives for the same seven days."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.factories import create_application, create_contact, create_event, make_user


def test_home_events_are_the_event_list_for_the_next_seven_days(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-30T06:00:00Z")
    user = make_user(client, timezone="Asia/Kolkata")
    contacts = [create_contact(client, user, name=f"Contact {i}")["id"] for i in range(4)]
    application = create_application(client, user)["id"]
    for day, linked in (
        ("2026-11-30T18:00:00", [contacts[3], contacts[0], contacts[2]]),
        ("2026-12-01T09:30:00", []),
        ("2026-12-02T10:00:00", [contacts[1]]),
        ("2026-12-06T23:30:00", [contacts[2], contacts[1]]),
        ("2026-12-07T00:30:00", [contacts[0]]),  # the eighth day: not on Home
        ("2026-11-29T12:00:00", [contacts[0]]),  # yesterday
    ):
        create_event(client, user, application_id=application, starts_at=day, contact_ids=linked)
    home = client.get("/api/v1/home", headers=user.headers)
    listed = client.get(
        "/api/v1/events", params={"from": "2026-11-30", "to": "2026-12-06"}, headers=user.headers
    )
    assert home.status_code == 200 and listed.status_code == 200
    events = home.json()["events"]
    assert events == listed.json()["items"]
    assert [e["contact_ids"] for e in events] == [
        sorted([contacts[3], contacts[0], contacts[2]]),
        [],
        [contacts[1]],
        sorted([contacts[2], contacts[1]]),
    ]
