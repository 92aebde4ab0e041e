"""First references: acronyms a story spells out late or never, and courtesy titles put before a
given name, beyond what each rule's examples pin down."""

import pytest

from newslint import lint_text
from newslint.checks import first_use
from newslint.config import Config, load_config
from newslint.document import Document
from newslint.linter import Linter


def found(text, rule, profile="ap"):
    """The text of each span `rule` reports in `text`."""
    return [text[f.start : f.end] for f in lint_text(text, config=Config(profile=profile)) if f.rule == rule]


@pytest.mark.parametrize(
    ("acronym", "keys"),
    [
        ("OBR", {"OBR"}),
        ("DoDMA", {"DDMA"}),  # the small words in lower case take no letter
        ("PennDOT", {"PDOT", "PDT"}),  # Department of Transportation: the O may stand for "of"
        ("MOBO", {"MOBO", "MBO", "MOB"}),  # one O at a time
        ("BOE", {"BOE", "BE"}),  # Bank of England
    ],
)
def test_the_initials_an_expansion_may_spell(acronym, keys):
    assert first_use._keys(acronym) == keys


@pytest.mark.parametrize(
    ("text", "never", "later"),
    [
        # a body named by its letters alone, in several wordings
        ("The NWS said more snow would fall.", ["NWS"], []),
        ("Samples go to taxonomists at the PTC in Seattle.", ["PTC"], []),
        ("Agents from the OSBI collected shell casings.", ["OSBI"], []),
        ("The disaster agency, DoDMA, said 23 people died.", ["DoDMA"], []),
        # spelled out later, even in the same sentence, unless as a gloss beside it
        ("The ZBA met.\n\nThe Zoning Board of Appeals voted.", [], ["ZBA"]),
        ("The ZBA, or Zoning Board of Appeals, voted.", [], []),
        ("The ZBA met on Monday, and the Zoning Board of Appeals voted.", [], ["ZBA"]),
        # not a body: a company's or product's letters, a number's, a word in capitals
        ("Shares rose, said an analyst at UBS. ABN Amro fell.", [], []),
        ("The PAL version is late. The RTX 2060 is faster.", [], []),
        ("He wrote THE END in the margin and the end came.", [], []),
        # letters that only look like a Roman numeral are checked; a numeral is not
        ("The CDC sent staff.\n\nThe Centers for Disease Control and Prevention said so.", [], ["CDC"]),
        ("Henry VIII and Super Bowl LVII.", [], []),
    ],
)
def test_acronyms_never_or_later_spelled(text, never, later):
    story = "Headline\n\n" + text
    assert found(story, "reference.acronym-unexplained") == never
    assert found(story, "reference.acronym") == later


def test_each_profile_knows_its_readers_acronyms():
    story = "Exams\n\nThe exam board AQA said results rose.\n"
    assert found(story, "reference.acronym-unexplained", "british") == []
    assert found(story, "reference.acronym-unexplained", "ap") == ["AQA"]


def test_the_house_vocabulary_adds_known_acronyms(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("vocabulary:\n  accept: [KVPO]\n", encoding="utf-8")
    story = "Recount\n\nObservers from the KVPO attended every session. The KVPO said so.\n"
    assert found(story, "reference.acronym-unexplained") == ["KVPO"]
    config = load_config(tmp_path / "story.txt")
    assert [f.rule for f in Linter(config).lint_text(story).findings if f.rule.startswith("reference.")] == []


def test_the_acronym_scan_is_shared_by_the_rules_of_the_type():
    doc = Document("Headline\n\nThe NWS and the ZBA met.\n")
    rules = [first_use.Options(min_length=3), first_use.Options(problem="never-spelled", min_length=3)]
    for options in rules:
        list(first_use.check(doc, options))
    assert [m.group(1) for m in doc.memo(first_use._acronym_scan)] == ["NWS", "ZBA"]
    assert len(doc.memo(first_use._found_expansions)) == 1  # one search for both rules' acronyms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daniel Okonkwo, the chief executive, was angry. Mr Daniel said so.", ["Mr Daniel"]),
        ("Grace Adeyemi ran it. Later, Ms. Grace said rents doubled.", ["Ms. Grace"]),
        # a surname that is someone's given name, a name order with the family name first, and a
        # story that calls the person by the title and the surname too
        ("Mike Ashley sold it. Ashley Cole left. Mr Ashley said nothing.", []),
        ("Wang Yan runs the office. Mr Wang said fees would rise.", []),
        ("Howard Flight was sacked. Mr Flight was angry. Mr Howard said so.", []),
    ],
)
def test_a_courtesy_title_with_a_given_name(text, expected):
    assert found("Headline\n\n" + text, "reference.courtesy-forename", "british") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ms Lorna Atkins of Fair Fares Now said fares were too high.", ["Ms Lorna Atkins"]),
        ("Camilla Parker Bowles wed. Mrs Parker Bowles said so.", []),  # a surname of two words
        ("He produced Mr Tambourine Man for a man he knew.", []),
    ],
)
def test_a_courtesy_title_at_the_first_reference(text, expected):
    assert found("Headline\n\n" + text, "reference.courtesy-full-name", "british") == expected


# Quotation marks: AP and the British houses quote in double marks, so a spoken quotation in
# single marks is a slip even in a story that has no other quotation; a scare-quoted term in such
# a story is left alone. (A house that quotes in single marks, as the Daily Mail does, sets
# house_double: false.)
SINGLE_ONLY = "Stocks rebound\n\nStocks rose.\n\n'It's a relief rally, but it's a real one,' said Ana Ruiz.\n"
TERMS_ONLY = "Stocks rebound\n\nThe 'relief rally' rose. Its 'real one' fell.\n"


@pytest.mark.parametrize(
    ("text", "profile", "expected"),
    [
        (SINGLE_ONLY, "ap", ["'It's a relief rally, but it's a real one,'"]),
        (SINGLE_ONLY, "british", ["'It's a relief rally, but it's a real one,'"]),
        (TERMS_ONLY, "ap", []),  # terms, not quotations anyone spoke
        (TERMS_ONLY, "british", []),
    ],
)
def test_single_marks_under_a_house_that_quotes_in_double(text, profile, expected):
    assert found(text, "quotes.single-marks", profile) == expected
