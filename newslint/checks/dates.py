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
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document.dates import MONTHS, WEEKDAYS, format_date, mention, scan
from ..model import Edit, Hit
from .base import OptionError, RuleType
from .dateline import story_date


@dataclass
class Options:
    problem: str

    def __post_init__(self):
        if self.problem not in ("weekday", "no-such-date", "story-dates"):
            raise OptionError("problem", "must be weekday, no-such-date or story-dates")


def _all_dates(doc) -> list:
    return [mention(m) for m in doc.memo(scan)]


def _story_year(doc) -> int | None:
    """The story's year: from its date lines, else a "Published ..." line or front matter's date."""
    if doc.story_year is not None:
        return doc.story_year
    story = doc.memo(story_date)
    return story.year if story else None


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
