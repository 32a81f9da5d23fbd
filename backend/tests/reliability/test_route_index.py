"""``kaizen.route_index``: routing by path prefix picks exactly what FastAPI's walk over
every route picks, for every route of the app and every method."""

import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute, _EffectiveRouteContext, _IncludedRouter
from starlette.routing import Match

from kaizen.route_index import IndexedInclude, path_key

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
SAMPLES = {"integer": ["7", "0"], "string": ["x", "2026-11-01", "kz_abc"], "path": ["a/b", "x"]}


def _includes(app: FastAPI) -> list[IndexedInclude]:
    includes = [route for route in app.router.routes if isinstance(route, _IncludedRouter)]
    assert includes and all(type(route) is IndexedInclude for route in includes)
    return includes  # type: ignore[return-value]


def _route_contexts(include: _IncludedRouter) -> list[_EffectiveRouteContext]:
    found: list[_EffectiveRouteContext] = []
    for candidate in include.effective_candidates():
        if isinstance(candidate, _IncludedRouter):
            found += _route_contexts(candidate)
        else:
            found.append(candidate)
    return found


def _sample_paths(path_format: str, convertors: dict[str, Any]) -> list[str]:
    paths = [path_format]
    for name, convertor in convertors.items():
        kind = type(convertor).__name__.removesuffix("Convertor").lower()
        paths = [
            re.sub(r"\{" + name + r"(:[^}]*)?\}", value, path)
            for path in paths
            for value in SAMPLES.get(kind, ["x"])
        ]
    return paths


def _paths(app: FastAPI) -> list[str]:
    paths = {
        "/",
        "/api",
        "/api/v1",
        "/api/v1/",
        "/api/v1/nothing-here",
        "/api/v1/habits/",
        "/api/v1/habits/7/",
        "/api/v1/habits/seven",
        "/api/v1/reading-items/export.csv",
        "/api/v2/me",
        "/docs",
        "/openapi.json",
        "/today",
        "//api/v1/me",
    }
    for include in _includes(app):
        for context in _route_contexts(include):
            if isinstance(context.original_route, APIRoute):
                paths.update(_sample_paths(context.path_format, context.param_convertors))
    return sorted(paths)


def _scope(app: FastAPI, path: str, method: str) -> dict[str, Any]:
    return {
        "type": "http",
        "method": method,
        "path": path,
        "root_path": "",
        "headers": [],
        "query_string": b"",
        "app": app,
    }


def test_every_route_and_method_is_matched_as_fastapi_matches_it(app: FastAPI) -> None:
    paths = _paths(app)
    assert len(paths) > 150  # every route of the API, with sample parameters
    compared = full = 0
    for include in _includes(app):
        for path in paths:
            for method in METHODS:
                ours = include._match(_scope(app, path, method))
                theirs = _IncludedRouter._match(include, _scope(app, path, method))
                assert ours[0] == theirs[0], (path, method)
                assert ours[1] == theirs[1], (path, method)
                assert ours[2] is theirs[2], (path, method)
                assert ours[3] is theirs[3], (path, method)
                compared += 1
                full += ours[0] == Match.FULL
    assert full > 150  # the comparison covered real matches, not only misses
    assert compared == len(_includes(app)) * len(paths) * len(METHODS)


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/api/v1/reading-items", ("", "api", "v1", "reading-items")),
        ("/api/v1/habits/7/check-ins/2026-11-01", ("", "api", "v1", "habits")),
        ("/api/v1", ("", "api", "v1")),
    ],
)
def test_the_key_is_a_paths_first_segments(path: str, key: tuple[str, ...]) -> None:
    assert path_key(path) == key


def test_a_request_tries_only_its_own_domains_routes(app: FastAPI) -> None:
    """The point of the index: the queue's request tries the reading router alone (of the
    private router's dozen), and inside it the routes under ``/reading-items``."""
    private = max(_includes(app), key=lambda include: len(_route_contexts(include)))
    by_key, _ = private._index()
    tried = by_key[path_key("/api/v1/reading-items")]
    assert len(private.effective_candidates()) > 10
    assert len(tried) == 1 and type(tried[0]) is IndexedInclude
    reading = tried[0]
    inner = reading._index()[0][path_key("/api/v1/reading-items")]
    assert 0 < len(inner) <= len(reading.effective_candidates())
    match = reading._match(_scope(app, "/api/v1/reading-items", "GET"))
    assert match[0] == Match.FULL
    assert isinstance(match[2], APIRoute) and match[2].name == "list_items"
