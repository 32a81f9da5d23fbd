import gc
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kaizen import main
from kaizen.main import create_app


def test_health_is_public(client: TestClient) -> None:
    r = client.get("/api/v1/health")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


def test_security_headers(client: TestClient) -> None:
    r = client.get("/api/v1/health")
    assert "script-src 'self'" in r.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in r.headers["Content-Security-Policy"]
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Cache-Control"] == "no-store"


def test_openapi_has_security_schemes_and_docs_work_offline(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["info"]["title"] == "Kaizen"
    schemes = doc["components"]["securitySchemes"]
    assert schemes["OAuth2PasswordBearer"]["flows"]["password"]["tokenUrl"] == "/api/v1/auth/token"
    assert schemes["APIKeyCookie"]["in"] == "cookie"
    html = client.get("/docs").text
    assert "/docs-assets/swagger-ui-bundle.js" in html and "cdn" not in html
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_unknown_api_path_is_json_404(client: TestClient) -> None:
    r = client.get("/api/v1/nothing-here")
    assert r.status_code == 404 and r.json() == {"detail": "Not Found"}


def test_huge_body_is_413_not_500(client: TestClient) -> None:
    r = client.post(
        "/api/v1/auth/register",
        content=b"x" * (3 * 1024 * 1024),
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code == 413


def test_wrong_method_is_405(client: TestClient) -> None:
    assert client.delete("/api/v1/health").status_code == 405


@pytest.fixture
def spa_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: object) -> TestClient:
    from kaizen.config import settings

    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><title>Kaizen SPA</title>")
    (tmp_path / "assets" / "app.js").write_text("console.log('hi')")
    (tmp_path / "favicon.svg").write_text("<svg/>")
    (tmp_path / "sw.js").write_text("self.addEventListener('fetch', () => {})")
    (tmp_path / "manifest.webmanifest").write_text('{"name": "Kaizen"}')
    monkeypatch.setattr(settings, "frontend_dist", tmp_path)
    return TestClient(create_app())


def test_spa_is_served_with_fallback_for_client_routes(spa_client: TestClient) -> None:
    assert "Kaizen SPA" in spa_client.get("/").text
    deep = spa_client.get("/settings/tokens")
    assert deep.status_code == 200 and "Kaizen SPA" in deep.text
    assert "unsafe-inline" not in deep.headers["Content-Security-Policy"]
    assert spa_client.get("/assets/app.js").text == "console.log('hi')"
    assert spa_client.get("/favicon.svg").status_code == 200
    assert spa_client.get("/api/v1/nope").status_code == 404
    assert spa_client.get("/api/v1/health").json() == {"status": "ok"}


def test_service_worker_and_manifest_are_revalidated(spa_client: TestClient) -> None:
    sw = spa_client.get("/sw.js")
    assert sw.status_code == 200 and sw.headers["Cache-Control"] == "no-cache"
    assert sw.headers["Content-Type"].startswith("text/javascript")
    manifest = spa_client.get("/manifest.webmanifest")
    assert manifest.headers["Content-Type"].startswith("application/manifest+json")
    assert manifest.headers["Cache-Control"] == "no-cache"
    csp = manifest.headers["Content-Security-Policy"]
    assert "worker-src 'self'" in csp and "manifest-src 'self'" in csp


def test_spa_does_not_serve_files_outside_dist(spa_client: TestClient) -> None:
    r = spa_client.get("/..%2f..%2fetc/passwd")
    assert "root:" not in r.text


def test_huge_chunked_body_is_413(client: TestClient) -> None:
    """Found by review: without Content-Length the size guard was skipped."""

    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"email": "a@example.com", "password": "'
        for _ in range(300):
            yield b"x" * 10_000
        yield b'"}'

    r = client.post(
        "/api/v1/auth/register", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert r.status_code == 413
    assert r.json() == {"detail": "Request body too large (2 MB at most)"}


DEFAULT_GC_THRESHOLD = gc.get_threshold()


def test_startup_moves_the_long_lived_objects_out_of_the_collectors_sight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gc.unfreeze()
    monkeypatch.setattr(main, "_start_up_objects_frozen", False)
    with TestClient(create_app()) as started:
        assert started.get("/api/v1/health").status_code == 200
        # Modules, routes and schemas: the full collections that walked them paused requests.
        assert gc.get_freeze_count() > 10_000
        assert gc.get_threshold()[0] == 20_000
    gc.unfreeze()
    gc.set_threshold(*DEFAULT_GC_THRESHOLD)
