"""Load benchmark: `make bench` (or `cd backend && .venv/bin/python -m bench`).

Seeds a throwaway database with the bench's users (see ``seed.py``), starts a bare FastAPI
JSON route and `kaizen serve` (access log off) side by side on loopback, and drives each
endpoint with `wrk`: at 32 connections for throughput (reported as a share of the bare route's
throughput in the same run) and at 1 connection for the 99th percentile. Then it checks that
Today is flat in history length (10 years vs 1 year) and that `--workers 2` scales the writes
and Today. Prints one table with the goal beside each figure and exits 1 when a goal is
missed. Speed lives here, never in timed tests.

    python -m bench                          # SQLite (default)
    python -m bench --database postgresql    # a throwaway PostgreSQL cluster
    python -m bench --seconds 2              # shorter wrk runs
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench import servers, wrk
from bench.seed import BenchUser

BACKEND = Path(__file__).resolve().parent.parent
API = "/api/v1"


@dataclass(frozen=True)
class Goal:
    share: float | None  # of the bare route's throughput, at 32 connections
    p99_ms: float | None  # at one connection

    def describe(self) -> str:
        parts = []
        if self.share is not None:
            parts.append(f">= {self.share:.0%}")
        if self.p99_ms is not None:
            parts.append(f"p99 <= {self.p99_ms:g} ms")
        return ", ".join(parts) or "(measured)"


TODAY = Goal(0.05, 15)
WRITE = Goal(0.10, None)
LIST = Goal(0.10, None)
AGGREGATE = Goal(0.03, 25)
INFO = Goal(None, None)
FLAT_RATIO = 1.2  # 10 years of history costs at most 1.2x one year
WORKERS_RATIO = 1.7  # two workers give at least 1.7x one


@dataclass(frozen=True)
class Line:
    label: str
    route: str  # the OpenAPI path (availability check)
    path: Callable[[BenchUser], str]
    goal: Goal
    method: str = "GET"


def _put_paths(user: BenchUser, today_iso: str) -> list[str]:
    from datetime import date, timedelta

    today = date.fromisoformat(today_iso)
    return [
        f"{API}/habits/{habit_id}/check-ins/{today - timedelta(days=d)}"
        for d in range(1, 15)
        for habit_id in user.habit_ids
    ]


LINES = [
    Line("GET /me", "/me", lambda u: f"{API}/me", INFO),
    Line("GET /today", "/today", lambda u: f"{API}/today", TODAY),
    Line("GET /home", "/home", lambda u: f"{API}/home", TODAY),
    Line("GET /habits", "/habits", lambda u: f"{API}/habits", LIST),
    Line("GET /goals", "/goals", lambda u: f"{API}/goals", LIST),
    Line("GET /sprints", "/sprints", lambda u: f"{API}/sprints", LIST),
    Line(
        "GET /applications (board, ?limit=200)",
        "/applications",
        lambda u: f"{API}/applications?limit=200",
        LIST,
    ),
    Line("GET /follow-ups", "/follow-ups", lambda u: f"{API}/follow-ups", LIST),
    Line(
        "GET /reading-items (queue, ?limit=200)",
        "/reading-items",
        lambda u: f"{API}/reading-items?status=queued&status=reading&limit=200",
        LIST,
    ),
    Line(
        "GET /habits/{id}/stats",
        "/habits/{habit_id}/stats",
        lambda u: f"{API}/habits/{u.habit_ids[0]}/stats",
        AGGREGATE,
    ),
    Line(
        "GET /sprints/{id}/scoreboard",
        "/sprints/{sprint_id}/scoreboard",
        lambda u: f"{API}/sprints/{u.sprint_ids[-1]}/scoreboard",
        AGGREGATE,
    ),
    Line("GET /check-ins", "/check-ins", lambda u: f"{API}/check-ins", AGGREGATE),
    Line(
        "sprint history (GET /sprints?limit=200)",
        "/sprints",
        lambda u: f"{API}/sprints?limit=200",
        AGGREGATE,
    ),
    Line(
        "GET /applications/stats",
        "/applications/stats",
        lambda u: f"{API}/applications/stats",
        AGGREGATE,
    ),
    Line(
        "GET /reading-items/stats",
        "/reading-items/stats",
        lambda u: f"{API}/reading-items/stats",
        AGGREGATE,
    ),
    Line(
        "GET /reviews/weekly (this week)",
        "/reviews/weekly",
        lambda u: f"{API}/reviews/weekly?week={u.week}",
        AGGREGATE,
    ),
    Line(
        "PUT /habits/{id}/check-ins/{date}",
        "/habits/{habit_id}/check-ins/{date}",
        lambda u: "",
        WRITE,
        method="PUT",
    ),
]


@dataclass
class Row:
    label: str
    goal: str
    share: str = ""
    rps: str = ""
    p99: str = ""
    verdict: str = ""
    cpu: str = ""


class Bench:
    def __init__(self, wrk_bin: str, seconds: float) -> None:
        self.wrk = wrk_bin
        self.seconds = seconds
        self.bare_rps: list[float] = []
        self.rows: list[Row] = []
        self.failed = False

    @property
    def bare(self) -> float:
        return statistics.median(self.bare_rps)

    def measure_bare(self, base: str) -> float:
        run = wrk.run(self.wrk, f"{base}/bare", connections=32, seconds=self.seconds)
        self.bare_rps.append(run.rps)
        return run.rps

    def drive(
        self, base: str, path: str, token: str, *, connections: int, put_paths: list[str] | None
    ) -> wrk.Run:
        pid = servers.PIDS.get(base)
        before = _cpu_seconds(pid)
        run = wrk.run(
            self.wrk,
            base + (put_paths[0] if put_paths else path),
            connections=connections,
            seconds=self.seconds,
            token=token,
            put_paths=put_paths,
        )
        _settle(base)
        after = _cpu_seconds(pid)
        if before is None or after is None or not run.requests:
            return run
        return dataclasses.replace(run, cpu_ms=(after - before) * 1000 / run.requests)

    def verdict(self, ok: bool) -> str:
        self.failed |= not ok
        return "PASS" if ok else "FAIL"


def _cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of a one-worker server process so far (Linux), else None.

    CPU time per request is the cost a loaded machine does not inflate: a busy neighbour makes
    requests wait, not work harder."""
    stat = Path(f"/proc/{pid}/stat")
    if pid is None or not stat.exists():
        return None
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _settle(base: str) -> None:
    """Wait until the server has finished what wrk left in flight (requests of connections
    wrk closed are still served), so it does not spill into the next measurement."""
    httpx.get(f"{base}{API}/health", timeout=120)


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")


