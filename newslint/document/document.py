"""A story, read once: headline, paragraphs, sentences, quotations and story dates.

Every span is a pair of character offsets into `Document.text` (the copy without markup);
`to_source` and `line_col` turn them into positions in the original source. Analyses that
several checks share are computed on first use and live and die with the Document, so nothing
leaks from one story into the next.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from typing import NamedTuple

from ..model import InputError
from ..source import MarkupError, extract
from .dates import DateMention, find_dates
from .quotes import Quote, QuoteScan
from .words import TITLES

# After "U.S." these begin a new sentence; any other capital continues it ("U.S. Army").
_SENTENCE_STARTERS = frozenset(
    "The He She It They We I But In A An This That There His Her Their Its Our Meanwhile However".split()
)
TOKEN_WINDOW = 60  # characters looked at before a full stop to find the word it ends
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?$")
# A run of stops not after another stop: the stop comes first, so the scan skips to each one.
_SENTENCE_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"[^\r\n]+")  # a lone \r (old Mac files) ends a line too
# One " | " is a headline with its site's name ("Storm hits coast | Daily Star"); a breadcrumb
# takes two, or a » or >. A menu laid out with wide gaps ("Menu   Search   Subscribe") is no
# headline either.
_BREADCRUMB = re.compile(
    r"\s[\u00bb\u203a>]\s|\s[|/]\s.*\s[|/]\s|^\s*(?:Home|Main|News)\s*[\u00bb\u203a>|/]|\S[ \t]{3,}\S.*\S[ \t]{3,}\S"
)
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_SMALL_LETTERS = re.compile(r"[a-z]")
_AS_ASCII = {0x130: "i", 0x17F: "s"}  # see Document.folded
# What a date line may hold besides its date.
_DATE_LINE_EXTRA = re.compile(
    r"(?i)\b(?:updated|published|posted|last|modified|on|at|am|pm|gmt|bst|[ecmp][sd]?t|utc)\b"
    r"|\d{1,2}[:.]\d\d|[\s,.:|\-\u2013\u2014()]"
)
_LINE_END = re.compile(r"\r\n?|\n")
_NEXT_WORD = re.compile(r"\s+[\"'\u201c\u2018(\[]?(\w+)")


_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"  # what opens a quotation of its own


class Span(NamedTuple):
    start: int
    end: int


class Document:
    def __init__(self, source: str, path: str = "<text>", kind: str = "text"):
        self.source = source
        self.path = path
        self.kind = kind
        try:
            extracted = extract(source, kind)
        except MarkupError as e:
            raise InputError(f"{path}: {e}") from None
        self._extracted = extracted
        self.text = text = extracted.text
        self.paragraphs: list[Span] = []
        for m in _PARAGRAPH.finditer(text):
            start, end = m.span()
            stripped = m.group().strip()
            if stripped:
                lead = len(m.group()) - len(m.group().lstrip())
                self.paragraphs.append(Span(start + lead, start + lead + len(stripped)))
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self._date_paragraphs: dict[int, bool] = {}  # see is_date_paragraph
        self._shouting: list[bool | None] = [None] * len(self.paragraphs)  # see is_shouting
        self._headline_like: dict[int, bool] = {}  # see is_headline_like
        self.headline_index = self._find_headline(extracted.headline)
        # Shared analyses of the checks, keyed by the function that made them (see memo).
        self.cache: dict = {}

    @cached_property
    def folded(self) -> str | None:
        """The text in lower case for literal tests (a rule's prefilter, the shared word lists),
        every offset kept. A case-blind pattern matches "s" to a long s, which lower() leaves,
        and "i" to a dotted capital I, which lower() lengthens: both are made ASCII first. None
        where lower() would still move offsets (no such letter is known; the tests then pass)."""
        text = self.text
        if "\u0130" in text or "\u017f" in text:
            text = text.translate(_AS_ASCII)
        folded = text.lower()
        return folded if len(folded) == len(text) else None

    # -- positions ---------------------------------------------------------------------------
    def to_source(self, offset: int, *, is_end: bool = False) -> int:
        return self._extracted.to_source(offset, is_end=is_end)

    @cached_property
    def _line_starts(self) -> list[int]:
        # Lines end at \n, \r\n or a lone \r, as in editors and the Language Server Protocol;
        # \x0b, \x0c, \u2028 and the like are characters within a line (docs/reliability.md).
        return [0] + [m.end() for m in _LINE_END.finditer(self.source)]

    def only_copy(self, source_start: int, source_end: int, text_start: int) -> bool:
        """Does source[source_start:source_end] hold only copy (no tag, comment, directive)?"""
        return self._extracted.only_copy(source_start, source_end, text_start)

    def line_col(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset into the source."""
        line = bisect_right(self._line_starts, source_offset) - 1
        return line + 1, source_offset - self._line_starts[line] + 1

    def paragraph_index(self, offset: int) -> int:
        return max(bisect_right(self._paragraph_starts, offset) - 1, 0)

    def span_text(self, span: tuple[int, int]) -> str:
        return self.text[span[0] : span[1]]

    def memo(self, make):
        """make(doc), computed once per Document: analyses that several checks share."""
        if make not in self.cache:
            self.cache[make] = make(self)
        return self.cache[make]

    # -- structure ---------------------------------------------------------------------------
    @property
    def headline(self) -> Span | None:
        return None if self.headline_index is None else self.paragraphs[self.headline_index]

    @cached_property
    def body(self) -> list[int]:
        """Indexes of the paragraphs after the headline."""
        first = 0 if self.headline_index is None else self.headline_index + 1
        return list(range(first, len(self.paragraphs)))

    def is_shouting(self, index: int) -> bool:
        """An all-capitals paragraph (a wire headline, a label): case tells nothing there."""
        # Asked by many rules for every paragraph, so each answer is kept (see _shouting).
        shouting = self._shouting[index]
        if shouting is None:
            start, end = self.paragraphs[index]
            head = self.text[start : min(end, start + 200)]
            # Most paragraphs are prose: a fifth of the head in small ASCII letters settles it
            # without looking at each letter (capitals must be more than four in five letters).
            if len(_SMALL_LETTERS.findall(head)) >= 0.2 * len(head):
                shouting = False
            else:
                letters = "".join(filter(str.isalpha, head))
                shouting = len(letters) >= 4 and sum(map(str.isupper, letters)) > 0.8 * len(letters)
            self._shouting[index] = shouting
        return shouting

    def is_headline_like(self, index: int) -> bool:
        """A line written as a headline (a related-links list, a subhead, a standfirst): short,
        in title or sentence case, with no closing stop."""
        # Asked for each quotation and short reference in a paragraph, so each answer is kept,
        # and worked out without copying the paragraph or counting past 25 words: a 250,000-
        # character paragraph of prose took 3.5 s, now 0.13 s (docs/reliability.md).
        known = self._headline_like.get(index)
        if known is None:
            start, end = self.paragraphs[index]
            last = end
            while last > start and self.text[last - 1] in "\"'\u201d\u2019":  # a pull quote: 'Jewels after Jewels'
                last -= 1
            known = last > start and self.text[last - 1] not in ".!?:;," and _at_most_words(self.text, start, end, 25)
            self._headline_like[index] = known
        return known

    def _find_headline(self, hint: tuple[int, int] | None) -> int | None:
        if hint is not None:
            return self.paragraph_index(hint[0]) if self.paragraphs else None
        if self.kind == "markdown" or len(self.paragraphs) < 2:
            return None  # a single paragraph is a snippet, not a story with a headline
        # Plain text: the first line, passing over page furniture above it: a date line, a
        # breadcrumb, or a one- or two-word label ("Latest news") when a headline-like line
        # (one that does not end as a sentence does) follows.
        candidates = [
            index
            for index, (start, end) in enumerate(self.paragraphs[:6])
            if not (_BREADCRUMB.search(self.text, start, end) or self.is_date_paragraph(index))
        ]
        if not candidates:
            return 0
        first = candidates[0]
        start, end = self.paragraphs[first]
        if len(_WORD.findall(self.text, start, end)) <= 2 and len(candidates) > 1:
            next_end = self.paragraphs[candidates[1]].end
            if self.text[next_end - 1] not in ".!?\"\u201d\u2019'":
                return candidates[1]
        return first

    @cached_property
    def lines_are_sentences(self) -> bool:
        """Plain text split one sentence per line (machine-translation and NLP corpora, some
        exports): six or more body lines, no blank line between them, and hardly a line with
        two sentences. Such text has lost its paragraphs, and the tools that split it drop or
        move quotation marks at sentence edges, so quotation marks pair only within a line."""
        body = self.body
        if self.kind != "text" or len(body) < 6:
            return False
        first, last = self.paragraphs[body[0]].start, self.paragraphs[body[-1]].end
        if len(_LINE_END.findall(self.text, first, last)) != len(body) - 1:
            return False  # a blank line (or a line of spaces) between paragraphs
        sentence_index = self.sentence_index
        two = sum(sentence_index(end - 1) != sentence_index(start) for start, end in (self.paragraphs[i] for i in body))
        return two <= 0.05 * len(body)

    @cached_property
    def sentences(self) -> list[Span]:
        text = self.text
        sentences = []
        for p_start, p_end in self.paragraphs:
            start = p_start
            for m in _SENTENCE_END.finditer(text, p_start, p_end):
                if ends_sentence(text, p_start, m.start(), m.end()):
                    sentences.append(Span(start, m.end()))
                    start = m.end()
                    while start < p_end and text[start].isspace():
                        start += 1
            if start < p_end:
                sentences.append(Span(start, p_end))
        return sentences

    def sentence_index(self, offset: int) -> int:
        return max(bisect_right(self._sentence_starts, offset) - 1, 0)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    # -- quotations --------------------------------------------------------------------------
    @cached_property
    def quote_scan(self) -> QuoteScan:
        return QuoteScan(self.text, self.paragraphs, lines_are_sentences=self.lines_are_sentences)

    @property
    def quotes(self) -> list[Quote]:
        return self.quote_scan.quotes

    @cached_property
    def _quote_index(self) -> tuple[list[int], list[int]]:
        # Outermost quotations only, as sorted, disjoint (start, end) lists for bisect. A quotation
        # that never closes (reported as unclosed) covers its own sentence only: taking it to the
        # end of the paragraph would hide from every rule that skips quotations the copy after it.
        unclosed = {p.start for p in self.quote_scan.problems if p.kind == "unclosed"}
        starts, ends = [], []
        cut = False  # the quotation before was cut short: its continuation is no quotation either
        for q in self.quotes:
            if q.depth == 0 and (not ends or q.start >= ends[-1]):
                end = q.end
                if not q.closed and self.text[q.start] not in _MARKS and (cut or starts):
                    # A paragraph that carries a quotation on opens with a mark; one that does not
                    # follows a quotation left open (or closed with the wrong mark): it is copy.
                    continue
                cut = not q.closed and q.start in unclosed
                if cut:
                    end = min(end, max(self.sentences[self.sentence_index(q.start)][1], q.start + 1))
                starts.append(q.start)
                ends.append(end)
        return starts, ends

    def in_quote(self, start: int, end: int) -> bool:
        """Does [start, end) overlap the words of a direct quotation?"""
        starts, ends = self._quote_index
        i = bisect_right(starts, max(end - 1, start)) - 1
        return i >= 0 and start < ends[i] and end > starts[i]

    def in_scope(self, start: int, end: int, quotes: str) -> bool:
        """Scope of a rule: 'any' text, 'skip' direct quotation, or 'only' inside it."""
        if quotes == "any":
            return True
        return self.in_quote(start, end) == (quotes == "only")

    # -- dates -------------------------------------------------------------------------------
    @cached_property
    def header(self) -> list[int]:
        """Paragraphs above the story proper: furniture, headline, date lines, bylines."""
        indexes = []
        for index, (start, end) in enumerate(self.paragraphs):
            above_headline = self.headline_index is not None and index <= self.headline_index
            # A short line, or a line of page furniture: no more than 15 words and no stop at
            # its end ("We use cookies ... | Cookie settings"), which a story's first line has.
            if not (
                above_headline
                or self.is_date_paragraph(index)
                or _at_most_words(self.text, start, end, 5)
                or _at_most_words(self.text, start, end, 15)
                and not _ENDS_SENTENCE.search(self.text, start, end)
            ):
                break
            indexes.append(index)
        return indexes

    def is_date_paragraph(self, index: int) -> bool:
        """is_date_line() of a paragraph, worked out once: the headline, header and story dates ask."""
        known = self._date_paragraphs.get(index)
        if known is None:
            start, end = self.paragraphs[index]
            known = self._date_paragraphs[index] = is_date_line(self.text[start:end])
        return known

    @cached_property
    def story_dates(self) -> list[DateMention]:
        """Full dates standing on lines of their own above the story."""
        found = []
        for index in self.header:
            start, end = self.paragraphs[index]
            if self.is_date_paragraph(index):
                found.extend(d for d in find_dates(self.text, start, end) if d.year)
        return found

    @cached_property
    def story_year(self) -> int | None:
        return self.story_dates[0].year if self.story_dates else None


_ENDS_SENTENCE = re.compile(r"[.!?:;,][\"'\u201d\u2019)]*\s*$")


def _at_most_words(text: str, start: int, end: int, most: int) -> bool:
    """Does text[start:end] hold `most` words or fewer? Stops counting at most + 1."""
    for count, _ in enumerate(_WORD.finditer(text, start, end), 1):
        if count > most:
            return False
    return True


def is_date_line(line: str) -> bool:
    """A line that is only a date (with weekday, time or 'Updated' around it)."""
    if len(line) > 200 or not _DIGIT.search(line):
        return False  # date lines are short and hold a day of the month; the date search is slow
    rest = line
    for d in find_dates(line):
        rest = rest.replace(line[d.start : d.end], " ")
    if rest == line:
        return False
    # The rest must be nothing but these, one after another from its start (what removing them
    # all with re.sub tests, but a line of prose fails at its first other word, not at its end).
    pos = 0
    while pos < len(rest):
        extra = _DATE_LINE_EXTRA.match(rest, pos)
        if extra is None:
            return False
        pos = extra.end()
    return True


def ends_sentence(text: str, paragraph_start: int, mark: int, after: int) -> bool:
    """Does the full stop (or ! ?) at `mark`, before the next word at `after`, end a sentence?"""
    if text[mark] != ".":
        return True
    # The word before the stop; no abbreviation is longer than TOKEN_WINDOW, and looking no
    # further keeps a paragraph of tab- or no-break-space-separated sentences linear.
    window = max(paragraph_start, mark - TOKEN_WINDOW)
    token_start = max(text.rfind(" ", window, mark), window - 1) + 1
    token = text[token_start:mark].lstrip("(\"'\u201c\u2018")
    word = token.rstrip(".").lower()
    if word in TITLES or (len(token) == 1 and token.isupper()):
        return False  # Mr. Smith, Gen. Lee, Sept. 8, John F. Kennedy
    if _INITIALS.match(token + ".") and "." in token:
        # U.S. officials, the U.S. The ...: a new sentence only before a common first word.
        next_word = _NEXT_WORD.match(text, after)
        return bool(next_word) and next_word.group(1) in _SENTENCE_STARTERS
    return True
