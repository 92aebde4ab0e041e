"""Source formats -> the plain text the checks read, with a map back to source offsets.

Checks see one paragraph per line of `Extracted.text`. Plain text is used as it is (the map is
the identity); Markdown loses its markup, and the soft line breaks inside a paragraph become
spaces. Every character of the text maps to a character of the source, computed once here, so
no position is ever found again by searching for a match's text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .suppress import blank_directives, directive_spans

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass
class OffsetMap:
    """Pieces of text copied from the source: (text_start, source_start, length)."""

    pieces: list[tuple[int, int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)
    # Where a piece's end lands in the source, when that is not start + length: a decoded HTML
    # entity is one character of text for several of source ("&amp;").
    _source_ends: dict[int, int] = field(default_factory=dict, repr=False)

    def add(self, text_start: int, source_start: int, length: int, source_length: int | None = None) -> None:
        if source_length is not None and source_length != length:
            self._source_ends[len(self.pieces)] = source_start + source_length
        self.pieces.append((text_start, source_start, length))
        self._starts.append(text_start)

    def to_source(self, offset: int, *, is_end: bool = False) -> int:
        if not self.pieces:
            return offset
        # An end offset that falls on a piece boundary belongs to the piece before it.
        i = bisect_right(self._starts, offset - 1 if is_end and offset > 0 else offset) - 1
        i = max(i, 0)
        text_start, source_start, length = self.pieces[i]
        step = min(max(offset - text_start, 0), length)
        if step == length and i in self._source_ends:
            return self._source_ends[i]
        return source_start + step

    def _source_end(self, i: int) -> int:
        return self._source_ends.get(i, self.pieces[i][1] + self.pieces[i][2])

    def covers(self, source_start: int, source_end: int, text_start: int) -> bool:
        """Is source[source_start:source_end] nothing but copy, i.e. covered without a gap by
        the pieces from the one holding text offset `text_start` on? A gap is markup the
        extraction skipped: a tag, a comment, an emphasis marker, a list or quote prefix."""
        i = max(bisect_right(self._starts, text_start) - 1, 0)
        covered = source_start
        while covered < source_end and i < len(self.pieces):
            piece_start = self.pieces[i][1]
            if piece_start > covered:
                return False
            covered = max(covered, self._source_end(i))
            i += 1
        return covered >= source_end


@dataclass
class Extracted:
    text: str
    map: OffsetMap | None  # None: text is the source itself
    headline: tuple[int, int] | None = None  # span in text, where the format names it
    # Source spans of suppression directives: blanked to spaces in `text`, still markup.
    directives: list[tuple[int, int]] = field(default_factory=list)

    def to_source(self, offset: int, *, is_end: bool = False) -> int:
        return offset if self.map is None else self.map.to_source(offset, is_end=is_end)

    def only_copy(self, source_start: int, source_end: int, text_start: int) -> bool:
        """May an edit replace source[source_start:source_end] (the image of text from
        `text_start` on)? Only if that holds nothing but copy: every fix goes through here
        (Engine.finding), so no rule can delete a tag, a comment or a directive the copy hid.
        An insertion (start == end) may not land inside a directive."""
        reach = max(source_end, source_start + 1)
        i = max(bisect_right(self.directives, (source_start, reach)) - 1, 0)
        while i < len(self.directives) and self.directives[i][0] < reach:
            if source_start < self.directives[i][1]:
                return False
            i += 1
        if self.map is None or source_end <= source_start:
            return True
        return self.map.covers(source_start, source_end, text_start)


def kind_for(path: str) -> str:
    lowered = path.lower()
    if lowered.endswith(HTML_SUFFIXES):
        return "html"
    return "markdown" if lowered.endswith(MARKDOWN_SUFFIXES) else "text"


class MarkupError(ValueError):
    """A source its reader could not parse; str() names the format and the reader's complaint.
    Document turns it into the front ends' one-line InputError with the file's name."""


def extract(source: str, kind: str = "text") -> Extracted:
    # Suppression directives become spaces: no rule reads them, and offsets stay the source's.
    directives = directive_spans(source)
    source = blank_directives(source)
    if kind in ("markdown", "html"):
        try:
            if kind == "markdown":
                extracted = _Markdown(source).run()
            else:
                from .htmltext import extract_html

                extracted = extract_html(source)
        except RecursionError:
            raise MarkupError(f"cannot read as {kind.upper()}: nested too deeply") from None
        except Exception as e:  # a reader's (the standard library's) assertion is no user's traceback
            raise MarkupError(f"cannot read as {kind.upper() if kind == 'html' else 'Markdown'}: "
                              f"{e.__class__.__name__}: {e}") from None
    else:
        extracted = Extracted(source, None)  # map None: offsets into text are offsets into the source
    extracted.directives = directives
    return extracted


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# The heading's text and the title's value are trimmed in Python (_content_end): a lazy group
# before "[ \t]*$" backtracks through a long run of spaces once per space, in quadratic time.
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*)$")
_CONTAINER = re.compile(r"^(?: {0,3}>[ \t]?| {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+)+")
_FRONT_TITLE = re.compile(r"^(?:title|headline)[ \t]*:[ \t]*(.*)$")
# Inline markup: images and HTML are dropped, links keep their text, markers are dropped.
# No part may scan past the next opener of its own kind ("[", "(", "<", "<!--"): a line of a
# million "[" would otherwise be scanned once per "[", in quadratic time. A URL may hold one
# level of parentheses (Wikipedia's "Foo_(bar)").
_URL = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_INLINE = re.compile(
    r"!\[[^\[\]\n]*\]" + _URL  # image
    + r"|\[(?P<link>[^\[\]\n]+)\]" + _URL  # link: keep the text
    + r"|<!--(?:(?!<!--).)*?-->|</?[A-Za-z][^<>\n]*>"  # inline HTML and comments
    r"|\*\*|__|`+"
    r"|(?<![\w*])[*_](?=[^\s*_])|(?<=[^\s*_])[*_](?![\w*])"  # single emphasis markers
)


def _heading_end(line: str, start: int) -> int:
    """Where the text of a heading that begins at `start` ends: before a closing run of #."""
    text = line[start:].rstrip(" \t")
    without = text.rstrip("#")
    if without != text and without[-1:] in (" ", "\t"):
        text = without.rstrip(" \t")
    return start + len(text)


