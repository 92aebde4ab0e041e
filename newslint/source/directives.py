"""Suppression directives: comments in a draft that silence rules for a region or the next line.

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

_DIRECTIVE = re.compile(
    r"<!--[ \t]*newslint-(?P<c1>disable-next-line|disable|enable)(?![\w-])(?P<r1>(?:(?!-->)[^\n])*?)[ \t]*-->"
    r"|\[newslint:[ \t]*(?P<c2>disable-next-line|disable|enable)(?![\w-])(?P<r2>[^\]\n]*)\]"
)
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
    line, counted = 1, 0  # the line number, counted on from the last directive (not from 0 each time)
    for m in _DIRECTIVE.finditer(source):
        line += source.count("\n", counted, m.start())
        counted = m.start()
        command = m.group("c1") or m.group("c2")
        names = (m.group("r1") if m.group("c1") else m.group("r2")) or ""
        names = names.split(" -- ", 1)[0].replace(",", " ")
        if names.strip().startswith("--"):
            names = ""
        rules = tuple(n for n in _NAME.findall(names))
        directives.append(Directive(command, rules, m.start(), m.end(), line))
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


def is_directive(text: str) -> bool:
    """Is `text` (a stripped line) a directive and nothing else?"""
    return _DIRECTIVE.fullmatch(text) is not None
