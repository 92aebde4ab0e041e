"""A JSON array of findings: the contract in docs/architecture.md.

Written as the results come (one finding a line), so a run over thousands of files holds one
file's findings at a time, never the whole array."""

from __future__ import annotations

import codecs
import json

from .safe import json_text


def render(results, stream, *, rules=(), profile: str | None = None, color: bool = False) -> None:
    # Characters as they are, unless the stream cannot carry them all: then JSON's \u escapes.
    encoding = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    ascii_only = encoding not in ("utf-8", "utf-8-sig")
    # The same bytes as safe.json_array over the whole list: "[]", or "[\n  item,\n  item\n]".
    separator = "[\n  "
    for result in results:
        for f in result.findings:
            stream.write(separator + json_text(json.dumps(f.to_dict(), ensure_ascii=ascii_only)))
            separator = ",\n  "
    stream.write("[]\n" if separator == "[\n  " else "\n]\n")
