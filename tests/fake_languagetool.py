"""A small stand-in for a LanguageTool server, for tests: LanguageTool cannot run here.

It answers the two endpoints language-tool-python calls on a remote server, GET /v2/languages
and POST (or GET) /v2/check, with the JSON shapes the real server sends (LanguageTool 6.x, see
https://languagetool.org/http-api/), offsets and lengths counted in UTF-16 code units as Java
counts them. Its "checker" knows a few rules, enough to test the client side for real:

- MORFOLOGIK_RULE_EN_US / _EN_GB (category TYPOS): the words in `misspellings` (per language);
- EN_A_VS_AN (category MISC): "a" before a word that starts with a vowel letter;
- ENGLISH_WORD_REPEAT_RULE (category MISC): a word said twice;
- WHETHER (category REDUNDANCY): "whether or not", as the real one (a style match);
- NNP_AGREEMENT and DOUBLE_NEGATIVE (category GRAMMAR): "Coldplay have" and "not ... nothing",
  two of the grammar rules the pack reports at info (grammar.doubtful).

It honours language, disabledRules, enabledRules, enabledOnly, disabledCategories and
enabledCategories, and answers an unknown language with HTTP 400 and a plain-text error, as
the real server does. `mode` makes it misbehave: "slow" (waits `delay` seconds before a check),
"dribble" (sends its answer one byte every `delay` seconds), "garbage" (an HTML page), "wrong-json" (JSON of another shape), "bad-offsets" (a match past the
end of the text) or "error" (HTTP 500). Every request is logged in `requests`.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
    {"name": "French", "code": "fr", "longCode": "fr"},
]
SOFTWARE = {
    "name": "LanguageTool",
    "version": "6.6",
    "buildDate": "2025-03-27 09:40:04 +0000",
    "apiVersion": 1,
    "premium": False,
    "premiumHint": "You might be missing errors only the Premium version can find.",
    "status": "",
}
# word -> suggestions, for every English variant, then for one variant only.
MISSPELLINGS = {
    "goverment": ["government", "governments"],
    "recieve": ["receive"],
    "McGurk": ["McGuire", "McGirk"],
    "Deir": ["Dear", "Deer"],
    "Zor": ["Zoe", "Zora"],
    "Prso": ["Peso", "Pro"],
    "Kyiv": ["Kiev"],
}
US_ONLY = {"colour": ["color"], "favourite": ["favorite"], "labour": ["labor"]}
GB_ONLY = {"color": ["colour"], "favorite": ["favourite"], "labor": ["labour"]}
TYPOS = {"id": "TYPOS", "name": "Possible Typo"}
MISC = {"id": "MISC", "name": "Miscellaneous"}
REDUNDANCY = {"id": "REDUNDANCY", "name": "Redundant Phrases"}
_WHETHER = re.compile(r"\bwhether or not\b")
GRAMMAR = {"id": "GRAMMAR", "name": "Grammar"}
# (rule id, pattern, the group it marks, message): as the real ones mark them.
_GRAMMAR_RULES = (
    ("NNP_AGREEMENT", re.compile(r"\bColdplay( have)\b"), 1, "Possible agreement error."),
    ("DOUBLE_NEGATIVE", re.compile(r"\b(\w+ not \w+ nothing)\b"), 1, "This phrase contains a double negative."),
)
_WORD = re.compile(r"[^\W\d_]+")
_A_VOWEL = re.compile(r"\b([Aa]) (?=[aeiouAEIOU]\w)")
_REPEAT = re.compile(r"\b(\w+) (\1)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")


def utf16(text: str, index: int) -> int:
    """Java's length of text[:index]."""
    return len(text[:index].encode("utf-16-le")) // 2


