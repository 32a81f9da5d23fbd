"""GET /export and POST /import: the Kaizen document, its validation and round trips."""

import itertools
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    ApiUser,
    check_in,
    create_application,
    create_contact,
    create_event,
    create_goal,
    create_habit,
    create_key_result,
    create_organization,
    create_portfolio_entry,
    create_reading_item,
    create_sprint,
    make_user,
)

NOW = "2024-11-20T12:00:00Z"
JSON = {"Content-Type": "application/json"}


def export(client: TestClient, user: ApiUser) -> dict[str, Any]:
    response = client.get("/api/v1/export", headers=user.headers)
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    document: dict[str, Any] = json.loads(response.content)
    return document


def import_(client: TestClient, user: ApiUser, document: Any, **params: Any) -> Any:
    data = document if isinstance(document, bytes) else json.dumps(document).encode()
    return client.post(
        "/api/v1/import", content=data, headers={**user.headers, **JSON}, params=params
    )


def without_time(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k != "exported_at"}


def rich_account(client: TestClient, user: ApiUser) -> None:
    goal = create_goal(client, user, title="Open source", area="open_source")
    create_key_result(client, user, goal["id"], title="PRs merged", target_value=5, unit="PRs")
    other = create_goal(client, user, title="DSA")
    gym = create_habit(client, user, name="Gym", start_date="2024-11-01", goal_id=goal["id"])
    run = create_habit(
        client,
        user,
        name="Run",
        start_date="2024-11-01",
        kind="numeric",
        target_value=5,
        unit="km",
        schedule={"type": "weekdays", "days": [1, 3, 5]},
    )
    create_sprint(
        client,
        user,
        title="First fortnight",
        start_date="2024-11-01",
        habit_ids=[run["id"], gym["id"]],
        goal_ids=[other["id"], goal["id"]],
        plan="Plan **this**",
    )
    check_in(client, user, gym["id"], "2024-11-02", "done", note="legs")
    check_in(client, user, gym["id"], "2024-11-03", "skipped")
    check_in(client, user, run["id"], "2024-11-04", None, value=6.5)
    # A later check-in freezes the finished sprint: its kept results are exported too.
    create_sprint(client, user, title="Second", start_date="2024-11-15", habit_ids=[gym["id"]])
    check_in(client, user, gym["id"], "2024-11-19", "done")
    create_portfolio_entry(
        client, user, title="Autograd post", url="https://example.com/a", goal_id=goal["id"]
    )
    client.patch(
        "/api/v1/me", json={"display_name": "Ada", "timezone": "Asia/Kolkata"}, headers=user.headers
    )


