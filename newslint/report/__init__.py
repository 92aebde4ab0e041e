"""Output formats: each module has `render(results, stream, *, rules=(), profile=None, color=False)`.

`rules` are the Rule objects that ran, as configured (house packs, levels): SARIF and HTML
describe each rule from them, never by loading the built-in packs again. `results` may be a
generator (`newslint check` passes one): every format writes a file's findings when it is done,
or spools them, and reads `results` once; `rules` and `profile` may then be functions, called
once the results are read (a streamed run knows which rules ran only at the end)."""

from __future__ import annotations

import importlib

FORMATS = ("text", "json", "sarif", "github", "line", "html")


def render(fmt: str, results, stream, *, rules=(), profile: str | None = None, color: bool = False) -> None:
    """Write the findings of `results` (engine Results) in format `fmt`."""
    importlib.import_module(f"{__name__}.{fmt}").render(results, stream, rules=rules, profile=profile, color=color)
