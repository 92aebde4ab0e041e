"""newslint as Neovim's language server: a draft opened in headless Neovim gets its diagnostics,
at the byte columns Neovim computes from the server's UTF-16 positions, and a quick fix applies."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).with_name("nvim") / "check.lua"
BIKES = "\U0001F6B2\U0001F6B2"


@pytest.mark.skipif(NVIM is None, reason="nvim is not installed")
def test_neovim_shows_diagnostics_and_applies_a_fix(tmp_path):
    draft = tmp_path / "draft.md"
    line = f"Riders {BIKES} cheered as the the council voted on Tuesday."
    draft.write_text(f"Council backs cycle lanes\n\n{line}\n", encoding="utf-8")
    out = tmp_path / "out.json"
    env = dict(os.environ, NEWSLINT_DRAFT=str(draft), NEWSLINT_OUT=str(out), NEWSLINT_PYTHON=sys.executable,
               PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    done = subprocess.run([NVIM, "--headless", "--clean", "-c", f"luafile {SCRIPT}"], env=env,
                          capture_output=True, text=True, timeout=90, cwd=tmp_path)
    assert out.exists(), done.stdout + done.stderr
    seen = json.loads(out.read_text())
    assert seen.get("error") is None, seen["error"]
    doubled = [d for d in seen["diagnostics"] if d["code"] == "repetition.doubled-word"]
    assert doubled, seen
    d = doubled[0]
    # Neovim turns the server's UTF-16 column into a byte column: both must point at "the the".
    start = len(line[: line.index("the the")].encode("utf-8"))
    assert (d["lnum"], d["col"], d["end_col"]) == (2, start, start + len("the the"))
    assert d["severity"] == 1  # vim.diagnostic.severity.ERROR
    assert seen.get("fixed_line") == line.replace("the the", "the")
