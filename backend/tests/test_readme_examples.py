"""The README's API examples run as written: its curl block and its httpie blocks are pulled
out of README.md and run against a live `kaizen serve` (fresh SQLite database, free port).

Only what a copy-paste cannot do alone is changed: the port, `--check-status` and
`--ignore-stdin` for httpie and `-f` for curl (so an HTTP error fails the test), the
placeholder `kz_…` replaced by the token the previous line printed, and `$KZ`/`$TOKEN` set
from the responses, as the README tells the reader to do. The curl block runs in bash; the
httpie lines run through httpie's own entry point in this process.
"""

import json
import os
import re
import shlex
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from httpie.context import Environment
from httpie.core import main as httpie_main
from httpie.status import ExitStatus

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
BASH = shutil.which("bash") or "/bin/bash"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, flags=re.S)


def _commands(block: str) -> list[str]:
    """Lines of a block, continuation lines joined."""
    return [c.strip() for c in block.replace("\\\n", " ").splitlines() if c.strip()]


CURL = next(b for b in _blocks(README) if "curl -s localhost:8000/api/v1/auth/register" in b)
HTTPIE = [b for b in _blocks(README) if b.lstrip().startswith("http ")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    """`kaizen serve` on a free port with its own SQLite database (one for this module)."""
    tmp_path = tmp_path_factory.mktemp("readme")
    port = _free_port()
    env = {
        **os.environ,
        "KAIZEN_DATABASE_URL": f"sqlite:///{tmp_path}/kaizen.db",
        "KAIZEN_FRONTEND_DIST": str(tmp_path / "no-dist"),
        "KAIZEN_ACCESS_LOG": "false",
    }
    process = subprocess.Popen(
        [str(BIN / "kaizen"), "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30  # startup wait, not a timed assertion
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "kaizen serve did not start"
            time.sleep(0.1)
        yield port, tmp_path / "kaizen.db"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def server(live: tuple[int, Path]) -> int:
    """The live server's port, with an empty database: each block starts from nothing, as a
    new reader would (ids of deleted rows are never handed out again, and no block's ids
    depend on rows an earlier block created)."""
    port, database = live
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("DELETE FROM users")
    return port


def _run(command: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [BASH, "-c", f"set -eo pipefail\n{command}"],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _documents(text: str) -> list[dict[str, object]]:
    """The JSON documents curl printed back to back (it adds no newline between them)."""
    decoder, docs, i = json.JSONDecoder(), [], 0
    while (i := text.find("{", i)) != -1:
        doc, i = decoder.raw_decode(text, i)
        docs.append(doc)
    return docs


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **extra}


def test_the_readme_has_the_blocks_this_test_runs() -> None:
    assert len(HTTPIE) == 3  # day to day, the job search (…) and the reading queue
    assert sum(len(_commands(b)) for b in HTTPIE) >= 15


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_block_runs_as_written(server: int) -> None:
    script = CURL.replace("localhost:8000", f"localhost:{server}").replace("curl -s ", "curl -sf ")
    out = _run(script, _env())
    docs = _documents(out)
    assert "sign in" in str(docs[0]["detail"])  # registered (the same answer for any email)
    assert docs[1]["email"] == "asha@example.com"  # /me with the bearer token
    assert docs[2]["token"].startswith("kz_")  # the personal token, shown once


def _http(command: str, variables: dict[str, str]) -> str:
    """Run one httpie line in this process (a new Python per line would be slow): the shell's
    part — `$VAR` expansion, quotes and `#` comments — is done here, the rest by httpie."""
    # The README's `$VAR`s sit in double quotes (expanded by bash) or bare, never in single ones.
    args = [
        re.sub(r"\$(\w+)", lambda m: variables[m.group(1)], arg)
        for arg in shlex.split(command, comments=True)
    ]
    assert args[0] == "http", command
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        env = Environment(stdout=out, stderr=err, stdin=None, stdout_isatty=False)
        status = httpie_main(["http", "--check-status", "--ignore-stdin", *args[1:]], env=env)
        out.seek(0)
        err.seek(0)
        assert status == ExitStatus.SUCCESS, f"{command}\n{out.read()}\n{err.read()}"
        return out.read()


def test_httpie_blocks_run_as_written(server: int) -> None:
    variables: dict[str, str] = {}
    outputs: list[str] = []
    personal = ""
    for block in HTTPIE:
        for command in _commands(block):
            command = command.replace(":8000/", f":{server}/").replace("kz_…", personal)
            out = _http(command, variables)
            outputs.append(out)
            body = json.loads(out) if out.startswith("{") else {}
            if "access_token" in body:
                variables["TOKEN"] = body["access_token"]
            if str(body.get("token", "")).startswith("kz_"):
                personal = body["token"]
                variables["KZ"] = f"Authorization:Bearer {personal}"  # the README's `export KZ=…`
    assert '"email":"asha@example.com"' in outputs[2].replace(" ", "")  # /me with $TOKEN
    assert '"email":"asha@example.com"' in outputs[4].replace(" ", "")  # /me, personal token
    assert any(out.startswith("## Fortnight 2") for out in outputs)  # the review, as Markdown
    assert any('"created":true' in out.replace(" ", "") for out in outputs)  # the starter plan
