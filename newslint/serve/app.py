"""The HTTP application: LanguageTool's /v2 endpoints, newslint's /api endpoints, the page.

Starlette on uvicorn: a small, well-kept ASGI toolkit (no data-model layer to learn), whose
errors we shape ourselves: LanguageTool clients show a plain-text error to the user, newslint's
own API answers in JSON. Linting runs in worker threads with a time limit, so a slow request
cannot hold the event loop, and every failure a client can cause is a 4xx with one line.
"""

from __future__ import annotations

import asyncio
import hmac
import io
import json
import logging
import re
import time
import urllib.parse
from functools import partial
from pathlib import Path

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..fix import describe_fix, fix_text
from ..model import PROFILES
from ..packs.docs import rule_help, summary
from ..source import InputError, decode, kind_for
from . import languagetool as lt
from .limits import BearerToken, BodyLimit
from .openapi import spec
from .service import RequestError, Service
from .upstream import Upstream

STATIC = Path(__file__).with_name("static")
SUFFIXES = {"text": ".txt", "markdown": ".md", "html": ".html"}  # the kinds of draft, by a label's suffix
KINDS = tuple(SUFFIXES)
LOG = logging.getLogger("newslint.serve")
_RAW_FORM = re.compile(
    r"[^A-Za-z0-9*._~%+&=!'(),:/@?;$-]"
)  # what no form encoder leaves bare: a space, a quote, non-ASCII
# A page that loads nothing from elsewhere: its own script and style only.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class TimedOut(Exception):
    pass


