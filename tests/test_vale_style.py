"""The Vale style benchmarks/speed.py measures newslint against is generated from the default
packs (benchmarks/vale/make_style.py): every rule it translates is a Vale rule of a known kind,
every rule it leaves out says why, and the regex translation keeps Python's meaning. Vale itself
is not installed in CI: the tests that run it skip when benchmarks/vale/bin/vale is absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks" / "vale"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_style  # noqa: E402
from regex_net import SPACE, Untranslatable, translate  # noqa: E402

# What each kind of Vale rule must hold (Vale's own required fields for the kinds used).
REQUIRED = {
    "existence": {"raw": list},
    "substitution": {"swap": dict},
    "consistency": {"either": dict},
    "repetition": {"tokens": list},
    "conditional": {"first": str, "second": str},
}


def python_only(pattern: str) -> list[str]:
    """Syntax Python's `regex` reads and Vale's engine does not (or reads otherwise)."""
    found = []
    if "\x00" in pattern or regex.search(r"(?<!\\)\\K", pattern):
        found.append(r"\K")
    if regex.search(r"(?<!\\)(?:[*+?]|\{\d+(?:,\d*)?\})\+", pattern):
        found.append("possessive repeat")
    if regex.search(r"(?<!\\)\{,", pattern):
        found.append("{,n}")
    # \s stands in the translation only as part of Python's \s spelled out (SPACE)
    if regex.search(r"\\[wdsWDS]", pattern.replace(r"\\", "").replace(SPACE, "")):
        found.append("ASCII-only class in RE2 mode")
    return found


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    style, skipped, rules = make_style.build("ap")
    folder = tmp_path_factory.mktemp("styles") / make_style.STYLE
    make_style.write_style(style, folder)
    return folder, style, skipped, rules


def test_every_rule_is_translated_or_skipped_with_a_reason(generated):
    _, style, skipped, rules = generated
    translated = {r.id for r in rules if make_style.vale_name(r.id) in style}
    left_out = {rule_id for rule_id, _, why in skipped if why}
    assert translated.isdisjoint(left_out)
    assert translated | left_out == {r.id for r in rules}
    assert len(style) == len(translated)  # no two rules share a file name


def test_every_translated_rule_is_valid_vale_yaml(generated):
    folder, style, _, _ = generated
    files = sorted(folder.glob("*.yml"))
    assert [f.stem for f in files] == sorted(style)
    for path in files:
        rule = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert rule["extends"] in REQUIRED, path.name
        assert rule["level"] in ("suggestion", "warning", "error"), path.name
        assert isinstance(rule["message"], str) and rule["message"].count("%s") <= 2, path.name
        for field, kind in REQUIRED[rule["extends"]].items():
            assert isinstance(rule[field], kind) and rule[field], (path.name, field)
        patterns = (
            rule.get("raw", [])
            + list(rule.get("swap", {}))
            + [p for pair in rule.get("either", {}).items() for p in pair]
        )
        for pattern in patterns:
            assert python_only(pattern) == [], (path.name, pattern)


def test_the_table_counts_every_rule(generated):
    _, style, skipped, rules = generated
    text = make_style.table(style, skipped, rules)
    total = next(line for line in text.splitlines() if line.startswith("all "))
    assert total.split()[1:3] == [str(len(rules)), str(len(style))]
    for rule_id, _, _ in skipped:
        assert rule_id in text


@pytest.mark.parametrize(
    "pattern, text",
    [
        # \K with a short text before it becomes a lookbehind: the same spans.
        (r"\b(?:US|UK)\K (?=led)", "The US led coalition and the UK led talks; US -led"),
        (r"(?<![:;=]|[:;=][-^])\(\K[ \t](?=[a-z])", "a ( b) and :( c) and ( d)"),
        # A possessive repeat becomes an atomic group.
        (r"a++b|c*+c", "aaab aab cc b"),
        # {,n} is {0,n} in Python, a literal in .NET.
        (r"x{,2}y", "xxxy xy y"),
        # $ may stand before a final newline in Python, only at the very end in .NET.
        (r"end$", "the end\n"),
    ],
)
def test_translation_keeps_the_spans_python_finds(pattern, text):
    """Where the translation uses syntax both engines read, Python's `regex` must find the same
    spans with the translated pattern as with the original."""
    translated = translate(pattern)
    assert python_only(translated) == []
    assert [m.span() for m in regex.finditer(translated, text)] == [m.span() for m in regex.finditer(pattern, text)]


def test_translation_makes_python_classes_unicode():
    # RE2 mode makes \w ASCII in Vale; the translation spells out Python's Unicode classes.
    translated = translate(r"[^\W\d_]+\s\d")
    assert r"\w" not in translated and r"\d" not in translated and r"\s\x0b\x85\p{Z}" in translated
    assert translate(r"[^\S\r\n]") == r"[\s\x0b\x85\p{Z}-[\r\n]]"


def test_a_long_k_prefix_is_kept_in_the_match_and_noted():
    notes: list[str] = []
    translated = translate(r"(?m)^[^\n]*?\K<div>", notes=notes)
    assert translated == r"(?m)^[^\n]*?<div>" and notes
    spans = [m.span() for m in regex.finditer(translated, "a <div> b\n<div>")]
    assert [end for _, end in spans] == [m.end() for m in regex.finditer(r"(?m)^[^\n]*?\K<div>", "a <div> b\n<div>")]


def test_untranslatable_syntax_is_refused():
    for pattern in (r"(a(?R)?b)", r"(?:a\Kb)"):
        with pytest.raises(Untranslatable):
            translate(pattern)


# -- with Vale (skipped where it is not installed) -------------------------------------------------


@pytest.fixture(scope="module")
def vale():
    binary = make_style.vale_binary()
    if binary is None:
        pytest.skip("Vale is not installed (sh benchmarks/vale/install): the style is checked without it")
    return binary


def test_vale_loads_every_rule_and_each_reports_its_bad_examples(vale, generated):
    _, style, _, rules = generated
    rejected, caught = make_style.check_with_vale(vale, style, rules)
    assert rejected == {}
    silent = [name for name, (bad, n_bad, _, _) in caught.items() if n_bad and not bad]
    assert silent == []
