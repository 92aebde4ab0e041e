"""relative-date: a relative day ("yesterday", "last week", "on Wednesday") that the story's own
date contradicts.

What it does
    Counts from the story's date: its date line, time stamp or front matter's `date:` (as
    `dates` and `dateline` read it), else its dateline's date ("LILONGWE, 2 December"), else
    today (an undated draft is checked the day it is written; `after` then reports nothing).
    `problem: weekday` reports a relative day set beside a weekday that is not the one it means:
    "yesterday, Tuesday" or "last night (Tuesday 1 December)" in a story dated Thursday.
    `problem: week` reports "last week, on 1 December" when 1 December falls in the story's own
    week, and "this week on 24 November" when 24 November fell before it (reported only where
    the week is wrong whether it starts on a Sunday or a Monday). `problem: after` reports an
    event told in the past tense on the weekday after the story's date ("said on Wednesday" in
    a story dated Tuesday 1 December): the story cannot have seen that day, so the day or the
    date is wrong. `problem: same-event` reports a sentencing told on two different days in one
    story ("jailed on Thursday" ... "Sentencing him yesterday"; "jailed yesterday" ... "Sentencing
    her on 1 December"): a court passes sentence once. A weekday that stands with a date of its
    own is the `dates` rules' to judge.

Why is this bad
    The reader counts "yesterday" from the date at the top of the story: when the two disagree,
    one of them sends the reader to the wrong day.

Example
    Thursday 3 December 2026 ... The firm said yesterday, Tuesday 1 December, that ...

Use instead
    The firm said on Tuesday 1 December that ...

Options
    problem       weekday, week, after or same-event
    archive       the stories checked are old ones (an archive audit): a story with no date of
                  its own, or a dateline's date with no year, is not judged (default false: an
                  undated story counts from today, a yearless dateline from the year that puts
                  it nearest today)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..document.dates import WEEKDAYS, find_dates, format_date
from ..model import Hit
from .base import OptionError, RuleType
from .dateline import dateline_date, story_date

PROBLEMS = ("weekday", "week", "after", "same-event")
_WEEKDAY = r"(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
# Days from the story's date that each relative word means.
_OFFSETS = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this": 0, "tomorrow": 1}
_BESIDE = re.compile(
    r"\b(?P<relative>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast night|[Tt]his (?:morning|afternoon|evening))"
    r"(?: (?:morning|afternoon|evening|night))?(?:\s*,\s*|\s*\(\s*|\s+[\u2013\u2014-]\s+)(?:on\s+)?"
    + _WEEKDAY
    + r"\b(?![\u2019']s)"
)
_WEEK = re.compile(r"\b(?P<which>[Ll]ast|[Tt]his) week\s*,?\s*(?:on\s+|on\s+the\s+)?(?=[\dMTWFSJAOND])")
# A past tense in the clause before the weekday: "said", "declared", "a court-ordered recount".
_PAST = re.compile(
    r"\b(?:said|told|held|met|won|lost|struck|began|came|went|left|sent|found|fell|rose|hit|saw|spoke|wrote"
    r"|broke|took|made|gave|paid|sold|led|became|shot|stole|fled|sank|drew|threw|caught|fought|[a-z]{2,}ed)\b"
)
# What makes the weekday one still to come, or not the event's own: "will meet on Wednesday",
# "said it would vote on Wednesday", "is due to ... on Wednesday", "delayed until Wednesday".
_AHEAD = re.compile(
    r"(?i)\b(?:will|would|shall|'ll|due|expected|scheduled|set|plans?|planned|planning|going|next|until|till|by"
    r"|from|ahead|before|could|can|may|might|must|should|to|hopes?|intends?|postponed|delayed|adjourned|deferred"
    r"|moved|rescheduled|deadline|since|every|each|coming|later|starting|from)\b"
)
# The weekday's week named before it, or a run of weekdays: "last Friday", "on Thursday and Friday".
_NAMED_WEEK = re.compile(r"(?i)\b(?:last|this|next|coming|past|every|each|expiration|day)\s+$|day\s+(?:and|or|to)\s+$")
# A future told after the weekday: "on Thursday Mr Holmes will travel to Tokyo".
_AHEAD_AFTER = re.compile(r"[^.;,]{0,60}\b(?:will|would|shall|is to|are to|is due|are due|is expected|are expected)\b")
_AFTER_WEEKDAY = re.compile(
    r"[\s,]*(?:next|week|(?:and|or|to|through)\s+\w+day\b|\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d)"
)


@dataclass
class Options:
    problem: str
    archive: bool = False

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise OptionError("problem", f"must be one of {', '.join(PROBLEMS)}")


def _nearest(mention, near: dt.date) -> dt.date | None:
    """The date a mention without a year reads, in the year that puts it nearest `near`."""
    if mention.year:
        return mention.resolve()
    dates = [d for y in (near.year - 1, near.year, near.year + 1) if (d := mention.resolve(y))]
    return min(dates, key=lambda d: abs((d - near).days)) if dates else None


def reference_date(doc, archive: bool) -> tuple[dt.date, bool] | None:
    """The date the story counts its days from, and whether the story gives it: its own date,
    else its dateline's; a story that gives none is a draft checked the day it is written
    (today), unless the stories checked are old ones."""
    story = doc.memo(story_date)
    if story is not None:
        return story, True
    mention = doc.memo(dateline_date) if doc.body else None
    if mention is not None and (mention.year or doc.story_year):
        date = mention.resolve(doc.story_year)
        return (date, True) if date else None
    if archive:
        return None
    today = dt.date.today()
    if mention is None:
        return today, False
    date = _nearest(mention, today)
    return (date, True) if date else None


def _matches(doc, pattern: re.Pattern, words: tuple[str, ...]):
    """The pattern's matches, tried only where one of its opening words stands (found in the
    folded text by str.find): no regex pass over a story that says "today" once."""
    folded = doc.folded if doc.folded is not None else doc.text.lower()
    starts = set()
    for word in words:
        at = folded.find(word)
        while at != -1:
            starts.add(at)
            at = folded.find(word, at + 1)
    for at in sorted(starts):
        m = pattern.match(doc.text, at)
        if m is not None and (at == 0 or not doc.text[at - 1].isalnum()):
            yield m


def _beside(doc, ref: dt.date):
    for m in _matches(doc, _BESIDE, _NEEDS["weekday"]):
        relative = m.group("relative").lower()
        offset = _OFFSETS[relative.split()[0] if relative.startswith("this") else relative]
        meant = ref + dt.timedelta(days=offset)
        if WEEKDAYS.index(m.group("weekday")) != meant.weekday():
            yield Hit(
                m.start(),
                m.end(),
                {
                    "found": m.group(),
                    "relative": m.group("relative"),
                    "expected": WEEKDAYS[meant.weekday()],
                    "date": format_date(ref),
                },
            )


def _week_of(date: dt.date, monday: dt.date) -> str:
    """Which week `date` falls in, seen from the week that starts on `monday`, whether weeks
    start on a Sunday or a Monday: "this week", "last week", or another ("" when the two ways of
    counting disagree: a Sunday)."""
    weeks = {(date - monday).days // 7, (date - monday + dt.timedelta(days=1)).days // 7}
    if len(weeks) > 1:
        return ""
    return {0: "this week", -1: "last week", 1: "next week"}.get(weeks.pop(), "another week")


def _week(doc, ref: dt.date):
    monday = ref - dt.timedelta(days=ref.weekday())
    for m in _matches(doc, _WEEK, _NEEDS["week"]):
        mention = next(find_dates(doc.text, m.end(), min(len(doc.text), m.end() + 40)), None)
        if mention is None or mention.start != m.end():
            continue
        date = _nearest(mention, ref)
        if date is None:
            continue
        said = m.group("which").lower() + " week"
        week = _week_of(date, monday)
        if week and week != said:
            yield Hit(
                m.start(),
                mention.end,
                {
                    "found": doc.text[m.start() : mention.end],
                    "relative": m.group()[: m.group().index("week") + 4],
                    "expected": "in " + week if week == "another week" else week,
                    "date": format_date(ref),
                },
            )


def _after(doc, ref: dt.date):
    """Past events on the weekday after the story's date."""
    name = WEEKDAYS[(ref.weekday() + 1) % 7]
    text = doc.text
    if name not in text:
        return
    header = set(doc.header)
    for m in re.finditer(r"\b" + name + r"\b(?![\u2019']s)", text):
        index = doc.paragraph_index(m.start())
        if index in header or index == doc.headline_index:
            continue  # a headline or a date line: "Vote set for Wednesday"
        if _AFTER_WEEKDAY.match(text, m.end()):
            continue  # "Wednesday, Dec. 2" is the dates rules'; "Wednesday next week" is ahead
        # The weekday's own clause: "The council, which met on Monday, votes on Wednesday" is not
        # told in the past; "A recount on Tuesday confirmed ..." is, by the verb after it.
        sentence = doc.sentences[doc.sentence_index(m.start())]
        lo = max(sentence.start, m.start() - 90)  # a bounded look back: a long story has many weekdays
        start = max(lo, *(text.rfind(mark, lo, m.start()) + 1 for mark in ",;:(\u2014"))
        before = text[start : m.start()]
        if _NAMED_WEEK.search(before):
            continue  # "last Friday", "expiration Friday", "on Thursday and Friday": another week's
        past = _PAST.search(before) or (text[m.end() : m.end() + 1] == " " and _PAST.match(text, m.end() + 1))
        if past and not _AHEAD.search(before) and not _AHEAD_AFTER.match(text, m.end()):
            yield Hit(
                m.start(),
                m.end(),
                {"found": name, "relative": name, "expected": WEEKDAYS[ref.weekday()], "date": format_date(ref)},
            )


