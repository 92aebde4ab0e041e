"""The grammar pack against a real LanguageTool server (scripts/languagetool-server).

tests/test_grammar.py drives the client against a fake server (faults, timeouts, garbage);
these tests hold the pack's promises against the real thing: names a story introduces are not
misspellings, offsets survive emoji and CRLF, the LanguageTool rules the pack turns off exist in
the pinned release and fire on what the pack says they cover, the profile picks en-GB or en-US,
direct quotation is checked for spelling only, and an editor's re-check sends only the changed
paragraphs.

The server: NEWSLINT_TEST_LANGUAGETOOL names one that is running (`.ci/run` starts one and sets
it); otherwise these tests start one with scripts/languagetool-server (it fetches LanguageTool
from Maven Central once, into ~/.cache/newslint) and stop it afterwards. They skip only where Java
or Maven is missing; in CI (CI=true) a missing server is a failure, not a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from newslint import Config
from newslint.grammar import reset
from newslint.grammar.service import LanguageToolService
from newslint.linter import Linter

SCRIPT = ROOT / "scripts" / "languagetool-server"
ENV_REAL = "NEWSLINT_TEST_LANGUAGETOOL"


@pytest.fixture(scope="module")
def server():
    """The URL of a real LanguageTool server, started here if none is named."""
    url = os.environ.get(ENV_REAL)
    if url:
        yield url.rstrip("/")
        return
    missing = [tool for tool in ("java", "mvn") if not shutil.which(tool)]
    if missing:
        message = f"a real LanguageTool needs {' and '.join(missing)} (see scripts/languagetool-server)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must provide it", pytrace=False)
        pytest.skip(message)
    running = subprocess.run([str(SCRIPT), "status"], capture_output=True, text=True, check=False)
    if running.returncode == 0:  # someone else's server: use it, leave it running
        yield running.stdout.strip()
        return
    started = subprocess.run([str(SCRIPT), "start"], capture_output=True, text=True, timeout=900, check=False)
    if started.returncode != 0:
        pytest.fail(f"scripts/languagetool-server start failed: {started.stderr.strip()[-800:]}", pytrace=False)
    try:
        yield started.stdout.strip()
    finally:
        subprocess.run([str(SCRIPT), "stop"], capture_output=True, timeout=60, check=False)


@pytest.fixture(autouse=True)
def fresh_cache():
    reset()
    yield
    reset()


def raw_check(server: str, text: str, language: str = "en-US", **params) -> list[tuple[str, str, str]]:
    """LanguageTool's own answer, straight from /v2/check: (rule id, category id, matched text).
    Offsets are in UTF-16 code units; the texts sent here are in the BMP, so they are indexes."""
    data = urllib.parse.urlencode({"text": text, "language": language, **params}).encode()
    with urllib.request.urlopen(f"{server}/v2/check", data, timeout=60) as answer:
        matches = json.load(answer)["matches"]
    return [
        (m["rule"]["id"], m["rule"]["category"]["id"], text[m["offset"] : m["offset"] + m["length"]]) for m in matches
    ]


TIMEOUT = 120  # seconds: the suite shares two cores with the server; a slow answer is not what is tested


def grammar_findings(text: str, server: str, **settings):
    result = Linter(Config(grammar=True, grammar_server=server, grammar_timeout=TIMEOUT, **settings)).lint_text(text)
    assert result.notices == [], result.notices  # LanguageTool answered
    return [f for f in result.findings if f.category == "grammar"]


def spans(text: str, findings) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in findings]


# -- names ----------------------------------------------------------------------------------------

NAMED = (
    "Envoy meets ministers in Deir ez-Zor\n"
    "Dagný Þórðardóttir, the envoy, met Jean-Baptiste de la Fontanière and Mamadou Ndiaye-Sène "
    "in Deir ez-Zor on Monday, and later Abdulkarim bin Qasimov.\n"
    "Þórðardóttir said the talks with Ndiaye-Sène's team and Qasimov had gone well. "
    "Fontanière's office said the goverment would respond.\n"
)


def test_names_the_story_introduces_are_not_misspellings(server):
    flagged = {found for rule, category, found in raw_check(server, NAMED) if category == "TYPOS"}
    # LanguageTool alone takes these names for typos (else this test could not fail) ...
    assert {"Þórðardóttir", "Fontanière", "Qasimov", "goverment"} <= {
        w for f in flagged for w in f.split("-")
    } | flagged
    # ... newslint accepts what the story introduces, particles and diacritics included.
    assert spans(NAMED, grammar_findings(NAMED, server)) == [("grammar.spelling", "goverment")]


# -- the LanguageTool rules the pack turns off ------------------------------------------------------

# For each rule the pack disables: a text on which it fires (and its language, if not en-US). The server checks with only that
# rule on (and at the picky level, where some of them live), so the id must exist in the pinned
# release and cover what the pack says it covers.
TRIGGERS = {
    "ENGLISH_WORD_REPEAT_RULE": "Officials said the the talks would resume.",
    "COMMA_PARENTHESIS_WHITESPACE": "He left , then came back (again ) .",
    "DOUBLE_PUNCTUATION": "He left.. Then he came back.",
    "WHITESPACE_RULE": "He left  early.",
    "PUNCTUATION_PARAGRAPH_END": "The council met on Monday. It approved the budget for the year after a long debate\n\nNext.",
    "EN_QUOTES": 'He said "yes" and left.',
    "DASH_RULE": "The fight - which lasted hours - ended.",
    "EN_UNPAIRED_QUOTES": 'He said "yes and left.',
    "APOSTROPHE_IN_DATES": "He was born in the 1990's.",
    "CAFE_DIACRITIC": "The town has two cafes.",
    # Off because they are wrong for news copy (see rules/grammar.yaml):
    "OXFORD_SPELLING_Z_NOT_S": ("The council organised a meeting.", "en-GB"),
    "THE_SUPERLATIVE": "The bank said its Dutch operations will be hardest hit.",
    "HE_VERB_AGR": ("Away from home, England look to have made good signings.", "en-GB"),
    "OWNER_COMPOUNDS": "The government is the largest land owner in the region.",
    "ADVERB_OR_HYPHENATED_ADJECTIVE": "The winner last year was the French animated feature.",
    "LOW_COST_HYPHEN": "The airline sells low cost flights to Spain.",
    "AGREEMENT_SENT_START": "The Producers has beaten its rivals.",
    "NNS_IN_NNP_VBZ": "The decision to ban cash transactions in US dollars in Cuba has surprised many.",
    "PLURAL_VERB_AFTER_THIS": "Wenger believes that Arsenal have learnt the lesson.",
    "PCT_SINGULAR_NOUN_PLURAL_VERB_AGREEMENT": "Most voters back him, although a third don't think he should run.",
    "A_NNS": "She won in a straight sets match.",
    "ALL_MOST_SOME_OF_NOUN": "It raises questions about some of Spurs' players.",
    "DETERMINER_GEOGRAPHICAL_WORD": "A group of stars known as USA For Africa recorded a single.",
    "NORTH_POLE": "The rover will look for ice at the south pole of the moon.",
    "PRP_DOS": "It is a pity they did not make it DOS compatible.",
    "PHRASE_REPETITION": "The show is called Jewels after Jewels after Jewels this year.",
    "BOTH_AS_WELL_AS": "Investigators at both ends of the state as well as students helped.",
    "BE_WILL": "What was Will Young doing on the list?",
    "SINGLES_DAY": "Shoppers spent billions on Singles Day this year.",
    "FACT_CHECK_HYPHEN": "According to the newspaper's Fact Checker, the claim was false.",
    "MAKER_COMPOUNDS": "The change is a challenge to film makers.",
    "PICK_UP_COMPOUND": "Without a pick up in growth, the money could run out.",
    "AS_ADJ_AS": "More voters see him as honest than not.",
}
CATEGORY_TRIGGERS = {"TYPOGRAPHY": "He left  early."}
# The rules off because newslint does their job, and the newslint rule that does it: on each
# rule's trigger newslint's default packs (no grammar) must report that rule, else the
# LanguageTool rule has to come back on.
COVERED = {
    "ENGLISH_WORD_REPEAT_RULE": "repetition.doubled-word",
    "COMMA_PARENTHESIS_WHITESPACE": "punctuation.space-before",
    "DOUBLE_PUNCTUATION": "punctuation.doubled",
    "DASH_RULE": "punctuation.hyphen-as-dash",
    "EN_UNPAIRED_QUOTES": "quotes.unclosed",
    "APOSTROPHE_IN_DATES": "dates.decade",
}
# Off for other reasons: EN_QUOTES and CAFE_DIACRITIC (straight or curly marks, cafe or café:
# the house's choice, not a slip),
# PUNCTUATION_PARAGRAPH_END (headlines, datelines and bylines end without a stop), WHITESPACE_RULE
# (it would repeat CONSECUTIVE_SPACES, which the pack keeps) and the rules wrong for news copy.
# LanguageTool rules newslint does not do, which the pack leaves on: each is reported (at info).
KEPT = {
    "CONSECUTIVE_SPACES": "The council  met on Monday.",
    "EN_UNPAIRED_BRACKETS": "The council (which met on Monday approved the budget.",
    "UPPERCASE_SENTENCE_START": "the council met on Monday.",
}


def trigger(rule: str) -> tuple[str, str]:
    text = TRIGGERS[rule]
    return (text, "en-US") if isinstance(text, str) else text


def pack_settings() -> dict:
    data = yaml.safe_load((ROOT / "rules" / "grammar.yaml").read_text(encoding="utf-8"))
    rules = [r for r in data["rules"] if r["type"] == "languagetool"]
    assert rules
    return {
        "disable_rules": sorted({x for r in rules for x in r.get("disable_rules", [])}),
        "disable_categories": sorted({x for r in rules for x in r.get("disable_categories", [])}),
    }


def test_every_disabled_languagetool_rule_exists_in_this_release(server):
    settings = pack_settings()
    unknown = [rule for rule in settings["disable_rules"] if rule not in TRIGGERS]
    assert not unknown, f"rules/grammar.yaml disables {unknown}: add a text on which each fires to TRIGGERS"
    for rule in settings["disable_rules"]:
        text, language = trigger(rule)
        found = raw_check(server, text, language, enabledRules=rule, enabledOnly="true", level="picky")
        assert [r for r, _, _ in found if r == rule], (
            f"LanguageTool has no rule {rule} (or it no longer fires on its text)"
        )
    for category in settings["disable_categories"]:
        found = raw_check(server, CATEGORY_TRIGGERS[category], enabledCategories=category, enabledOnly="true")
        assert [c for _, c, _ in found if c == category], f"LanguageTool has no category {category}"


@pytest.mark.parametrize("rule", sorted(COVERED))
def test_newslint_does_the_job_of_each_languagetool_rule_it_turns_off_as_covered(rule):
    text, _ = trigger(rule)
    assert COVERED[rule] in {f.rule for f in Linter(Config()).lint_text(text).findings}, (rule, text)


def test_the_languagetool_rules_newslint_does_not_cover_are_reported(server):
    for rule, text in KEPT.items():
        reported = [f for f in grammar_findings(text, server) if f.message.endswith(f"({rule})")]
        assert [(f.rule, f.severity) for f in reported] == [("grammar.style", "info")], (rule, text)


@pytest.mark.parametrize("profile,language", [("ap", "en-US"), ("british", "en-GB")])
def test_the_disabled_rules_are_not_reported(server, profile, language):
    texts = [t for t, lang in map(trigger, TRIGGERS) if lang == language]
    # The article slip first: an unpaired quotation mark below opens a "quotation" to the end.
    text = "\n\n".join(["Minister visits port", "The minister made a unexpected visit to the port.", *texts])
    reported = {
        f.message.rsplit("(", 1)[-1].rstrip(")")
        for f in grammar_findings(text, server, profile=profile)
        if f.rule in ("grammar.grammar", "grammar.style")
    }
    assert "EN_A_VS_AN" in reported and not reported & set(TRIGGERS), reported  # the others still speak


# -- offsets -------------------------------------------------------------------------------------


def test_offsets_stay_right_after_emoji_and_crlf(server):
    text = (
        "Flood hits the coast \U0001f30a\r\n"
        "Residents \U0001f600\U0001f600 said the goverment was slow.\r\n"
        "\U0001f4f8 Officials made a unexpected visit on Tuesday.\r\n"
    )
    found = grammar_findings(text, server)
    assert spans(text, found) == [("grammar.spelling", "goverment"), ("grammar.grammar", "a")]
    lines = text.split("\r\n")
    assert [(f.line, f.column) for f in found] == [(2, lines[1].index("goverment") + 1), (3, lines[2].index(" a ") + 2)]


# -- language by profile ---------------------------------------------------------------------------


def test_british_checks_en_gb_and_ap_checks_en_us(server, monkeypatch):
    asked: list[str] = []
    real_query = LanguageToolService._query

    def spy(self, text, request):
        asked.append(request.language)
        return real_query(self, text, request)

    monkeypatch.setattr(LanguageToolService, "_query", spy)
    text = "Council approves plan\nThe council said the color of the new buses would be the colour of the old ones."
    # LanguageTool calls the other side's spelling a misspelling in each language ...
    assert [found for _, c, found in raw_check(server, text, "en-GB") if c == "TYPOS"] == ["color"]
    assert [found for _, c, found in raw_check(server, text, "en-US") if c == "TYPOS"] == ["colour"]
    # ... but a story that mixes them is the spelling pack's (spelling.us-british), reported once.
    for profile, other in (("british", "color"), ("ap", "colour")):
        result = Linter(
            Config(profile=profile, grammar=True, grammar_server=server, grammar_timeout=TIMEOUT)
        ).lint_text(text)
        assert [(f.rule, text[f.start : f.end]) for f in result.findings if "spelling" in f.rule] == [
            ("spelling.us-british", other)
        ]
    assert asked == ["en-GB", "en-US"]


# -- direct quotation ----------------------------------------------------------------------------


def test_inside_a_direct_quotation_only_spelling_is_checked(server):
    text = (
        "Minister visits port\n"
        '"It was a unexpected goverment decision," the minister said. Officials made a unexpected visit.'
    )
    assert "EN_A_VS_AN" in {r for r, _, _ in raw_check(server, text)}  # LanguageTool finds both articles
    found = grammar_findings(text, server)
    start = text.index("Officials")
    assert [(f.rule, text[f.start : f.end], f.start > start) for f in found] == [
        ("grammar.spelling", "goverment", False),
        ("grammar.grammar", "a", True),
    ]
    assert found[0].fix is None  # never a fix inside a quotation


# -- the language server's re-check ------------------------------------------------------------------


def test_the_language_servers_recheck_sends_only_the_changed_paragraphs(server, tmp_path, monkeypatch):
    from newslint.linter import LinterCache as Linters

    (tmp_path / ".newslint.yaml").write_text(
        f"grammar: true\ngrammar_server: {server}\ngrammar_timeout: {TIMEOUT}\n", encoding="utf-8"
    )
    sent: list[str] = []
    real_query = LanguageToolService._query

    def spy(self, text, request):
        sent.append(text)
        return real_query(self, text, request)

    monkeypatch.setattr(LanguageToolService, "_query", spy)
    linter = Linters().for_path(str(tmp_path / "draft.txt"))
    story = [
        "Talks resume",
        "The goverment said talks would resume on Monday.",
        "Officials made a unexpected offer.",
        "The mayor said nothing.",
    ]
    first = linter.lint_text("\n".join(story), str(tmp_path / "draft.txt"))
    assert len(sent) == 1 and first.notices == []
    edited = [*story[:3], "The mayor said nothing at all, and recieved no reply."]
    text = "\n".join(edited)
    result = linter.lint_text(text, str(tmp_path / "draft.txt"))
    assert sent[1:] == [edited[3]]  # one request, with the one paragraph that changed
    assert [(f.line, text[f.start : f.end]) for f in result.findings if f.category == "grammar"] == [
        (2, "goverment"),
        (3, "a"),
        (4, "recieved"),
    ]


# -- the pack's own examples -----------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["ap", "british"])
def test_the_grammar_examples_hold_against_the_real_server(server, monkeypatch, profile):
    from newslint.grammar import ENV_URL
    from newslint.packs import load_rules
    from newslint.rule_examples import example_failures

    monkeypatch.setenv(ENV_URL, server)
    rules = [r for r in load_rules(profile=profile) if r.category == "grammar"]
    assert rules and [example_failures(r) for r in rules] == [[] for _ in rules]


def test_the_script_is_quick_once_cached(server):
    if os.environ.get(ENV_REAL) is None and not SCRIPT.exists():
        pytest.skip("no script")
    run = subprocess.run([str(SCRIPT), "install"], capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0 and Path(run.stdout.strip(), "lib", ".complete").is_file()


# -- what the pack leaves alone on edited copy (benchmarks/grammar_audit.py) -------------------------


def test_terms_compounds_accents_and_articles_before_figures_are_left_alone(server):
    text = (
        "Firm fined\n"
        "The firm, accused of an $11bn fraud, made a unexpected offer at an 8am meeting. "
        "Its hardcourt cafes sold ticagrelor. Doctors said ticagrelor cut the risk. "
        "The goverment said nothing."
    )
    raw = {found for _, _, found in raw_check(server, text, "en-GB")}
    assert {"an", "hardcourt", "cafes", "ticagrelor"} <= raw  # LanguageTool alone reports them all
    assert spans(text, grammar_findings(text, server, profile="british")) == [
        ("grammar.grammar", "a"),
        ("grammar.spelling", "goverment"),
    ]


def test_words_languagetool_lacks_are_not_typos_but_slips_of_the_keyboard_are(server):
    # From edited copy (benchmarks/grammar_audit.py): short words and words a consonant away from
    # one LanguageTool knows were terms it lacks; dropped, swapped letters and confused vowels were typos.
    text = (
        "Band plays on\n"
        "Fans danced to bossa nova in the hall while hotel staff did the portering. "
        "The goverment said seperate talks would go on wtih the unions.\n"
    )
    assert {"bossa", "portering"} <= {found for _, category, found in raw_check(server, text) if category == "TYPOS"}
    for profile in ("ap", "british"):
        assert spans(text, grammar_findings(text, server, profile=profile)) == [
            ("grammar.spelling", "goverment"),
            ("grammar.spelling", "seperate"),
            ("grammar.spelling", "wtih"),
        ]


def test_markup_left_in_the_copy_is_not_spelling(server):
    text = 'Page saved\n<link href="https://example.com/a" rel="canonical"> The goverment page loaded.\n'
    assert "href" in {found for _, _, found in raw_check(server, text)}
    assert spans(text, grammar_findings(text, server)) == [("grammar.spelling", "goverment")]


def test_a_plural_verb_after_a_band_is_a_warning_for_ap_and_info_for_british(server):
    text = "Coldplay have announced a concert in Glasgow."
    levels = {
        profile: [(f.rule, f.severity, text[f.start : f.end]) for f in grammar_findings(text, server, profile=profile)]
        for profile in ("ap", "british")
    }
    assert levels == {
        "ap": [("grammar.grammar", "warning", " have")],
        "british": [("grammar.doubtful", "info", " have")],
    }


def test_a_name_in_a_capitalised_dateline_is_the_name_the_story_introduces(server):
    text = (
        "Mayor quits over car plant\n"
        "KRAGUJEVAC, Serbia (AP) — The mayor of Kragujevac resigned on Monday, and the goverment "
        "said the plant would stay open.\n"
    )
    assert "KRAGUJEVAC" in {found for _, category, found in raw_check(server, text) if category == "TYPOS"}
    assert spans(text, grammar_findings(text, server)) == [("grammar.spelling", "goverment")]


def test_headlines_names_elisions_and_articles_before_u_names_are_not_grammar_slips(server):
    text = (
        "More reforms ahead says Milburn\n"
        "The group is part of the Respond consortium, a Ukraine specialist said. "
        "Fans called it 'orrible, and the minister made a unexpected visit.\n"
    )
    raw = {(rule, found) for rule, _, found in raw_check(server, text, "en-GB")}
    # LanguageTool alone reports each of them (else this test could not fail) ...
    assert {("AGREEMENT_SENT_START_2", "says"), ("PREPOSITION_VERB", "Respond"), ("EN_A_VS_AN", "a")} <= raw
    assert "orrible" in {found for _, found in raw}
    # ... newslint only the article slip in the body.
    assert spans(text, grammar_findings(text, server, profile="british", min_level="warning")) == [
        ("grammar.grammar", "a")
    ]
    assert text.index(" a unexpected") + 1 == grammar_findings(text, server, profile="british")[-1].start


def test_to_too_advice_a_word_quoted_as_a_word_and_a_letter_before_the_first_are_not_typos(server):
    text = (
        "Cup tie\n"
        "The coach did not want his team to be too comfortable or too sure of victory. The word "
        '"energie" means energy. Wales were scragged by the defence, and the goverment said so.\n'
    )
    raw = {found for _, category, found in raw_check(server, text, "en-GB") if category == "TYPOS"}
    assert {"too sure", "energie", "scragged"} <= raw  # LanguageTool alone calls each a typo
    assert spans(text, grammar_findings(text, server, profile="british", min_level="warning")) == [
        ("grammar.spelling", "goverment")
    ]
