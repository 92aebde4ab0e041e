"""first-use: a short form the story must introduce before it uses it.

What it does
    Reports the first use of a short form that the story has not introduced: an acronym
    (with `acronyms: true`, any word of two to six capitals) that the story spells out only
    later ("The OBR said ... the Office for Budget Responsibility"), not before it or in its own
    sentence ("the National Health Service (NHS)"); with `unexplained: true` also one it never
    spells out; or a listed short form (`terms`: Fed) before its long form (Federal Reserve).
    Acronyms every reader knows (`known`: BBC, FBI, NATO ...) and an acronym the story glosses in
    brackets are not reported; nor are the headline, all-capital lines and what people said.

Why is this bad
    Both stylebooks ask for it: a reader who does not know the letters stops reading. AP: spell
    out on first reference an abbreviation the reader would not quickly recognise; the
    Guardian: spell out an abbreviation at first mention unless it is better known than its
    full name.

Example
    The OBR said borrowing would rise.

Use instead
    The Office for Budget Responsibility (OBR) said borrowing would rise.

Options
    acronyms      report acronyms spelled out only after their first use (default true)
    unexplained   also report acronyms never spelled out (default false: companies, teams and
                  products are often known by letters the story never expands); their
                  findings have no {long} or {line}, so such a rule needs its own message
    known         acronyms every reader knows, never reported
    terms         mapping of a short form to its long form (or a list of them) that must come first
    min_length    the fewest capitals an acronym has (default 2)
    quotes        the rule's quotation scope; by default what people said does not count
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from ..finding import Hit
from .base import OptionError, RuleType, finditer, string_list, timed, word_pattern

# Two to six capitals standing alone (a plural s allowed), not part of "U.S.", "AT&T", "COVID-19".
_ACRONYM = regex.compile(r"(?=[A-Z])(?<![\w.&'\u2019/-])([A-Z]{2,6})s?(?![\w&/]|\.\w|-\w|['\u2019]\w\w)")
_ROMAN = regex.compile(r"[IVXLCDM]+")
# Words an expansion may pass over without taking a letter: "Office for Budget Responsibility".
_SMALL = r"(?:of|for|and|the|on|in|to|de|du|des|la|le|el|y|&)"


@dataclass
class Options:
    acronyms: bool = True
    unexplained: bool = False
    known: Any = ()
    terms: Any = None
    min_length: int = 2
    quotes: str = "skip"
    known_set: frozenset = field(init=False, repr=False)
    term_patterns: list = field(init=False, repr=False)

    def __post_init__(self):
        for name in ("acronyms", "unexplained"):
            if not isinstance(getattr(self, name), bool):
                raise OptionError(name, "must be true or false")
        self.known_set = frozenset(string_list("known", list(self.known)))
        if not isinstance(self.min_length, int) or not 2 <= self.min_length <= 6:
            raise OptionError("min_length", "must be a whole number from 2 to 6")
        self.term_patterns = []
        terms = self.terms or {}
        if not isinstance(terms, dict):
            raise OptionError("terms", "must map each short form to its long form (or a list of them)")
        for short, long in terms.items():
            longs = string_list("terms", long)
            if not isinstance(short, str) or not short.strip() or not longs:
                raise OptionError("terms", "must map each short form to its long form (or a list of them)")
            self.term_patterns.append((longs[0], word_pattern("terms", [short]), word_pattern("terms", longs)))
        if not self.acronyms and not self.term_patterns:
            raise OptionError("terms", "with `acronyms: false` the rule needs terms")


def _spelled_out(acronym: str) -> regex.Pattern:
    """The acronym's words, one per capital, each starting with its letter (any case):
    "National Health Service", "non-governmental organisation", "Office for Budget Responsibility"."""
    words = rf"[\s-]+(?:{_SMALL}[\s-]+)*".join(rf"{letter}[\w\u2019']*" for letter in acronym)
    return regex.compile(rf"(?i)(?<!\w){words}")


def check(doc, options: Options):
    text = doc.text
    body = [i for i in doc.body if not doc.is_shouting(i)]
    if not body:
        return
    top = doc.paragraphs[body[0]].start
    if options.acronyms:
        seen: set[str] = set()
        for index in body:
            start, end = doc.paragraphs[index]
            for m in finditer(_ACRONYM, text, start, end):
                acronym = m.group(1)
                if acronym in seen or acronym in options.known_set or len(acronym) < options.min_length:
                    continue
                seen.add(acronym)
                if _ROMAN.fullmatch(acronym) or not doc.in_scope(m.start(), m.end(), options.quotes):
                    continue
                in_time, spelled = _spelling_out(doc, acronym, m, top)
                if in_time or (spelled is None and not options.unexplained):
                    continue
                fields = {"found": m.group(), "long": "", "line": ""}
                if spelled is not None:  # spelled out, but only after the first use
                    fields["long"] = _WHITESPACE.sub(" ", spelled.group())
                    fields["line"] = doc.line_col(doc.to_source(spelled.start()))[0]
                yield Hit(m.start(), m.end(), fields)
    for long, short_pattern, long_pattern in options.term_patterns:
        for m in finditer(short_pattern, text, top):
            if doc.is_shouting(doc.paragraph_index(m.start())) or not doc.in_scope(m.start(), m.end(), options.quotes):
                continue
            sentence_end = doc.sentences[doc.sentence_index(m.start())].end
            if not timed(long_pattern.search, text, top, max(sentence_end, m.end())):
                yield Hit(m.start(), m.end(), {"found": m.group(), "long": long, "line": ""})
            break  # only the first use needs the long form before it


def _spelling_out(doc, acronym: str, m, top: int) -> tuple[bool, regex.Match | None]:
    """Is the acronym spelled out in time (before its first use `m` or in its sentence, or
    glossed in brackets there: "the NHS (National Health Service)"), and where is it spelled
    out, if anywhere?"""
    text = doc.text
    if text[m.start() - 1 : m.start()] == "(" or text[m.end() : m.end() + 2].startswith(" ("):
        return True, None  # "... Service (NHS)" or "NHS (National Health Service)"
    sentence_end = max(doc.sentences[doc.sentence_index(m.start())].end, m.end())
    spelled = timed(_spelled_out(acronym).search, text, top)
    return spelled is not None and spelled.start() < sentence_end, spelled


_WHITESPACE = regex.compile(r"\s+")


TYPE = RuleType("first-use", Options, check, ("found", "long", "line"), __doc__, fix="off")
