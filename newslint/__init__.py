"""newslint: an editorial quality-check linter for news copy.

>>> from newslint import lint_text
>>> [f.rule for f in lint_text("The the minister said so.")]
['repetition.doubled-word']
"""

from __future__ import annotations

from .config import Config
from .model import Edit, Finding
from .version import __version__

__all__ = ["Config", "Edit", "Finding", "lint_text", "lint_paths", "__version__"]


def lint_text(
    text: str, *, path: str = "<text>", kind: str | None = None, config: Config | None = None
) -> list[Finding]:
    """Lint one story given as text. `kind` is 'text' or 'markdown' (default: from the path)."""
    from .linter import lint_text as run

    return run(text, path=path, kind=kind, config=config)


def lint_paths(paths, *, config: Config | None = None) -> list[Finding]:
    """Lint files and folders; raises newslint.model.InputError for a file that cannot be read."""
    from .linter import lint_paths as run

    return run(paths, config=config)
