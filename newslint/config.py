"""Settings of one run: profile, packs, which rules, which levels."""

from __future__ import annotations

from dataclasses import dataclass

from .finding import LEVELS
from .rulefile import PROFILES, Rule, RuleError, load_rules


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

    def __post_init__(self):
        if self.profile not in PROFILES:
            raise RuleError("profile", None, f"unknown profile {self.profile!r}; choose one of {', '.join(PROFILES)}")
        if self.min_level not in LEVELS:
            raise RuleError("min-level", None, f"unknown level {self.min_level!r}; choose one of {', '.join(LEVELS)}")

    def rules(self) -> list[Rule]:
        rules = load_rules(self.packs, self.profile)
        known = {r.id for r in rules} | {r.category for r in rules}
        for selector in self.select + self.ignore:
            if selector not in known:
                raise RuleError("select/ignore", None, f"no rule or category named {selector!r}")

        def chosen(rule: Rule) -> bool:
            names = (rule.id, rule.category)
            return (not self.select or any(n in self.select for n in names)) and not any(
                n in self.ignore for n in names)

        from .grammar import with_grammar

        return with_grammar(self, [r for r in rules if chosen(r)])
