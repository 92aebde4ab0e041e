"""Grammar and spelling through LanguageTool, by way of language-tool-python.

The `languagetool` rule type (checks/languagetool.py) asks a `LanguageToolService` for the
matches of a story's paragraphs. The service:

- talks to a LanguageTool server named by `--grammar-server`, the configuration or the
  NEWSLINT_LANGUAGETOOL_URL environment variable (a newsroom runs one for everyone), or else to a
  local LanguageTool that language-tool-python starts (it needs Java 17 and downloads
  LanguageTool on first use);
- sends one request per document: the paragraphs it has not seen before, joined by blank lines;
- caches matches by paragraph content (and language and rule settings) for the life of the
  process, so an editor's re-check of a story costs nothing for paragraphs that did not change;
- turns LanguageTool's offsets, which count UTF-16 code units (Java chars), into Python's
  code points;
- when it cannot be used (no server, no Java, download refused, timeout, an answer that is not
  LanguageTool's) raises `Unavailable` with one line saying what to install or configure, and
  does not try again for RETRY_AFTER seconds, so a run over many files waits once.

language_tool_python is imported only here, and only when a check first needs it:
`newslint check` without grammar never imports it.
"""

from __future__ import annotations

import os
import threading
import time
from bisect import bisect_left
from dataclasses import dataclass, replace

from ..model import Unavailable
from ..source.utf16 import astral_indexes, from_utf16, to_utf16
from .cache import CACHE

TYPE_NAME = "languagetool"
ENV_URL = "NEWSLINT_LANGUAGETOOL_URL"
DEFAULT_TIMEOUT = 10.0  # seconds for the whole answer to a request, retries included
RETRY_AFTER = 30.0  # seconds before a service that failed is tried again
SEPARATOR = "\n\n"  # between paragraphs in one request: LanguageTool's paragraph break
SPELLING_CATEGORY = "TYPOS"  # LanguageTool's category of the spell checker (and language-tool-python's)

INSTALL_HELP = (
    "Name a LanguageTool server with --grammar-server URL or the NEWSLINT_LANGUAGETOOL_URL "
    "environment variable: scripts/languagetool-server start (in newslint's source) runs one on "
    "http://127.0.0.1:8081, built from Maven Central (org.languagetool:languagetool-server and "
    "language-en; it needs Java 17 and Maven). Or install Java 17 or later and let "
    "language-tool-python download LanguageTool once (it needs the network)."
)


