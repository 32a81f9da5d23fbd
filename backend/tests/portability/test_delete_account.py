"""Deleting an account leaves nothing of the user in any table (walked over Base.metadata,
so tables added by later domains are checked too)."""

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select

from kaizen.db import Base
from tests.factories import (
    ApiUser,
    browser_login,
    create_application,
    create_contact,
    create_habit,
    create_sprint,
    make_user,
)
from tests.security.test_ownership_walk import make_everything

# Tables no user's data lands in through the API (throttling counters keyed by address).
NOT_PER_USER = {"login_failures", "alembic_version", "server_settings", "invitations"}


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        }


def _send(client: TestClient, user: ApiUser, method: str, url: str, body: object) -> None:
    response = client.request(method, url, json=body, headers=user.headers)
    assert response.status_code < 300, response.text


def _one_of_everything(client: TestClient, user: ApiUser) -> None:
    ids = make_everything(client, user)
    goal_id = int(ids["goal_id"])
    create_sprint(client, user, start_date="2024-11-04", goal_ids=[goal_id])
    # What make_everything leaves out: links, settings and logs that hang off its resources.
    create_application(client, user, goal_ids=[goal_id])
    create_contact(client, user, event_ids=[int(ids["event_id"])])
    pages = create_habit(
        client, user, start_date="2024-11-04", kind="numeric", target_value=20, unit="pages"
    )
    _send(client, user, "PUT", "/api/v1/reading-settings", {"habit_id": pages["id"]})
    item = f"/api/v1/reading-items/{ids['reading_item_id']}/progress"
    _send(client, user, "POST", item, {"amount": 12})
    _send(client, user, "POST", "/api/v1/me/calendar-feed", None)
    _send(client, user, "PUT", "/api/v1/reviews/weekly/2024-W46", {"reflection": "Gym twice."})
    handle = f"tester-{user.id}"
    _send(client, user, "PATCH", "/api/v1/me", {"handle": handle})
    _send(client, user, "PATCH", "/api/v1/me", {"handle": None})  # released: cooling off
    browser_login(client, user.email)  # a browser session row too
    client.cookies.clear()


def _references_to_user(engine: Engine, user_id: int) -> list[str]:
    found = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.column.table.name == "users":
                    n = conn.scalar(
                        select(func.count()).select_from(table).where(fk.parent == user_id)
                    )
                    if n:
                        found.append(f"{table.name}.{fk.parent.name}: {n}")
        users = Base.metadata.tables["users"]
        if conn.scalar(select(func.count()).select_from(users).where(users.c.id == user_id)):
            found.append("users")
    return found


def test_deleting_an_account_leaves_nothing_of_it_in_any_table(
    client: TestClient, engine: Engine, set_now: Callable[[str], None]
) -> None:
    set_now("2024-11-20T12:00:00Z")
    bob = make_user(client)
    _one_of_everything(client, bob)
    before = _counts(engine)
    alice = make_user(client)
    _one_of_everything(client, alice)
    during = _counts(engine)
    uncovered = [
        name for name, n in during.items() if n == before[name] and name not in NOT_PER_USER
    ]
    assert not uncovered, (
        f"no row of {uncovered} was created: add the new resource to make_everything "
        "(tests/security/test_ownership_walk.py) so account deletion is checked for it"
    )

    response = client.request(
        "DELETE", "/api/v1/me", json={"password": alice.password}, headers=alice.headers
    )
    assert response.status_code == 204, response.text

    assert _references_to_user(engine, alice.id) == []
    # Every table is back to exactly Bob's rows: children of Alice's rows went too.
    after = _counts(engine)
    assert {k: n for k, n in after.items() if k not in NOT_PER_USER} == {
        k: n for k, n in before.items() if k not in NOT_PER_USER
    }
    assert client.get("/api/v1/me", headers=alice.headers).status_code == 401
    assert client.get("/api/v1/habits", headers=bob.headers).json()["total"] == 2


def test_wrong_password_deletes_nothing(client: TestClient, engine: Engine) -> None:
    alice = make_user(client)
    _one_of_everything(client, alice)
    before = _counts(engine)
    response = client.request(
        "DELETE", "/api/v1/me", json={"password": "not my password"}, headers=alice.headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "password"]
    assert _counts(engine) == before
    assert client.get("/api/v1/me", headers=alice.headers).status_code == 200


def test_browser_deletion_ends_the_session(client: TestClient) -> None:
    alice = make_user(client)
    csrf = browser_login(client, alice.email)
    response = client.request(
        "DELETE", "/api/v1/me", json={"password": alice.password}, headers={"X-CSRF-Token": csrf}
    )
    assert response.status_code == 204, response.text
    assert client.get("/api/v1/me").status_code == 401
