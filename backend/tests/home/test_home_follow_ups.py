"""Home's follow-ups are read by their own statement (``opportunities.follow_ups.due``: the
follow-ups service's three reads as one ``UNION ALL``, plain values); they must be exactly
what ``GET /follow-ups`` gives, in its order, and Home's body byte-equal to ``HomeRead``."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from kaizen.home.schemas import HomeRead
from tests.factories import (
    create_application,
    create_contact,
    create_event,
    create_organization,
    make_user,
)


def test_home_follow_ups_are_the_follow_up_list(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    user = make_user(client, timezone="America/Los_Angeles")
    org = int(create_organization(client, user, name="Anthropic")["id"])
    set_now("2026-11-01T10:00:00Z")
    quiet = create_application(client, user, organization_id=org, role="Quiet", stage="applied")
    booked = create_application(client, user, organization_id=org, role="Booked", stage="applied")
    called = create_application(client, user, organization_id=org, role="Called", stage="applied")
    # Closed stages never come up, whatever their date.
    for stage in ("rejected", "withdrawn", "ghosted", "accepted"):
        create_application(client, user, role=stage, stage=stage, follow_up_on="2026-11-05")
    set_now("2026-11-02T10:00:00Z")
    create_event(client, user, application_id=int(booked["id"]), starts_at="2026-11-20T10:00:00")
    set_now("2026-11-04T10:00:00Z")
    create_event(client, user, application_id=int(called["id"]), starts_at="2026-11-04T09:00:00")
    dated = [
        create_application(client, user, organization_id=org, role=f"Dated {day}", **fields)
        for day, fields in (
            (9, {"follow_up_on": "2026-11-09"}),
            (12, {"follow_up_on": "2026-11-12", "stage": "interviewing"}),
            (13, {"follow_up_on": "2026-11-13"}),  # tomorrow: not yet
        )
    ]
    contacts = [
        create_contact(client, user, name="Ravi", follow_up_on="2026-11-07"),
        create_contact(client, user, name="Mei", organization_id=org, follow_up_on="2026-11-12"),
        create_contact(client, user, name="Later", follow_up_on="2026-12-01"),
        create_contact(client, user, name="No date"),
    ]
    set_now("2026-11-12T18:00:00Z")
    home = client.get("/api/v1/home", headers=user.headers)
    listed = client.get("/api/v1/follow-ups", headers=user.headers)
    assert home.status_code == 200 and listed.status_code == 200
    items = home.json()["follow_ups"]
    assert items == listed.json()["items"]
    assert [(i["kind"], i["id"], i["reason"]) for i in items] == [
        ("contact", contacts[0]["id"], "follow_up"),
        ("application", quiet["id"], "no_news"),  # applied on the 1st: due the 8th
        ("application", dated[0]["id"], "follow_up"),
        ("application", called["id"], "no_news"),  # a call logged on the 4th: due the 11th
        ("application", dated[1]["id"], "follow_up"),
        ("contact", contacts[1]["id"], "follow_up"),
    ]
    assert items[0]["organization_name"] is None and items[-1]["organization_name"] == "Anthropic"
    assert home.content == HomeRead.model_validate_json(home.content).model_dump_json().encode()
    # No follow-ups: an empty list, as the endpoint's.
    other = make_user(client)
    assert client.get("/api/v1/home", headers=other.headers).json()["follow_ups"] == []
