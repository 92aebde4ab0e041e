"""For people at a terminal: `path:line:col: level rule message`, then the line, marked."""

from __future__ import annotations

import re
from collections import Counter

from .safe import showable

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
MAX_LINE = 160  # characters of context shown around a long line
# The line ends of Document.line_col (\n, \r\n, lone \r), not str.splitlines(), which also
# breaks at \x0b, \x0c, \x85, \u2028 ... and would show the wrong line for a finding.
_LINE_END = re.compile(r"\r\n?|\n")


def _excerpt(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line down around [start, end)."""
    if len(line) <= MAX_LINE:
        return line, start, end
    left = max(0, min(start - 40, len(line) - MAX_LINE))
    cut = line[left : left + MAX_LINE]
    prefix = "..." if left else ""
    return prefix + cut, start - left + len(prefix), min(end, left + MAX_LINE) - left + len(prefix)


def render(results, stream, *, rules=(), profile: str | None = None, color: bool = False) -> None:
    counts: Counter = Counter()
    fixable = 0
    for result in results:
        lines = None
        for f in result.findings:
            counts[f.severity] += 1
            if lines is None:
                lines = _LINE_END.split(result.source) if getattr(result, "source", None) is not None else []
            level = f"{_COLORS[f.severity]}{f.severity}{_RESET}" if color else f.severity
            rule = f"{_DIM}{showable(f.rule)}{_RESET}" if color else showable(f.rule)
            fixable += f.fix is not None
            mark = " [*]" if f.fix else ""
            stream.write(f"{showable(f.path)}:{f.line}:{f.column}: {level} {rule} {showable(f.message)}{mark}\n")
            if f.line - 1 < len(lines):
                # Cut first, clean after: cleaning a 1 MB line for each of its findings was
                # quadratic (220 s for one such line). Both keep one character for one.
                line = lines[f.line - 1]
                end = f.end_column - 1 if f.end_line == f.line else len(line)
                shown, s, e = _excerpt(line, f.column - 1, max(end, f.column))
                shown = showable(shown.expandtabs(1))
                stream.write(
                    f"    {shown}\n    {' ' * s}{_BOLD if color else ''}{'^' * max(e - s, 1)}{_RESET if color else ''}\n"
                )
    total = sum(counts.values())
    if total:
        parts = ", ".join(f"{counts[k]} {k}" for k in ("error", "warning", "info") if counts[k])
        legend = f"; {fixable} marked [*] can be fixed" if fixable else ""
        stream.write(f"\n{total} finding{'s' if total != 1 else ''} ({parts}){legend}.\n")
