"""The JSON API (the pages use the same service; tests and scripts drive this).

No session: 401. A programme the user may not see: 404, the same answer as one that does not
exist. A state change without the session's X-CSRF-Token: 403.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from plandoc.serve.auth import Session, Throttled, csrf_ok
from plandoc.serve.service import Forbidden, NotFound
from plandoc.serve.uploads import MAX_FILES, UploadRefused
from plandoc.serve.web import (
    TOO_LARGE,
    BodyTooLarge,
    address,
    blocking,
    service,
    session_of,
    set_session_cookie,
)

NOT_FOUND = "fant ikke programmet"


def _error(message: str, status: int, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _unauthorised() -> JSONResponse:
    return _error("ikke innlogget", 401)


async def _session(request: Request, change: bool = False) -> Session | JSONResponse:
    session = await session_of(request)
    if session is None:
        return _unauthorised()
    if change and not csrf_ok(session, request.headers.get("x-csrf-token")):
        return _error("CSRF-token mangler eller er feil (send X-CSRF-Token)", 403)
    return session


async def login(request: Request) -> Response:
    try:
        data = await request.json()
    except (json.JSONDecodeError, UnicodeDecodeError, BodyTooLarge):
        return _error("forventet JSON med username og password", 400)
    # JSON only: a cross-site form cannot send it without the browser asking first.
    if "application/json" not in request.headers.get("content-type", ""):
        return _error("forventet Content-Type: application/json", 415)
    if not isinstance(data, dict) or not isinstance(data.get("username"), str) \
            or not isinstance(data.get("password"), str):
        return _error("forventet JSON med username og password", 400)
    svc = service(request)
    try:
        session = await blocking(svc.sessions.login, data["username"], data["password"],
                                 address(request))
    except Throttled as exc:
        minutes = max(1, round(exc.wait / 60))
        return _error(f"for mange mislykkede innlogginger; prøv igjen om {minutes} min",
                      429, retry_after=exc.wait)
    if session is None:
        return _error("feil brukernavn eller passord", 401)
    response = JSONResponse({"csrf_token": session.csrf, "user": session.user.name,
                             "role": session.user.role})
    set_session_cookie(request, response, session)
    return response


async def logout(request: Request) -> Response:
    session = await _session(request, change=True)
    if isinstance(session, JSONResponse):
        return session
    await blocking(service(request).sessions.logout, session)
    response = JSONResponse({"ok": True})
    response.delete_cookie("plandoc_okt", path="/")
    return response


async def programmes(request: Request) -> Response:
    session = await _session(request)
    if isinstance(session, JSONResponse):
        return session
    return JSONResponse(await blocking(service(request).programmes, session.user))


async def upload(request: Request) -> Response:
    session = await _session(request, change=True)
    if isinstance(session, JSONResponse):
        return session
    slug = request.path_params["slug"]
    svc = service(request)
    try:
        form = await request.form(max_files=MAX_FILES + 1, max_fields=20)
    except BodyTooLarge:
        return _error(TOO_LARGE.format(mib=svc.settings.max_request_bytes // 2**20), 413)
    except Exception as exc:  # a malformed multipart body (python-multipart's own errors)
        return _error(f"opplastingen kunne ikke leses: {exc}", 400)
    try:
        files = [(item.filename or "", await item.read()) for item in form.getlist("files")
                 if isinstance(item, UploadFile)]
    finally:
        await form.close()
    try:
        record = await blocking(svc.upload, session.user, slug, files, address(request))
    except NotFound:
        return _error(NOT_FOUND, 404)
    except Forbidden:
        return _error("du kan lese dette programmet, men ikke laste opp til det", 403)
    except UploadRefused as exc:
        return _error(exc.message, exc.status)
    return JSONResponse(record, status_code=201)


async def documents(request: Request) -> Response:
    session = await _session(request)
    if isinstance(session, JSONResponse):
        return session
    try:
        return JSONResponse(await blocking(service(request).documents, session.user,
                                           request.path_params["slug"]))
    except NotFound:
        return _error(NOT_FOUND, 404)


async def document(request: Request) -> Response:
    session = await _session(request)
    if isinstance(session, JSONResponse):
        return session
    name = request.path_params["name"]
    try:
        path = await blocking(service(request).document_path, session.user,
                              request.path_params["slug"], name, address(request))
    except NotFound:
        return _error("fant ikke dokumentet" if await _sees(request, session)
                      else NOT_FOUND, 404)
    return FileResponse(path, filename=path.name)


async def _sees(request: Request, session: Session) -> bool:
    from plandoc.serve.users import may_see

    return bool(await blocking(may_see, service(request).db, session.user,
                               request.path_params["slug"]))


async def history(request: Request) -> Response:
    session = await _session(request)
    if isinstance(session, JSONResponse):
        return session
    try:
        return JSONResponse(await blocking(service(request).uploads, session.user,
                                           request.path_params["slug"]))
    except NotFound:
        return _error(NOT_FOUND, 404)


async def healthz(request: Request) -> Response:
    await blocking(service(request).db.one, "SELECT 1")
    return JSONResponse({"ok": True})


ROUTES = [
    Route("/api/login", login, methods=["POST"]),
    Route("/api/logout", logout, methods=["POST"]),
    Route("/api/programmes", programmes, methods=["GET"]),
    Route("/api/programmes/{slug}/uploads", upload, methods=["POST"]),
    Route("/api/programmes/{slug}/documents", documents, methods=["GET"]),
    Route("/api/programmes/{slug}/documents/{name:path}", document, methods=["GET"]),
    Route("/api/programmes/{slug}/history", history, methods=["GET"]),
    Route("/healthz", healthz, methods=["GET"]),
]
