"""Output formats: each module has `render(results, stream, *, color=False)`."""

from __future__ import annotations

import importlib

FORMATS = ("text", "json", "sarif", "github", "line", "html")


def render(fmt: str, results, stream, *, color: bool = False) -> None:
    """Write the findings of `results` (a list of engine Results) in format `fmt`."""
    importlib.import_module(f"{__name__}.{fmt}").render(results, stream, color=color)
