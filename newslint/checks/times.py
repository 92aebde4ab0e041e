"""times: clock times written as the house stylebook writes them.

What it does
    Each rule names one `problem`:

    - `form`: with `style: ap`, "9 a.m.", "6:30 p.m." (not "9am", "9 AM", "6.30pm"); with
      `style: british`, "9am", "6.30pm" (not "9 a.m.", "9 PM", "6:30pm").
    - `on-the-hour`: no minutes on the hour: "9:00 a.m." -> "9 a.m.", "9.00am" -> "9am".
    - `noon`: "12 p.m." -> "noon", "12 a.m." -> "midnight", "12 noon" -> "noon".
    - `redundant`: "9 a.m. in the morning", "8 p.m. tonight": the a.m. or p.m. says it.

    All four read the times at the figures of the story's shared number scan.

Why is this bad
    AP and the British houses each settle one form for times; "12 p.m." leaves readers
    guessing, and "in the morning" after "a.m." says it twice.

Example
    The polls open at 9:00 AM in the morning and close at 12 p.m.

Use instead
    The polls open at 9 a.m. and close at noon.

Options
    problem       form, on-the-hour, noon or redundant
    style         ap ("9 a.m.", "6:30 p.m.") or british ("9am", "6.30pm") (default ap)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document.numbers import tokens
from ..model import Edit, Hit
from .base import OptionError, RuleType

PROBLEMS = ("form", "on-the-hour", "noon", "redundant")
# A time with a.m. or p.m. in any of its spellings, or "12 noon"/"12 midnight". The hour may
# not follow a letter, a point or a colon ("1.5", "v2", "10:9"); "am" must end a word (not
# "9 amendments"), and a capital "AM"/"PM" must not run into another capital word ("2 PM
# Johnson" is a prime minister).
TIME = re.compile(
    r"(?<![\w.:,\u00a3$\u20ac])(?P<hour>[01]?\d|2[0-4])(?:(?P<sep>[:.])(?P<min>[0-5]\d))?"
    r"(?:(?P<space>[^\S\r\n]?)(?P<suffix>(?P<ap>[aApP])(?:\.[^\S\r\n]?[mM]\.?|[mM](?!\w|\.\w)\.?|\.[mM]))(?![\w])"
    r"|[^\S\r\n](?P<word>noon|midnight)\b)"
)
# What may follow the hour of a time: minutes, then a.m., p.m., noon or midnight.
_MAY_BE_TIME = re.compile(r"(?::\d\d)?[^\S\r\n]?(?:[aApP][.mM]|noon|midnight)")
_REDUNDANT = re.compile(
    r"[^\S\r\n]+(?:in[^\S\r\n]+the[^\S\r\n]+(?P<part>morning|afternoon|evening|night)|"
    r"this[^\S\r\n]+(?P<this>morning|afternoon|evening)|(?P<tonight>tonight)|at[^\S\r\n]+night)\b"
)


# Words before a bare "9 PM" that make it a time rather than, say, "2 PM candidates".
_TIME_WORDS = frozenset(
    [
        "at",
        "by",
        "until",
        "till",
        "from",
        "to",
        "before",
        "after",
        "around",
        "about",
        "and",
        "or",
        "between",
        "since",
        "the",
    ]
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\S\r\n]+$")


def _prev_word(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m.group(1).lower() if m else ""


@dataclass
class Options:
    problem: str
    style: str = "ap"

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise OptionError("problem", f"must be one of {', '.join(PROBLEMS)}")
        if self.style not in ("ap", "british"):
            raise OptionError("style", "must be ap (9 a.m.) or british (9am)")


def _times(doc) -> list:
    """The times of the story, read at the figures the shared scan found (no pass of its own)."""
    text = doc.text
    found = []
    for t in doc.memo(tokens):
        if t.figure is None or len(t.figure) > 5:
            continue
        if t.suffix.lower() in ("am", "pm", "a", "p") or _MAY_BE_TIME.match(text, t.end, t.end + 12):
            m = TIME.match(text, t.start)
            if m:
                found.append(m)
    return found


def _form(doc, m, o: Options):
    if m.group("suffix") is None:
        return None
    hour, minutes = int(m.group("hour")), m.group("min")
    if hour > 12 or hour == 0 or (hour == 12 and minutes in (None, "00")):
        return None  # 13 p.m. is not a time; 12 p.m. is the noon problem
    text = doc.text
    if m.group("suffix") in ("PM", "AM") and not minutes and _prev_word(text, m.start()) not in _TIME_WORDS:
        return None  # "2 PM candidates": capitals without points may be a prime minister
    letter = m.group("ap").lower()
    suffix = f" {letter}.m." if o.style == "ap" else f"{letter}m"
    edits = []
    written = text[m.end("min") if minutes else m.end("hour") : m.end("suffix")]
    # A final point that is the sentence's full stop stays: "at 9 p.m." ends a sentence as is.
    if o.style == "british" and written.endswith(".") and _ends_sentence(text, m.end("suffix")):
        written_end = m.end("suffix") - 1
        written = written[:-1]
    else:
        written_end = m.end("suffix")
    if (
        o.style == "ap"
        and not written.endswith(".")
        and _ends_sentence(text, written_end)
        and text[written_end : written_end + 1] == "."
    ):
        written += "."
        written_end += 1
    if written != suffix:
        edits.append(Edit(written_end - len(written), written_end, suffix))
    sep = "." if o.style == "british" else ":"
    if minutes and minutes != "00" and m.group("sep") != sep:
        edits.append(Edit(m.start("sep"), m.end("sep"), sep))
    if not edits:
        return None
    found = text[m.start() : written_end]
    fixed = (
        text[m.start() : m.end("hour")]
        + (sep + minutes if minutes and minutes != "00" else (text[m.start("sep") : m.end("min")] if minutes else ""))
        + suffix
    )
    return Hit(m.start(), written_end, {"found": found, "replacement": fixed}, tuple(edits))


def _ends_sentence(text: str, offset: int) -> bool:
    rest = text[offset : offset + 3]
    return (
        rest == ""
        or rest[:1] in "\r\n"
        or (rest[:1] in " \"'\u201d\u2019)" and (rest[1:2].isupper() or rest[1:2] in '"\u201c'))
    )


def _on_the_hour(doc, m, o: Options):
    if m.group("min") != "00" or m.group("hour") == "12":
        return None  # "12:00 p.m." and "12:00 noon" are the noon problem
    start, end = m.start("sep"), m.end("min")
    found = doc.text[m.start() : end]
    return Hit(m.start(), end, {"found": found, "replacement": m.group("hour")}, (Edit(start, end, ""),))


def _noon(doc, m, o: Options):
    if m.group("hour") != "12" or m.group("min") not in (None, "00"):
        return None
    text = doc.text
    if m.group("word"):
        word = m.group("word")
        end = m.end("word")
    else:
        word = "noon" if m.group("ap").lower() == "p" else "midnight"
        end = m.end("suffix")
        if text[end - 1 : end] == "." and _ends_sentence(text, end):
            end -= 1  # the full stop stays
    return Hit(m.start(), end, {"found": text[m.start() : end], "replacement": word}, (Edit(m.start(), end, word),))


def _redundant(doc, m, o: Options):
    if m.group("suffix") is None:
        return None
    r = _REDUNDANT.match(doc.text, m.end("suffix"))
    if not r:
        return None
    part = r.group("part") or r.group("this")
    said_twice = part == "morning" if m.group("ap").lower() == "a" else part != "morning"
    if not said_twice:
        return None  # "9 p.m. in the morning" is a contradiction, not a redundancy
    words = r.start() + len(r.group()) - len(r.group().lstrip())
    return Hit(
        words,
        r.end(),
        {"found": doc.text[m.start() : r.end()], "replacement": doc.text[m.start() : r.start()]},
        (Edit(r.start(), r.end(), ""),),
    )


_CHECKS = {"form": _form, "on-the-hour": _on_the_hour, "noon": _noon, "redundant": _redundant}


# A time with its zone is a page's timestamp ("Updated: Oct 14, 2026 / 09:12 AM CDT"), furniture
# that the boilerplate rules judge, not copy written in house style.
_ZONE = re.compile(r"\.?\s*(?:[ECMP][SD]T|GMT|BST|UTC|CET|CEST|ET|PT|IST|AE[SD]T)\b")


def check(doc, options: Options):
    problem = _CHECKS[options.problem]
    for m in doc.memo(_times):
        if _ZONE.match(doc.text, m.end()):
            continue
        hit = problem(doc, m, options)
        if hit is not None:
            yield hit


TYPE = RuleType("times", Options, check, ("found", "replacement"), __doc__, fix="safe")
