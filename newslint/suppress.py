"""Suppressions: apply the directives of a draft (source/directives.py, where their syntax is
described) to its findings, and report the ones that silenced nothing."""

from __future__ import annotations

from bisect import bisect_left

from .model import CATEGORIES, Finding
from .source.directives import Directive, is_directive, parse

UNUSED_RULE = "newslint.unused-suppression"


def _names(finding: Finding) -> tuple[str, str]:
    return finding.rule, finding.category


def _matching(directive: Directive, finding: Finding) -> str | None:
    """The name in `directive` that covers `finding` ("*" for all), or None."""
    if not directive.rules:
        return "*"
    return next((n for n in directive.rules if n in _names(finding)), None)


def apply(
    source: str,
    findings: list[Finding],
    *,
    report_unused: bool = False,
    path: str = "<text>",
    line_col=None,
    active: set[str] | None = None,
) -> list[Finding]:
    """The findings no directive in `source` silences, plus (with report_unused) a finding for
    each directive, or rule named in one, that silenced nothing. `active` holds the ids and
    categories of the rules that ran: a name of a rule left out of this run (--select) is not
    reported as unused, but a name that is no rule at all is."""
    directives = parse(source)
    if not directives:
        return findings
    index = _Index(directives, source.split("\n"))
    kept = []
    for finding in findings:
        if finding.rule == UNUSED_RULE or not index.silenced(finding):
            kept.append(finding)
    if report_unused:
        kept.extend(_unused(directives, path, line_col, active))
    return kept


class _Index:
    """The directives, arranged so that each finding is judged in logarithmic time: comparing
    every finding with every directive took 6.8 s for 4,000 of each (docs/reliability.md)."""

    def __init__(self, directives: list[Directive], lines: list[str]):
        # Regions: for each name (a rule id or category, or "*" for directives naming no rule),
        # the start offsets and positions of the region directives that speak about it.
        self.directives = directives
        self.by_name: dict[str, tuple[list[int], list[int]]] = {}
        for i, d in enumerate(directives):
            if d.command == "disable-next-line":
                continue
            for name in d.rules or ("*",):
                starts, positions = self.by_name.setdefault(name, ([], []))
                starts.append(d.start)
                positions.append(i)
        # Next-line directives, by the line they silence.
        self.next_line: dict[int, list[Directive]] = {}
        if any(d.command == "disable-next-line" for d in directives):
            following = _next_text_lines(lines)
            for d in directives:
                if d.command == "disable-next-line":
                    self.next_line.setdefault(following[d.line - 1], []).append(d)

    def _last_before(self, name: str, offset: int) -> int:
        starts, positions = self.by_name.get(name, ((), ()))
        at = bisect_left(starts, offset)
        return positions[at - 1] if at else -1

    def silenced(self, finding: Finding) -> bool:
        silenced = False
        # Regions: the last directive before the finding that speaks about its rule decides.
        last = max(self._last_before(name, finding.start) for name in ("*", *_names(finding)))
        if last >= 0 and self.directives[last].command == "disable":
            region = self.directives[last]
            region.used.add(_matching(region, finding))
            silenced = True
        for d in self.next_line.get(finding.line, ()):
            name = _matching(d, finding)
            if name:
                d.used.add(name)
                silenced = True
        return silenced


def _next_text_lines(lines: list[str]) -> list[int]:
    """For each line (0-based), the 1-based number of the first line after it with text on it
    (a directive alone on a line is not text), or the line after it when none follows."""
    following = [0] * len(lines)
    found = None
    for number in range(len(lines), 0, -1):  # number: 1-based line
        following[number - 1] = found if found is not None else number + 1
        line = lines[number - 1].strip()
        if line and not is_directive(line):
            found = number
    return following


def _unused(directives: list[Directive], path: str, line_col, active: set[str] | None) -> list[Finding]:
    def counts(name: str) -> bool:
        category = name.split(".", 1)[0]
        return active is None or name in active or category in active or category not in CATEGORIES

    found = []
    for d in directives:
        if d.command == "enable":
            continue
        unused = [n for n in d.rules if n not in d.used and counts(n)] if d.rules else ([] if d.used else ["*"])
        if not unused:
            continue
        what = "every rule" if unused == ["*"] else ", ".join(repr(n) for n in unused)
        line, column = line_col(d.start) if line_col else (d.line, 1)
        end_line, end_column = line_col(d.end) if line_col else (d.line, 1)
        found.append(
            Finding(
                path=path,
                rule=UNUSED_RULE,
                category="newslint",
                severity="warning",
                message=f"This {d.command} directive for {what} silences nothing; remove it.",
                start=d.start,
                end=d.end,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
            )
        )
    return found
