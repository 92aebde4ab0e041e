"""Rules carry their tests: run a pack's bad and good examples."""

from __future__ import annotations

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


def check_examples(path: Path, profile: str):
    """(problem or None, number of examples) for each rule of a pack under a profile."""
    for rule in load_pack(path, profile):
        failures = example_failures(rule)
        count = sum(len(x) for x in rule.examples)
        if not failures:
            yield None, count
        for i, failure in enumerate(failures):
            yield failure, count if i == 0 else 0
