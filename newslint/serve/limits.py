"""The server's guards, as plain ASGI middleware: a cap on the request body, and a bearer token.

The size cap is checked twice: against Content-Length before anything is read, and against the
bytes actually received (a chunked upload has no length), so a client cannot make the server
hold more than the limit in memory.
"""

from __future__ import annotations

import hmac
import json

LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")


class _TooLarge(Exception):
    pass


async def _send_error(send, status: int, message: str, *, json_body: bool, headers=()) -> None:
    body = (json.dumps({"error": message}) if json_body else message).encode("utf-8")
    content_type = b"application/json" if json_body else b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode()), *headers],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _json_errors(scope) -> bool:
    """newslint's own API answers errors in JSON; LanguageTool's answers in plain text, as
    LanguageTool does (its clients show that text to the user)."""
    return scope.get("path", "").startswith("/api/")


# A body a little over the limit is read and dropped before the 413: a client that writes its
# whole request before it reads (urllib, language-tool-python) otherwise meets a reset
# connection instead of the answer. A body claimed far larger is refused at once.
DRAIN_FACTOR = 4


async def _drain(receive) -> None:
    while True:
        event = await receive()
        if event["type"] != "http.request" or not event.get("more_body", False):
            return


class BodyLimit:
    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        message = (
            f"newslint: the request is larger than {self.max_bytes:,} bytes; "
            f"send a story at a time (the server's --max-bytes sets the limit)"
        )
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            if length.isdigit() and int(length) <= DRAIN_FACTOR * self.max_bytes:
                await _drain(receive)
            return await _send_error(
                send,
                413 if length.isdigit() else 400,
                message if length.isdigit() else "newslint: bad Content-Length",
                json_body=_json_errors(scope),
            )
        received = 0
        started = False

        async def limited_receive():
            nonlocal received
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > self.max_bytes:
                    raise _TooLarge
            return event

        async def tracking_send(event):
            nonlocal started
            if event["type"] == "http.response.start":
                started = True
            await send(event)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _send_error(send, 413, message, json_body=_json_errors(scope))


class BearerToken:
    """Requests must carry `Authorization: Bearer TOKEN`, except the page itself, its files, the
    API description and the language list (which tell nothing about any story). LanguageTool
    clients that cannot set a header send the token as the `apiKey` form field instead, which
    LibreOffice and the browser add-on have a box for; /v2/check checks that itself."""

    OPEN = ("/", "/openapi.json", "/v2/languages")

    def __init__(self, app, token: str):
        self.app, self.token = app, token

    def allows(self, header: str | None) -> bool:
        return bool(header) and hmac.compare_digest(header.encode("utf-8", "replace"), f"Bearer {self.token}".encode())

    async def __call__(self, scope, receive, send):
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") == "OPTIONS"
            or path in self.OPEN
            or path.startswith("/static/")
        ):
            return await self.app(scope, receive, send)
        header = dict(scope.get("headers") or ()).get(b"authorization")
        if self.allows(header.decode("latin-1") if header else None):
            return await self.app(scope, receive, send)
        if path == "/v2/check":  # may carry the token as apiKey: the endpoint checks it
            scope.setdefault("state", {})["needs_api_key"] = True
            return await self.app(scope, receive, send)
        await _send_error(
            send,
            401,
            "newslint: this server needs a token (Authorization: Bearer TOKEN)",
            json_body=_json_errors(scope),
            headers=[(b"www-authenticate", b"Bearer")],
        )
