"""spelling: one story, one side of a spelling divide (U.S. or British, -ize or -ise, ... or …).

What it does
    Each row of `words` lists one word as each side spells it (color, colour). The story's
    uses are counted by side, over all the rows: with `when: mixed` (the default) a story that
    uses two sides has each use off the house side (`prefer`, else the side the story uses
    most, the first on a tie) reported, with that side's form as the fix; with `when: unmixed` a story written
    all on another side is reported (a wire story from the other house, say). Only words in
    lower case count unless `capitals` is set: "Labour Party" and "World Health
    Organization" are names, spelled as their owners spell them.

Why is this bad
    A reader who meets "color" and "colour" in one story sees a slip, and a desk that takes
    copy from both sides of the Atlantic has to pick one.

Example
    The colour of the flag changed. The color guard stood by.

Use instead
    The colour of the flag changed. The colour guard stood by.

Options
    sides         the names of the sides, in the order of each row (at least two)
    words         rows, each a list of one form per side (a form may be "" when a side has none)
    prefer        the house side; without it the side the story uses most (on a tie, first)
    when          mixed (report a story that uses two sides) or unmixed (report a story that
                  uses only a side other than `prefer`)
    capitals      count capitalised uses too (default false)
    quotes        the rule's quotation scope; by default what people said does not count
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from ..model import Edit, Hit
from .base import OptionError, RuleType, compile_pattern, finditer, string_list
from .wordset import lower_words, paragraph_words

WHEN = ("mixed", "unmixed")
_WORD = regex.compile(r"\w+")


@dataclass
class Options:
    sides: Any
    words: Any
    prefer: str | None = None
    when: str = "mixed"
    capitals: bool = False
    quotes: str = "skip"
    side_of: dict = field(init=False, repr=False)  # form -> (side index, row index)
    rows: list = field(init=False, repr=False)
    pattern: Any = field(init=False, repr=False)

    def __post_init__(self):
        self.sides = string_list("sides", self.sides)
        if len(set(self.sides)) < 2:
            raise OptionError("sides", "needs at least two different sides")
        if self.prefer is not None and self.prefer not in self.sides:
            raise OptionError("prefer", f"{self.prefer!r} is not one of the sides ({', '.join(self.sides)})")
        if self.when not in WHEN:
            raise OptionError("when", f"must be one of {', '.join(WHEN)}")
        if self.when == "unmixed" and self.prefer is None:
            raise OptionError("when", "'unmixed' needs `prefer`: the side the house writes")
        if not isinstance(self.capitals, bool):
            raise OptionError("capitals", "must be true or false")
        if not isinstance(self.words, list) or not self.words:
            raise OptionError("words", "must be a list of rows, one form per side in each")
        self.rows, self.side_of = [], {}
        for row in self.words:
            if not (isinstance(row, list) and len(row) == len(self.sides) and all(isinstance(f, str) for f in row)):
                raise OptionError("words", f"each row lists one form per side ({len(self.sides)}): {row!r}")
            for side, form in enumerate(row):
                if not form:
                    continue
                key = form.lower()
                if key in self.side_of and self.side_of[key][0] != side:
                    raise OptionError("words", f"{form!r} is spelled the same on two sides")
                self.side_of.setdefault(key, (side, len(self.rows)))
            self.rows.append(tuple(row))
        forms = sorted(self.side_of, key=len, reverse=True)
        # Marks need a pattern of their own; words are scanned for with a pattern of just the
        # forms the story holds (see _scan), never one of hundreds of alternatives.
        marks = [f for f in forms if not _WORD.fullmatch(f)]
        self.mark_pattern = (
            compile_pattern("words", "|".join(_bounded(f) for f in marks), ignore_case=True) if marks else None
        )
        # The cheap test before any scan, per side (not an option): a story must hold words of
        # two sides to be mixed, or of a side off the house side to be unmixed. Word forms are
        # looked up in the story's word set; marks (an ellipsis) are looked for in its text.
        self.words_of = [
            frozenset(f for f, (side, _) in self.side_of.items() if side == s and _WORD.fullmatch(f))
            for s in range(len(self.sides))
        ]
        self.marks_of = [
            tuple(f for f, (side, _) in self.side_of.items() if side == s and not _WORD.fullmatch(f))
            for s in range(len(self.sides))
        ]


def _bounded(form: str) -> str:
    """A form as a whole word ("color", not "colorful"), or a run of marks that is not part of a
    longer run ("...", not the first three points of "....")."""
    left = r"(?<!\w)" if regex.match(r"\w", form) else rf"(?<!{regex.escape(form[0])})"
    right = r"(?!\w)" if regex.search(r"\w$", form) else rf"(?!{regex.escape(form[-1])})"
    return f"{left}{regex.escape(form)}{right}"


@lru_cache(maxsize=1024)
def _words_pattern(forms: frozenset) -> re.Pattern | None:
    """The forms a story holds, as one pattern of whole words (a handful: quick to compile)."""
    if not forms:
        return None
    alternatives = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)  # the standard re: faster


def _reads_as_prose(doc, index: int) -> bool:
    """Five words or more, and figures in fewer than one word in three: not a table's line."""
    words = paragraph_words(doc)[index]
    return len(words) >= 5 and 3 * sum(w[:1].isdigit() for w in words) < len(words)


