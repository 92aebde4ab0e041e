"""Reliability of the grammar client: the timeout is a deadline for the whole answer, so a server
that sends its answer one byte at a time cannot hold newslint (tests/fake_languagetool.py)."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import ROOT

pytest.importorskip("language_tool_python", reason="the grammar extra (language-tool-python) is not installed")

from fake_languagetool import FakeLanguageTool  # noqa: E402


def test_a_server_that_dribbles_its_answer_is_cut_off_at_the_timeout_and_other_findings_print(tmp_path):
    draft = tmp_path / "story.txt"
    (tmp_path / "none.yaml").write_text("{}\n", encoding="utf-8")
    draft.write_text("The vote is on September 6 and and the goverment said so.\n", encoding="utf-8")
    with FakeLanguageTool(mode="dribble", delay=0.5) as server:
        started = time.monotonic()
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "newslint",
                "check",
                "--grammar",
                "--grammar-server",
                server.url,
                "--grammar-timeout",
                "2",
                "--config",
                str(tmp_path / "none.yaml"),
                str(draft),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        took = time.monotonic() - started
    # the answer is ~150 bytes at 2 a second: without a deadline it takes over a minute.
    assert took < 15, (took, run.stderr)
    assert "did not answer within 2 s" in run.stderr
    assert "story.txt" in run.stdout  # the other rules' findings are printed
