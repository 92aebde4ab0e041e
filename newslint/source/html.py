"""HTML (a CMS export, a saved article page) -> the copy, with a map back to source offsets.

Copy is the text of the article markup: inside <article> when the page has one, else the whole
<body>. Script, style, nav, header, footer, aside, form and the like carry no copy and are
skipped (but an article's own <header>, with its headline, is copy). Block elements (p, div, h1-h6, li, blockquote, br, ...) end a paragraph, and line
breaks inside a paragraph read as spaces. Entities are decoded, and a decoded character maps to
the whole entity in the source, so a finding on "&amp;" marks all five characters. The first
<h1> is the headline, or <title> when the page has no <h1>. Uses only the standard library.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .offsets import Extracted, OffsetMap

SKIP = frozenset(
    "script style nav header footer aside noscript template svg form button select "
    "iframe object canvas menu dialog".split()
)
BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote section article main br hr header "
    "table tr td th thead tbody tfoot caption figure figcaption pre address details "
    "summary body html head title".split()
)
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def extract_html(source: str) -> Extracted:
    return _HTMLText(source).run()


class _HTMLText(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        lowered = source.lower()
        # Only the article is copy when the page marks one; the <title> only when no <h1> is
        # there to give the headline (else the title would read as a repeated headline).
        self.article_only = re.search(r"<article[\s>]", lowered) is not None
        self.use_title = re.search(r"<h1[\s>]", lowered) is None
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.length = 0
        self.skip_stack: list[str] = []  # open elements whose content is not copy
        self.article_depth = 0
        self.in_title = self.in_head = False
        self.headline: tuple[int, int] | None = None
        self.headline_start: int | None = None  # text offset where the headline element began

    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    # -- output --------------------------------------------------------------------------------
    def copying(self) -> bool:
        if self.skip_stack:
            return False
        if self.in_title:
            return self.use_title
        if self.in_head:
            return False
        return not self.article_only or self.article_depth > 0 or self.headline_start is not None

    def emit(self, source_start: int, text: str, source_length: int | None = None) -> None:
        if text:
            self.map.add(self.length, source_start, len(text), source_length)
            self.parts.append(text)
            self.length += len(text)

    def paragraph_break(self, source_start: int) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.map.add(self.length, source_start, 0)
            self.parts.append("\n")
            self.length += 1

    # -- parser callbacks ----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        # An article's own <header> holds its headline and byline: copy. The page's is not.
        skipped = tag in SKIP and not (tag == "header" and self.article_depth)
        if self.skip_stack or skipped:
            if skipped and tag not in VOID:
                self.skip_stack.append(tag)
            return
        if tag == "head":
            self.in_head = True
        elif tag == "title":
            self.in_title = True
        elif tag == "article":
            self.article_depth += 1
        if tag in BLOCK:
            self.paragraph_break(self.here())
        if tag == "h1" and self.headline is None and not self.skip_stack:
            self.headline_start = self.length
        elif tag == "title" and self.use_title and self.headline is None:
            self.headline_start = self.length

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCK:
            self.paragraph_break(self.here())

    def handle_endtag(self, tag: str) -> None:
        if self.skip_stack:
            if tag == self.skip_stack[-1]:
                self.skip_stack.pop()
            elif tag in self.skip_stack:  # an element left open inside the skipped one
                del self.skip_stack[self.skip_stack.index(tag) :]
            return
        if tag in ("h1", "title") and self.headline_start is not None:
            if self.length > self.headline_start:
                self.headline = (self.headline_start, self.length)
            self.headline_start = None
        if tag == "head":
            self.in_head = False
        elif tag == "title":
            self.in_title = False
        elif tag == "article":
            self.article_depth = max(self.article_depth - 1, 0)
        if tag in BLOCK:
            self.paragraph_break(self.here())

    def handle_data(self, data: str) -> None:
        if self.copying():
            # Line breaks in the markup are spaces in the copy: one character for one.
            self.emit(self.here(), re.sub(r"[\r\n\t\f]", " ", data))

    def _entity(self) -> None:
        if not self.copying():
            return
        start = self.here()
        m = _ENTITY.match(self.source, start)
        if m:
            self.emit(start, html.unescape(m.group()), len(m.group()))

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """`<![CDATA[`, `<![if ...]>` and the like; any other marked section (`<![img x]>`),
        which the standard library rejects with an AssertionError, is skipped to the next ">"
        as browsers skip it (a bogus comment)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1

    def run(self) -> Extracted:
        self.feed(self.source)
        self.close()
        return Extracted("".join(self.parts), self.map, self.headline)