def check(doc, options: Options):
    words, text = lower_words(doc), doc.text
    held = [options.words_of[side] & words for side in range(len(options.sides))]
    present = [
        side for side in range(len(options.sides)) if held[side] or any(mark in text for mark in options.marks_of[side])
    ]
    house = options.sides.index(options.prefer) if options.prefer is not None else None
    if len(present) < 2 if options.when == "mixed" else present in ([], [house]):
        return  # most stories: no scan
    words_pattern = _words_pattern(frozenset().union(*held))
    uses = []
    top = doc.paragraphs[doc.body[0]].start if doc.body else len(text)
    scans = [] if words_pattern is None else [words_pattern.finditer(text, top)]  # re: no timeout needed
    if options.mark_pattern is not None:
        scans.append(finditer(options.mark_pattern, text, top))
    for m in (m for scan in scans for m in scan):
        found = m.group()
        index = doc.paragraph_index(m.start())
        if doc.is_shouting(index) or not found[:1].isalpha() and not _reads_as_prose(doc, index):
            continue  # a sign in a price table or a ticker ("-5.44%") is no style
        if found == "%" and not text[max(0, m.start() - 2) : m.start()].strip()[-1:].isdigit():
            continue  # a sign after no figure is a label ("Change %"), not a percentage
        if not options.capitals and found[:1].isupper():
            continue  # a name ("Labour Party"), or a sentence's first word
        if doc.in_scope(m.start(), m.end(), options.quotes):
            side, row = options.side_of[found.lower()]
            uses.append((m.start(), m.end(), found, side, row))
    uses.sort()  # the words' and the marks' scans, in story order
    sides = list(dict.fromkeys(side for *_, side, _ in uses))
    if not sides:
        return
    if house is None:  # the story's own style: the side it uses most, the first on a tie
        counts = Counter(side for *_, side, _ in uses)
        house = max(sides, key=counts.__getitem__)
    if options.when == "mixed" and len(sides) < 2:
        return
    if options.when == "unmixed" and (len(sides) > 1 or sides[0] == house):
        return
    for start, end, found, side, row in uses:
        if side == house:
            continue
        target = options.rows[row][house]
        fields = {
            "found": found,
            "side": options.sides[side],
            "preferred": options.sides[house],
            "replacement": target or "",
        }
        edits = ()
        if target:
            if found[:1].isupper():
                target = target[0].upper() + target[1:]
            fields["replacement"] = target
            edits = (Edit(start, end, target),)
        yield Hit(start, end, fields, edits)


TYPE = RuleType("spelling", Options, check, ("found", "side", "preferred", "replacement"), __doc__, fix="safe")
