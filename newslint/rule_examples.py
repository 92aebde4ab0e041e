"""Rules carry their tests: run a pack's bad and good examples."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .engine import Engine
from .fix import apply_edits, choose_edits
from .packs import Example, Rule, load_pack


def example_failures(rule: Rule) -> list[str]:
    """What is wrong with a rule's examples: a bad one it misses or reports otherwise than it
    says (spans, fixed text), a good one it reports."""
    engine = Engine([rule])
    problems = []
    bad, good = rule.examples
    name = f"{rule.origin}: {rule.id}"
    if not bad or not good:
        problems.append(f"{name}: needs at least one bad and one good example")
    for example, must_report in [(x, True) for x in bad] + [(x, False) for x in good]:
        result = engine.lint(Document(example.text, kind=example.kind))
        if result.notices:  # a service the rule needs (LanguageTool) is not there: say so, never pass
            return problems + [f"{name}: examples not run: {result.notices[0]}"]
        if result.errors:
            problems.append(f"{name}: example {example.text!r} raised: {result.errors[0]}")
        elif must_report and not result.findings:
            problems.append(f"{name}: bad example not reported: {example.text!r}")
        elif must_report:
            problems.extend(f"{name}: bad example {example.text!r}: {p}" for p in _mismatches(example, result))
        elif result.findings:
            problems.append(
                f"{name}: good example reported: {example.text!r} ({'; '.join(f.message for f in result.findings)})"
            )
    return problems


def _mismatches(example: Example, result) -> list[str]:
    """How a bad example's findings differ from what it says they must be."""
    findings = result.findings
    found = [example.text[f.start : f.end] for f in findings]
    problems = []
    if example.found is not None and tuple(found) != example.found:
        problems.append(f"found {found}, expected {list(example.found)}")
    if example.fixed is not None:
        fixed = apply_edits(example.text, choose_edits(findings, unsafe=True))
        if fixed != example.fixed:
            problems.append(f"fixed to {fixed!r}, expected {example.fixed!r}")
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
