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

    With `compare: joins`, it reports instead a name written as one word in one place and as
    two words, or with a hyphen, in another: Avanti West Coast and Avanti Westcoast, Harehills
    and Hare Hills, Pryce-Morgan and Pryce Morgan (names only: both words of the pair have
    capitals; the headline, often in title case, is not compared).

Options
    min_letters   shortest word compared (default 4)
    compare       case (capitals and accents, the default) or joins (one word, two or hyphenated)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Edit, Hit
from .base import OptionError, RuleType
from .wordset import written_lower

# A word that starts with a capital (the only ones compared): the capital comes first and what
# stands before it is a lookbehind after it, so the scan skips lower-case words fast.
_WORD = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u024f](?<=[^\W\d_])(?<![\w'\u2019@./-].)[^\W\d_]*(?![\w@/]|\.\w)")


def _fold(word: str) -> str:
    """The word without accents, case-folded (for an ASCII word, lower() is the same and faster)."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


def _is_name_form(word: str) -> bool:
    """A capital after the first letter, or a letter with an accent."""
    return any(c.isupper() for c in word[1:]) or not word.isascii()


@dataclass
class Options:
    min_letters: int = 4
    compare: str = "case"

    def __post_init__(self):
        if self.compare not in ("case", "joins"):
            raise OptionError("compare", "must be case or joins")


# A capitalised word (or two run together: PowerPage), not part of a handle, a tag or a web
# address. Two of them with one space or one hyphen between are a pair ("West Coast").
_CAPITALISED = re.compile(r"(?=[A-Z])(?<![\w'\u2019@#./])[A-Z][a-z]+(?:[A-Z][a-z]+)?(?![\w@/]|\.\w)")


def _joins(doc, options: Options):
    """A name written as one word and as two (or hyphenated) in one story: the later form."""
    text = doc.text
    shortest = max(options.min_letters, 6)
    paragraphs = [doc.paragraphs[index] for index in doc.body if not doc.is_shouting(index)]
    # First how each name is written, without places: most stories write each one way.
    ways: dict[str, set[str]] = {}  # key -> how it was written: "" one word, " " or "-" two
    for start, end in paragraphs:
        previous_end, previous = -2, ""
        for m in _CAPITALISED.finditer(text, start, end):
            s, e = m.span()
            word = m.group()
            if e - s >= shortest and text[s - 1 : s] != "-" and text[e : e + 1] != "-":
                ways.setdefault(word.lower(), set()).add("")
            if s == previous_end + 1 and e - s + len(previous) >= shortest and text[previous_end] in " -":
                ways.setdefault((previous + word).lower(), set()).add(text[previous_end])
            previous_end, previous = e, word
    mixed = {key for key, seen in ways.items() if len(seen) > 1}
    if not mixed:
        return
    uses: list[tuple[int, int, str, str]] = []  # start, end, form, key: of the mixed names only
    for start, end in paragraphs:
        words = [(m.start(), m.end()) for m in _CAPITALISED.finditer(text, start, end)]
        for i, (s, e) in enumerate(words):
            if text[s:e].lower() in mixed and text[s - 1 : s] != "-" and text[e : e + 1] != "-":
                uses.append((s, e, text[s:e], text[s:e].lower()))  # a word alone: "Westcoast"
            if i + 1 < len(words):
                s2, e2 = words[i + 1]
                key = (text[s:e] + text[s2:e2]).lower()
                if s2 == e + 1 and text[e] in " -" and key in mixed:
                    uses.append((s, e2, text[s:e2], key))
    first: dict[str, str] = {}
    reported: set[str] = set()
    # An ordinary word the story also writes in lower case (American Airlines, Delta Air Lines),
    # looked up in the story's set of such words, not scanned for at each use.
    in_lower_case = mixed & written_lower(doc)
    for s, e, form, key in sorted(uses):
        if key in in_lower_case:
            continue
        earliest = first.setdefault(key, form)
        if form == earliest or form in reported:
            continue
        reported.add(form)
        yield Hit(s, e, {"found": form, "first": earliest}, (Edit(s, e, earliest),))


def _compared(word: str, min_letters: int) -> bool:
    """Is the word long enough, and not in capitals (datelines, acronyms, shouted names such as
    BLACKBURN ROVERS)? Lower-case ASCII words are never compared."""
    return len(word) >= min_letters and (word[0].isupper() or not word.isascii()) and not word.isupper()


def _key(word: str) -> str:
    return word.lower() if word.isascii() else _fold(word)


def check(doc, options: Options):
    if options.compare == "joins":
        yield from _joins(doc, options)
        return
    text = doc.text
    indexes = ([doc.headline_index] if doc.headline_index is not None else []) + list(doc.body)
    paragraphs = [doc.paragraphs[index] for index in indexes if not doc.is_shouting(index)]
    # First the story's distinct words alone: most stories spell every name one way, and their
    # words are never placed.
    forms: dict[str, set[str]] = {}
    for word in {word for start, end in paragraphs for word in _WORD.findall(text, start, end)}:
        if _compared(word, options.min_letters):
            forms.setdefault(_key(word), set()).add(word)
    if not any(len(spellings) > 1 and any(map(_is_name_form, spellings)) for spellings in forms.values()):
        return
    first: dict[str, str] = {}  # folded -> the story's first spelling
    reported: set[str] = set()
    for start, end in paragraphs:
        for m in _WORD.finditer(text, start, end):
            word = m.group()
            if not _compared(word, options.min_letters):
                continue
            key = _key(word)
            spellings = forms[key]
            if len(spellings) < 2 or not any(map(_is_name_form, spellings)):
                continue
            earliest = first.setdefault(key, word)
            if word == earliest or word in reported:
                continue
            reported.add(word)
            yield Hit(m.start(), m.end(), {"found": word, "first": earliest}, (Edit(m.start(), m.end(), earliest),))


TYPE = RuleType("spelled-two-ways", Options, check, ("found", "first"), __doc__, fix="unsafe")
