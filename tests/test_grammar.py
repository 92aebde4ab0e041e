"""Grammar and spelling through LanguageTool: the real language-tool-python client talks to a
fake LanguageTool server on loopback (tests/fake_languagetool.py) that answers as the real one."""

from __future__ import annotations

import os
import socket
import sys
import textwrap
from types import SimpleNamespace

import pytest
from conftest import ROOT

from newslint import Config
from newslint.config.select import with_grammar
from newslint.grammar import ENV_URL, Request, shared_service
from newslint.linter import Linter
from newslint.packs import load_rules


def grammar_config(server: str, **settings) -> Config:
    return Config(grammar=True, grammar_server=server, **settings)


def lint(text: str, server: str, kind: str = "text", **settings):
    return Linter(grammar_config(server, **settings)).lint_text(text, kind=kind)


def grammar_findings(result):
    return [f for f in result.findings if f.category == "grammar"]


def apply(text: str, edits) -> str:
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- matches become findings -------------------------------------------------------------------------


def test_offsets_are_right_after_accents_dashes_curly_quotes_and_characters_outside_the_bmp(fake_languagetool):
    # LanguageTool counts UTF-16 code units: each emoji or mathematical letter below is two.
    # Two letters swapped against its suggestion, as grammar.spelling reports only typos (and in a
    # short word only a swap); each typo once.
    fake_languagetool.misspellings["\U0001d41b\U0001d42b\U0001d41e\U0001d41a\U0001d424"] = [
        "\U0001d41b\U0001d41e\U0001d42b\U0001d41a\U0001d424"
    ]
    text = (
        "Café owners in Zürich \u2014 \u201cwe\u2019re worried\u201d \U0001f600\U0001f600 \u2014 said the "
        "goverment was slow. \U0001d41b\U0001d42b\U0001d41e\U0001d41a\U0001d424 news: they recieve it."
    )
    found = grammar_findings(lint(text, fake_languagetool.url))
    spans = [(f.start, f.end, text[f.start : f.end]) for f in found]
    first = text.index("goverment")
    bold = text.index("\U0001d41b")
    second = text.index("recieve")
    assert spans == [
        (first, first + 9, "goverment"),
        (bold, bold + 5, text[bold : bold + 5]),
        (second, second + 7, "recieve"),
    ]
    assert [(f.line, f.column) for f in found] == [(1, first + 1), (1, bold + 1), (1, second + 1)]


def test_positions_map_back_through_markdown(fake_languagetool):
    source = "---\ntitle: Vote\n---\n\nThe **goverment** said it would [act](http://example.com) soon.\n"
    found = grammar_findings(lint(source, fake_languagetool.url, kind="markdown"))
    assert [(f.rule, f.line, source[f.start : f.end]) for f in found] == [("grammar.spelling", 5, "goverment")]
    assert found[0].column == source.splitlines()[4].index("goverment") + 1


def test_replacements_become_fixes_that_are_not_marked_safe(fake_languagetool):
    text = "The goverment made a unexpected offer."
    found = grammar_findings(lint(text, fake_languagetool.url))
    assert [f.rule for f in found] == ["grammar.spelling", "grammar.grammar"]
    assert apply(text, [e for f in found for e in f.fix]) == "The government made an unexpected offer."
    assert not any(f.fix_safe for f in found)
    assert found[0].message == "'goverment' may be misspelled. Did you mean 'government' or 'governments'?"
    assert found[1].message.endswith("(EN_A_VS_AN)")


def test_what_people_said_is_checked_for_spelling_only_and_never_fixed(fake_languagetool):
    text = 'The minister said: "It was a awful goverment decision."'
    found = grammar_findings(lint(text, fake_languagetool.url))
    assert [(f.rule, text[f.start : f.end], f.fix) for f in found] == [("grammar.spelling", "goverment", None)]


# -- what is sent, and what is not reported ----------------------------------------------------------