# A sentencing and the day it is told on, in either order, a few words apart: "jailed for 14
# years on Thursday", "Sentencing him yesterday", "was sentenced on 1 December".
_SENTENCING = re.compile(r"(?i)\b(?:sentenc(?:ed|ing)|jail(?:ed|ing)|imprisoned|locked up)\b")
_DAY = re.compile(
    r"\b(?:(?P<relative>[Yy]esterday|[Tt]oday|[Ll]ast night|[Tt]his (?:morning|afternoon))"
    r"|(?:on )?" + _WEEKDAY + r"|on (?=[\dMTWFSJAOND]))"
)
_TO_BE = re.compile(r"(?i)\b(?:will|would|shall|to|due|expected|set|scheduled)(?: \w+)? be\s+$")
_SAME_EVENT_REACH = 45  # characters between the verb and its day


def _day_of(doc, ref: dt.date, start: int, end: int) -> tuple[int, int, dt.date] | None:
    """The first day told between start and end: its span and its date, counted from ref."""
    text = doc.text
    for m in _DAY.finditer(text, start, end):
        if m.group("relative"):
            relative = m.group("relative").lower()
            return m.start(), m.end(), ref + dt.timedelta(days=_OFFSETS[relative.split()[0]])
        if m.group("weekday"):
            if _AFTER_WEEKDAY.match(text, m.end()):
                continue  # "Thursday, Dec. 3": the date says which Thursday
            back = (ref.weekday() - WEEKDAYS.index(m.group("weekday"))) % 7
            return m.start(), m.end(), ref - dt.timedelta(days=back)
        mention = next(find_dates(text, m.end(), min(len(text), m.end() + 30)), None)
        if mention is not None and mention.start == m.end():
            date = _nearest(mention, ref)
            return (m.start(), mention.end, date) if date else None
    return None


