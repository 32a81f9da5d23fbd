"""Run a command against a throwaway PostgreSQL cluster, then remove the cluster.

    python scripts/with_postgres.py -- pytest -q

Starts `initdb`/`postgres` from PATH in a temporary directory on 127.0.0.1 (as the `postgres`
system user when run as root, since PostgreSQL refuses to run as root), exports
KAIZEN_TEST_DATABASE_URL for the command, and always stops and deletes the cluster afterwards.
When KAIZEN_TEST_POSTGRES_URL is set, that server is used instead.
Without PostgreSQL binaries it says so loudly and exits 0 -- except under CI (CI=true), where a
missing PostgreSQL is an error, never a silent skip.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(cmd)]


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    provided = os.environ.get("KAIZEN_TEST_POSTGRES_URL")
    if provided:
        # A server is provided already (e.g. a CI service container): use it as it is.
        env = {**os.environ, "KAIZEN_TEST_DATABASE_URL": provided}
        return subprocess.run(argv, env=env, check=False).returncode
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if not initdb or not pg_ctl:
        banner = "PostgreSQL binaries (initdb, pg_ctl) not found on PATH"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            print(f"ERROR: {banner}; CI requires the PostgreSQL test run.", file=sys.stderr)
            return 1
        print(f"\n{'!' * 72}\n!! SKIPPED the PostgreSQL test run: {banner}.\n{'!' * 72}\n")
        return 0

    workdir = Path(tempfile.mkdtemp(prefix="kaizen-pg-"))
    data = workdir / "data"
    port = _free_port()
    log = workdir / "postgres.log"
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    started = False
    try:
        subprocess.run(
            _as_postgres([initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # fsync off: this cluster lives for one test run and is thrown away.
        options = f"-h 127.0.0.1 -p {port} -k {workdir} -F -c max_connections=100"
        subprocess.run(
            _as_postgres([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]),
            check=True,
            stdout=subprocess.DEVNULL,
        )
        started = True
        base = f"postgresql+psycopg://postgres@127.0.0.1:{port}"
        _create_database(base, "kaizen_test")
        env = {**os.environ, "KAIZEN_TEST_DATABASE_URL": f"{base}/kaizen_test"}
        print(f"PostgreSQL {_server_version(base)} test cluster on 127.0.0.1:{port}", flush=True)
        return subprocess.run(argv, env=env, check=False).returncode
    except subprocess.CalledProcessError as exc:
        print(f"ERROR: could not start PostgreSQL: {exc}", file=sys.stderr)
        if log.exists():
            print(log.read_text(), file=sys.stderr)
        return 1
    finally:
        if started:
            subprocess.run(
                _as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"]),
                check=False,
                stdout=subprocess.DEVNULL,
            )
        shutil.rmtree(workdir, ignore_errors=True)


def _create_database(base: str, name: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    deadline = time.monotonic() + 30
    while True:
        try:
            with engine.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)
    engine.dispose()


def _server_version(base: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{base}/postgres")
    with engine.connect() as conn:
        version = str(conn.execute(text("SHOW server_version")).scalar())
    engine.dispose()
    return version


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
