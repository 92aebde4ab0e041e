"""Hostile rule packs: runaway patterns are stopped and reported while the other rules go on;
broken, huge or malicious packs get a clear one-line error naming the file and line."""

from __future__ import annotations

import json
import resource
import subprocess
import sys

import pytest

from newslint.checks import base
from newslint.config import Config
from newslint.document import Document
from newslint.engine import Engine
from newslint.linter import Linter
from newslint.packs.loader import MAX_RULES, Rule, RuleError, load_pack

STORY = "Headline for a test\n\nThe the minister said so.\n\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n"
# Exponential backtracking in the regex module: (a|aa)+ can split a run of a's in Fibonacci-many
# ways, and the $ after it fails every one of them.
RUNAWAY = "(a|aa)+$"


def pack(tmp_path, body: str, name: str = "house.yaml"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def rule_yaml(
    rule_id: str,
    rule_type: str = "pattern",
    field: str = "patterns",
    value: str = "'minister'",
    message: str = "Found '{found}'.",
) -> str:
    return (
        f"  - id: {rule_id}\n    type: {rule_type}\n    level: warning\n"
        f'    message: "{message}"\n    {field}: [{value}]\n'
    )


def one_line_error(result) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    err = result.stderr.decode()
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


# -- runaway patterns --------------------------------------------------------------------------
def test_a_runaway_pattern_is_stopped_and_the_other_rules_still_report(cli, tmp_path):
    house = pack(
        tmp_path,
        "rules:\n"
        + rule_yaml("style.runaway", value=f"'{RUNAWAY}'")
        + rule_yaml("boilerplate.runaway", "boilerplate", "lines", f"'{RUNAWAY}'")
        + rule_yaml("style.minister"),
    )
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    result = cli("check", "--format", "json", "--pack", house, "story.txt", cwd=tmp_path)
    assert result.returncode == 2
    errors = result.stderr.decode().splitlines()
    assert len(errors) == 2, errors
    assert "rule style.runaway (" + str(house) + ":2) stopped" in errors[0]
    assert "rule boilerplate.runaway (" + str(house) + ":7) stopped" in errors[1]
    assert all("time limit" in e for e in errors)
    rules = {f["rule"] for f in json.loads(result.stdout)}
    assert {"repetition.doubled-word", "style.minister"} <= rules


@pytest.fixture
def short_budget(monkeypatch):
    monkeypatch.setattr(base, "REGEX_TIMEOUT", 0.5)
    monkeypatch.setattr(base, "REGEX_TIMEOUT_PER_MB", 0.0)


def test_the_time_limit_is_per_document_not_for_the_whole_run(tmp_path, short_budget):
    house = pack(tmp_path, "rules:\n" + rule_yaml("style.a-run", value=f"'{RUNAWAY}'"))
    linter = Linter(Config(packs=(str(house),)))
    runaway = linter.lint_text(STORY, "first.txt")
    assert [e for e in runaway.errors if "style.a-run" in e and "first.txt" in e]
    for name in ("second.txt", "third.txt"):  # a fresh budget for each file
        result = linter.lint_text("Headline\n\nIt ends in aa", name)
        assert result.errors == []
        assert [(f.line, f.column) for f in result.findings if f.rule == "style.a-run"] == [(3, 12)]


class FakeClock:
    """perf_counter for base.py: every reading is `step` seconds after the last."""

    def __init__(self, step: float):
        self.now, self.step = 0.0, step

    def perf_counter(self) -> float:
        self.now += self.step
        return self.now


@pytest.mark.parametrize(
    "rule_id", ["boilerplate.page-furniture", "attribution.unsourced-figure", "naming.islamic-state"]
)
def test_the_time_limit_is_for_all_a_rules_calls_together(monkeypatch, rule_id):
    """A limit per call let a rule that matches once per paragraph take a second per paragraph."""
    monkeypatch.setattr(base, "time", FakeClock(0.15))  # each call seems to take 0.15 s
    monkeypatch.setattr(base, "REGEX_TIMEOUT", 1.0)
    monkeypatch.setattr(base, "REGEX_TIMEOUT_PER_MB", 0.0)
    rules = [r for r in Config().rules() if r.id == rule_id]
    # (each line holds words of a page-furniture line, so that its prefilter lets the scan run)
    text = "Headline for a test\n\n" + "".join(
        f"Read more: crime rose {i + 2}% in the year ISIS grew.\n" for i in range(40)
    )
    result = Engine(rules).lint(Document(text))
    assert len(result.errors) == 1 and rule_id in result.errors[0] and "time limit" in result.errors[0]


def test_a_spent_budget_does_not_outlive_the_run(tmp_path, short_budget):
    house = pack(tmp_path, "rules:\n" + rule_yaml("style.runaway", value=f"'{RUNAWAY}'"))
    result = Linter(Config(packs=(str(house),))).lint_text(STORY)
    assert [e for e in result.errors if "style.runaway" in e]  # the last rule to run spent it
    import regex

    assert [m.group() for m in base.finditer(regex.compile("the"), "the end")] == ["the"]


def test_the_time_limit_grows_with_the_document():
    assert base.start_budget(0) == base.REGEX_TIMEOUT
    assert base.start_budget(50_000_000) == base.REGEX_TIMEOUT + 50 * base.REGEX_TIMEOUT_PER_MB


def test_a_rule_that_raises_is_reported_and_the_others_go_on():
    def explode(doc, options):
        yield from ()
        raise ValueError("broken rule type")

    real = [r for r in Config().rules() if r.id == "repetition.doubled-word"]
    broken = Rule(
        "style.broken", base.RuleType("broken", dict, explode, (), "doc"), "warning", "m", {}, origin="house.yaml:3"
    )
    result = Engine([broken, *real]).lint(Document("The the minister said so."))
    assert result.errors == ["<text>: rule style.broken (house.yaml:3) failed: ValueError: broken rule type"]
    assert [f.rule for f in result.findings] == ["repetition.doubled-word"]


def test_a_pattern_that_matches_everything_is_stopped_with_a_message(tmp_path):
    house = pack(tmp_path, "rules:\n" + rule_yaml("style.everything", value="'.'") + rule_yaml("style.minister"))
    text = "Headline\n\n" + "The minister said so. " * 2000
    result = Linter(Config(packs=(str(house),))).lint_text(text, "long.txt")
    assert len(result.errors) == 1 and "style.everything" in result.errors[0] and "too broad" in result.errors[0]
    everything = [f for f in result.findings if f.rule == "style.everything"]
    assert len(everything) == 10_000 + len(text) // 20
    assert len([f for f in result.findings if f.rule == "style.minister"]) == 2000


def test_a_replacement_naming_a_missing_group_is_refused_when_the_pack_loads(tmp_path):
    # It would fail on every match; the author hears of it at once, with the line.
    message = load_error(tmp_path, "rules:\n" + rule_yaml("style.bad-group") + "    replace: '\\9'\n")
    assert ":7: rule 'style.bad-group': replace: refers to group '9'" in message


# -- packs that cannot load --------------------------------------------------------------------
def load_error(tmp_path, body: str) -> str:
    path = pack(tmp_path, body)
    with pytest.raises(RuleError) as caught:
        load_pack(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


def test_an_invalid_regex_names_its_line(cli, tmp_path):
    house = pack(tmp_path, "rules:\n" + rule_yaml("style.ok") + rule_yaml("style.broken", value="'(unclosed'"))
    err = one_line_error(cli("check", "--pack", house, "-", input=b"Text.", cwd=tmp_path))
    assert f"{house}:11: rule 'style.broken': patterns: invalid regular expression '(unclosed'" in err


@pytest.mark.parametrize(
    "pattern", ["(?:(?:a{1000}){1000}){1000}", "a{2000000}", "(?:[a-z]+){1000000}", "(?:(?:(?:x{50}){50}){50}){50}"]
)
def test_counted_repeats_that_would_exhaust_memory_are_refused(tmp_path, pattern):
    """The regex module writes counted repeats out when it compiles; the first of these took
    24 GB. Loaded in a child process held to 1.5 GB, so a regression fails instead of taking the
    machine down with it."""
    house = pack(tmp_path, "rules:\n" + rule_yaml("style.huge", value=f"'{pattern}'"))

    def hold_memory():
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))

    code = (
        "import sys\nfrom pathlib import Path\nfrom newslint.packs.loader import load_pack, RuleError\n"
        "try:\n    load_pack(Path(sys.argv[1]))\nexcept RuleError as e:\n    print(e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(house)], capture_output=True, text=True, preexec_fn=hold_memory, timeout=120
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert f"{house}:6: rule 'style.huge': patterns:" in result.stdout and "exhaust memory" in result.stdout


@pytest.mark.parametrize(
    "pattern", [r"\d{1,3}(?:,\d{3})+", r"[A-Z]{2,5}", r"x{0,65535}", "a{50000}", r"\p{Lu}{3}", r"(?:ab|cd){1000}"]
)
def test_ordinary_counted_repeats_load(tmp_path, pattern):
    assert load_pack(pack(tmp_path, "rules:\n" + rule_yaml("style.ok", value=f"'{pattern}'")))


def test_an_alias_bomb_is_refused(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("rules: *i")
    assert "alias bomb" in load_error(tmp_path, "\n".join(lines) + "\n")


def test_yaml_nested_too_deeply_is_refused(tmp_path):
    message = load_error(tmp_path, "rules: " + "[" * 50_000 + "]" * 50_000 + "\n")
    assert "nested too deeply" in message or "exceeded maximum nesting depth" in message  # PyYAML, libyaml


def many_rules(count: int) -> str:
    return "rules:\n" + "".join(
        f"  - id: style.r{i}\n    type: substitution\n    level: warning\n    message: \"Use '{{replacement}}'.\"\n"
        f'    swap: {{"word{i}": "term{i}"}}\n'
        for i in range(count)
    )


def test_a_pack_over_the_rule_limit_is_refused_before_it_is_built(tmp_path, monkeypatch):
    from newslint.packs import loader as rulefile

    built = []
    real = rulefile._build_rule
    monkeypatch.setattr(rulefile, "_build_rule", lambda *a: built.append(1) or real(*a))
    message = load_error(tmp_path, many_rules(MAX_RULES + 1))
    assert (
        message
        == f"{tmp_path / 'house.yaml'}:1: {MAX_RULES + 1:,} rules in one pack; the limit is {MAX_RULES:,}: split the pack"
    )
    assert built == []


def test_a_pack_too_large_to_parse_quickly_is_refused_unread(tmp_path):
    from newslint.packs.loader import MAX_PACK_CHARS

    body = "rules: []\n" + ("# a comment line of the kind nobody writes fifty thousand of\n" * (MAX_PACK_CHARS // 60))
    assert load_error(tmp_path, body).endswith("rule pack larger than 5 MB; split it")


@pytest.mark.slow
def test_ten_thousand_rules_are_refused_and_five_thousand_run(cli, tmp_path):
    pack(tmp_path, many_rules(10_000), "ten.yaml")
    err = one_line_error(cli("check", "--pack", "ten.yaml", "-", input=b"Text.", cwd=tmp_path))
    assert "10,000 rules in one pack; the limit is 5,000" in err
    pack(tmp_path, many_rules(5_000), "five.yaml")
    result = cli(
        "check", "--format", "json", "--pack", "five.yaml", "-", input=b"Headline\n\nA word4999 here.", cwd=tmp_path
    )
    assert result.returncode == 1, result.stderr
    assert [f["rule"] for f in json.loads(result.stdout)] == ["style.r4999"]


def test_duplicate_rule_ids_name_both_places(tmp_path):
    from newslint.packs.loader import load_rules

    pack(tmp_path, "rules:\n" + rule_yaml("style.same") + rule_yaml("style.same"))
    with pytest.raises(RuleError, match=r"house.yaml:7: rule id 'style.same' is already defined at .*house.yaml:2"):
        load_rules((str(tmp_path / "house.yaml"),))


def test_a_rule_id_taken_from_a_built_in_pack_names_both_places(tmp_path):
    from newslint.packs.loader import load_rules

    house = pack(tmp_path, "rules:\n" + rule_yaml("quotes.unclosed"))
    with pytest.raises(
        RuleError, match=r"house.yaml:2: rule id 'quotes.unclosed' is already defined at .*quotes.yaml:\d+"
    ):
        load_rules((str(house),))


@pytest.mark.parametrize("message", ["{found:>100000000}", "{found!r}", "{found:{found}}"])
def test_message_placeholders_take_no_format_spec(tmp_path, message):
    assert "no format spec" in load_error(tmp_path, "rules:\n" + rule_yaml("style.wide", message=message))


@pytest.mark.parametrize(
    "body,expected",
    [
        (b"\xff\xfe\x00r\x00u\x00l\x00e\x00s", "cannot read rule pack"),
        (b"rules: [unclosed\n", "malformed YAML"),
        (b"rules:\n  - id: style.x\n    type: nonsense\n    message: m\n", "unknown rule type 'nonsense'"),
        (b"- just\n- a list\n", "a rule pack is a mapping with a 'rules:' list"),
    ],
)
def test_broken_packs_get_one_line_through_the_cli(cli, tmp_path, body, expected):
    (tmp_path / "house.yaml").write_bytes(body)
    err = one_line_error(cli("check", "--pack", "house.yaml", "-", input=b"Text.", cwd=tmp_path))
    assert err.startswith("newslint: house.yaml") and expected in err
