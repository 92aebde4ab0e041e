"""Relative days against the story's date: what the rule examples in rules/dates.yaml cannot say,
because it hangs on the day the check runs (an undated draft, a dateline with no year)."""

import datetime as dt
import types

import pytest

import newslint.checks.relative_dates as relative_dates
from newslint import Config, lint_text
from newslint.linter import Linter
from newslint.rule_examples import example_failures

RULES = ("dates.relative-weekday", "dates.relative-week", "dates.after-story-date", "dates.sentencing-days")


@pytest.fixture
def today(monkeypatch):
    """Set the day the check runs."""

    def set_today(iso: str):
        class Today(dt.date):
            @classmethod
            def today(cls):
                return cls.fromisoformat(iso)

        monkeypatch.setattr(relative_dates, "dt", types.SimpleNamespace(date=Today, timedelta=dt.timedelta))

    return set_today


def found(text, rule, **settings):
    config = Config(profile="british", rule_settings={rule: settings} if settings else {})
    return [(f.rule, f.message) for f in lint_text(text, config=config) if f.rule == rule]


UNDATED = "Talks end\n\nTalks ended without agreement yesterday (Thursday), the mediators said.\n"


def test_an_undated_draft_counts_from_the_day_it_is_checked(today):
    today("2026-12-03")  # a Thursday: yesterday was Wednesday
    [(_, message)] = found(UNDATED, "dates.relative-weekday")
    assert message == (
        "'yesterday (Thursday': counted from today, as the story carries no date "
        "(Thursday, 3 December 2026), yesterday is Wednesday."
    )
    today("2026-12-04")  # checked on the Friday, the draft is right
    assert found(UNDATED, "dates.relative-weekday") == []


def test_an_archive_story_without_a_date_is_not_judged(today):
    today("2026-12-03")
    assert found(UNDATED, "dates.relative-weekday", archive=True) == []
    week = "Union deal\n\nThe deal, reached last week on Dec. 1, raises pay by 24%.\n"
    assert len(found(week, "dates.relative-week")) == 1
    assert found(week, "dates.relative-week", archive=True) == []


def test_a_dateline_without_a_year_is_the_one_nearest_the_day_of_the_check(today):
    text = "Forces detain militants\n\nBEIRUT, 1 December (Reuters) - Forces said on Wednesday they had detained 43.\n"
    today("2026-12-03")  # 1 December 2026 is a Tuesday: Wednesday is still to come
    [(_, message)] = found(text, "dates.after-story-date")
    assert "(Tuesday, 1 December 2026)" in message
    today("2027-11-30")  # 1 December 2027 is a Wednesday: the day itself
    assert found(text, "dates.after-story-date") == []
    today("2026-12-03")
    assert found(text, "dates.after-story-date", archive=True) == []


def test_an_undated_draft_reports_no_day_after(today):
    # "said on Friday" checked on a Thursday may be six days back: only a dated story is judged.
    today("2026-12-03")
    assert found("Deal signed\n\nThe firms said on Friday they had signed the deal.\n", "dates.after-story-date") == []


@pytest.mark.parametrize("day", ["2026-12-03", "2027-01-15", "2028-02-29", "2029-07-01", "2030-12-31"])
def test_the_examples_hold_whatever_the_day(today, day):
    today(day)
    rules = [r for r in Linter(Config(profile="british")).engine.rules if r.id in RULES]
    assert [r.id for r in rules] == list(RULES)
    for rule in rules:
        assert example_failures(rule) == [], rule.id
