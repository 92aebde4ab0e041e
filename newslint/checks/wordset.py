"""The words of a story, found once and shared by every rule that needs them.

The boilerplate rules count each paragraph's words; rules that look for listed words (house
spellings, word swaps, acronyms) ask first whether any of their words is in the story at all,
with set lookups, instead of each scanning the text: most stories hold none of them."""

from __future__ import annotations

import re

_WORDS = re.compile(r"\w+")


def _paragraph_words(doc) -> list[list[str]]:
    # Lower-cased once for the whole text; lower() may lengthen a rare character (a dotted
    # capital I), and then the paragraph offsets no longer fit, so that text is read as is.
    lower = doc.text.lower()
    text = lower if len(lower) == len(doc.text) else doc.text
    return [_WORDS.findall(text, start, end) for start, end in doc.paragraphs]


def paragraph_words(doc) -> list[list[str]]:
    """Each paragraph's words (runs of \\w), lower-cased: computed once per Document."""
    return doc.memo(_paragraph_words)


def _lower_words(doc) -> frozenset[str]:
    return frozenset(word for words in paragraph_words(doc) for word in words)


def lower_words(doc) -> frozenset[str]:
    """Every word of the story, lower-cased, as a set (computed once per Document)."""
    return doc.memo(_lower_words)


def needed_words(phrases) -> tuple[tuple[str, ...], ...]:
    """For each phrase, the lower-case words it cannot occur without."""
    return tuple(tuple(_WORDS.findall(p.lower())) for p in phrases)


def may_occur(doc, needed: tuple[tuple[str, ...], ...]) -> bool:
    """False only where no phrase can occur: each lacks one of its words in the story. A phrase
    with no word (an ellipsis, a dash) always may."""
    words = lower_words(doc)
    for phrase in needed:
        for word in phrase:
            if word not in words:
                break
        else:
            return True
    return False
