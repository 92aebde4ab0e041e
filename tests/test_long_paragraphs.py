"""One long paragraph of prose with many quotations, short references and fixes takes time
linear in its length (docs/reliability.md, issue 17)."""

import time

import pytest

from newslint.config import Config
from newslint.linter import Linter

HEADLINE = "Council backs the bridge plan\n\n"
PROSE = (
    'Mayor Jane Okafor said "we will build it" on Friday. Okafor, 52, said the council agreed. '
    'The plan, officials said, "is fine". '
)


def lint_seconds(text: str, profile: str = "ap") -> tuple[float, int]:
    linter = Linter(Config(profile=profile))
    started = time.perf_counter()
    findings = linter.lint_text(text, "long.txt").findings
    return time.perf_counter() - started, len(findings)


@pytest.mark.parametrize("profile", ["ap", "british"])
def test_a_long_paragraph_of_quotations_that_ends_without_a_stop(profile):
    """Whether the paragraph reads as a headline was worked out again for each quotation and
    each short reference, counting its every word: 25 s at 125 KB, 316 s at 500 KB."""
    text = HEADLINE + PROSE * (250_000 // len(PROSE)) + "and more"
    seconds, found = lint_seconds(text, profile)
    assert found > 900
    assert seconds < 10, f"{seconds:.1f} s"  # about 1 s


@pytest.mark.parametrize("unit", ['He said "yes" ', "\u2018no\u2019 , don't ", '" spaced " '])
@pytest.mark.parametrize("kind", ["text", "markdown", "html"])
def test_many_short_quotations_in_one_paragraph(unit, kind):
    """100 KB of one short quoted unit: 64 s (text), 69 s (Markdown), 121 s (HTML) before."""
    body = unit * (100_000 // len(unit))
    text = {
        "text": HEADLINE + body,
        "markdown": "# " + HEADLINE + body,
        "html": f"<h1>{HEADLINE.strip()}</h1><p>{body}</p>",
    }[kind]
    started = time.perf_counter()
    Linter().lint_text(text, "long", kind)
    assert time.perf_counter() - started < 8  # about 0.3-1.2 s


def test_single_marks_over_eight_thousand_quotations():
    """quotes.single-marks on 112 KB with 12,000 quotations: 267 s before, and the rule's time
    limit (which counts only regex calls) never stopped it."""
    unit = '\'yes sir\' "no sir" "ok sir" '
    seconds, found = lint_seconds(HEADLINE + unit * (112_000 // len(unit)) + "and more")
    assert found >= 4000
    assert seconds < 10, f"{seconds:.1f} s"  # about 1 s


@pytest.mark.parametrize("unit", ["about 5 X ", "some  12 Y, ", "up to 3 People "])
def test_many_numbers_after_an_estimate_s_word_in_one_paragraph(unit):
    """Each number after "about" sends the figure scan the plain way for a stretch; it began that
    stretch at the last figure, and with no figure between them, took 9 s for 20 KB and 150 s for
    80 KB."""
    seconds, _ = lint_seconds(HEADLINE + unit * (100_000 // len(unit)) + "and more")
    assert seconds < 10, f"{seconds:.1f} s"  # about 1 s


def test_thousands_of_names_said_to_speak():
    """Whether a name said to speak is a place is asked where the name occurs; asked of each of
    25,600 names through the whole story, that took 9 s (now one scan answers for all)."""
    from itertools import product

    from newslint.document import Document
    from newslint.document.people import find_people

    consonants = "bcdfghklmnprstvz"
    names = ["".join(letters).capitalize() for letters in product(consonants, "aeiou", consonants, "aeiou", "lmnr")]
    doc = Document(HEADLINE + " ".join(f"{name} said so." for name in names), "long.txt")
    started = time.perf_counter()
    assert len(find_people(doc).short) > 20_000
    assert time.perf_counter() - started < 4  # about 0.2 s


def test_thousands_of_names_spelled_two_ways():
    """Whether a surname or a joined name is also a word the story writes in lower case was a
    scan of the whole story for each candidate: quadratic in a long file (a 200,000-word file of
    wire copy spent 0.9 s in one rule). Now one set of the story's lower-case words answers."""
    from itertools import product

    consonants = "bdfgklmnprstvz"
    stems = ["".join(letters).capitalize() for letters in product(consonants, "aeiou", consonants, "aeiou")][:2000]
    paragraphs = []
    for stem in stems:  # each surname twice, one letter apart; each name joined and apart
        paragraphs.append(f"Mayor Ann {stem}ner said the {stem} Water plan was fine.")
        paragraphs.append(f"Ann {stem}ter said {stem}water would pay, the {stem}ter office said.")
    seconds, found = lint_seconds(HEADLINE + "\n\n".join(paragraphs))
    assert found > 2000
    assert seconds < 20, f"{seconds:.1f} s"
