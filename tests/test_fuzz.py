"""A short run of benchmarks/fuzz.py (about 20 s): generated drafts in text, Markdown and HTML,
both profiles. Nothing raises, spans and positions agree with the text, fixes settle and never
touch markup or a directive. The long runs and what they found: docs/reliability.md."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import fuzz  # noqa: E402


@pytest.mark.slow
def test_a_short_fuzz_run_breaks_no_property():
    found = fuzz.run(20, seed=0, log=lambda *a: None)
    assert not found, found
