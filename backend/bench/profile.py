"""Where the time goes per request: `python -m bench.profile [label-substring ...]`.

Seeds the bench's users, starts `kaizen serve` (one worker, access log off), and for each
bench line samples the server with py-spy (all threads, idle ones left out) while wrk drives
the endpoint at 4 connections. Each sampled stack is put in one bucket by the innermost frame
that names a cost (SQL execution, ORM loading, scoring, validation, ...), and the buckets are
printed as shares of the request's time. The findings are summarised in bench/README.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path

import httpx

from bench import servers, wrk
from bench.__main__ import API, LINES, _prepare, _put_paths

# (bucket, markers): the first bucket, scanning a stack from its innermost frame outwards,
# whose marker appears in the frame wins.
KEEP = os.environ.get("BENCH_PROFILE_KEEP")  # a folder to keep the raw stacks in
BUCKETS: list[tuple[str, tuple[str, ...]]] = [
    ("SQL execution (driver)", ("do_execute", "do_executemany", "cursor.execute", "_exec_")),
    ("ORM loading (rows to objects)", ("orm/loading.py", "instances (sqlalchemy")),
    ("SQLAlchemy compile/ORM overhead", ("sqlalchemy/",)),
    ("Python scoring", ("scoring.py", "habits/logs.py", "aggregates.py")),
    ("response validation + JSON", ("serialize_response", "_prepare_response", "jsonable_")),
    ("pydantic (schemas built in routes)", ("pydantic",)),
    ("auth (token lookup)", ("current_credential", "user_for_token")),
    ("dependency graph / request parsing", ("solve_dependencies", "request_params_to_args")),
    ("Kaizen routes and services", ("kaizen/",)),
    ("middleware (Guard)", ("kaizen/main.py",)),
    ("thread pool hop (anyio)", ("anyio", "to_thread", "run_sync")),
    ("uvicorn / starlette / event loop", ("uvicorn", "starlette", "httptools", "asyncio")),
]
# Commit and session handling sit in kaizen/db.py around the handler.
SESSION = ("commit (", "close (", "get_db (", "_connection_for_bind", "rollback (")


def bucket_of(stack: str) -> str:
    frames = stack.split(";")
    if any(m in f for f in frames for m in ("get_db (",)) and any(
        m in f for f in frames[-6:] for m in SESSION
    ):
        return "session: begin / commit / close"
    for frame in reversed(frames):
        for name, markers in BUCKETS:
            if any(m in frame for m in markers):
                return name
    return "other"


def profile(pid: int, seconds: int, out: Path) -> subprocess.Popen[bytes]:
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    return subprocess.Popen(
        [
            *(spy, "record", "--pid", str(pid), "--duration", str(seconds), "--rate", "250"),
            *("--format", "raw", "--output", str(out), "--nonblocking"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


# Leaf frames of threads that wait (the event loop between requests, idle pool threads).
IDLE = ("Runner.run (asyncio", "Condition.wait (threading", "select (selectors", "_worker (")


def summarise(raw: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in raw.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not stack or not n.isdigit() or stack.split(";")[-1].startswith(IDLE):
            continue
        counts[bucket_of(stack)] += int(n)
    return counts


def main(argv: list[str]) -> int:
    wanted = [a.lower() for a in argv]
    workdir = Path(tempfile.mkdtemp(prefix="kaizen-profile-"))
    url = f"sqlite:///{workdir}/bench.db"
    users, today = _prepare(url)
    user = users["years5"]
    wrk_bin = wrk.ensure_wrk()
    try:
        with servers.kaizen(url) as base:
            available = set(httpx.get(f"{base}/openapi.json", timeout=30).json()["paths"])
            for line in LINES:
                if wanted and not any(w in line.label.lower() for w in wanted):
                    continue
                if API + line.route not in available:
                    continue
                put = _put_paths(user, today) if line.method == "PUT" else None
                path = line.path(user)
                raw = workdir / "profile.txt"
                spy = profile(servers.PIDS[base], 6, raw)
                drive = threading.Thread(
                    target=wrk.run,
                    args=(wrk_bin, base + (put[0] if put else path)),
                    kwargs={"connections": 4, "seconds": 5, "token": user.token, "put_paths": put},
                )
                drive.start()
                drive.join()
                spy.wait()
                if not raw.exists():
                    print(f"{line.label}: not profiled")
                    continue
                if KEEP:
                    shutil.copy(raw, Path(KEEP) / f"{line.label.replace('/', '_')}.txt")
                counts = summarise(raw)
                total = sum(counts.values()) or 1
                print(f"\n{line.label}")
                for name, n in counts.most_common():
                    print(f"  {n / total:6.1%}  {name}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