def build_app(
    service: Service,
    *,
    max_bytes: int = 1_000_000,
    timeout: float = 10.0,
    allow_origins=(),
    token: str | None = None,
    grammar_server: str | None = None,
    threads: int = 4,
) -> Starlette:
    upstream = Upstream(grammar_server, timeout) if grammar_server else None
    # Linting is CPU work under one GIL, so a few threads, not forty. Not one: measured at 50
    # clients, one lint thread a process answered half as many requests (13/s against 29/s) for
    # the same CPU each, as every lint then waits for the event loop to hand it the next story.
    limiter = anyio.CapacityLimiter(threads)
    waiting = anyio.CapacityLimiter(16)  # forwarding to a LanguageTool server waits on the network

    async def run(fn, *args, limiter=limiter):
        """fn(*args) in a worker thread, within the time limit. A check past the limit is
        abandoned (the client gets its 408 at once) and finishes in its thread: the rules' own
        pattern budgets (checks/base.py) bound how long that can be."""
        try:
            return await asyncio.wait_for(
                anyio.to_thread.run_sync(partial(fn, *args), limiter=limiter, abandon_on_cancel=True), timeout
            )
        except asyncio.TimeoutError:
            raise TimedOut from None

    # -- LanguageTool's protocol ---------------------------------------------------------------

    fields_by_linter: dict = {}  # Linter -> lt.RuleFields: each rule's part of a match, made once

    def rule_fields(profile: str | None) -> lt.RuleFields:
        linter = service.linter(None, profile)  # every rule of the configuration, for the explanations
        fields = fields_by_linter.get(linter)
        if fields is None:
            fields = fields_by_linter[linter] = lt.RuleFields(linter.engine.rules)
        return fields

    async def v2_check(request: Request):
        try:
            fields = await _lt_fields(request, max_bytes)
            if request.scope.get("state", {}).get("needs_api_key") and not (
                token
                and hmac.compare_digest((fields.get("apiKey") or "").encode("utf-8", "replace"), token.encode("utf-8"))
            ):
                return PlainTextResponse(
                    "Error: this server needs a token: send it as apiKey, or Authorization: Bearer TOKEN", 401
                )
            check = lt.parse_check(fields)
            profile = service.profile or check.profile
            linter = service.linter(None, profile, paragraph=_one_paragraph(check.text), grammar=False)
            language = check.language if check.language in lt.LANGUAGES else _code_for(linter.config.profile)
            lint = run(_lint_timed, linter, check.text)
            if upstream is not None:
                off_rules, off_categories = service.grammar_settings(linter.config.profile)
                forwarded = run(upstream.check, fields, language, off_rules, off_categories, limiter=waiting)
                timed, extra = await asyncio.gather(lint, forwarded, return_exceptions=True)
                if isinstance(timed, BaseException):
                    raise timed
                result, lint_cpu = timed
                incomplete = isinstance(extra, BaseException)
                if incomplete:
                    upstream.note_failure(extra)
                    extra = []
            else:
                (result, lint_cpu), extra, incomplete = await lint, [], False
            return JSONResponse(
                lt.response(
                    check,
                    result.findings,
                    rule_fields(profile),
                    language_code=language,
                    extra=extra,
                    incomplete=incomplete or bool(result.errors),
                ),
                # The lint's own CPU time (Server-Timing, milliseconds): a load test can tell the
                # lint from everything the server does around it (benchmarks/serve_bench.py).
                headers={"Server-Timing": f"lint;dur={lint_cpu * 1000:.2f}"},
            )
        except RequestError as e:
            return PlainTextResponse(f"Error: {e}", 400)
        except TimedOut:
            return PlainTextResponse(f"Error: checking took longer than {timeout:g} s; send less text at once", 408)

    async def v2_languages(request: Request):
        return JSONResponse(lt.languages())

    # -- newslint's own JSON API ---------------------------------------------------------------

    async def api_check(request: Request):
        try:
            body = await _json_body(request)
            linter, text, path, kind = _linter_for(service, body)
            result = await run(linter.lint_text, text, path, kind)
            return JSONResponse(
                {
                    "findings": [_finding(f, text) for f in result.findings],
                    "errors": result.errors,
                    "notices": result.notices,
                }
            )
        except RequestError as e:
            return JSONResponse({"error": str(e)}, 400)
        except TimedOut:
            return JSONResponse({"error": f"checking took longer than {timeout:g} s"}, 408)

    async def api_fix(request: Request):
        try:
            body = await _json_body(request)
            linter, text, path, kind = _linter_for(service, body)
            unsafe = body.get("unsafe", False)
            if not isinstance(unsafe, bool):
                raise RequestError("'unsafe' must be true or false")
            fixed = await run(partial(fix_text, unsafe=unsafe), linter, text, path)
            result = await run(linter.lint_text, fixed.text, path, kind)
            return JSONResponse(
                {
                    "text": fixed.text,
                    "applied": fixed.applied,
                    "settled": fixed.settled,
                    "findings": [_finding(f, fixed.text) for f in result.findings],
                }
            )
        except RequestError as e:
            return JSONResponse({"error": str(e)}, 400)
        except TimedOut:
            return JSONResponse({"error": f"fixing took longer than {timeout:g} s"}, 408)

    async def api_rules(request: Request):
        try:
            config = request.query_params.get("config")
            profile = request.query_params.get("profile") or None
            rules = service.rules(config, profile)
        except RequestError as e:
            return JSONResponse({"error": str(e)}, 400)
        return JSONResponse(
            {
                rid: {"category": r.category, "level": r.level, "summary": summary(r), "help": rule_help(r)}
                for rid, r in rules.items()
            }
        )

    async def api_options(request: Request):
        return JSONResponse(
            {
                "configs": list(service.configs),
                "default_config": service.default_config,
                "profiles": list(PROFILES),
                "default_profile": service.profile or service.config(None).profile,
                "max_bytes": max_bytes,
            }
        )

    async def api_read(request: Request):
        """A draft's bytes (the page's "Open") -> its text, decoded as `newslint check` would."""
        name = request.query_params.get("name") or "draft.txt"
        data = await request.body()
        try:
            text = await run(_read_draft, data, name)
        except InputError as e:
            return JSONResponse({"error": str(e)}, 400)
        except TimedOut:
            return JSONResponse({"error": f"reading took longer than {timeout:g} s"}, 408)
        return JSONResponse({"text": text, "name": name})

    # -- the page --------------------------------------------------------------------------------

    async def page(request: Request):
        return FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)

    async def openapi(request: Request):
        return JSONResponse(spec(max_bytes))

    async def bad_request(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, exc.status_code)
        return PlainTextResponse(f"Error: {exc.detail}", exc.status_code)

    async def server_error(request: Request, exc: Exception):
        LOG.error("%s %s failed: %s: %s", request.method, request.url.path, exc.__class__.__name__, exc)
        message = "newslint could not check this request; the server log says why"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": message}, 500)
        return PlainTextResponse(f"Error: {message}", 500)

    middleware = [Middleware(BodyLimit, max_bytes=max_bytes)]
    if allow_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(allow_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type"],
                max_age=600,
            )
        )
    if token:
        middleware.append(Middleware(BearerToken, token=token))
    routes = [
        Route("/", page),
        Route("/v2/check", v2_check, methods=["GET", "POST"]),
        Route("/v2/languages", v2_languages),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/api/fix", api_fix, methods=["POST"]),
        Route("/api/rules", api_rules),
        Route("/api/options", api_options),
        Route("/api/read", api_read, methods=["POST"]),
        Route("/openapi.json", openapi),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(
        routes=routes, middleware=middleware, exception_handlers={HTTPException: bad_request, Exception: server_error}
    )


# -- helpers ---------------------------------------------------------------------------------------


def _one_paragraph(text: str) -> bool:
    """A request that holds one paragraph (LibreOffice sends them one at a time)."""
    lines = (line for line in text.splitlines() if line.strip())
    return next(lines, None) is None or next(lines, None) is None


def _lint_timed(linter, text: str):
    """The Result of linting `text`, and the CPU time that took in this thread."""
    started = time.thread_time()
    result = linter.lint_text(text, "<text>", "text")
    return result, time.thread_time() - started


def _code_for(profile: str) -> str:
    return "en-GB" if profile == "british" else "en-US"


async def _lt_fields(request: Request, max_bytes: int) -> dict[str, str]:
    """A /v2/check request's fields: the query string, then the form body, as LanguageTool takes them."""
    fields = dict(request.query_params)
    if request.method == "POST":
        kind = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            fields.update(_url_form(await request.body()))
        elif kind == "multipart/form-data":
            form = await request.form(max_files=0, max_fields=64, max_part_size=max_bytes)
            for key, value in form.multi_items():
                if not isinstance(value, str):
                    raise RequestError(f"'{key}' must be a form field, not a file")
                fields[key] = value
        elif await request.body():
            raise RequestError("send the fields as a form (application/x-www-form-urlencoded or multipart/form-data)")
    return fields


def _url_form(body: bytes) -> dict[str, str]:
    """An urlencoded body, read as UTF-8 throughout."""
    try:
        form = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError("the form is not UTF-8") from None
    fields = {}
    if _RAW_FORM.search(form) and form.startswith("text="):
        # LibreOffice (7.4 at least) sends "text=" and the paragraph as it is, not
        # percent-encoded: an emoji as its UTF-8 bytes, "&", "+" and "%" as themselves. A
        # character that encoding never leaves bare (a space, a quotation mark, anything
        # beyond ASCII) marks such a form; its text runs to the last "&language=", and is not
        # decoded again, or "AT&T" would end the text and "100%25" would lose characters.
        end = form.rfind("&language=")
        if end < 0:
            raise RequestError("missing 'language' parameter (such as en-US, en-GB or auto)")
        fields["text"], form = form[len("text=") : end], form[end + 1 :]
    try:
        pairs = urllib.parse.parse_qsl(
            form, keep_blank_values=True, encoding="utf-8", errors="strict", max_num_fields=64
        )
    except UnicodeDecodeError:
        raise RequestError("the form is not UTF-8") from None
    except ValueError:
        raise RequestError("the form has too many fields") from None
    return {**dict(pairs), **fields}


async def _json_body(request: Request) -> dict:
    raw = await request.body()
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise RequestError('the body must be a JSON object such as {"text": "..."}') from None
    if not isinstance(body, dict):
        raise RequestError('the body must be a JSON object such as {"text": "..."}')
    return body


def _string(body: dict, key: str, default=None):
    value = body.get(key, default)
    if value is not None and not isinstance(value, str):
        raise RequestError(f"'{key}' must be a string")
    return value


def _linter_for(service: Service, body: dict):
    """The Linter, text, path label and kind a /api request names (nothing here is a file read)."""
    text = _string(body, "text")
    if text is None:
        raise RequestError("missing 'text'")
    if "\x00" in text:
        raise RequestError("the text holds NUL characters: binary data, not text")
    path = _string(body, "path", "<text>") or "<text>"
    kind = _string(body, "kind")
    if kind is not None and kind not in KINDS:
        raise RequestError(f"'kind' must be one of {', '.join(KINDS)}")
    if kind is not None and kind_for(path) != kind:
        path += SUFFIXES[kind]  # the format goes by the label's suffix, for fixing as for checking
    linter = service.linter(_string(body, "config"), _string(body, "profile") or None)
    return linter, text, path, None


def _finding(finding, text: str) -> dict:
    """The JSON contract's finding, plus its character offsets and a phrase for its fix (the page)."""
    out = finding.to_dict()
    out.update(start=finding.start, end=finding.end, fix_description=describe_fix(text, finding))
    return out


def _read_draft(data: bytes, name: str) -> str:
    if name.lower().endswith(".docx"):
        from ..source.docx import read_docx

        try:
            return read_docx(io.BytesIO(data))
        except InputError as e:
            raise InputError(f"{name}: {str(e).split(': ', 1)[-1]}") from None
    return decode(data, name)
