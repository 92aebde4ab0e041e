"""The article the project started from: every defect a copy editor marks, in its category."""

import json

from conftest import shared_path


def findings(cli, *args):
    path = shared_path("seed", "article.txt")
    result = cli("check", "--format", "json", *args, path)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def at(found, category, line):
    return [f for f in found if f["category"] == category and f["line"] == line]


def test_seed_defects_are_reported(cli):
    found = findings(cli)
    # 1. headline repeated at the foot and inside the breadcrumb
    assert at(found, "headline", 33) and at(found, "headline", 3)
    # 2. breadcrumb and page furniture
    assert at(found, "boilerplate", 3) and at(found, "boilerplate", 2)
    # 3. two story dates
    assert at(found, "dates", 7)
    # 4. "U.S. -led"
    assert any(f["rule"] == "punctuation.space-before-hyphen" for f in at(found, "punctuation", 9))
    # 5. U.S. and US
    assert {f["line"] for f in found if f["rule"] == "naming.united-states"} >= {11, 17, 19, 27}
    # 6. Islamic State, ISIS and Daesh
    islamic_state = {f["line"] for f in found if f["rule"] == "naming.islamic-state"}
    assert {11, 13, 17, 21, 27} <= islamic_state
    # 7. "Dillon said" before his full first reference
    assert [f["column"] for f in at(found, "reference", 13)] == [1]
    # 8. comma outside the closing mark
    assert {f["line"] for f in found if f["rule"] == "quotes.punctuation-outside"} == {15, 29, 31}
    # 9. space inside the closing mark, and a body quotation in single marks
    rules29 = {f["rule"] for f in at(found, "quotes", 29)}
    assert {"quotes.space-inside", "quotes.single-marks"} <= rules29
    # 10. a full stop mid-sentence
    assert any(f["rule"] == "punctuation.stop-mid-sentence" for f in at(found, "punctuation", 29))


def test_seed_has_no_false_alarms(cli):
    """Lines a copy editor leaves alone get nothing at warning or above."""
    found = findings(cli, "--min-level", "warning")
    assert not [f for f in found if f["line"] in (5, 23, 25)]
