"""An open document's text in the language server, and the one place that turns character
offsets into LSP positions and back: code units of the negotiated encoding (UTF-16 unless the
client asks otherwise) on lines broken by LSP's own line ends (\\n, \\r\\n, \\r). The server keeps
the text itself rather than pygls' workspace, whose lines are Python's `splitlines()` (which also
breaks at U+2028, form feeds and more) and would drift from the client's on copy pasted from a
CMS."""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from urllib.parse import unquote, urlparse

from ..source import kind_for

MARKDOWN_LANGUAGES = ("markdown", "gfm", "mdx", "rmd", "quarto", "vimwiki")
_LINE_END = re.compile(r"\r\n|\r|\n")


def _units(text: str, encoding: str) -> int:
    """Length of `text` in code units of an LSP position encoding."""
    if encoding == "utf-16":
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text)  # utf-32: one unit per character


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 code units each


class TextBuffer:
    """An open document's text, and the conversion between character offsets and LSP positions.

    Typing must not cost in proportion to the document or the line (a 5 MB story with one long
    line took 3 s a keystroke): the buffer keeps where lines start and where the characters
    outside the BMP are, and an edit updates both around the change only. A position is then a
    bisection and a count, an offset a walk over the line's astral characters (almost always none)."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.encoding = encoding
        self._starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []

    @property
    def line_starts(self) -> list[int]:
        return self._starts

    def _line_end(self, line: int) -> int:
        """Offset where `line`'s text ends (before its line break)."""
        starts = self._starts
        if line + 1 >= len(starts):
            return len(self.text)
        end = starts[line + 1] - 1
        return end - 1 if self.text.startswith("\r\n", end - 1) and end - 1 >= starts[line] else end

    def _units(self, start: int, offset: int) -> int:
        """Code units of the encoding in text[start:offset]."""
        if self.encoding == "utf-16":
            return offset - start + bisect_left(self._astral, offset) - bisect_left(self._astral, start)
        if self.encoding == "utf-8":
            return _units(self.text[start:offset], "utf-8")
        return offset - start

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a character offset, 0-based, in code units of the encoding."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        return line, self._units(self._starts[line], offset)

    def offset(self, line: int, character: int) -> int:
        """Character offset of an LSP position; past the end of a line means its end (LSP rule)."""
        starts = self._starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        start, end = starts[line], self._line_end(line)
        character = max(character, 0)
        if self.encoding == "utf-32":
            return min(start + character, end)
        if self.encoding == "utf-8":
            units = 0
            for i in range(start, end):
                if units >= character:
                    return i
                units += _units(self.text[i], self.encoding)
            return end
        position, left = start, character  # UTF-16: one unit a character but the astral ones
        for index in range(bisect_left(self._astral, start), len(self._astral)):
            astral = self._astral[index]
            if astral >= end or left <= astral - position:
                break
            left -= astral - position + 2
            position = astral + 1
            if left <= 0:  # inside the surrogate pair: after the character
                return position
        return min(position + left, end)

    def apply_change(self, change) -> None:
        """Apply one didChange content change: a range and its new text, or the whole text."""
        rng = getattr(change, "range", None)
        if rng is None:
            self.__init__(change.text, self.encoding)
            return
        start = self.offset(rng.start.line, rng.start.character)
        end = max(self.offset(rng.end.line, rng.end.character), start)
        self.replace(start, end, change.text)

    def replace(self, start: int, end: int, new: str) -> None:
        """text[start:end] = new, with line starts and astral characters updated around it."""
        text = self.text[:start] + new + self.text[end:]
        delta = len(new) - (end - start)
        # A line start is where a line break ends. Breaks ending before `start` cannot change;
        # those ending within two characters of the change may (a "\r" meeting a "\n"): they
        # are found again in the new text; those further on move by `delta`.
        starts = self._starts
        keep = max(1, bisect_left(starts, start))  # line 0 always starts at 0
        last = start + len(new) + 2
        found = [
            m.end() for m in _LINE_END.finditer(text, max(start - 1, 0), min(len(text), last + 1)) if m.end() <= last
        ]
        after = bisect_left(starts, end + 3)
        self._starts = starts[:keep] + found + [s + delta for s in starts[after:]]
        astral = self._astral
        if astral or not new.isascii():
            low, high = bisect_left(astral, start), bisect_left(astral, end)
            self._astral = (
                astral[:low] + [start + m.start() for m in _ASTRAL.finditer(new)] + [a + delta for a in astral[high:]]
            )
        self.text = text


def uri_to_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and re.match(r"/[A-Za-z]:", path):
        path = path[1:]
    return path


def document_kind(language_id: str | None, path: str | None) -> str:
    if language_id and language_id.lower() in MARKDOWN_LANGUAGES:
        return "markdown"
    return kind_for(path or "")
