"""One line per finding, `path:line:col: severity: message [rule]`, for vim's errorformat and
Emacs' compilation mode (which reads 'warning:' and 'info:' as the finding's type). Columns count
characters, 1-based, as in every newslint format."""

from __future__ import annotations

from .safe import showable


def render(results, stream, *, rules=(), profile: str | None = None, color: bool = False) -> None:
    for result in results:
        for f in result.findings:
            message = " ".join(f.message.split())  # one line, whatever the rule's template held
            stream.write(
                f"{showable(f.path)}:{f.line}:{f.column}: {f.severity}: {showable(message)} [{showable(f.rule)}]\n"
            )
