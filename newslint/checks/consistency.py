"""consistency: one story, one name for one thing.

What it does
    Reports a story that names the same thing in more than one way (ISIS, ISIL and Daesh; U.S.
    and US; Kiev and Kyiv). Each use that differs from the house form, or from the first form
    the story used when the house has none, is reported with that form as the fix. Names the
    story itself glosses ("the Islamic State, also known as ISIS or ISIL") are not reported, nor
    is a name given as the old one ("renamed from Burma", "its former name, Rangoon").
    The headline and a dateline's capitals ("KIEV, Ukraine (AP) —") are uses of a name too,
    for names written in letters of both cases (Kyiv, Mumbai); the headline only for names
    with no abbreviation among their forms (headline styles write US and IS on purpose).

Why is this bad
    Readers take two names for two things. Style guides pick one form and stick to it.

Example
    ISIS fighters fled. Later, Daesh said it had regrouped.

Use instead
    ISIS fighters fled. Later, ISIS said it had regrouped.

Options
    variants      the names of the one thing (at least two)
    prefer        the house form; without it the story's first form wins
    ignore_case   match regardless of case (default false: IS is not "is")
    always        report every form other than `prefer`, even in a story that uses only one
                  (default false; a house vocabulary sets it: the house form is always wanted)
    quotes        the rule's quotation scope; by default what people said does not count
    keep_before   words after which a form is part of another name and not a use
                  ("Bombay High Court" keeps its name in a story about Mumbai)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Edit, Hit
from .base import OptionError, RuleType, finditer, string_list, word_pattern
from .wordset import WordFilter


@dataclass
class Options:
    variants: Any
    prefer: str | None = None
    ignore_case: bool = False
    always: bool = False
    quotes: str = "skip"
    keep_before: Any = ()
    pattern: Any = field(init=False, repr=False)

    def __post_init__(self):
        self.variants = string_list("variants", self.variants)
        if len(set(self.variants)) < 2:
            raise OptionError("variants", "needs at least two different names")
        if self.prefer is not None and self.prefer not in self.variants:
            raise OptionError("prefer", f"{self.prefer!r} is not one of the variants")
        if not isinstance(self.always, bool) or (self.always and self.prefer is None):
            raise OptionError("always", "must be true or false, and true needs `prefer`")
        self.pattern = word_pattern("variants", self.variants, ignore_case=self.ignore_case)
        self.keep_before = string_list("keep_before", self.keep_before)
        self.kept = (
            re.compile(r"[ \t]+(?:{})\b".format("|".join(map(re.escape, self.keep_before))))
            if self.keep_before
            else None
        )  # not an option
        self.prefilter = WordFilter(self.variants, exact=True)  # not an option
        # Names in letters of both cases, which the headline and a dateline's capitals may hold.
        self.worded = tuple(v for v in self.variants if any(c.islower() for c in v))
        self.worded_pattern = word_pattern("variants", self.worded) if self.worded else None
        self.capitals_pattern = word_pattern("variants", self.worded, ignore_case=True) if self.worded else None

    def form(self, found: str) -> str:
        if not self.ignore_case:
            return found
        return next(v for v in self.variants if v.lower() == found.lower())


def check(doc, options: Options):
    if not options.prefilter.may_occur(doc):
        return  # none of the names is in the story (most stories): skip the scan
    uses, capitals = _headline_and_datelines(doc, options) if options.worded_pattern is not None else ([], set())
    for index in doc.body:
        if doc.is_shouting(index):
            continue
        start, end = doc.paragraphs[index]
        for m in finditer(options.pattern, doc.text, start, end):
            if options.kept is not None and options.kept.match(doc.text, m.end()):
                continue
            if doc.in_scope(m.start(), m.end(), options.quotes):
                uses.append((m.start(), m.end(), options.form(m.group())))
    uses.sort()
    if not uses or (len({form for _, _, form in uses}) < 2 and not options.always):
        return
    glossed = _glossed_forms(doc.text, uses)
    uses = [u for u in uses if u[2] not in glossed and not _FORMER_NAME.search(doc.text, max(0, u[0] - 50), u[0])]
    if not uses:
        return
    forms = list(dict.fromkeys(form for _, _, form in uses))  # in the order the story uses them
    target = options.prefer or forms[0]
    for start, end, form in uses:
        if form != target:
            # `first`: the story's first form other than this one, which the reader met earlier
            # or meets later ("'WWII' and 'World War II'", never "'WWII' and 'WWII'").
            other = next((f for f in forms if f != form), target)
            fix = target.upper() if start in capitals else target  # a dateline's capitals
            yield Hit(start, end, {"found": form, "first": other, "preferred": target}, (Edit(start, end, fix),))


# A dateline: the place in capitals at the head of a paragraph ("LVIV, 3 May", "KIEV, Ukraine (AP) —").
_DATELINE = re.compile(r"[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}(?=,|\s*\(|\s+[\u2014\u2013-])")


def _headline_and_datelines(doc, options: Options) -> tuple[list[tuple[int, int, str]], set[int]]:
    """Uses of the names written in both cases in the headline and in datelines' capitals, and
    the starts of those in capitals."""
    uses = []
    # A headline may abbreviate by its own style (AP writes US and IS in headlines): it counts
    # only for names that have no abbreviation among their forms.
    if (
        len(options.worded) == len(options.variants)
        and doc.headline is not None
        and not doc.is_shouting(doc.headline_index)
    ):
        for m in finditer(options.worded_pattern, doc.text, *doc.headline):
            uses.append((m.start(), m.end(), m.group()))
    capitals = set()
    for index in doc.body[:3]:  # a dateline opens the story
        dateline = _DATELINE.match(doc.text, *doc.paragraphs[index])
        if dateline:
            for m in finditer(options.capitals_pattern, doc.text, *dateline.span()):
                if m.group().isupper():
                    uses.append((m.start(), m.end(), next(v for v in options.worded if v.lower() == m.group().lower())))
                    capitals.add(m.start())
    return uses, capitals


# "Islamic State, also known as ISIS" or "Islamic State (ISIS)": the story says they are one.
_GLOSS = re.compile(r"\s*(?:,?\s*(?:also\s+)?(?:known|referred to)\s+as|,?\s*or|\(|,?\s*also\s+called)\s*$")


# "renamed from Burma", "by its former name, Rangoon": a name given as the old one is history,
# not the story's second name for the place.
_FORMER_NAME = re.compile(
    r"\b(?:formerly|former name|old name|renamed(?: it)?(?: from)?|once (?:called|known as)|previously (?:called|known as)"
    r"|then (?:called|known as))\b[^.!?\n]{0,12}$"
)


def _glossed_forms(text: str, uses) -> set[str]:
    """Forms that a gloss in the story introduces, and the form they gloss."""
    glossed: set[str] = set()
    for (_, prev_end, prev_form), (start, _, form) in zip(uses, uses[1:]):
        if form != prev_form and start - prev_end < 40 and _GLOSS.match(text, prev_end, start):
            glossed.update((prev_form, form))
    return glossed


TYPE = RuleType("consistency", Options, check, ("found", "first", "preferred"), __doc__, fix="unsafe")
