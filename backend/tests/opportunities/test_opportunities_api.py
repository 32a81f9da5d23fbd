import csv
import io
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient

from tests.factories import (
    create_application,
    create_contact,
    create_event,
    create_organization,
    make_user,
)
from tests.opportunities.helpers import long_lived_user

API = "/api/v1"


def _goal(client: TestClient, user, title: str, current: float, target: float = 10) -> int:  # type: ignore[no-untyped-def]
    goal = client.post(f"{API}/goals", json={"title": title}, headers=user.headers).json()
    r = client.post(
        f"{API}/goals/{goal['id']}/key-results",
        json={"title": title, "start_value": 0, "current_value": current, "target_value": target},
        headers=user.headers,
    )
    assert r.status_code == 201, r.text
    return int(goal["id"])


def test_organization_needs_only_a_name_and_shows_readiness(client: TestClient) -> None:
    user = make_user(client)
    dsa = _goal(client, user, "DSA", 4)
    fundamentals = _goal(client, user, "Fundamentals", 7)
    r = client.post(f"{API}/organizations", json={"name": "Google"}, headers=user.headers)
    assert r.status_code == 201
    assert r.json()["type"] == "other" and r.json()["readiness"] == []
    org = create_organization(
        client,
        user,
        name="Microsoft",
        type="big_tech",
        interest="interesting",
        rating_growth=4,
        goal_ids=[dsa, fundamentals],
    )
    assert [(g["title"], g["progress"]) for g in org["readiness"]] == [
        ("DSA", 0.4),
        ("Fundamentals", 0.7),
    ]
    app = create_application(client, user, organization_id=int(str(org["id"])), goal_ids=[dsa])
    detail = client.get(f"{API}/applications/{app['id']}", headers=user.headers).json()
    assert detail["readiness"] == [{"id": dsa, "title": "DSA", "progress": 0.4}]
    got = client.get(f"{API}/organizations/{org['id']}", headers=user.headers).json()
    assert got["application_count"] == 1
    # The list shows each organization's readiness too.
    listed = client.get(f"{API}/organizations", headers=user.headers).json()["items"]
    assert [(o["name"], [g["progress"] for g in o["readiness"]]) for o in listed] == [
        ("Google", []),
        ("Microsoft", [0.4, 0.7]),
    ]
    r = client.patch(
        f"{API}/organizations/{org['id']}",
        json={"goal_ids": [fundamentals], "interest": None},
        headers=user.headers,
    )
    assert r.status_code == 200
    assert r.json()["goal_ids"] == [fundamentals] and r.json()["interest"] is None
    listed = client.get(f"{API}/organizations?type=big_tech", headers=user.headers).json()
    assert [o["name"] for o in listed["items"]] == ["Microsoft"]


