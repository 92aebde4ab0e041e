"""A JSON array of findings: the contract in DESIGN.md."""

from __future__ import annotations

import json


def render(results, stream, *, color: bool = False) -> None:
    findings = [f.to_dict() for r in results for f in r.findings]
    # Characters as they are, unless the stream cannot carry them all: then JSON's \u escapes.
    utf = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")
    json.dump(findings, stream, ensure_ascii=not utf, indent=2)
    stream.write("\n")