def test_rules_the_house_packs_cover_are_disabled_at_languagetool(fake_languagetool):
    text = "Mayor Ann Lee said the the talks would resume."
    result = lint(text, fake_languagetool.url)
    assert [f.rule for f in result.findings] == ["repetition.doubled-word"]  # reported once, by the house rule
    sent = fake_languagetool.checks[0]
    assert "ENGLISH_WORD_REPEAT_RULE" in sent["disabledRules"].split(",")
    # Typography stays on: two spaces inside a sentence, stray apostrophes are no newslint rule's job.
    assert "disabledCategories" not in sent and "APOSTROPHE_IN_DATES" in sent["disabledRules"].split(",")
    assert sent["language"] == "en-US"


def test_a_pack_can_disable_languagetool_rules_and_categories(fake_languagetool, tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        textwrap.dedent("""\
        rules:
          - id: grammar.house
            type: languagetool
            message: "{message}"
            report: all
            disable_rules: [EN_A_VS_AN]
            disable_categories: [TYPOS]
            examples: {bad: ["x"], good: ["y"]}
        """),
        encoding="utf-8",
    )
    text = "The goverment made a unexpected offer and and left."
    found = grammar_findings(lint(text, fake_languagetool.url, packs=(str(pack),), select=("grammar.house",)))
    assert [text[f.start : f.end] for f in found] == ["and and"]
    house_request = [c for c in fake_languagetool.checks if "EN_A_VS_AN" in c.get("disabledRules", "")]
    assert house_request and house_request[0]["disabledCategories"] == "TYPOS"


def test_names_the_story_introduces_and_house_words_are_not_misspellings(fake_languagetool):
    text = (
        "Envoy arrives for talks\n"
        "Brett McGurk, the U.S. envoy, arrived in Deir ez-Zor on Monday.\n"
        "McGurk said Kyiv had sent observers. Prso said nothing.\n"
    )
    found = grammar_findings(lint(text, fake_languagetool.url))
    # McGurk, Deir and Zor were introduced by the story, Kyiv is in the house vocabulary;
    # "Prso" only opens a sentence, so nothing says it is a name.
    assert [text[f.start : f.end] for f in found] == ["Prso"]


def test_a_name_introduced_anywhere_in_the_story_is_accepted_everywhere(fake_languagetool):
    text = "Prso scored twice.\nThe striker Dado Prso was later sent off."
    assert grammar_findings(lint(text, fake_languagetool.url)) == []


def test_headline_words_are_not_taken_for_names(fake_languagetool):
    fake_languagetool.misspellings["Goverment"] = ["Government"]
    text = "Goverment Falls After Vote\nThe vote was close, officials said on Tuesday."
    found = grammar_findings(lint(text, fake_languagetool.url))
    assert [text[f.start : f.end] for f in found] == ["Goverment"]


def test_the_configured_vocabulary_is_accepted(fake_languagetool):
    fake_languagetool.misspellings["Sdot"] = ["Spot"]
    rules = [r for r in load_rules() if r.id == "grammar.spelling"]
    config = SimpleNamespace(
        grammar=True,
        grammar_server=fake_languagetool.url,
        grammar_timeout=5,
        vocabulary=SimpleNamespace(accept=("Sdot Yam",)),
    )
    from newslint.document import Document
    from newslint.engine import Engine

    text = "Sdot is a kibbutz. The goverment said so."
    found = Engine(with_grammar(config, rules)).lint(Document(text)).findings
    assert [text[f.start : f.end] for f in found] == ["goverment"]


def test_british_profile_asks_for_british_english(fake_languagetool):
    text = "The color of the flag is my favourite."
    assert grammar_findings(lint(text, fake_languagetool.url, profile="british")) == []
    assert {c["language"] for c in fake_languagetool.checks} == {"en-GB"}
    assert grammar_findings(lint(text, fake_languagetool.url)) == []
    assert {c["language"] for c in fake_languagetool.checks} == {"en-GB", "en-US"}