def _same_event(doc, ref: dt.date):
    text = doc.text
    header = set(doc.header)
    first = None
    for m in _SENTENCING.finditer(text):
        index = doc.paragraph_index(m.start())
        if index in header or index == doc.headline_index:
            continue
        sentence = doc.sentences[doc.sentence_index(m.start())]
        if _TO_BE.search(text, max(sentence.start, m.start() - 30), m.start()):
            continue  # "will be sentenced on Friday": a hearing still to come
        day = _day_of(doc, ref, m.end(), min(sentence.end, m.end() + _SAME_EVENT_REACH))
        if day is None:
            continue
        start, end, date = day
        if not ref - dt.timedelta(days=7) <= date <= ref:
            continue  # an earlier case ("jailed in March 2019"), or a hearing still to come
        if first is None:
            first = (date, text[m.start() : end])
        elif date != first[0]:
            yield Hit(
                m.start(),
                end,
                {
                    "found": text[m.start() : end],
                    "relative": first[1],
                    "expected": format_date(first[0]),
                    "date": format_date(date),
                },
            )
            return


_CHECKS = {"weekday": _beside, "week": _week, "after": _after, "same-event": _same_event}
# The words each problem needs, looked for in the folded text before any scan.
_NEEDS = {
    "weekday": (
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "last night",
        "this morning",
        "this afternoon",
        "this evening",
    ),
    "week": ("last week", "this week"),
    "after": ("day",),
    "same-event": ("sentenc", "jail", "imprisoned", "locked up"),
}


