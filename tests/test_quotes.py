"""The quotation parser: marks, apostrophes, nesting and the multi-paragraph convention."""

import pytest

from newslint.document import Document


def scan(text):
    doc = Document(text)
    return (
        doc,
        [(q.kind, q.depth, q.closed, text[q.start : q.end]) for q in doc.quotes],
        [p.kind for p in doc.quote_scan.problems],
    )


@pytest.mark.parametrize(
    "text",
    [
        "Don't stop. The Joneses' house was sold in the '90s, rock 'n' roll.",
        "O'Brien said the firm's shares fell.",
        "It’s the workers’ union, and the ’80s are over.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text):
    _, quotes, problems = scan(text)
    assert quotes == [] and problems == []


def test_straight_and_curly_quotations():
    _, quotes, problems = scan('"We won," she said. “We lost,” he said.')
    assert [q[3] for q in quotes] == ['"We won,"', "“We lost,”"]
    assert problems == []


def test_nested_quotation_is_depth_one():
    _, quotes, _ = scan("“He told me ‘not yet’ twice,” she said.")
    assert ("single", 1, True, "‘not yet’") in quotes


def test_multi_paragraph_quotation_is_correct():
    text = '"The first paragraph of the quote.\n\n"The second one, which closes," he said.'
    _, quotes, problems = scan(text)
    assert problems == []
    assert [q[2] for q in quotes] == [False, True]


def test_quotation_split_one_sentence_per_line_continues():
    _, _, problems = scan('He said: "First sentence.\nSecond sentence.\nThird one," he added.')
    assert problems == []


# A story split one sentence per line by a corpus tool, which lost the closing mark of the first
# quotation and the opening mark of the last at sentence edges.
SPLIT = (
    "Council backs plan\n\n"
    "The council voted on Tuesday to build the new bridge.\n"
    'The mayor said: "We have waited for this bridge for ten years.\n'
    "The vote was close, with five members against.\n"
    'Engineer Ann Lee said: "Work starts in the spring.\n'
    'It should take two years."\n'
    "The river is wide there.\n"
    'It is deep too," she said.\n'
    "Tolls will pay for it.\n"
)


def test_copy_split_one_sentence_per_line_pairs_marks_only_within_a_line():
    doc, _, problems = scan(SPLIT)
    assert doc.lines_are_sentences
    assert problems == []
    # The same lines as paragraphs (blank lines between them): the lost marks are reported.
    doc, _, problems = scan(SPLIT.replace("\n", "\n\n"))
    assert not doc.lines_are_sentences
    assert problems == ["unclosed", "unopened"]


def test_copy_split_one_sentence_per_line_still_has_problems_within_a_line():
    lines = SPLIT.replace("Tolls will pay for it.", 'He called it "a "good" plan," and cited the rivals" plans.')
    _, _, problems = scan(lines)
    assert problems == ["unopened", "apostrophe"]


def test_paragraphs_of_two_sentences_are_not_split_copy():
    text = SPLIT.replace("Tolls will pay for it.", "Tolls will pay for it. Nobody objected.")
    paragraphs = "\n".join(line + " It was agreed." if line.endswith(".") else line for line in text.split("\n"))
    assert not Document(paragraphs).lines_are_sentences


def test_unclosed_and_unopened():
    assert "unclosed" in scan('She said "we will win.\n\nThe count is Monday.')[2]
    assert "unopened" in scan('She said we will win," and left.')[2]


def test_breadcrumb_guillemets_and_inch_marks_are_not_quotes():
    _, quotes, problems = scan('Home » World » Europe\n\nA 34" screen costs $300.')
    assert quotes == [] and problems == []


def test_marks_inside_pasted_html_tags_are_ignored():
    _, _, problems = scan('<meta name="x" content="y"> Troops advance')
    assert problems == []


def test_in_quote_covers_the_words_only_of_quotations():
    text = 'The mayor said "taxes will rise" on Monday.'
    doc = Document(text)
    assert doc.in_quote(text.index("taxes"), text.index("taxes") + 5)
    assert not doc.in_quote(text.index("Monday"), text.index("Monday") + 6)


def test_a_markup_blob_cut_mid_tag_has_no_quotation_marks():
    _, quotes, problems = scan('Headline here\n\non"> <meta http-equiv="x" content="y"> <meta name="a">\n\nBody.')
    assert quotes == [] and problems == []


def test_a_pull_quote_line_is_headline_like():
    doc = Document("Headline here\n\n‘Jewels after Jewels after Jewels’\n\nThe story goes on here.")
    assert doc.is_headline_like(1) and not doc.is_headline_like(2)


def test_a_related_link_in_sentence_case_is_headline_like():
    doc = Document(
        "Headline here\n\nThe story goes on here.\n\n"
        "Staffers 'don't care': prison suicides were rising before the death of an inmate"
    )
    assert doc.is_headline_like(2) and not doc.is_headline_like(1)


def test_two_single_marks_are_one_double_mark_and_one_problem():
    text = "“It was an attempt to mislead voters,’’ he said. It has no “role in regulating content.’’"
    _, quotes, problems = scan(text)
    assert [q[3] for q in quotes] == ["“It was an attempt to mislead voters,’’", "“role in regulating content.’’"]
    assert problems == ["two-singles", "two-singles"]  # no backwards, unclosed or space-inside cascade


def test_a_spaced_possessive_is_not_a_backwards_mark():
    doc, quotes, problems = scan("The details of the Senate ’s session were shared. NPR 's reporter said so.")
    assert quotes == [] and problems == ["spaced-apostrophe", "spaced-apostrophe"]
    fixed = newslint_fix(doc.text, "quotes.spaced-apostrophe")
    assert fixed == "The details of the Senate’s session were shared. NPR's reporter said so."


@pytest.mark.parametrize(
    "text",
    [
        "“My first thought was, ‘Oh no, not again,’ ” she said.",
        "“ ‘Cheap money’ is over,” he said.",
        "\"The era of 'cheap money,' \" Jessop said.",
    ],
)
def test_a_space_between_nested_marks_is_not_a_slip(text):
    _, quotes, problems = scan(text)
    assert problems == [] and len(quotes) == 2


def test_a_quotation_padded_on_both_sides_is_one_finding_with_both_fixes():
    from newslint.config import Config
    from newslint.linter import Linter

    text = "She starred in “ Wild Rose ” and “ Fargo.”"
    findings = [f for f in Linter(Config()).lint_text(text, "t.txt").findings if f.rule == "quotes.space-inside"]
    assert [(f.column, f.end_column) for f in findings] == [(16, 29), (34, 36)]
    assert newslint_fix(text, "quotes.space-inside") == "She starred in “Wild Rose” and “Fargo.”"


def newslint_fix(text, rule):
    from newslint.config import Config
    from newslint.fix import apply_edits, choose_edits
    from newslint.linter import Linter

    findings = [f for f in Linter(Config()).lint_text(text, "t.txt").findings if f.rule == rule]
    return apply_edits(text, choose_edits(findings))


@pytest.mark.parametrize("text", ['"   "', "\u201c  \u201d"])
def test_a_quotation_of_spaces_alone_is_one_fix_that_does_not_overlap_itself(text):
    from newslint import lint_text

    [f] = [f for f in lint_text(text) if f.rule == "quotes.space-inside"]
    assert [(e.start, e.end, e.replacement) for e in f.fix] == [(1, len(text) - 1, "")]


def test_a_lone_closing_mark_in_the_other_kind_gets_one_edit():
    # Found by the property tests: a paragraph of one "”" after an unclosed quotation is a
    # quotation of one mark, whose opening and closing edits were the same edit twice.
    from newslint.config import Config
    from newslint.linter import Linter

    text = 'Prices fell  \u2019\n\n\u201c\u201d\n\n""It\'s People did not send me to fight, \n\n\u201d'
    findings = [
        f for f in Linter(Config(profile="ap")).lint_text(text, "x.txt").findings if f.rule == "quotes.mixed-marks"
    ]
    assert findings, "the lone curly mark is the other kind"
    for f in findings:
        edits = sorted(f.fix or (), key=lambda e: (e.start, e.end))
        assert all(a.end <= b.start for a, b in zip(edits, edits[1:])), f.fix