def test_export_holds_everything_with_links_and_no_secrets(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now(NOW)
    user = make_user(client)
    rich_account(client, user)
    document = export(client, user)
    assert document["format"] == "kaizen" and document["version"] == 1
    assert document["profile"]["display_name"] == "Ada"
    assert [g["title"] for g in document["goals"]] == ["Open source", "DSA"]
    assert document["goals"][0]["key_results"][0]["unit"] == "PRs"
    gym = next(h for h in document["habits"] if h["name"] == "Gym")
    assert gym["goal_id"] == 1
    assert [(c["date"], c["status"], c["note"]) for c in gym["check_ins"]] == [
        ("2024-11-02", "done", "legs"),
        ("2024-11-03", "skipped", ""),
        ("2024-11-19", "done", ""),
    ]
    first = document["sprints"][0]
    assert first["habit_ids"] == [2, 1] and first["goal_ids"] == [1, 2]
    assert first["results"] is not None  # finished and frozen
    assert {h["habit_id"] for h in first["results"]["habits"]} == {1, 2}
    assert document["portfolio"][0]["goal_id"] == 1
    text = json.dumps(document)
    for secret in ("password", "hash", "token", "secret", user.email):
        assert secret not in text


def test_round_trip_into_an_empty_account_and_twice_without_duplicates(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now(NOW)
    alice, bob = make_user(client), make_user(client)
    rich_account(client, alice)
    original = export(client, alice)

    first = import_(client, bob, original)
    assert first.status_code == 200, first.text
    assert first.json()["created"] == {
        "goals": 2,
        "key_results": 1,
        "habits": 2,
        "check_ins": 4,
        "sprints": 2,
        "portfolio": 1,
    }
    assert without_time(export(client, bob)) == without_time(original)

    again = import_(client, bob, original)
    assert again.status_code == 200, again.text
    assert again.json()["created"] == {}
    assert again.json()["updated"]["check_ins"] == 4
    assert without_time(export(client, bob)) == without_time(original)
    # The imported sprint scores the same as the original.
    sprint_a = client.get("/api/v1/sprints", headers=alice.headers).json()["items"]
    sprint_b = client.get("/api/v1/sprints", headers=bob.headers).json()["items"]
    assert [s["score"] for s in sprint_a] == [s["score"] for s in sprint_b]


def test_invalid_documents_list_every_error_by_json_path_and_change_nothing(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now(NOW)
    alice, bob = make_user(client), make_user(client)
    rich_account(client, alice)
    document = export(client, alice)
    document["habits"][0]["check_ins"][1]["status"] = "maybe"
    document["habits"][1]["goal_id"] = 99
    document["sprints"][0]["habit_ids"] = [1, 42]
    document["goals"].append({**document["goals"][1], "key_results": []})
    before = export(client, bob)

    response = import_(client, bob, document)
    assert response.status_code == 422
    messages = [e["msg"] for e in response.json()["detail"]]
    assert any(m.startswith("$.habits[0].check_ins[1].status:") for m in messages), messages

    document["habits"][0]["check_ins"][1]["status"] = "done"
    response = import_(client, bob, document)
    assert response.status_code == 422
    paths = {e["loc"][1] for e in response.json()["detail"]}
    assert paths == {
        "$.goals[2].id",
        "$.goals[2].title",
        "$.habits[1].goal_id",
        "$.sprints[0].habit_ids",
    }
    assert without_time(export(client, bob)) == without_time(before)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"not json", 422),
        (b'{"format": "other", "version": 1, "exported_at": "2024-01-01T00:00:00Z"}', 422),
        (b'{"format": "kaizen", "version": 2, "exported_at": "2024-01-01T00:00:00Z"}', 422),
        (b"[]", 422),
    ],
)
def test_not_a_kaizen_document(client: TestClient, body: bytes, status: int) -> None:
    user = make_user(client)
    assert import_(client, user, body).status_code == status


