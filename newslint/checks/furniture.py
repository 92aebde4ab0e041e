"""furniture: runs of lines a scraper took from the page around the story.

What it does
    Reports page furniture that is a run of lines, not one line, as one finding spanning it:
    `menu` (three or more lines in a row, blank lines aside, each a label of a few words in
    title case with no closing stop: a navigation menu or section list; or three or more such
    labels on one line, between bars, bullets or wide gaps: "Menu   Search   Subscribe"), `list` (a heading
    such as "Related Topics", "Most read" or "More on this story" and the short link lines
    under it) and `repeated-byline` (a byline or time stamp line that appears a second time,
    usually at the foot of the story, or the byline's name alone on a later line). The fix
    deletes the lines.

    A run is not a menu when it is a list the story introduces (the line before ends with a
    colon), a bulleted list, fixtures ("Arsenal v Stoke") or lines with figures (a venue, date and
    kick-off block, a ranking, a price list), nor when it holds the headline.

Why is this bad
    Furniture is not copy: menus, related-links lists and repeated bylines reach print, feeds
    and readers' screens as nonsense.

Example
    Related Topics
    Harbour festival
    Local music

Use instead
    Delete the lines.

Options
    problem           menu, list or repeated-byline
    headings          (list) regular expressions, each matched against a whole line ignoring
                      case, for the headings of link lists
    min_lines         (menu) fewest labels in a run (default 3)
    max_label_words   (menu) most words in a label (default 5)
    max_item_words    (list) most words in a link line under a heading (default 15)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Edit, Hit
from .base import OptionError, RuleType, alternation, compile_pattern, timed

PROBLEMS = ("menu", "list", "repeated-byline")
_WORD = re.compile(r"[\w\u2019'.&+-]+")
_SMALL = frozenset("and & of the to for in on a an at by with or".split())
_BULLET = re.compile(r"[-*\u2022\u00b7\u2013\u2014>]\s")
_FIXTURE = re.compile(r"\s(?:v|vs\.?)\s")
_STOP = ".!?:;,\"'\u201d\u2019"
_DIGIT = re.compile(r"\d")
# Between the labels of a menu on one line: a bar, a bullet, or a gap of two spaces or a tab.
_MENU_GAP = re.compile(r"[ \t]*[|\u2022\u00b7][ \t]*|[ \t]{2,}|\t")
_BAR = re.compile(r"[|\u2022\u00b7]")
_WIDE_GAP = re.compile(r"\S(?:[ \t]{2,}|\t)\S")
_NUMBERED = re.compile(r"\d{1,2}[.)]\s+\S")
_BYLINE = re.compile(
    r"(?i)(?:by|posted by|written by)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\b|"
    r"(?:posted|published|updated|last (?:updated|modified))\b.*\d"
)

# Where a byline's name ends and what a page adds to it begins: "By Kim Tran | Dec. 3, 2026"
_BYLINE_END = re.compile(r"\s*[|\u2022\u00b7,]\s*|\s+[-\u2013\u2014]\s+")


@dataclass
class Options:
    problem: str
    headings: Any = None
    min_lines: int = 3
    max_label_words: int = 5
    max_item_words: int = 15
    heading_pattern: Any = field(init=False, repr=False, default=None)

    def __post_init__(self):
        if self.problem not in PROBLEMS:
            raise OptionError("problem", f"must be one of {', '.join(PROBLEMS)}")
        if self.problem == "list":
            if not self.headings:
                raise OptionError("headings", "a list rule needs the headings of its lists")
            self.heading_pattern = compile_pattern(
                "headings", rf"[\s#*_\[]*(?:{alternation('headings', self.headings)})[\s*_\]:]*", ignore_case=True
            )


def _is_label(line: str, max_words: int) -> bool:
    """A menu label: a few words, each capitalised (small words aside), no closing stop."""
    if not line or line[-1] in _STOP or _BULLET.match(line) or _FIXTURE.search(line) or _DIGIT.search(line):
        return False  # figures: a venue, date and kick-off block, a ranking, a price list
    words = _WORD.findall(line)
    if not words or len(words) > max_words:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL for w in words)


def _is_item(line: str, max_words: int) -> bool:
    """A link under a list heading: a headline-like line or a numbered one."""
    if len(_WORD.findall(line)) > max_words:
        return False
    return line[-1] not in ".!;," or bool(_NUMBERED.match(line))


def _deletion(doc, first: int, last: int) -> Hit:
    start, end = doc.paragraphs[first].start, doc.paragraphs[last].end
    found = doc.text[start:end].split("\n", 1)[0]
    lines = last - first + 1
    # The fix takes the lines and the blank lines after them, up to the next paragraph.
    upto = doc.paragraphs[last + 1].start if last + 1 < len(doc.paragraphs) else len(doc.text)
    return Hit(
        start, end, {"found": found + (f" (and {lines - 1} more lines)" if lines > 1 else "")}, (Edit(start, upto, ""),)
    )


def _is_menu_line(line: str, min_labels: int) -> bool:
    """A menu laid out on one line: "Menu   Search   Subscribe", "Home | News | Sport | Opinion":
    `min_labels` or more labels of one to three words between bars, bullets or wide gaps."""
    if len(line) > 160 or not _MENU_GAP.search(line) or _BYLINE.match(line):
        return False  # "By Kim Tran | Staff Writer | The Herald" is a byline
    labels = _MENU_GAP.split(line.strip())
    return len(labels) >= min_labels and all(_is_label(label, 3) for label in labels)


def _in_table(doc, index: int) -> bool:
    """Is the line part of a table ("INDEX    CLOSE    CHANGE" over rows of figures)? A table
    sets out more than one line in columns: a line near it is laid out with wide gaps too, or a
    row of figures follows it. A menu on one line stands alone."""
    line = doc.span_text(doc.paragraphs[index])
    spaced = not _BAR.search(line)  # "Menu   Search   Subscribe": columns, or a menu?
    for near in range(max(0, index - 3), min(len(doc.paragraphs), index + 4)):
        if near == index:
            continue
        row = doc.span_text(doc.paragraphs[near]).strip()
        if spaced and _WIDE_GAP.search(row):
            return True
        if near == index + 1 and _DIGIT.search(row) and _MENU_GAP.search(row):
            return True
    return False


def _menus(doc, options: Options):
    text = doc.text
    run: list[int] = []
    for index in [*range(len(doc.paragraphs)), None]:
        start, end = doc.paragraphs[index] if index is not None else (0, 0)
        ours = index is not None and index != doc.headline_index
        one_line = ours and _is_menu_line(text[start:end], options.min_lines)
        if ours and not one_line and _is_label(text[start:end], options.max_label_words):
            run.append(index)
            continue
        if len(run) >= options.min_lines:
            before = doc.paragraphs[run[0] - 1] if run[0] > 0 else None
            if before is None or text[before.end - 1] != ":":  # "The winners were:" opens a list
                yield _deletion(doc, run[0], run[-1])
        run = []
        if one_line and not _in_table(doc, index):
            yield _deletion(doc, index, index)


def _lists(doc, options: Options):
    text = doc.text
    paragraphs = doc.paragraphs
    index = 0
    while index < len(paragraphs):
        start, end = paragraphs[index]
        if index != doc.headline_index and timed(options.heading_pattern.fullmatch, text, start, end):
            last = index
            while (
                last + 1 < len(paragraphs)
                and _is_item(text[slice(*paragraphs[last + 1])], options.max_item_words)
                and not timed(options.heading_pattern.fullmatch, text, *paragraphs[last + 1])
            ):
                last += 1
            yield _deletion(doc, index, last)
            index = last + 1
            continue
        index += 1


def _repeated_bylines(doc, options: Options):
    text = doc.text
    seen: set[str] = set()
    names: set[str] = set()  # the bylines' names: "Kim Tran" alone on a later line is the byline again
    for index, (start, end) in enumerate(doc.paragraphs):
        line = text[start:end]
        if len(line) > 120:
            continue
        key = " ".join(line.split()).casefold()
        if not _BYLINE.match(line):
            if key in names:
                yield _deletion(doc, index, index)
            continue
        # "By Kim Tran" at the top and "By Kim Tran | Dec. 3, 2026" at the foot: one byline
        name = _BYLINE_END.split(key, 1)[0] if key.startswith("by ") else key
        if key in seen or name in seen:
            yield _deletion(doc, index, index)
        seen.update((key, name))
        if name.startswith("by ") and " " in name[3:]:
            names.add(name[3:])


_CHECKS = {"menu": _menus, "list": _lists, "repeated-byline": _repeated_bylines}


def check(doc, options: Options):
    yield from _CHECKS[options.problem](doc, options)


TYPE = RuleType("furniture", Options, check, ("found",), __doc__, fix="unsafe")
