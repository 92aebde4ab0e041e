"""`newslint audit` with the local engine: what it reads, what it writes, what it does with bad
input, a run killed with kill -9 and started again, --compare, and the report (structure always;
a screenshot in headless Chromium when the machine has it)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="newslint audit needs pyarrow: pip install 'newslint[audit]'")
pytest.importorskip("matplotlib", reason="newslint audit needs matplotlib: pip install 'newslint[audit]'")
import pyarrow.parquet as pq  # noqa: E402
from audit_corpus import stories, write_csv, write_jsonl, write_parquet  # noqa: E402
from conftest import ROOT  # noqa: E402

from newslint.cli import main  # noqa: E402
from newslint.linter import Linter  # noqa: E402

OUTPUTS = ("findings.parquet", "summary.csv", "summary.json", "report.html")
ARTIFACTS = ROOT / "tests" / "artifacts"


def audit(*args, capsys=None) -> tuple[int, str, str]:
    code = main(["audit", *map(str, args)])
    if capsys is None:
        return code, "", ""
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def whole(out: Path) -> dict:
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return {(r["kind"], r["name"]): r for r in summary["rows"] if r["grouping"] == "all"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    rows = stories()
    write_jsonl(folder / "stories.jsonl.gz", rows)
    return folder, rows


@pytest.fixture(scope="module")
def first(corpus, tmp_path_factory):
    """One audit of the JSON Lines archive by section, shared by the tests that read it."""
    folder, _ = corpus
    out = tmp_path_factory.mktemp("audit") / "out"
    assert (
        main(
            [
                "audit",
                str(folder / "stories.jsonl.gz"),
                "--out",
                str(out),
                "--by",
                "section",
                "-j",
                "2",
                "--partition-size",
                "40",
            ]
        )
        == 0
    )
    return out


def test_counts_are_those_of_the_linter_and_the_word_count_of_the_benchmarks(corpus, first):
    _, rows = corpus
    linter = Linter()
    expected = Counter(f.rule for row in rows for f in linter.lint_text(row["text"], "x", "text").findings)
    assert expected, "the test corpus must have slips"
    got = whole(first)
    words = sum(len(row["text"].split()) for row in rows)
    assert got[("all", "all")]["stories"] == len(rows) and got[("all", "all")]["words"] == words
    for rule, n in expected.items():
        assert got[("rule", rule)]["findings"] == n, rule
        assert got[("rule", rule)]["per_10k_words"] == round(n * 10_000 / words, 3)
    assert got[("all", "all")]["findings"] == sum(expected.values())
    silent = [name for (kind, name), r in got.items() if kind == "rule" and name not in expected]
    assert silent and all(got[("rule", name)]["findings"] == 0 for name in silent)  # rules that never fired: 0


def test_groups_add_up_and_differ(first):
    summary = json.loads((first / "summary.json").read_text(encoding="utf-8"))
    by_section = [r for r in summary["rows"] if r["grouping"] == "section" and r["kind"] == "all"]
    assert sorted(r["group"]["section"] for r in by_section) == ["Business", "Politics", "Sport"]
    assert sum(r["stories"] for r in by_section) == summary["stories"]
    assert sum(r["findings"] for r in by_section) == summary["findings"]
    assert len({r["per_10k_words"] for r in by_section}) == 3  # the corpus slips more in some sections
    months = [r for r in summary["rows"] if r["grouping"] == "month" and r["kind"] == "all"]
    assert [r["group"]["month"] for r in months] == [f"2023-{m:02d}" for m in range(1, 13)]
    table = list(csv.DictReader(io.StringIO((first / "summary.csv").read_text(encoding="utf-8"))))
    assert len(table) == len(summary["rows"])
    assert table[0]["grouping"] == "all" and table[0]["name"] == "all"


def test_findings_parquet_has_a_row_per_finding_with_the_story(corpus, first):
    _, rows = corpus
    table = pq.read_table(first / "findings.parquet")
    assert table.num_rows == whole(first)[("all", "all")]["findings"]
    by_id = {row["id"]: row for row in rows}
    for record in table.slice(0, 50).to_pylist():
        story = by_id[record["story_id"]]
        assert record["section"] == story["section"] and record["date"] == story["date"]
        assert record["found"] and record["found"] in story["text"]
    ids = table.column("story_id").to_pylist()
    assert ids == sorted(ids)  # in reading order, which here is id order


def test_every_format_gives_the_same_counts(corpus, tmp_path):
    _, rows = corpus
    write_csv(tmp_path / "stories.csv", rows, rename={"text": "body"})
    write_parquet(tmp_path / "stories.parquet", rows)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for row in rows:
        (drafts / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
    reference = None
    for source, extra in (
        (tmp_path / "stories.csv", ["--column", "text=body"]),
        (tmp_path / "stories.parquet", []),
        (drafts, []),
    ):
        out = tmp_path / f"out-{source.name}"
        assert audit(source, "--out", out, "-j", "1", *extra) == (0, "", "")
        counts = {k: (r["findings"], r["words"], r["stories"]) for k, r in whole(out).items()}
        assert reference is None or counts == reference, source
        reference = counts


def test_bad_input_is_named_and_the_rest_goes_on(corpus, tmp_path, capsys):
    folder, rows = corpus
    broken = [dict(row) for row in rows[:10]]
    broken[3]["text"] = ""
    del broken[6]["text"]
    write_jsonl(tmp_path / "holes.jsonl", broken)
    (tmp_path / "fake.jsonl.gz").write_text("plain text, not gzip\n")
    (tmp_path / "fake.parquet").write_text("id,text\n1,hello\n")
    write_csv(tmp_path / "nocolumn.csv", rows[:5], rename={"text": "body"})
    code, _, err = audit(
        tmp_path / "holes.jsonl",
        tmp_path / "fake.jsonl.gz",
        tmp_path / "fake.parquet",
        tmp_path / "nocolumn.csv",
        tmp_path / "missing.jsonl",
        folder / "stories.jsonl.gz",
        "--out",
        tmp_path / "out",
        "-j",
        "1",
        capsys=capsys,
    )
    assert code == 2
    assert f"{tmp_path / 'holes.jsonl'}: row 4: no text in column 'text'" in err
    assert f"{tmp_path / 'holes.jsonl'}: row 7: no text in column 'text'" in err
    assert f"{tmp_path / 'fake.jsonl.gz'}: not gzip" in err
    assert f"{tmp_path / 'fake.parquet'}: not a Parquet file" in err
    assert f"{tmp_path / 'nocolumn.csv'}: no column text (it has: id, body," in err
    assert f"{tmp_path / 'missing.jsonl'}: no such file" in err
    assert "Traceback" not in err and "stories/s" in err  # progress goes on stderr too
    assert whole(tmp_path / "out")[("all", "all")]["stories"] == len(rows) + 8  # 10 rows, 2 without text


def test_usage_errors_are_one_line(tmp_path, capsys):
    for args, said in (
        (["--by", "colour"], "--by colour: not a group"),
        (["--column", "body"], "--column body: give ROLE=NAME"),
    ):
        code, _, err = audit(tmp_path, "--out", tmp_path / "o", *args, capsys=capsys)
        assert code == 2 and said in err and len(err.strip().splitlines()) == 1


def test_rules_profile_and_compare_show_what_a_rule_change_did(corpus, first, tmp_path, capsys):
    folder, _ = corpus
    before = whole(first)
    code, out, _ = audit(
        folder / "stories.jsonl.gz",
        "--out",
        tmp_path / "new",
        "--by",
        "section",
        "--ignore",
        "naming",
        "--compare",
        first,
        "-j",
        "1",
        capsys=capsys,
    )
    assert code == 0
    gone = [line for line in out.splitlines() if "naming.islamic-state" in line]
    assert (
        gone and "(gone)" in gone[0] and f"{before[('rule', 'naming.islamic-state')]['per_10k_words']:.3f}" in gone[0]
    )
    assert not any("punctuation.space-before" in line for line in out.splitlines())  # unchanged: not listed
    assert "What the change did" in (tmp_path / "new" / "report.html").read_text(encoding="utf-8")
    code, _, _ = audit(
        folder / "stories.jsonl.gz",
        "--out",
        tmp_path / "only",
        "--rules",
        "punctuation",
        "--profile",
        "british",
        "-j",
        "1",
        capsys=capsys,
    )
    only = whole(tmp_path / "only")
    assert code == 0 and all(name.startswith("punctuation.") for kind, name in only if kind == "rule")
    assert only[("all", "all")]["findings"] == only[("category", "punctuation")]["findings"] > 0


def test_the_configuration_names_the_columns(corpus, tmp_path):
    _, rows = corpus
    archive = tmp_path / "archive"
    archive.mkdir()
    write_csv(archive / "stories.csv", rows[:30], rename={"text": "body", "section": "desk"})
    (archive / ".newslint.yaml").write_text("audit:\n  columns: {text: body, section: desk}\n  by: [section]\n")
    assert audit(archive / "stories.csv", "--out", tmp_path / "out", "-j", "1") == (0, "", "")
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert ["section"] in summary["groupings"]
    assert {r["group"]["section"] for r in summary["rows"] if r["grouping"] == "section"} == {
        "Politics",
        "Sport",
        "Business",
    }


def test_killed_with_kill_9_and_started_again_it_loses_nothing_and_redoes_nothing(corpus, first, tmp_path):
    folder, _ = corpus
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "newslint",
        "audit",
        str(folder / "stories.jsonl.gz"),
        "--out",
        str(out),
        "--by",
        "section",
        "-j",
        "1",
        "--partition-size",
        "4",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    finished = []
    while time.monotonic() < deadline and len(finished) < 10 and process.poll() is None:
        finished = [p for p in (out / "parts").glob("*.json") if p.name != "manifest.json"] if out.exists() else []
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed; make the corpus bigger"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done = {p.stem for p in (out / "parts").glob("*.json") if p.name != "manifest.json"}
    assert len(done) >= 10 and not (out / "summary.json").exists()
    again = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    skipped = int(again.stderr.split(" partitions were done by an earlier run")[0].rsplit("\n", 1)[-1].split()[-1])
    assert skipped >= len(done)
    # The same bytes as an uninterrupted run with the same partitions.
    fresh = tmp_path / "fresh"
    assert (
        main(
            [
                "audit",
                str(folder / "stories.jsonl.gz"),
                "--out",
                str(fresh),
                "--by",
                "section",
                "-j",
                "2",
                "--partition-size",
                "4",
            ]
        )
        == 0
    )
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert not (out / "parts").exists()


def test_a_run_with_other_settings_is_not_mixed_into_an_unfinished_one(corpus, tmp_path, capsys):
    folder, _ = corpus
    (tmp_path / "out" / "parts").mkdir(parents=True)
    (tmp_path / "out" / "parts" / "manifest.json").write_text('{"version": 1, "by": ["author"]}')
    code, _, err = audit(folder / "stories.jsonl.gz", "--out", tmp_path / "out", capsys=capsys)
    assert code == 2 and "holds an unfinished audit with other settings" in err


def test_without_pyarrow_it_says_what_to_install(corpus, tmp_path):
    blocker = tmp_path / "block" / "pyarrow"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('blocked by the test')\n")
    folder, _ = corpus
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "audit", str(folder), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(tmp_path / "block")),
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "newslint: audit needs pyarrow and matplotlib: pip install 'newslint[audit]'"


def test_import_newslint_and_check_load_no_audit_dependency(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("Headline\n\nThe vote was close , members said.\n")
    code = (
        "import sys, newslint; from newslint.cli import main; main(['check', sys.argv[1]]); "
        "print([m for m in ('pyarrow', 'dask', 'distributed', 'matplotlib') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


# -- the report ---------------------------------------------------------------------------------


class Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: Counter = Counter()
        self.ids, self.links, self.headings = [], [], []
        self._heading = False

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        self.links += [v for k, v in attrs.items() if k in ("src", "href") and v]
        self._heading = tag == "h2"

    def handle_data(self, data):
        if self._heading:
            self.headings.append(data)
            self._heading = False


def test_report_structure(first):
    page = (first / "report.html").read_text(encoding="utf-8")
    outline = Outline()
    outline.feed(page)
    assert outline.tags["script"] == 0 and outline.links == []  # standalone: nothing fetched, nothing run
    assert {"top", "by-section", "time", "noisy", "rules"} <= set(outline.ids)
    assert outline.tags["figure"] >= 4  # top rules, rates by section, section heatmap, over time
    summary = json.loads((first / "summary.json").read_text(encoding="utf-8"))
    assert outline.tags["details"] == len(summary["rules"])  # one drill-down per rule
    assert page.count("<mark>") >= 3
    assert "naming.islamic-state" in page and ("Daesh</mark>" in page or "ISIS</mark>" in page)


def test_report_in_headless_chromium(first):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium); the screenshot is skipped")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "audit-report.png"
    shot.unlink(missing_ok=True)
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1200,2400",
            f"--screenshot={shot}",
            (first / "report.html").as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    print(f"report screenshot: {shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 50_000  # plots and text, not a blank page (a blank 1200x2400 PNG is a few KB)