def _warm(base: str, path: str, token: str) -> int:
    response = httpx.get(base + path, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    for _ in range(3):
        httpx.get(base + path, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    return response.status_code


def measure_lines(
    bench: Bench, base: str, bare_base: str, user: BenchUser, today: str, lines: list[Line]
) -> dict[str, wrk.Run]:
    available = set(httpx.get(f"{base}/openapi.json", timeout=30).json()["paths"])
    throughput: dict[str, wrk.Run] = {}
    for line in lines:
        row = Row(line.label, line.goal.describe())
        bench.rows.append(row)
        if API + line.route not in available:
            row.verdict = "not available"
            print(f"- {line.label}: not available", flush=True)
            continue
        put_paths = _put_paths(user, today) if line.method == "PUT" else None
        path = line.path(user)
        if put_paths is None:
            code = _warm(base, path, user.token)
            if code == 404:
                row.verdict = "not available"
                continue
            if code >= 400:
                row.verdict = bench.verdict(False) + f" (HTTP {code})"
                continue
        # The bare route is measured right before each line, so a share compares two runs
        # seconds apart (on a shared machine the load changes from minute to minute).
        bare = bench.measure_bare(bare_base)
        fast = bench.drive(base, path, user.token, connections=32, put_paths=put_paths)
        slow = bench.drive(base, path, user.token, connections=1, put_paths=put_paths)
        throughput[line.label] = fast
        share = _ratio(fast.rps, bare)
        ok = fast.errors == 0 and slow.errors == 0 and bool(fast.requests and slow.requests)
        ok &= line.goal.share is None or share >= line.goal.share
        ok &= line.goal.p99_ms is None or slow.p99_ms <= line.goal.p99_ms
        row.share, row.rps, row.p99 = f"{share:.1%}", f"{fast.rps:,.0f}", f"{slow.p99_ms:.1f} ms"
        row.cpu = f"{fast.cpu_ms:.1f} ms" if fast.cpu_ms is not None else ""
        row.verdict = bench.verdict(ok)
        if fast.errors or slow.errors:
            row.verdict += f" ({fast.errors + slow.errors} errors)"
        elif not (fast.requests and slow.requests):
            row.verdict += " (no request completed)"
        print(
            f"- {line.label}: {row.rps} req/s ({row.share} of {bare:,.0f}), p99 {row.p99}",
            flush=True,
        )
    return throughput


def measure_flatness(bench: Bench, base: str, users: dict[str, BenchUser]) -> None:
    short, long = users["years1"], users["years10"]
    for user in (short, long):
        _warm(base, f"{API}/today", user.token)
    # Three interleaved pairs, so a change in the machine's load hits both sides alike.
    pairs = [
        (
            bench.drive(base, f"{API}/today", short.token, connections=32, put_paths=None),
            bench.drive(base, f"{API}/today", long.token, connections=32, put_paths=None),
        )
        for _ in range(3)
    ]
    one = wrk.Run(*_mean(p[0] for p in pairs))
    ten = wrk.Run(*_mean(p[1] for p in pairs))
    one_slow = bench.drive(base, f"{API}/today", short.token, connections=1, put_paths=None)
    ten_slow = bench.drive(base, f"{API}/today", long.token, connections=1, put_paths=None)
    # The cost is the server's CPU time per request where it is known, else throughput.
    if one.cpu_ms and ten.cpu_ms:
        ratio, basis = ten.cpu_ms / one.cpu_ms, f"CPU {one.cpu_ms:.1f} / {ten.cpu_ms:.1f} ms"
    else:
        ratio, basis = _ratio(one.rps, ten.rps), "req/s"
    ok = ratio <= FLAT_RATIO and not (one.errors or ten.errors)
    bench.rows.append(
        Row(
            "GET /today, 10 years vs 1 year of history",
            f"cost <= {FLAT_RATIO}x",
            f"{ratio:.2f}x",
            f"{one.rps:,.0f} / {ten.rps:,.0f}",
            f"{one_slow.p99_ms:.1f} / {ten_slow.p99_ms:.1f} ms",
            bench.verdict(ok),
            basis,
        )
    )
    print(f"- today 1y vs 10y: {ratio:.2f}x ({basis})", flush=True)


def _mean(runs: Iterable[wrk.Run]) -> tuple[float, float, float, int, int, float | None]:
    done = list(runs)
    cpu = [r.cpu_ms for r in done if r.cpu_ms is not None]
    return (
        statistics.mean(r.rps for r in done),
        0.0,
        0.0,
        sum(r.requests for r in done),
        sum(r.errors for r in done),
        statistics.mean(cpu) if len(cpu) == len(done) else None,
    )


def measure_workers(
    bench: Bench, database_url: str, single_base: str, user: BenchUser, today: str
) -> None:
    """One worker and two, measured back to back on the same database."""
    with servers.kaizen(database_url, workers=2) as base:
        _warm(base, f"{API}/today", user.token)
        for label, put_paths in (
            ("GET /today", None),
            ("PUT /habits/{id}/check-ins/{date}", _put_paths(user, today)),
        ):
            runs = [
                bench.drive(b, f"{API}/today", user.token, connections=32, put_paths=put_paths)
                for b in (single_base, base)
            ]
            ratio = _ratio(runs[1].rps, runs[0].rps)
            bench.rows.append(
                Row(
                    f"{label}, --workers 2 vs 1",
                    f">= {WORKERS_RATIO}x",
                    f"{ratio:.2f}x",
                    f"{runs[1].rps:,.0f} / {runs[0].rps:,.0f}",
                    "",
                    bench.verdict(
                        ratio >= WORKERS_RATIO and not (runs[0].errors or runs[1].errors)
                    ),
                )
            )
            print(f"- {label}, 2 workers vs 1: {ratio:.2f}x", flush=True)


def print_table(bench: Bench, database: str) -> None:
    header = (
        "endpoint",
        "share of bare",
        "req/s (32 conn)",
        "p99 (1 conn)",
        "server CPU/req",
        "goal",
        "result",
    )
    body = [(r.label, r.share, r.rps, r.p99, r.cpu, r.goal, r.verdict) for r in bench.rows]
    widths = [max(len(str(c)) for c in col) for col in zip(header, *body, strict=False)]
    print(
        f"\nKaizen bench on {database}: bare FastAPI route {bench.bare:,.0f} req/s at 32 "
        f"connections (median of {len(bench.bare_rps)} runs; each share is of the run just "
        "before it)\n"
    )
    for cells in (header, tuple("-" * w for w in widths), *body):
        print("  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())


def _prepare(database_url: str) -> tuple[dict[str, BenchUser], str]:
    from sqlalchemy.orm import Session

    from bench import seed
    from kaizen import clock, migrate
    from kaizen.db import build_engine

    migrate.upgrade(database_url)
    today = clock.local_today(seed.TIMEZONE)
    started = time.monotonic()
    print("seeding:", flush=True)
    engine = build_engine(database_url)
    with Session(engine) as db:
        users = seed.seed(db, today)
    engine.dispose()
    print(f"  seeded in {time.monotonic() - started:.0f} s", flush=True)
    return users, today.isoformat()


def run(
    database_url: str, database: str, seconds: float, workers_check: bool, only: list[str]
) -> int:
    bench = Bench(wrk.ensure_wrk(), seconds)
    lines = [line for line in LINES if not only or any(o in line.label for o in only)]
    users, today = _prepare(database_url)
    heavy = users["years5"]
    with servers.bare() as bare_base, servers.kaizen(database_url) as base:
        bench.measure_bare(bare_base)
        single = measure_lines(bench, base, bare_base, heavy, today, lines)
        if "GET /today" in single:
            measure_flatness(bench, base, users)
        if workers_check and single:
            measure_workers(bench, database_url, base, heavy, today)
    print_table(bench, database)
    if bench.failed:
        print("\nFAIL: at least one goal was missed")
        return 1
    print("\nPASS: every goal met")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--seconds", type=float, default=3.0, help="length of each wrk run")
    parser.add_argument(
        "--no-workers", action="store_true", help="skip the --workers 2 scaling check"
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="TEXT",
        help="measure only the lines whose label contains TEXT (repeatable)",
    )
    args = parser.parse_args(argv)
    if args.database == "postgresql":
        url = os.environ.get("KAIZEN_TEST_DATABASE_URL")
        if not url:
            return _under_postgres(sys.argv[1:])
        return run(url, "PostgreSQL", args.seconds, not args.no_workers, args.only)
    workdir = Path(tempfile.mkdtemp(prefix="kaizen-bench-"))
    try:
        url = f"sqlite:///{workdir}/bench.db"
        return run(url, "SQLite", args.seconds, not args.no_workers, args.only)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _under_postgres(argv: list[str]) -> int:
    """Re-run this bench inside scripts/with_postgres.py's throwaway cluster."""
    if not (shutil.which("initdb") and shutil.which("pg_ctl")):
        print("the PostgreSQL bench needs initdb and pg_ctl on PATH", file=sys.stderr)
        return 1
    script = BACKEND / "scripts" / "with_postgres.py"
    cmd = [sys.executable, str(script), "--", sys.executable, "-m", "bench", *argv]
    return subprocess.run(cmd, cwd=BACKEND, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
