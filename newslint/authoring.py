"""Rules carry their tests: run a pack's bad and good examples."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .engine import Engine
from .rulefile import Rule, load_pack


def example_failures(rule: Rule) -> list[str]:
    """What is wrong with a rule's examples: a bad one it misses, a good one it reports."""
    engine = Engine([rule])
    problems = []
    bad, good = rule.examples
    if not bad or not good:
        problems.append(f"{rule.origin}: {rule.id}: needs at least one bad and one good example")
    for text in bad:
        result = engine.lint(Document(text))
        if result.notices:  # a service the rule needs (LanguageTool) is not there: say so, never pass
            return problems + [f"{rule.origin}: {rule.id}: examples not run: {result.notices[0]}"]
        if result.errors or not result.findings:
            problems.append(f"{rule.origin}: {rule.id}: bad example not reported: {text!r}")
    for text in good:
        result = engine.lint(Document(text))
        if result.notices:
            return problems + [f"{rule.origin}: {rule.id}: examples not run: {result.notices[0]}"]
        if result.errors or result.findings:
            problems.append(f"{rule.origin}: {rule.id}: good example reported: {text!r}"
                            f" ({'; '.join(f.message for f in result.findings) or result.errors[0]})")
    return problems


@dataclass
class PackReport:
    rules: set = field(default_factory=set)  # ids of the rules tested
    examples: int = 0  # examples run, over all profiles
    problems: list = field(default_factory=list)  # one line each, naming the rule's file:line


def test_pack(path: Path, profiles) -> PackReport:
    """Run every rule's examples under each of `profiles`; a problem seen under some profiles
    only says which."""
    report = PackReport()
    seen: dict[str, list[str]] = {}
    for profile in profiles:
        for rule in load_pack(Path(path), profile):
            report.rules.add(rule.id)
            report.examples += sum(len(x) for x in rule.examples)
            for problem in example_failures(rule):
                seen.setdefault(problem, []).append(profile)
    for problem, where in seen.items():
        only = "" if len(where) == len(profiles) else f" [profile {', '.join(where)}]"
        report.problems.append(problem + only)
    return report
