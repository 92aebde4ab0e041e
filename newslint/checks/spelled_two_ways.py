"""spelled-two-ways: one name written in two ways in one story, by case or accents.

What it does
    Reports a name the story writes with other capitals or other accents than it did first:
    DreamHost and Dreamhost, YouTube and Youtube, PayPal and Paypal, Erdoğan and Erdogan. Only
    names count: at least one of the two spellings has a capital inside the word or an
    accented letter. Words in capitals are left out (datelines, acronyms, shouted names: NASA
    beside Nasa is a house's choice of style). The fix writes the story's first spelling.

Why is this bad
    A name spelled two ways is a correction waiting to happen: at least one of them is wrong.

Example
    DreamHost was sold on Monday. Dreamhost's customers were not told.

Use instead
    DreamHost was sold on Monday. DreamHost's customers were not told.

Options
    min_letters   shortest word compared (default 4)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Edit, Hit
from .base import RuleType

# A word that starts with a capital (the only ones compared): the lookahead lets the scan skip
# lower-case words fast.
_WORD = re.compile(r"(?=[A-Z\u00c0-\u00de\u0100-\u024f])(?<![\w'\u2019@./-])[^\W\d_]+(?![\w@/]|\.\w)")


def _fold(word: str) -> str:
    """The word without accents, case-folded (for an ASCII word, lower() is the same and faster)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


def _is_name_form(word: str) -> bool:
    """A capital after the first letter, or a letter with an accent."""
    return any(c.isupper() for c in word[1:]) or not word.isascii()


@dataclass
class Options:
    min_letters: int = 4


def check(doc, options: Options):
    text = doc.text
    first: dict[str, str] = {}  # folded -> the story's first spelling
    uses: list[tuple[int, int, str, str]] = []
    indexes = ([doc.headline_index] if doc.headline_index is not None else []) + list(doc.body)
    for index in indexes:
        if doc.is_shouting(index):
            continue
        start, end = doc.paragraphs[index]
        for m in _WORD.finditer(text, start, end):
            word = m.group()
            if len(word) < options.min_letters or not word[0].isupper() and word.isascii() or word.isupper():
                continue  # words in capitals: datelines, acronyms, shouted names (BLACKBURN ROVERS)
            uses.append((m.start(), m.end(), word, word.lower() if word.isascii() else _fold(word)))
    forms: dict[str, set[str]] = {}
    for _, _, word, key in uses:
        forms.setdefault(key, set()).add(word)
    reported: set[str] = set()
    for s, e, word, key in uses:
        spellings = forms[key]
        if len(spellings) < 2 or not any(_is_name_form(w) for w in spellings):
            continue
        earliest = first.setdefault(key, word)
        if word == earliest or word in reported:
            continue
        reported.add(word)
        yield Hit(s, e, {"found": word, "first": earliest}, (Edit(s, e, earliest),))


TYPE = RuleType("spelled-two-ways", Options, check, ("found", "first"), __doc__, fix="unsafe")
