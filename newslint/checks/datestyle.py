"""date-style: dates written as the house stylebook writes them.

What it does
    Each rule names one `problem`:

    - `month-form`: the month of a date with a day. With `months: abbreviated` (AP): Jan.,
      Feb., Aug., Sept., Oct., Nov. and Dec. before a day ("Sept. 6", not "September 6" or
      "Sept 6"), March to July never abbreviated ("June 5", not "Jun. 5"). With `months: full`
      (British): the month in full ("6 September", not "6 Sept").
    - `month-year`: a month with a year and no day is spelled out: "September 2019", not
      "Sept. 2019".
    - `month-year-comma`: no comma between a month and its year: "May 2019", not "May, 2019".
    - `ordinal`: no ordinal in a date: "May 21", "21 May", not "May 21st", "the 21st of May".
    - `order`: with `order: month-day` (AP) "May 21, 2019"; with `order: day-month` (British)
      "21 May 2019".

    Dates on the lines above the story (date lines, bylines, the headline) are page furniture
    and left alone. The rules share the story's scans for dates and for figures (the years).

Why is this bad
    A stylebook writes every date one way; a desk that follows it marks each of these.

Example
    The vote is on September 6th, not in Sept. 2019.

Use instead
    The vote is on Sept. 6, not in September 2019.

Options
    problem       month-form, month-year, month-year-comma, ordinal or order
    months        abbreviated (AP) or full (British) (default abbreviated)
    order         month-day (AP) or day-month (British) (default month-day)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document.dates import MONTHS, month_number, scan
from ..document.numbers import tokens
from ..model import Edit, Hit
from .base import OptionError, RuleType

PROBLEMS = ("month-form", "month-year", "month-year-comma", "ordinal", "order")
AP_WITH_DAY = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
# A month and a year with no day before or after the month: "September 2019", "Sept. 2019",
# "May, 2019". A day before it ("6 Sept 2019") makes it a full date, which DATE reads.
MONTH_BEFORE = re.compile(
    r"(?<!\d[^\S\r\n])(?<![\w.])(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|April|May|June|July"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
    r"(?P<comma>,)?[^\S\r\n]+$"
)
_YEAR_CONTINUES = re.compile(r"[,.]\d")  # "March, 2,000": a count, not a year
_ORDINAL = re.compile(r"st|nd|rd|th")
# "In January 25 people took part": after "in", a month and a figure before a word in lower
# case are a month and a count, not a date (a date takes "on").
_IN_BEFORE = re.compile(r"\b[Ii]n[^\S\r\n]+$")
_IN_MONTH_COUNT = re.compile(r"[^\S\r\n]+[a-z]")


@dataclass
class Options:
    problem: str
    months: str = "abbreviated"
    order: str = "month-day"

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise OptionError("problem", f"must be one of {', '.join(PROBLEMS)}")
        if self.months not in ("abbreviated", "full"):
            raise OptionError("months", "must be abbreviated (Sept. 6, AP) or full (6 September)")
        if self.order not in ("month-day", "day-month"):
            raise OptionError("order", "must be month-day (May 21, AP) or day-month (21 May)")


def _is_copy(doc, index: int) -> bool:
    """Not the header (date lines, bylines, the headline), an all-capitals line, or the line that
    signs an embedded post ("— Name (@handle) November 18, 2019"): those are page furniture."""
    if index in doc.header or index == doc.headline_index or doc.is_shouting(index):
        return False
    start, end = doc.paragraphs[index]
    return not (doc.text.startswith(("\u2014", "--", "- "), start) and "(@" in doc.text[start:end])


def _dates(doc) -> list:
    text = doc.text
    return [
        m
        for m in doc.memo(scan)
        if _is_copy(doc, doc.paragraph_index(m.start()))
        and not (
            m.group("m2")
            and not m.group("y2")
            and _IN_MONTH_COUNT.match(text, m.end())
            and _IN_BEFORE.search(text, max(0, m.start() - 4), m.start())
        )
    ]


def _month_years(doc) -> list:
    """Months before a year, found from the years of the shared number scan: (month match, year end)."""
    text = doc.text
    found = []
    for t in doc.memo(tokens):
        figure = t.figure
        if figure and not t.suffix and len(figure) == 4 and figure[:2] in ("18", "19", "20"):
            m = MONTH_BEFORE.search(text, max(0, t.start - 12), t.start)
            if m and not _YEAR_CONTINUES.match(text, t.end) and _is_copy(doc, t.paragraph):
                found.append((m, t.end))
    return found


def _month_form(doc, m, o: Options):
    group = "m1" if m.group("m1") else "m2"
    written = m.group(group)
    number = month_number(written)
    want = AP_WITH_DAY[number - 1] if o.months == "abbreviated" else MONTHS[number - 1]
    if written == want:
        return None
    start, end = m.span(group)
    text = doc.text
    if (
        written.endswith(".")
        and not want.endswith(".")
        and (end == len(text) or text[end] in "\r\n" or text[end] == " " and text[end + 1 : end + 2].isupper())
    ):
        want += "."  # "on 6 Sept." ends the sentence: its point is also the full stop
    return Hit(start, end, {"found": written, "replacement": want}, (Edit(start, end, want),))


def _month_year(doc, found, o: Options):
    m, _ = found
    written = m.group("month")
    want = MONTHS[month_number(written) - 1]
    if written == want or written == "May":
        return None
    start, end = m.span("month")
    return Hit(start, end, {"found": written, "replacement": want}, (Edit(start, end, want),))


def _month_year_comma(doc, found, o: Options):
    m, end = found
    if not m.group("comma"):
        return None
    start = m.start("comma")
    written = doc.text[m.start() : end]
    return Hit(
        m.start(), end, {"found": written, "replacement": written.replace(",", "", 1)}, (Edit(start, start + 1, ""),)
    )


def _ordinal(doc, m, o: Options):
    text = doc.text
    group = "d1" if m.group("d1") else "d2"
    end = m.end(group)
    suffix = _ORDINAL.match(text, end)
    if not suffix:
        return None
    edits = [Edit(end, suffix.end(), "")]
    if group == "d1":
        of = re.compile(r"[^\S\r\n]+of(?=[^\S\r\n])").match(text, suffix.end())
        if of:
            edits.append(Edit(of.start(), of.end(), ""))
            the = re.compile(r"\bthe[^\S\r\n]+$").search(text, max(0, m.start(group) - 5), m.start(group))
            if the:
                edits.append(Edit(the.start(), the.end(), ""))
    start = min([m.start()] + [e.start for e in edits])
    found = text[start : m.end()]
    fixed = found
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        fixed = fixed[: e.start - start] + fixed[e.end - start :]
    return Hit(start, m.end(), {"found": found, "replacement": fixed}, tuple(edits))


def _order(doc, m, o: Options):
    text = doc.text
    if o.order == "day-month" and m.group("m2"):
        month, day, year = m.group("m2"), m.group("d2"), m.group("y2")
        end = m.end("y2") if year else m.end("d2")
        replacement = f"{day} {month}" + (f" {year}" if year else "")
        start = m.start("m2")
    elif o.order == "month-day" and m.group("m1"):
        month, day, year = m.group("m1"), m.group("d1"), m.group("y1")
        start = m.start("d1")
        end = m.end("y1") if year else m.end("m1")
        if re.compile(r"[^\S\r\n]+of[^\S\r\n]").search(text, m.end("d1"), m.start("m1")):
            return None  # "21st of May": the ordinal problem says it first
        replacement = f"{month} {day}" + (f", {year}" if year else "")
    else:
        return None
    if _ORDINAL.match(text, m.end("d1" if m.group("d1") else "d2")):
        return None  # the ordinal problem first: one fix at a time
    return Hit(start, end, {"found": text[start:end], "replacement": replacement}, (Edit(start, end, replacement),))


_CHECKS = {
    "month-form": (_dates, _month_form),
    "month-year": (_month_years, _month_year),
    "month-year-comma": (_month_years, _month_year_comma),
    "ordinal": (_dates, _ordinal),
    "order": (_dates, _order),
}


# A date with a clock time close after it is a page's time stamp ("Posted: Oct 14, 2026 / 06:45
# AM CDT", "Fri 27 Nov 2026 09.12 GMT"): furniture the boilerplate rules judge, not copy.
_STAMP_TIME = re.compile(r"[^\n]{0,12}?\b\d{1,2}[:.]\d\d\b")


def check(doc, options: Options):
    scan, problem = _CHECKS[options.problem]
    for m in doc.memo(scan):
        if options.problem in ("month-form", "order") and _STAMP_TIME.match(doc.text, m.end()):
            continue
        hit = problem(doc, m, options)
        if hit is not None:
            yield hit


TYPE = RuleType("date-style", Options, check, ("found", "replacement"), __doc__, fix="safe")
