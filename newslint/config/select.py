"""Which rules a configuration runs: the packs under its profile, selected and ignored, with the
house's per-rule settings and vocabulary applied, and grammar bound to its service or left out."""

from __future__ import annotations

import re
from dataclasses import replace

from ..grammar import DEFAULT_TIMEOUT, shared_service
from ..grammar import TYPE_NAME as GRAMMAR_TYPE
from ..packs import PROFILES, Rule, RuleError, load_rules, make_rule, rebuild_rule
from ..packs.loader import _Mapping
from .settings import line_of, lined, merge_into, short_form

HOUSE_MESSAGE = "'{found}': house style is '{preferred}'."


def rules_for(config) -> list[Rule]:
    """The rules a Config runs. (Config is not imported here: Config.rules() calls this, and the
    import would make a circle.)"""
    rules = load_rules(config.packs, config.profile)
    known = {r.id for r in rules} | {r.category for r in rules}
    for selector in config.select + config.ignore:
        if selector not in known:
            raise RuleError(config.source or "select/ignore", None, f"no rule or category named {selector!r}")
    where = config.source or "configuration"
    for name in config.rule_settings:
        if name not in known and name not in _rule_names(config.packs):
            raise RuleError(where, line_of(config.rule_settings, name), f"rules: no rule or category named {name!r}")
    changes = _rule_changes(config, rules, where)
    rules = rules + _vocabulary_rules(config, rules, where)

    def chosen(rule: Rule) -> bool:
        names = (rule.id, rule.category)
        return (not config.select or any(n in config.select for n in names)) and not any(
            n in config.ignore for n in names
        )

    chosen_rules = []
    for rule in rules:
        house = changes.get(rule.id)
        if not chosen(rule) or (house and house.pop("disable", False)):
            continue
        chosen_rules.append(rebuild_rule(rule, config.profile, house, where) if house else rule)
    return with_grammar(config, chosen_rules)


def _rule_changes(config, rules: list[Rule], where: str) -> dict[str, _Mapping]:
    """Rule id -> the fields the configuration changes (category settings, then the rule's)."""
    changes: dict[str, _Mapping] = {}
    for rule in rules:
        for name in (rule.category, rule.id):
            if name in config.rule_settings:
                change = short_form(config.rule_settings[name])
                if not isinstance(change, dict):
                    raise RuleError(
                        where,
                        line_of(config.rule_settings, name),
                        f"rules: {name}: must be a level, off, or a mapping of settings",
                    )
                merge_into(changes.setdefault(rule.id, _Mapping()), change)
    # The house vocabulary: a naming rule that already knows a house form prefers it.
    claimed: dict[str, str] = {}
    for house_form, others in config.vocabulary.prefer.items():
        names = {house_form, *others}
        for rule in rules:
            if rule.type.name != "consistency" or not names & set(rule.options.variants):
                continue
            if rule.id in claimed:
                raise RuleError(
                    where,
                    line_of(config.vocabulary.prefer, house_form),
                    f"vocabulary: {claimed[rule.id]!r} and {house_form!r} are names of "
                    f"one thing (rule {rule.id}); give one house form",
                )
            claimed[rule.id] = house_form
            variants = list(dict.fromkeys([*rule.options.variants, house_form, *others]))
            merge_into(
                changes.setdefault(rule.id, _Mapping()),
                lined(
                    {"variants": variants, "prefer": house_form, "always": True, "message": HOUSE_MESSAGE},
                    line_of(config.vocabulary.prefer, house_form),
                ),
            )
    if config.vocabulary.accept:
        for rule in rules:
            if rule.type.name == "name-spelling":
                accept = [*rule.options.accept, *config.vocabulary.accept]
                merge_into(
                    changes.setdefault(rule.id, _Mapping()),
                    lined({"accept": accept}, line_of(config.vocabulary, "accept")),
                )
            elif rule.type.name == "first-use":  # the house's own acronyms need no spelling out
                known = [*rule.options.known, *config.vocabulary.accept]
                merge_into(
                    changes.setdefault(rule.id, _Mapping()),
                    lined({"known": known}, line_of(config.vocabulary, "accept")),
                )
    return changes


def _vocabulary_rules(config, rules: list[Rule], where: str) -> list[Rule]:
    """A consistency rule for each house form that no pack's naming rule knows."""
    known = {v for r in rules if r.type.name == "consistency" for v in r.options.variants}
    made = []
    for house_form, others in config.vocabulary.prefer.items():
        if {house_form, *others} & known:
            continue
        slug = re.sub(r"[^a-z0-9]+", "-", house_form.lower()).strip("-") or "form"
        made.append(
            make_rule(
                where,
                line_of(config.vocabulary.prefer, house_form),
                {
                    "id": f"naming.house-{slug}",
                    "type": "consistency",
                    "level": "warning",
                    "message": HOUSE_MESSAGE,
                    "variants": [house_form, *others],
                    "prefer": house_form,
                    "always": True,
                    "description": "From the house vocabulary of the configuration.",
                },
                config.profile,
            )
        )
    return made


def _rule_names(packs: tuple[str, ...]) -> set[str]:
    """Rule ids and categories under any profile (a setting may name a rule of another one)."""
    rules = [r for profile in PROFILES for r in load_rules(packs, profile)]
    return {r.id for r in rules} | {r.category for r in rules}


def with_grammar(config, rules: list) -> list:
    """The one place that decides whether grammar rules run: left out unless the run asks for
    grammar (`Config.grammar`), else bound to the service and vocabulary the run names."""
    if not getattr(config, "grammar", False):
        return [r for r in rules if r.type.name != GRAMMAR_TYPE]
    service = shared_service(
        getattr(config, "grammar_server", None), getattr(config, "grammar_timeout", DEFAULT_TIMEOUT)
    )
    vocabulary = getattr(config, "vocabulary", None)  # the house's accepted words, where configured
    house_words = tuple(getattr(vocabulary, "accept", ()) or ())
    bound = []
    for rule in rules:
        if rule.type.name == GRAMMAR_TYPE:
            options = replace(rule.options, accept=tuple(rule.options.accept) + house_words)  # a copy
            options.service = service
            rule = replace(rule, options=options)
        bound.append(rule)
    return bound
