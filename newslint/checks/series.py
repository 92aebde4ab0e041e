"""series: the comma before the last item of a simple series, as the house writes it.

What it does
    Finds simple series ("red, white and blue"; "poll workers, volunteers and county staff";
    "in midfield, in defence and in the air") and reports the comma before "and" or "or"
    where the house leaves it out (`serial_comma: omit`, AP and the British houses), or its
    absence where the house wants it (`serial_comma: require`, Chicago and some magazines).

    A series here is at least three short items, the one before the last and the last each of
    a few words with no verb in them. So a comma that joins clauses ("After the vote, the
    mayor left, and the council met"), sets off an aside or an apposition ("Smith, a lawyer,
    and Jones"; "Ann Roe, the firm's chief executive, and two directors"), follows a place's
    region ("Little Rock, Arkansas, and Dallas") or precedes an item holding its own "and"
    ("soup, fish and chips, and a dessert") is left alone: there the comma is right in every
    house.

Why is this bad
    A house settles the serial comma once; a story that goes both ways looks unedited.

Example
    The clerk thanked election judges, volunteers, and county staff.

Use instead
    The clerk thanked election judges, volunteers and county staff.   (AP, British)

    The message may use {found} (the comma, or the word it belongs after) and {advice} (what
    the house wants, in words).

Options
    serial_comma  omit (report the comma) or require (report its absence) (default omit)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Edit, Hit
from .base import OptionError, RuleType

_WORD = r"[^\W_][\w'\u2019-]*"
_WORDS = re.compile(_WORD)
# A word that makes an item a clause: a finite verb (a past tense in -ed among them).
_VERB = re.compile(
    r"(?:\w{3,}ed|is|was|were|are|be|been|has|have|had|said|says|say|will|would|can|could|should|did|does|do"
    r"|went|came|left|took|made|got|told|saw|gave|became|won|lost|fell|rose|ran|met|found|kept|held|led"
    r"|sent|spent|paid|began|grew|knew|thought|brought|bought|sold|set|put|let|hit|cut|felt|heard|meant"
    r"|stood|wrote|spoke|broke|chose|drove|flew|threw|drew|wore)",
    re.IGNORECASE,
)
# A first word that opens a clause or an aside, not an item.
_OPENERS = frozenset(
    "he she they we i it you there this that which who whom whose but so then not if when while as "
    "because although though including such or and nor yet also even only just both either neither "
    "now former currently especially particularly notably starring featuring".split()
)
_PREPOSITIONS = frozenset(
    "in at on for with from by under over into across through after before during about against "
    "between without within to of".split()
)
# What may follow the last item of a series: a stop, a comma (not a region's: "Lagos, Nigeria"),
# or the verb or preposition that goes on from the whole series ("... and pregnant women are").
_AFTER_LAST = re.compile(
    r"[.;:]|,(?! [A-Z])| (?:are|were|is|was|will|would|have|has|had|can|could|must|may|might|in|on|at"
    r"|for|from|to|with|by|of|that|which|who|across|into|under|over|near)\b"
)
_CONJUNCTION = re.compile(r", (?:and|or) | (?:and|or) ")


@dataclass
class Options:
    serial_comma: str = "omit"

    def __post_init__(self):
        if self.serial_comma not in ("omit", "require"):
            raise OptionError("serial_comma", "must be omit or require")


def _is_item(words: list[str]) -> bool:
    """One to four words that read as an item: no clause, aside, figure, name or possessive."""
    if not 1 <= len(words) <= 4 or words[0].lower() in _OPENERS or words[0][0].isdigit():
        return False
    if all(w[0].isupper() for w in words):
        return False  # a name or a place ("Leeds, England,"): maybe an apposition or a region
    return not any(w.lower() in ("and", "or") or w.endswith(("'s", "\u2019s")) or _VERB.fullmatch(w) for w in words)


def _opens_last_item(text: str, start: int, end: int, preposition: bool) -> bool:
    """Whether text[start:] holds a last item of one to five words, parallel to the one before
    (both opening with a preposition, or neither), then what may follow a series."""
    words = list(_WORDS.finditer(text, start, min(end, start + 120)))
    if not words or words[0].start() != start:
        return False
    first = words[0].group().lower()
    if (first in _PREPOSITIONS) != preposition:
        return False
    if preposition:
        words = words[1:]
    if not words or words[0].group().lower() in _OPENERS:
        return False
    if len(words) > 2 and words[0].group().lower() == "the" and words[2].group().lower() in ("who", "which"):
        return False
    for count, word in enumerate(words[:5], 1):
        if (
            _VERB.fullmatch(word.group())
            or word.group().lower() in ("and", "or")  # "fish and chips and a dessert": not this series
            or (count > 1 and text[words[count - 2].end()] != " ")
        ):
            return False
        after = _AFTER_LAST.match(text, word.end())
        if after and not (count == 1 and after.group()[0] == " " and word.group()[0].isupper()):
            return True  # (a lone capitalised word then a verb: "and Ruiz is", a clause)
    return False


def _item_before(text: str, paragraph_start: int, comma: int) -> tuple[int, bool] | None:
    """Where the item before `comma` starts, and whether it opens with a preposition, when it is
    a series item: it follows another item's comma, mid-sentence, and is not an apposition."""
    previous = text.rfind(", ", max(paragraph_start, comma - 60), comma)
    if previous < 0:
        return None
    start = previous + 2
    words = _WORDS.findall(text, start, comma)
    if not words or " ".join(words) != text[start:comma].strip():
        return None  # marks inside the item: a quotation, a bracket, a figure's comma
    preposition = words[0].lower() in _PREPOSITIONS
    if not _is_item(words[1:] if preposition else words):
        return None
    before = text[paragraph_start:previous]
    last_word = re.search(_WORD + r"$", before)
    if not last_word:
        return None  # no item before this one
    opening = before[: last_word.start()].rstrip(" ")
    if not opening or opening[-1] in ".!?":
        return None  # "However, ...": an opening word, not the first item
    if words[0].lower() in ("a", "an") and last_word.group()[0].isupper():
        return None  # "Smith, a lawyer, and Jones": an apposition
    return start, preposition


