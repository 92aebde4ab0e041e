"""name-spelling: one person's surname spelled two ways in one story.

What it does
    Reports a surname one letter away from the surname of a person the story has already named
    in full with the same given name ("Ryan Dillon" ... "Ryan Dilon"), and a short reference
    ("Dilon said", "Dilon's", "Lunde's" for Lund) one letter away from a full one when no one
    of that spelling was introduced, or, for names of seven letters or more, with the same first
    five letters and another ending of about the same length ("Whitfield" for Jalen Whitford);
    a surname opening a sentence ("Whittaker apologised") is compared when it has six letters or
    more (shorter words there are mostly ordinary words: "More than" is not Moore) and differs
    by a doubled letter or is followed by a verb of speech or a past tense ("Whitfeld
    finished"). A three-letter short reference counts when it drops a
    doubled letter ("Mr Peg" for Pegg). Plurals and derived words
    (Slam, Slams; Lanka, Lankan) and names with another first letter (Hall, Ball) are not
    reported; neither are two people introduced in full as Clark and Clarke.

Why is this bad
    A misspelled name is the correction every newsroom dreads: it tells the subject, and the
    reader, that the story was not checked.

Example
    Ryan Dillon told reporters ... Dilon said the convoy had stopped.

Use instead
    Ryan Dillon told reporters ... Dillon said the convoy had stopped.

Options
    accept        surnames that are right as spelled, however close to another (a house
                  vocabulary's accepted words land here)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..document.people import find_people
from ..document.words import SPEECH_VERBS
from ..model import Edit, Hit
from .base import RuleType, string_list
from .wordset import written_lower


@dataclass
class Options:
    accept: Any = ()

    def __post_init__(self):
        self.accept = frozenset(string_list("accept", self.accept))


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


_SUFFIXES = ("s", "es", "n", "an", "ns", "ans", "ian", "ians", "ese", "e", "i")  # Iraq, Iraqi
_MOST_ALIKE = 20  # names with one opening compared loosely (loosely_alike); more: none
_LONGEST_NAME = 40  # a longer "surname" is not a name; it would only make the index below large


def looks_misspelled(a: str, b: str, *, final_e: bool = False) -> bool:
    """One letter apart, same first letter, and not a plural or a derived word (Lanka,
    Lankan; Slam, Slams; Clark, Clarke are different words or different people). With
    `final_e`, a final e does count (a short reference "Lunde" to Lund, the one introduced)."""
    if a == b or a[0] != b[0] or min(len(a), len(b)) < 4 and not doubled_letter(a, b):  # Pegg, "Mr Peg"
        return False
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short) :] in _SUFFIXES and not (final_e and long[len(short) :] == "e"):
        return False
    return distance(a, b, 1) <= 1


def loosely_alike(a: str, b: str) -> bool:
    """Two long surnames with the same first five letters and another ending of about the same
    length (Whitford, Whitfield): a short reference to one no one was introduced as is the
    other misremembered. Endings that make another name (Roberts, Robertson) differ in length."""
    return (
        a != b and min(len(a), len(b)) >= 7 and abs(len(a) - len(b)) <= 1 and a[:5] == b[:5] and distance(a, b, 3) <= 3
    )


def demonym(a: str, b: str) -> bool:
    """Is one word the other with a demonym's ending (Australia, Australian; Iraq, Iraqi)? Those
    are two words ("Australia Rugby", "Australian Rugby" are two bodies). A plural's ending is
    not: "Disaster Emergency Committee" is the Disasters Emergency Committee misspelled."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in ("n", "an", "ian", "i", "ese")


def doubled_letter(a: str, b: str) -> bool:
    """Do `a` and `b` differ by one doubled letter (Whittaker, Whitaker)?"""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(
        long[i] == long[i - 1] and long[:i] + long[i + 1 :] == short for i in range(1, len(long))
    )


