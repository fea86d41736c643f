"""What the pages and the API share: the session of a request, body limits, headers."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from plandoc.serve.auth import COOKIE, Session
from plandoc.serve.service import Service

#: No inline script anywhere, no framing, forms only to ourselves.
CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
TOO_LARGE = "opplastingen er for stor; grensen er {mib} MiB"


class BodyTooLarge(Exception):
    """The request body went past the limit while it was being read."""


class Guard:
    """ASGI middleware: security headers on every response (no caching of anything behind
    the login), and a hard limit on request bodies, checked before and while reading."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", [])
                           if h[0].lower() not in {k for k, _ in HEADERS}]
                headers += HEADERS
                if not any(h[0].lower() == b"cache-control" for h in headers):
                    headers.append((b"cache-control", b"no-store"))
                if https:
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message = {**message, "headers": headers}
            await send(message)

        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send_with_headers)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge()
            return message

        await self.app(scope, limited, send_with_headers)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        text = TOO_LARGE.format(mib=self.limit // 2**20)
        if scope["path"].startswith("/api/"):
            body = json.dumps({"error": text}, ensure_ascii=False).encode()
            kind = b"application/json"
        else:
            body = (f"<!doctype html><html lang=nb><meta charset=utf-8><title>For stor"
                    f"</title><main><h1>For stor opplasting</h1><p>{text}.</p></main>"
                    ).encode()
            kind = b"text/html; charset=utf-8"
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", kind), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def address(request: Request) -> str:
    return request.client.host if request.client else ""


async def session_of(request: Request) -> Session | None:
    svc = service(request)
    return await run_in_threadpool(svc.sessions.find, request.cookies.get(COOKIE))


def set_session_cookie(request: Request, response: Any, session: Session) -> None:
    response.set_cookie(COOKIE, service(request).sessions.cookie_value(session),
                        httponly=True, samesite="lax", path="/",
                        secure=request.url.scheme == "https")


def blocking(fn: Callable[..., Any], *args: Any) -> Awaitable[Any]:
    """Run a blocking call in a worker thread."""
    return run_in_threadpool(fn, *args)
