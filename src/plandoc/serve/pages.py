"""The Norwegian web pages: server-rendered (Jinja2, autoescaped), no JavaScript needed.

Every form carries the session's CSRF token; the login form, before any session, a token
that must match a cookie (double submit). After a POST the browser is sent on (303).
"""

from __future__ import annotations

import datetime as dt
import functools
import hmac
import secrets
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any
from urllib.parse import quote

import jinja2
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from plandoc.core.resources import shipped_templates_dir
from plandoc.serve.auth import COOKIE, Session, Throttled, csrf_ok
from plandoc.serve.service import Forbidden, NotFound, blank_workbook
from plandoc.serve.texts import texts
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

FORM_COOKIE = "plandoc_skjema"
BLANK = {"programarbeidsbok": "program", "prosjektarbeidsbok": "prosjekt"}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(shipped_templates_dir() / "serve"),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
        lstrip_blocks=True)
    env.filters["when"] = _when
    env.filters["url"] = lambda s: quote(str(s), safe="/")
    env.filters["size"] = _size
    return env


def _when(timestamp: float | None) -> str:
    if not timestamp:
        return ""
    return dt.datetime.fromtimestamp(timestamp).strftime("%d.%m.%Y kl. %H:%M")


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 2**20:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


def render(request: Request, template: str, session: Session | None, status: int = 200,
           **context: Any) -> HTMLResponse:
    t = texts(session.user.language if session else None)
    html = environment().get_template(template).render(
        t=t, user=session.user if session else None,
        csrf=session.csrf if session else "", **context)
    return HTMLResponse(html, status_code=status)


def _to_login() -> RedirectResponse:
    return RedirectResponse("/logg-inn", status_code=303)


def _not_found(request: Request, session: Session | None) -> HTMLResponse:
    return render(request, "not_found.html.j2", session, status=404)


Handler = Callable[[Request, Session], Awaitable[Response]]


