"""naming.name-variant: the odd spelling of a name is reported, in linear time."""

from __future__ import annotations

import random
import string

from newslint.linter import lint_text


def _variants(text: str) -> list[str]:
    return [f.message.split("'")[1] for f in lint_text(text) if f.rule == "naming.name-variant"]


def test_the_minority_spelling_is_reported_wherever_it_stands():
    first = "Quake\n\nRescuers set out from Quilka. The road to Quilca was cut, and Quilca had no power.\n"
    last = "Quake\n\nThe road to Quilca was cut, and Quilca had no power. Rescuers set out from Quilka.\n"
    assert _variants(first) == ["Quilka"]
    assert _variants(last) == ["Quilka"]


def test_two_spellings_written_as_often_are_left_alone_unless_the_name_is_long():
    assert _variants("Tour\n\nThe team met in Harrowby. Later, Harowby fans sang.\n") == []
    assert _variants("Review\n\nThe band played Tchaikovsky. Then came Tchaikowsky's waltz.\n") == ["Tchaikowsky"]


def test_many_capitalised_words_take_linear_comparisons(monkeypatch):
    """Pairs are looked up by spellings with a letter deleted, and a crowd of look-alike codes
    (more than a dozen sharing one spelling) is not compared pair by pair."""
    from newslint.checks import name_variant

    rng = random.Random(5)
    names = sorted(
        {rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=7)) for _ in range(3000)}
    )
    codes = ["Xab" + "".join(rng.choices("abcde", k=4)) for _ in range(3000)]  # all alike
    text = "Headline\n\n" + "\n\n".join(f"They met at {n} and {c} on Monday." for n, c in zip(names, codes)) + "\n"
    calls = [0]
    real = name_variant.distance

    def counted(*args):
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(name_variant, "distance", counted)
    lint_text(text)
    assert calls[0] <= 3 * (len(names) + len(codes)), f"{calls[0]} distance() calls for {len(names) + len(codes)} words"
