"""What every rule type shares: its registration record and option helpers."""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from typing import Any

import regex

from ..model import Hit, Unavailable  # noqa: F401 - Unavailable: what a check raises

# A rule gets this long on one document, counted from its start and checked at each of its
# regex calls, before it is stopped as runaway (seconds, plus REGEX_TIMEOUT_PER_MB for each
# million characters). Wall-clock time, as the regex module's own timeout is, and generous:
# the slowest built-in rule on the most hostile file measured takes 2.6 s per MB, on news copy
# 0.15 s per MB (docs/reliability.md).
REGEX_TIMEOUT = 1.0
REGEX_TIMEOUT_PER_MB = 5.0


class OptionError(ValueError):
    """A rule option is invalid; `field` names it so the loader can point at its line."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class RuleType:
    name: str
    options: type  # a dataclass whose fields are the YAML options of the type
    check: Callable[[Any, Any], Iterable[Hit]]  # check(doc, options) -> hits
    fields: tuple[str, ...]  # placeholders the message template may use
    doc: str  # What it does / Why is this bad / Example / Use instead / Options
    fix: str = "off"  # the default fix safety of the type's fixes: safe, unsafe or off
    # A type that reports one of several problems (quotes, punctuation, ...) documents each one,
    # as Ruff does for two rules that share a function: the option that names the problem, and
    # problem -> its own What it does / Why is this bad / Example / Use instead.
    problem_option: str = "problem"
    problems: dict[str, str] | None = None

    def doc_for(self, options: Any) -> str:
        """The doc of the problem a rule with these options reports, with the type's Options; the
        type's doc for a single-problem type."""
        if not self.problems:
            return self.doc
        own = self.problems[getattr(options, self.problem_option)]
        type_options = self.doc.split("\nOptions\n", 1)
        return own.strip() + ("\n\nOptions\n" + type_options[1].rstrip() if len(type_options) == 2 else "")

    @property
    def option_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self.options))


# The regex module writes counted repeats out in full when it compiles: "(?:(?:a{100}){100}){100}"
# took 24 GB before the kernel stopped it. A pattern may grow by this many characters at most.
MAX_REPEAT_GROWTH = 100_000
_QUANTIFIER = regex.compile(r"\{(\d*)(?:,(\d*))?\}")
_BRACED_ESCAPE = regex.compile(r"\\[pPNxuUg]\{[^}]*\}|\\.", regex.DOTALL)


def expanded_size(pattern: str) -> int:
    """Roughly how long `pattern` is once its counted repeats are written out: each atom counts
    once, times the least count of each {m}, {m,} or {m,n} around it."""
    totals = [0]  # size of the group being read, one entry per open group
    last = 0  # size of the last atom, which a quantifier multiplies
    pos = 0
    while pos < len(pattern):
        char = pattern[pos]
        quantifier = _QUANTIFIER.match(pattern, pos) if char == "{" else None
        if quantifier and quantifier.group(1):
            grown = last * max(int(quantifier.group(1)), 1)
            totals[-1] += grown - last
            last = grown
            pos = quantifier.end()
            continue
        if char == "(":
            totals.append(0)
            last = 0
        elif char == ")" and len(totals) > 1:
            last = totals.pop()
            totals[-1] += last
        elif char == "[":  # a class is one atom: skip to its closing bracket
            end = pos + 1 + (pattern[pos + 1 : pos + 2] == "^")
            end += pattern[end : end + 1] == "]"
            while end < len(pattern) and pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            pos, last = end, 1
            totals[-1] += 1
        elif char == "\\":
            escape = _BRACED_ESCAPE.match(pattern, pos)
            pos, last = (escape.end() if escape else len(pattern)) - 1, 1
            totals[-1] += 1
        elif char not in "|*+?":
            last = 1
            totals[-1] += 1
        pos += 1
    return sum(totals)


# What the regex module reads as nothing between an atom and its quantifier: an inline comment
# "(?#...)" anywhere, and in verbose mode (?x) white space and "#" comments to the line end.
# Left in, they hid a quantifier from expanded_size: "(?:a{1000})(?#){1000}".
_COMMENT = regex.compile(r"\(\?#[^)]*\)")
_VERBOSE_SPACE = regex.compile(r"(\\.|\[(?:\\.|[^\]\\])*\]?)|\s+|#[^\n]*", regex.DOTALL)


def _readings(pattern: str) -> list[str]:
    """The pattern as the regex module may read it: comments dropped, and (when a verbose flag
    is anywhere in it) also with white space and # comments dropped. A flag may cover only a
    group, so both readings are measured and the larger taken; each part of a mixed pattern is
    measured right in one of them, so the larger is at least half the true size."""
    plain = _COMMENT.sub("", pattern)
    if not regex.search(r"\(\?[a-zA-Z-]*x", plain):
        return [plain]
    return [plain, _VERBOSE_SPACE.sub(lambda m: m.group(1) or "", plain)]


def compile_pattern(field: str, pattern: Any, *, ignore_case: bool = False) -> regex.Pattern:
    """Compile a rule author's regular expression (the `regex` module: it can time out)."""
    if not isinstance(pattern, str) or not pattern:
        raise OptionError(field, "must be a non-empty regular expression")
    if max(map(expanded_size, _readings(pattern))) > len(pattern) + MAX_REPEAT_GROWTH:
        raise OptionError(
            field,
            f"regular expression {pattern[:60]!r} has counted repeats ({{m,n}}) that "
            f"multiply past {MAX_REPEAT_GROWTH:,} characters; it would exhaust memory",
        )
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


_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("regex_deadline", default=None)


def start_budget(chars: int) -> float:
    """Give the rule about to run its time on a document of `chars` characters: all its regex
    calls must finish by then. A limit per call would let a rule that matches once per
    paragraph take a second per paragraph."""
    seconds = REGEX_TIMEOUT + REGEX_TIMEOUT_PER_MB * chars / 1_000_000
    _deadline.set(time.perf_counter() + seconds)
    return seconds


def stop_budget() -> None:
    """After the rules have run: a check called on its own gets one call's worth again."""
    _deadline.set(None)


def _time_left() -> float:
    deadline = _deadline.get()
    if deadline is None:
        return REGEX_TIMEOUT
    left = deadline - time.perf_counter()
    if left <= 0:
        raise TimeoutError("the rule's time on this document is spent")
    return left


def timed(call: Callable, *args):
    """A regex call (pattern.search, .fullmatch, ...) within the running rule's time."""
    return call(*args, timeout=_time_left())


def finditer(pattern: regex.Pattern, text: str, start: int = 0, end: int | None = None):
    """finditer within the running rule's time (the regex module counts its own matching time
    against the timeout, not the time the caller spends between matches)."""
    return pattern.finditer(text, start, len(text) if end is None else end, timeout=_time_left())