def _deletions(word: str) -> set[str]:
    """`word`, and `word` with one letter deleted."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def check(doc, options: Options):
    people = doc.memo(find_people)
    first_use = sorted(
        (refs[0][0], surname, refs[0][2]) for surname, refs in people.full.items() if len(surname) <= _LONGEST_NAME
    )
    # Two names one edit apart share a spelling with at most one letter deleted from each: look
    # candidates up by those spellings rather than compare every pair of names in the story,
    # which took quadratic time on a long file with many people.
    by_spelling: dict[str, list] = {}
    by_opening: dict[str, list] = {}  # the first five letters -> names (for loosely_alike)
    for entry in first_use:
        for key in _deletions(entry[1]):
            by_spelling.setdefault(key, []).append(entry)
        by_opening.setdefault(entry[1][:5], []).append(entry)

    def earliest(surname: str, before: int, given: str | None = None, *, short: bool = False) -> str | None:
        """The surname of the first person introduced before `before` (with this given name,
        when one is named) whose surname looks like a misspelling of `surname`."""
        candidates = {e for key in _deletions(surname) for e in by_spelling.get(key, ())}
        opening = by_opening.get(surname[:5], ())
        if short and len(opening) <= _MOST_ALIKE:  # (a long file of Johnsons compares no pairs)
            candidates.update(opening)
        candidates = sorted(candidates)
        return next(
            (
                other
                for other_start, other, other_given in candidates
                if other_start < before
                and (given is None or other_given == given)
                and (looks_misspelled(other, surname, final_e=short) or short and loosely_alike(other, surname))
                and not _common_word(doc, other)
            ),
            None,
        )

    for surname, refs in people.full.items():
        if surname in options.accept or len(surname) > _LONGEST_NAME:
            continue
        start, end, given = refs[0]
        other = earliest(surname, start, given)
        if other:
            yield Hit(start, end, {"found": surname, "expected": other}, (Edit(start, end, other),))
    yield from _given_names(doc.text, people, options)
    for start, end, surname in sorted(people.short + people.opening):
        if surname in people.full or surname in options.accept or len(surname) > _LONGEST_NAME:
            continue
        other = earliest(surname, start, short=True)
        if other and (
            (start, end, surname) in people.short
            or (len(surname) >= 6 and (doubled_letter(other, surname) or _ACTS_AFTER.match(doc.text, end)))
        ):
            yield Hit(start, end, {"found": surname, "expected": other}, (Edit(start, end, other),))


# A sentence's first word followed by a verb of speech or a past tense acts like a person
# ("Whitfeld finished", "Okafur urged"), where an ordinary word seldom does ("Parked cars").
_ACTS_AFTER = re.compile(rf"\s+(?:{'|'.join(SPEECH_VERBS)}|[a-z]{{3,}}ed|has|had|was|will|would)\b")


def _common_word(doc, word: str) -> bool:
    """Does the story also write `word` in lower case ("trade union" beside "Public Services
    Union")? Then it is an ordinary word in a body's name, not a surname ("Unison" is no Union)."""
    lower = word.lower()
    if _WORD.fullmatch(lower):  # one word: the story's set (a scan for each name is quadratic)
        return lower in written_lower(doc)
    return re.search(rf"\b{re.escape(lower)}\b", doc.text) is not None


_WORD = re.compile(r"\w+")


_NICKNAME_BEFORE = re.compile(r"[\"\u201c]([A-Z][a-z]+)[\"\u201d]\s+$")


def _near_given(a: str, b: str) -> bool:
    """Two spellings of one given name: a doubled or dropped letter (Terrell, Terrel), or, for
    longer names, the same first four letters and two edits at most (Kathryn, Katherine).
    Different names of one family (Joan and John, Michael and Michelle) differ more or earlier."""
    if a == b or min(len(a), len(b)) < 4 or demonym(a, b):
        return False
    if doubled_letter(a, b):
        return True
    return min(len(a), len(b)) >= 6 and a[:4] == b[:4] and distance(a, b, 2) <= 2


def _two_deletions(word: str) -> set[str]:
    """`word` with up to two letters deleted: two spellings at most two edits apart share one."""
    return {shorter for variant in _deletions(word) for shorter in _deletions(variant)}


class _Spellings:
    """The given names seen under one surname, in order, looked up by their letters with up to
    two deleted rather than compared one by one: a surname with a thousand given names in a long
    file ("X Street") took quadratic time."""

    def __init__(self):
        self.seen: list[str] = []
        self.known: set[str] = set()
        self.near: dict[str, list[int]] = {}

    def add(self, given: str) -> None:
        for key in _two_deletions(given):
            self.near.setdefault(key, []).append(len(self.seen))
        self.seen.append(given)
        self.known.add(given)

    def first_near(self, given: str) -> str | None:
        """The first spelling seen that is `given` spelled another way."""
        candidates = sorted({i for key in _two_deletions(given) for i in self.near.get(key, ())})
        return next((self.seen[i] for i in candidates if _near_given(self.seen[i], given)), None)


def _given_names(text: str, people, options: Options):
    """One person introduced twice under one surname with the given name spelled two ways:
    "Terrell Vaughn" ... "Terrel Vaughn". The later spelling is reported."""
    for surname, refs in people.full.items():
        if len(refs) < 2 or surname in options.accept:
            continue
        spellings = _Spellings()
        for start, _end, given in refs:
            g_start = start - len(given) - 1
            if given not in spellings.known and text[g_start : start - 1] == given:
                first = spellings.first_near(given)
                if first is not None and given not in options.accept:
                    yield Hit(
                        g_start, start - 1, {"found": given, "expected": first}, (Edit(g_start, start - 1, first),)
                    )
            spellings.add(given)
            nickname = _NICKNAME_BEFORE.search(text, max(0, start - 30), start)
            if nickname:  # Lauren "Laurie" Hernandez: Laurie Hernandez later is the same person
                spellings.add(nickname.group(1))


TYPE = RuleType("name-spelling", Options, check, ("found", "expected"), __doc__, fix="unsafe")
