"""newslint in real editors, each skipped where the editor is not installed.

Headless Neovim and Emacs (eglot) open a draft with newslint as the language server, read back the
diagnostics at the columns the editor computed from the server's UTF-16 positions, and apply a
quick fix. The VS Code extension is only checked for syntax and its manifest (no VS Code here).
"""

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
EMACS = shutil.which("emacs")
HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "nvim" / "check.lua"
BIKES = "\U0001f6b2\U0001f6b2"


@pytest.mark.skipif(NVIM is None, reason="nvim is not installed")
def test_neovim_shows_diagnostics_and_applies_a_fix(tmp_path):
    draft = tmp_path / "draft.md"
    line = f"Riders {BIKES} cheered as the the council voted on Tuesday."
    draft.write_text(f"Council backs cycle lanes\n\n{line}\n", encoding="utf-8")
    out = tmp_path / "out.json"
    env = dict(
        os.environ,
        NEWSLINT_DRAFT=str(draft),
        NEWSLINT_OUT=str(out),
        NEWSLINT_PYTHON=sys.executable,
        PYTHONPATH=str(HERE.parent),
    )
    done = subprocess.run(
        [NVIM, "--headless", "--clean", "-c", f"luafile {SCRIPT}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        cwd=tmp_path,
    )
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


def _eglot_available() -> bool:
    if EMACS is None:
        return False
    probe = subprocess.run(
        [
            EMACS,
            "--batch",
            "-Q",
            "--eval",
            '(progn (dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))'
            " (add-to-list 'load-path d)) (require 'eglot))",
        ],
        capture_output=True,
        timeout=60,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _eglot_available(), reason="emacs with eglot is not installed")
def test_emacs_eglot_shows_diagnostics_and_applies_a_fix(tmp_path):
    draft = tmp_path / "draft.txt"
    line = f"Riders {BIKES} cheered as the the council voted on Tuesday."
    draft.write_text(f"Council backs cycle lanes\n\n{line}\n", encoding="utf-8")
    out = tmp_path / "out.json"
    env = dict(
        os.environ,
        NEWSLINT_DRAFT=str(draft),
        NEWSLINT_OUT=str(out),
        NEWSLINT_PYTHON=sys.executable,
        PYTHONPATH=str(HERE.parent),
    )
    done = subprocess.run(
        [EMACS, "--batch", "-Q", "-l", str(HERE / "emacs" / "check.el")],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        cwd=tmp_path,
    )
    assert out.exists(), done.stdout + done.stderr[-3000:]
    seen = json.loads(out.read_text(encoding="utf-8"))
    doubled = [d for d in seen["diagnostics"] if "repetition.doubled-word" in d["text"]]
    assert doubled, seen
    # Emacs columns are characters: eglot turned the UTF-16 column back into the character index.
    assert (doubled[0]["line"], doubled[0]["column"], doubled[0]["length"]) == (3, line.index("the the"), 7)
    assert doubled[0]["type"] == "eglot-error"
    assert seen["fixed"] == line.replace("the the", "the")


NODE = shutil.which("node")


def test_vscode_extension_manifest():
    manifest = json.loads((HERE.parent / "editors" / "vscode" / "package.json").read_text())
    assert manifest["main"] == "./extension.js"
    assert {"onLanguage:markdown", "onLanguage:plaintext"} <= set(manifest["activationEvents"])
    assert manifest["contributes"]["configuration"]["properties"]["newslint.command"]["default"] == ["newslint", "lsp"]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_vscode_extension_is_valid_javascript():
    done = subprocess.run(
        [NODE, "--check", str(HERE.parent / "editors" / "vscode" / "extension.js")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
