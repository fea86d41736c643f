"""The ASGI app: routes of the pages and the API, the shared service, the guard middleware."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from plandoc.core.resources import shipped_templates_dir
from plandoc.serve import api
from plandoc.serve.service import Service, Settings
from plandoc.serve.web import Guard


def create_app(settings: Settings) -> Starlette:
    """The app for `settings`; the database is created when missing."""
    from plandoc.serve import pages

    service = Service(settings)
    routes = [*api.ROUTES, *pages.ROUTES,
              Mount("/static", StaticFiles(directory=shipped_templates_dir() / "serve" / "static"),
                    name="static")]
    app = Starlette(routes=routes, middleware=[
        Middleware(Guard, limit=settings.max_request_bytes),
    ], exception_handlers=pages.EXCEPTION_HANDLERS)
    app.state.service = service
    return app


def app_from_environment() -> Starlette:
    """The app as `plandoc serve` configures it for uvicorn's worker processes."""
    import os
    from pathlib import Path

    settings = Settings(
        data=Path(os.environ.get("PLANDOC_SERVE_DATA", "plandoc-data")),
        database=os.environ.get("PLANDOC_SERVE_DATABASE") or None,
        time_limit=float(os.environ.get("PLANDOC_SERVE_TIME_LIMIT", "300")),
    )
    if os.environ.get("PLANDOC_SERVE_BUILDS"):
        settings.max_builds = int(os.environ["PLANDOC_SERVE_BUILDS"])
    return create_app(settings)