def test_the_other_sides_spelling_is_left_to_the_spelling_pack(fake_languagetool):
    # LanguageTool calls "color" a misspelling in en-GB; newslint's spelling pack judges it once
    # (spelling.us-british in a story that mixes the two), not grammar.spelling again.
    text = "The color of the flag is the colour of the sea."
    result = lint(text, fake_languagetool.url, profile="british")
    assert [(f.rule, text[f.start : f.end]) for f in result.findings if "spelling" in f.rule] == [
        ("spelling.us-british", "color")
    ]


# -- one request per document, cached by paragraph ---------------------------------------------------


def test_one_request_per_document_and_unchanged_paragraphs_cost_nothing(fake_languagetool):
    linter = Linter(grammar_config(fake_languagetool.url))
    story = ["Talks resume", "The goverment said talks would resume.", "Officials made a unexpected offer."]
    first = linter.lint_text("\n".join(story))
    assert len(fake_languagetool.checks) == 1  # both grammar rules, all paragraphs: one request
    again = linter.lint_text("\n".join(story))
    assert len(fake_languagetool.checks) == 1 and again.findings == first.findings
    # A new paragraph on top: only it is sent; the others' findings move with their text.
    edited = ["Talks resume", "A new paragraph they recieve.", *story[1:]]
    text = "\n".join(edited)
    result = linter.lint_text(text)
    assert [c["text"] for c in fake_languagetool.checks[1:]] == ["A new paragraph they recieve."]
    found = [(f.rule, f.line, text[f.start : f.end]) for f in grammar_findings(result)]
    assert found == [
        ("grammar.spelling", 2, "recieve"),
        ("grammar.spelling", 3, "goverment"),
        ("grammar.grammar", 4, "a"),
    ]


def test_the_cache_knows_the_language_and_the_rule_settings(fake_languagetool):
    service = shared_service(fake_languagetool.url, 5)
    paragraphs = ["The color of a idea."]
    us = service.check(paragraphs, Request("en-US"))
    gb = service.check(paragraphs, Request("en-GB"))
    quiet = service.check(paragraphs, Request("en-GB", disabled_rules=("EN_A_VS_AN",)))
    assert len(fake_languagetool.checks) == 3
    assert [m.rule_id for m in us[0]] == ["EN_A_VS_AN"]
    assert [m.rule_id for m in gb[0]] == ["MORFOLOGIK_RULE_EN_GB", "EN_A_VS_AN"]
    assert [m.rule_id for m in quiet[0]] == ["MORFOLOGIK_RULE_EN_GB"]


# -- off unless asked for ----------------------------------------------------------------------------


def test_grammar_rules_do_not_run_unless_asked_for(fake_languagetool, monkeypatch):
    monkeypatch.setenv(ENV_URL, fake_languagetool.url)
    result = Linter(Config()).lint_text("The goverment made a unexpected offer.")
    assert grammar_findings(result) == [] and result.notices == []
    assert fake_languagetool.requests == []
    assert grammar_findings(
        Linter(Config(grammar=True)).lint_text("The goverment acted.")
    )  # the variable names the server


