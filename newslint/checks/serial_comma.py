"""serial-comma: a comma before the "and" or "or" that ends a simple series.

What it does
    Reports the comma in "A, B, and C" when the items are words or short phrases: "poll workers,
    observers, and county staff", "the Northern Review, the Listener, and a string of literary
    quarterlies", "in defence, in attack, and in the air". AP and British house styles leave it
    out. What is left alone: a comma between clauses ("He came, he saw, and he left": an item
    that opens with a subject pronoun, a conjunction or a verb of speech), a series whose last
    item holds its own "and" ("cheese, bread, and salt and pepper": the comma keeps the pairs
    apart), items too long to be a simple series (more than six words each, or a last item of
    more than nine), and place names with their country or state ("Karachi, Pakistan, and Lagos,
    Nigeria").

Why is this bad
    Both stylebooks drop the comma before the conjunction in a simple series; a story that
    keeps it there reads as unedited.

Example
    Estes thanked poll workers, observers, and county staff.

Use instead
    Estes thanked poll workers, observers and county staff.

Options
    longest_item   most words in an item before the last (default 6)
    longest_last   most words in the last item (default 9)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Edit, Hit
from .base import RuleType

_CONJUNCTION = re.compile(r", (?:and|or) ")
# An item is words (with hyphens, apostrophes, figures, points in abbreviations) between commas.
_WORD = re.compile(r"[\w'\u2019.&%$\u00a3\u20ac-]+")
# Where the sentence (or the clause the series stands in) starts, looking back.
_BOUNDARY = re.compile(
    r"(?:(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})\.|[!?;:\u2014\u2013(\"\u201c\u201d])\s"
    r"|\s[-\u2013\u2014]\s|\n"
)  # (not the point of "Nov." or "Sen.")
# Words that open a clause, not an item: "he saw", "and said", "but", "which".
_CLAUSE_OPENERS = frozenset(
    "i you he she it we they there this that these those who which whose where when while then so but yet "
    "also said says say told added is was are were has have had will would could should may might can did does "
    "including".split()
)
# What may follow the last item: the end of the sentence, a comma, a bracket, or the sentence's
# verb or preposition ("pregnant women are at risk", "Lockport will be merged").
_LAST_END = re.compile(r"[.;:!?,)\u2014\u2013\"\u201d]|\s[-\u2013\u2014]\s|$")


@dataclass
class Options:
    longest_item: int = 6
    longest_last: int = 9


def _words(text: str) -> list[str]:
    """The words of an item, a contraction's ending left off ("it's" is "it")."""
    return [re.sub(r"['\u2019](?:s|re|ll|d|ve)$", "", w) for w in _WORD.findall(text)]


def check(doc, options: Options):
    text = doc.text
    for index in doc.body:
        start, end = doc.paragraphs[index]
        if text.find(", ", start, end) < 0 or doc.is_shouting(index):
            continue
        for m in _CONJUNCTION.finditer(text, start, end):
            comma = m.start()
            subject = _series_before(text, start, comma, options)
            if subject is not None and _simple_last(text, m.end(), end, options, subject=subject):
                yield Hit(comma, comma + 1, {"found": ","}, (Edit(comma, comma + 1, ""),))


def _has_verb(words: list[str]) -> bool:
    """Does a run of words hold a finite verb ("the crowd returned", "traders said")? A word in
    -ed after an article is an adjective ("the renovated hall")."""
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in _VERBS:
            return True
        if lower.endswith("ed") and len(lower) > 4 and (i == 0 or words[i - 1].lower() not in _DETERMINERS):
            return True
    return False


_VERBS = frozenset(
    "is was are were be been has have had will would can could did does do said says say told fell rose "
    "won lost saw made took got grew went came left ran began became kept met put set cut hit led paid "
    "sold bought gave spoke wrote beat drew scored".split()
)
_DETERMINERS = frozenset("a an the its their his her our your my this that these those some".split())
_PREPOSITIONS = frozenset("in at on for with after before during under over since from by as".split())


