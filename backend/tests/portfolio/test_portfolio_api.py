"""Portfolio entries, their stats, and the opt-in public profile."""

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import create_portfolio_entry, make_user

SetNow = Callable[[str], None]


def test_minimal_entry_and_publishing_sets_the_date(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    e = create_portfolio_entry(client, user, title="How autograd works")
    assert (e["kind"], e["status"], e["published_on"]) == ("blog_post", "idea", None)
    r = client.patch(
        f"/api/v1/portfolio-entries/{e['id']}",
        json={"status": "published", "url": "https://blog.example.com/autograd"},
        headers=user.headers,
    )
    assert r.status_code == 200
    assert r.json()["published_on"] == "2024-11-20"
    assert r.json()["url"] == "https://blog.example.com/autograd"


@pytest.mark.parametrize(
    "body",
    [
        {"title": ""},
        {"kind": "poem"},
        {"status": "done"},
        {"url": "javascript:alert(1)"},
        {"url": "not a url"},
        {"published_on": "2024-02-31"},
        {"goal_id": "one"},
    ],
)
def test_invalid_entries_are_422(client: TestClient, body: dict[str, Any]) -> None:
    user = make_user(client)
    r = client.post("/api/v1/portfolio-entries", json={"title": "x", **body}, headers=user.headers)
    assert r.status_code == 422
    assert client.get("/api/v1/portfolio-entries", headers=user.headers).json()["total"] == 0


def test_stats_per_month_and_kind(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    create_portfolio_entry(client, user, status="published", published_on="2024-10-05")
    create_portfolio_entry(
        client, user, status="published", published_on="2024-11-02", kind="implementation"
    )
    create_portfolio_entry(client, user, status="published", published_on="2024-11-12")
    create_portfolio_entry(client, user, status="drafting")
    stats = client.get("/api/v1/portfolio-entries/stats", headers=user.headers).json()
    months = {m["month"]: m["count"] for m in stats["published_per_month"]}
    assert len(stats["published_per_month"]) == 12
    assert stats["published_per_month"][-1]["month"] == "2024-11"
    assert (months["2024-10"], months["2024-11"], months["2024-09"]) == (1, 2, 0)
    assert stats["by_kind"] == {"blog_post": 2, "implementation": 1}
    assert stats["by_status"] == {"published": 3, "drafting": 1}


def test_public_profile_follows_status_and_switch(client: TestClient, set_now: SetNow) -> None:
    set_now("2024-11-20T12:00:00Z")
    user = make_user(client)
    published = create_portfolio_entry(
        client, user, title="Torch internals", status="published", notes="secret notes"
    )
    draft = create_portfolio_entry(client, user, title="Half-written", status="drafting")
    anon = {"Authorization": ""}
    assert client.get("/api/v1/public/profiles/asha", headers=anon).status_code == 404
    r = client.patch("/api/v1/me", json={"public_profile": True}, headers=user.headers)
    assert r.status_code == 422  # a handle first
    r = client.patch(
        "/api/v1/me", json={"handle": "Asha-Ml", "public_profile": True}, headers=user.headers
    )
    assert r.status_code == 200 and r.json()["handle"] == "asha-ml"
    profile = client.get("/api/v1/public/profiles/asha-ml").json()
    assert profile["display_name"] == "Tester"
    assert [e["title"] for e in profile["entries"]] == ["Torch internals"]
    assert "notes" not in profile["entries"][0] and "secret" not in str(profile)
    assert "email" not in profile
    client.patch(
        f"/api/v1/portfolio-entries/{draft['id']}",
        json={"status": "published"},
        headers=user.headers,
    )
    client.patch(
        f"/api/v1/portfolio-entries/{published['id']}",
        json={"status": "drafting"},
        headers=user.headers,
    )
    assert [
        e["title"] for e in client.get("/api/v1/public/profiles/asha-ml").json()["entries"]
    ] == ["Half-written"]
    client.patch("/api/v1/me", json={"public_profile": False}, headers=user.headers)
    assert client.get("/api/v1/public/profiles/asha-ml").status_code == 404


def test_handles_are_unique_and_url_safe(client: TestClient) -> None:
    alice, bob = make_user(client), make_user(client)
    assert (
        client.patch("/api/v1/me", json={"handle": "asha"}, headers=alice.headers).status_code
        == 200
    )
    assert (
        client.patch("/api/v1/me", json={"handle": "ASHA"}, headers=bob.headers).status_code == 409
    )
    for bad in ("a", "has space", "../etc", "-dash", "x" * 33, "émile"):
        assert (
            client.patch("/api/v1/me", json={"handle": bad}, headers=bob.headers).status_code == 422
        )
    assert client.get("/api/v1/public/profiles/..%2f..").status_code in (404, 422)


def test_other_users_entries_are_404(client: TestClient) -> None:
    alice, bob = make_user(client), make_user(client)
    e = create_portfolio_entry(client, alice)
    for method, body in (("GET", None), ("PATCH", {"title": "x"}), ("DELETE", None)):
        r = client.request(
            method, f"/api/v1/portfolio-entries/{e['id']}", json=body, headers=bob.headers
        )
        assert r.status_code == 404
    assert (
        client.get(f"/api/v1/portfolio-entries/{e['id']}", headers=alice.headers).json()["title"]
        == "Post"
    )
