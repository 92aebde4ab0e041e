"""Every report format takes time linear in the findings, however long the line they sit on
(docs/reliability.md: the text report cleaned a whole 1 MB line again for each finding)."""

import io
import json
import time

import pytest

from newslint.linter import Linter
from newslint.report import FORMATS, render

UNIT = "The mayor , said the the plan was fine ; officials agreed . "


@pytest.fixture(scope="module")
def one_long_line():
    text = "Headline\n\n" + UNIT * (500_000 // len(UNIT))  # one 500 KB line, 25,000 findings
    return Linter().lint_text(text, "long.txt")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_report_of_one_long_line_is_linear(one_long_line, fmt):
    assert len(one_long_line.findings) > 20_000
    out = io.StringIO()
    started = time.perf_counter()
    render(fmt, [one_long_line], out)
    seconds = time.perf_counter() - started
    assert seconds < 8, f"{fmt}: {seconds:.1f} s"  # about 1 s here; the quadratic text report took a minute
    if fmt in ("json", "sarif"):
        json.loads(out.getvalue())
    if fmt == "text":
        shown = out.getvalue().splitlines()
        assert all(len(line) <= 4 + 3 + 160 for line in shown if line.startswith("    "))
