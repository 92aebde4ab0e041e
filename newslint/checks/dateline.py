"""dateline: a dateline's date that is not the story's date.

What it does
    Reports the date in a dateline ("CHICAGO, Sept. 4 (AP) —", "LVIV, 3 May (Reuters) -") when
    the story carries a date above it (a date line, or a "Published ..." / "Updated ..." line
    with a full date, or the `date:` of Markdown front matter) and the two differ in day or
    month.

Why is this bad
    Two dates for one story: one of them is stale, and readers cannot tell when it happened.

Example
    Published Sept. 4, 2026 ... OTTUMWA, Iowa, Sept. 5 (AP) — A train derailed ...

Use instead
    One date: the dateline's agrees with the story's.

Options
    none
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..document.dates import DateMention, find_dates, format_date
from ..model import Hit
from .base import RuleType

# A dateline: a place in capitals, perhaps a state or country, then its date.
_DATELINE = re.compile(r"[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3},(?: [A-Z][\w.]+(?: [A-Z][\w.]+)?,)? ")
_FRONT_DATE = re.compile(r"\A---\s*\n(?:.*\n)*?date:\s*['\"]?(\d{4})-(\d\d)-(\d\d)", re.MULTILINE)
_HEADER_LINES = 6  # lines above the story where a publication date stands
# A time stamp line ("Posted 5:12 p.m. Dec. 2, 2026", "Updated: 2 December 2026") is the story's
# date even where the reader took it for the first line of copy.
_STAMP = re.compile(r"(?:Posted|Published|Updated|Last updated|Last modified|First published)\b:?", re.IGNORECASE)


def story_date(doc) -> dt.date | None:
    """The story's own date: its first date line, a full date in a line above the story
    ("Published Sept. 4, 2026 | Updated ..."), or Markdown front matter's `date:`."""
    for mention in doc.story_dates:
        resolved = mention.resolve()
        if resolved:
            return resolved
    body = set(doc.body[1:]) if doc.body else set()
    for index, (start, end) in enumerate(doc.paragraphs[:_HEADER_LINES]):
        copy = index in body and index not in doc.header
        if end - start > 120:
            if copy:
                break
            continue  # a paragraph of copy, not a line of furniture above it
        for mention in find_dates(doc.text, start, end):
            resolved = mention.resolve()
            if mention.year and resolved and (not copy or _is_stamp(doc.text, start, end, mention)):
                return resolved
        if copy:
            break
    front = _FRONT_DATE.match(doc.source)
    if front:
        try:
            return dt.date(*map(int, front.groups()))
        except ValueError:
            return None
    return None


def _is_stamp(text: str, start: int, end: int, mention) -> bool:
    """Is the line a time stamp, though it reads as copy: "Posted 5:12 p.m. Dec. 2, 2026", or a
    date with little else ("Wednesday 2 December 2026, 4.15pm")?"""
    if _STAMP.match(text, start, end):
        return True
    return mention.start - start <= 12 and (end - start) - (mention.end - mention.start) <= 12


@dataclass
class Options:
    pass


def dateline_date(doc) -> DateMention | None:
    """The date of the story's dateline ("LVIV, 3 May (Reuters) -"), or None: no dateline, or
    one without a date ("CHICAGO (AP) —")."""
    for index in doc.body[:3]:  # the dateline opens the story
        start, end = doc.paragraphs[index]
        place = _DATELINE.match(doc.text, start, end)
        if place is None:
            continue
        mention = next(find_dates(doc.text, place.end(), min(end, place.end() + 30)), None)
        return mention if mention is not None and mention.start == place.end() else None
    return None


def check(doc, options: Options):
    if not doc.body:
        return
    story = doc.memo(story_date)
    if story is None:
        return
    mention = doc.memo(dateline_date)
    if mention is not None:
        if (mention.month, mention.day) != (story.month, story.day):
            when = mention.resolve(story.year)
            yield Hit(
                mention.start,
                mention.end,
                {
                    "found": doc.text[mention.start : mention.end],
                    "date": format_date(story),
                    "expected": format_date(when) if when else "",
                },
            )


TYPE = RuleType("dateline", Options, check, ("found", "date", "expected"), __doc__)
