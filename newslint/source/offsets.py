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


@dataclass
class Extracted:
    text: str
    map: OffsetMap | None  # None: text is the source itself
    headline: tuple[int, int] | None = None  # span in text, where the format names it

    def to_source(self, offset: int, *, is_end: bool = False) -> int:
        return offset if self.map is None else self.map.to_source(offset, is_end=is_end)
