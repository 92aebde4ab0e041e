"""Copy taken out of a source format, with a map from each character back to the source.

Computed once, when the copy is extracted, so no position is ever found again by searching for a
match's text (the largest class of bugs in Vale).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


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
