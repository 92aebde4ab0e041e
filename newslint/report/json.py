"""A JSON array of findings: the contract in DESIGN.md."""

from __future__ import annotations

import json


def render(results, stream, *, color: bool = False) -> None:
    findings = [f.to_dict() for r in results for f in r.findings]
    # One write: json.dump would call stream.write for every token, a million times for an archive.
    stream.write(json.dumps(findings, ensure_ascii=False, indent=2) + "\n")
