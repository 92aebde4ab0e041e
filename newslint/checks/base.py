"""What every rule type shares: its registration record and option helpers."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Callable, Iterable

import regex

from ..finding import Hit

# A user's pattern gets this long per document before it is stopped as runaway (seconds).
REGEX_TIMEOUT = 1.0


class OptionError(ValueError):
    """A rule option is invalid; `field` names it so the loader can point at its line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class Unavailable(Exception):
    """A rule's outside service (a LanguageTool server, say) cannot be used for this run.

    str() is one line telling the user what to install or configure. The engine reports it as a
    notice, not an error: the other rules' findings stand and the exit code is not changed."""


@dataclass(frozen=True)
class RuleType:
    name: str
    options: type  # a dataclass whose fields are the YAML options of the type
    check: Callable[[Any, Any], Iterable[Hit]]  # check(doc, options) -> hits
    fields: tuple[str, ...]  # placeholders the message template may use
    doc: str  # What it does / Why is this bad / Example / Use instead / Options
    fix: str = "off"  # the default fix safety of the type's fixes: safe, unsafe or off

    @property
    def option_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self.options))


def compile_pattern(field: str, pattern: Any, *, ignore_case: bool = False) -> regex.Pattern:
    """Compile a rule author's regular expression (the `regex` module: it can time out)."""
    if not isinstance(pattern, str) or not pattern:
        raise OptionError(field, "must be a non-empty regular expression")
    try:
        return regex.compile(pattern, regex.V0 | (regex.IGNORECASE if ignore_case else 0))
    except regex.error as e:
        raise OptionError(field, f"invalid regular expression {pattern!r}: {e}") from None


def word_pattern(field: str, words: Iterable[str], *, ignore_case: bool = False) -> regex.Pattern:
    """One pattern matching any of `words` as whole words, longest first."""
    words = list(words)
    if not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise OptionError(field, "must be a list of non-empty strings")
    alternatives = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    # Whole words: no letter or digit on either side, nor a point that joins ("U.S" in "U.S.A.").
    # A hyphen may follow: "ISIS-held" names ISIS.
    return compile_pattern(field, rf"(?<![\w.])(?:{alternatives})(?!\w|\.\w)", ignore_case=ignore_case)


class LiteralFilter:
    """A cheap test that one of `words` may occur in a text, run before a regex scan.

    `may_occur(text)` is False only where no word can match: plain substring tests are much
    faster than a scan, and most stories name none of a rule's words. With ignore_case the test
    compares case-folded text, for ASCII words only (other words always pass): the letters that
    `regex` matches to ASCII ones regardless of case are the Kelvin sign and the long s, which
    casefold() turns into k and s, and the dotted capital I, which it turns into i and a
    combining dot, so that one is made an i first."""

    def __init__(self, words: Iterable[str], *, ignore_case: bool = False):
        self.ignore_case = ignore_case
        self.words = tuple(w.casefold() for w in words) if ignore_case else tuple(words)
        self.exact = not ignore_case or all(w.isascii() for w in words)

    def may_occur(self, text: str) -> bool:
        if not self.exact:
            return True
        if self.ignore_case:
            text = (text.replace("\u0130", "i") if "\u0130" in text else text).casefold()
        for word in self.words:  # a loop, not any(): this runs for every rule and story
            if word in text:
                return True
        return False


def string_list(field: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise OptionError(field, "must be a string or a list of strings")
    return tuple(value)


def alternation(field: str, value: Any) -> str:
    """A rule author's list of regular expressions as one alternation, each checked on its own
    first so that an error names the pattern at fault."""
    patterns = string_list(field, value)
    for p in patterns:
        compile_pattern(field, p)
    return "|".join(f"(?:{p})" for p in patterns)


def finditer(pattern: regex.Pattern, text: str, start: int = 0, end: int | None = None):
    """finditer with the runaway-pattern time limit."""
    return pattern.finditer(text, start, len(text) if end is None else end, timeout=REGEX_TIMEOUT)
