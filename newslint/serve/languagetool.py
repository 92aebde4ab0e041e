"""LanguageTool's HTTP protocol (/v2/check, /v2/languages), spoken with newslint's findings.

Every LanguageTool client (LibreOffice, the browser add-on, LTeX, the Obsidian plugins, Emacs,
language-tool-python) can be pointed at a server URL of one's own; this module is what makes
newslint one. It reads a check request's form fields, and turns findings into LanguageTool
matches: offsets and lengths in UTF-16 code units (Java chars) over the whole text, or over the
whole annotation when the client sent annotated text.

- Replacements are the safe fixes only: clients such as language-tool-python's `correct()`
  apply every first replacement unread. An unsafe fix (a name, a weekday) is named in the
  message for the editor to make by hand.
- `level=default` reports warnings and errors; `level=picky` adds the info findings (an
  unattributed figure, a compound hyphen), as LanguageTool's picky mode adds its hints.
- Rule ids are newslint's (`quotes.unclosed`), category ids its categories (`quotes`), so a
  client's "turn this rule off" sends a name `disabledRules` understands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..packs.docs import summary
from ..source.utf16 import astral_indexes, to_utf16
from ..version import __version__
from . import annotated
from .service import RequestError

# The English variants a client may ask for, and the house profile each implies.
LANGUAGES = {
    "en-US": ("English (US)", "ap"),
    "en-CA": ("English (Canadian)", "ap"),
    "en-GB": ("English (GB)", "british"),
    "en-AU": ("English (Australian)", "british"),
    "en-NZ": ("English (New Zealand)", "british"),
    "en-ZA": ("English (South African)", "british"),
    "en-IE": ("English (Irish)", "british"),
}
GENERIC = ("en", "auto")  # the configuration's profile decides
LEVELS = ("default", "picky")
ISSUE_TYPES = {  # LanguageTool's issue types (the Localization Quality Issue types) per category
    "punctuation": "typographical",
    "quotes": "typographical",
    "repetition": "duplication",
    "headline": "duplication",
    "naming": "inconsistency",
    "dates": "inconsistency",
    "reference": "style",
    "attribution": "style",
    "style": "style",
    "boilerplate": "uncategorized",
    "grammar": "grammar",
}
CONTEXT_CHARS = 40  # characters of context on each side, as LanguageTool gives
SOFTWARE = {
    "name": "newslint",
    "version": __version__,
    "buildDate": "",
    "apiVersion": 1,
    "premium": False,
    "status": "",
}
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")


@dataclass
class CheckRequest:
    text: str  # what the rules read
    annotation: annotated.Annotated | None  # set when the client sent `data`
    language: str  # the code as the client sent it
    profile: str | None  # implied by the language; None: the configuration's
    enabled_rules: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    enabled_only: bool = False
    picky: bool = False

    @property
    def whole(self) -> str:
        """The string the answer's offsets count over."""
        return self.annotation.whole if self.annotation else self.text

    def wants(self, finding) -> bool:
        if finding.rule in self.disabled_rules or finding.category in self.disabled_categories:
            return False
        if self.enabled_only and not (
            finding.rule in self.enabled_rules or finding.category in self.enabled_categories
        ):
            return False
        return self.picky or finding.severity != "info"


def _ids(form, name: str) -> frozenset[str]:
    value = form.get(name) or ""
    return frozenset(v.strip() for v in value.split(",") if v.strip())