def test_dry_run_reports_without_writing(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now(NOW)
    alice, bob = make_user(client), make_user(client)
    rich_account(client, alice)
    response = import_(client, bob, export(client, alice), dry_run="true")
    assert response.status_code == 200, response.text
    assert response.json()["dry_run"] is True
    assert response.json()["created"]["check_ins"] == 4
    assert client.get("/api/v1/habits", headers=bob.headers).json()["total"] == 0


# ------------------------------------------------------------------- property: the round trip

names = st.text(alphabet="abcdefghij XYZ", min_size=1, max_size=12).map(str.strip).filter(bool)
notes = st.text(alphabet="ab é\n*", max_size=10)
START = date(2024, 10, 1)
STAGES = ["applied", "screening", "interviewing", "offer", "rejected", "wishlist"]
READING = ["reading", "done", "dropped", "queued"]
EXAMPLES = itertools.count()


@st.composite
def career(draw: st.DrawFn, goals: int) -> dict[str, Any]:
    """Organizations (names may repeat), contacts, applications (roles repeat too) with stage
    moves, events with contacts: what the opportunities pages create."""
    orgs = draw(st.lists(st.sampled_from(["Sarvam", "Google", "AI4Bharat"]), max_size=3))
    contacts = [
        (draw(st.sampled_from(["Priya", "Ravi"])), draw(st.sampled_from([None, *range(len(orgs))])))
        for _ in range(draw(st.integers(0, 2)))
    ]
    apps = []
    for _ in range(draw(st.integers(0, 3)) if orgs else 0):
        apps.append(
            {
                "org": draw(st.integers(0, len(orgs) - 1)),
                "role": draw(st.sampled_from(["SWE", "ML Engineer"])),
                "moves": draw(st.lists(st.sampled_from(STAGES), max_size=3)),
                "goals": draw(st.lists(st.integers(0, goals - 1), unique=True)) if goals else [],
                "contacts": draw(st.lists(st.integers(0, len(contacts) - 1), unique=True))
                if contacts
                else [],
            }
        )
    events = [
        {
            "app": draw(st.integers(0, len(apps) - 1)),
            "kind": draw(st.sampled_from(["interview", "call", "deadline"])),
            "hour": draw(st.integers(0, 23)),
            "contacts": draw(st.lists(st.integers(0, len(contacts) - 1), unique=True))
            if contacts
            else [],
        }
        for _ in range(draw(st.integers(0, 3)) if apps else 0)
    ]
    org_goals = [
        draw(st.lists(st.integers(0, goals - 1), unique=True)) if goals else [] for _ in orgs
    ]
    return {
        "orgs": orgs,
        "org_goals": org_goals,
        "contacts": contacts,
        "apps": apps,
        "events": events,
        "ratings": draw(
            st.lists(st.sampled_from([None, 1, 5]), min_size=len(orgs), max_size=len(orgs))
        ),
    }


@st.composite
def reading(draw: st.DrawFn, goals: int) -> dict[str, Any]:
    items = [
        {
            "title": draw(names),
            "kind": draw(st.sampled_from(["paper", "book"])),
            "statuses": draw(st.lists(st.sampled_from(READING), max_size=3)),
            "progress": draw(st.lists(st.integers(1, 40), max_size=3)),
            "goal": draw(st.sampled_from([None, *range(goals)])),
            "tags": draw(st.lists(st.sampled_from(["ml", "dsa"]), unique=True)),
            "writeup": draw(st.booleans()),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    return {
        "items": items,
        "weeks": draw(st.lists(st.sampled_from(["2024-W40", "2024-W41", "2024-W46"]), unique=True)),
        "reminder": draw(st.sampled_from([None, "06:45", "21:00"])),
        "feed_reading": draw(st.booleans()),
    }


@st.composite
def accounts(draw: st.DrawFn) -> dict[str, Any]:
    goal_titles = draw(st.lists(names, max_size=3, unique=True))
    habits = []
    for name in draw(st.lists(names, max_size=3, unique=True)):
        numeric = draw(st.booleans())
        days = draw(st.lists(st.integers(0, 40), max_size=6, unique=True))
        habits.append(
            {
                "name": name,
                "numeric": numeric,
                "goal": draw(st.sampled_from([None, *goal_titles])),
                "check_ins": [
                    (
                        START + timedelta(days=d),
                        draw(st.sampled_from(["done", "skipped", "missed"])),
                        draw(st.floats(0, 10, allow_nan=False).map(lambda v: round(v, 2))),
                        draw(notes),
                    )
                    for d in days
                ],
            }
        )
    sprints = draw(st.lists(st.integers(0, 30), max_size=2, unique=True))
    return {
        "goals": goal_titles,
        "habits": habits,
        "sprints": sprints,
        "krs": draw(st.integers(0, 2)),
        "career": draw(career(len(goal_titles))),
        "reading": draw(reading(len(goal_titles))),
    }


def _send(client: TestClient, user: ApiUser, method: str, url: str, body: Any) -> Any:
    response = client.request(method, url, json=body, headers=user.headers)
    assert response.status_code < 300, response.text
    return response.json() if response.content else None


def build_career(
    client: TestClient,
    user: ApiUser,
    plan: dict[str, Any],
    goals: list[int],
    tick: Callable[[], None],
) -> None:
    orgs = [
        create_organization(
            client,
            user,
            name=name,
            type="big_tech" if name == "Google" else "other",
            rating_growth=rating,
            goal_ids=[goals[g] for g in org_goals],
        )["id"]
        for name, org_goals, rating in zip(
            plan["orgs"], plan["org_goals"], plan["ratings"], strict=True
        )
    ]
    contacts = [
        create_contact(
            client, user, name=name, organization_id=orgs[org] if org is not None else None
        )["id"]
        for name, org in plan["contacts"]
    ]
    apps = []
    for app in plan["apps"]:
        created = create_application(
            client,
            user,
            organization_id=orgs[app["org"]],
            role=app["role"],
            goal_ids=[goals[g] for g in app["goals"]],
        )
        apps.append(created["id"])
        for stage in app["moves"]:
            tick()
            url = f"/api/v1/applications/{created['id']}"
            _send(client, user, "PATCH", url, {"stage": stage, "stage_note": f"to {stage}"})
    for c, contact_id in enumerate(contacts):
        linked = [apps[a] for a, app in enumerate(plan["apps"]) if c in app["contacts"]]
        if linked:
            _send(
                client, user, "PATCH", f"/api/v1/contacts/{contact_id}", {"application_ids": linked}
            )
    for event in plan["events"]:
        create_event(
            client,
            user,
            application_id=apps[event["app"]],
            kind=event["kind"],
            starts_at=f"2024-11-02T{event['hour']:02d}:15:00+05:30",
            contact_ids=[contacts[c] for c in event["contacts"]],
        )


def build_reading(
    client: TestClient, user: ApiUser, plan: dict[str, Any], goals: list[int], habit: int | None
) -> None:
    if habit is not None and plan["feed_reading"]:
        _send(client, user, "PUT", "/api/v1/reading-settings", {"habit_id": habit, "unit": "pages"})
    for item in plan["items"]:
        writeup = (
            create_portfolio_entry(client, user, title=f"On {item['title']}")["id"]
            if item["writeup"]
            else None
        )
        created = create_reading_item(
            client,
            user,
            title=item["title"],
            kind=item["kind"],
            tags=item["tags"],
            goal_id=goals[item["goal"]] if item["goal"] is not None else None,
            writeup_id=writeup,
        )
        url = f"/api/v1/reading-items/{created['id']}"
        for n, amount in enumerate(item["progress"]):
            day = (START + timedelta(days=n)).isoformat()
            _send(client, user, "POST", f"{url}/progress", {"amount": amount, "date": day})
        for status in item["statuses"]:
            _send(client, user, "PATCH", url, {"status": status})
    for week in plan["weeks"]:
        _send(client, user, "PUT", f"/api/v1/reviews/weekly/{week}", {"reflection": f"On {week}"})
    if plan["reminder"]:
        _send(client, user, "PATCH", "/api/v1/me", {"reminder_time": plan["reminder"]})


def build(
    client: TestClient, user: ApiUser, account: dict[str, Any], tick: Callable[[], None]
) -> None:
    goals = {}
    for title in account["goals"]:
        goals[title] = create_goal(client, user, title=title)["id"]
        for k in range(account["krs"]):
            create_key_result(client, user, goals[title], title=f"kr {k}", target_value=k + 1)
    habit_ids = []
    numeric_habit = None
    for h in account["habits"]:
        fields: dict[str, Any] = {"kind": "numeric", "target_value": 5} if h["numeric"] else {}
        habit = create_habit(
            client,
            user,
            name=h["name"],
            start_date=START.isoformat(),
            goal_id=goals.get(h["goal"]),
            **fields,
        )
        habit_ids.append(habit["id"])
        if h["numeric"]:
            numeric_habit = habit["id"]
        for day, status, value, note in h["check_ins"]:
            if h["numeric"] and status != "skipped":
                check_in(client, user, habit["id"], day, None, value=value, note=note)
            else:
                check_in(client, user, habit["id"], day, status, note=note)
    for offset in account["sprints"]:
        create_sprint(
            client,
            user,
            title=f"Sprint {offset}",
            start_date=(START + timedelta(days=offset)).isoformat(),
            habit_ids=habit_ids,
            goal_ids=list(goals.values()),
        )
    goal_ids = list(goals.values())
    build_career(client, user, account["career"], goal_ids, tick)
    build_reading(client, user, account["reading"], goal_ids, numeric_habit)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(account=accounts())
def test_property_export_import_export_is_the_same_document(
    client: TestClient, set_now: Callable[[str], None], account: dict[str, Any]
) -> None:
    # A day apart per example: sign-ups are throttled per hour.
    moment = [datetime(2024, 11, 20, 12, tzinfo=UTC) + timedelta(days=next(EXAMPLES))]

    def tick() -> None:  # stage moves a few minutes apart, so their order is in the times
        moment[0] += timedelta(minutes=3, microseconds=1)
        set_now(moment[0].isoformat())

    set_now(moment[0].isoformat())
    source, target = make_user(client), make_user(client)
    build(client, source, account, tick)
    exported = export(client, source)
    response = import_(client, target, exported)
    assert response.status_code == 200, response.text
    assert without_time(export(client, target)) == without_time(exported)
    # A second import changes nothing and adds nothing.
    again = import_(client, target, exported)
    assert again.status_code == 200, again.text
    assert again.json()["created"] == {}
    assert without_time(export(client, target)) == without_time(exported)
