"""The application factory: routers, error handlers, security headers, docs and the SPA."""

import asyncio
import dataclasses
import gc
import inspect
import re
import weakref
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import fastapi_offline
from fastapi import APIRouter, FastAPI, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.datastructures import DefaultPlaceholder
from fastapi.dependencies.models import Dependant, _get_cache_key
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.routing import APIRoute, _effective_route_context_var
from fastapi.security.base import SecurityBase
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from starlette.datastructures import Headers, MutableHeaders
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from kaizen import __version__
from kaizen.api import private_router, public_router
from kaizen.config import settings
from kaizen.contract import document_errors
from kaizen.db import READS_FIRST, writer_turn_now
from kaizen.errors import install_error_handlers
from kaizen.limits import TOO_LARGE, body_limit
from kaizen.route_index import index_includes

DOCS_ASSETS = Path(fastapi_offline.__file__).parent / "static"

APP_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# The service worker and the web app manifest are revalidated on every load, so a new deploy
# is seen at once (the worker then waits until the page accepts the update).
REVALIDATED = {
    "sw.js": "text/javascript",
    "manifest.webmanifest": "application/manifest+json",
}
# Swagger UI and ReDoc boot from a small inline script: only these exact pages may run it.
DOCS_PAGES = frozenset({"/docs", "/redoc"})
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'"
)

DESCRIPTION = """
Kaizen holds you to the plan you wrote: daily action items with honest scores, fortnight
sprints, long-running goals, the opportunities you pursue and the papers you read.

**Authentication.** Scripts send `Authorization: Bearer <token>` with a personal API token
(create one in Settings or with `POST /api/v1/tokens`), or use the *Authorize* button here,
which runs the OAuth2 password flow against `/api/v1/auth/token`. Browsers use the session
cookie from `/api/v1/auth/login`.

**Conventions.** Lists return `{"items": [...], "total": n}` with `limit`/`offset`. Errors are
`{"detail": ...}`. Dates are `YYYY-MM-DD` in your timezone; timestamps are UTC.
"""

TAGS = [
    {"name": "health", "description": "Is the server up."},
    {"name": "auth", "description": "Register, sign in and out, get tokens."},
    {"name": "account", "description": "Your profile and personal API tokens."},
    {
        "name": "habits",
        "description": "Action items and daily check-ins, with rates, streaks and strength.",
    },
    {
        "name": "sprints",
        "description": "Fortnight plans, live scoreboards, days still needed, reviews.",
    },
    {"name": "goals", "description": "Long-running growth processes and their key results."},
    {"name": "portfolio", "description": "What you made: posts, implementations, PRs, talks."},
    {"name": "public", "description": "Opt-in public profiles; no sign-in needed."},
]


def _operation_id(route: APIRoute) -> str:
    # The function name: short, stable client method names (e.g. `list_tokens`).
    return route.name


