"""Every report format prints file names, rule ids and messages it did not write without
letting them act on a terminal or forge a finding (newslint/report/safe.py)."""

import io
import json
import os

import pytest

from newslint.engine import Result
from newslint.model import Finding
from newslint.report import FORMATS, render

ESC = "\x1b]0;owned\x07\x1b[31m"


def _result(path: str, rule: str = "style.x", message: str = "Say it once.") -> Result:
    source = "The the mayor said.\n"
    finding = Finding(
        path=path,
        rule=rule,
        category=rule.split(".")[0],
        severity="warning",
        message=message,
        start=0,
        end=7,
        line=1,
        column=1,
        end_line=1,
        end_column=8,
    )
    return Result(path, source, [finding])


def _render(fmt: str, result: Result) -> str:
    out = io.StringIO()
    render(fmt, [result], out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["text", "line", "github"])
def test_terminal_escapes_in_names_rules_and_messages_are_not_printed(fmt):
    out = _render(fmt, _result(f"story{ESC}.txt", rule=f"house.x{ESC}", message=f"Bad{ESC} thing."))
    assert "\x1b" not in out and "\x07" not in out


@pytest.mark.parametrize("fmt", ["line", "github", "text"])
def test_a_newline_in_a_file_name_cannot_forge_a_finding(fmt):
    out = _render(fmt, _result("a\nevil.txt:9:9: error: forged [x].txt"))
    assert not any(line.startswith("evil.txt") for line in out.splitlines())


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_that_is_not_utf8_renders_in_every_format(fmt):
    name = os.fsdecode(b"caf\xe9.txt")  # what os.walk gives for such a name
    out = _render(fmt, _result(name))
    out.encode("utf-8")  # no lone surrogate reaches the stream
    if fmt == "sarif":
        uri = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "caf%E9.txt"


def test_sarif_fix_titles_keep_the_case_of_the_copy():
    from newslint.model import Edit

    source = "ISIS said so.\n"
    finding = Finding(
        path="s.txt",
        rule="naming.x",
        category="naming",
        severity="warning",
        message="Use one name.",
        start=0,
        end=4,
        line=1,
        column=1,
        end_line=1,
        end_column=5,
        fix=(Edit(0, 4, "Islamic State"),),
        fix_safe=True,
    )
    out = io.StringIO()
    render("sarif", [Result("s.txt", source, [finding])], out)
    fix = json.loads(out.getvalue())["runs"][0]["results"][0]["fixes"][0]
    assert fix["description"]["text"] == "Replace 'ISIS' with 'Islamic State'"
