"""Load benchmark: `make bench` (or `cd backend && .venv/bin/python -m bench`).

Seeds a throwaway SQLite database with a heavy user (30 action items with five years of daily
check-ins, a sprint every fortnight), starts `kaizen serve` on 127.0.0.1, and times the heavy
read endpoints with a bounded number of sequential requests. Prints p50/p95/max per endpoint
and fails (exit 1) when a p95 exceeds its budget. Speed lives here, never in timed tests.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

HABITS = 30
YEARS = 5
REQUESTS = 40
BUDGET_MS = {
    "/api/v1/today": 150,
    "/api/v1/check-ins": 150,
    "stats": 250,
    "/api/v1/sprints": 300,
    "scoreboard": 200,
    # The home screen: /today plus the running sprint's scoreboard and a few small reads.
    "/api/v1/home": 250,
    "weekly review": 250,
}


def seed(url: str, today: date) -> None:
    os.environ["KAIZEN_DATABASE_URL"] = url
    from sqlalchemy import insert

    from kaizen import migrate
    from kaizen.auth import security
    from kaizen.auth.models import User
    from kaizen.db import new_session
    from kaizen.habits.models import CheckIn, Habit
    from kaizen.sprints.models import Sprint, SprintHabit

    migrate.upgrade(url)
    start = today - timedelta(days=365 * YEARS)
    with new_session() as db:
        user = User(
            email="bench@example.com",
            password_hash=security.hash_password("benchmark password"),
            timezone="Asia/Kolkata",
        )
        db.add(user)
        db.flush()
        habits = [
            Habit(user_id=user.id, name=f"habit {i}", start_date=start, position=i)
            for i in range(HABITS)
        ]
        db.add_all(habits)
        db.flush()
        days = (today - start).days
        rows = [
            {
                "habit_id": h.id,
                "day": start + timedelta(days=d),
                "status": "done" if (d * 7 + i) % 10 < 7 else "missed",
                "note": "",
            }
            for i, h in enumerate(habits)
            for d in range(days)
        ]
        for chunk in range(0, len(rows), 20_000):
            db.execute(insert(CheckIn), rows[chunk : chunk + 20_000])
        sprint_start = start
        while sprint_start <= today:
            sprint = Sprint(
                user_id=user.id,
                title=f"Sprint {sprint_start}",
                start_date=sprint_start,
                end_date=sprint_start + timedelta(days=13),
            )
            db.add(sprint)
            db.flush()
            db.add_all(SprintHabit(sprint_id=sprint.id, habit_id=h.id) for h in habits[:5])
            sprint_start += timedelta(days=14)
        db.commit()
        print(f"seeded {len(rows):,} check-ins, {HABITS} habits", flush=True)


def time_endpoint(client: httpx.Client, url: str) -> list[float]:
    client.get(url).raise_for_status()  # warm caches (and freeze finished sprints)
    samples = []
    for _ in range(REQUESTS):
        t0 = time.perf_counter()
        client.get(url).raise_for_status()
        samples.append((time.perf_counter() - t0) * 1000)
    return samples


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="kaizen-bench-"))
    url = f"sqlite:///{workdir}/bench.db"
    today = date.today()
    seed(url, today)
    port = 8790
    env = {**os.environ, "KAIZEN_DATABASE_URL": url, "KAIZEN_ACCESS_LOG": "false"}
    server = subprocess.Popen(
        [sys.executable, "-m", "kaizen.cli", "serve", "--port", str(port)], env=env
    )
    failed = False
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(100):
                try:
                    client.get("/api/v1/health")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            token = client.post(
                "/api/v1/auth/token",
                data={"username": "bench@example.com", "password": "benchmark password"},
            ).json()["access_token"]
            client.headers["Authorization"] = f"Bearer {token}"
            habit_id = client.get("/api/v1/habits?limit=1").json()["items"][0]["id"]
            sprint_id = client.get("/api/v1/sprints?limit=1").json()["items"][0]["id"]
            targets = {
                "/api/v1/today": "/api/v1/today",
                "/api/v1/check-ins": "/api/v1/check-ins",
                "stats": f"/api/v1/habits/{habit_id}/stats",
                "/api/v1/sprints": "/api/v1/sprints?limit=200",
                "scoreboard": f"/api/v1/sprints/{sprint_id}/scoreboard",
                "/api/v1/home": "/api/v1/home",
                "weekly review": "/api/v1/reviews/weekly",
            }
            print(f"{'endpoint':<22}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'budget':>10}")
            for name, path in targets.items():
                samples = sorted(time_endpoint(client, path))
                p95 = samples[int(len(samples) * 0.95) - 1]
                budget = BUDGET_MS[name]
                failed |= p95 > budget
                print(
                    f"{name:<22}{statistics.median(samples):>10.1f}{p95:>10.1f}"
                    f"{samples[-1]:>10.1f}{budget:>10}{'  OVER' if p95 > budget else ''}"
                )
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
