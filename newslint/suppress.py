"""Suppressions: apply the directives of a draft (source/directives.py, where their syntax is
described) to its findings, and report the ones that silenced nothing."""

from __future__ import annotations

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


def apply(source: str, findings: list[Finding], *, report_unused: bool = False,
          path: str = "<text>", line_col=None, active: set[str] | None = None) -> list[Finding]:
    """The findings no directive in `source` silences, plus (with report_unused) a finding for
    each directive, or rule named in one, that silenced nothing. `active` holds the ids and
    categories of the rules that ran: a name of a rule left out of this run (--select) is not
    reported as unused, but a name that is no rule at all is."""
    directives = parse(source)
    if not directives:
        return findings
    lines = source.split("\n")
    kept = []
    for finding in findings:
        if finding.rule == UNUSED_RULE or not _silenced(directives, finding, lines):
            kept.append(finding)
    if report_unused:
        kept.extend(_unused(directives, path, line_col, active))
    return kept


def _silenced(directives: list[Directive], finding: Finding, lines: list[str]) -> bool:
    silenced = False
    # Regions: the last directive before the finding that speaks about its rule decides.
    region: Directive | None = None
    region_name = None
    for d in directives:
        if d.start >= finding.start:
            break
        if d.command == "disable-next-line":
            continue
        name = _matching(d, finding)
        if d.command == "enable" and (not d.rules or name):
            region, region_name = None, None
        elif d.command == "disable" and name:
            region, region_name = d, name
    if region is not None:
        region.used.add(region_name)
        silenced = True
    for d in directives:
        if d.command == "disable-next-line" and _next_text_line(lines, d.line) == finding.line:
            name = _matching(d, finding)
            if name:
                d.used.add(name)
                silenced = True
    return silenced


def _next_text_line(lines: list[str], line: int) -> int:
    """The 1-based number of the first line after `line` with text on it."""
    for number in range(line + 1, len(lines) + 1):
        if lines[number - 1].strip() and not is_directive(lines[number - 1].strip()):
            return number
    return line + 1


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
        found.append(Finding(path=path, rule=UNUSED_RULE, category="newslint", severity="warning",
                             message=f"This {d.command} directive for {what} silences nothing; remove it.",
                             start=d.start, end=d.end, line=line, column=column, end_line=end_line,
                             end_column=end_column))
    return found
