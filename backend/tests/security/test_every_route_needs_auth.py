"""Walks every route of the app: each one outside the public list must answer 401 without
credentials, so a route added later is covered without anyone remembering to test it."""

import re

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from kaizen.api import PUBLIC_PATHS


def _api_routes(app: FastAPI) -> list[tuple[str, set[str]]]:
    """(path, methods) of every API route, including those of included routers."""
    routes = []
    for ctx in iter_route_contexts(app.routes):
        methods = ctx.methods
        if ctx.path and ctx.path.startswith("/api/") and methods:
            routes.append((ctx.path, set(methods)))
    return routes


def test_every_non_public_route_answers_401(app: FastAPI, client: TestClient) -> None:
    checked = 0
    for route_path, methods in _api_routes(app):
        if route_path in PUBLIC_PATHS:
            continue
        path = re.sub(r"\{[^}]+\}", "1", route_path)
        for method in methods:
            r = client.request(method, path, json={})
            assert r.status_code == 401, f"{method} {route_path} answered {r.status_code}"
            assert r.json() == {"detail": "Not authenticated"}
            checked += 1
    assert checked >= 5  # the walk saw the account routes at least


def test_garbage_credentials_are_401(app: FastAPI, client: TestClient) -> None:
    for headers in ({"Authorization": "Bearer nope"}, {"Cookie": "kaizen_session=nope"}):
        assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_public_routes_exist(app: FastAPI) -> None:
    paths = {path for path, _ in _api_routes(app)}
    assert paths >= PUBLIC_PATHS


def test_operation_ids_are_unique_and_clean(app: FastAPI) -> None:
    ids = [op["operationId"] for path in app.openapi()["paths"].values() for op in path.values()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)


def test_every_operation_has_summary_and_tag(app: FastAPI) -> None:
    for path, ops in app.openapi()["paths"].items():
        for method, op in ops.items():
            assert op.get("summary"), f"{method} {path} has no summary"
            assert op.get("tags"), f"{method} {path} has no tag"
