"""The one path every front end takes: path or text -> Document -> Engine -> Result, with one
cache of Linters per configuration shared by the command line, its worker processes, the
language server and the HTTP service."""

from __future__ import annotations

import threading
from collections.abc import Callable
from time import perf_counter

from .config import Config, clear_config_cache, load_config
from .document import Document
from .engine import Engine, Result
from .model import Finding
from .source import STDIN, iter_files, kind_for, read_source
from .stats import DOCUMENT


class Linter:
    """Rules loaded once for a configuration, then any number of documents."""

    def __init__(self, config: Config | None = None, *, stats=None):
        self.config = config or Config()
        self.stats = stats  # a newslint.stats.RuleStats to time the rules in (--statistics), or None
        self.engine = Engine(
            self.config.rules(),
            self.config.min_level,
            report_unused_suppressions=self.config.report_unused_suppressions,
            stats=stats,
        )

    def lint_text(self, text: str, path: str = "<text>", kind: str | None = None) -> Result:
        if self.stats is not None:
            started = perf_counter()
            doc = Document(text, path, kind or kind_for(path))
            self.stats.add(DOCUMENT, perf_counter() - started)
            return self.engine.lint(doc)
        return self.engine.lint(Document(text, path, kind or kind_for(path)))

    def lint_file(self, path: str) -> Result:
        name = "<stdin>" if path == STDIN else path
        return self.lint_text(read_source(path), name)


class LinterCache:
    """One Linter per configuration. `configure(path)` gives the Config that governs a draft
    (default: `load_config`, which caches per folder and re-reads a changed file); drafts whose
    configurations are equal share a Linter, so rules are loaded once per configuration."""

    def __init__(self, configure: Callable[[str | None], Config] | None = None, *, stats=None):
        self._configure = configure or load_config
        self.stats = stats  # a RuleStats every Linter times its rules in, or None
        self._linters: dict[Config, Linter] = {}
        self._lock = threading.Lock()

    def for_path(self, path: str | None) -> Linter:
        """The Linter for a draft at `path` (None or "-": the current folder's configuration).
        Raises RuleError for a broken configuration."""
        return self.for_config(self._configure(None if path == STDIN else path))

    def for_config(self, config: Config) -> Linter:
        """The Linter for a configuration a front end made itself (the HTTP service's named
        configurations, an audit's)."""
        linter = self._linters.get(config)
        if linter is None:
            with self._lock:  # the HTTP service lints in several threads
                linter = self._linters.get(config)
                if linter is None:
                    linter = self._linters[config] = Linter(config, stats=self.stats)
        return linter

    def clear(self) -> None:
        """Forget every configuration and Linter (a configuration file was created or deleted)."""
        clear_config_cache()
        self._linters.clear()


def lint_text(
    text: str, *, path: str = "<text>", kind: str | None = None, config: Config | None = None
) -> list[Finding]:
    return Linter(config).lint_text(text, path, kind).findings


def lint_paths(paths, *, config: Config | None = None) -> list[Finding]:
    linter = Linter(config)
    return [f for path in iter_files(paths) for f in linter.lint_file(path).findings]
