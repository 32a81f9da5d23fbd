"""The sprint list's kept score and outcome (``sprints.kept``) after a Kaizen import: into a
new account, again with another target and other results (the sprint is updated), and into
the exporting account itself; each listed sprint equals its own GET."""

import json
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from kaizen.db import new_session
from kaizen.sprints.models import Sprint
from tests.factories import ApiUser, check_in, create_habit, create_sprint, create_token, make_user


def long_user(client: TestClient) -> ApiUser:
    u = make_user(client)
    token = create_token(client, u)["token"]
    return ApiUser(u.id, u.email, u.password, {"Authorization": f"Bearer {token}"})


JSON = {"Content-Type": "application/json"}


def listed_vs_own(client: TestClient, user: ApiUser) -> list[Any]:
    listed: list[Any] = client.get("/api/v1/sprints?limit=200", headers=user.headers).json()[
        "items"
    ]
    for item in listed:
        own = client.get(f"/api/v1/sprints/{item['id']}", headers=user.headers).json()
        assert item == own
    # The finished sprints are listed from their kept columns (not scored the slow way).
    with new_session() as db:
        kept = db.scalars(select(Sprint.kept_outcome).where(Sprint.user_id == user.id)).all()
    assert kept and all(outcome is not None for outcome in kept)
    return listed


def test_imported_sprints_list_as_their_own_get(
    client: TestClient, set_now: Callable[[str], None]
) -> None:
    set_now("2026-11-06T12:00:00Z")
    alice = long_user(client)
    gym = create_habit(client, alice, name="Gym", start_date="2026-11-01")
    read = create_habit(client, alice, name="Read", start_date="2026-11-01")
    create_sprint(
        client,
        alice,
        start_date="2026-11-01",
        end_date="2026-11-07",
        habit_ids=[gym["id"], read["id"]],
    )
    for d in range(1, 6):
        check_in(client, alice, gym["id"], f"2026-11-0{d}")
    set_now("2026-11-10T12:00:00Z")
    check_in(client, alice, read["id"], "2026-11-09")  # a write: freezes the sprint
    first = listed_vs_own(client, alice)
    assert first[0]["status"] == "finished"
    doc = json.loads(client.get("/api/v1/export", headers=alice.headers).content)
    bob = long_user(client)
    r = client.post(
        "/api/v1/import", content=json.dumps(doc).encode(), headers={**bob.headers, **JSON}
    )
    assert r.status_code < 300, r.text
    listed_vs_own(client, bob)
    # Re-import with another target and changed results into the same account.
    for s in doc["sprints"]:
        s["target_rate"] = 0.5
        if s.get("results"):
            for h in s["results"]["habits"]:
                h["done"] = h["required"]
                h["still_needed"] = 0
    r = client.post(
        "/api/v1/import", content=json.dumps(doc).encode(), headers={**bob.headers, **JSON}
    )
    assert r.status_code < 300, r.text
    listed_vs_own(client, bob)
    r = client.post(
        "/api/v1/import", content=json.dumps(doc).encode(), headers={**alice.headers, **JSON}
    )
    assert r.status_code < 300, r.text
    listed_vs_own(client, alice)