def test_check_without_grammar_never_imports_language_tool_python(tmp_path, cli):
    draft = tmp_path / "draft.txt"
    draft.write_text("Vote held\nThe goverment said the the vote was close.\n", encoding="utf-8")
    plain = cli("check", draft, "--format", "json")
    assert plain.returncode == 1
    probe = (
        "import sys, runpy; sys.argv = ['newslint', *sys.argv[1:]]\n"
        "from newslint.cli import main\n"
        "code = main()\n"
        "print('IMPORTED' if 'language_tool_python' in sys.modules else 'NOT IMPORTED', file=sys.stderr)\n"
    )
    import subprocess

    def run(*args):
        return subprocess.run(
            [sys.executable, "-c", probe, *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=dict(os.environ, NO_COLOR="1"),
            timeout=120,
        )

    assert run("check", str(draft)).stderr.strip().endswith("NOT IMPORTED")
    assert run("check", "--grammar", str(draft)).stderr.strip().endswith("IMPORTED")  # the probe can tell


# -- when LanguageTool cannot be used ----------------------------------------------------------------

DRAFT = "Vote held\nThe goverment said the the vote was close.\n"


def test_a_server_that_is_down_gives_one_notice_and_the_other_findings(tmp_path, cli):
    url = f"http://127.0.0.1:{closed_port()}"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    run = cli("check", "--grammar", "--grammar-server", url, tmp_path / "a.txt", tmp_path / "b.txt")
    err = run.stderr.decode()
    assert err.count("newslint: ") == 1, err
    assert f"nothing answers at {url}" in err and "--grammar-server" in err
    assert "scripts/languagetool-server start" in err and "Maven Central" in err  # how to run one
    assert run.stdout.decode().count("repetition.doubled-word") == 2
    assert run.returncode == 1  # the findings decide, as without grammar
    required = cli("check", "--grammar-required", "--grammar-server", url, tmp_path / "a.txt")
    assert required.returncode == 2 and "repetition.doubled-word" in required.stdout.decode()


def test_a_slow_server_times_out(fake_languagetool):
    fake_languagetool.mode, fake_languagetool.delay = "slow", 30
    result = lint(DRAFT, fake_languagetool.url, grammar_timeout=0.3)
    assert grammar_findings(result) == []
    assert [f.rule for f in result.findings] == ["repetition.doubled-word"]
    assert len(result.notices) == 5 and len(set(result.notices)) == 1  # the five grammar rules, one message
    assert "did not answer within 0.3 s" in result.notices[0]


@pytest.mark.parametrize("mode", ["garbage", "wrong-json", "error", "bad-offsets"])
def test_a_server_that_answers_garbage(fake_languagetool, mode):
    fake_languagetool.mode = mode
    result = lint(DRAFT, fake_languagetool.url)
    assert grammar_findings(result) == [] and result.errors == []
    assert [f.rule for f in result.findings] == ["repetition.doubled-word"]
    assert "gave an answer newslint cannot read" in result.notices[0]


def test_a_failure_is_remembered_so_many_files_wait_once(fake_languagetool):
    fake_languagetool.mode = "error"
    linter = Linter(grammar_config(fake_languagetool.url))
    for _ in range(3):
        assert linter.lint_text(DRAFT).notices
    assert len(fake_languagetool.checks) == 1


def test_a_language_the_server_lacks(fake_languagetool, tmp_path):
    pack = tmp_path / "lang.yaml"
    pack.write_text(
        'rules:\n  - {id: grammar.welsh, type: languagetool, message: "{message}", language: cy-GB}\n', encoding="utf-8"
    )
    result = lint(DRAFT, fake_languagetool.url, packs=(str(pack),), select=("grammar.welsh",))
    assert "does not offer the language 'cy-GB'" in result.notices[0]


def local_environment(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k != ENV_URL}
    refused = f"http://127.0.0.1:{closed_port()}/"
    env.update(
        NO_COLOR="1",
        LTP_PATH=str(tmp_path / "lt"),
        LTP_DOWNLOAD_HOST_NEW_RELEASES=refused,
        LTP_DOWNLOAD_HOST_RELEASE=refused,
        LTP_DOWNLOAD_HOST_ARCHIVE=refused,
        LTP_DOWNLOAD_HOST_SNAPSHOT=refused,
        **extra,
    )
    return env


def run_local(tmp_path, env, *args):
    import subprocess

    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--grammar", *args, str(draft)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_local_languagetool_whose_download_is_refused(tmp_path):
    import shutil

    if not shutil.which("java"):
        pytest.skip("no Java here: the no-Java test covers this machine")
    run = run_local(tmp_path, local_environment(tmp_path))
    assert run.stderr.count("newslint: ") == 1, run.stderr
    assert "a local LanguageTool could not be started (downloading LanguageTool failed: no connection" in run.stderr
    assert "--grammar-server" in run.stderr and "Java 17" in run.stderr
    assert "scripts/languagetool-server start" in run.stderr and "Maven Central" in run.stderr
    assert "repetition.doubled-word" in run.stdout and run.returncode == 1


def test_local_languagetool_without_java(tmp_path):
    no_java = tmp_path / "bin"
    no_java.mkdir()
    run = run_local(tmp_path, local_environment(tmp_path, PATH=str(no_java)), "--grammar-required")
    assert "a local LanguageTool could not be started (Java was not found)" in run.stderr
    assert "repetition.doubled-word" in run.stdout and run.returncode == 2


# -- the rule type's options -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field,value,error",
    [
        ("language", "English", "language code"),
        ("report", "style", "must be one of spelling, grammar, all"),
        ("in_quotes", "some", "must be one of spelling, all, none"),
        ("disable_rules", 5, "string or a list of strings"),
    ],
)
def test_bad_options_are_named(tmp_path, field, value, error):
    from newslint.packs.loader import RuleError, load_pack

    pack = tmp_path / "bad.yaml"
    pack.write_text(
        f'rules:\n  - id: grammar.x\n    type: languagetool\n    message: "m"\n    {field}: {value}\n', encoding="utf-8"
    )
    with pytest.raises(RuleError) as e:
        load_pack(pack)
    assert f"{field}: " in str(e.value) and error in str(e.value) and ":5:" in str(e.value)