def check(doc, options: Options):
    folded = doc.folded if doc.folded is not None else doc.text.lower()
    if not any(word in folded for word in _NEEDS[options.problem]):
        return
    found = reference_date(doc, options.archive)
    if found is None:
        return
    ref, dated = found
    if not dated and options.problem in ("after", "same-event"):
        return  # "said on Friday" in an undated draft checked on a Thursday: six days ago, perhaps
    for hit in _CHECKS[options.problem](doc, ref):
        hit.fields["from"] = "the story's date" if dated else "today, as the story carries no date"
        yield hit


PROBLEM_DOCS = {
    "weekday": """
What it does
    Reports "yesterday", "today", "tomorrow" or "last night" set beside a weekday that is not the one it means, counted from the story's date.

Why is this bad
    The reader counts the relative day from the story's date: one of the two days is wrong.

Example
    Thursday 3 December 2026 ... The firm said yesterday, Tuesday, that ...

Use instead
    The firm said on Tuesday that ...
""",
    "week": """
What it does
    Reports "last week, on 1 December" for a date in the story's own week, and "this week on 24 November" for one before it.

Why is this bad
    The week and the date disagree: the reader cannot tell which is right.

Example
    Thursday 3 December 2026 ... The report, published last week on 1 December, ...

Use instead
    The report, published on 1 December, ...
""",
    "after": """
What it does
    Reports an event told in the past tense on the weekday after the story's date (or its dateline's).

Why is this bad
    A story dated Tuesday cannot report what was said on Wednesday: the weekday or the date is wrong.

Example
    BEIRUT, 1 December (Reuters) - Kurdish-led forces said on Wednesday they had detained 43 ...

Use instead
    BEIRUT, 1 December (Reuters) - Kurdish-led forces said on Tuesday they had detained 43 ...
""",
    "same-event": """
What it does
    Reports a sentencing told on two different days in one story, counted from the story's date.

Why is this bad
    A court passes sentence once: one of the two days is wrong.

Example
    Thursday 3 December 2026 ... was jailed for 14 years on Thursday. ... Sentencing him yesterday, the judge said ...

Use instead
    Sentencing him, the judge said ...
""",
}

TYPE = RuleType(
    "relative-date",
    Options,
    check,
    ("found", "relative", "expected", "date", "from"),
    __doc__,
    problems=PROBLEM_DOCS,
)
