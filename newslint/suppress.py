"""Suppressions: comments in a draft that silence rules for a region or for the next line.

Two spellings, one meaning; each names rule ids or categories (comma- or space-separated) or
none, meaning every rule, and may end with ` -- a reason`:

    <!-- newslint-disable quotes.single-marks -- the headline style of the opinion desk -->
    <!-- newslint-enable quotes.single-marks -->
    <!-- newslint-disable-next-line naming -->

    [newslint: disable quotes.single-marks]
    [newslint: enable]
    [newslint: disable-next-line naming]

The comment form is for Markdown and HTML. The bracket form is for plain text and for copy that
goes through a CMS: rich-text editors strip or escape HTML comments, and `{# ... #}` or
`{{ ... }}` are template syntax that a CMS's template engine would eat or choke on, while a
bracketed note is how newsrooms already mark copy for the desk ("[TK]", "[CHECK SPELLING]") --
the CMS keeps it as text, and editors already look for bracketed notes before publishing.
Directives are removed from the copy the rules read (`blank_directives`), so they are never
taken for a headline or a paragraph.

"next line" is the next line with text on it: plain-text drafts put blank lines between
paragraphs. A region runs to the matching enable directive, or to the end of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .finding import Finding

UNUSED_RULE = "newslint.unused-suppression"
_DIRECTIVE = re.compile(
    r"<!--[ \t]*newslint-(?P<c1>disable-next-line|disable|enable)(?![\w-])(?P<r1>(?:(?!-->)[^\n])*?)[ \t]*-->"
    r"|\[newslint:[ \t]*(?P<c2>disable-next-line|disable|enable)(?![\w-])(?P<r2>[^\]\n]*)\]")
_NAME = re.compile(r"[\w.-]+")


@dataclass
class Directive:
    command: str  # disable, enable or disable-next-line
    rules: tuple[str, ...]  # rule ids or categories; () means all
    start: int  # source offsets of the directive itself
    end: int
    line: int
    used: set = field(default_factory=set)  # the names (or "*") that silenced something


def parse(source: str) -> list[Directive]:
    directives = []
    for m in _DIRECTIVE.finditer(source):
        command = m.group("c1") or m.group("c2")
        names = (m.group("r1") if m.group("c1") else m.group("r2")) or ""
        names = names.split(" -- ", 1)[0].replace(",", " ")
        if names.strip().startswith("--"):
            names = ""
        rules = tuple(n for n in _NAME.findall(names))
        directives.append(Directive(command, rules, m.start(), m.end(), source.count("\n", 0, m.start()) + 1))
    return directives


def blank_directives(source: str) -> str:
    """The source with each directive replaced by spaces: same length, same line breaks, so
    offsets into it are offsets into the source."""
    if "newslint" not in source:
        return source
    return _DIRECTIVE.sub(lambda m: " " * len(m.group()), source)


def directive_spans(source: str) -> list[tuple[int, int]]:
    """(start, end) source offsets of each directive, in order: markup a fix must not touch."""
    if "newslint" not in source:
        return []
    return [m.span() for m in _DIRECTIVE.finditer(source)]


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
        if lines[number - 1].strip() and not _DIRECTIVE.fullmatch(lines[number - 1].strip()):
            return number
    return line + 1


def _unused(directives: list[Directive], path: str, line_col, active: set[str] | None) -> list[Finding]:
    from .rulefile import CATEGORIES  # here: rulefile -> checks -> document -> markup -> suppress

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
