"""Fixes as a whole: which findings' edits can be applied together, and what a fix does in words.

A finding's fix is a tuple of Edits in character offsets into the source. Fixes of different
findings may touch the same text (two rules on one span); applying both would garble it, so
`compatible_edits` keeps the first fix (in source order) and leaves out any that overlaps it.
"""

from __future__ import annotations

from .finding import Edit, Finding


def compatible_edits(findings, *, safe_only: bool = True) -> list[Edit]:
    """The edits of every (safe) fix that can be applied together, sorted by offset."""
    chosen: list[Edit] = []
    taken: list[tuple[int, int]] = []  # source spans already edited
    for finding in sorted(findings, key=lambda f: f.sort_key):
        if not finding.fix or (safe_only and not finding.fix_safe):
            continue
        if any(_overlaps(e, taken) for e in finding.fix):
            continue
        chosen.extend(finding.fix)
        taken.extend((e.start, e.end) for e in finding.fix)
    return sorted(chosen, key=lambda e: (e.start, e.end))


def _overlaps(edit: Edit, taken: list[tuple[int, int]]) -> bool:
    # Spans that share a character conflict, and so do two insertions at one point (their
    # order would be a guess); an insertion just before or after a replaced span does not.
    return any(edit.start < end and start < edit.end or edit.start == edit.end == start == end
               for start, end in taken)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits (as from compatible_edits) to `text`."""
    out, last = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[last:e.start])
        out.append(e.replacement)
        last = e.end
    out.append(text[last:])
    return "".join(out)


def describe_fix(source: str | None, finding: Finding) -> str:
    """A short phrase for a fix: "replace ' ,' with ','", "delete 'the '", "insert ','"."""
    if not finding.fix:
        return ""
    if len(finding.fix) > 1 or source is None:
        return f"apply {len(finding.fix)} edits" if len(finding.fix) > 1 else "apply the fix"
    edit = finding.fix[0]
    old = _short(source[edit.start : edit.end])
    new = _short(edit.replacement)
    if edit.start == edit.end:
        return f"insert '{new}'"
    if not edit.replacement:
        return f"delete '{old}'"
    return f"replace '{old}' with '{new}'"


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", "\u21b5")
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
