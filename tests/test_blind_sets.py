"""The blind sets under tests/blind are answer keys that benchmarks/recall.py scores against: a
key whose line is not in its draft would count a defect no finding can ever match."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from newslint.model import CATEGORIES

BLIND = Path(__file__).parent / "blind"
KEYS = sorted(BLIND.glob("set*/[0-9][0-9]-*.yaml"))
# What copy editors file defects under: newslint's categories, and two of their own that
# recall.py maps onto several of newslint's (style) or leaves to LanguageTool (grammar).
EDITORS_CATEGORIES = set(CATEGORIES) | {"style", "grammar"}


def test_there_are_blind_sets():
    assert len({key.parent for key in KEYS}) >= 3


@pytest.mark.parametrize("key", KEYS, ids=lambda k: f"{k.parent.name}/{k.stem}")
def test_every_expected_line_is_in_its_draft(key):
    drafts = [p for p in key.parent.glob(key.stem + ".*") if p.suffix != ".yaml"]
    assert len(drafts) == 1, drafts
    lines = drafts[0].read_text(encoding="utf-8").split("\n")
    whole = {line.strip() for line in lines}
    answer = yaml.safe_load(key.read_text(encoding="utf-8"))
    assert answer["profile"] in ("ap", "british")
    for entry in answer["expected"] or []:
        assert entry["category"] in EDITORS_CATEGORIES, entry
        assert entry["line"].strip() in whole, entry["line"]
        for also in entry.get("also") or []:
            assert any(also in line for line in lines), also
