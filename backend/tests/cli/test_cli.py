"""The `kaizen` command: users create / list / disable, and migrate."""

import os
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kaizen.cli import app
from tests.factories import PASSWORD

runner = CliRunner()


def test_users_create_list_disable(client: TestClient) -> None:
    result = runner.invoke(
        app,
        ["users", "create", "--email", "Admin@Example.com", "--admin", "--display-name", "Ada"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "admin@example.com" in result.output and "(admin)" in result.output
    token = client.post(
        "/api/v1/auth/token", data={"username": "admin@example.com", "password": PASSWORD}
    ).json()["access_token"]
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["is_admin"] is True and me["display_name"] == "Ada"

    listed = runner.invoke(app, ["users", "list"])
    assert listed.exit_code == 0 and "admin@example.com" in listed.output

    duplicate = runner.invoke(
        app, ["users", "create", "--email", "admin@example.com", "--password", PASSWORD]
    )
    assert duplicate.exit_code == 1 and "already exists" in duplicate.output

    disabled = runner.invoke(app, ["users", "disable", "--email", "admin@example.com"])
    assert disabled.exit_code == 0
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert "disabled" in runner.invoke(app, ["users", "list"]).output


def test_users_create_validates_input(client: TestClient) -> None:
    weak = runner.invoke(
        app, ["users", "create", "--email", "a@example.com", "--password", "short"]
    )
    assert weak.exit_code == 2 and "password" in weak.output
    bad_tz = runner.invoke(
        app,
        [
            "users",
            "create",
            "--email",
            "a@example.com",
            "--password",
            PASSWORD,
            "--timezone",
            "X/Y",
        ],
    )
    assert bad_tz.exit_code == 2 and "timezone" in bad_tz.output
    missing = runner.invoke(app, ["users", "disable", "--email", "nobody@example.com"])
    assert missing.exit_code == 1


def test_migrate_creates_the_schema_in_a_new_database(tmp_path: Path) -> None:
    db = tmp_path / "nested" / "fresh.db"
    env = {**os.environ, "KAIZEN_DATABASE_URL": f"sqlite:///{db}"}
    done = subprocess.run(
        [sys.executable, "-m", "kaizen.cli", "migrate"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout and db.exists()


SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "with_postgres.py"


def _run_without_postgres(ci: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "KAIZEN_TEST_POSTGRES_URL")}
    env["PATH"] = "/nonexistent"
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--", sys.executable, "-c", "print('ran')"],
        env=env,
        capture_output=True,
        text=True,
    )


def test_missing_postgres_is_a_loud_skip_locally_and_an_error_in_ci() -> None:
    local = _run_without_postgres(None)
    assert local.returncode == 0 and "SKIPPED the PostgreSQL test run" in local.stdout
    assert "ran" not in local.stdout
    ci = _run_without_postgres("true")
    assert ci.returncode == 1 and "CI requires the PostgreSQL test run" in ci.stderr
