"""The words of a story, found once and shared by every rule that needs them.

The boilerplate rules count each paragraph's words; rules that look for listed words (house
spellings, word swaps, acronyms) ask first whether any of their words is in the story at all,
with set lookups (WordFilter), instead of each scanning the text: most stories hold none
of them."""

from __future__ import annotations

import re
from itertools import chain

_WORDS = re.compile(r"\w+")


def _paragraph_words(doc) -> list[list[str]]:
    folded = doc.folded  # lower case once for the whole text
    if folded is not None:
        return [_WORDS.findall(folded, start, end) for start, end in doc.paragraphs]
    return [[w.lower() for w in _WORDS.findall(doc.text, start, end)] for start, end in doc.paragraphs]


def paragraph_words(doc) -> list[list[str]]:
    """Each paragraph's words (runs of \\w), lower-cased: computed once per Document."""
    return doc.memo(_paragraph_words)


def _lower_words(doc) -> frozenset[str]:
    return frozenset(chain.from_iterable(paragraph_words(doc)))


def lower_words(doc) -> frozenset[str]:
    """Every word of the story, lower-cased, as a set (computed once per Document)."""
    return doc.memo(_lower_words)


def _written_lower(doc) -> frozenset[str]:
    return frozenset(word for word in _WORDS.findall(doc.text) if word.islower())


def written_lower(doc) -> frozenset[str]:
    """The words (runs of \\w) the story writes in lower case, as written: "union" in "trade
    union", not in "Union" (computed once per Document, and only for a rule that asks)."""
    return doc.memo(_written_lower)


class WordFilter:
    """A cheap test that one of `phrases` may occur in a story, run before a regex scan.

    A one-word phrase is looked up in the story's word set (one set operation for all of
    them); a longer one needs each of its words there and, when the rule matches each phrase
    as written (`exact`: "past history", not "past\\s+history"), the phrase itself in the
    story's lower-case text: both words of "end result" are in most long stories, the phrase is
    in few. One with no word at all (an ellipsis) is looked for as a substring of the text.
    `may_occur` is False only where none can match."""

    def __init__(self, phrases, *, exact: bool = False):
        singles, longer, marks = set(), [], []
        for phrase in phrases:
            words = tuple(_WORDS.findall(phrase.lower()))
            if len(words) == 1:
                singles.add(words[0])
            elif words:
                longer.append((words, phrase.lower() if exact else None))
            else:
                marks.append(phrase)
        self.singles, self.longer, self.marks = frozenset(singles), tuple(longer), tuple(marks)
        # A word each phrase needs (its longest, the rarest as a rule): a story with none of them
        # is settled by one set operation, whatever the number of phrases (most stories, for
        # rules with dozens of names).
        self.needed = self.singles | {max(words, key=len) for words, _ in longer}

    def may_occur(self, doc) -> bool:
        words = lower_words(doc)
        if words.isdisjoint(self.needed) and not self.marks:
            return False
        if not words.isdisjoint(self.singles):
            return True
        for phrase, written in self.longer:
            for word in phrase:
                if word not in words:
                    break
            else:
                if written is None or doc.folded is None or written in doc.folded:
                    return True
        text = doc.text
        for mark in self.marks:
            if mark in text:
                return True
        return False
