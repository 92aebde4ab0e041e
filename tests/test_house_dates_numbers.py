"""House style for dates, times and numbers: what the rule examples cannot say.

The examples in rules/date-style.yaml, rules/numbers.yaml and rules/dates.yaml show each rule's
spans and fixes; these tests pin the messages, the rules' behaviour together (one finding per
problem, fixes that reach a fixed point) and settings a house changes in its configuration.
"""

import textwrap

import pytest

from newslint import Config, lint_text
from newslint.config import clear_config_cache, load_config
from newslint.fix import apply_edits, choose_edits
from newslint.linter import Linter
from newslint.packs import RuleError


def findings(text, profile="ap", **settings):
    return lint_text(text, config=Config(profile=profile, rule_settings=settings))


def by_rule(text, rule, profile="ap", **settings):
    return [f for f in findings(text, profile, **settings) if f.rule == rule]


def fixed(text, profile="ap", rounds=5):
    """The text after every fix, safe and unsafe, applied until nothing changes."""
    for _ in range(rounds):
        after = apply_edits(text, choose_edits(findings(text, profile), unsafe=True))
        if after == text:
            return text
        text = after
    raise AssertionError(f"fixes did not settle: {text!r}")


def test_wrong_weekday_names_the_date_once_and_the_right_weekday():
    [f] = by_rule("The vote is on Friday, 21 May 2019, officials said.", "dates.wrong-weekday")
    assert f.message == "'Friday, 21 May 2019': 21 May 2019 falls on a Tuesday."


@pytest.mark.parametrize(
    "text, message",
    [
        ("The law took effect on February 30, 2019.", "'February 30, 2019': there is no 30 February 2019."),
        ("The vote is on Friday, 30 February 2019.", "'Friday, 30 February 2019': there is no 30 February 2019."),
        ("The vote is on 31 April.", "'31 April': there is no 31 April."),
    ],
)
def test_a_date_that_does_not_exist_is_one_error_with_a_plain_message(text, message):
    found = [f for f in findings(text) if f.rule.startswith("dates.") and f.severity == "error"]
    assert [(f.rule, f.message) for f in found] == [("dates.no-such-date", message)]


def test_29_february_needs_a_leap_year_when_the_year_is_known():
    assert by_rule("The vote was on 29 February 2019.", "dates.no-such-date")
    assert not by_rule("The vote was on 29 February 2020.", "dates.no-such-date")
    assert not by_rule("The vote was on 29 February.", "dates.no-such-date")


def test_percent_under_ap_is_one_finding_the_sign_not_percent():
    found = findings("Prices rose 4 per cent in May.")
    assert [(f.rule, f.message) for f in found if f.rule in ("style.percent", "numbers.percent")] == [
        ("numbers.percent", "AP style (since 2019) uses the % sign with figures: '4%', not '4 per cent'.")
    ]
    assert fixed("Prices rose 4 per cent in May.") == "Prices rose 4% in May."


def test_percent_under_british_keeps_per_cent_and_the_sign():
    assert not [
        f
        for f in findings("Prices rose 4 per cent in May and 5% in June.", "british")
        if f.rule in ("style.percent", "numbers.percent")
    ]


def test_no_fix_changes_the_words_of_a_quotation():
    text = 'Markets fell. "We lost 3 percent on September 6 at 9am," the trader said.'
    for f in findings(text):
        if f.fix:
            quote = text.index('"'), text.rindex('"')
            assert not any(quote[0] < e.start < quote[1] for e in f.fix), f.rule


@pytest.mark.parametrize(
    "profile, text, after",
    [
        ("ap", "The vote is on 21st September 2019 at 9:00am.", "The vote is on Sept. 21, 2019 at 9 a.m."),
        ("british", "The vote is on September 21st, 2019 at 9:00 PM.", "The vote is on 21 September 2019 at 9pm."),
        (
            "ap",
            "The firm paid $5m dollars for 3 sites in the 1990's.",
            "The firm paid $5 million for three sites in the 1990s.",
        ),
        ("british", "The firm paid £5 million pounds for twelve sites.", "The firm paid £5m for 12 sites."),
    ],
)
def test_fixes_reach_the_house_form(profile, text, after):
    assert fixed(text, profile) == after