def parse_check(form) -> CheckRequest:
    """A /v2/check request's fields (a mapping of strings) -> CheckRequest; RequestError (a 400)
    for anything LanguageTool itself would refuse."""
    text, data = form.get("text"), form.get("data")
    if text is None and data is None:
        raise RequestError("missing 'text' or 'data' parameter")
    if text is not None and data is not None:
        raise RequestError("send 'text' or 'data', not both")
    language = (form.get("language") or "").strip()
    if not language:
        raise RequestError("missing 'language' parameter (such as en-US, en-GB or auto)")
    profile = profile_for(language)
    level = form.get("level") or "default"
    if level not in LEVELS:
        raise RequestError(f"'level' must be default or picky, not {level[:40]!r}")
    enabled_only = (form.get("enabledOnly") or "false").lower()
    if enabled_only not in ("true", "false"):
        raise RequestError("'enabledOnly' must be true or false")
    annotation = None
    if data is not None:
        try:
            annotation = annotated.parse(data)
        except annotated.AnnotationError as e:
            raise RequestError(str(e)) from None
        text = annotation.text
    if "\x00" in (annotation.whole if annotation else text):
        raise RequestError("the text holds NUL characters: binary data, not text")
    request = CheckRequest(
        text,
        annotation,
        language,
        profile,
        _ids(form, "enabledRules"),
        _ids(form, "disabledRules"),
        _ids(form, "enabledCategories"),
        _ids(form, "disabledCategories"),
        enabled_only == "true",
        level == "picky",
    )
    if request.enabled_only and not (request.enabled_rules or request.enabled_categories):
        raise RequestError("'enabledOnly' needs 'enabledRules' or 'enabledCategories'")
    return request


def profile_for(language: str) -> str | None:
    """The house profile a language code implies (None: the configuration's); RequestError for
    a language newslint does not check."""
    for code in LANGUAGES:
        if language.lower() == code.lower():
            return LANGUAGES[code][1]
    if language.lower() in GENERIC:
        return None
    raise RequestError(
        f"newslint checks English only; 'language' must be one of: "
        f"{', '.join([*GENERIC, *LANGUAGES])} (not {language[:40]!r})"
    )


def languages() -> list[dict]:
    """GET /v2/languages."""
    out = [{"name": "English", "code": "en", "longCode": "en"}]
    out += [{"name": name, "code": "en", "longCode": code} for code, (name, _) in LANGUAGES.items()]
    return out


class RuleFields:
    """The rule half of every match (`shortMessage` and `rule`), worked out once per rule and
    shared by every match that names it: a rule's summary comes from parsing its type's
    docstring, too slow to repeat for each match of each request."""

    def __init__(self, rules):
        self._rules = {r.id: r for r in rules}
        self._made: dict[tuple[str, str], tuple[str, dict]] = {}

    def get(self, finding) -> tuple[str, dict]:
        key = (finding.rule, finding.category)
        made = self._made.get(key)
        if made is None:
            rule = self._rules.get(finding.rule)
            if rule is None:  # not a loaded rule (an unused suppression): its message describes it
                return finding.rule, _rule_field(finding, finding.message)
            text = summary(rule)
            # A dict a worker thread adds to while others read: each key is set whole, once.
            made = self._made[key] = (_capital(text), _rule_field(finding, text))
        return made


def _rule_field(finding, description: str) -> dict:
    return {
        "id": finding.rule,
        "description": description,
        "issueType": ISSUE_TYPES.get(finding.category, "uncategorized"),
        "category": {"id": finding.category, "name": f"{finding.category.capitalize()} (newslint)"},
    }


def response(
    request: CheckRequest,
    findings,
    rules: RuleFields,
    *,
    language_code: str,
    extra=(),
    incomplete: bool = False,
) -> dict:
    """The /v2/check answer: newslint's matches (and `extra` matches from a LanguageTool
    server, already in the same offsets), in order."""
    astral = _astral(request.whole)
    # Without a character beyond the BMP in what the rules read, no context needs counting.
    text_astral = bool(astral) or (request.annotation is not None and bool(_astral(request.text)))
    matches = [match(request, f, rules, astral, text_astral) for f in findings if request.wants(f)]
    matches.extend(extra)
    matches.sort(key=lambda m: (m["offset"], m["length"]))
    name = LANGUAGES.get(language_code, ("English",))[0]
    return {
        "software": SOFTWARE,
        "warnings": {"incompleteResults": incomplete},
        "language": {
            "name": name,
            "code": language_code,
            "detectedLanguage": {"name": name, "code": language_code, "confidence": 1.0},
        },
        "matches": matches,
    }


