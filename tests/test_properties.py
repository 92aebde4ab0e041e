"""Property-based tests: whatever text comes in, linting never fails and every position it
reports is right.

Two kinds of input: arbitrary Unicode (anything a paste can produce, line breaks of every sort,
control characters, surrogates' neighbours) and news-like copy built from the things rules look
for (quote marks, stray punctuation, figures, dates, names, Markdown markup) so that rules fire
and their fixes get exercised.

Line and column are checked against an oracle written here, independent of Document: a line
ends at "\\n", "\\r\\n" or a lone "\\r" (as in the Language Server Protocol and editors), and a
column counts characters from the start of its line.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.checks import base
from newslint.config import Config
from newslint.linter import Linter

# NEWSLINT_EXAMPLES=5000 for a longer hunt; 200 keeps the suite quick.
SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSLINT_EXAMPLES", 200)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
LINTERS = {profile: Linter(Config(profile=profile)) for profile in ("ap", "british")}
_LINE_END = re.compile(r"\r\n|\r|\n")


@pytest.fixture(autouse=True, scope="module")
def no_stalls_mistaken_for_runaways():
    """The regex time limit is wall-clock time: on a loaded machine a pause in the middle of a
    tiny match can reach it. These tests are about positions, not limits: give them room."""
    saved = base.REGEX_TIMEOUT
    base.REGEX_TIMEOUT = 60.0
    yield
    base.REGEX_TIMEOUT = saved


# -- oracles -----------------------------------------------------------------------------------
def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset`, counting lines the way editors do."""
    line, line_start = 1, 0
    for m in _LINE_END.finditer(text):
        if m.end() > offset:  # past it, or it sits between the \r and \n of one line end
            break
        line, line_start = line + 1, m.end()
    return line, offset - line_start + 1


def edits_of(findings):
    return [e for f in findings if f.fix for e in f.fix]


def apply_fixes(text: str, findings) -> tuple[str, list]:
    """newslint.fix's choice of edits (all fixes, safe and unsafe), applied: the new text and
    the edits applied, in order."""
    from newslint.fix import apply_edits, choose_edits

    chosen = sorted(choose_edits(findings, unsafe=True), key=lambda e: (e.start, e.end))
    return apply_edits(text, chosen), chosen


def assert_outside_unchanged(old: str, new: str, edits) -> None:
    """Every character outside the edited spans is still there, in order, byte for byte."""
    pos_old = pos_new = 0
    for e in edits:
        gap = old[pos_old : e.start]
        assert new[pos_new : pos_new + len(gap)] == gap
        pos_new += len(gap) + len(e.replacement)
        pos_old = e.end
    assert new[pos_new:] == old[pos_old:]


# -- the properties ----------------------------------------------------------------------------
def check_result(text: str, kind: str, profile: str = "ap"):
    result = LINTERS[profile].lint_text(text, "<prop>", kind)
    assert result.errors == [], result.errors  # no built-in rule may fail on any text
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert (f.line, f.column) == line_col(text, f.start), f
        assert (f.end_line, f.end_column) == line_col(text, f.end), f
        if f.fix is not None:
            edits = sorted(f.fix, key=lambda e: (e.start, e.end))
            assert edits, f
            for e in edits:
                assert 0 <= e.start <= e.end <= len(text), f
            for a, b in zip(edits, edits[1:]):
                assert a.end <= b.start, f"edits of one finding overlap: {f}"
    keys = [f.sort_key for f in result.findings]
    assert keys == sorted(keys)
    return result.findings


def check_fixes_converge(text: str, kind: str, profile: str = "ap", rounds: int = 25, apply=None) -> None:
    """Apply fixes and re-lint until nothing is left to fix. `apply(text, findings)` returns the
    new text and the edits it applied, sorted; by default newslint.fix's (apply_fixes above)."""
    apply = apply or apply_fixes
    findings = check_result(text, kind, profile)
    for _ in range(rounds):
        if not edits_of(findings):
            return
        new, applied = apply(text, findings)
        assert applied
        assert_outside_unchanged(text, new, applied)
        if new == text:
            return  # fixes that change nothing: a fixed point too
        text, findings = new, check_result(new, kind, profile)
    pytest.fail(f"fixes still changing the text after {rounds} rounds: {text!r}")


