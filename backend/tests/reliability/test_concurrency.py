"""Parallel requests from real threads against the app and its real database (SQLite or
PostgreSQL): one user's writes take turns, so check-then-write rules hold under load."""

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from kaizen.config import settings
from tests.factories import PASSWORD, make_user

THREADS = 8


def parallel(n: int, call: Callable[[int], httpx.Response]) -> list[httpx.Response]:
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(call, range(n)))


def statuses(responses: list[httpx.Response]) -> Counter[int]:
    return Counter(r.status_code for r in responses)


def test_parallel_puts_of_one_check_in_all_succeed_and_keep_one_row(client: TestClient) -> None:
    user = make_user(client)
    habit = client.post("/api/v1/habits", json={"name": "Gym"}, headers=user.headers).json()
    day = habit["start_date"]
    url = f"/api/v1/habits/{habit['id']}/check-ins/{day}"
    kinds = ["done", "skipped", "missed"]

    responses = parallel(
        48, lambda i: client.put(url, json={"status": kinds[i % 3]}, headers=user.headers)
    )

    assert statuses(responses) == {200: 48}
    rows = client.get(
        "/api/v1/check-ins", params={"from": day, "to": day}, headers=user.headers
    ).json()
    assert rows["total"] == 1


def test_parallel_starter_plans_create_it_once(client: TestClient) -> None:
    user = make_user(client)

    responses = parallel(6, lambda _: client.post("/api/v1/starter-plan", headers=user.headers))

    assert statuses(responses) == {200: 6}
    assert sorted(r.json()["created"] for r in responses) == [False] * 5 + [True]
    goals = client.get("/api/v1/goals", headers=user.headers).json()
    habits = client.get("/api/v1/habits", headers=user.headers).json()
    sprints = client.get("/api/v1/sprints", headers=user.headers).json()
    assert (sprints["total"], goals["total"], habits["total"]) == (1, 9, 7)


def test_parallel_key_results_respect_the_limit(client: TestClient) -> None:
    user = make_user(client)
    goal = client.post("/api/v1/goals", json={"title": "OSS"}, headers=user.headers).json()
    url = f"/api/v1/goals/{goal['id']}/key-results"

    responses = parallel(
        26,
        lambda i: client.post(
            url, json={"title": f"KR {i}", "target_value": 5}, headers=user.headers
        ),
    )

    assert statuses(responses) == {201: 20, 422: 6}
    items = client.get(url, headers=user.headers).json()["items"]
    assert len(items) == 20


def test_parallel_habit_creation_gives_distinct_positions(client: TestClient) -> None:
    user = make_user(client)

    responses = parallel(
        16, lambda i: client.post("/api/v1/habits", json={"name": f"H{i}"}, headers=user.headers)
    )

    assert statuses(responses) == {201: 16}
    habits = client.get("/api/v1/habits", headers=user.headers).json()["items"]
    assert sorted(h["position"] for h in habits) == list(range(1, 17))


def test_parallel_patches_of_habit_ids_end_as_one_of_them(client: TestClient) -> None:
    user = make_user(client)
    ids = [
        client.post("/api/v1/habits", json={"name": f"H{i}"}, headers=user.headers).json()["id"]
        for i in range(4)
    ]
    sprint = client.post(
        "/api/v1/sprints", json={"title": "S", "habit_ids": ids[:2]}, headers=user.headers
    ).json()
    choices = [ids[:2], ids[2:]]

    responses = parallel(
        8,
        lambda i: client.patch(
            f"/api/v1/sprints/{sprint['id']}",
            json={"habit_ids": choices[i % 2]},
            headers=user.headers,
        ),
    )

    assert statuses(responses) == {200: 8}
    final = client.get(f"/api/v1/sprints/{sprint['id']}", headers=user.headers).json()
    assert sorted(final["habit_ids"]) in [sorted(c) for c in choices]


def test_closed_sign_up_lets_exactly_one_first_user_in(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "allow_signup", False)

    def register(i: int) -> httpx.Response:
        body: dict[str, Any] = {"email": f"first{i}@example.com", "password": PASSWORD}
        return client.post("/api/v1/auth/register", json=body)

    parallel(8, register)

    admins = 0
    for i in range(8):
        response = client.post(
            "/api/v1/auth/token", data={"username": f"first{i}@example.com", "password": PASSWORD}
        )
        if response.status_code == 200:
            me = client.get(
                "/api/v1/me", headers={"Authorization": f"Bearer {response.json()['access_token']}"}
            ).json()
            admins += me["is_admin"]
    assert admins == 1
