"""Code points <-> UTF-16 code units: LanguageTool (Java) and LSP clients count positions in UTF-16,
Python in code points. Characters outside the BMP (emoji) take two units."""

from __future__ import annotations

from bisect import bisect_left


def astral_indexes(text: str) -> list[int]:
    """Code point indexes of the characters outside the BMP, which UTF-16 stores as two units."""
    return [] if text.isascii() else [i for i, c in enumerate(text) if ord(c) > 0xFFFF]


def to_utf16(index: int, astral: list[int]) -> int:
    """Code point index -> UTF-16 code units."""
    return index + bisect_left(astral, index)


def from_utf16(units: int, astral: list[int]) -> int:
    """UTF-16 code units -> code point index (the middle of a pair rounds down)."""
    index = units
    for position in astral:
        if position >= index:
            break
        index -= 1
    return index
