"""dates: dates that contradict each other or the calendar.

What it does
    `problem: weekday` reports a weekday that does not fall on its date ("Friday, 21 May 2019"),
    taking the year from the story's date when the text leaves it out (a date line, a
    "Published ..." line above the story, Markdown front matter's `date:`), and a date that does
    not exist in any year (30 February) or in the story's year. `problem: story-dates` reports a story that carries two different dates
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

from ..datefind import WEEKDAYS, find_dates, format_date
from ..finding import Edit, Hit
from .base import OptionError, RuleType
from .dateline import story_date

_LONGEST_MONTH = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


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
    year = doc.story_year
    if year is None:
        story = doc.memo(story_date)
        year = story.year if story else None
    for d in find_dates(doc.text):
        if d.weekday is None:
            continue
        date = d.resolve(year)
        if date is None:
            if d.year or year or d.day > _LONGEST_MONTH[d.month]:  # the day itself does not exist
                yield Hit(d.start, d.end, {"found": doc.text[d.start:d.end], "expected": "a real date"})
            continue
        if date.weekday() != d.weekday:
            weekday = WEEKDAYS[date.weekday()]
            end = d.start + len(WEEKDAYS[d.weekday])
            yield Hit(d.start, d.end, {"found": doc.text[d.start:d.end], "expected": weekday,
                                       "date": format_date(date)}, (Edit(d.start, end, weekday),))


TYPE = RuleType("dates", Options, check, ("found", "first", "expected", "date", "line"), __doc__, fix="unsafe")
