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

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..model import Hit
from .base import OptionError, RuleType, finditer, string_list, timed, word_pattern

# Two to six capitals standing alone (a plural s allowed), not part of "U.S.", "AT&T", "COVID-19".
# The first capital comes first and what stands before it is a lookbehind after it, so the scan
# skips to each capital.
_ACRONYM = re.compile(r"([A-Z](?<![\w.&'\u2019/-][A-Z])[A-Z]{1,5})s?(?![\w&/]|\.\w|-\w|['\u2019]\w\w)")
_ROMAN = re.compile(r"[IVXLCDM]+")
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"  # lower-case letters an expansion's words go on with
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


# A capitalised word ("Budget"), and a run of them with the small words between: the places
# where a story may spell an acronym out ("Office for Budget Responsibility").
_CAP_WORD = rf"[A-Z][{_LOWER}][\w\u2019']*"
_CAP = re.compile(_CAP_WORD)
_RUN_ON = rf"(?:[\s-]+(?:{_SMALL}[\s-]+)*{_CAP_WORD})*"  # the run's further words


@lru_cache(maxsize=26)
def _runs_from(letter: str) -> re.Pattern:
    """Runs of capitalised words that begin with `letter` (an acronym's first): the engine skips
    every other capital, which is most of them. One pattern per letter, compiled on first need."""
    # (the letter itself first, so that the scan looks for it as a literal)
    return re.compile(rf"{letter}(?<!\w{letter})[{_LOWER}][\w\u2019']*{_RUN_ON}")


MAX_LETTERS = 6


def _expansions(doc, acronyms: set[str]) -> dict[str, tuple[int, int]]:
    """Each of `acronyms` -> the span of the first run of capitalised words in the body that
    spells it, found in one scan of the story (rather than a pattern compiled for each). Any
    stretch of a run counts: "the Office for Budget Responsibility chief" spells OBR. Words
    start with a capital and go on in lower case, so that "a chance" does not spell AC, nor the
    acronym itself ("LG Group") its own expansion."""
    text = doc.text
    prefixes = {acronym[:n] for acronym in acronyms for n in range(1, len(acronym) + 1)}
    found: dict[str, tuple[int, int]] = {}
    body = doc.paragraphs[doc.body[0]].start if doc.body else 0  # not the headline
    runs = (run for letter in sorted({a[0] for a in acronyms}) for run in _runs_from(letter).finditer(text, body))
    for run in runs:
        words = [w.span() for w in _CAP.finditer(text, run.start(), run.end())]
        for i, (start, _) in enumerate(words):
            initials = ""
            for j in range(i, min(len(words), i + MAX_LETTERS)):
                initials += text[words[j][0]]
                if initials not in prefixes:
                    break  # no acronym the story needs starts so
                if initials in acronyms:
                    found.setdefault(initials, (start, words[j][1]))
    return found


def check(doc, options: Options):
    text = doc.text
    body = [i for i in doc.body if not doc.is_shouting(i)]
    if not body:
        return
    top = doc.paragraphs[body[0]].start
    if options.acronyms:
        yield from _acronyms(doc, options, body, top)
    for long, short_pattern, long_pattern in options.term_patterns:
        for m in finditer(short_pattern, text, top):
            if doc.is_shouting(doc.paragraph_index(m.start())) or not doc.in_scope(m.start(), m.end(), options.quotes):
                continue
            sentence_end = doc.sentences[doc.sentence_index(m.start())].end
            if not timed(long_pattern.search, text, top, max(sentence_end, m.end())):
                yield Hit(m.start(), m.end(), {"found": m.group(), "long": long, "line": ""})
            break  # only the first use needs the long form before it


def _acronyms(doc, options: Options, body: list[int], top: int):
    text = doc.text
    first_uses = {}  # acronym -> its first use, where the story does not gloss it in brackets
    seen: set[str] = set()
    known, shouting = options.known_set, set(doc.body) - set(body)
    # One scan of the body with the standard re (linear, and faster than a scan per paragraph);
    # the few matches in all-capital paragraphs are passed over.
    for m in _ACRONYM.finditer(text, top):
        acronym = m.group(1)
        if acronym in known or acronym in seen or len(acronym) < options.min_length:
            continue
        if shouting and doc.paragraph_index(m.start()) in shouting:
            continue
        seen.add(acronym)
        if _ROMAN.fullmatch(acronym) or not doc.in_scope(m.start(), m.end(), options.quotes):
            continue
        if text[m.start() - 1 : m.start()] == "(" or _GLOSS_AFTER.match(text, m.end()):
            continue  # "... Service (NHS)" or "NHS (National Health Service)"
        first_uses[acronym] = m
    if not first_uses:
        return
    expansions = _expansions(doc, set(first_uses))
    for acronym, m in first_uses.items():
        spelled = expansions.get(acronym)
        if spelled is None and not options.unexplained:
            continue
        if spelled is not None and spelled[0] < max(doc.sentences[doc.sentence_index(m.start())].end, m.end()):
            continue  # spelled out before the first use, or in its sentence
        fields = {"found": m.group(), "long": "", "line": ""}
        if spelled is not None:  # spelled out, but only after the first use
            fields["long"] = _WHITESPACE.sub(" ", text[spelled[0] : spelled[1]])
            fields["line"] = doc.line_col(doc.to_source(spelled[0]))[0]
        yield Hit(m.start(), m.end(), fields)


_GLOSS_AFTER = re.compile(r"[!'\u2019s]{0,2}\s*\(")  # "POW! (Purveyors of Wonder)", "NHS's (...)"
_WHITESPACE = re.compile(r"\s+")


TYPE = RuleType("first-use", Options, check, ("found", "long", "line"), __doc__, fix="off")
