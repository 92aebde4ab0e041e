"""Choosing and applying fixes takes time linear in their number (docs/reliability.md)."""

import random
import time

from newslint.fix import _collide, choose_edits, fix_text
from newslint.linter import Linter
from newslint.model import Edit, Finding


def finding(*edits: Edit, safe: bool = True) -> Finding:
    return Finding(
        path="x",
        rule="punctuation.x",
        category="punctuation",
        severity="warning",
        message="m",
        start=edits[0].start,
        end=edits[0].end,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        fix=edits,
        fix_safe=safe,
    )


def every_pair(findings):
    """The first choose_edits: each edit compared with every chosen one (the oracle)."""
    chosen = []
    for f in findings:
        if not f.fix or not f.fix_safe:
            continue
        edits = sorted(f.fix, key=lambda e: (e.start, e.end))
        if any(_collide(a, b) for a in edits for b in chosen) or any(
            _collide(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]
        ):
            continue
        chosen.extend(edits)
    return chosen


def test_choose_edits_picks_what_comparing_every_pair_picked():
    rng = random.Random(17)
    for _ in range(3000):
        findings = []
        for _ in range(rng.randint(1, 12)):
            edits = []
            for _ in range(rng.randint(1, 3)):
                start = rng.randint(0, 30)
                edits.append(Edit(start, start + rng.choice([0, 0, 1, 2, 5]), rng.choice(["", "x"])))
            findings.append(finding(*edits, safe=rng.random() < 0.9))
        assert choose_edits(findings) == every_pair(findings)


def test_sixteen_thousand_fixes_are_chosen_in_linear_time():
    findings = [finding(Edit(i * 3, i * 3 + 1, "")) for i in range(16_000)]
    started = time.perf_counter()
    assert len(choose_edits(findings)) == 16_000
    assert time.perf_counter() - started < 3  # 0.1 s; 60 s comparing every pair


def test_a_file_with_sixteen_thousand_fixes_is_fixed_in_linear_time():
    text = "Council backs the bridge plan\n\n" + "The mayor , said no. " * 16_000
    started = time.perf_counter()
    fixed = fix_text(Linter(), text, "long.txt")
    assert fixed.settled and " ," not in fixed.text and fixed.applied >= 16_000
    assert time.perf_counter() - started < 30
