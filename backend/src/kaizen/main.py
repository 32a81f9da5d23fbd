"""The application factory: routers, error handlers, security headers, docs and the SPA."""

from collections.abc import Awaitable, Callable
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from kaizen import __version__
from kaizen.api import private_router, public_router
from kaizen.config import settings
from kaizen.errors import install_error_handlers

MAX_BODY_BYTES = 2 * 1024 * 1024
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


def _install_middleware(app: FastAPI) -> None:
    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return JSONResponse({"detail": "Request body too large (2 MB at most)"}, 413)
        response = await call_next(request)
        docs = request.url.path.startswith(("/docs", "/redoc"))
        response.headers.setdefault("Content-Security-Policy", DOCS_CSP if docs else APP_CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

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
