"""attribution: a figure with no source.

What it does
    Reports a figure (a percentage, a sum of money, a count of people or things, an estimate)
    in a sentence outside quotation when neither that sentence nor the one before it in the
    paragraph names a source ("said", "according to", "figures from", "estimated by" ...).
    Years, dates, ages, times and street numbers are not figures. Only the first figure of a
    sentence is reported.

Why is this bad
    A number without a source is an assertion by the newspaper. Editors ask "says who?".

Example
    About 300 fighters were part of the original group.

Use instead
    About 300 fighters were part of the original group, U.S. officials said.

Options
    sources       words and phrases that attribute (a regular expression each)
    quotes        the rule's quotation scope; a figure inside a quotation is the speaker's
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Hit
from .base import RuleType, alternation, compile_pattern, timed

_NUMBER = r"\d(?:[\d,]*\d)?(?:\.\d+)?"
# A figure starts at the first digit of a number, never inside one: tried from every digit of
# "1,1,1,...", each attempt ran to the end of the run and back, in quadratic time.
_AT_NUMBER = r"\b(?<!\d[.,])"
_SCALE = r"(?:thousand|million|billion|trillion|mln|bln|bn|m|k)\b"
_TIME_UNITS = (
    "years|months|weeks|days|hours|minutes|seconds|decades|centuries|times|am|pm|percent|goals|points"
)
FIGURE = re.compile(
    rf"(?:[$\u00a3\u20ac\u00a5]\s?{_NUMBER}(?:\s?{_SCALE})?"  # money
    rf"|{_AT_NUMBER}{_NUMBER}\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage points?\b)"  # a share
    rf"|{_AT_NUMBER}{_NUMBER}\s?{_SCALE}(?:\s+(?:dollars|dlrs|pounds|euros|yen|people|barrels|tonnes|tons)\b)?"
    rf"|{_AT_NUMBER}{_NUMBER}\s+(?:dollars|dlrs|pounds|euros|yen|yuan|rupees)\b"
    rf"|\b(?i:about|around|nearly|almost|more than|over|at least|some|an estimated|up to|fewer than|"
    rf"less than|roughly|approximately)\s+{_NUMBER}\s+(?![A-Z])(?!(?:{_TIME_UNITS})\b)[a-z]+"  # an estimate
    rf"|{_AT_NUMBER}\d{{1,3}}(?:,\d{{3}})+\b(?!\s+(?:{_TIME_UNITS})\b))"  # a large count
)
_DIGIT = re.compile(r"\d")  # every FIGURE has one: check() looks at no sentence without


@dataclass
class Options:
    sources: Any
    quotes: str = "skip"
    pattern: Any = field(init=False, repr=False)

    def __post_init__(self):
        alternatives = alternation("sources", self.sources)
        self.pattern = compile_pattern("sources", rf"\b(?:{alternatives})\b", ignore_case=True)


def check(doc, options: Options):
    text = doc.text
    header = set(doc.header)

    def sourced(span) -> bool:
        return bool(timed(options.pattern.search, text, span[0], span[1]))

    # Sources are looked for only around a sentence that has a digit, which every FIGURE has:
    # most sentences have none, and the source search is the costly part.
    previous_paragraph, previous = -1, None  # the sentence before, in the same paragraph
    for sentence in doc.sentences:
        start, end = sentence
        paragraph = doc.paragraph_index(start)
        if paragraph in header or doc.is_shouting(paragraph):
            continue
        if paragraph != previous_paragraph:
            previous = None
        if _DIGIT.search(text, start, end) and not sourced(sentence) and not (previous and sourced(previous)):
            for m in FIGURE.finditer(text, start, end):
                if doc.in_scope(m.start(), m.end(), options.quotes):
                    yield Hit(m.start(), m.end(), {"found": m.group()})
                    break
        previous_paragraph, previous = paragraph, sentence


TYPE = RuleType("attribution", Options, check, ("found",), __doc__)
