"""Articles the project wrote itself, correct in their house style: no warning or error."""

from pathlib import Path

import pytest

from newslint import Config, lint_text

CLEAN = Path(__file__).parent / "clean"
ARTICLES = sorted(CLEAN.glob("*/*"))


def test_there_are_at_least_twelve():
    assert len(ARTICLES) >= 12


@pytest.mark.parametrize("path", ARTICLES, ids=[f"{p.parent.name}/{p.name}" for p in ARTICLES])
def test_clean_article_has_no_warning_or_error(path):
    profile = path.parent.name  # tests/clean/<profile>/<article>
    findings = lint_text(path.read_text(encoding="utf-8"), path=str(path), config=Config(profile=profile))
    loud = [f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings if f.severity != "info"]
    assert loud == []
