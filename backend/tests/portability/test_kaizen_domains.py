"""The Kaizen document's later sections: organizations, contacts, applications with their
stage history, events, reading items with status history and progress logs, saved weekly
reviews and the account's settings — exported with links, imported losslessly and only once."""

import json
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import (
    ApiUser,
    create_application,
    create_contact,
    create_event,
    create_goal,
    create_habit,
    create_organization,
    create_portfolio_entry,
    create_reading_item,
    make_user,
)
from tests.portability.test_kaizen_export_import import export, import_, without_time

NOW = "2024-11-20T12:00:00Z"


def _ok(response: Any) -> Any:
    assert response.status_code < 300, response.text
    return response.json() if response.content else None


def career_and_reading(
    client: TestClient, user: ApiUser, set_now: Callable[[str], None]
) -> dict[str, int]:
    """A job search and a reading queue, every link in use."""
    h = user.headers
    set_now("2024-11-10T09:00:00Z")
    dsa = create_goal(client, user, title="DSA")
    ml = create_goal(client, user, title="ML depth")
    pages = create_habit(
        client,
        user,
        name="Read 20 pages",
        start_date="2024-11-01",
        kind="numeric",
        target_value=20,
        unit="pages",
    )
    post = create_portfolio_entry(client, user, title="Attention, explained")
    sarvam = create_organization(
        client,
        user,
        name="Sarvam AI",
        type="ai_product",
        website="https://www.sarvam.ai/",
        interest="exciting",
        rating_growth=5,
        rating_pay=3,
        goal_ids=[ml["id"], dsa["id"]],
    )
    google = create_organization(client, user, name="Google", type="big_tech")
    priya = create_contact(
        client, user, name="Priya", role="Recruiter", organization_id=sarvam["id"],
        email="priya@example.com", follow_up_on="2024-11-25",
    )  # fmt: skip
    applied = create_application(
        client, user, organization_id=sarvam["id"], role="ML Engineer", stage="applied",
        url="https://example.com/jobs/1", goal_ids=[ml["id"]], notes="Referral from **Priya**",
    )  # fmt: skip
    set_now("2024-11-14T10:30:00Z")
    _ok(
        client.patch(
            f"/api/v1/applications/{applied['id']}",
            json={"stage": "screening", "stage_note": "Call booked"},
            headers=h,
        )
    )
    wish = create_application(client, user, organization_id=google["id"], role="SWE")
    # The same role twice at one organization (a re-application) stays two applications.
    again = create_application(client, user, organization_id=google["id"], role="SWE")
    _ok(client.patch(f"/api/v1/applications/{again['id']}", json={"stage": "rejected"}, headers=h))
    _ok(
        client.patch(
            f"/api/v1/contacts/{priya['id']}",
            json={"application_ids": [applied["id"], wish["id"]]},
            headers=h,
        )
    )
    create_event(
        client, user, application_id=applied["id"], kind="interview", title="Round 1",
        starts_at="2024-11-22T18:00:00+05:30", duration_minutes=45, contact_ids=[priya["id"]],
    )  # fmt: skip
    create_event(client, user, application_id=applied["id"], kind="deadline",
                 starts_at="2024-11-30T12:00:00Z")  # fmt: skip
    set_now(NOW)
    paper = create_reading_item(
        client, user, title="Attention Is All You Need", authors=["Ashish Vaswani", "Noam Shazeer"],
        year=2017, doi="10.48550/arXiv.1706.03762", arxiv_id="1706.03762", tags=["transformers"],
        progress_total=15, goal_id=ml["id"], writeup_id=post["id"],
    )  # fmt: skip
    book = create_reading_item(client, user, title="CLRS", kind="book", status="reading")
    create_reading_item(client, user, title="Dropped one", status="dropped")
    _ok(
        client.put(
            "/api/v1/reading-settings", json={"habit_id": pages["id"], "unit": "pages"}, headers=h
        )
    )
    _ok(client.post(f"/api/v1/reading-items/{book['id']}/progress", json={"amount": 12}, headers=h))
    _ok(
        client.post(
            f"/api/v1/reading-items/{paper['id']}/progress",
            json={"amount": 4, "date": "2024-11-19"},
            headers={**h, "Idempotency-Key": "a-secret-key-123"},
        )
    )
    _ok(client.patch(f"/api/v1/reading-items/{paper['id']}", json={"status": "done"}, headers=h))
    _ok(client.put("/api/v1/reviews/weekly/2024-W46", json={"reflection": "Two calls."}, headers=h))
    _ok(client.patch("/api/v1/me", json={"reminder_time": "21:30"}, headers=h))
    feed = _ok(client.post("/api/v1/me/calendar-feed", headers=h))
    return {"applied": applied["id"], "feed_secret_len": len(feed["url"])}


