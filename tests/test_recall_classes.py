"""Classes of defect a copy desk marks that need more than a rule example to pin down."""

import datetime as dt

from newslint import lint_text
from newslint.checks import dates
from newslint.config import Config
from newslint.document import Document


def rules_of(text, profile="ap"):
    return [(f.rule, f.line) for f in lint_text(text, config=Config(profile=profile))]


def test_an_unclosed_quotation_covers_its_own_sentence_only():
    text = 'Lifeboat\n\n"She knew the boat, she said. She was honoured in 1998.\n'
    doc = Document(text)
    said = text.index("she said")
    later = text.index("She was")
    assert doc.in_quote(said, said + 3)  # the quotation's own sentence is still quoted
    assert not doc.in_quote(later, later + 3)  # the copy after it is not hidden


def test_a_later_finding_is_not_hidden_by_an_unclosed_quotation():
    text = "Obituary\n\nThe centre opened in 1990. “Somebody had to do it, she said. The center closed in 2020.\n"
    found = rules_of(text, "british")
    assert ("quotes.unclosed", 3) in found
    assert ("spelling.us-british", 3) in found  # 'center', after the quotation's sentence


def test_a_weekday_with_no_year_is_checked_against_this_year(monkeypatch):
    class Today(dt.date):
        @classmethod
        def today(cls):
            return cls(2026, 12, 3)

    monkeypatch.setattr(dates.dt, "date", Today)
    story = "Obit\n\nShe was born in 1938. She died Sunday, Nov. 24, at home.\n"
    assert ("dates.wrong-weekday", 3) in rules_of(story)  # 24 November 2026 is a Tuesday
    quiet = "Obit\n\nShe was born in 1938. She died Tuesday, Nov. 24, at home.\n"
    assert "dates.wrong-weekday" not in {rule for rule, _ in rules_of(quiet)}