# -- strategies --------------------------------------------------------------------------------
LINE_BREAKS = ["\n", "\r\n", "\r", "\n\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
any_text = st.text(st.characters(codec="utf-8"), max_size=300) | st.lists(
    st.text(max_size=12) | st.sampled_from(LINE_BREAKS), max_size=40
).map("".join)

PIECES = [
    # words and names
    "the",
    "The",
    "minister",
    "said",
    "told",
    "reporters",
    "Ryan Dillon",
    "Dillon",
    "Dilon",
    "Ryan Dilon",
    "Mr Dillon",
    "Colonel",
    "ISIS",
    "ISIL",
    "Daesh",
    "Islamic State",
    "U.S.",
    "US",
    "U.S. -led",
    "Kiev",
    "Kyiv",
    "the the",
    "Dillon said",
    "has not. and",
    "'we will win the vote'",
    "per cent",
    "percent",
    "Per cent",
    "Inc.",
    "Gen.",
    "a.m.",
    "it",
    "was",
    "not",
    "and",
    "will",
    # figures and dates
    "300",
    "4.5%",
    "$5 million",
    "1,200",
    "about 40 vehicles",
    "Friday, 21 May 2019",
    "Tuesday, Sept. 8",
    "30 February 2020",
    "21 May 2019",
    "1998",
    "'90s",
    # quote marks, alone and in pairs
    '"',
    "'",
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "\u201e",
    '""',
    "''",
    '"We will win,"',
    "'we'",
    "\u201cWe will,\u201d",
    '" spaced "',
    '"quote",',
    "don't",
    "O'Brien",
    # punctuation slips
    ",",
    ".",
    ",,",
    "..",
    "...",
    " ,",
    " .",
    ";;",
    "::",
    "?",
    "!",
    " -",
    "-",
    "\u2014",
    "\u2026",
    "(",
    ")",
    # furniture and markup
    "Home \u00bb World \u00bb Europe",
    "Share this article",
    "Advertisement",
    "Latest news",
    "**",
    "_",
    "`",
    "#",
    "# ",
    "> ",
    "- ",
    "1. ",
    "[link](http://x)",
    "![img](y)",
    "<!--",
    "-->",
    "<b>",
    "```",
    "---",
    "title: ",
    "\t",
    "  ",
]
SEPARATORS = [" ", " ", " ", "", "\n", "\n\n", "\r\n", "\r", "\x0b", "\u2028"]
news_text = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda parts: "".join(p + s for p, s in parts)
)
# A story shape: a headline line, then paragraphs of news pieces, sometimes the headline again.
story = st.tuples(news_text, st.lists(news_text, min_size=1, max_size=6), st.booleans()).map(
    lambda t: "\n\n".join([t[0].replace("\n", " "), *t[1], *([t[0].replace("\n", " ")] if t[2] else [])])
)
kinds = st.sampled_from(["text", "markdown"])
profiles = st.sampled_from(["ap", "british"])


@SETTINGS
@given(any_text, kinds)
def test_arbitrary_unicode_is_linted_with_true_positions(text, kind):
    check_result(text, kind)


@SETTINGS
@given(news_text | story, kinds, profiles)
def test_news_like_text_is_linted_with_true_positions(text, kind, profile):
    check_result(text, kind, profile)


@SETTINGS
@given(news_text | story, kinds, profiles)
def test_fixes_keep_other_text_and_reach_a_fixed_point(text, kind, profile):
    check_fixes_converge(text, kind, profile)


# -- the oracles themselves, and cases hypothesis found once -----------------------------------
def test_oracle_counts_every_editor_line_end():
    assert line_col("a\nb\r\nc\rd", 7) == (4, 1)
    assert line_col("a\r\nb", 2) == (1, 3)  # between \r and \n: still the first line
    assert line_col("a\x0bb\u2028c\x0cd", 6) == (1, 7)  # not line ends in editors or LSP


def test_apply_fixes_keeps_the_text_between_edits():
    from newslint.model import Edit, Finding

    def finding(start, end, replacement, rule="x.y"):
        return Finding("<t>", rule, "x", "warning", "m", start, end, 1, 1, 1, 1, (Edit(start, end, replacement),))

    text = "abcdefgh"
    new, applied = apply_fixes(text, [finding(1, 3, "XY"), finding(2, 4, "Q"), finding(6, 6, "!")])
    assert new == "aXYdef!gh" and len(applied) == 2
    assert_outside_unchanged(text, new, applied)
    with pytest.raises(AssertionError):
        assert_outside_unchanged(text, "aXYdeF!gh", applied)


