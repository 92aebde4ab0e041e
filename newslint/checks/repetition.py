"""repetition: a word, sentence or paragraph said twice.

What it does
    `unit: word` reports a word doubled by accident ("the the"); `unit: sentence` and
    `unit: paragraph` report a sentence or paragraph that repeats an earlier one word for word
    (case and spacing aside), the usual trace of a paste or a scraper. A short line with no
    closing stop (a list item, a subhead, an embedded post's signature) may repeat: two products
    share a feature, two posts an author. So may a sentence that stands as a paragraph of its
    own, copied from a longer one: a pull quote.

Why is this bad
    Repetition is the commonest slip of a hurried edit, and readers see it at once.

Example
    The the minister said the the plan would go ahead.

Use instead
    The minister said the plan would go ahead.

Options
    unit          word, sentence or paragraph
    min_words     shortest sentence or paragraph worth reporting (default 6)
    allow         doubled words that are correct ("had had", "that that")
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Edit, Hit
from .base import OptionError, RuleType, string_list
from .wordset import paragraph_words

# Not part of a hyphenated compound: "a break-in in 1999", "lost in in-fighting".
_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)([ \t]+)(\1)(?![\w-])", re.IGNORECASE)
_WORDS = re.compile(r"\w+")


@dataclass
class Options:
    unit: str = "word"
    min_words: int = 6
    allow: Any = ()
    allowed: frozenset = field(init=False, repr=False)

    def __post_init__(self):
        if self.unit not in ("word", "sentence", "paragraph"):
            raise OptionError("unit", "must be word, sentence or paragraph")
        if not isinstance(self.min_words, int) or self.min_words < 1:
            raise OptionError("min_words", "must be a whole number of at least 1")
        self.allowed = frozenset(w.lower() for w in string_list("allow", self.allow))


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()  # the same as collapsing \s+ and stripping, and faster


# A dateline opening the lead ("NEW YORK (AP) — ", "LILONGWE, 2 December (Reuters) - "): the
# lead repeated at the foot of a page comes without it.
_DATELINE = re.compile(r"[A-Z][A-Z'.-]+(?:[ ,]+[A-Z][\w'.-]*){0,4}\s*(?:\([^()\n]{1,30}\))?\s*[\u2014\u2013-]\s+")


def _copy_key(text: str) -> str:
    """A paragraph's or sentence's key, without a dateline before it."""
    dateline = _DATELINE.match(text)
    return _key(text[dateline.end() :] if dateline else text)


def _paragraph_repeats(doc):
    """The headline's key, where each paragraph key first occurs, and the body paragraphs that
    repeat an earlier one: shared by the sentence and paragraph rules."""
    headline = _key(doc.span_text(doc.headline)) if doc.headline else None
    seen_paragraphs: dict[str, int] = {}
    repeated_paragraphs = set()
    for index in doc.body:
        key = _copy_key(doc.span_text(doc.paragraphs[index]))
        if key in seen_paragraphs and key != headline:
            repeated_paragraphs.add(index)
        seen_paragraphs.setdefault(key, doc.paragraphs[index].start)
    return headline, seen_paragraphs, repeated_paragraphs


def _has_neighbours_alike(doc) -> bool:
    """Does any paragraph hold a word twice in a row (in the shared word lists, which the scan
    for doubled words needs to be worth running)? Most stories do not."""
    for words in paragraph_words(doc):
        previous = None
        for word in words:
            if not word.isascii():
                word = word.casefold()  # as a case-blind match compares: the final sigma
            if word == previous:
                return True
            previous = word
    return False


def check(doc, options: Options):
    text = doc.text
    if options.unit == "word":
        if not _has_neighbours_alike(doc):
            return
        for m in _DOUBLED.finditer(text):
            word = m.group(1)
            if word.lower() in options.allowed or m.group(3)[0].isupper():
                continue  # allowed, or a name: Walla Walla, "senior law lord Lord Bingham"
            yield Hit(m.start(), m.end(), {"found": m.group()}, (Edit(m.end(1), m.end(3), ""),))
        return
    headline, seen_paragraphs, repeated_paragraphs = doc.memo(_paragraph_repeats)
    if options.unit == "paragraph":
        for index in sorted(repeated_paragraphs):
            start, end = doc.paragraphs[index]
            key = _copy_key(text[start:end])
            if len(_WORDS.findall(key)) >= options.min_words and not doc.is_headline_like(index):
                first = seen_paragraphs[key]
                yield Hit(
                    start,
                    end,
                    {"found": text[start:end], "line": doc.line_col(doc.to_source(first))[0]},
                    (Edit(start, min(end + 1, len(text)), ""),),
                )
        return
    seen: dict[str, int] = {}
    body_start = doc.paragraphs[doc.body[0]].start if doc.body else len(text)
    for start, end in doc.sentences:
        if start < body_start or doc.paragraph_index(start) in repeated_paragraphs:
            continue
        key = _copy_key(text[start:end])
        if key == headline:
            continue
        # Words are counted only for a repeat: a short sentence in `seen` is never reported, as
        # its repeats are just as short.
        if key not in seen:
            seen[key] = (start, end)
        elif len(_WORDS.findall(key)) >= options.min_words and not (
            _stands_alone(doc, start, end) or _stands_alone(doc, *seen[key])
        ):
            yield Hit(start, end, {"found": text[start:end], "line": doc.line_col(doc.to_source(seen[key][0]))[0]})


def _stands_alone(doc, start: int, end: int) -> bool:
    """A sentence that is a paragraph by itself: repeated from another paragraph, it is a pull
    quote (magazine layout), not a slip."""
    return doc.paragraphs[doc.paragraph_index(start)] == (start, end)


# One doc per problem, for `newslint explain`, hovers and SARIF (each rule reports one problem).
PROBLEM_DOCS = {
    "word": """
What it does
    Reports a word doubled by accident ("the the"); words a house allows doubled ("had had") are left alone.

Why is this bad
    Repetition is the commonest slip of a hurried edit, and readers see it at once.

Example
    The the minister said so.

Use instead
    The minister said so.
""",
    "sentence": """
What it does
    Reports a sentence that repeats an earlier one word for word (case and spacing aside). A sentence that stands as a paragraph of its own, copied from a longer one, is a pull quote and may repeat.

Why is this bad
    A repeated sentence is the trace of a paste or a scraper.

Example
    The plan was approved. ... The plan was approved.

Use instead
    The plan was approved.
""",
    "paragraph": """
What it does
    Reports a paragraph that repeats an earlier one word for word (case and spacing aside). A short line with no closing stop (a list item, a subhead) may repeat.

Why is this bad
    A repeated paragraph is the trace of a paste or a scraper, and readers see it at once.

Example
    (a paragraph, then the same paragraph again)

Use instead
    (the paragraph once)
""",
}

TYPE = RuleType(
    "repetition", Options, check, ("found", "line"), __doc__, fix="safe", problem_option="unit", problems=PROBLEM_DOCS
)
