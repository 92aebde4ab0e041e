"""A real LanguageTool behind newslint (`--grammar-server URL`): each /v2/check is forwarded to
it while newslint checks, and its matches join newslint's in one answer, so one URL in a
client gives grammar, spelling and newsroom style together.

The forwarded request is the client's, less its credentials, with the LanguageTool rules the
house packs already cover turned off (doubled words, quotation marks...: the grammar pack's own
list), so a slip is not reported twice. When the server does not answer, newslint's matches are
sent alone with `incompleteResults` set, and the log says why once a minute at most.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request

FORWARDED = (
    "text",
    "data",
    "level",
    "enabledRules",
    "disabledRules",
    "enabledCategories",
    "disabledCategories",
    "enabledOnly",
    "motherTongue",
    "preferredVariants",
)
LOG = logging.getLogger("newslint.serve")
QUIET_FOR = 60.0  # seconds between two log lines about the same failing server


class UpstreamError(Exception):
    pass


class Upstream:
    def __init__(self, url: str, timeout: float):
        self.url = urllib.parse.urljoin(url.rstrip("/") + "/", "v2/check")
        self.timeout = timeout
        self._last_note = 0.0

    def check(self, fields: dict, language: str, off_rules=(), off_categories=()) -> list[dict]:
        """The server's matches for the client's request (offsets as the client counts them)."""
        form = {k: v for k, v in fields.items() if k in FORWARDED}
        form["language"] = language
        if form.get("enabledOnly") != "true":
            form["disabledRules"] = ",".join(sorted({*_ids(form.get("disabledRules")), *off_rules}))
            form["disabledCategories"] = ",".join(sorted({*_ids(form.get("disabledCategories")), *off_categories}))
        body = urllib.parse.urlencode({k: v for k, v in form.items() if v}).encode("utf-8")
        request = urllib.request.Request(
            self.url, data=body, method="POST", headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                matches = json.loads(answer.read())["matches"]
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise UpstreamError(f"{self.url}: {e.__class__.__name__}: {e}") from None
        if not isinstance(matches, list) or not all(
            isinstance(m, dict) and isinstance(m.get("offset"), int) and isinstance(m.get("length"), int)
            for m in matches
        ):
            raise UpstreamError(f"{self.url}: the answer is not LanguageTool's")
        return matches

    def note_failure(self, error: BaseException) -> None:
        now = time.monotonic()
        if now - self._last_note > QUIET_FOR:
            self._last_note = now
            LOG.warning("the LanguageTool server did not answer; newslint's matches were sent alone (%s)", error)


def _ids(value: str | None) -> set[str]:
    return {v.strip() for v in (value or "").split(",") if v.strip()}
