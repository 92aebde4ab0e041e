"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

::warning file=story.md,line=3,col=5,endLine=3,endColumn=12,title=quotes.unclosed::message
"""

from __future__ import annotations

from .safe import showable

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return showable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results, stream, *, rules=(), profile: str | None = None, color: bool = False) -> None:
    for result in results:
        for f in result.findings:
            props = [f"file={_property(f.path)}", f"line={f.line}", f"col={f.column}"]
            if f.end_line > f.line:
                props.append(f"endLine={f.end_line}")
            elif f.end_column > f.column:
                props.append(f"endColumn={f.end_column}")  # GitHub takes endColumn on one line only
            props.append(f"title={_property(f.rule)}")
            stream.write(f"::{_COMMAND[f.severity]} {','.join(props)}::{_data(f.message)}\n")
