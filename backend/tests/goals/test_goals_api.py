"""Goals, key results and links through the HTTP API."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import (
    ApiUser,
    check_in,
    create_goal,
    create_habit,
    create_key_result,
    create_portfolio_entry,
    create_sprint,
    make_user,
)

SetNow = Callable[[str], None]


def test_minimal_goal_and_defaults(client: TestClient) -> None:
    user = make_user(client)
    goal = create_goal(client, user, title="DSA")
    assert goal["area"] == "other" and goal["importance"] == "optional"
    assert goal["enthusiasm"] == "okay" and goal["status"] == "active"
    assert goal["progress"] is None and goal["key_result_count"] == 0


@pytest.mark.parametrize(
    "body",
    [
        {"title": ""},
        {"title": "x", "area": "cooking"},
        {"title": "x", "enthusiasm": "ecstatic"},
        {"title": "x", "importance": "vital"},
        {"title": "x", "target_date": "2025-13-01"},
        {"title": "x", "description": "y" * 20001},
    ],
)
def test_invalid_goals_are_422(client: TestClient, body: dict[str, Any]) -> None:
    user = make_user(client)
    assert client.post("/api/v1/goals", json=body, headers=user.headers).status_code == 422
    assert client.get("/api/v1/goals", headers=user.headers).json()["total"] == 0


def test_goal_with_two_key_results_shows_progress(client: TestClient) -> None:
    user = make_user(client)
    goal = create_goal(client, user, title="Open source", area="open_source")
    base = f"/api/v1/goals/{goal['id']}/key-results"
    prs = create_key_result(client, user, goal["id"], title="Merged PRs", target_value=4)
    posts = create_key_result(
        client, user, goal["id"], title="Blog posts", start_value=0, current_value=1, target_value=2
    )
    assert prs["progress"] == 0 and posts["progress"] == 0.5
    detail = client.get(f"/api/v1/goals/{goal['id']}", headers=user.headers).json()
    assert detail["progress"] == pytest.approx(0.25)
    r = client.patch(f"{base}/{prs['id']}", json={"current_value": 3}, headers=user.headers)
    assert r.json()["progress"] == 0.75
    detail = client.get(f"/api/v1/goals/{goal['id']}", headers=user.headers).json()
    assert detail["progress"] == pytest.approx((0.75 + 0.5) / 2)
    assert [k["title"] for k in detail["key_results"]] == ["Merged PRs", "Blog posts"]
    listed = client.get("/api/v1/goals", headers=user.headers).json()["items"][0]
    assert listed["progress"] == pytest.approx(0.625) and listed["key_result_count"] == 2
    # Overshooting is clamped; a downward target works too.
    client.patch(f"{base}/{prs['id']}", json={"current_value": 9}, headers=user.headers)
    bugs = create_key_result(
        client, user, goal["id"], title="Open bugs", start_value=10, current_value=4, target_value=0
    )
    assert bugs["progress"] == pytest.approx(0.6)
    assert client.delete(f"{base}/{bugs['id']}", headers=user.headers).status_code == 204
    detail = client.get(f"/api/v1/goals/{goal['id']}", headers=user.headers).json()
    assert detail["progress"] == pytest.approx(0.75)


def test_linked_habits_sprints_and_entries_appear_on_the_goal(
    client: TestClient, set_now: SetNow
) -> None:
    set_now("2024-11-10T12:00:00Z")
    user = make_user(client)
    goal = create_goal(client, user, title="Fitness", area="other")
    gym = create_habit(client, user, name="Gym", start_date="2024-11-01", goal_id=goal["id"])
    create_habit(client, user, name="Unlinked", start_date="2024-11-01")
    for i in range(7):
        day = (date(2024, 11, 3) + timedelta(days=i)).isoformat()
        check_in(client, user, gym["id"], day)
    sprint = create_sprint(
        client,
        user,
        title="Fortnight",
        start_date="2024-11-04",
        goal_ids=[goal["id"]],
    )
    assert sprint["goal_ids"] == [goal["id"]]
    entry = create_portfolio_entry(client, user, title="Gym log post", goal_id=goal["id"])
    detail = client.get(f"/api/v1/goals/{goal['id']}", headers=user.headers).json()
    assert [h["name"] for h in detail["habits"]] == ["Gym"]
    # 1–9 Nov are over; 3–9 done: 7 of 9 eligible days in the 14-day window.
    assert detail["habits"][0]["rate_14d"] == pytest.approx(7 / 9)
    assert detail["habits"][0]["current_streak"] == 7
    assert [s["id"] for s in detail["sprints"]] == [sprint["id"]]
    assert detail["sprints"][0]["status"] == "active"
    assert [e["id"] for e in detail["portfolio_entries"]] == [entry["id"]]
    # Deleting the goal unlinks; nothing else is lost.
    assert client.delete(f"/api/v1/goals/{goal['id']}", headers=user.headers).status_code == 204
    assert client.get(f"/api/v1/habits/{gym['id']}", headers=user.headers).json()["goal_id"] is None
    assert (
        client.get(f"/api/v1/sprints/{sprint['id']}", headers=user.headers).json()["goal_ids"] == []
    )
    assert (
        client.get(f"/api/v1/portfolio-entries/{entry['id']}", headers=user.headers).json()[
            "goal_id"
        ]
        is None
    )


def test_other_users_goals_are_404_everywhere_including_link_fields(client: TestClient) -> None:
    alice, bob = make_user(client), make_user(client)
    goal = create_goal(client, alice, title="Alice's")
    kr = create_key_result(client, alice, goal["id"], title="k", target_value=1)
    gid = goal["id"]
    for method, url, body in [
        ("GET", f"/api/v1/goals/{gid}", None),
        ("PATCH", f"/api/v1/goals/{gid}", {"title": "mine"}),
        ("DELETE", f"/api/v1/goals/{gid}", None),
        ("GET", f"/api/v1/goals/{gid}/key-results", None),
        ("POST", f"/api/v1/goals/{gid}/key-results", {"title": "k", "target_value": 1}),
        ("PATCH", f"/api/v1/goals/{gid}/key-results/{kr['id']}", {"current_value": 1}),
        ("DELETE", f"/api/v1/goals/{gid}/key-results/{kr['id']}", None),
        ("POST", "/api/v1/habits", {"name": "h", "goal_id": gid}),
        ("POST", "/api/v1/sprints", {"title": "s", "goal_ids": [gid]}),
        ("POST", "/api/v1/portfolio-entries", {"title": "p", "goal_id": gid}),
    ]:
        r = client.request(method, url, json=body, headers=bob.headers)
        assert r.status_code == 404, (method, url, r.status_code)
    for url in ("/api/v1/habits", "/api/v1/sprints", "/api/v1/portfolio-entries"):
        assert client.get(url, headers=bob.headers).json()["total"] == 0
    # A key result is reachable only through its own goal.
    other = create_goal(client, alice, title="Other")
    r = client.patch(
        f"/api/v1/goals/{other['id']}/key-results/{kr['id']}",
        json={"current_value": 1},
        headers=alice.headers,
    )
    assert r.status_code == 404
    assert client.get(f"/api/v1/goals/{gid}", headers=alice.headers).json()["title"] == "Alice's"


def test_goal_detail_and_list_run_constant_queries(
    client: TestClient, count_queries: Callable[[], Any], set_now: SetNow
) -> None:
    set_now("2024-11-10T12:00:00Z")

    def build(n: int) -> tuple[ApiUser, int]:
        user = make_user(client)
        goal = create_goal(client, user, title="G")
        for i in range(n):
            create_key_result(client, user, goal["id"], title=f"k{i}", target_value=3)
            create_habit(
                client,
                user,
                name=f"h{i}",
                start_date="2024-11-01",
                goal_id=goal["id"],
            )
            create_sprint(client, user, title=f"s{i}", goal_ids=[goal["id"]])
            create_portfolio_entry(client, user, title=f"p{i}", goal_id=goal["id"])
            create_goal(client, user, title=f"extra{i}")
        return user, goal["id"]

    def count(user: ApiUser, url: str) -> int:
        with count_queries() as q:
            assert client.get(url, headers=user.headers).status_code == 200
        return int(q.count)

    small, small_goal = build(1)
    big, big_goal = build(8)
    assert count(small, f"/api/v1/goals/{small_goal}") == count(big, f"/api/v1/goals/{big_goal}")
    assert count(small, "/api/v1/goals") == count(big, "/api/v1/goals")
    assert count(small, "/api/v1/portfolio-entries") == count(big, "/api/v1/portfolio-entries")