class FakeLanguageTool:
    def __init__(self, mode: str = "ok", delay: float = 0.0):
        self.mode = mode
        self.delay = delay
        self.misspellings = dict(MISSPELLINGS)
        self.requests: list[tuple[str, dict]] = []  # (path, parameters)
        self._stop = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def checks(self) -> list[dict]:
        return [params for path, params in self.requests if path.endswith("/check")]

    def start(self) -> FakeLanguageTool:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                fake.answer(self, parts.path, parse_qs(parts.query))

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                fake.answer(self, urlsplit(self.path).path, parse_qs(body, keep_blank_values=True))

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()  # wakes a slow answer
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- answers ---------------------------------------------------------------------------------
    def answer(self, handler, path: str, query: dict) -> None:
        params = {k: v[0] for k, v in query.items()}
        self.requests.append((path, params))
        if path == "/v2/languages":
            return self._send(handler, 200, LANGUAGES)
        if path != "/v2/check":
            return self._send(handler, 404, f"Error: unknown path {path}", text=True)
        if self.mode == "slow":
            self._stop.wait(self.delay)
        if self.mode == "dribble":
            return self._dribble(handler)
        if self.mode == "garbage":
            return self._send(handler, 200, "<html><body>502 Bad Gateway</body></html>", text=True)
        if self.mode == "wrong-json":
            return self._send(handler, 200, {"status": "ok", "result": []})
        if self.mode == "error":
            return self._send(handler, 500, "Error: Internal Server Error", text=True)
        language = params.get("language", "")
        known = {entry["longCode"]: entry["name"] for entry in LANGUAGES}
        if language not in known and language != "auto":
            return self._send(
                handler,
                400,
                f"Error: '{language}' is not a language code known to LanguageTool."
                f" Supported language codes are: {', '.join(known)}",
                text=True,
            )
        text = params.get("text")
        if text is None:
            return self._send(handler, 400, "Error: Missing 'text' or 'data' parameter", text=True)
        matches = self.matches(text, language, params)
        if self.mode == "bad-offsets":  # a match that ends past the end of the text
            match = self._match(
                text,
                len(text),
                len(text),
                "MORFOLOGIK_RULE_EN_US",
                "Possible spelling mistake",
                "misspelling",
                TYPOS,
                "Possible spelling mistake found.",
                "Spelling mistake",
                [],
            )
            match["offset"] += 5
            match["length"] = 4
            matches.append(match)
        name = known.get(language, "English (US)")
        return self._send(
            handler,
            200,
            {
                "software": SOFTWARE,
                "warnings": {"incompleteResults": False},
                "language": {
                    "name": name,
                    "code": language,
                    "detectedLanguage": {"name": name, "code": language, "confidence": 0.99, "source": "ngram+prefix"},
                },
                "matches": matches,
                "sentenceRanges": [
                    [utf16(text, m.start()), utf16(text, m.end())]
                    for m in _SENTENCE.finditer(text)
                    if m.group().strip()
                ],
            },
        )

    def matches(self, text: str, language: str, params: dict) -> list[dict]:
        def listed(name):
            return {x for x in params.get(name, "").split(",") if x}

        disabled_rules, enabled_rules = listed("disabledRules"), listed("enabledRules")
        disabled_categories, enabled_categories = listed("disabledCategories"), listed("enabledCategories")
        only = params.get("enabledOnly") == "true"

        def wanted(rule_id, category):
            if only:
                return rule_id in enabled_rules or category in enabled_categories
            return rule_id not in disabled_rules and category not in disabled_categories

        found = []
        variant = {"en-US": US_ONLY, "en-GB": GB_ONLY}.get(language, {})
        spelling_rule = "MORFOLOGIK_RULE_" + language.upper().replace("-", "_")
        if language in ("en-US", "en-GB", "en-AU", "en-CA") and wanted(spelling_rule, "TYPOS"):
            table = {**self.misspellings, **variant}
            for m in _WORD.finditer(text):
                if m.group() in table:
                    found.append(
                        self._match(
                            text,
                            m.start(),
                            m.end(),
                            spelling_rule,
                            "Possible spelling mistake",
                            "misspelling",
                            TYPOS,
                            "Possible spelling mistake found.",
                            "Spelling mistake",
                            table[m.group()],
                        )
                    )
        if language.startswith("en") and wanted("EN_A_VS_AN", "MISC"):
            for m in _A_VOWEL.finditer(text):
                an = "An" if m.group(1) == "A" else "an"
                found.append(
                    self._match(
                        text,
                        m.start(1),
                        m.end(1),
                        "EN_A_VS_AN",
                        "Use of 'a' vs. 'an'",
                        "misspelling",
                        MISC,
                        "Use \u201can\u201d instead of \u2018a\u2019 if the following word starts "
                        "with a vowel sound, e.g. \u2018an article\u2019, \u2018an hour\u2019.",
                        "Wrong article",
                        [an],
                    )
                )
        if wanted("ENGLISH_WORD_REPEAT_RULE", "MISC"):
            for m in _REPEAT.finditer(text):
                found.append(
                    self._match(
                        text,
                        m.start(1),
                        m.end(2),
                        "ENGLISH_WORD_REPEAT_RULE",
                        "Word repetition (e.g. 'will will')",
                        "duplication",
                        MISC,
                        "Possible typo: you repeated a word.",
                        "Word repetition",
                        [m.group(1)],
                    )
                )
        if language.startswith("en") and wanted("WHETHER", "REDUNDANCY"):
            for m in _WHETHER.finditer(text):
                found.append(
                    self._match(
                        text,
                        m.start(),
                        m.end(),
                        "WHETHER",
                        "whether (or not)",
                        "style",
                        REDUNDANCY,
                        "Consider shortening this phrase to just ‘whether’, unless you mean ‘regardless of whether’.",
                        "Redundant phrase",
                        ["whether"],
                    )
                )
        for rule_id, pattern, group, message in _GRAMMAR_RULES:
            if language.startswith("en") and wanted(rule_id, "GRAMMAR"):
                for m in pattern.finditer(text):
                    found.append(
                        self._match(
                            text,
                            m.start(group),
                            m.end(group),
                            rule_id,
                            rule_id,
                            "grammar",
                            GRAMMAR,
                            message,
                            "Grammar",
                            [],
                        )
                    )
        return sorted(found, key=lambda match: match["offset"])

    @staticmethod
    def _match(text, start, end, rule_id, description, issue_type, category, message, short, replacements):
        left = max(0, start - 40)
        right = min(len(text), end + 40)
        context = ("..." if left else "") + text[left:right].replace("\n", " ") + ("..." if right < len(text) else "")
        context_start = (3 if left else 0) + (start - left)
        sentence = next(
            (m.group().strip() for m in _SENTENCE.finditer(text) if m.start() <= start < max(m.end(), start + 1)), ""
        )
        return {
            "message": message,
            "shortMessage": short,
            "replacements": [{"value": r} for r in replacements],
            "offset": utf16(text, start),
            "length": utf16(text, end) - utf16(text, start),
            "context": {
                "text": context,
                "offset": utf16(context, context_start),
                "length": utf16(text, end) - utf16(text, start),
            },
            "sentence": sentence,
            "type": {"typeName": "Other"},
            "rule": {"id": rule_id, "description": description, "issueType": issue_type, "category": category},
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }

    def _dribble(self, handler) -> None:
        """A well-formed answer, one byte every `delay` seconds: each read gets a byte in time."""
        data = json.dumps({"software": SOFTWARE, "matches": []}).encode("utf-8")
        try:
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            for i in range(len(data)):
                handler.wfile.write(data[i : i + 1])
                handler.wfile.flush()
                if self._stop.wait(self.delay):
                    return
        except (BrokenPipeError, ConnectionResetError):
            pass

    @staticmethod
    def _send(handler, status: int, body, text: bool = False) -> None:
        data = (body if text else json.dumps(body)).encode("utf-8")
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", "text/plain; charset=utf-8" if text else "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)
