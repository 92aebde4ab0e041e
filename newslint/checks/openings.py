"""Openings: the strings every match of a regular expression starts with.

A check that must know whether a long alternation of a rule author's words ("said", "according
to", "officials", ...) matches somewhere pays for a scan that tries the whole alternation at
every character, and with the time limit of the `regex` module on each call, that is most of
its time. Yet a match can start only where one of its first words is. Like the literal
prefilters (literals.py), the pattern is read once, when the rule loads, for the lower-case
strings every match starts with; a check finds those in Document.folded and tries the pattern
only there. A match cannot start anywhere else, so it finds what the scan finds.

Document.folded keeps every offset and makes ASCII of the letters that a case-blind match of
the `regex` module takes for ASCII ones (a long s, a dotted capital I, the Kelvin sign), so a
case-blind match starts where its opening is in the folded text. Only ASCII is taken from a
pattern; one this module cannot read, or one whose matches may start with anything (a class, a
dot), gets no openings and is searched as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .base import compile_pattern, timed
from .literals import _ATOMIC_GROUP, _REPEATS, Prefilter, c, parse_pattern, required_literals

MAX_OPENINGS = 256  # more strings than this are not worth looking for one by one


def leading_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings one of which every match of `pattern` starts with, or None when no
    such set can be told."""
    tree = parse_pattern(pattern)
    if tree is None:
        return None
    found, _ = _openings(tree)
    if not found or "" in found:
        return None  # some match may start with anything
    # "show" is enough where "shows" and "shown" are there too: a string that starts with another
    # of the set adds no place to try.
    kept: list[str] = []
    for literal in sorted(found, key=len):
        if not literal.startswith(tuple(kept)):
            kept.append(literal)
    return frozenset(kept)


def _openings(items) -> tuple[set[str], bool]:
    """The strings every match of a sequence starts with ("" where nothing is known), and
    whether every match is one of them (only then may what follows be added to them)."""
    found = {""}
    for op, av in items:
        part, whole = _opening(op, av)
        if part is None:
            return found, False
        longer = {a + b for a in found for b in part}
        if len(longer) > MAX_OPENINGS:
            return found, False
        found = longer
        if not whole:
            return found, False
    return found, True


def _opening(op, av) -> tuple[set[str] | None, bool]:
    if op is c.LITERAL:
        return ({chr(av).lower()}, True) if av < 128 else (None, False)
    if op is c.IN:
        if all(kind is c.LITERAL and value < 128 for kind, value in av) and len(av) <= 8:
            return {chr(value).lower() for _, value in av}, True
        return None, False
    if op is c.AT or op in (c.ASSERT, c.ASSERT_NOT):
        return {""}, True  # takes no character
    if op is c.SUBPATTERN:
        return _openings(av[-1])
    if _ATOMIC_GROUP is not None and op is _ATOMIC_GROUP:
        return _openings(av)
    if op is c.BRANCH:
        found: set[str] = set()
        whole = True
        for alternative in av[1]:
            part, part_whole = _openings(alternative)
            found |= part
            whole = whole and part_whole
        return found, whole
    if op in _REPEATS:
        low, high, item = av
        part, whole = _openings(item)
        if low == 0:
            return part | {""}, whole and high == 1
        return part, whole and low == high == 1
    return None, False  # any character, a class, a back-reference


def occurrences(folded: str, literals: Iterable[str], start: int = 0, end: int | None = None) -> list[int]:
    """Where in folded[start:end] any of `literals` starts, in order (overlapping ones too).
    A str.find for each: over a whole story, faster than one regular expression of them all."""
    if end is None:
        end = len(folded)
    found = []
    for literal in literals:
        at = folded.find(literal, start, end)
        while at >= 0:
            found.append(at)
            at = folded.find(literal, at + 1, end)
    found.sort()
    return found


def _finder(literals: Iterable[str]) -> re.Pattern:
    """A pattern whose matches start where one of `literals` does, overlapping ones too: it takes
    the first character and looks ahead for the rest, so it reports every such place, and as it
    starts with one of a few characters the regex engine passes over the others quickly. For a
    sentence, one scan with it is faster than a str.find for each literal."""
    by_first: dict[str, set[str]] = {}
    for literal in literals:
        by_first.setdefault(literal[0], set()).add(literal[1:])
    alternatives = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:
            alternatives.append(re.escape(first))
        else:
            ahead = "|".join(re.escape(rest) for rest in sorted(rests, key=len, reverse=True))
            alternatives.append(f"{re.escape(first)}(?={ahead})")
    return re.compile("|".join(alternatives))


class AnySearch:
    """Does `pattern` match in text[start:end]? The pattern is `wrap` (a format with one {})
    around an alternation of a rule author's `parts` (regular expressions), as the rule compiled
    it. Each part that has openings is tried only where one of them is; the rest, if any, are
    searched together, where their literal prefilter lets."""

    def __init__(self, pattern, parts: Iterable[str], wrap: str, *, field: str, ignore_case: bool):
        self.pattern = pattern
        openings: set[str] = set()
        rest: list[str] = []
        for part in parts:
            for branch in [part] if leading_literals(wrap.format(f"(?:{part})")) else branches(part):
                found = leading_literals(wrap.format(f"(?:{branch})"))
                if found is None:
                    rest.append(branch)
                else:
                    openings |= found
        self.finder = _finder(openings) if openings else None
        self.rest = None
        if rest and openings:
            alternatives = "|".join(f"(?:{p})" for p in rest)
            self.rest = compile_pattern(field, wrap.format(alternatives), ignore_case=ignore_case)
        literals = [required_literals(part) for part in rest]
        self.rest_filter = Prefilter(None if None in literals else set().union(*literals))

    def search(self, text: str, folded: str | None, start: int, end: int) -> bool:
        if folded is None or self.finder is None:
            return bool(timed(self.pattern.search, text, start, end))
        for at in self.finder.finditer(folded, start, end):
            if timed(self.pattern.match, text, at.start(), end):
                return True
        if self.rest is None or not self.rest_filter.may_match(folded, start, end):
            return False
        return bool(timed(self.rest.search, text, start, end))


_BACK_REFERENCE = re.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?[a-zA-Z]+\)")


def branches(pattern: str) -> list[str]:
    """The alternatives of a pattern's top level ("a|b(?:c|d)" -> "a", "b(?:c|d)"): each may be
    tried on its own. The pattern whole where that is not sure: one with a back-reference (its
    group numbers would change) or a flag for the whole pattern, or one this does not read as the
    regular-expression parser does."""
    if _BACK_REFERENCE.search(pattern):
        return [pattern]
    tree = parse_pattern(pattern)
    if tree is None:
        return [pattern]
    found, depth, start, at, in_class = [], 0, 0, 0, False
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            at += 1
            if pattern.startswith("^", at):
                at += 1
            if pattern.startswith("]", at):
                at += 1  # a ] first in a class is one of its characters
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            found.append(pattern[start:at])
            start = at + 1
        at += 1
    found.append(pattern[start:])
    items = list(tree)
    alternatives = len(items[0][1][1]) if len(items) == 1 and items[0][0] is c.BRANCH else 1
    return found if len(found) == alternatives and len(found) > 1 else [pattern]