def test_grammar_examples_say_when_they_cannot_run(monkeypatch):
    from newslint.grammar import reset
    from newslint.rule_examples import example_failures

    monkeypatch.setenv(ENV_URL, f"http://127.0.0.1:{closed_port()}")
    reset()
    try:
        rule = next(r for r in load_rules() if r.id == "grammar.spelling")
        problems = example_failures(rule)
    finally:
        reset()
    assert len(problems) == 1 and "grammar.spelling: examples not run: grammar checks did not run" in problems[0]


def test_the_grammar_examples_run_against_the_fake_server(languagetool_for_rule_examples):
    from newslint.grammar import reset
    from newslint.rule_examples import example_failures

    reset()  # nothing cached: the examples must reach the server
    before = len(languagetool_for_rule_examples.checks)
    rules = [r for r in load_rules(profile="british") if r.category == "grammar"]
    assert len(rules) == 5 and [example_failures(r) for r in rules] == [[]] * 5
    assert len(languagetool_for_rule_examples.checks) > before


def test_without_language_tool_python_installed(fake_languagetool, monkeypatch):
    monkeypatch.setitem(sys.modules, "language_tool_python", None)  # import fails as if not installed
    result = lint(DRAFT, fake_languagetool.url)
    assert result.errors == [] and [f.rule for f in result.findings] == ["repetition.doubled-word"]
    assert "pip install 'newslint[grammar]'" in result.notices[0]


def test_selecting_grammar_rules_asks_for_grammar(tmp_path, cli, languagetool_for_rule_examples):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    run = cli("check", "--select", "grammar", "--format", "json", draft)
    import json

    assert [f["rule"] for f in json.loads(run.stdout)] == ["grammar.spelling"]
    assert run.returncode == 1


@pytest.mark.parametrize(
    "word,suggestion,kind",
    [
        ("goverment", "government", "drop"),
        ("similaritiest", "similarities", "add"),
        ("recieved", "received", "swap"),
        ("seperate", "separate", "vowel"),
        ("portering", "pottering", "change"),
        ("boops", "books", "change"),
        ("scragged", "cragged", "front"),
        ("ssure", "sure", "add"),
        ("government", "government", None),
        ("goverment", "governments", None),
    ],
)
def test_how_a_misspelling_differs_from_the_suggestion(word, suggestion, kind):
    from newslint.checks.languagetool import _one_edit

    assert _one_edit(word, suggestion) == kind


@pytest.mark.parametrize(
    "word,suggestion,side",
    [
        ("color", "colour", "us"),
        ("colour", "color", "gb"),
        ("labelled", "labeled", "gb"),
        ("organize", "organise", "us"),
        ("anesthesiology", "anaesthesiology", "us"),
        ("defence", "defense", "gb"),
        ("boops", "books", None),
    ],
)
def test_british_and_american_spellings_of_one_word(word, suggestion, side):
    from newslint.checks.languagetool import _variant

    assert _variant(word, suggestion) == side