class KaizenRoute(APIRoute):
    """An API route whose plain ``def`` endpoint validates its return value in the same worker
    thread it ran in.

    FastAPI runs a sync endpoint in the thread pool and then validates what it returned
    against the response model in a *second* thread-pool call; each hop costs about as much
    as a small request's own work. Here the endpoint and that validation run in one call, and
    FastAPI's own validation on the event loop then only meets an instance of the response
    model (pydantic passes those through without re-validating). The same checks run in the
    same order, so the responses and errors are exactly the same.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        route: Any = _effective_route_context_var.get()
        if route is None or route.original_route is not self:
            route = self
        dependant: Dependant = route.dependant
        call = dependant.call
        field = route.response_field
        if not (
            call is None
            or field is None
            or not isinstance(route.response_class, DefaultPlaceholder)
            or inspect.iscoroutinefunction(call)
            or inspect.isgeneratorfunction(call)
            or inspect.isasyncgenfunction(call)
            or not inspect.isfunction(call)
        ):
            call = _validating_in_thread(call, field)
        # The handler solves a copy of the dependency tree with repeats cut
        # (``_without_repeats``); the OpenAPI document is built from the route's own tree.
        route.dependant = dataclasses.replace(_without_repeats(dependant), call=call)
        try:
            return super().get_route_handler()
        finally:
            route.dependant = dependant


def _without_repeats(dependant: Dependant) -> Dependant:
    """The dependency tree FastAPI solves for each request, with repeated dependencies cut
    down to a leaf, and without the security schemes that are there for the OpenAPI
    document alone (a scheme whose parameter has a default: ``deps.current_credential``
    reads the secrets itself).

    FastAPI solves a dependency's whole sub-tree every time it appears and only then finds
    its value in the request's cache: ``CurrentUser`` in an endpoint that also sits behind
    ``private_router``'s ``current_user`` re-walks the credential, the session and the three
    security schemes; ``SessionDep`` repeated in a handler and its dependencies re-walks the
    session and its write turn. Here a repeat keeps its call (so its cache key, and the value
    it gets, are the same) but loses its sub-tree, so it goes straight to the cache.

    Only a sub-tree without request parameters is cut: its first solving cannot fail
    validation (which would leave it out of the cache) — it either raises, ending the
    request, or is cached before the repeat is reached (sub-dependencies are solved first,
    in order, exactly as here). While ``app.dependency_overrides`` is set (tests), FastAPI
    rebuilds every dependency's tree from its call anyway, so a cut repeat is solved whole
    (an override's own tree may lack the first of a repeat)."""
    seen: set[Any] = set()

    def walk(node: Dependant) -> Dependant:
        subs: list[Dependant] = []
        for sub in node.dependencies:
            if _documents_security_only(node, sub):
                continue
            key = _get_cache_key(dependant=sub)
            if sub.use_cache and key in seen and not _has_parameters(sub):
                leaf = dataclasses.replace(sub, dependencies=[])
                if _get_cache_key(dependant=leaf) == key:
                    subs.append(leaf)
                    continue
            subs.append(walk(sub))
            if not _has_parameters(sub):
                seen.add(key)
        return dataclasses.replace(node, dependencies=subs)

    return walk(dependant)


def _documents_security_only(node: Dependant, sub: Dependant) -> bool:
    """Whether ``sub`` is a security scheme that ``node`` takes with a default value: one
    the OpenAPI document needs and the handler does without."""
    if not isinstance(sub.call, SecurityBase) or node.call is None or sub.name is None:
        return False
    parameter = inspect.signature(node.call).parameters.get(sub.name)
    return parameter is not None and parameter.default is not inspect.Parameter.empty


def _has_parameters(dependant: Dependant) -> bool:
    """Whether the dependency or any of its own take a request parameter (path, query,
    header, cookie or body), whose validation may fail."""
    return bool(
        dependant.path_params
        or dependant.query_params
        or dependant.header_params
        or dependant.cookie_params
        or dependant.body_params
        or any(_has_parameters(sub) for sub in dependant.dependencies)
    )


def _validating_in_thread(
    call: Callable[..., Any], field: Any
) -> Callable[..., Coroutine[Any, Any, Any]]:
    def run(values: dict[str, Any]) -> Any:
        result = call(**values)
        if isinstance(result, StreamingResponse):
            return result  # its body is written later and may still read the session
        if not isinstance(result, Response):
            value, errors = field.validate(result, {}, loc=("response",))
            if errors:
                # An invalid value goes back as it was: FastAPI validates it again and
                # reports it.
                return result
            result = value
        # The response is built: end the transaction here, in this thread, instead of in
        # one more thread-pool hop after it (``kaizen.db.get_db`` then only closes the
        # session, which does no I/O once its transaction has ended).
        for given in values.values():
            if isinstance(given, Session):
                given.commit()
        return result

    writes_after_reading = getattr(call, READS_FIRST, False)

    async def endpoint(**values: Any) -> Any:
        if writes_after_reading and _writer_turn_now(values):
            # SQLite, and the writer turn was free: nothing in the write can wait, so it
            # runs here, saving the hop (``db.writer_turn_now``).
            return run(values)
        return await run_in_threadpool(run, values)

    endpoint.__name__ = call.__name__
    endpoint.__qualname__ = call.__qualname__
    endpoint.__doc__ = call.__doc__
    endpoint.__module__ = call.__module__
    return endpoint


def _writer_turn_now(values: dict[str, Any]) -> bool:
    return any(isinstance(given, Session) and writer_turn_now(given) for given in values.values())


def use_kaizen_routes(routes: list[BaseRoute]) -> None:
    """Make every plain ``APIRoute`` of these routes (and of the routers they include) a
    ``KaizenRoute``, and every included plain ``APIRouter`` a ``SettledRouter``. Routers are
    built at import time by each domain; FastAPI builds the handlers of included routes when
    the app first routes a request, so this runs in ``create_app`` before that."""
    for route in routes:
        if type(route) is APIRoute:
            route.__class__ = KaizenRoute
        original = getattr(route, "original_router", None)
        if original is not None:
            if type(original) is APIRouter:
                original.__class__ = SettledRouter
            use_kaizen_routes(original.routes)


def settle(router: APIRouter) -> None:
    """Make ``router`` and every router it includes a ``SettledRouter``, and their routes
    ``KaizenRoute``s (see ``use_kaizen_routes``)."""
    if type(router) is APIRouter:
        router.__class__ = SettledRouter
    use_kaizen_routes(router.routes)


class SettledRouter(APIRouter):
    """An ``APIRouter`` that remembers the "version" of its routes.

    FastAPI routes a request through included routers by asking each router on the way
    whether its routes (or those of any router it includes) changed since it last looked:
    a walk over every route of every router below it, twice per level, on every request
    (~5 % of ``GET /me``). Here the sum is kept, and recomputed only after a change to any
    settled router (``_mark_routes_changed``: adding a route or including a router, which
    all happen at import time). ``create_app`` makes every router the API includes one."""

    _changes = 0  # changes to any settled router so far

    def _mark_routes_changed(self) -> None:
        super()._mark_routes_changed()
        SettledRouter._changes += 1

    def _get_routes_version(self, seen: set[int] | None = None) -> int:
        if seen is not None:  # a step of a parent's walk
            return super()._get_routes_version(seen)
        known: tuple[int, int] | None = self.__dict__.get("_settled_version")
        if known is not None and known[0] == SettledRouter._changes:
            return known[1]
        version = super()._get_routes_version()
        self._settled_version = (SettledRouter._changes, version)
        return version


_start_up_objects_frozen = False


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    # Everything imported and built so far lives as long as the process: move it out of the
    # garbage collector's sight. Otherwise each full collection walks those millions of
    # objects, a ~90 ms pause that lands on whichever request happens to trigger it.
    global _start_up_objects_frozen
    if not _start_up_objects_frozen:  # once per process (tests start many apps)
        gc.collect()
        gc.freeze()
        _start_up_objects_frozen = True
    # A request allocates thousands of short-lived objects (rows, dicts, schema instances):
    # at Python's default of a young collection every 700 allocations, Today's request ran
    # ~3 of them for no gain (its garbage is freed by reference counting). Fewer, larger ones.
    gc.set_threshold(20_000, 20, 20)
    yield


def create_app() -> FastAPI:
    app = Kaizen(
        lifespan=_lifespan,
        title="Kaizen",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=_operation_id,
        swagger_ui_parameters={"persistAuthorization": True},
    )
    install_error_handlers(app)
    settle(public_router)
    settle(private_router)
    app.include_router(public_router)
    app.include_router(private_router)
    index_includes(app.router.routes)
    _install_middleware(app)
    _install_docs(app)
    _install_spa(app, settings.frontend_dist)
    return app


class BodyTooLarge(HTTPException):
    def __init__(self, message: str = TOO_LARGE) -> None:
        super().__init__(413, message)


RawHeaders = list[tuple[bytes, bytes]]


def _encoded(headers: dict[str, str]) -> RawHeaders:
    return [
        (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()
    ]


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
# The headers Guard adds (unless the response set them itself), encoded once.
API_HEADERS = _encoded(
    {"Content-Security-Policy": APP_CSP, **SECURITY_HEADERS, "Cache-Control": "no-store"}
)
APP_HEADERS = _encoded({"Content-Security-Policy": APP_CSP, **SECURITY_HEADERS})
DOCS_HEADERS = _encoded({"Content-Security-Policy": DOCS_CSP, **SECURITY_HEADERS})


class Guard:
    """Pure ASGI middleware (no BaseHTTPMiddleware, which costs throughput and turns errors
    from `receive` into exception groups): security headers on every response, and a body
    size cap (``kaizen.limits``) that also counts chunked uploads, which carry no
    Content-Length."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        # File uploads (imports) check their own, larger caps with a message that says so.
        limit, too_large = body_limit(path)
        if path.startswith("/api/"):
            extra = API_HEADERS
        else:
            extra = DOCS_HEADERS if path in DOCS_PAGES else APP_HEADERS
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(too_large)
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: RawHeaders = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend(header for header in extra if header[0] not in present)
                message["headers"] = headers
                etag = scope.get("state", {}).get("etag")
                if etag is not None and 200 <= message["status"] < 300:
                    MutableHeaders(scope=message)["ETag"] = etag()
                if message["status"] == 405 and "app" in scope:
                    # Starlette names only the first route's methods; name all of the path's.
                    allowed = ", ".join(allowed_methods(scope["app"], path))
                    MutableHeaders(scope=message)["Allow"] = allowed
            await send(message)

        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await JSONResponse({"detail": too_large}, 413)(scope, receive, send_with_headers)
            return
        await self.app(scope, limited_receive, send_with_headers)


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    """Every method the API answers on ``path`` (computed for a 405 only), from the OpenAPI
    document's path templates, so routers included at any depth count."""
    table: list[tuple[re.Pattern[str], list[str]]] | None = getattr(app.state, "methods", None)
    if table is None:
        table = [
            (
                re.compile("^" + re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(template)) + "$"),
                sorted(method.upper() for method in item),
            )
            for template, item in app.openapi()["paths"].items()
        ]
        app.state.methods = table
    methods: set[str] = set()
    for pattern, found in table:
        if pattern.match(path):
            methods.update(found)
    return sorted(methods)


class ReadTurns:
    """At most ``limit`` API reads run in this process at once; the others wait in the event
    loop. The GIL runs one thread at a time anyway: dozens of reads sliced together each take
    dozens of times longer and cost more CPU in total (thread switches, cold caches, more live
    objects for the garbage collector) than the same reads in turn.

    A read gives its turn back when its response starts, so a slow client receiving a large
    body (or a streamed export) holds no turn; requests with a body, and writes (which
    already take turns on SQLite, ``kaizen.db``), are not limited here."""

    READS = frozenset({"GET", "HEAD"})

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self._turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in self.READS
            or not scope["path"].startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        turns = self._turns.get(loop)
        if turns is None:
            turns = self._turns[loop] = asyncio.Semaphore(self.limit)
        await turns.acquire()
        held = True

        async def send_and_release(message: Message) -> None:
            nonlocal held
            if held and message["type"] == "http.response.start":
                held = False
                turns.release()
            await send(message)

        try:
            await self.app(scope, receive, send_and_release)
        finally:
            if held:
                turns.release()


class Kaizen(FastAPI):
    def build_middleware_stack(self) -> ASGIApp:
        # Outside Starlette's error middleware, so even a 500 gets the security headers.
        stack = super().build_middleware_stack()
        reads = settings.concurrent_reads
        if reads is None:
            # SQLite answers from this process's memory: one read at a time costs the least
            # CPU (measured: Today 5.9 ms a request one at a time, 8.5 ms two at a time).
            sqlite = make_url(settings.database_url).get_backend_name() == "sqlite"
            reads = 1 if sqlite else 4
        if reads:
            stack = ReadTurns(stack, reads)
        return Guard(stack)

    def openapi(self) -> dict[str, Any]:
        if self.openapi_schema is None:
            document_errors(super().openapi())
        assert self.openapi_schema is not None
        return self.openapi_schema


def _install_middleware(app: FastAPI) -> None:
    # The client's address (for sign-in throttling) and scheme come from X-Forwarded-For and
    # X-Forwarded-Proto only when the connection is from a configured proxy.
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.trusted_proxies)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["*"],
            allow_headers=["*"],
        )


