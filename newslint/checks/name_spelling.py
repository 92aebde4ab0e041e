"""name-spelling: one person's surname spelled two ways in one story.

What it does
    Reports a surname that differs by one or two letters from the surname of a person the story
    has already named in full with the same given name ("Ryan Dillon" ... "Ryan Dilon"), and a
    short reference ("Dilon said") one letter away from a full one when no one of that spelling
    was ever introduced.

Why is this bad
    A misspelled name is the correction every newsroom dreads: it tells the subject, and the
    reader, that the story was not checked.

Example
    Ryan Dillon told reporters ... Dilon said the convoy had stopped.

Use instead
    Ryan Dillon told reporters ... Dillon said the convoy had stopped.

Options
    none
"""

from __future__ import annotations

from dataclasses import dataclass

from ..finding import Edit, Hit
from ..people import find_people
from .base import RuleType


@dataclass
class Options:
    pass


def distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, giving up above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


_LONGEST_NAME = 40  # a longer "surname" is not a name; it would only make the index below large
INDEX_FROM = 100  # people in one file before looking names up by spelling beats comparing all


def _deletions(word: str, k: int) -> set[str]:
    """`word` with up to k letters deleted."""
    found = frontier = {word}
    for _ in range(k):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found = found | frontier
    return found


def check(doc, options: Options):
    people = doc.memo(find_people)
    first_use = sorted((refs[0][0], surname, refs[0][2]) for surname, refs in people.full.items()
                       if len(surname) <= _LONGEST_NAME)
    if len(first_use) < INDEX_FROM:
        # A story names a few dozen people: comparing each name with every other is quickest.
        def within_two(surname: str, given: str):
            return first_use

        def within_one(surname: str):
            return first_use
    else:
        # A long file with many people, where comparing every pair took quadratic time. Two
        # names within k edits share a spelling with at most k letters deleted from each: look
        # candidates up by those spellings.
        by_given: dict[tuple[str, str], list] = {}
        by_spelling: dict[str, list] = {}
        for entry in first_use:
            _, surname, given = entry
            for key in _deletions(surname, 2):
                by_given.setdefault((given, key), []).append(entry)
            for key in _deletions(surname, 1):
                by_spelling.setdefault(key, []).append(entry)

        def within_two(surname: str, given: str):
            return sorted({e for key in _deletions(surname, 2) for e in by_given.get((given, key), ())})

        def within_one(surname: str):
            return sorted({e for key in _deletions(surname, 1) for e in by_spelling.get(key, ())})

    for surname, refs in people.full.items():
        start, end, given = refs[0]
        if len(surname) > _LONGEST_NAME:
            continue
        other = next((other for other_start, other, other_given in within_two(surname, given)
                      if other_start < start and other != surname and other_given == given
                      and min(len(other), len(surname)) >= 4 and distance(other, surname) <= 2), None)
        if other:
            yield Hit(start, end, {"found": surname, "expected": other}, (Edit(start, end, other),))
    for start, end, surname in people.short:
        if surname in people.full or not 5 <= len(surname) <= _LONGEST_NAME:
            continue
        other = next((other for other_start, other, _ in within_one(surname)
                      if other_start < start and distance(other, surname, 1) <= 1), None)
        if other:
            yield Hit(start, end, {"found": surname, "expected": other}, (Edit(start, end, other),))


TYPE = RuleType("name-spelling", Options, check, ("found", "expected"), __doc__, fix="unsafe")
