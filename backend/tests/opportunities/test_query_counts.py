"""The board, lists, stats, follow-ups and the feed run a constant number of queries."""

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import (
    ApiUser,
    create_application,
    create_contact,
    create_event,
    create_organization,
    make_user,
)

API = "/api/v1"


def _grow(client: TestClient, user: ApiUser, n: int) -> None:
    goal = client.post(f"{API}/goals", json={"title": "DSA"}, headers=user.headers).json()
    for i in range(n):
        org = create_organization(client, user, name=f"Org {i}", goal_ids=[goal["id"]])
        app = create_application(
            client,
            user,
            organization_id=int(str(org["id"])),
            role=f"Role {i}",
            stage="applied",
            goal_ids=[goal["id"]],
            follow_up_on="2026-01-01",
        )
        client.patch(
            f"{API}/applications/{app['id']}", json={"stage": "screening"}, headers=user.headers
        )
        create_event(
            client, user, application_id=int(str(app["id"])), starts_at="2099-01-01T10:00:00Z"
        )
        create_contact(
            client, user, name=f"C{i}", application_ids=[app["id"]], follow_up_on="2026-01-01"
        )


PATHS = [
    "/applications",
    "/applications?q=role",
    "/applications/stats",
    "/applications/export.csv",
    "/organizations",
    "/contacts",
    "/follow-ups",
    "/events?from=2099-01-01&to=2099-01-02",
]


def _counts(client: TestClient, user: ApiUser, count_queries: Callable[[], Any]) -> dict[str, int]:
    out = {}
    for path in PATHS:
        with count_queries() as q:
            r = client.get(API + path, headers=user.headers)
        assert r.status_code == 200, (path, r.text)
        out[path] = q.count
    r = client.post(f"{API}/me/calendar-feed", headers=user.headers)
    feed = r.json()["url"].removeprefix("http://testserver")
    with count_queries() as q:
        assert client.get(feed).status_code == 200
    out["feed"] = q.count
    return out


def test_query_counts_do_not_grow_with_data(
    client: TestClient, count_queries: Callable[[], Any]
) -> None:
    user = make_user(client)
    _grow(client, user, 2)
    small = _counts(client, user, count_queries)
    _grow(client, user, 8)
    large = _counts(client, user, count_queries)
    assert small == large
    assert client.get(f"{API}/applications", headers=user.headers).json()["total"] == 10
