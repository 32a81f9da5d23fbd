"""The application factory: routers, error handlers, security headers, docs and the SPA."""

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, HTTPException, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kaizen import __version__
from kaizen.api import private_router, public_router
from kaizen.config import settings
from kaizen.errors import install_error_handlers

MAX_BODY_BYTES = 2 * 1024 * 1024
TOO_LARGE = "Request body too large (2 MB at most)"
# Routes that take bigger uploads; each checks its own, smaller limit with a clearer message.
BODY_LIMITS = {"/api/v1/reading-items/import": 8 * 1024 * 1024}
DOCS_ASSETS = Path(fastapi_offline.__file__).parent / "static"

APP_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI and ReDoc boot from a small inline script.
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


def create_app() -> FastAPI:
    app = FastAPI(
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
    app.include_router(public_router)
    app.include_router(private_router)
    _install_middleware(app)
    _install_docs(app)
    _install_spa(app, settings.frontend_dist)
    return app


class BodyTooLarge(HTTPException):
    def __init__(self, message: str = TOO_LARGE) -> None:
        super().__init__(413, message)


class Guard:
    """Pure ASGI middleware (no BaseHTTPMiddleware, which costs throughput and turns errors
    from `receive` into exception groups): security headers on every response, and a body
    size cap that also counts chunked uploads, which carry no Content-Length."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = BODY_LIMITS.get(scope["path"], MAX_BODY_BYTES)
        too_large = (
            TOO_LARGE
            if limit == MAX_BODY_BYTES
            else f"Request body too large ({limit >> 20} MB at most)"
        )
        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await JSONResponse({"detail": too_large}, 413)(scope, receive, send)
            return
        path: str = scope["path"]
        extra = [
            (
                "Content-Security-Policy",
                DOCS_CSP if path.startswith(("/docs", "/redoc")) else APP_CSP,
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
        ]
        if path.startswith("/api/"):
            extra.append(("Cache-Control", "no-store"))
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
                headers = MutableHeaders(scope=message)
                for name, value in extra:
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, limited_receive, send_with_headers)


def _install_middleware(app: FastAPI) -> None:
    app.add_middleware(Guard)
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
            return JSONResponse({"detail": "Not found"}, status_code=404)
        candidate = (dist / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(root):
            return FileResponse(candidate)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})
