"""capitalization: the capitals of headlines and of people's titles, as the house writes them.

What it does
    One of four problems, set by `problem`:

    headline-sentence-case
        A headline written in title case ("Bank Of England Says Rates Will Rise") where the
        house writes sentence case: more than `min_signals` of the words that are never names
        (`signals`: is, says, with, after ...) capitalised after the first word, in a headline
        whose words are nearly all capitalised. Reported on the headline; no fix, since only
        the writer knows which words are names.
    headline-title-case
        A headline in a title-case house with a small word capitalised after the first word
        ("Man Bites Dog In Park": "in") or a longer word left in lower case. Fixed.
    title-before-name
        A formal title in lower case directly before a name ("president Joe Biden"), which AP
        capitalises. Not reported after a possessive or a body ("the club's president John
        Smith", "company president"), where the title describes a job. Fixed (unsafe).
    title-alone
        A formal title capitalised where it stands alone ("the President said"), which AP
        writes in lower case. Not reported before a name or a capitalised word ("the President
        Hotel"). Fixed (unsafe).

Why is this bad
    AP capitalises a formal title only before a name, and writes headlines in sentence case;
    a desk that lets both forms through reads as careless.

Example
    the President met president Joe Biden.

Use instead
    the president met President Joe Biden.

Options
    problem       headline-sentence-case, headline-title-case, title-before-name or title-alone
    titles        the formal titles, in lower case (default: newslint's list: president, prime
                  minister, senator, governor, mayor, ...)
    signals       headline-sentence-case: words that are never names (a default list)
    min_signals   headline-sentence-case: how many must be capitalised (default 2)
    small_words   headline-title-case: words in lower case after the first (a default list)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import regex

from ..document.people import is_not_a_name
from ..document.words import FORMAL_TITLES
from ..model import Edit, Hit
from .base import OptionError, RuleType, string_list
from .wordset import WordFilter, written_lower

PROBLEMS = ("headline-sentence-case", "headline-title-case", "title-before-name", "title-alone")
SIGNALS = (
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "says",
    "said",
    "say",
    "with",
    "from",
    "into",
    "after",
    "before",
    "about",
    "as",
    "than",
    "and",
    "or",
    "but",
    "not",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "how",
    "why",
    "what",
    "who",
    "where",
    "gets",
    "get",
    "makes",
    "make",
    "takes",
    "take",
    "more",
    "over",
    "amid",
    "to",
    "for",
    "of",
    "on",
    "in",
    "at",
    "by",
    "a",
    "an",
    "the",
    "up",
    "out",
    "off",
    "after",
)
SMALL_WORDS = (
    "a",
    "an",
    "the",
    "and",
    "but",
    "or",
    "nor",
    "for",
    "so",
    "yet",
    "as",
    "at",
    "by",
    "in",
    "of",
    "off",
    "on",
    "per",
    "to",
    "up",
    "via",
    "vs",
    "v",
)
# A body, a possessive or another title before a title makes it a job description: "the club's
# president", "Treats president", "CEO and president"; a nationality does not ("Ukrainian president").
_DESCRIBED = regex.compile(
    r"(?:['\u2019]s?|\b(?:and|&)|\p{Lu}[\w.]*,|\b(?!\p{Lu}\p{Ll}*(?:an|ese|ish|ch|i|ic)\s)\p{Lu}[\w.]*|\b(?:company|club|bank|firm|university|college|school|party|league|"
    r"union|association|federation|council|board|group|student|team|fan|network|"
    r"foundation|society|institute|corporation|chamber|court|[a-z]+'s))\s+$"
)
_WORD = regex.compile(r"[\w'\u2019-]+")
_NAME_AFTER = regex.compile(r"\s+([A-Z][\w'\u2019-]*)")


@dataclass
class Options:
    problem: str
    titles: Any = FORMAL_TITLES
    signals: Any = SIGNALS
    min_signals: int = 2
    small_words: Any = SMALL_WORDS
    pattern: Any = field(init=False, repr=False)

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise OptionError("problem", f"must be one of {', '.join(PROBLEMS)}")
        self.titles = tuple(t.lower() for t in string_list("titles", list(self.titles)))
        self.signals = frozenset(s.lower() for s in string_list("signals", list(self.signals)))
        self.small_words = frozenset(s.lower() for s in string_list("small_words", list(self.small_words)))
        if not isinstance(self.min_signals, int) or self.min_signals < 1:
            raise OptionError("min_signals", "must be a whole number, 1 or more")
        self.prefilter = WordFilter(self.titles)  # not an option
        alternatives = "|".join(
            regex.escape(t).replace(r"\ ", r"\s+") for t in sorted(self.titles, key=len, reverse=True)
        )
        if self.problem == "title-before-name":
            # The title in lower case, then a capitalised word: the name is checked in code.
            self.pattern = re.compile(rf"(?<![\w.-])(?:{alternatives})(?=\s+[A-Z][a-z])")
        elif self.problem == "title-alone":
            # "the President", not before a capitalised word, "of" + a capital, nor a possessive one.
            capitalised = "|".join(
                r"\s+".join(w[:1].upper() + w[1:] if w not in ("of", "and") else w for w in t.split())
                for t in sorted(self.titles, key=len, reverse=True)
            )
            # The title is group 1, after its article.
            self.pattern = re.compile(
                rf"\b(?:[Tt]he|[Aa]|[Ff]ormer|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts)\s+({capitalised})"
                rf"(?![\w-]|\s+[A-Z]|\s+of\s+[A-Z]|['\u2019]s?\s+[A-Z])"
            )


def check(doc, options: Options):
    if options.problem.startswith("headline"):
        yield from _headline(doc, options)
        return
    if not options.prefilter.may_occur(doc):
        return  # no title in the story: no scan
    text = doc.text
    if not doc.body:
        return
    skipped: dict[int, bool] = {}  # paragraph -> passed over (a subhead or caption may be in title case)
    # One scan of the body (the standard re: linear, and faster), not one per paragraph.
    for m in options.pattern.finditer(text, doc.paragraphs[doc.body[0]].start):
        index = doc.paragraph_index(m.start())
        if index not in skipped:
            skipped[index] = doc.is_shouting(index) or doc.is_headline_like(index)
        start, end = doc.paragraphs[index]
        if skipped[index] or m.end() > end:
            continue
        if options.problem == "title-before-name":
            name = _NAME_AFTER.match(text, m.end())
            if (
                name is None
                or is_not_a_name(name.group(1))
                or _DESCRIBED.search(text, max(start, m.start() - 30), m.start())
            ):
                continue
            fixed = " ".join(w if w in ("of", "and") else w[:1].upper() + w[1:] for w in m.group().split())
            span = m.span()
        else:
            fixed = " ".join(w.lower() for w in m.group(1).split())
            span = m.span(1)
        found = text[span[0] : span[1]]
        yield Hit(*span, {"found": found, "replacement": fixed}, (Edit(*span, fixed),))


def _headline(doc, options: Options):
    index = doc.headline_index
    if index is None or doc.is_shouting(index):
        return
    start, end = doc.paragraphs[index]
    words = list(_WORD.finditer(doc.text, start, end))
    if len(words) < 3:
        return
    later = words[1:]
    if options.problem == "headline-sentence-case":
        capitalised = [w for w in later if w.group()[:1].isupper()]
        if len(capitalised) < 0.75 * len(later):
            return  # most headlines: sentence case
        # A signal: a word sentence case writes small ("Says", "After"), or one the story's own
        # copy writes in lower case ("Budget", "Debate"), which no name is.
        in_copy = written_lower(doc)
        signals = [w for w in capitalised if w.group().lower() in options.signals or w.group().lower() in in_copy]
        if len(signals) >= options.min_signals:
            yield Hit(start, end, {"found": doc.text[start:end], "replacement": ""})
        return
    after_break = False  # a word after a colon or dash starts again: "Brexit: The Deal"
    for w in later:
        word = w.group()
        gap = doc.text[w.start() - 3 : w.start()]
        after_break = any(mark in gap for mark in ":\u2014\u2013|")
        if word.lower() in options.small_words and word[:1].isupper() and not after_break and not word.isupper():
            fixed = word.lower()
        elif word.lower() not in options.small_words and word[:1].islower() and word.isalpha():
            fixed = word[:1].upper() + word[1:]
        else:
            continue
        yield Hit(w.start(), w.end(), {"found": word, "replacement": fixed}, (Edit(w.start(), w.end(), fixed),))


TYPE = RuleType("capitalization", Options, check, ("found", "replacement"), __doc__, fix="unsafe")
