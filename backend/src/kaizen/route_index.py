"""Routing by an index of path prefixes instead of a walk over every route.

FastAPI (0.163) routes a request through included routers by trying each candidate route's
regular expression in order, at every level of inclusion, and twice per level (once to find
the branch, once more to handle it). Kaizen's API is two routers including a dozen domain
routers, so a request for a domain included late (the reading queue, Home, the weekly review)
tried ~160 expressions before its own: ~0.15 ms, twice, of a ~3 ms request.

``IndexedInclude`` keeps, per included router, its candidates grouped by the first
``KEY_SEGMENTS`` segments of the paths they can match (``/api/v1/reading-items``), and a
request tries only the candidates of its own key, in their original order, plus those
whose paths have no such literal prefix. A candidate left out cannot match: its expression
starts with a different literal text. So the route chosen, its path parameters and the
405-versus-404 answer are what FastAPI's own walk gives (``tests/reliability/
test_route_index.py`` compares the two for every route and method).

This relies on FastAPI internals (``_IncludedRouter._match`` and ``effective_candidates``),
as ``main.SettledRouter`` does: FastAPI is pinned, and the test above fails if they change.
"""

from typing import Any

from fastapi.routing import (
    _FASTAPI_EFFECTIVE_ROUTE_CONTEXT_KEY as _ROUTE_CONTEXT_KEY,
)
from fastapi.routing import (
    _SCOPE_MISSING,
    APIRoute,
    _EffectiveRouteContext,
    _get_fastapi_scope,
    _IncludedRouter,
    _restore_fastapi_scope_key,
)
from starlette._utils import get_route_path
from starlette.routing import BaseRoute, Match
from starlette.types import Scope

# "", "api", "v1", "<domain>": the segments up to a domain's name.
KEY_SEGMENTS = 4
Key = tuple[str, ...]
Candidate = Any  # an ``_EffectiveRouteContext`` or an ``_IncludedRouter``


def path_key(path: str) -> Key:
    return tuple(path.split("/", KEY_SEGMENTS)[:KEY_SEGMENTS])


def _literal_key(path_format: str) -> Key | None:
    """The key every path this route matches has, or None when a parameter (or the path's
    end) comes before the key's last segment is complete."""
    literal = path_format.split("{", 1)[0]
    parts = literal.split("/", KEY_SEGMENTS)
    if len(parts) > KEY_SEGMENTS or (len(parts) == KEY_SEGMENTS and "{" not in path_format):
        return tuple(parts[:KEY_SEGMENTS])
    return None


def _keys(candidate: Candidate) -> set[Key] | None:
    """The keys of the paths ``candidate`` can match; None for "any path"."""
    if isinstance(candidate, _IncludedRouter):
        keys: set[Key] = set()
        for child in candidate.effective_candidates():
            child_keys = _keys(child)
            if child_keys is None:
                return None
            keys |= child_keys
        return keys
    if isinstance(candidate, _EffectiveRouteContext) and isinstance(
        candidate.original_route, APIRoute
    ):
        key = _literal_key(candidate.path_format)
        return None if key is None else {key}
    return None


class IndexedInclude(_IncludedRouter):
    """An included router that tries only the candidates a request's path can match."""

    def effective_candidates(self) -> list[Any]:
        candidates = super().effective_candidates()
        for candidate in candidates:
            if type(candidate) is _IncludedRouter:
                candidate.__class__ = IndexedInclude
        return candidates

    def _index(self) -> tuple[dict[Key, list[Candidate]], list[Candidate]]:
        """Candidates by key (each list in the original order, with the keyless ones), and
        the keyless ones alone; rebuilt when FastAPI rebuilds the candidates."""
        candidates = self.effective_candidates()
        known = self.__dict__.get("_route_index")
        if known is not None and known[0] is candidates:
            return known[1], known[2]
        keyed = [(candidate, _keys(candidate)) for candidate in candidates]
        all_keys = {key for _, keys in keyed if keys is not None for key in keys}
        by_key = {key: [c for c, keys in keyed if keys is None or key in keys] for key in all_keys}
        keyless = [c for c, keys in keyed if keys is None]
        self._route_index = (candidates, by_key, keyless)
        return by_key, keyless

    def _match(
        self, scope: Scope
    ) -> tuple[Match, Scope, BaseRoute | None, _EffectiveRouteContext | None]:
        if scope["type"] != "http":
            return super()._match(scope)
        by_key, keyless = self._index()
        return _match_among(by_key.get(path_key(get_route_path(scope)), keyless), scope)


def _match_among(
    candidates: list[Candidate], scope: Scope
) -> tuple[Match, Scope, BaseRoute | None, _EffectiveRouteContext | None]:
    """FastAPI's ``_IncludedRouter._match``, line for line, over the given candidates."""
    partial: tuple[Scope, BaseRoute, _EffectiveRouteContext | None] | None = None
    for candidate in candidates:
        route_context: _EffectiveRouteContext | None
        if isinstance(candidate, _IncludedRouter):
            match, child_scope = candidate.matches(scope)
            route: BaseRoute = candidate
            route_context = None
        elif isinstance(candidate.original_route, APIRoute):
            route_context = candidate
            fastapi_scope = _get_fastapi_scope(scope)
            previous_context = fastapi_scope.get(_ROUTE_CONTEXT_KEY, _SCOPE_MISSING)
            fastapi_scope[_ROUTE_CONTEXT_KEY] = route_context
            try:
                match, child_scope = candidate.original_route.matches(scope)
            finally:
                _restore_fastapi_scope_key(scope, _ROUTE_CONTEXT_KEY, previous_context)
            route = candidate.original_route
        else:
            route_context = candidate
            match, child_scope = candidate.matches(scope)
            route = candidate.starlette_route or candidate.original_route
        if match == Match.FULL:
            return match, child_scope, route, route_context
        if match == Match.PARTIAL and partial is None:
            partial = (child_scope, route, route_context)
    if partial is not None:
        child_scope, route, route_context = partial
        return Match.PARTIAL, child_scope, route, route_context
    return Match.NONE, {}, None, None


def index_includes(routes: list[BaseRoute]) -> None:
    """Make the app's included routers (and, as FastAPI builds them, theirs) indexed."""
    for route in routes:
        if type(route) is _IncludedRouter:
            route.__class__ = IndexedInclude
