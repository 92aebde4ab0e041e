"""One long paragraph of prose with many quotations, short references and fixes takes time
linear in its length (docs/reliability.md, issue 17)."""

import time

import pytest

from newslint.api import Linter
from newslint.config import Config

HEADLINE = "Council backs the bridge plan\n\n"
PROSE = ('Mayor Jane Okafor said "we will build it" on Friday. Okafor, 52, said the council agreed. '
         'The plan, officials said, "is fine". ')


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
