"""A JSON array of findings: the contract in DESIGN.md."""

from __future__ import annotations

import json


def render(results, stream, *, color: bool = False) -> None:
    findings = [f.to_dict() for r in results for f in r.findings]
    json.dump(findings, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
