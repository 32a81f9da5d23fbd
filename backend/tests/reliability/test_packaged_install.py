"""A regular (non-editable) install works like the container image: build the wheel, install
it into a fresh virtualenv outside the source tree, then `kaizen migrate`, `kaizen serve` and
`GET /api/v1/health` against it.

The virtualenv reuses the development environment's third-party packages through a ``.pth``
line (so nothing is downloaded); only the wheel itself is installed, with ``--no-deps``. Lines
of a ``.pth`` file add plain paths, so the development checkout's editable install is *not*
visible: the installed ``kaizen`` is the wheel's.
"""

import os
import shutil
import site
import socket
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest

BACKEND = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("packaged")
    # Built from a copy, so the build leaves nothing behind in the source tree.
    project = root / "project"
    shutil.copytree(
        BACKEND / "src", project / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    shutil.copy(BACKEND / "pyproject.toml", project / "pyproject.toml")
    wheels = root / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(project)],
        check=True,
        cwd=root,
    )
    env_dir = root / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(purelib) / "dev-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    wheel = next(wheels.glob("kaizen-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", wheel],
        check=True,
        cwd=root,
    )
    return env_dir


def _env(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KAIZEN_")}
    env.update(
        KAIZEN_DATABASE_URL=f"sqlite:///{workdir}/data/kaizen.db",
        KAIZEN_FRONTEND_DIST=str(workdir / "no-dist"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def test_the_wheel_migrates_serves_and_answers_health(installed: Path, tmp_path: Path) -> None:
    kaizen = installed / "bin" / "kaizen"
    env = _env(tmp_path)
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import kaizen; print(kaizen.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    ).stdout
    assert str(BACKEND) not in where, f"the source tree's kaizen was imported: {where}"

    migrated = subprocess.run(
        [str(kaizen), "migrate"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert migrated.returncode == 0, migrated.stderr
    assert "up to date" in migrated.stdout

    port = _free_port()
    server = subprocess.Popen(
        [str(kaizen), "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        body = b""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health") as resp:
                    assert resp.status == 200
                    body = resp.read()
                    break
            except OSError:
                time.sleep(0.2)
        assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
        assert b'"ok"' in body
    finally:
        server.terminate()
        server.wait(timeout=10)
