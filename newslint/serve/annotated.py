"""LanguageTool's annotated text (the `data` field of /v2/check) -> the text to check, and the
way back to offsets over the whole annotation.

    {"annotation": [{"text": "A "}, {"markup": "<b>"}, {"text": "test"}, {"markup": "</b>"},
                    {"markup": "<p>", "interpretAs": "\\n\\n"}]}

Text parts are checked; markup is skipped, or read as its `interpretAs` text (a paragraph break,
say). Offsets in the answer count over the whole annotation, text and markup alike, as
LanguageTool counts them: that is how the browser add-on and LTeX find the span in their own
document. A finding that begins or ends inside an `interpretAs` stretch takes in the whole markup.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from ..source.offsets import OffsetMap

MAX_PARTS = 200_000  # a request within the size limit never needs more


class AnnotationError(ValueError):
    """`data` that is not LanguageTool's annotated text; str() says what is wrong, for a 400."""


@dataclass
class Annotated:
    text: str  # what the rules read: text parts, and markup as its interpretAs
    whole: str  # every part, markup included: the string the answer's offsets count over
    map: OffsetMap  # text offsets -> whole offsets
    markup: list[tuple[int, int]]  # spans of markup in `whole`, where no fix may write

    def to_whole(self, offset: int, *, is_end: bool = False) -> int:
        where = self.map.to_source(offset, is_end=is_end)
        i = bisect_right(self._markup_starts, where) - 1  # the markup that may hold `where`
        if i >= 0 and self.markup[i][0] < where < self.markup[i][1]:
            return self.markup[i][1] if is_end else self.markup[i][0]
        return where

    @cached_property
    def _markup_starts(self) -> list[int]:
        return [s for s, _ in self.markup]

    def touches_markup(self, start: int, end: int) -> bool:
        """Does the span [start, end) of `whole` hold or cut into markup (a fix there would
        rewrite the document's formatting)?"""
        if start == end:  # an insertion: only strictly inside markup
            i = bisect_right(self._markup_starts, start - 1) - 1
            return i >= 0 and self.markup[i][0] < start < self.markup[i][1]
        i = bisect_right(self._markup_starts, end - 1) - 1  # the last markup that begins before `end`
        return i >= 0 and self.markup[i][1] > start


def parse(data: str) -> Annotated:
    try:
        value = json.loads(data)
    except (ValueError, RecursionError) as e:
        raise AnnotationError(f"'data' is not JSON: {e}") from None
    parts = value.get("annotation") if isinstance(value, dict) else None
    if not isinstance(parts, list):
        raise AnnotationError("'data' must be a JSON object with an 'annotation' list")
    if len(parts) > MAX_PARTS:
        raise AnnotationError(f"'data' has more than {MAX_PARTS:,} parts")
    text, whole, markup = [], [], []
    offset_map = OffsetMap()
    text_len = whole_len = 0
    for number, part in enumerate(parts, 1):
        if not isinstance(part, dict) or ("text" in part) == ("markup" in part):
            raise AnnotationError(f"'data': part {number} must be an object with either 'text' or 'markup'")
        if "text" in part:
            piece = part["text"]
            if not isinstance(piece, str):
                raise AnnotationError(f"'data': part {number}: 'text' must be a string")
            if piece:
                offset_map.add(text_len, whole_len, len(piece))
            text.append(piece)
            whole.append(piece)
            text_len += len(piece)
            whole_len += len(piece)
            continue
        piece, meaning = part["markup"], part.get("interpretAs", "")
        if not isinstance(piece, str) or not isinstance(meaning, str):
            raise AnnotationError(f"'data': part {number}: 'markup' and 'interpretAs' must be strings")
        if meaning:
            offset_map.add(text_len, whole_len, len(meaning), len(piece))
        markup.append((whole_len, whole_len + len(piece)))
        text.append(meaning)
        whole.append(piece)
        text_len += len(meaning)
        whole_len += len(piece)
    if not offset_map.pieces:
        offset_map.add(0, whole_len, 0)  # nothing to check: every offset is the end
    return Annotated("".join(text), "".join(whole), offset_map, markup)
