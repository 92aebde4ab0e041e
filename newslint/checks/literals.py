"""Literal prefilters: the strings one of which every match of a regular expression contains.

Most rules find nothing in most stories, yet a regex scan costs the same whether it finds
anything or not. Like the prefilters of RE2 and Hyperscan, a rule's patterns are read once, when
the rule loads, for the literal text any match must hold ("cookie" for a cookie notice, one of
"said", "told", ... for an attribution); a story or paragraph that holds none of those strings
cannot match, and is passed over with a few substring tests.

The test compares lower-cased strings (`Document.folded`), so it holds for patterns that ignore
case as for those that do not. Of the letters, only ASCII ones are taken from a pattern: what a
case-blind match makes of other letters (a final sigma, a Kelvin sign) is not what lower() makes
of them. Characters without case ("»", curly quotation marks, dashes) are taken as they are.
A pattern this module cannot read (syntax of the `regex` module only, like \\K or \\p{L}) gets no
prefilter and is always scanned.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

try:  # the standard library's own regular-expression parser: re._parser since Python 3.11
    import re._constants as c
    import re._parser as parser
except ImportError:  # Python 3.10
    import sre_constants as c
    import sre_parse as parser

# Syntax the `regex` module reads otherwise than the standard library's parser (which reads it as
# literal text or as another class): a fuzzy match {e<=1} (which need not hold its literals), a
# POSIX class [[:alpha:]], a branch reset (?|...), inline flags for full case folding (?f) or
# version 1 (?V1), and escapes of its own (\K \p{..} \L<..> \m \M \X \G ...).
_READ_OTHERWISE = re.compile(r"(?<!\\)\{(?!\d*(?:,\d*)?\})|\[\[:|\(\?\||\(\?[a-zA-Z-]*[fVr]|\\[KLpPmMXGNHhVv]")
# An alternation with more literals than this is cheaper scanned than tested string by string.
MAX_LITERALS = 24
# (possessive repeats and atomic groups came in Python 3.11)
_REPEATS = tuple(op for op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) if op is not None)
_ATOMIC_GROUP = getattr(c, "ATOMIC_GROUP", None)


class Prefilter:
    """`may_match(folded, start, end)` is False only where no match of the patterns can be in
    folded[start:end] (`folded`: a text lower-cased by Document.folded)."""

    def __init__(self, literals: Iterable[str] | None):
        self.literals = None if literals is None else tuple(sorted(set(literals), key=len, reverse=True))

    def may_match(self, folded: str | None, start: int = 0, end: int | None = None) -> bool:
        if self.literals is None or folded is None:
            return True
        if end is None:
            end = len(folded)
        for literal in self.literals:  # a loop, not any(): this runs for every rule and paragraph
            if folded.find(literal, start, end) >= 0:
                return True
        return False


def prefilter(patterns: Iterable[str]) -> Prefilter:
    """One Prefilter for rules that match any of `patterns` (regular expressions)."""
    literals: set[str] = set()
    for pattern in patterns:
        found = required_literals(pattern)
        if found is None:
            return Prefilter(None)
        literals |= found
    return Prefilter(literals if len(literals) <= MAX_LITERALS else None)


def parse_pattern(pattern: str):
    """The standard library parser's tree of `pattern`, or None where this module cannot read
    it as the `regex` module would (syntax of its own, a nested set, a pattern too deep)."""
    if _READ_OTHERWISE.search(pattern):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "possible nested set": read otherwise by `regex`
            return parser.parse(pattern)
    except (re.error, RecursionError, OverflowError, ValueError, Warning):
        return None


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings one of which every match of `pattern` contains, or None when no such
    set can be told (the pattern can match without any literal text, or cannot be read here)."""
    tree = parse_pattern(pattern)
    return None if tree is None else _sequence(tree)


def _sequence(items) -> frozenset[str] | None:
    """A concatenation: each run of literal characters is required, and so is whatever each
    required part requires; the most telling of those (the longest shortest string) is kept."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def take(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and (best is None or _strength(candidate) > _strength(best)):
            best = candidate

    for op, av in items:
        if op is c.LITERAL and _readable(av):
            run.append(chr(av).lower())
            continue
        take(frozenset(["".join(run)]) if run else None)
        run = []
        take(_node(op, av))
    take(frozenset(["".join(run)]) if run else None)
    return best


def _node(op, av) -> frozenset[str] | None:
    if op is c.SUBPATTERN:
        return _sequence(av[-1])
    if _ATOMIC_GROUP is not None and op is _ATOMIC_GROUP:
        return _sequence(av)
    if op is c.ASSERT and av[0] == 1:  # a lookahead's text is in the story too (not a lookbehind:
        return _sequence(av[1])  # its text may lie before the paragraph scanned)
    if op in _REPEATS and av[0] >= 1:
        return _sequence(av[2])
    if op is c.BRANCH:
        literals: set[str] = set()
        for alternative in av[1]:
            found = _sequence(alternative)
            if found is None:
                return None
            literals |= found
        return frozenset(literals) if len(literals) <= MAX_LITERALS else None
    if op is c.IN and all(kind is c.LITERAL and _readable(value) for kind, value in av) and len(av) <= 8:
        return frozenset(chr(value).lower() for _, value in av)
    return None  # any character, a class, a boundary, a negative assertion, a back-reference


def _readable(code: int) -> bool:
    """An ASCII character (its lower case is what any case-blind match lower-cases to), or one
    without case ("»", "\u201c", "\u2014"), which only ever matches itself."""
    if code < 128:
        return True
    char = chr(code)
    return char.lower() == char == char.upper() == char.casefold() and not char.isalpha()


def _strength(literals: frozenset[str]) -> tuple[int, int]:
    """Longer shortest strings first, then fewer of them."""
    return min(map(len, literals)), -len(literals)