def match(request: CheckRequest, finding, rules: RuleFields, astral: list[int], text_astral: bool = True) -> dict:
    """One finding as a LanguageTool match (`astral`: astral_indexes of the whole text;
    `text_astral`: whether the checked text may hold such characters)."""
    text, note = request.text, None
    start, end = finding.start, finding.end
    replacement = None
    if finding.fix:
        # The match covers the finding and its fix's edits; the replacement is that span with
        # the edits made (a fix may move a comma from after a quotation mark to before it).
        lo, hi = min([start] + [e.start for e in finding.fix]), max([end] + [e.end for e in finding.fix])
        pieces, last = [], lo
        for e in sorted(finding.fix, key=lambda e: (e.start, e.end)):
            pieces += [text[last : e.start], e.replacement]
            last = e.end
        pieces.append(text[last:hi])
        if finding.fix_safe:
            start, end, replacement = lo, hi, "".join(pieces)
        else:
            note = f" Suggested: '{''.join(pieces)}' for '{text[lo:hi]}' (check it before you change it)."
    whole_start, whole_end = start, end
    if request.annotation:
        whole_start = request.annotation.to_whole(start)
        whole_end = max(request.annotation.to_whole(end, is_end=True), whole_start)
        if replacement is not None and request.annotation.touches_markup(whole_start, whole_end):
            replacement = None  # the fix would rewrite formatting the client keeps apart
    offset = to_utf16(whole_start, astral)
    length = to_utf16(whole_end, astral) - offset
    line_start, line_end = _line(text, start, end)
    context, context_offset = _context(text, start, end, line_start, line_end)
    if text_astral:
        context_astral = _astral(context)
        context_units = to_utf16(context_offset, context_astral)
        context_length = to_utf16(context_offset + (end - start), context_astral) - context_units
    else:
        context_units, context_length = context_offset, end - start
    short, rule = rules.get(finding)
    return {
        "message": finding.message + (note or ""),
        # LibreOffice shows `message` in its menu and this beside it in the grammar dialog; the
        # browser add-on puts it above the message.
        "shortMessage": short,
        "replacements": [] if replacement is None else [{"value": replacement}],
        "offset": offset,
        "length": length,
        "context": {"text": context, "offset": context_units, "length": context_length},
        "sentence": _sentence(text, start, end, line_start, line_end),
        "type": {"typeName": "Hint" if finding.severity == "info" else "Other"},
        "rule": rule,
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _astral(text: str) -> list[int]:
    """astral_indexes, with a fast answer for the usual text that has no character outside the
    BMP: its UTF-16 form is then two bytes a character. The encoder runs in C at memory speed
    (7 us for a 1,500-word story); max(text), which this replaced, compared every character as
    an object (1 ms). A lone surrogate, which JSON can carry, is one unit either way."""
    if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        return []
    return astral_indexes(text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line (paragraph) that holds the span begins and ends."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _context(text: str, start: int, end: int, line_start: int, line_end: int) -> tuple[str, int]:
    """Up to CONTEXT_CHARS around the span on its line, with '...' where cut, as LanguageTool
    shows it; and the span's offset in it (characters)."""
    left, right = max(line_start, start - CONTEXT_CHARS), min(max(line_end, end), end + CONTEXT_CHARS)
    prefix = "..." if left > line_start else ""
    suffix = "..." if right < line_end else ""
    return prefix + text[left:right].replace("\n", " ") + suffix, len(prefix) + start - left


def _sentence(text: str, start: int, end: int, line_start: int, line_end: int) -> str:
    """The sentence the span is in, within its paragraph (line)."""
    begin = line_start
    for m in _SENTENCE_END.finditer(text, line_start, start):
        begin = m.end()
    m = _SENTENCE_END.search(text, end, line_end)
    return text[begin : m.end() if m else line_end].strip()