def _series_before(text: str, start: int, comma: int, options: Options) -> bool | None:
    """Do at least two items stand before the comma, the one just before it short and not a
    clause ("observers" in "poll workers, observers, and")? None if not; else whether the series
    opens its sentence (its subject: a verb may follow the last item)."""
    lo = max(start, comma - 300)
    bound = lo
    for b in _BOUNDARY.finditer(text, lo, comma):
        bound = b.end()
    parts = text[bound:comma].split(", ")
    if len(parts) < 2:
        return None
    tail = " ".join(parts[0].split()[-3:])  # the first item ends the words before it
    if any(" and " in f" {part} " or " or " in f" {part} " for part in [tail, *parts[1:]]):
        return None  # "wireless and mobile, gaming, and broadband": the comma keeps the pairs apart
    item, before = parts[-1], parts[-2]
    words, words_before = _words(item), _words(before)
    if not words or not words_before or len(words) > options.longest_item:
        return None
    if words[0].lower() in _CLAUSE_OPENERS or " and " in f" {item} " or " or " in f" {item} " or _has_verb(words):
        return None
    if _apposition(before, item, words):
        return None
    first = _words(parts[0])
    if len(parts) == 2 and first and first[0].lower() in _PREPOSITIONS and bound == start:
        return None  # "In Leeds, Mayor Jones, and ...": an opening phrase, then the subject
    if _pairs(text, comma):
        return None
    opens = bound == start or bound > lo  # (at a paragraph's start or after a sentence's end)
    # The series is the sentence's subject when every item from its start is a short phrase.
    return opens and all(
        0 < len(w) <= options.longest_item and w[0].lower() not in _CLAUSE_OPENERS and not _has_verb(w)
        for w in map(_words, parts)
    )


def _apposition(before: str, item: str, words: list[str]) -> bool:
    """Is the item a description of the word before it, not an item of a series: an age, an
    address, a party and state ("Sen. Ann Marlow, D-Ore., and"), a year ("Jan. 1, 2025, and"),
    a role after a name ("Patrick Doyle, a docker, and his wife"), a name after a role ("her
    partner, the fiddler Dara Quinn, and"), a participle ("call 101, quoting log 1847, or")?"""
    if (
        any(c in item for c in "@/")
        or re.search(r"\w\.\w", item)
        or re.fullmatch(r"[\d,]+", item)
        or words[0].lower() in ("of", "aged", "up", "down")
    ):
        return True
    if re.match(r"(?:about|around|some|nearly|roughly|almost|just) \d", item):
        return True  # "the delta, about 900 miles away, and"
    if item.endswith(".") or re.fullmatch(r"[\d,]+", before.strip()):
        return True  # "Sen. Ann Marlow, D-Ore., and"; "on Nov. 31, after a gathering, and"
    if (
        words[0].lower() == "such"
        or words[0].endswith("ing")
        and (len(words) >= 4 or any(w[:1].isupper() for w in words))
    ):
        return True
    last_before = _words(before)[-1]
    if last_before[:1].isupper() and words[0].lower() in ("a", "an"):
        return True
    if last_before[:1].islower() and any(w[:1].isupper() for w in words):
        return True
    return len(words) <= 2 and " ".join(words) in _STATES


def _pairs(text: str, comma: int) -> bool:
    """Does the last item come with its own description, as the items before did ("and Lagos,
    Nigeria", "and the South, up 2.8%")? The commas pair them."""
    return _PAIRED.match(text, comma) is not None


_PAIRED = re.compile(
    r", (?:and|or) (?:the )?[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?, (?:[A-Z]|\d|up\b|down\b|(?:a|an|another|the)\s)"
)  # "and Lagos, Nigeria", "and Tim Morrison, another aide"

_STATES = frozenset(
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
    "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
    "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
    "Vermont Virginia Washington Wisconsin Wyoming".split()
) | {
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "West Virginia",
}


def _simple_last(text: str, at: int, end: int, options: Options, *, subject: bool) -> bool:
    """Is what follows "and" one short item, not a clause ("and he left", "and wages fell")? When
    the series is the sentence's subject, the sentence's verb ends the item ("and pregnant women
    are at risk")."""
    stop = _LAST_END.search(text, at, end)
    last = text[at : stop.start() if stop else end]
    words = _words(last)
    if not words or words[0].lower() in _CLAUSE_OPENERS or _has_verb(words[:1]):
        return False  # "and he left", "and moved to the United States"
    if " and " in f" {last} " or " or " in f" {last} ":
        return False  # "salt and pepper" as the last item: the comma keeps the pairs apart
    if subject:
        verb = next((i for i, w in enumerate(words) if _has_verb([w]) and i > 0), len(words))
        return verb <= options.longest_last
    return len(words) <= options.longest_last and not _has_verb(words)


TYPE = RuleType("serial-comma", Options, check, ("found",), __doc__, fix="unsafe")  # a series is read, not parsed
