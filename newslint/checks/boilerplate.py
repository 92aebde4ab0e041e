"""boilerplate: page furniture that came along with the story.

What it does
    Reports a whole line (paragraph) that matches one of the patterns: breadcrumbs
    ("Home » World »"), share/follow/print links, "Advertisement", "Latest news" and the like,
    which scrapers and CMS exports leave in the copy. The fix deletes the line.

Why is this bad
    Furniture is not copy: it reaches print, feeds and readers' screens as nonsense.

Example
    Share this article

Use instead
    Delete the line.

Options
    lines         regular expressions, each matched against a whole line, ignoring case
    max_words     longer lines are never furniture (default 15)
    own_stamp     the first match above the story's body (its first paragraph of more than
                  15 words) is the story's own date line, not furniture; a second one there,
                  and any in the body, is furniture (default false)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Edit, Hit
from .base import RuleType, alternation, compile_pattern, timed
from .literals import prefilter
from .wordset import paragraph_words


@dataclass
class Options:
    lines: Any
    max_words: int = 15
    own_stamp: bool = False
    pattern: Any = field(init=False, repr=False)

    def __post_init__(self):
        alternatives = alternation("lines", self.lines)
        self.pattern = compile_pattern("lines", rf"\s*(?:{alternatives})\s*", ignore_case=True)
        self.prefilter = prefilter([alternatives])  # not an option


def _word_counts(doc) -> list[int]:
    """Words in each paragraph, counted once for all the boilerplate rules (from the word lists
    the other word rules share)."""
    return [len(words) for words in paragraph_words(doc)]


def check(doc, options: Options):
    folded = doc.folded
    if not options.prefilter.may_match(folded):
        return  # most stories hold none of the rule's words
    text = doc.text
    counts = doc.memo(_word_counts)
    # The body starts at the first paragraph of copy: one longer than any furniture line.
    body = next((i for i, count in enumerate(counts) if count > 15), len(counts)) if options.own_stamp else 0
    for index, count in enumerate(counts):
        if count > options.max_words:
            continue
        start, end = doc.paragraphs[index]
        if options.prefilter.may_match(folded, start, end) and timed(options.pattern.fullmatch, text, start, end):
            if index < body:
                body = index  # the story's own date line: from here on a stamp is furniture
                continue
            yield Hit(start, end, {"found": text[start:end]}, (Edit(start, min(end + 1, len(text)), ""),))


TYPE = RuleType("boilerplate", Options, check, ("found",), __doc__, fix="unsafe")
