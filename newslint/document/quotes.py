"""Find direct quotations and what is wrong with their marks.

Straight marks have no direction, so each mark is read from its neighbours: a mark after a space
and before a letter opens, one after a letter and before a space or punctuation closes, and the
marks already open decide the rest. A single mark between letters is an apostrophe (don't,
O'Brien), as is one before a decade ('90s), a known elision ('em) or, with no single quotation
open, one after a word (the Joneses'). A single-marked quotation that never closes was an
apostrophe after all: precision before recall.

News style lets a quotation run over several paragraphs: a paragraph that leaves a quotation open
is correct when the next paragraph opens with a quote mark again. Copy that lost its paragraph
breaks (a mark that opens while another is open) and copy split one sentence per line (a
paragraph whose first mark closes what the previous one left open) are read the same way. In
copy known to be split one sentence per line (Document.lines_are_sentences) a quotation may run
over any number of lines, and a mark whose partner would stand on another line is not reported:
the tools that split such copy lose marks at sentence edges.

Two single marks typed for a double one (’’ or '' to close, ‘‘ to open) are read as one double
mark two characters wide. Curly ones are reported once, not as a cascade of single-mark
problems; straight ones are an old convention of ASCII wire copy.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

DOUBLE, SINGLE = "double", "single"
_MARKS = re.compile("[\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb]")
_OPENERS = set(" \t\r\n([{\u2014\u2013-/\u201c\u2018\"'\u00ab")  # a mark after one of these opens
_CLOSERS = set(" \t\r\n)]}\u2014\u2013-/,.;:!?\u201d\u2019\"'\u00bb\u2026")  # one before these closes
# A lone closing double mark after a plural and before a lower-case word: a possessive apostrophe.
_APOSTROPHE_LIKE = re.compile(r"[sS][\"\u201d] [a-z]")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ELISIONS = re.compile(r"(?:em|til|tis|twas|n|cause|cos|bout|round)\b", re.IGNORECASE)
_QUOTE_CHARS = frozenset("\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb")
_DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
# Two single marks standing for a double one, read as the double mark they stand for.
_PAIRED_SINGLES = {"\u2019\u2019": "\u201d", "\u2018\u2018": "\u201c", "''": '"'}
# "the Senate ’s plenary": a possessive apostrophe with a space typed before it.
_SPACED_POSSESSIVE = re.compile(r"(?<=\w)[ \t]['\u2019]s(?![\w'\u2019])")


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation from its opening mark to its closing mark (both included).

    A quotation open at the end of its paragraph (the multi-paragraph convention) ends there
    and has closed=False; one that continues a quotation left open begins at its paragraph."""

    start: int
    end: int
    kind: str  # DOUBLE or SINGLE
    depth: int  # 0 for a quotation, 1 for a quotation inside one
    closed: bool
    paragraph: int


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str  # unclosed, unopened, apostrophe, backwards, space-inside, doubled, two-singles,
    # spaced-apostrophe
    start: int
    end: int
    mark: str


@dataclass(slots=True)
class _Open:
    pos: int
    kind: str
    start: int  # where the span begins (the mark, or the paragraph for a continuation)


class _Stack(list):
    """The open quotations, innermost last, with a count of each kind: asking whether a kind
    is open must not walk the stack, or 10,000 nested marks take quadratic time."""

    def __init__(self, items=()):
        super().__init__(items)
        self.count = Counter(o.kind for o in self)

    def append(self, o: _Open) -> None:
        super().append(o)
        self.count[o.kind] += 1

    def pop(self) -> _Open:
        o = super().pop()
        self.count[o.kind] -= 1
        return o

    def has(self, kind: str) -> bool:
        return self.count[kind] > 0


