"""The HTML report at archive size: counts per category and rule, errors first, filters, and
the house profile when the caller names it."""

import io
import re

from newslint.linter import Linter
from newslint.report import html


def page(**kwargs) -> str:
    linter = Linter()
    results = [
        linter.lint_text("Council backs the bridge plan\n\nThe mayor , said the the plan was fine.\n", "a.txt"),
        linter.lint_text("Council backs the bridge plan\n\nThe mayor said no.\n", "b.txt"),
        linter.lint_text("Council backs the bridge plan\n\nIt was fine , he said .\n", "c.txt"),
    ]
    out = io.StringIO()
    html.render(results, out, **kwargs)
    return out.getvalue()


def test_counts_per_rule_put_errors_first():
    text = page()
    rows = re.findall(
        r'<tr class="sev-(\w+)"><td><code>([\w.-]+)</code></td><td>\w+</td><td class="n">(\d+)</td>', text
    )
    assert rows and rows[0][:2] == ("error", "repetition.doubled-word")
    levels = [level for level, _, _ in rows]
    assert levels == sorted(levels, key=["error", "warning", "info"].index)
    assert dict((rule, int(n)) for _, rule, n in rows)["punctuation.space-before"] == 3
    assert "<th>Category</th>" in text


def test_filters_and_the_clean_stories():
    text = page()
    assert 'id="show-warning"' in text and 'id="show-clean"' in text
    assert 'class="story clean-story" id="story-2"' in text
    assert "<script" not in text


def test_the_house_profile_is_named_when_given():
    assert "house profile <strong>british</strong>" in page(profile="british", rules=[object()] * 3)
    assert "house profile" not in page()
