"""Starting and stopping the servers the bench drives (loopback only, ports 8875-8879)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

BACKEND = Path(__file__).resolve().parent.parent
# Two benches on one machine must not drive each other's servers (a server that cannot bind
# its port exits, and the readiness check would then find the other bench's): set
# KAIZEN_BENCH_PORT to move all three ports.
BARE_PORT = int(os.environ.get("KAIZEN_BENCH_PORT", "8875"))
KAIZEN_PORT = BARE_PORT + 1
KAIZEN_WORKERS_PORT = BARE_PORT + 2
PIDS: dict[str, int] = {}  # base URL -> server process id (for the profiler)
LOG = Path(tempfile.gettempdir()) / "kaizen-bench-servers.log"


def _wait(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server for {url} exited ({process.returncode}); see {LOG}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server for {url} did not start in {timeout} s")


@contextmanager
def _serve(cmd: list[str], env: dict[str, str], ready: str) -> Iterator[str]:
    # The servers' own logs go to a file, so the bench's output stays a readable table.
    log = LOG.open("ab")
    process = subprocess.Popen(
        cmd, env=env, cwd=BACKEND, start_new_session=True, stdout=log, stderr=log
    )
    try:
        _wait(ready, process)
        base = ready.split("/", 3)[0] + "//" + ready.split("/", 3)[2]
        PIDS[base] = process.pid
        yield base
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()


@contextmanager
def bare() -> Iterator[str]:
    cmd = [
        sys.executable,
        "-m",
        "uvicorn",
        "bench.bare:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(BARE_PORT),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    with _serve(cmd, dict(os.environ), f"http://127.0.0.1:{BARE_PORT}/bare") as base:
        yield base


@contextmanager
def kaizen(database_url: str, *, workers: int = 1) -> Iterator[str]:
    port = KAIZEN_PORT if workers == 1 else KAIZEN_WORKERS_PORT
    env = {
        **os.environ,
        "KAIZEN_DATABASE_URL": database_url,
        "KAIZEN_ACCESS_LOG": "false",
        "KAIZEN_MIGRATE_ON_START": "false",
        "KAIZEN_FRONTEND_DIST": str(BACKEND / "bench" / "no-frontend"),
    }
    cmd = [
        sys.executable,
        "-m",
        "kaizen.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    with _serve(cmd, env, f"http://127.0.0.1:{port}/api/v1/health") as base:
        yield base
