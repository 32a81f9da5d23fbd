"""Headers on every response, and an OpenAPI document that clients and fuzzers can trust."""

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kaizen.config import settings
from tests.factories import make_user

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options")


def _has_security_headers(headers: object) -> bool:
    return all(name in headers for name in SECURITY_HEADERS)  # type: ignore[operator]


def test_413_and_500_carry_the_security_headers(engine: object) -> None:
    from kaizen.main import create_app

    app: FastAPI = create_app()

    @app.get("/api/v1/boom-for-test")
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get("/api/v1/boom-for-test")
        assert r.status_code == 500
        assert _has_security_headers(r.headers)
        r = client.post(
            "/api/v1/auth/register",
            content=b"x",
            headers={"Content-Length": str(10**9), "Content-Type": "application/json"},
        )
        assert r.status_code == 413
        assert _has_security_headers(r.headers)


def test_only_the_docs_pages_get_the_relaxed_csp(client: TestClient) -> None:
    assert "'unsafe-inline'" in client.get("/docs").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" in client.get("/redoc").headers["Content-Security-Policy"]
    for path in ("/docs-assets/nothing.js", "/docsx", "/redoc/evil", "/docs/"):
        csp = client.get(path, follow_redirects=False).headers["Content-Security-Policy"]
        assert "'unsafe-inline'" not in csp, path


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("GET", "/api/v1/auth/login", "POST"),
        ("OPTIONS", "/api/v1/habits", "GET, POST"),
        ("PUT", "/api/v1/habits/1", "DELETE, GET, PATCH"),
        ("DELETE", "/api/v1/habits", "GET, POST"),
    ],
)
def test_a_wrong_method_is_405_naming_every_method_of_the_path(
    client: TestClient, method: str, path: str, allowed: str
) -> None:
    user = make_user(client)
    r = client.request(method, path, headers=user.headers)
    assert r.status_code == 405
    assert r.headers["Allow"] == allowed


def test_a_wrong_method_is_405_with_the_web_app_served_too(
    engine: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kaizen.main import create_app

    (tmp_path / "index.html").write_text("<!doctype html><title>Kaizen</title>")
    monkeypatch.setattr(settings, "frontend_dist", tmp_path)
    with TestClient(create_app()) as client:
        r = client.get("/api/v1/auth/login")
        assert r.status_code == 405 and r.headers["Allow"] == "POST"
        assert client.get("/api/v1/nope").status_code == 404


def test_every_operation_documents_the_statuses_it_can_answer(app: FastAPI) -> None:
    paths = app.openapi()["paths"]
    for path, item in paths.items():
        for method, operation in item.items():
            statuses = set(operation["responses"])
            assert {"422", "503"} <= statuses, (method, path)
            if operation.get("security"):
                assert "401" in statuses, (method, path)
            if "{" in path:
                assert "404" in statuses, (method, path)
            if method in ("post", "put", "patch", "delete"):
                assert {"409", "413"} <= statuses, (method, path)
    assert "429" in paths["/api/v1/auth/login"]["post"]["responses"]
    assert "429" in paths["/api/v1/me"]["patch"]["responses"]


@pytest.mark.parametrize(
    "body",
    [
        {"title": "S", "target_rate": False},
        {"title": "S", "target_rate": "0.5"},
        {"title": "S", "habit_ids": [True]},
    ],
)
def test_values_the_schema_forbids_are_refused(client: TestClient, body: dict[str, object]) -> None:
    user = make_user(client)
    r = client.post("/api/v1/sprints", json=body, headers=user.headers)
    assert r.status_code == 422
    assert client.get("/api/v1/sprints", headers=user.headers).json()["total"] == 0


def test_booleans_must_be_booleans(client: TestClient) -> None:
    user = make_user(client)
    habit = client.post("/api/v1/habits", json={"name": "Gym"}, headers=user.headers).json()
    r = client.patch(f"/api/v1/habits/{habit['id']}", json={"archived": 1}, headers=user.headers)
    assert r.status_code == 422
    r = client.patch(f"/api/v1/habits/{habit['id']}", json={"archived": True}, headers=user.headers)
    assert r.status_code == 200