def signed_in(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """A page for signed-in users: no session → the login page; a programme, upload or
    document the user may not see (or that does not exist) → the same 404 page."""

    @functools.wraps(handler)
    async def page(request: Request) -> Response:
        session = await session_of(request)
        if session is None:
            return _to_login()
        try:
            return await handler(request, session)
        except NotFound:
            return _not_found(request, session)

    return page


# ---------------------------------------------------------------- login


async def home(request: Request) -> Response:
    session = await session_of(request)
    return RedirectResponse("/programmer" if session else "/logg-inn", status_code=303)


async def login_form(request: Request, message: str = "", status: int = 200) -> Response:
    token = secrets.token_urlsafe(24)
    response = render(request, "login.html.j2", None, status=status, form_token=token,
                      message=message)
    response.set_cookie(FORM_COOKIE, token, httponly=True, samesite="strict", path="/logg-inn",
                        secure=request.url.scheme == "https")
    return response


async def login(request: Request) -> Response:
    t = texts(None)
    try:
        form = await request.form(max_files=0, max_fields=5)
    except (BodyTooLarge, Exception):
        return await login_form(request, t["csrf"], 400)
    sent, cookie = str(form.get("skjema", "")), request.cookies.get(FORM_COOKIE, "")
    if not sent or not hmac.compare_digest(sent, cookie):
        return await login_form(request, t["csrf"], 403)
    svc = service(request)
    try:
        session = await blocking(svc.sessions.login, str(form.get("brukernavn", "")),
                                 str(form.get("passord", "")), address(request))
    except Throttled as exc:
        return await login_form(request, t["throttled"].format(
            minutes=max(1, round(exc.wait / 60))), 429)
    if session is None:
        return await login_form(request, t["wrong_login"], 401)
    response = RedirectResponse("/programmer", status_code=303)
    set_session_cookie(request, response, session)
    response.delete_cookie(FORM_COOKIE, path="/logg-inn")
    return response


async def logout(request: Request) -> Response:
    session = await session_of(request)
    if session is not None:
        form = await request.form(max_files=0, max_fields=5)
        if not csrf_ok(session, str(form.get("csrf", ""))):
            return render(request, "message.html.j2", session, status=403,
                          title=texts(session.user.language)["csrf"], text="")
        await blocking(service(request).sessions.logout, session)
    response = _to_login()
    response.delete_cookie(COOKIE, path="/")
    return response


# ---------------------------------------------------------------- programmes


@signed_in
async def programmes(request: Request, session: Session) -> Response:
    items = await blocking(service(request).programmes, session.user)
    overview = session.user.role in ("fylke", "admin") and any(p["county"] for p in items)
    return render(request, "programmes.html.j2", session, programmes=items, overview=overview)


@signed_in
async def programme(request: Request, session: Session) -> Response:
    slug = request.path_params["slug"]
    svc = service(request)
    info = await blocking(svc.programme, session.user, slug)
    docs = await blocking(svc.documents, session.user, slug)
    uploads = await blocking(svc.uploads, session.user, slug)
    return render(request, "programme.html.j2", session, programme=info,
                  documents=_grouped(docs), last=uploads[0] if uploads else None)


def _grouped(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per document with its formats side by side (omstillingsplan: DOCX, PDF)."""
    rows: dict[str, dict[str, Any]] = {}
    for doc in docs:
        stem, _, fmt = doc["name"].rpartition(".")
        row = rows.setdefault(stem, {"stem": stem, "formats": {}})
        row["formats"][fmt] = doc
    return list(rows.values())


@signed_in
async def upload(request: Request, session: Session) -> Response:
    slug = request.path_params["slug"]
    svc = service(request)
    t = texts(session.user.language)
    try:
        form = await request.form(max_files=MAX_FILES + 1, max_fields=5)
    except BodyTooLarge:
        return render(request, "message.html.j2", session, status=413, title=t["refused"],
                      text=TOO_LARGE.format(mib=svc.settings.max_request_bytes // 2**20),
                      slug=slug)
    try:
        if not csrf_ok(session, str(form.get("csrf", ""))):
            return render(request, "message.html.j2", session, status=403, title=t["csrf"],
                          text="", slug=slug)
        files = [(item.filename or "", await item.read()) for item in form.getlist("filer")
                 if isinstance(item, UploadFile) and item.filename]
    finally:
        await form.close()
    try:
        record = await blocking(svc.upload, session.user, slug, files, address(request))
    except Forbidden:
        return render(request, "message.html.j2", session, status=403, title=t["read_only"],
                      text="", slug=slug)
    except UploadRefused as exc:
        return render(request, "message.html.j2", session, status=exc.status,
                      title=t["refused"], text=exc.message, slug=slug)
    return RedirectResponse(f"/programmer/{slug}/opplastinger/{record['id']}", status_code=303)


@signed_in
async def upload_result(request: Request, session: Session) -> Response:
    slug = request.path_params["slug"]
    record = await blocking(service(request).upload_record, session.user, slug,
                            request.path_params["upload"])
    return render(request, "upload.html.j2", session, slug=slug, upload=record)


@signed_in
async def history(request: Request, session: Session) -> Response:
    slug = request.path_params["slug"]
    uploads = await blocking(service(request).uploads, session.user, slug)
    return render(request, "history.html.j2", session, slug=slug, uploads=uploads)


@signed_in
async def download(request: Request, session: Session) -> Response:
    path = await blocking(service(request).document_path, session.user,
                          request.path_params["slug"], request.path_params["name"],
                          address(request))
    return FileResponse(path, filename=path.name)


def _page_number(request: Request) -> int:
    try:
        return max(1, int(request.query_params.get("side", "1")))
    except ValueError:
        return 1


@signed_in
async def preview(request: Request, session: Session) -> Response:
    slug, name = request.path_params["slug"], request.path_params["name"]
    page = _page_number(request)
    try:
        _, count = await blocking(service(request).preview, session.user, slug, name, page)
    except UploadRefused as exc:
        return render(request, "message.html.j2", session, status=exc.status,
                      title=texts(session.user.language)["preview"], text=exc.message,
                      slug=slug)
    return render(request, "preview.html.j2", session, slug=slug, name=name, page=page,
                  count=count)


@signed_in
async def page_image(request: Request, session: Session) -> Response:
    try:
        path, _ = await blocking(service(request).preview, session.user,
                                 request.path_params["slug"], request.path_params["name"],
                                 int(request.path_params["page"]))
    except UploadRefused:
        return _not_found(request, session)
    return FileResponse(path, media_type="image/png")


@signed_in
async def download_all(request: Request, session: Session) -> Response:
    slug = request.path_params["slug"]
    data = await blocking(service(request).documents_zip, session.user, slug,
                          address(request))
    return Response(data, media_type="application/zip", headers={
        "content-disposition": f'attachment; filename="{slug}-dokumenter.zip"'})


@signed_in
async def samleoversikt(request: Request, session: Session) -> Response:
    path = await blocking(service(request).samleoversikt, session.user,
                          request.path_params["fmt"])
    return FileResponse(path, filename=path.name)


@signed_in
async def blank(request: Request, session: Session) -> Response:
    kind = BLANK.get(request.path_params["kind"])
    if kind is None:
        return _not_found(request, session)
    data = await blocking(blank_workbook, kind)
    return Response(data, media_type="application/vnd.openxmlformats-officedocument."
                    "spreadsheetml.sheet", headers={
                        "content-disposition":
                        f'attachment; filename="{request.path_params["kind"]}.xlsx"'})


async def _http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    if request.url.path.startswith("/api/"):
        from starlette.responses import JSONResponse

        messages = {404: "fant ikke siden", 405: "metoden er ikke tillatt"}
        return JSONResponse({"error": messages.get(status, "feil")}, status_code=status)
    session = await session_of(request)
    if status == 404:
        return _not_found(request, session)
    return render(request, "message.html.j2", session, status=status,
                  title=f"Feil {status}", text="")


EXCEPTION_HANDLERS = {HTTPException: _http_error}

ROUTES = [
    Route("/", home, methods=["GET"]),
    Route("/logg-inn", login_form, methods=["GET"]),
    Route("/logg-inn", login, methods=["POST"]),
    Route("/logg-ut", logout, methods=["POST"]),
    Route("/programmer", programmes, methods=["GET"]),
    Route("/programmer/{slug}", programme, methods=["GET"]),
    Route("/programmer/{slug}/opplasting", upload, methods=["POST"]),
    Route("/programmer/{slug}/opplastinger/{upload}", upload_result, methods=["GET"]),
    Route("/programmer/{slug}/historikk", history, methods=["GET"]),
    Route("/programmer/{slug}/alle-dokumenter.zip", download_all, methods=["GET"]),
    Route("/programmer/{slug}/dokumenter/{name:path}", download, methods=["GET"]),
    Route("/programmer/{slug}/forhandsvisning/{name:path}", preview, methods=["GET"]),
    Route("/programmer/{slug}/sidebilde/{page:int}/{name:path}", page_image, methods=["GET"]),
    Route("/samleoversikt.{fmt}", samleoversikt, methods=["GET"]),
    Route("/maler/{kind}.xlsx", blank, methods=["GET"]),
]
