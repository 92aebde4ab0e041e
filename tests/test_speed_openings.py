"""The fast paths of the attribution checks and the people scan against the plain code they
replaced: openings of a pattern, searches tried only at them, figures found a story at a time,
lower-case searches, and places asked of one name."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_speed import TEXTS, _patterns, test_rewritten_patterns_match_the_originals

from newslint.checks import attribution, vague_source
from newslint.checks.base import compile_pattern, string_list
from newslint.checks.openings import AnySearch, branches, leading_literals
from newslint.document import Document
from newslint.document.people import _PLACE, is_place
from newslint.linter import Linter

# Text made of what the patterns look at, and letters a case-blind match reads as ASCII ones
# (a long s, a dotted capital I, a Kelvin sign) and a dotless i, which lower() keeps.
TEXT = st.text(alphabet="saidtoldSAIDTOLDU.S cookiekx\u017f\u0130\u212a\u0131ab1 \n", max_size=30)


def _rule(name):
    return next(r for r in Linter().engine.rules if r.type.name == name)


@settings(max_examples=400, deadline=None)
@given(_patterns(), st.booleans(), TEXT)
def test_every_match_starts_at_an_opening(pattern, ignore_case, text):
    literals = leading_literals(pattern)
    if literals is None:
        return
    compiled = compile_pattern("patterns", pattern, ignore_case=ignore_case)
    doc = Document(text, "x.txt")
    if doc.folded is None:
        return
    for at in range(len(doc.text) + 1):
        if compiled.match(doc.text, at):
            assert doc.folded.startswith(tuple(literals), at), (pattern, text, at)


def test_openings_read_what_they_can_and_no_more():
    assert leading_literals(r"\b(?:said|says?|according to)\b") == {"said", "say", "according to"}
    assert leading_literals(r"(?:head )?teachers") == {"head teachers", "teachers"}
    assert leading_literals(r"a spokes(?:man|woman)") == {"a spokesman", "a spokeswoman"}
    assert leading_literals(r"(?<![\w-])(?i:Officials)(?=\s+said)") == {"officials"}
    assert leading_literals(r"show(?:s|n)?\w*") == {"show"}  # "shows", "shown" start with it
    assert leading_literals(r"x*said") is None  # may start with "s"
    assert leading_literals(r"[A-Z]\w+ said") is None  # starts with a class
    assert leading_literals(r"\p{L}said") is None  # the regex module's syntax: not read here


@settings(max_examples=300, deadline=None)
@given(st.lists(_patterns(), min_size=1, max_size=4), st.sampled_from([r"\b(?:{})\b", r"(?<!\w)(?:{})(?!\w)"]), TEXT)
def test_any_search_finds_what_the_search_finds(parts, wrap, text):
    alternatives = "|".join(f"(?:{p})" for p in parts)
    pattern = compile_pattern("parts", wrap.format(alternatives), ignore_case=True)
    search = AnySearch(pattern, parts, wrap, field="parts", ignore_case=True)
    doc = Document(text, "x.txt")
    for start, end in [(0, len(doc.text)), *doc.sentences]:
        assert search.search(doc.text, doc.folded, start, end) == bool(pattern.search(doc.text, start, end))


def test_any_search_of_the_rule_packs_finds_what_the_search_finds():
    options = _rule("attribution").options
    for text in TEXTS + ["Crowds of 40,000 gathered. Tickets cost \u00a35 an hour, the club said (Reuters)."]:
        doc = Document(text, "x.txt")
        for start, end in doc.sentences:
            for search, pattern in ((options.sourced, options.pattern), (options.of_record, options.record)):
                assert search.search(doc.text, doc.folded, start, end) == bool(pattern.search(doc.text, start, end))


# Stories of figures: numbers, currencies, estimates, units, sentence and line ends.
FIGURE_STORY = st.lists(
    st.sampled_from(
        [
            "about",
            "More than",
            "some",
            "up to",
            "at least",
            "over",
            "$",
            "\u00a3",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\u00a0",
            "5",
            "12",
            "1,234",
            "3.5",
            ",",
            ". ",
            ". The",
            "%",
            " per cent",
            " pct",
            "m",
            " million",
            " people",
            " dollars",
            " years",
            "a",
            "x",
            "doubled",
            "tens of",
        ]
    ),
    max_size=24,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(FIGURE_STORY)
@example("about\n5 people").via("an estimate's word on the line before")
@example("The 2 men. About  5 people came.").via("two spaces after an estimate's word")
@example("It was 1,000\nyears ago. About  5 people came, up to 7 million dollars.").via("across lines")
def test_figures_of_a_story_are_those_of_its_sentences(text):
    doc = Document(text, "x.txt")
    plain = {}
    for number, (start, end) in enumerate(doc.sentences):
        found = [m.span() for m in attribution.FIGURE.finditer(doc.text, start, end)]
        if found:
            plain[number] = found
    assert {number: [m.span() for m in found] for number, found in attribution._figures(doc).items()} == plain
    for start, end in doc.paragraphs:
        fast = [m.span() for m in attribution.paragraph_figures(doc.text, start, end)]
        assert fast == [m.span() for m in attribution.FIGURE.finditer(doc.text, start, end)]


CLAIM_WORDS = st.lists(
    st.sampled_from(
        [
            "Sales",
            "ROSE",
            "r\u0131sing",
            "R\u0130SING",
            "fell",
            "FaLLen",
            "will",
            "W\u0131LL",
            "planned",
            "set to",
            "dropped from the",
            "dropped",
            "a record",
            "a  record",
            "\u017fet to",
            "5%",
            "10",
            "people",
            ",",
            ".",
            "?",
            " ",
        ]
    ),
    max_size=10,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(CLAIM_WORDS, st.sampled_from(["4%", "300", "doubled", "tens of"]))
def test_claims_are_told_the_same_in_lower_case(sentence, figure):
    doc = Document(sentence, "x.txt")
    lower = attribution._lower_case(doc)
    end = len(doc.text)
    assert attribution._is_claim(figure, doc.text, 0, end, lower) == attribution._is_claim(figure, doc.text, 0, end)


def test_the_trend_and_plan_words_are_lower_case():
    for pattern in (attribution._TREND, attribution._PLAN):
        assert pattern.flags & re.IGNORECASE and pattern.pattern == pattern.pattern.lower()


PLACE_STORY = st.lists(
    st.sampled_from(
        ["in", "from", "inside", "within", "Wales", "Dillon", "McDillon", "Dillon-Smith", "said", ",", "\n", "  "]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(PLACE_STORY, st.sampled_from(["Wales", "Dillon", "McDillon", "Smith"]))
def test_a_place_is_found_as_the_scan_of_the_story_finds_it(text, name):
    assert is_place(text, name) == (name in {m.group(1) for m in _PLACE.finditer(text)})


COLLECTIVE_STORY = st.lists(
    st.sampled_from(
        [
            "Officials",
            "officials",
            "analysts",
            "a spokesman",
            "head teachers",
            "teachers",
            "aid workers",
            "said",
            "say",
            "told",
            "in London",
            ",",
            ".",
            "\n",
            "Headline\n\n",
            "county",
            "-",
            "x",
        ]
    ),
    max_size=14,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(COLLECTIVE_STORY)
def test_collectives_are_found_as_a_scan_of_each_paragraph_finds_them(text):
    options = _rule("vague-source").options
    doc = Document(text, "x.txt")
    plain = [
        (m.span(), start)
        for index in doc.body
        for start, end in [doc.paragraphs[index]]
        for m in options.pattern.finditer(doc.text, start, end)
    ]
    assert [(m.span(), start) for m, start in vague_source._matches(doc, options)] == plain


def test_branches_are_the_top_level_alternatives_or_the_pattern_whole():
    assert branches(r"a|b(?:c|d)|\|e") == ["a", "b(?:c|d)", r"\|e"]
    assert branches(r"[]|]x|y") == ["[]|]x", "y"]
    assert branches(r"(a)|\1") == [r"(a)|\1"]  # group numbers would change
    assert branches(r"(?i)a|b") == [r"(?i)a|b"]  # a flag for the whole pattern
    assert branches("said") == ["said"]


@settings(max_examples=300, deadline=None)
@given(st.lists(_patterns(), min_size=2, max_size=4).map("|".join), TEXT)
def test_branches_match_what_the_pattern_matches(pattern, text):
    whole = compile_pattern("p", pattern, ignore_case=True)
    parts = [compile_pattern("p", branch, ignore_case=True) for branch in branches(pattern)]
    for at in range(len(text) + 1):
        assert bool(whole.match(text, at)) == any(part.match(text, at) for part in parts)


def test_collectives_have_openings_and_sources_are_split_as_written():
    assert _rule("vague-source").options.openings is not None
    options = _rule("attribution").options
    assert options.sourced.finder is not None and options.sourced.rest is None
    assert len(string_list("sources", options.sources)) > 1


NAME_STORY = st.lists(
    st.sampled_from(
        [
            "Mr",
            "Mrs",
            "Ms.",
            "Dr",
            "Miss",
            "McDonald",
            "MacLeod",
            "O'Brien",
            "O\u2019Neil",
            "D'Arcy",
            "Smith-Jones",
            "Dillon",
            "Ryan",
            "van",
            "J.",
            "said",
            "told",
            "says",
            "'s",
            "\u2019s",
            ",",
            ", a",
            ", the",
            "who",
            "was",
            ".",
            '"',
            "  ",
            "-",
            "x",
            "Mcdonald",
            "\n",
        ]
    ),
    max_size=14,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(NAME_STORY)
def test_names_are_found_as_the_original_patterns_find_them(text):
    test_rewritten_patterns_match_the_originals.hypothesis.inner_test(text)
