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
    # The same bytes as safe.json_array over the whole list: "[]", or "[\n  item,\n  item\n]",
    # written a file (or a thousand findings) at a time.
    started, lines = False, []
    for result in results:
        for f in result.findings:
            lines.append(json.dumps(f.to_dict(), ensure_ascii=ascii_only))
            if len(lines) == 1000 or f is result.findings[-1]:
                stream.write(("[\n  " if not started else ",\n  ") + json_text(",\n  ".join(lines)))
                started, lines = True, []
    stream.write("\n]\n" if started else "[]\n")
