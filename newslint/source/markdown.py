"""Markdown -> the plain text the checks read, with a map back to source offsets.

Checks see one paragraph per line of `Extracted.text`. Markdown loses its markup, and the soft
line breaks inside a paragraph become spaces. Every character of the text maps to a character of
the source.
"""

from __future__ import annotations

import re

from .offsets import Extracted, OffsetMap

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
    r"!\[[^\[\]\n]*\]"
    + _URL  # image
    + r"|\[(?P<link>[^\[\]\n]+)\]"
    + _URL  # link: keep the text
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
            if (
                fence
                or in_comment
                or _FENCE.match(body)
                or body.lstrip().startswith("<!--")
                or not body.strip()
                or _RULE.match(body)
            ):
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


def extract_markdown(source: str) -> Extracted:
    return _Markdown(source).run()
