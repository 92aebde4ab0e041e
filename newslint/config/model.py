"""A configuration as data: `Config` is everything a run needs (profile, packs, which rules at
which level with which options, the house vocabulary, what to leave out). Where it comes from is
config/files.py; which rules it runs is config/select.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import LEVELS, PROFILES
from ..packs import Rule, RuleError
from .settings import glob_matches, plain, relative

# Keys of a configuration; `exclude` and `overrides` only at the top level.
SETTINGS = (
    "profile",
    "packs",
    "select",
    "ignore",
    "min_level",
    "rules",
    "vocabulary",
    "report_unused_suppressions",
    "grammar",
    "grammar_server",
    "grammar_timeout",
)
TOP_LEVEL = SETTINGS + ("exclude", "overrides", "audit")  # audit: newslint/audit/command.py reads it


@dataclass(frozen=True)
class Vocabulary:
    """The house's words. `prefer` maps a house form to the spellings it replaces ("Kyiv":
    ("Kiev",)); it feeds the naming rules. `accept` lists words that are right as spelled:
    the surname check passes them, and spelling/grammar rules should too (read
    `config.vocabulary.accept`)."""

    prefer: dict[str, tuple[str, ...]] = field(default_factory=dict)
    accept: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    profile: str = "ap"
    packs: tuple[str, ...] = ()  # extra rule packs: files or folders, after the built-in ones
    select: tuple[str, ...] = ()  # rule ids or categories to run (empty: all)
    ignore: tuple[str, ...] = ()  # rule ids or categories to leave out
    min_level: str = "info"  # report nothing below this level
    grammar: bool = False  # run the grammar pack through LanguageTool (newslint/grammar.py)
    grammar_server: str | None = None  # LanguageTool server URL (None: $NEWSLINT_LANGUAGETOOL_URL, else local)
    grammar_timeout: float = 10.0  # seconds LanguageTool gets for each request
    # Rule id or category -> changes: {"level": "info"}, {"disable": True}, or any field a
    # configuration may set (level, message, quotes, fix, the options of the rule's type);
    # a level alone ("info") or "off" is short for the first two.
    rule_settings: dict[str, dict] = field(default_factory=dict)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    exclude: tuple[str, ...] = ()  # globs of files not to check, relative to `root`
    report_unused_suppressions: bool = False  # report directives that silence nothing
    audit: dict = field(default_factory=dict)  # `newslint audit`'s settings (columns, by, partition_size)
    root: str | None = None  # the folder of the configuration file
    source: str | None = None  # the configuration file, for messages (None: defaults)
    applied: tuple[str, ...] = ()  # the per-path overrides (their globs) applied to this config

    def __hash__(self):  # the dict fields cannot be hashed; equal configs agree on these
        return hash(
            (
                self.profile,
                self.packs,
                self.select,
                self.ignore,
                self.min_level,
                self.source,
                self.applied,
                self.grammar,
                self.grammar_server,
            )
        )

    def __post_init__(self):
        if self.profile not in PROFILES:
            raise RuleError(
                self.source or "profile", None, f"unknown profile {self.profile!r}; choose one of {', '.join(PROFILES)}"
            )
        if self.min_level not in LEVELS:
            raise RuleError(
                self.source or "min-level", None, f"unknown level {self.min_level!r}; choose one of {', '.join(LEVELS)}"
            )

    def rules(self) -> list[Rule]:
        """The rules this configuration runs, with its settings applied (config/select.py)."""
        from .select import rules_for

        return rules_for(self)

    def is_excluded(self, path: str) -> bool:
        """Does an `exclude` glob of the configuration match `path`?"""
        rel = relative(path, self.root)
        return rel is not None and any(glob_matches(rel, glob) for glob in self.exclude)

    def to_dict(self) -> dict[str, Any]:
        """The resolved settings, as `newslint config` prints them."""
        return {
            "configuration": self.source,
            "overrides_applied": list(self.applied),
            "profile": self.profile,
            "packs": list(self.packs),
            "select": list(self.select),
            "ignore": list(self.ignore),
            "min_level": self.min_level,
            "rules": plain(self.rule_settings),
            "vocabulary": {
                "prefer": {k: list(v) for k, v in self.vocabulary.prefer.items()},
                "accept": list(self.vocabulary.accept),
            },
            "exclude": list(self.exclude),
            "report_unused_suppressions": self.report_unused_suppressions,
            "grammar": self.grammar,
            "grammar_server": self.grammar_server,
            "grammar_timeout": self.grammar_timeout,
        }