def _install_docs(app: FastAPI) -> None:
    """Docs assets are served locally, so /docs works on an offline server."""
    app.mount("/docs-assets", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Kaizen API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon.png",
            swagger_ui_parameters=app.swagger_ui_parameters,
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title="Kaizen API",
            redoc_js_url="/docs-assets/redoc.standalone.js",
            redoc_favicon_url="/docs-assets/favicon.png",
            with_google_fonts=False,
        )


def _install_spa(app: FastAPI, dist: Path) -> None:
    """Serve the built SPA; unknown non-API paths get index.html so deep links reload."""
    index = dist / "index.html"
    if not index.is_file():
        return
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")
    root = dist.resolve()

    @app.get("/{path:path}", include_in_schema=False)
    def spa(path: str) -> Response:
        if path.startswith("api/"):
            allowed = allowed_methods(app, "/" + path)
            if allowed:
                return JSONResponse(
                    {"detail": "Method Not Allowed"},
                    status_code=405,
                    headers={"Allow": ", ".join(allowed)},
                )
            return JSONResponse({"detail": "Not found"}, status_code=404)
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(root):
            if path in REVALIDATED:
                return FileResponse(
                    candidate, media_type=REVALIDATED[path], headers={"Cache-Control": "no-cache"}
                )
            return FileResponse(candidate)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
