"""The series type both ways: a house that omits the serial comma and one that requires it read
the same series, so fixing a story for one house and then reading it for the other reports
each series back."""

from __future__ import annotations

import pytest

from newslint.checks import series
from newslint.document import Document
from newslint.fix import apply_edits

SERIES = [
    "The flag is red, white and blue.",
    "The clerk thanked election judges, volunteers and county staff for their work.",
    "The side was sharp in midfield, in defence and in the air.",
    "Older people, infants under 2 and anyone with asthma are most at risk.",
]
NOT_SERIES = [
    "After the vote, the mayor left and the council adjourned.",
    "Smith, a lawyer and Jones were there.",
    "The menu has soup, fish and chips and a dessert.",
    "He came, he saw and he left.",
]


def hits(text, mode):
    return list(series.check(Document(text, "x.txt", "text"), series.Options(serial_comma=mode)))


@pytest.mark.parametrize("text", SERIES)
def test_require_reports_a_missing_serial_comma_and_omit_takes_it_back_out(text):
    (missing,) = hits(text, "require")
    with_comma = apply_edits(text, list(missing.edits))
    assert with_comma.count(",") == text.count(",") + 1
    assert hits(with_comma, "require") == []
    (serial,) = hits(with_comma, "omit")
    assert apply_edits(with_comma, list(serial.edits)) == text


@pytest.mark.parametrize("text", NOT_SERIES)
def test_clauses_asides_and_items_with_and_are_not_series(text):
    assert hits(text, "require") == []


def test_an_unknown_setting_is_a_clear_error():
    with pytest.raises(series.OptionError, match="omit or require"):
        series.Options(serial_comma="sometimes")