def _names(text: str, paragraph_start: int, comma: int, end: int) -> bool:
    """A series of three single names: "praised Ashby, Morton, and Clarke for" (not a place and
    its region: "Floods hit Karachi, Pakistan, and Lagos, Nigeria")."""
    m = _NAMES_BEFORE.search(text, max(paragraph_start, comma - 60), comma)
    return bool(m) and m.end() == comma and bool(_NAME_LAST.match(text, comma))


_NAMES_BEFORE = re.compile(r"(?<!, )\b[A-Z][a-z]+, [A-Z][a-z]+")
_NAME_LAST = re.compile(r", (?:and|or) [A-Z][a-z]+\b(?! [A-Z]|, [A-Z])")


def check(doc, options: Options):
    text = doc.text
    if " and " not in text and " or " not in text:
        return
    omit = options.serial_comma == "omit"
    for start, end in doc.paragraphs:
        for m in _CONJUNCTION.finditer(text, start, end):
            if (m.group()[0] == ",") != omit:
                continue
            item = _item_before(text, start, m.start())
            if item is not None:
                if not _opens_last_item(text, m.end(), end, item[1]):
                    continue
            elif not (omit and _names(text, start, m.start(), end)):
                continue
            if omit:  # the comma
                fields = {"found": ",", "advice": "no serial comma before the last item of a simple series"}
                yield Hit(m.start(), m.start() + 1, fields, (Edit(m.start(), m.start() + 1, ""),))
            else:  # the item's last word, and a comma after it
                word = text.rfind(" ", start, m.start()) + 1
                fields = {"found": text[word : m.start()], "advice": "a serial comma before the last item of a series"}
                yield Hit(word, m.start(), fields, (Edit(m.start(), m.start(), ","),))


TYPE = RuleType("series", Options, check, ("found", "advice"), __doc__, fix="unsafe")
