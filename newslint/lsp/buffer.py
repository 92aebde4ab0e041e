"""An open document's text in the language server, and the one place that turns character
offsets into LSP positions and back: code units of the negotiated encoding (UTF-16 unless the
client asks otherwise) on lines broken by LSP's own line ends (\\n, \\r\\n, \\r). The server keeps
the text itself rather than pygls' workspace, whose lines are Python's `splitlines()` (which also
breaks at U+2028, form feeds and more) and would drift from the client's on copy pasted from a
CMS."""

from __future__ import annotations

import os
import re
from bisect import bisect_right
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


class TextBuffer:
    """An open document's text, and the conversion between character offsets and LSP positions."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.encoding = encoding
        self._starts: list[int] | None = None

    @property
    def line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in _LINE_END.finditer(self.text)]
        return self._starts

    def _line_end(self, line: int) -> int:
        """Offset where `line`'s text ends (before its line break)."""
        starts = self.line_starts
        if line + 1 >= len(starts):
            return len(self.text)
        end = starts[line + 1] - 1
        return end - 1 if self.text.startswith("\r\n", end - 1) and end - 1 >= starts[line] else end

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a character offset, 0-based, in code units of the encoding."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[line]
        return line, _units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """Character offset of an LSP position; past the end of a line means its end (LSP rule)."""
        starts = self.line_starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        start, end = starts[line], self._line_end(line)
        if self.encoding == "utf-32":
            return min(start + max(character, 0), end)
        units = 0
        for i in range(start, end):
            if units >= character:
                return i
            units += _units(self.text[i], self.encoding)
        return end

    def apply_change(self, change) -> None:
        """Apply one didChange content change: a range and its new text, or the whole text."""
        rng = getattr(change, "range", None)
        if rng is None:
            self.text = change.text
        else:
            start = self.offset(rng.start.line, rng.start.character)
            end = max(self.offset(rng.end.line, rng.end.character), start)
            self.text = self.text[:start] + change.text + self.text[end:]
        self._starts = None


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
