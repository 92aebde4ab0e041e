"""Dates written out in news copy: "Tuesday, 21 May 2019", "Friday, Sept. 8", "Feb 26"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip


def month_number(written: str) -> int:
    """1-12 for a month as copy writes it: "Sept.", "sep", "September"."""
    return _MONTHS[written[:3].lower()]


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<{g}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# Checks read one paragraph per line (newslint.source), so a date never runs over a line end:
# "Tuesday, 1 March" above a line that starts "2000 fans" is a date without its year.
_SPACE = r"[^\S\r\n]+"
_WEEKDAY = r"(?:(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?" + _SPACE + r"(?:the" + _SPACE + r")?)?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?" + _SPACE + r"(?P<{g}>(?:1[89]|20)\d\d))?"
# A date starts with a weekday, a day or a month: the leading lookahead of those first letters
# changes no match but lets the scan pass over other characters twice as fast.
DATE = re.compile(
    r"(?=[\dMTWFSJAOND])\b"
    + _WEEKDAY
    + "(?:"
    + _DAY.format(g="d1")
    + _SPACE
    + r"(?:of"
    + _SPACE
    + ")?"
    + _MONTH.format(g="m1")
    + _YEAR.format(g="y1")
    + "|"
    + _MONTH.format(g="m2")
    + _SPACE
    + _DAY.format(g="d2")
    + r"\b(?!\.\d)"
    + _YEAR.format(g="y2")
    + r")(?![\w-])"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None  # 0 = Monday, as datetime counts

    def resolve(self, year: int | None = None) -> dt.date | None:
        """The calendar date, with `year` standing in for a year the text left out."""
        try:
            return dt.date(self.year or year, self.month, self.day) if (self.year or year) else None
        except ValueError:
            return None


def find_dates(text: str, start: int = 0, end: int | None = None):
    for m in DATE.finditer(text, start, len(text) if end is None else end):
        yield mention(m)


def mention(m: re.Match) -> DateMention:
    """The date a match of DATE reads."""
    day = m.group("d1") or m.group("d2")
    month = (m.group("m1") or m.group("m2")).rstrip(".").lower()
    year = m.group("y1") or m.group("y2")
    weekday = m.group("weekday")
    return DateMention(
        m.start(),
        m.end(),
        int(day),
        _MONTHS[month[:4] if month.startswith("sept") else month[:3]],
        int(year) if year else None,
        WEEKDAYS.index(weekday) if weekday else None,
    )


def scan(doc) -> list[re.Match]:
    """Every match of DATE in a Document's text: doc.memo(scan) gives the rules one shared pass."""
    return list(DATE.finditer(doc.text))


def format_date(date: dt.date) -> str:
    return f"{WEEKDAYS[date.weekday()]}, {date.day} {date:%B} {date.year}"