def test_a_house_changes_the_settings_of_its_profile(tmp_path):
    (tmp_path / ".newslint.yaml").write_text(
        textwrap.dedent("""\
        profile: ap
        rules:
          numbers.money-unit: {money: letters}
          dates.month-form: {months: full}
          numbers.small-figure: {spell_below: 11, level: warning}
        """),
        encoding="utf-8",
    )
    clear_config_cache()
    try:
        config = load_config(tmp_path / "story.txt")
    finally:
        clear_config_cache()
    text = "The deal is worth $5 million, signed on Sept. 6 by a group of 10 firms."
    found = {f.rule: f for f in lint_text(text, config=config)}
    assert found["numbers.money-unit"].fix[0].replacement == "m"
    assert found["dates.month-form"].message == "Write the month of a date as 'September', not 'Sept.'."
    assert found["numbers.small-figure"].severity == "warning"
    assert found["numbers.small-figure"].fix[0].replacement == "ten"


@pytest.mark.parametrize(
    "settings, field",
    [
        ({"numbers.small-figure": {"spell_below": 1}}, "spell_below"),
        ({"numbers.money-unit": {"money": "pounds"}}, "money"),
        ({"dates.month-form": {"months": "short"}}, "months"),
        ({"dates.time-form": {"style": "french"}}, "style"),
    ],
)
def test_a_bad_setting_is_a_one_line_error_naming_the_field(settings, field):
    with pytest.raises(RuleError, match=f"{field}: must"):
        Config(rule_settings=settings).rules()


def test_the_rules_leave_a_clean_ap_story_alone():
    story = (
        "Council approves budget\n\n"
        "The council approved a $5 million budget on Tuesday, Sept. 6, 2022, by a 5-4 vote.\n\n"
        "Taxes will rise 3% from Jan. 1, and 12 libraries will open at 9 a.m. and close at noon.\n\n"
        '"We waited twenty years for this," Mayor Ann Lee, 54, said. Three members voted no.\n'
    )
    assert [f.rule for f in findings(story) if f.rule.startswith(("dates.", "numbers.", "style."))] == []


def test_an_undated_draft_is_this_weeks_copy_and_an_archive_is_left_alone():
    # A story with no date and no year: its "Friday, Dec. 2" is the one nearest today (a draft is
    # checked the week it is written); an archive audit (`archive: true`) cannot know the year.
    import datetime as dt

    today = dt.date.today()
    date = min((dt.date(y, 12, 2) for y in (today.year - 1, today.year, today.year + 1)), key=lambda d: abs(d - today))
    wrong = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][(date.weekday() + 1) % 7]
    text = f"Ring charged\n\nThe thefts began last year. The indictment, unsealed {wrong}, Dec. 2, names nine."
    [f] = by_rule(text, "dates.wrong-weekday")
    assert f.message.endswith(f"2 December {date.year} falls on a {date:%A}.")
    assert by_rule(text, "dates.wrong-weekday", **{"dates.wrong-weekday": {"archive": True}}) == []


@pytest.mark.parametrize("today", ["2026-12-03", "2027-01-15", "2028-02-29", "2029-07-01", "2030-12-31"])
def test_date_rule_examples_hold_whatever_the_day(monkeypatch, today):
    """A weekday beside a date without a year is judged against the date nearest today: an
    example must say the same next year (a yearless leap day, good in 2026, was reported from
    January 2027 on)."""
    import datetime as dt
    import types

    import newslint.checks.dates as dates
    from newslint.rule_examples import example_failures

    class Today(dt.date):
        @classmethod
        def today(cls):
            return cls.fromisoformat(today)

    monkeypatch.setattr(dates, "dt", types.SimpleNamespace(date=Today))
    for profile in ("ap", "british"):
        rules = [r for r in Linter(Config(profile=profile)).engine.rules if r.type.name == "dates"]
        assert rules
        for rule in rules:
            assert example_failures(rule) == [], (profile, rule.id)
