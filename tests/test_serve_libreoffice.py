"""LibreOffice's own LanguageTool client against `newslint serve`: headless LibreOffice (Debian's
libreoffice-writer) with its LanguageTool Remote Grammar Checker pointed at the server, asked to
proofread paragraphs as Writer does while one types. Skipped, saying why, where LibreOffice or
its Python bridge is not installed (.ci/run installs them when it can)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from serve_helpers import Server, free_port, need_server_packages

need_server_packages()
SOFFICE = shutil.which("soffice")
SYSTEM_PYTHON = "/usr/bin/python3"
DRIVER = Path(__file__).with_name("libreoffice_driver.py")


def _has_uno() -> bool:
    if not Path(SYSTEM_PYTHON).exists():
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False).returncode == 0


if not SOFFICE or not _has_uno():
    pytest.skip(
        "LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui python3-uno); "
        "the LibreOffice test needs it",
        allow_module_level=True,
    )


def test_libreoffice_underlines_newslint_findings_on_the_right_spans(tmp_path):
    paragraphs = [
        "Flood waters \U0001f30a rose and the the river broke its banks , officials said.",
        '"We will stay until the work is done, Hollis said of the plan.',  # a quote the next paragraph continues
        "AT&T shares rose 5% for 50%25 of C++ users , the the company said.",  # sent as it is, not encoded
    ]
    office_port = free_port()
    with Server() as server:
        office = subprocess.Popen(
            [
                SOFFICE,
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                f"--accept=socket,host=127.0.0.1,port={office_port};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            done = subprocess.run(
                [SYSTEM_PYTHON, str(DRIVER), str(office_port), server.url, *paragraphs],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        finally:
            office.terminate()
            try:
                office.wait(20)
            except subprocess.TimeoutExpired:
                office.kill()
    assert done.returncode == 0, done.stderr[-2000:]
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["has_locale"]
    first, second, third = answer["paragraphs"]
    units = paragraphs[0].encode("utf-16-le")
    # LibreOffice 7.4 shows `message` in its menu (aShortComment) and keeps no rule id.
    spans = [
        (e["short"], units[2 * e["start"] : 2 * (e["start"] + e["length"])].decode("utf-16-le"), e["suggestions"])
        for e in first
    ]
    assert spans == [("Doubled word: 'the the'.", "the the", ["the"]), ("Space before ','; take it out.", " ,", [","])]
    assert second == []  # one paragraph alone: no story-level guesses (an unclosed quote, a surname)
    assert [paragraphs[2][e["start"] : e["start"] + e["length"]] for e in third] == [" ,", "the the"]