def test_export_holds_the_new_domains_with_links_and_no_secrets(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    user = make_user(client)
    career_and_reading(client, user, set_now)
    feed_url = _ok(client.post("/api/v1/me/calendar-feed", headers=user.headers))["url"]
    document = export(client, user)

    sarvam, _google = document["organizations"]
    assert sarvam["name"] == "Sarvam AI" and sarvam["goal_ids"] == [1, 2]  # both goals, sorted
    assert (sarvam["interest"], sarvam["rating_growth"], sarvam["rating_work"]) == (
        "exciting",
        5,
        None,
    )
    [priya] = document["contacts"]
    assert priya["organization_id"] == 1 and priya["email"] == "priya@example.com"
    applied, wish, again = document["applications"]
    assert (applied["organization_id"], applied["stage"], applied["contact_ids"]) == (
        1,
        "screening",
        [1],
    )
    assert [(c["from_stage"], c["to_stage"], c["note"]) for c in applied["history"]] == [
        (None, "applied", ""),
        ("applied", "screening", "Call booked"),
    ]
    assert applied["history"][1]["at"] == "2024-11-14T10:30:00+00:00"
    assert (wish["organization_id"], wish["role"], wish["contact_ids"]) == (2, "SWE", [1])
    assert [c["to_stage"] for c in again["history"]] == ["wishlist", "rejected"]
    interview, deadline = document["events"]
    assert interview["application_id"] == 1 and interview["contact_ids"] == [1]
    assert interview["starts_at"] == "2024-11-22T12:30:00+00:00"  # 18:00 in Kolkata, in UTC
    assert deadline["kind"] == "deadline" and deadline["contact_ids"] == []
    paper, book, dropped = document["reading_items"]
    assert paper["authors"] == ["Ashish Vaswani", "Noam Shazeer"]
    assert (paper["goal_id"], paper["writeup_id"], paper["implementation_id"]) == (2, 1, None)
    assert [s["status"] for s in paper["status_history"]] == ["queued", "reading", "done"]
    assert paper["progress_log"] == [
        {"date": "2024-11-19", "amount": 4.0, "unit": "pages", "read_through": 1, "habit_id": 1}
    ]
    assert book["progress_log"][0]["habit_id"] == 1  # it fed "Read 20 pages"
    assert dropped["status"] == "dropped"
    assert document["weekly_reviews"] == [{"week": "2024-W46", "reflection": "Two calls."}]
    assert document["settings"] == {
        "reminder_time": "21:30",
        "reading": {"habit_id": 1, "unit": "pages"},
    }
    text = json.dumps(document)
    secret = feed_url.rstrip("/").rsplit("/", 1)[-1].removesuffix(".ics")
    for leak in ("hash", "token", "secret", "a-secret-key-123", "idempotency", secret, user.email):
        assert leak not in text


def test_round_trip_of_the_new_domains_and_a_second_import_duplicates_nothing(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    alice, bob = make_user(client), make_user(client)
    career_and_reading(client, alice, set_now)
    original = export(client, alice)

    first = import_(client, bob, original)
    assert first.status_code == 200, first.text
    created = first.json()["created"]
    assert {
        k: created[k] for k in created if k not in {"goals", "habits", "portfolio", "check_ins"}
    } == {
        "organizations": 2,
        "contacts": 1,
        "applications": 3,
        "stage_changes": 5,
        "events": 2,
        "reading_items": 3,
        "reading_status_changes": 7,
        "reading_progress_logs": 2,
        "weekly_reviews": 1,
    }
    assert without_time(export(client, bob)) == without_time(original)
    # What the pages show comes out the same too: history, days in stage, links.
    app = _ok(client.get("/api/v1/applications?q=ml", headers=bob.headers))["items"][0]
    history = _ok(client.get(f"/api/v1/applications/{app['id']}/history", headers=bob.headers))
    assert [h["to_stage"] for h in history["items"]] == ["applied", "screening"]
    assert app["stage_changed_at"].startswith("2024-11-14T10:30:00")
    me = _ok(client.get("/api/v1/me", headers=bob.headers))
    assert me["reminder_time"].startswith("21:30")

    again = import_(client, bob, original)
    assert again.status_code == 200, again.text
    assert again.json()["created"] == {}
    assert again.json()["updated"]["applications"] == 3
    assert without_time(export(client, bob)) == without_time(original)
    assert _ok(client.get("/api/v1/applications", headers=bob.headers))["total"] == 3


def test_a_second_import_keeps_what_the_account_did_since(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    alice, bob = make_user(client), make_user(client)
    career_and_reading(client, alice, set_now)
    original = export(client, alice)
    _ok(import_(client, bob, original))
    app = _ok(client.get("/api/v1/applications?q=ml", headers=bob.headers))["items"][0]
    set_now("2024-11-21T08:00:00Z")
    _ok(
        client.patch(
            f"/api/v1/applications/{app['id']}", json={"stage": "interviewing"}, headers=bob.headers
        )
    )
    _ok(import_(client, bob, original))
    history = _ok(client.get(f"/api/v1/applications/{app['id']}/history", headers=bob.headers))
    # History is append-only: the later move stays, nothing is doubled, the stage is the latest.
    assert [h["to_stage"] for h in history["items"]] == ["applied", "screening", "interviewing"]
    detail = _ok(client.get(f"/api/v1/applications/{app['id']}", headers=bob.headers))
    assert detail["stage"] == "interviewing"


def test_invalid_new_sections_are_reported_by_path_and_change_nothing(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    alice, bob = make_user(client), make_user(client)
    career_and_reading(client, alice, set_now)
    document = export(client, alice)
    before = export(client, bob)
    document["applications"][0]["stage"] = "offer"  # its history ends at screening
    document["applications"][1]["contact_ids"] = [7]
    document["events"][0]["application_id"] = 9
    document["reading_items"][1]["progress_log"][0]["habit_id"] = 5
    document["reading_items"][2]["citation_key"] = document["reading_items"][0]["citation_key"]
    document["weekly_reviews"].append({"week": "2024-W46", "reflection": ""})
    document["settings"]["reading"]["habit_id"] = 3
    response = import_(client, bob, document)
    assert response.status_code == 422, response.text
    assert {e["loc"][1] for e in response.json()["detail"]} == {
        "$.applications[0].stage",
        "$.applications[1].contact_ids",
        "$.events[0].application_id",
        "$.reading_items[1].progress_log[0].habit_id",
        "$.reading_items[2].citation_key",
        "$.weekly_reviews[1].week",
        "$.settings.reading.habit_id",
    }
    document = export(client, alice)
    document["organizations"][0]["rating_pay"] = 9
    document["events"][1]["starts_at"] = "2024-11-30T12:00:00"  # no offset
    document["reading_items"][0]["status_history"][0]["status"] = "skimmed"
    response = import_(client, bob, document)
    assert response.status_code == 422
    paths = {e["msg"].split(":")[0] for e in response.json()["detail"]}
    assert paths == {
        "$.organizations[0].rating_pay",
        "$.events[1].starts_at",
        "$.reading_items[0].status_history[0].status",
    }
    assert without_time(export(client, bob)) == without_time(before)


def test_an_older_file_without_the_new_sections_leaves_them_alone(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now(NOW)
    user = make_user(client)
    _ok(client.patch("/api/v1/me", json={"reminder_time": "07:15"}, headers=user.headers))
    create_organization(client, user, name="Kept")
    older = {
        "format": "kaizen",
        "version": 1,
        "exported_at": NOW,
        "goals": [{"id": 1, "title": "DSA"}],
    }
    response = import_(client, user, older)
    assert response.status_code == 200, response.text
    document = export(client, user)
    assert document["settings"]["reminder_time"] == "07:15"
    assert [o["name"] for o in document["organizations"]] == ["Kept"]