@pytest.mark.parametrize(
    "text",
    [
        "Headline here\rThe the minister said so.\rDillon said ISIS and Daesh.",  # old Mac line ends
        "Headline\r\n\r\nThe the minister , said \u201cwe will\u201d.\r\n",
        "Headline\x0bline two\x0cThe the minister said so.\u2028Daesh and ISIS",  # Word's manual breaks
        "Head\x85line\n\nThe the end.",
    ],
)
@pytest.mark.parametrize("kind", ["text", "markdown"])
def test_odd_line_ends_give_editor_positions(text, kind):
    assert check_result(text, kind)


# -- name-spelling: the indexed lookup finds what comparing every pair found -------------------
def _name_spelling_by_every_pair(doc):
    """The check written the plain way, comparing every pair of names (quadratic)."""
    from newslint.checks.name_spelling import _ACTS_AFTER, doubled_letter, looks_misspelled
    from newslint.document.people import find_people

    def _common_word(text, word):  # written in lower case somewhere: a scan of the text
        return re.search(rf"\b{re.escape(word.lower())}\b", text) is not None

    people = doc.memo(find_people)
    first_use = sorted((refs[0][0], surname, refs[0][2]) for surname, refs in people.full.items())
    for surname, refs in people.full.items():
        start, end, given = refs[0]
        for other_start, other, other_given in first_use:
            if (
                other_start < start
                and other_given == given
                and looks_misspelled(other, surname)
                and not _common_word(doc.text, other)
            ):
                yield start, end, other
                break
    for start, end, surname in sorted(people.short + people.opening):
        if surname in people.full:
            continue
        for other_start, other, _ in first_use:
            if (
                other_start < start
                and looks_misspelled(other, surname, final_e=True)
                and not _common_word(doc.text, other)
            ):
                acts = doubled_letter(other, surname) or _ACTS_AFTER.match(doc.text, end)
                if (start, end, surname) in people.short or (len(surname) >= 6 and acts):
                    yield start, end, other
                break


surnames = st.sampled_from(
    [
        "Dillon",
        "Dilon",
        "Dillion",
        "Dylan",
        "Dillons",
        "Smith",
        "Smyth",
        "Smithe",
        "Smoth",
        "Jones",
        "Jonas",
        "Joness",
        "Ojones",
        "Moreau",
        "Moraeu",
        "Morea",
    ]
)
givens = st.sampled_from(["Ryan", "Anna", "Ryan", "Li"])
mentions = st.lists(
    st.one_of(
        st.tuples(givens, surnames).map(" ".join),
        surnames.map(lambda s: f"{s} said"),
        surnames.map(lambda s: f"Mr {s}"),
    ),
    min_size=1,
    max_size=14,
)


@SETTINGS
@given(mentions)
def test_name_spelling_finds_what_comparing_every_pair_found(names):
    from newslint.checks import name_spelling
    from newslint.document import Document

    doc = Document("Headline\n\n" + ". ".join(f"Then {n} came" for n in names) + ".")
    found = [(h.start, h.end, h.fields["expected"]) for h in name_spelling.check(doc, name_spelling.Options())]
    assert sorted(found) == sorted(_name_spelling_by_every_pair(doc))


def test_a_long_line_is_not_a_date_line():
    """Date lines are short. Reading a paragraph of 50,000 dates as one cost 50,000 copies of it."""
    from newslint.document.document import is_date_line

    assert is_date_line("Updated: Tuesday, 21 May 2019 10:45 BST")
    assert not is_date_line("Friday, 21 May 2019 " * 50_000)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r\r\n"])
def test_a_markdown_soft_line_break_maps_to_the_line_end(newline):
    """The space that stands for a soft line break maps to the line end, not one past it."""
    text = f"# Head\n\nThe minister{newline}, said so."
    (finding,) = [
        f for f in LINTERS["ap"].lint_text(text, "x.md", "markdown").findings if f.rule == "punctuation.space-before"
    ]
    assert text[finding.start : finding.end] == newline + ","


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(story, story, kinds)
def test_no_state_leaks_between_documents(first, second, kind):
    """One Linter, many stories: a story's findings do not depend on what was linted before."""
    fresh = Linter(Config()).lint_text(second, "b", kind)
    linter = LINTERS["ap"]
    linter.lint_text(first, "a", kind)
    again = linter.lint_text(second, "b", kind)
    assert again.findings == fresh.findings and again.errors == fresh.errors
