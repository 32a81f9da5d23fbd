"""Reading stats: finished per month by kind, pages per week, median days, streak."""

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.factories import bearer_token, create_reading_item, make_user

API = "/api/v1/reading-items"


def test_stats(client: TestClient, set_now: Callable[[str], None]) -> None:
    set_now("2026-09-01T09:00:00Z")
    user = make_user(client)
    paper = create_reading_item(client, user, title="P")
    book = create_reading_item(client, user, title="B", kind="book")
    video = create_reading_item(client, user, title="V", kind="video", progress_unit="minutes")
    dropped = create_reading_item(client, user, title="D")

    def at(day: str) -> None:
        set_now(f"{day}T09:00:00Z")
        # A fresh token at each point in time (tokens expire over these months).
        user.headers["Authorization"] = f"Bearer {bearer_token(client, user.email)}"

    at("2026-09-02")
    client.patch(f"{API}/{paper['id']}", json={"status": "reading"}, headers=user.headers)
    at("2026-09-06")
    client.patch(f"{API}/{paper['id']}", json={"status": "done"}, headers=user.headers)  # 4 days
    at("2026-10-01")
    client.patch(f"{API}/{book['id']}", json={"status": "reading"}, headers=user.headers)
    at("2026-11-20")
    client.patch(f"{API}/{book['id']}", json={"status": "done"}, headers=user.headers)  # 50 days
    client.patch(f"{API}/{video['id']}", json={"status": "done"}, headers=user.headers)  # 0 days
    client.patch(f"{API}/{dropped['id']}", json={"status": "dropped"}, headers=user.headers)
    # Progress: pages on three consecutive days up to today, minutes too, and an older day.
    at("2026-11-30")  # a Monday
    for day, amount in (
        ("2026-11-28", 10),
        ("2026-11-29", 15),
        ("2026-11-30", 20),
        ("2026-11-25", 7),
    ):
        r = client.post(
            f"{API}/{paper['id']}/progress",
            json={"amount": amount, "date": day},
            headers=user.headers,
        )
        assert r.status_code == 201, r.text
    client.post(
        f"{API}/{video['id']}/progress",
        json={"amount": 30, "date": "2026-11-26"},
        headers=user.headers,
    )

    stats = client.get(f"{API}/stats", headers=user.headers).json()
    assert stats["months"][0] == "2025-12" and stats["months"][-1] == "2026-11"
    assert len(stats["months"]) == 12
    assert stats["finished_per_month"] == [
        {"month": "2026-09", "kind": "paper", "count": 1},
        {"month": "2026-11", "kind": "book", "count": 1},
        {"month": "2026-11", "kind": "video", "count": 1},
    ]
    weeks = {w["week_start"]: w["pages"] for w in stats["pages_per_week"]}
    assert len(weeks) == 12
    assert min(weeks) == "2026-09-14" and max(weeks) == "2026-11-30"
    assert weeks["2026-11-30"] == 20
    assert weeks["2026-11-23"] == 32  # minutes do not count as pages
    assert sum(weeks.values()) == 52
    assert stats["median_days_to_finish"] == 4
    assert stats["current_streak"] == 3
    assert stats["by_status"] == {"done": 3, "dropped": 1}

    # Yesterday's reading keeps the streak alive until today ends.
    at("2026-12-01")
    assert client.get(f"{API}/stats", headers=user.headers).json()["current_streak"] == 3
    at("2026-12-02")
    assert client.get(f"{API}/stats", headers=user.headers).json()["current_streak"] == 0


def test_empty_stats(client: TestClient, set_now: Callable[[str], None]) -> None:
    set_now("2026-11-30T09:00:00Z")
    user = make_user(client)
    stats = client.get(f"{API}/stats", headers=user.headers).json()
    assert stats["months"][0] == "2025-12" and stats["months"][-1] == "2026-11"
    assert len(stats["months"]) == 12
    assert stats["finished_per_month"] == []
    assert stats["median_days_to_finish"] is None
    assert stats["current_streak"] == 0
    assert all(w["pages"] == 0 for w in stats["pages_per_week"])