@dataclass(frozen=True)
class Request:
    """What LanguageTool is asked besides the text: part of the cache key."""

    language: str
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, in code points of the paragraph it was found in."""

    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    category: str
    issue_type: str

    @property
    def is_spelling(self) -> bool:
        return self.category == SPELLING_CATEGORY


_services: dict[tuple[str | None, float], LanguageToolService] = {}
_services_lock = threading.Lock()


def shared_service(server: str | None = None, timeout: float | None = None) -> LanguageToolService:
    """One service per server and timeout in a process, so every Linter shares client and cache.
    No server named: the NEWSLINT_LANGUAGETOOL_URL environment variable, else a local LanguageTool."""
    server = server or os.environ.get(ENV_URL) or None
    key = (server, float(timeout or DEFAULT_TIMEOUT))
    with _services_lock:
        if key not in _services:
            _services[key] = LanguageToolService(*key)
        return _services[key]


def reset() -> None:
    """Forget every client, cached match and remembered failure (tests; a server that came back)."""
    with _services_lock:
        _services.clear()
    CACHE.clear()


class LanguageToolService:
    def __init__(self, server: str | None, timeout: float = DEFAULT_TIMEOUT):
        self.server = server
        self.timeout = timeout
        self.where = f"the LanguageTool server at {server}" if server else "a local LanguageTool"
        self.requests = 0  # requests sent, for tests and benchmarks
        self._client = None
        self._failed: tuple[float, str] | None = None
        self._lock = threading.Lock()

    # -- the one public operation -----------------------------------------------------------------
    def check(self, paragraphs: list[str], request: Request) -> list[tuple[Match, ...]]:
        """Matches for each paragraph, in code points of that paragraph."""
        keys = [CACHE.key(self.server or "local", request, p) for p in paragraphs]
        found = [CACHE.get(k) for k in keys]
        missing = [i for i, f in enumerate(found) if f is None]
        if missing:
            fresh = self._check_new([paragraphs[i] for i in missing], request)
            for i, matches in zip(missing, fresh):
                CACHE.put(keys[i], matches)
                found[i] = matches
        return found

    # -- one request for the paragraphs not seen before -------------------------------------------
    def _check_new(self, paragraphs: list[str], request: Request) -> list[tuple[Match, ...]]:
        text = SEPARATOR.join(paragraphs)
        starts, position = [], 0
        for p in paragraphs:
            starts.append(position)
            position += len(p) + len(SEPARATOR)
        with self._lock:
            if self._failed and time.monotonic() - self._failed[0] < RETRY_AFTER:
                raise Unavailable(self._failed[1])
            try:
                raw = self._query(text, request)
            except Unavailable as e:
                self._failed = (time.monotonic(), str(e))
                raise
            self._failed = None
        per_paragraph: list[list[Match]] = [[] for _ in paragraphs]
        for m in raw:
            i = bisect_left(starts, m.start + 1) - 1  # the paragraph the match starts in
            if i < 0 or m.end > starts[i] + len(paragraphs[i]):
                continue  # across the blank line between two paragraphs: not about either
            per_paragraph[i].append(replace(m, start=m.start - starts[i], end=m.end - starts[i]))
        return [tuple(ms) for ms in per_paragraph]

    def _query(self, text: str, request: Request) -> list[Match]:
        client = self._connect(request.language)
        client.enabled_rules = set(request.enabled_rules)
        client.disabled_rules = set(request.disabled_rules)
        client.enabled_categories = set(request.enabled_categories)
        client.disabled_categories = set(request.disabled_categories)
        self.requests += 1
        try:
            answer = client.check(text)
        except Exception as e:  # noqa: BLE001 - whatever the client raises, the user gets one line
            raise Unavailable(self._explain(e)) from None
        astral = astral_indexes(text)
        try:
            return [_to_match(m, astral, len(text)) for m in answer]
        except Exception as e:  # noqa: BLE001
            raise Unavailable(self._explain(e)) from None

    def _connect(self, language: str):
        """The language-tool-python client, made on first use; its language set for this request."""
        if self._client is None:
            try:
                client_class = _client_class()
            except ImportError:
                raise Unavailable(
                    "grammar checks did not run: they need language-tool-python; install it with "
                    "pip install 'newslint[grammar]'."
                ) from None
            try:
                if self.server:
                    self._client = client_class(language, remote_server=self.server, timeout=self.timeout)
                else:
                    self._client = client_class(language, timeout=self.timeout)
            except ValueError as e:
                if "language" not in str(e):
                    raise Unavailable(self._explain(e)) from None
                raise Unavailable(self._unknown_language(language)) from None
            except (Exception, SystemExit) as e:  # noqa: BLE001 - the library may even call sys.exit
                raise Unavailable(self._explain(e)) from None
        try:
            if str(self._client.language) != language and self._client.language != language:
                self._client.language = language
        except ValueError:
            raise Unavailable(self._unknown_language(language)) from None
        except Exception as e:  # noqa: BLE001
            raise Unavailable(self._explain(e)) from None
        return self._client

    def _unknown_language(self, language: str) -> str:
        return (
            f"grammar checks did not run: {self.where} does not offer the language {language!r}; "
            f"set the grammar rules' 'language' option to one it has (such as en-US or en-GB)."
        )

    def _explain(self, error: BaseException) -> str:
        """One line: what went wrong, and what to install or configure."""
        import requests  # a dependency of language-tool-python, imported with it

        chain, e = [], error
        while e is not None and len(chain) < 6:
            chain.append(e)
            e = e.__cause__ or e.__context__
        detail = str(error).strip().splitlines()[0][:160] if str(error).strip() else error.__class__.__name__
        if not self.server:
            if isinstance(error, ModuleNotFoundError) or "java" in detail.lower():
                reason = "Java was not found" if isinstance(error, ModuleNotFoundError) else detail
            elif any(isinstance(x, (requests.exceptions.ConnectionError, requests.exceptions.Timeout)) for x in chain):
                url = next((x.request.url for x in chain if getattr(x, "request", None) is not None), "")
                reason = f"downloading LanguageTool failed: no connection{' to ' + _host(url) if url else ''}"
            else:
                reason = detail
            return f"grammar checks did not run: a local LanguageTool could not be started ({reason}). {INSTALL_HELP}"
        if any(isinstance(x, requests.exceptions.Timeout) for x in chain):
            return (
                f"grammar checks did not run: {self.where} did not answer within {self.timeout:g} s. "
                f"Check that it is running and not overloaded, or raise the timeout (--grammar-timeout)."
            )
        if any(isinstance(x, requests.exceptions.ConnectionError) for x in chain):
            return (
                f"grammar checks did not run: nothing answers at {self.server}. Start the LanguageTool "
                f"server (scripts/languagetool-server start, in newslint's source, builds one from Maven "
                f"Central and runs it on http://127.0.0.1:8081), or correct --grammar-server / "
                f"NEWSLINT_LANGUAGETOOL_URL."
            )
        return (
            f"grammar checks did not run: {self.where} gave an answer newslint cannot read ({detail}). "
            f"Is that address a LanguageTool server (its /v2/check)?"
        )


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else url


def _client_class():
    """language-tool-python's client, with the two limits newslint needs (imported on first use)."""
    import language_tool_python

    class Client(language_tool_python.LanguageTool):
        def __init__(self, *args, timeout: float, **kwargs):
            # The library waits 300 s for each request (a class constant); an editor cannot.
            self._TIMEOUT = timeout
            super().__init__(*args, **kwargs)

        def _query_server(self, *args, **kwargs):
            # requests' timeout bounds each read, not the answer: a server that sends one byte a
            # second would hold the run for ever. The request runs in a daemon thread, and the
            # answer gets one deadline; a request past it is abandoned (its thread ends when the
            # server stops sending or a read times out) and reported as a timeout.
            import requests

            box: dict = {}

            def ask():
                try:
                    box["answer"] = language_tool_python.LanguageTool._query_server(self, *args, **kwargs)
                except BaseException as e:  # noqa: BLE001 - handed to the caller's thread
                    box["error"] = e

            worker = threading.Thread(target=ask, name="newslint-languagetool", daemon=True)
            worker.start()
            worker.join(self._TIMEOUT)
            if worker.is_alive():
                raise requests.exceptions.Timeout(f"no complete answer within {self._TIMEOUT:g} s")
            if "error" in box:
                raise box["error"]
            return box["answer"]

        def _start_server_on_free_port(self):
            # The library would try every port from 8081 to 8999 while a local server fails to
            # start, up to 15 s each; one try tells us what we need to say.
            self._start_local_server()

    return Client


def _to_match(m, astral: list[int], length: int) -> Match:
    """A language-tool-python Match -> ours. language-tool-python 3 turns the start offset
    from UTF-16 code units into code points, but not the length: the end is turned here.
    `astral` lists the code point indexes of the characters outside the BMP (two UTF-16 units)."""
    start = int(m.offset)
    end = from_utf16(to_utf16(start, astral) + int(m.error_length), astral)
    if not 0 <= start <= end <= length:
        raise ValueError(f"a match at {start}-{end} lies outside the text")
    category = m.category if isinstance(m.category, str) else ""
    return Match(
        start,
        end,
        str(m.message),
        tuple(str(r) for r in m.replacements),
        str(m.rule_id),
        category,
        str(m.rule_issue_type),
    )
