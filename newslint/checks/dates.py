"""dates: dates that contradict each other or the calendar.

What it does
    `problem: weekday` reports a weekday that does not fall on its date ("Friday, 21 May 2019"),
    taking the year from the story's date when the text leaves it out (a date line, a
    "Published ..." line above the story, Markdown front matter's `date:`). `problem:
    no-such-date` reports a date that does not exist, with or without a weekday ("February 30,
    2019", "31 April"; 29 February only when the year is known and is not a leap year).
    `problem: story-dates` reports a story that carries two different dates on the date lines
    above it.

Why is this bad
    A wrong day sends readers to the wrong event; two story dates mean a stale page or a
    template that was not updated.

Example
    Tuesday, 21 May 2019 ... 10 September 2017

Use instead
    One story date, and weekdays checked against the calendar.

Options
    problem       weekday, no-such-date or story-dates
    archive       the stories checked are old ones (an archive audit), not this week's drafts:
                  a weekday whose date has no year, in a story with no date of its own, is not
                  judged (default false: it is judged against the date nearest today and the
                  years the story names)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..document.dates import MONTHS, WEEKDAYS, format_date, mention, scan
from ..model import Edit, Hit
from .base import OptionError, RuleType
from .dateline import story_date


@dataclass
class Options:
    problem: str
    archive: bool = False

    def __post_init__(self):
        if self.problem not in ("weekday", "no-such-date", "story-dates"):
            raise OptionError("problem", "must be weekday, no-such-date or story-dates")


def _all_dates(doc) -> list:
    return [mention(m) for m in doc.memo(scan)]


def _nearest_story_date(doc, d, year: int) -> dt.date | None:
    """A date without a year in a dated story: in the story's year, or the year before or after
    when that puts it nearer the story's own date ("until Saturday 14 February" in a December
    story is next February; "Friday 28 December" in a January one, last December)."""
    story = doc.memo(story_date)
    if story is None:
        return d.resolve(year)
    near = [(abs((date - story).days), date) for y in (year - 1, year, year + 1) if (date := d.resolve(y))]
    return min(near)[1] if near else None


def _story_year(doc) -> int | None:
    """The story's year: from its date lines, else a "Published ..." line or front matter's date."""
    if doc.story_year is not None:
        return doc.story_year
    story = doc.memo(story_date)
    return story.year if story else None


# A year, not a count ("2000 fans") or a time ("from 1930 GMT").
_YEAR = re.compile(r"\b(?:19|20)\d\d\b(?!\s+(?:[a-z]+s\b|GMT|BST|hours|hrs))")


def _likely_years(doc) -> list[int]:
    """The years an undated story may be from, by what it names: the latest past year it names
    and the one before (an archived story talks of its own year, or of last year's events)."""
    this_year = dt.date.today().year
    named = [int(y) for y in _YEAR.findall(doc.text) if int(y) <= this_year]  # not "by 2030": a plan
    latest = max(named, default=None)
    return [latest, latest - 1, latest + 1] if latest else []


def _wrong_in_every_likely_year(doc, d, archive: bool = False) -> dt.date | None:
    """The date `d` (with a weekday and no year) in the likeliest year, when its weekday is wrong
    in every year the story may be from: the years it names, and this year or the next or last,
    whichever puts the date nearest today (a draft is checked the week it is written). A story
    that names this year is current copy, and only the nearest date counts. None when it is
    right in one of them. A story that names no year at all is this week's draft. When
    `archive` says the stories checked are old ones, a story's own year is unknown: None."""
    today = dt.date.today()
    near = []
    for y in (today.year - 1, today.year, today.year + 1):
        date = d.resolve(y)
        if date is not None:
            near.append((abs((date - today).days), date))
    named = doc.memo(_likely_years)
    if archive:
        return None  # an archived story's own year is unknown: the years it names are its past
    dates = [min(near)[1]] if near else []
    if dates and named and named[0] >= dates[0].year:
        # The story names this year (or a later one): it is current copy, and its date is the
        # one nearest today; "last year" no longer excuses a wrong weekday.
        named = named[:1]
    dates += [date for date in map(d.resolve, named) if date is not None]
    if not dates or any(date.weekday() == d.weekday for date in dates):
        return None
    return dates[0]


def check(doc, options: Options):
    if options.problem == "story-dates":
        dates = doc.story_dates
        first = dates[0].resolve() if dates else None
        for d in dates[1:]:
            date = d.resolve()
            if first and date and date != first:
                yield Hit(
                    d.start,
                    d.end,
                    {
                        "found": format_date(date),
                        "first": format_date(first),
                        "line": doc.line_col(doc.to_source(dates[0].start))[0],
                    },
                )
                return
        return
    year = _story_year(doc)
    if options.problem == "no-such-date":
        for d in doc.memo(_all_dates):
            known = d.year or year
            # Without a year, 29 February may exist; 30 February and 31 April never do.
            if d.day and d.resolve(known if known else 2000) is None:  # "January 0.7" is no date at all
                yield Hit(
                    d.start,
                    d.end,
                    {
                        "found": doc.text[d.start : d.end],
                        "date": f"{d.day} {MONTHS[d.month - 1]}" + (f" {known}" if known else ""),
                    },
                )
        return
    for d in doc.memo(_all_dates):
        if d.weekday is None:
            continue
        if d.year is None and year is None:
            date = _wrong_in_every_likely_year(doc, d, options.archive)
            if date is None:
                continue
        elif d.year is None:
            date = _nearest_story_date(doc, d, year)
        else:
            date = d.resolve(year)
        if date is not None and date.weekday() != d.weekday:  # a day that does not exist: no-such-date
            weekday = WEEKDAYS[date.weekday()]
            end = d.start + len(WEEKDAYS[d.weekday])
            yield Hit(
                d.start,
                d.end,
                {"found": doc.text[d.start : d.end], "expected": weekday, "date": f"{date.day} {date:%B} {date.year}"},
                (Edit(d.start, end, weekday),),
            )


# One doc per problem, for `newslint explain`, hovers and SARIF (each rule reports one problem).
PROBLEM_DOCS = {
    "weekday": """
What it does
    Reports a weekday that does not fall on its date, taking the year from the story's date when the text leaves it out.

Why is this bad
    A wrong day sends readers to the wrong event, and is the first thing a reader who checks catches.

Example
    Friday, 21 May 2019

Use instead
    Tuesday, 21 May 2019
""",
    "no-such-date": """
What it does
    Reports a date that does not exist (30 February, 31 April), with or without a weekday.

Why is this bad
    The date is certainly wrong: a typo in the day or the month that readers cannot resolve.

Example
    The hearing is on February 30, 2019.

Use instead
    The hearing is on Feb. 28, 2019.
""",
    "story-dates": """
What it does
    Reports a story that carries two different dates on the date lines above it.

Why is this bad
    Two story dates mean a stale page or a template that was not updated: which one is true?

Example
    10 September 2017 ... Updated 21 May 2019

Use instead
    One story date.
""",
}

TYPE = RuleType(
    "dates",
    Options,
    check,
    ("found", "first", "expected", "date", "line"),
    __doc__,
    fix="unsafe",
    problems=PROBLEM_DOCS,
)
