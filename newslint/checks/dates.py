"""dates: dates that contradict each other or the calendar.

What it does
    `problem: weekday` reports a weekday that does not fall on its date ("Friday, 21 May 2019"),
    taking the year from the story's date when the text leaves it out, and a date that does not
    exist (30 February). `problem: story-dates` reports a story that carries two different dates
    on the date lines above it.

Why is this bad
    A wrong day sends readers to the wrong event; two story dates mean a stale page or a
    template that was not updated.

Example
    Tuesday, 21 May 2019 ... 10 September 2017

Use instead
    One story date, and weekdays checked against the calendar.

Options
    problem       weekday or story-dates
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document.dates import WEEKDAYS, find_dates, format_date
from ..model import Edit, Hit
from .base import OptionError, RuleType


@dataclass
class Options:
    problem: str

    def __post_init__(self):
        if self.problem not in ("weekday", "story-dates"):
            raise OptionError("problem", "must be weekday or story-dates")


def check(doc, options: Options):
    if options.problem == "story-dates":
        dates = doc.story_dates
        first = dates[0].resolve() if dates else None
        for d in dates[1:]:
            date = d.resolve()
            if first and date and date != first:
                yield Hit(d.start, d.end, {"found": format_date(date), "first": format_date(first),
                                           "line": doc.line_col(doc.to_source(dates[0].start))[0]})
                return
        return
    for d in find_dates(doc.text):
        if d.weekday is None:
            continue
        date = d.resolve(doc.story_year)
        if date is None:
            if d.year or doc.story_year:  # a year is known, so the day itself does not exist
                yield Hit(d.start, d.end, {"found": doc.text[d.start:d.end], "expected": "a real date"})
            continue
        if date.weekday() != d.weekday:
            weekday = WEEKDAYS[date.weekday()]
            end = d.start + len(WEEKDAYS[d.weekday])
            yield Hit(d.start, d.end, {"found": doc.text[d.start:d.end], "expected": weekday,
                                       "date": format_date(date)}, (Edit(d.start, end, weekday),))



# One doc per problem, for `newslint explain`, hovers and SARIF (each rule reports one problem).
PROBLEM_DOCS = {
    'weekday': """
What it does
    Reports a weekday that does not fall on its date, taking the year from the story's date when the text leaves it out, and a date that does not exist (30 February).

Why is this bad
    A wrong day sends readers to the wrong event, and is the first thing a reader who checks catches.

Example
    Friday, 21 May 2019

Use instead
    Tuesday, 21 May 2019
""",
    'story-dates': """
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

TYPE = RuleType("dates", Options, check, ("found", "first", "expected", "date", "line"), __doc__, fix="unsafe", problems=PROBLEM_DOCS)
