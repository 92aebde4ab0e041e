"""What the server checks with: the configurations it was started with, by name, and one Linter
per (configuration, profile, story or paragraph) made on first use and kept.

Everything a request may choose is a name the server knows: a configuration it loaded at start,
a profile, a language. Rule packs, vocabularies and paths come only from the server's own
configuration files, and no file named in a request is ever opened.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..config import Config
from ..linter import Linter, LinterCache
from ..model import PROFILES
from .scope import judges_paragraph

GRAMMAR_TYPE = "languagetool"  # newslint's own LanguageTool rules: the server forwards instead


class RequestError(ValueError):
    """A request the server cannot serve as asked; str() is the one-line message for a 400."""


@dataclass
class Service:
    configs: dict[str, Config]  # name -> configuration; the first is the default
    profile: str | None = None  # pins the profile for /v2/check (else the language decides)
    _linters: LinterCache = field(default_factory=LinterCache, repr=False)  # one Linter per configuration
    _grammar: dict = field(default_factory=dict, repr=False)  # profile -> grammar_settings()
    _chosen: dict = field(default_factory=dict, repr=False)  # linter()'s arguments -> its Linter

    def __post_init__(self):
        if not self.configs:
            raise ValueError("the server needs at least one configuration")

    @property
    def default_config(self) -> str:
        return next(iter(self.configs))

    def config(self, name: str | None, profile: str | None = None) -> Config:
        """The named configuration (None: the default) under `profile` (None: its own)."""
        name = name or self.default_config
        if name not in self.configs:
            raise RequestError(f"no configuration named {name!r}; this server has: {', '.join(self.configs)}")
        if profile is not None and profile not in PROFILES:
            raise RequestError(f"unknown profile {profile!r}; choose one of {', '.join(PROFILES)}")
        config = self.configs[name]
        return config if profile is None or profile == config.profile else replace(config, profile=profile)

    def linter(
        self, name: str | None = None, profile: str | None = None, *, paragraph: bool = False, grammar: bool = True
    ) -> Linter:
        """A Linter for the named configuration. `paragraph`: only the rules that can judge one
        paragraph alone (scope.py). `grammar=False`: without newslint's own LanguageTool rules.
        Kept by its arguments: the configurations are fixed at start, and every request asks."""
        key = (name, profile, paragraph, grammar)
        linter = self._chosen.get(key)
        if linter is None:
            linter = self._chosen[key] = self._make_linter(name, profile, paragraph, grammar)
        return linter

    def _make_linter(self, name: str | None, profile: str | None, paragraph: bool, grammar: bool) -> Linter:
        config = self.config(name, profile)
        if not grammar and config.grammar:
            config = replace(config, grammar=False)
        if paragraph:  # the rules that cannot judge a paragraph alone are left out, as a house would
            story_level = tuple(r.id for r in self._linters.for_config(config).engine.rules if not judges_paragraph(r))
            config = replace(config, ignore=config.ignore + story_level)
        return self._linters.for_config(config)

    def rules(self, name: str | None = None, profile: str | None = None) -> dict:
        """Rule id -> Rule of the configuration (for explanations)."""
        return {r.id: r for r in self.linter(name, profile).engine.rules}

    def grammar_settings(self, profile: str) -> tuple[set[str], set[str]]:
        """LanguageTool rule and category ids the grammar pack turns off because the house
        packs cover them (doubled words, quotation marks, ...): a forwarded request turns them
        off too, so one problem is not reported twice."""
        if profile in self._grammar:
            return self._grammar[profile]
        rules, categories = set(), set()
        self._grammar[profile] = rules, categories
        try:
            chosen = replace(self.config(None, profile), grammar=True).rules()
        except Exception:  # noqa: BLE001 - a pack that cannot load grammar settings: forward as asked
            return rules, categories
        for rule in chosen:
            if rule.type.name == GRAMMAR_TYPE:
                rules.update(getattr(rule.options, "disable_rules", ()) or ())
                categories.update(getattr(rule.options, "disable_categories", ()) or ())
        return rules, categories