def _pair_singles(marks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join two like single marks side by side (’’ ‘‘ '') into one mark two characters wide."""
    paired: list[tuple[int, str]] = []
    for pos, mark in marks:
        if paired and paired[-1] == (pos - 1, mark) and mark + mark in _PAIRED_SINGLES:
            paired[-1] = (pos - 1, mark + mark)
        else:
            paired.append((pos, mark))
    return paired


class QuoteScan:
    def __init__(self, text: str, paragraphs: list[tuple[int, int]], *, lines_are_sentences: bool = False):
        self.text = text
        self.lines_are_sentences = lines_are_sentences
        self.quotes: list[Quote] = []
        self.problems: list[Problem] = []
        marks = [(m.start(), m.group()) for m in _MARKS.finditer(text)]
        if "<" in text:  # marks inside HTML pasted into the copy are attribute syntax
            tags = [m.span() for m in _TAG.finditer(text)]
            if tags:
                # A paragraph with several tags is a markup blob (often cut mid-tag): none of
                # its marks are quotation marks.
                starts = [p[0] for p in paragraphs]
                per_paragraph = Counter(bisect_right(starts, t[0]) - 1 for t in tags)
                blobs = [paragraphs[i] for i, n in per_paragraph.items() if n >= 2]
                marks = [(pos, mark) for pos, mark in marks if not _inside(tags, pos) and not _inside(blobs, pos)]
        marks = _pair_singles(marks)
        left_open: list[_Open] = []  # what the previous paragraph left open
        prev_continues = False
        k = 0
        for index, (p_start, p_end) in enumerate(paragraphs):
            while k < len(marks) and marks[k][0] < p_start:
                k += 1
            first = k
            while k < len(marks) and marks[k][0] < p_end:
                k += 1
            left_open = self._paragraph(index, p_start, p_end, marks[first:k], left_open, prev_continues)
            prev_continues = bool(left_open)
        for q in left_open:  # the story ended inside a quotation
            self._unclosed(q)
        self.quotes.sort(key=lambda q: q.start)

    def _unclosed(self, q: _Open, *, across_lines: bool = True) -> None:
        """Report q, left open at a line's end (across_lines) or closed over inside its line."""
        if not (across_lines and self.lines_are_sentences):
            self.problems.append(Problem("unclosed", q.pos, q.pos + 1, self.text[q.pos]))

    def _paragraph(self, index, p_start, p_end, marks, carried, carried_continues) -> list[_Open]:
        text = self.text
        stack = _Stack()
        # A paragraph after one that left a quotation open: if it opens with a mark, the
        # convention holds; if its first mark closes, it continues the quotation.
        first_char = text[p_start:p_end].lstrip()[:1]
        if carried and first_char not in ('"', "\u201c", "\u00ab", "'", "\u2018"):
            if not marks:  # a paragraph with no marks at all: the quotation runs through it
                self._close(_Open(p_start, carried[0].kind, p_start), p_end, index, closed=False)
                return carried
            if self._direction(marks[0][0], marks[0][1], _Stack(carried)) == "close":
                stack = _Stack([_Open(p_start, carried[0].kind, p_start)])
            else:
                for q in carried:
                    self._unclosed(q)
        prev_pos = -2
        opened_in_line = False
        for pos, mark in marks:
            if _SPACED_POSSESSIVE.match(text, pos - 1):
                self.problems.append(Problem("spaced-apostrophe", pos - 1, pos + 1, mark))
                continue
            width = len(mark)
            if width == 2 and mark != "''":  # '' is an old wire convention for " in plain ASCII
                self.problems.append(Problem("two-singles", pos, pos + 2, mark))
            kind = DOUBLE if width == 2 or mark in _DOUBLE_MARKS else SINGLE
            direction = self._direction(pos, mark, stack)
            if direction == "apostrophe":
                continue
            if pos == prev_pos + 1 and text[prev_pos] == mark and kind == DOUBLE:
                self.problems.append(Problem("doubled", prev_pos, pos + 1, mark))
                prev_pos = pos
                continue
            prev_pos = pos
            if direction == "open":
                if mark in "\u201d\u2019":
                    self.problems.append(Problem("backwards", pos, pos + 1, mark))
                if kind == DOUBLE and stack.has(DOUBLE):
                    # Lost paragraph break: the open quotation ran on. Close it quietly.
                    while stack:
                        self._close(stack.pop(), pos, index, closed=False)
                # A space between nested marks (“ ‘) is the typographer's, not a slip.
                if (
                    text[pos + width : pos + width + 1] in (" ", "\t")
                    and text[pos + width + 1 : pos + width + 2] not in _QUOTE_CHARS
                ):
                    self.problems.append(Problem("space-inside", pos, pos + width + 1, mark))
                stack.append(_Open(pos, kind, pos))
                opened_in_line = True
                continue
            # A closing mark: close the innermost quotation of its kind.
            match = None
            if stack.has(kind):  # the walk down to it is paid for by the pops that follow
                match = next(i for i in range(len(stack) - 1, -1, -1) if stack[i].kind == kind)
            if match is None:
                if kind == DOUBLE and index > 0 and carried_continues:
                    continue  # it closes what the previous paragraph left open
                if _APOSTROPHE_LIKE.match(text, pos - 1):
                    # "the rivals" biggest shows": an apostrophe typed (or converted) as a mark
                    self.problems.append(Problem("apostrophe", pos, pos + 1, mark))
                elif not (kind == DOUBLE and self.lines_are_sentences and not opened_in_line):
                    # (in copy split one sentence per line, the opening mark may have been lost
                    # at the edge of an earlier sentence)
                    self.problems.append(Problem("unopened", pos, pos + 1, mark))
                continue
            if mark in "\u201c\u2018":
                self.problems.append(Problem("backwards", pos, pos + 1, mark))
            if text[pos - 1 : pos] in (" ", "\t") and pos - 1 > stack[match].pos and text[pos - 2] not in _QUOTE_CHARS:
                self.problems.append(Problem("space-inside", pos - 1, pos + width, mark))
            while len(stack) > match + 1:  # quotations opened inside and never closed
                inner = stack.pop()
                if inner.kind == SINGLE:
                    continue  # an apostrophe after all
                self._unclosed(inner, across_lines=False)
            opened = stack.pop()
            self._close(opened, pos + width, index, closed=True, depth=len(stack))
        # Open single marks at the end of a paragraph were apostrophes.
        still_open = [o for o in stack if o.kind == DOUBLE]
        for depth, o in enumerate(still_open):
            self._close(o, p_end, index, closed=False, depth=depth)
        return still_open

    def _close(self, o: _Open, end: int, paragraph: int, *, closed: bool, depth: int = 0) -> None:
        self.quotes.append(Quote(o.start, end, o.kind, min(depth, 1), closed, paragraph))

    def _direction(self, pos: int, mark: str, stack) -> str:
        """open, close or apostrophe, from the mark and its neighbours."""
        text = self.text
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + len(mark)] if pos + len(mark) < len(text) else " "
        mark = _PAIRED_SINGLES.get(mark, mark)
        if mark in "\u00ab\u00bb" and before.isspace() and after.isspace():
            return "apostrophe"  # a separator: Home » World
        if mark in "\u201c\u201e\u00ab":
            # A curly opening mark after a letter and before a space was meant to close.
            return "close" if before.isalnum() and after in _CLOSERS else "open"
        if mark == "\u2018":
            return "apostrophe" if before.isalpha() else "open"
        if mark == "\u00bb":
            return "close"
        if mark in "'\u2019":
            if before.isalnum() and after.isalpha():
                return "apostrophe"  # don't, O'Brien, rock'n'roll
            if after.isdigit() and not before.isalnum():
                return "apostrophe"  # '90s
            single_open = stack.has(SINGLE)
            if before.isalnum() or before in ".,!?":
                return "close" if single_open else "apostrophe"  # the Joneses'
            if before in _OPENERS and after.isalpha():
                if _ELISIONS.match(text, pos + 1):
                    return "apostrophe"
                return "open"
            if before in _OPENERS and after in _OPENERS:
                return "close" if single_open else "apostrophe"
            return "close" if single_open else "open"
        # Double marks: the curly closing mark, or a straight mark read from its neighbours.
        opens = before in _OPENERS and after not in " \t\r\n"
        closes = before not in " \t\r\n" and after in _CLOSERS
        double_open = stack.has(DOUBLE)
        if mark == '"' and before.isdigit() and not double_open:
            return "apostrophe"  # an inch or second mark: a 34" screen
        if mark == "\u201d":
            # Used to open: after a space, before a letter, nothing open.
            return "open" if opens and not closes and not double_open else "close"
        if opens and not closes:
            return "open"
        if closes and not opens:
            return "close"
        return "close" if double_open else "open"
