"""Every report format reads the results once and lets each go when its file is done, so
`newslint check` over thousands of files holds one file's text and findings at a time (the
peak-memory figures for reuters21578 given once and twice: docs/reliability.md)."""

from __future__ import annotations

import io
import tracemalloc
import weakref

import pytest

from newslint.linter import Linter
from newslint.report import FORMATS, render

DRAFT = "Council backs the plan\n\nThe the council said it would \u201cbuild the the bridge\u201d , officials said .\n"


class _Sink(io.StringIO):
    """A stream that keeps nothing: what a report holds is then all the memory that grows."""

    def write(self, text: str) -> int:
        return len(text)


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_result_is_let_go_before_the_next_is_read(fmt):
    linter = Linter()
    results = [linter.lint_text(DRAFT, f"story-{i}.txt") for i in range(60)]
    assert all(len(r.findings) >= 3 for r in results)
    alive: list[weakref.ref] = []
    held, traced = [], []

    def one_at_a_time():
        while results:
            held.append(sum(ref() is not None for ref in alive))
            traced.append(tracemalloc.get_traced_memory()[0])
            result = results.pop(0)
            alive.append(weakref.ref(result))
            yield result
            del result

    tracemalloc.start()
    try:
        render(fmt, one_at_a_time(), _Sink(), rules=lambda: linter.engine.rules, profile=lambda: "ap")
    finally:
        tracemalloc.stop()
    # The report's loop still names the result before while it asks for the next: one at most.
    assert max(held) <= 1, held
    # Nothing kept per file either (finding dicts, pages): the memory the report holds after 10
    # files and after 60 differs by far less than the 50 files' findings would take.
    assert traced[-1] - traced[10] < 20_000, traced[10::10]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_streamed_report_is_the_report_of_the_list(fmt):
    linter = Linter()
    results = [linter.lint_text(DRAFT, f"story-{i}.txt") for i in range(3)]
    streamed, listed = io.StringIO(), io.StringIO()
    render(fmt, iter(results), streamed, rules=lambda: linter.engine.rules, profile=lambda: "ap")
    render(fmt, results, listed, rules=linter.engine.rules, profile="ap")
    assert streamed.getvalue() == listed.getvalue()
    assert "story-2.txt" in streamed.getvalue()