def _title_span(line: str, start: int) -> tuple[int, int]:
    """The value of a front-matter title that begins at `start`, without its quotes."""
    value = line[start:].rstrip(" \t")
    if len(value) >= 2 and value[0] in "'\"" and value[-1] == value[0]:
        return start + 1, start + len(value) - 1
    return start, start + len(value)


def _continues_paragraph(line: str) -> bool:
    return bool(line.strip()) and not (
        _FENCE.match(line) or _RULE.match(line) or _HEADING.match(line) or line.lstrip().startswith("<!--")
    )


class _Markdown:
    def __init__(self, source: str):
        self.source = source
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.length = 0
        self.headline: tuple[int, int] | None = None
        self.open_paragraph = False  # the last piece is a soft line break

    def emit(self, source_start: int, text: str, source_length: int | None = None) -> None:
        if text:
            self.map.add(self.length, source_start, len(text) if source_length is None else source_length)
            self.parts.append(text)
            self.length += len(text)

    def end_paragraph(self) -> None:
        """Turn the space that stands for the last soft line break into a paragraph break."""
        if self.open_paragraph:
            self.parts[-1] = "\n"
            self.open_paragraph = False

    def emit_inline(self, start: int, end: int) -> None:
        """Copy source[start:end] without inline markup."""
        pos = start
        for m in _INLINE.finditer(self.source, start, end):
            self.emit(pos, self.source[pos : m.start()])
            if m.group("link") is not None:
                self.emit(m.start("link"), m.group("link"))
            pos = m.end()
        self.emit(pos, self.source[pos:end])

    def run(self) -> Extracted:
        src = self.source
        lines = [(m.start(), m.group(1), m.group(2)) for m in re.finditer(r"([^\n]*)(\n?)", src) if m.group(0)]
        i, fence, in_comment = 0, "", False
        if lines and lines[0][1].rstrip() == "---":
            i = self.front_matter(lines)
        for start, line, newline in lines[i:]:
            nl = start + len(line)
            body = line.rstrip("\r")
            if fence or in_comment or not _continues_paragraph(body):
                self.end_paragraph()
            if fence or in_comment or _FENCE.match(body) or body.lstrip().startswith("<!--") or not body.strip() or _RULE.match(body):
                # Code, comments, blank lines and rules carry no copy: keep only the line break.
                if fence:
                    fence = "" if body.strip().startswith(fence) else fence
                elif in_comment:
                    in_comment = "-->" not in body
                elif _FENCE.match(body):
                    fence = _FENCE.match(body).group(1)
                elif body.lstrip().startswith("<!--"):
                    in_comment = "-->" not in body
                self.emit(nl, "\n", len(newline))
                continue
            heading = _HEADING.match(body)
            if heading:
                text_start = self.length
                self.emit_inline(start + heading.start(2), start + _heading_end(body, heading.start(2)))
                if self.headline is None and len(heading.group(1)) == 1:
                    self.headline = (text_start, self.length)
                self.emit(nl, "\n", len(newline))
                continue
            container = _CONTAINER.match(body)
            if container and re.search(r"[-*+\d]", container.group(0)):
                self.end_paragraph()  # a list item starts a new paragraph
            self.emit_inline(start + (container.end() if container else 0), start + len(body))
            # A soft line break inside a paragraph reads as a space.
            self.emit(start + len(body), " " if newline else "", len(line) - len(body) + len(newline))
            self.open_paragraph = bool(newline)
        self.end_paragraph()
        return Extracted("".join(self.parts), self.map, self.headline)

    def front_matter(self, lines: list[tuple[int, str, str]]) -> int:
        for j in range(1, len(lines)):
            start, line, _ = lines[j]
            body = line.rstrip("\r")
            if body.rstrip() in ("---", "..."):
                self.emit(start + len(line), "\n", len(lines[j][2]))
                return j + 1
            m = _FRONT_TITLE.match(body)
            title_start, title_end = _title_span(body, m.start(1)) if m else (0, 0)
            if m and self.headline is None and title_end > title_start:
                text_start = self.length
                self.emit_inline(start + title_start, start + title_end)
                self.headline = (text_start, self.length)
                self.emit(start + len(line), "\n", 1)
        # No closing marker: it was not front matter after all.
        self.parts.clear()
        self.map = OffsetMap()
        self.length = 0
        self.headline = None
        return 0
