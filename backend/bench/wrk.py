"""Running `wrk` and reading its report (throughput, latency percentiles, errors)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PUT_SCRIPT = Path(__file__).with_name("put.lua")
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass(frozen=True)
class Run:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx responses plus socket errors
    cpu_ms: float | None = None  # the server's CPU time per request (one worker, Linux)


def ensure_wrk() -> str:
    """The `wrk` binary; on Debian it is installed with apt when missing (bench only)."""
    found = shutil.which("wrk")
    if found:
        return found
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("installing wrk (apt-get install -y wrk) ...", flush=True)
        apt = shutil.which("apt-get") or "apt-get"
        subprocess.run([apt, "install", "-y", "-q", "wrk"], check=False)
        found = shutil.which("wrk")
        if found:
            return found
    sys.exit("the benchmark needs `wrk` (Debian: apt-get install wrk)")


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"unreadable wrk duration {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse(output: str) -> Run:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    if not (rps and total and p50 and p99):
        raise RuntimeError(f"could not read wrk's report:\n{output}")
    errors = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(g) for g in socket.groups())
    return Run(
        float(rps.group(1)), _ms(p50.group(1)), _ms(p99.group(1)), int(total.group(1)), errors
    )


def run(
    wrk: str,
    url: str,
    *,
    connections: int,
    seconds: float,
    token: str | None = None,
    put_paths: list[str] | None = None,
) -> Run:
    cmd = [
        wrk,
        "-t1",
        f"-c{connections}",
        f"-d{seconds:g}s",
        "--timeout",
        "10s",
        "--latency",
    ]
    env = dict(os.environ)
    if put_paths is not None:
        cmd += ["-s", str(PUT_SCRIPT)]
        env["BENCH_PATHS"] = ";".join(put_paths)
        env["BENCH_TOKEN"] = token or ""
    elif token:
        cmd += ["-H", f"Authorization: Bearer {token}"]
    cmd.append(url)
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return parse(done.stdout)
