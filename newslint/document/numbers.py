"""Figures and number words in news copy: "5", "3.5", "1,000,000", "5th", "$5m", "twenty-five".

One scan per story, shared through Document.memo by every rule that looks at numbers (the
numbers, times and date-style rule types), so that adding such a rule adds no pass over the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_ORD_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORD_TENS = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]

CARDINALS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
CARDINALS.update({w: i + 10 for i, w in enumerate(_TEENS)})
ORDINALS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
ORDINALS.update({w: i + 10 for i, w in enumerate(_ORD_TEENS)})
for _i, _tens in enumerate(_TENS):
    CARDINALS[_tens] = 20 + 10 * _i
    ORDINALS[_ORD_TENS[_i]] = 20 + 10 * _i
    for _j, _unit in enumerate(_UNITS):
        CARDINALS[f"{_tens}-{_unit}"] = 20 + 10 * _i + _j + 1
        ORDINALS[f"{_tens}-{_ORD_UNITS[_j]}"] = 20 + 10 * _i + _j + 1
WORD_OF = {v: k for k, v in CARDINALS.items()}
ORDINAL_WORD_OF = {v: k for k, v in ORDINALS.items()}


def _trie(words) -> str:
    """One alternation of `words` as a trie ("t(?:en|w(?:elve|enty))"): the regex engine then
    tests one letter per branch instead of every word at every position (three times faster)."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


# A figure with the letters stuck to it ("5th", "5m", "9am", "1990's"). What comes before a
# figure is tested in Python (see tokens): a lookbehind in the pattern runs at every position
# of the text and doubled the time of the scan.
_FIGURE = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?P<suf>['\u2019]s|[A-Za-z]+)?(?![\w'\u2019])")
# No \b before a word: the test before it is made in Python too (a fifth faster on news copy).
_WORD = re.compile(rf"(?:{_trie(set(CARDINALS) | set(ORDINALS))})(?![\w'\u2019])")
_JOINED = frozenset(".,'\u2019-_")  # before a figure: part of a larger token (3.5, 2,000, COVID-19)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    figure: str | None  # "5", "3.5", "1,000,000"
    suffix: str  # letters stuck to a figure: "th", "m", "'s"
    word: str | None  # a number word in lower case
    paragraph: int


def _START(token: Token) -> int:
    return token.start


def tokens(doc) -> list[Token]:
    """The figures and lower-case number words of a Document, in text order (doc.memo(tokens))."""
    text = doc.text
    paragraph = doc.paragraph_index
    found = []
    for m in _FIGURE.finditer(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in _JOINED):
            continue  # G7, 3.5, 2,000, COVID-19
        figure, suffix = m.group(1, "suf")
        found.append(Token(start, m.end(), figure, suffix or "", None, paragraph(start)))
    words = [
        Token(m.start(), m.end(), None, "", m.group(), paragraph(m.start()))
        for m in _WORD.finditer(text)
        if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in _JOINED))
    ]
    if words:
        found.extend(words)
        found.sort(key=_START)
    return found
