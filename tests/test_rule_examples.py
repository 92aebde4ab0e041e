"""Every rule's bad examples are reported and its good examples are not, under each profile."""

import pytest

from newslint.packs import PROFILES, load_rules
from newslint.rule_examples import example_failures

CASES = [(profile, rule) for profile in PROFILES for rule in load_rules(profile=profile)]


@pytest.mark.parametrize("profile,rule", CASES, ids=[f"{p}:{r.id}" for p, r in CASES])
def test_examples(profile, rule):
    bad, good = rule.examples
    assert bad and good, f"{rule.id} needs bad and good examples"
    assert example_failures(rule) == []


def test_every_category_has_rules():
    categories = {r.category for r in load_rules()}
    assert {
        "headline",
        "boilerplate",
        "dates",
        "punctuation",
        "naming",
        "reference",
        "quotes",
        "attribution",
        "repetition",
    } <= categories


def test_readme_rule_list_is_generated_from_the_rules(cli):
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    after = readme.split("<!-- The list below is generated: python -m newslint rules -->", 1)[1]
    listed = []
    for line in after.lstrip("\n").splitlines():
        if not line.startswith("    "):
            break
        listed.append(line.strip())
    assert listed == [line.strip() for line in cli("rules").stdout.decode().strip().splitlines()]


def test_a_naming_message_names_two_different_forms():
    # The house form (Second World War) is neither of the story's forms: each finding still
    # names the other form the story used, never the one it found.
    from newslint import Config, lint_text

    found = lint_text(
        "Oscars history\n\nThe Academy gave plaster statues during WWII. It did not stop during World War II either.",
        config=Config(profile="british"),
    )
    messages = [f.message for f in found if f.rule == "naming.world-war-ii"]
    assert messages == [
        "'WWII' and 'World War II' in one story; use 'Second World War'.",
        "'World War II' and 'WWII' in one story; use 'Second World War'.",
    ]


@pytest.mark.parametrize("pack", ["quotes.yaml", "punctuation.yaml"])
def test_bad_examples_of_the_quote_and_punctuation_packs_state_their_spans(pack):
    # These packs' rules share one type each; a bad example that only asks for "some finding"
    # would pass on another problem's finding, so each says exactly which spans it reports.
    from newslint.packs import BUILTIN_PACKS, load_pack

    vague = [
        (profile, rule.id, example.text)
        for profile in PROFILES
        for rule in load_pack(BUILTIN_PACKS / pack, profile)
        for example in rule.examples[0]
        if example.found is None
    ]
    assert vague == []