def test_history_is_append_only_and_survives_edits(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    user = long_lived_user(client)
    set_now("2026-11-01T09:00:00Z")
    app = create_application(client, user)
    assert app["stage"] == "wishlist" and app["applied_on"] is None
    url = f"{API}/applications/{app['id']}"
    set_now("2026-11-02T09:00:00Z")
    r = client.patch(
        url, json={"stage": "applied", "stage_note": "via referral"}, headers=user.headers
    )
    assert r.json()["applied_on"] == "2026-11-02"
    set_now("2026-11-05T09:00:00Z")
    client.patch(url, json={"stage": "interviewing"}, headers=user.headers)
    set_now("2026-11-06T09:00:00Z")
    client.patch(url, json={"stage": "screening"}, headers=user.headers)  # moving back is fine
    client.patch(
        url, json={"stage": "screening", "notes": "same stage: no new row"}, headers=user.headers
    )
    client.patch(url, json={"role": "Senior ML Engineer", "notes": "edited"}, headers=user.headers)
    history = client.get(f"{url}/history", headers=user.headers).json()["items"]
    assert [(h["from_stage"], h["to_stage"]) for h in history] == [
        (None, "wishlist"),
        ("wishlist", "applied"),
        ("applied", "interviewing"),
        ("interviewing", "screening"),
    ]
    assert history[1]["note"] == "via referral"
    assert history[3]["at"].startswith("2026-11-06T09:00:00")
    got = client.get(url, headers=user.headers).json()
    assert got["role"] == "Senior ML Engineer"
    assert got["stage_changed_at"].startswith("2026-11-06T09:00:00")
    # The history has no write routes at all.
    assert client.delete(f"{url}/history", headers=user.headers).status_code == 405
    assert client.patch(f"{url}/history", json={}, headers=user.headers).status_code == 405


def test_search_and_duplicate_warning(client: TestClient) -> None:
    user = make_user(client)
    org = create_organization(client, user, name="Sarvam AI", type="ai_product")
    first = create_application(
        client, user, organization_id=int(str(org["id"])), role="ML Engineer"
    )
    assert first["warnings"] == []
    create_application(
        client,
        user,
        role="Data Analyst",
        organization_id=int(str(create_organization(client, user, name="EY")["id"])),
    )
    again = create_application(
        client, user, organization_id=int(str(org["id"])), role="ml engineer"
    )
    assert again["warnings"] == [
        "You already have an application for ml engineer at Sarvam AI (wishlist)"
    ]
    third = create_application(
        client, user, organization_id=int(str(org["id"])), role="ML Engineer", stage="applied"
    )
    assert third["warnings"] == [
        "You already have 2 applications for ML Engineer at Sarvam AI (wishlist, wishlist)"
    ]
    for q, expected in [("SARVAM", 3), ("engineer", 3), ("analyst", 1), ("100%", 0), ("_", 0)]:
        r = client.get(f"{API}/applications", params={"q": q}, headers=user.headers)
        assert r.json()["total"] == expected, q
    other = make_user(client)
    assert client.get(f"{API}/applications?q=sarvam", headers=other.headers).json()["total"] == 0


def test_a_kolkata_evening_interview_stays_at_1800(client: TestClient) -> None:
    user = make_user(client, timezone="Asia/Kolkata")
    app = create_application(client, user)
    event = create_event(
        client,
        user,
        application_id=int(str(app["id"])),
        starts_at="2026-12-03T18:00:00",
        duration_minutes=45,
    )
    starts = datetime.fromisoformat(event["starts_at"])
    assert starts.utcoffset() is not None
    assert starts.astimezone(ZoneInfo("Asia/Kolkata")).strftime("%Y-%m-%d %H:%M") == (
        "2026-12-03 18:00"
    )
    assert event["starts_at"].startswith("2026-12-03T12:30:00")
    # The day's events in the user's timezone.
    r = client.get(f"{API}/events?from=2026-12-03&to=2026-12-03", headers=user.headers)
    assert [e["id"] for e in r.json()["items"]] == [event["id"]]
    assert r.json()["items"][0]["application"]["organization"]["name"] == "Sarvam AI"
    assert (
        client.get(f"{API}/events?from=2026-12-04&to=2026-12-05", headers=user.headers).json()[
            "total"
        ]
        == 0
    )
    # With an explicit offset the offset wins; ends_at sets the duration.
    r = client.post(
        f"{API}/applications/{app['id']}/events",
        json={"starts_at": "2026-12-04T09:00:00-08:00", "ends_at": "2026-12-04T10:30:00-08:00"},
        headers=user.headers,
    )
    assert r.status_code == 201
    assert r.json()["starts_at"].startswith("2026-12-04T17:00:00")
    assert r.json()["duration_minutes"] == 90


def test_bad_input_is_4xx_and_changes_nothing(client: TestClient) -> None:
    user = make_user(client)
    app = create_application(client, user, stage="applied")
    url = f"{API}/applications/{app['id']}"
    before = client.get(url, headers=user.headers).json()
    bad_patches = [
        {"stage": "hired"},
        {"stage": None},
        {"notes": "x" * (10 * 1024 * 1024)},
        {"role": "r" * 201},
        {"role": ""},
        {"kind": "gig"},
        {"follow_up_on": "9999-01-01"},
        {"organization_id": 2**40},
        {"goal_ids": [1] * 51},
        {"url": "javascript:alert(1)"},
        {"unknown": 1},
    ]
    for body in bad_patches:
        r = client.patch(url, json=body, headers=user.headers)
        assert r.status_code in (413, 422), (body, r.status_code)
    assert client.get(url, headers=user.headers).json() == before
    assert len(client.get(f"{url}/history", headers=user.headers).json()["items"]) == 1
    events = f"{url}/events"
    for body in [
        {"starts_at": "2026-12-03T18:00:00", "ends_at": "2026-12-03T17:00:00"},
        {"starts_at": "2026-12-03T18:00:00Z", "ends_at": "2026-12-03T17:00:00"},
        {"starts_at": "9999-12-31T23:00:00"},
        {"starts_at": "2026-12-03T18:00:00", "kind": "party"},
        {"starts_at": "2026-12-03T18:00:00", "duration_minutes": 0},
        {"starts_at": "2026-12-03T18:00:00", "title": "t" * 201},
    ]:
        r = client.post(events, json=body, headers=user.headers)
        assert r.status_code == 422, (body, r.text)
    assert client.get(events, headers=user.headers).json()["total"] == 0
    assert (
        client.get(f"{API}/events?from=2026-12-05&to=2026-12-01", headers=user.headers).status_code
        == 422
    )
    assert (
        client.get(f"{API}/events?from=2026-01-01&to=2027-12-31", headers=user.headers).status_code
        == 422
    )
    assert client.get(f"{API}/applications?q=" + "q" * 201, headers=user.headers).status_code == 422
    r = client.post(
        f"{API}/organizations", json={"name": "x", "rating_pay": 6}, headers=user.headers
    )
    assert r.status_code == 422
    # 10 MB of notes anywhere is refused, and nothing is created or changed.
    huge = "x" * (10 * 1024 * 1024)
    for method, path, body in [
        ("post", "organizations", {"name": "Huge", "notes": huge}),
        ("patch", f"organizations/{app['organization_id']}", {"notes": huge}),
        ("post", "contacts", {"name": "Huge", "notes": huge}),
        (
            "post",
            "applications",
            {"organization_id": app["organization_id"], "role": "x", "notes": huge},
        ),
        (
            "post",
            f"applications/{app['id']}/events",
            {"starts_at": "2026-12-03T18:00:00", "notes": huge},
        ),
    ]:
        r = client.request(method, f"{API}/{path}", json=body, headers=user.headers)
        assert r.status_code in (413, 422), (path, r.status_code)
    assert client.get(f"{API}/organizations", headers=user.headers).json()["total"] == 1
    assert client.get(f"{API}/contacts", headers=user.headers).json()["total"] == 0
    assert client.get(f"{API}/applications", headers=user.headers).json()["total"] == 1
    assert client.get(events, headers=user.headers).json()["total"] == 0
    org = client.get(f"{API}/organizations/{app['organization_id']}", headers=user.headers)
    assert org.json()["notes"] == ""


def test_other_users_ids_are_404(client: TestClient) -> None:
    alice = make_user(client)
    bob = make_user(client)
    a_org = create_organization(client, alice)
    a_app = create_application(client, alice, organization_id=int(str(a_org["id"])))
    a_event = create_event(client, alice, application_id=int(str(a_app["id"])))
    a_contact = create_contact(client, alice)
    a_goal = _goal(client, alice, "DSA", 1)
    b_org = create_organization(client, bob, name="Bob's")
    b_app = create_application(client, bob, organization_id=int(str(b_org["id"])))

    for path in [
        f"organizations/{a_org['id']}",
        f"applications/{a_app['id']}",
        f"applications/{a_app['id']}/history",
        f"applications/{a_app['id']}/events",
        f"contacts/{a_contact['id']}",
    ]:
        assert client.get(f"{API}/{path}", headers=bob.headers).status_code == 404, path
    assert (
        client.patch(
            f"{API}/applications/{a_app['id']}", json={"stage": "offer"}, headers=bob.headers
        ).status_code
        == 404
    )
    # Alice's event under Bob's application is not found either.
    assert (
        client.patch(
            f"{API}/applications/{b_app['id']}/events/{a_event['id']}",
            json={"title": "x"},
            headers=bob.headers,
        ).status_code
        == 404
    )
    assert (
        client.delete(
            f"{API}/applications/{a_app['id']}/events/{a_event['id']}", headers=bob.headers
        ).status_code
        == 404
    )
    bodies = [
        ("post", "applications", {"organization_id": a_org["id"], "role": "x"}),
        (
            "post",
            "applications",
            {"organization_id": b_org["id"], "role": "x", "goal_ids": [a_goal]},
        ),
        ("patch", f"applications/{b_app['id']}", {"organization_id": a_org["id"]}),
        ("post", "organizations", {"name": "x", "goal_ids": [a_goal]}),
        ("post", "contacts", {"name": "x", "organization_id": a_org["id"]}),
        ("post", "contacts", {"name": "x", "application_ids": [a_app["id"]]}),
        ("post", "contacts", {"name": "x", "event_ids": [a_event["id"]]}),
        (
            "post",
            f"applications/{b_app['id']}/events",
            {"starts_at": "2026-12-03T10:00:00Z", "contact_ids": [a_contact["id"]]},
        ),
    ]
    b_event = create_event(client, bob, application_id=int(str(b_app["id"])))
    b_contact = create_contact(client, bob, name="Bob's contact")
    bodies += [
        ("patch", f"organizations/{b_org['id']}", {"goal_ids": [a_goal]}),
        ("patch", f"applications/{b_app['id']}", {"goal_ids": [a_goal]}),
        ("patch", f"contacts/{b_contact['id']}", {"organization_id": a_org["id"]}),
        ("patch", f"contacts/{b_contact['id']}", {"application_ids": [a_app["id"]]}),
        ("patch", f"contacts/{b_contact['id']}", {"event_ids": [a_event["id"]]}),
        (
            "patch",
            f"applications/{b_app['id']}/events/{b_event['id']}",
            {"contact_ids": [a_contact["id"]]},
        ),
    ]
    for method, path, body in bodies:
        r = client.request(method, f"{API}/{path}", json=body, headers=bob.headers)
        assert r.status_code == 404, (path, body, r.text)
    # Nothing of Bob's changed on the way.
    assert (
        client.get(f"{API}/organizations/{b_org['id']}", headers=bob.headers).json()["goal_ids"]
        == []
    )
    got = client.get(f"{API}/contacts/{b_contact['id']}", headers=bob.headers).json()
    assert (got["organization_id"], got["application_ids"], got["event_ids"]) == (None, [], [])
    assert client.get(f"{API}/applications", headers=bob.headers).json()["total"] == 1
    assert client.get(f"{API}/contacts", headers=bob.headers).json()["total"] == 1


def test_contacts_link_applications_and_events(client: TestClient) -> None:
    user = make_user(client)
    app = create_application(client, user)
    event = create_event(client, user, application_id=int(str(app["id"])))
    contact = create_contact(
        client,
        user,
        name="Priya",
        role="Recruiter",
        organization_id=app["organization_id"],
        application_ids=[app["id"]],
        event_ids=[event["id"]],
        email="priya@example.com",
        follow_up_on="2026-12-10",
    )
    assert contact["application_ids"] == [app["id"]] and contact["event_ids"] == [event["id"]]
    r = client.get(f"{API}/contacts?application_id={app['id']}", headers=user.headers)
    assert [c["name"] for c in r.json()["items"]] == ["Priya"]
    r = client.patch(
        f"{API}/contacts/{contact['id']}",
        json={"event_ids": [], "email": None},
        headers=user.headers,
    )
    assert r.json()["event_ids"] == [] and r.json()["application_ids"] == [app["id"]]
    assert r.json()["email"] is None
    r = client.patch(
        f"{API}/applications/{app['id']}/events/{event['id']}",
        json={"contact_ids": [contact["id"]], "outcome": "went well"},
        headers=user.headers,
    )
    assert r.status_code == 200 and r.json()["contact_ids"] == [contact["id"]]
    assert client.delete(f"{API}/contacts/{contact['id']}", headers=user.headers).status_code == 204
    assert (
        client.get(f"{API}/applications/{app['id']}/events", headers=user.headers).json()["items"][
            0
        ]["contact_ids"]
        == []
    )


def test_follow_ups_overdue_first(client: TestClient, set_now: Callable[[str], None]) -> None:
    user = long_lived_user(client)
    set_now("2026-11-01T10:00:00Z")
    quiet = create_application(client, user, role="Quiet", stage="applied")
    busy = create_application(client, user, role="Busy", stage="applied")
    create_application(client, user, role="Rejected", stage="rejected", follow_up_on="2026-11-05")
    set_now("2026-11-05T10:00:00Z")
    create_event(
        client, user, application_id=int(str(busy["id"])), starts_at="2026-11-20T10:00:00Z"
    )
    later = create_application(client, user, role="Later", follow_up_on="2026-11-12")
    due = create_application(client, user, role="Due", follow_up_on="2026-11-09")
    contact = create_contact(client, user, name="Ravi", follow_up_on="2026-11-07")
    set_now("2026-11-10T10:00:00Z")
    items = client.get(f"{API}/follow-ups", headers=user.headers).json()["items"]
    assert [(i["kind"], i["id"], i["reason"], i["overdue_days"]) for i in items] == [
        ("contact", contact["id"], "follow_up", 3),
        ("application", quiet["id"], "no_news", 2),
        ("application", due["id"], "follow_up", 1),
    ]
    week = client.get(f"{API}/follow-ups?days=7", headers=user.headers).json()["items"]
    assert week[-1]["id"] == later["id"] and week[-1]["overdue_days"] == -2
    assert client.get(f"{API}/follow-ups?days=99", headers=user.headers).status_code == 422


def test_follow_ups_no_news_counts_from_the_last_event_and_skips_booked_ones(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    user = long_lived_user(client)
    set_now("2026-11-01T10:00:00Z")
    booked = create_application(client, user, role="Booked", stage="applied")
    called = create_application(client, user, role="Called", stage="applied")
    set_now("2026-11-02T10:00:00Z")
    # Logged on the 2nd, for an interview on the 20th: something is coming up.
    create_event(
        client, user, application_id=int(str(booked["id"])), starts_at="2026-11-20T10:00:00Z"
    )
    set_now("2026-11-04T10:00:00Z")
    # A call logged on the 4th (held that day): the week of silence starts again from it.
    create_event(
        client, user, application_id=int(str(called["id"])), starts_at="2026-11-04T09:00:00Z"
    )
    set_now("2026-11-12T10:00:00Z")
    items = client.get(f"{API}/follow-ups", headers=user.headers).json()["items"]
    assert [(i["id"], i["reason"], i["due_on"]) for i in items] == [
        (called["id"], "no_news", "2026-11-11"),
    ]
    set_now("2026-11-10T10:00:00Z")
    assert client.get(f"{API}/follow-ups", headers=user.headers).json()["items"] == []
    # Looking a few days ahead shows it coming.
    ahead = client.get(f"{API}/follow-ups?days=3", headers=user.headers).json()["items"]
    assert [(i["id"], i["overdue_days"]) for i in ahead] == [(called["id"], -1)]


def test_csv_export_neutralises_formulas(client: TestClient) -> None:
    user = make_user(client)
    org = create_organization(client, user, name='=HYPERLINK("http://evil")', type="big_tech")
    create_application(
        client,
        user,
        organization_id=int(str(org["id"])),
        role="+SUM(A1)",
        notes="-1\n@cmd",
        source="\tx",
    )
    create_application(client, user, role="Engineer, ML")
    r = client.get(f"{API}/applications/export.csv", headers=user.headers)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert rows[0][:5] == ["organization", "type", "role", "kind", "stage"]
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'
    assert rows[1][2] == "'+SUM(A1)"
    assert rows[1][8] == "'\tx"
    assert rows[1][-1] == "'-1\n@cmd"
    assert rows[2][:3] == ["Sarvam AI", "other", "Engineer, ML"]
    other = make_user(client)
    assert (
        len(
            client.get(f"{API}/applications/export.csv", headers=other.headers)
            .text.strip()
            .splitlines()
        )
        == 1
    )


def test_deleting_an_organization_removes_its_applications(client: TestClient) -> None:
    user = make_user(client)
    app = create_application(client, user)
    create_event(client, user, application_id=int(str(app["id"])))
    r = client.delete(f"{API}/organizations/{app['organization_id']}", headers=user.headers)
    assert r.status_code == 204
    assert client.get(f"{API}/applications/{app['id']}", headers=user.headers).status_code == 404
    assert (
        client.get(f"{API}/events?from=2026-12-01&to=2026-12-31", headers=user.headers).json()[
            "total"
        ]
        == 0
    )


def test_goal_page_lists_the_organizations_and_applications_demanding_it(
    client: TestClient, count_queries: Callable[[], Any]
) -> None:
    user = make_user(client)
    dsa = _goal(client, user, "DSA", 4)
    fundamentals = _goal(client, user, "Fundamentals", 7)
    google = create_organization(client, user, name="Google", type="big_tech", goal_ids=[dsa])
    sarvam = create_organization(
        client, user, name="Sarvam AI", type="ai_product", interest="exciting"
    )
    create_organization(client, user, name="EY", type="analytics", goal_ids=[fundamentals])
    swe = create_application(
        client, user, organization_id=int(str(google["id"])), role="SWE", stage="applied"
    )
    mle = create_application(
        client, user, organization_id=int(str(sarvam["id"])), role="ML Engineer", goal_ids=[dsa]
    )
    page = client.get(f"{API}/goals/{dsa}", headers=user.headers).json()
    assert [(o["name"], o["type"]) for o in page["organizations"]] == [("Google", "big_tech")]
    assert [(a["id"], a["role"], a["organization"]["name"]) for a in page["applications"]] == [
        (mle["id"], "ML Engineer", "Sarvam AI")
    ]
    assert page["applications"][0]["organization"]["interest"] == "exciting"
    # An application with no goals of its own shows its organization's readiness…
    got = client.get(f"{API}/applications/{swe['id']}", headers=user.headers).json()
    assert got["readiness"] == [{"id": dsa, "title": "DSA", "progress": 0.4}]
    assert got["readiness_from"] == "organization"
    # …and its own once it has some.
    client.patch(
        f"{API}/applications/{swe['id']}", json={"goal_ids": [fundamentals]}, headers=user.headers
    )
    got = client.get(f"{API}/applications/{swe['id']}", headers=user.headers).json()
    assert [g["title"] for g in got["readiness"]] == ["Fundamentals"]
    assert got["readiness_from"] == "application"
    page = client.get(f"{API}/goals/{fundamentals}", headers=user.headers).json()
    assert [o["name"] for o in page["organizations"]] == ["EY"]
    assert [a["role"] for a in page["applications"]] == ["SWE"]
    bare = client.get(f"{API}/applications/{mle['id']}", headers=user.headers).json()
    client.patch(f"{API}/applications/{mle['id']}", json={"goal_ids": []}, headers=user.headers)
    assert bare["readiness_from"] == "application"
    got = client.get(f"{API}/applications/{mle['id']}", headers=user.headers).json()
    assert got["readiness"] == [] and got["readiness_from"] is None

    # The goal page runs the same number of queries however many link to the goal.
    def count() -> int:
        with count_queries() as q:
            assert client.get(f"{API}/goals/{dsa}", headers=user.headers).status_code == 200
        return int(q.count)

    before = count()
    for i in range(5):
        org = create_organization(client, user, name=f"Org {i}", goal_ids=[dsa])
        create_application(
            client, user, organization_id=int(str(org["id"])), role=f"R{i}", goal_ids=[dsa]
        )
    assert count() == before
    page = client.get(f"{API}/goals/{dsa}", headers=user.headers).json()
    assert len(page["organizations"]) == 6 and len(page["applications"]) == 5
