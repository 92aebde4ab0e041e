"""The document model: headline, sentences, dates and positions."""

import pytest

from newslint.document import Document


def sentences(text):
    doc = Document(text)
    return [text[s:e] for s, e in doc.sentences]


@pytest.mark.parametrize(
    "text,count",
    [
        ("The U.S. Army said Gov. Smith met Brig. Gen. Jones on Sept. 8.", 1),
        ("Inflation was 4.5 percent. Prices rose.", 2),
        ("John F. Kennedy spoke. Mr. Smith listened.", 2),
        ('"We will win," she said. "We must."', 2),
        ("He moved to the U.S. The move was hard.", 2),
    ],
)
def test_sentence_splitter_survives_news_abbreviations(text, count):
    assert len(sentences(text)) == count


def test_headline_skips_furniture_above_it():
    doc = Document(
        "Tuesday, 21 May 2019\nLatest news\nMain » Troops advance\n\nTroops advance on city\n\nBody text here."
    )
    assert doc.span_text(doc.headline) == "Troops advance on city"


def test_short_headline_is_kept_when_a_story_follows():
    doc = Document("Prices rose\n\nInflation reached 4.5% in May, the highest in a decade.")
    assert doc.span_text(doc.headline) == "Prices rose"


def test_story_dates_come_from_date_lines_above_the_story():
    doc = Document(
        "Tuesday, 21 May 2019\n\nHeadline here now\n\n10 September 2017\n\n"
        "The story starts here and runs on for more than twelve words in total."
    )
    assert [(d.day, d.month, d.year) for d in doc.story_dates] == [(21, 5, 2019), (10, 9, 2017)]


def test_markdown_positions_map_back_to_the_source():
    source = "---\ntitle: A *big* day\n---\n\nThe **mayor** said [taxes](http://x) rise ,today.\n"
    doc = Document(source, kind="markdown")
    assert doc.span_text(doc.headline) == "A big day"
    for i, ch in enumerate(doc.text):
        if not ch.isspace():
            assert source[doc.to_source(i)] == ch


def test_line_col_is_one_based_in_characters():
    doc = Document("ab\n\U0001f600cd")
    assert doc.line_col(3) == (2, 1)
    assert doc.line_col(4) == (2, 2)
