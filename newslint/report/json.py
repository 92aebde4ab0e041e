"""A JSON array of findings: the contract in docs/architecture.md."""

from __future__ import annotations

import codecs

from .safe import json_array, json_text


def render(results, stream, *, rules=(), profile: str | None = None, color: bool = False) -> None:
    findings = [f.to_dict() for r in results for f in r.findings]
    # Characters as they are, unless the stream cannot carry them all: then JSON's \u escapes.
    encoding = codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    stream.write(json_text(json_array(findings, ensure_ascii=encoding not in ("utf-8", "utf-8-sig"))))
    stream.write("\n")
