"""--fix never loses copy: a kill -9 mid-run leaves each file old or new; read-only files stay."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

from conftest import ROOT

PARAGRAPH = (
    'The the council met on Tuesday , officials said, and "it went well", the mayor said. Spending rose 4 per cent. '
) * 40


def drafts(folder, count=30):
    folder.mkdir()
    for i in range(count):
        (folder / f"story{i:03}.txt").write_text(f"Council story {i}\n\n" + (PARAGRAPH + "\n\n") * 2, encoding="utf-8")
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def fix_command(folder):
    return [sys.executable, "-m", "newslint", "check", "--fix", "--format", "json", str(folder)]


def test_read_only_file_is_left_alone_with_a_message(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Council met\n\nThe the council met on Tuesday.\n", encoding="utf-8")
    path.chmod(0o444)
    done = subprocess.run(fix_command(tmp_path), capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2
    assert f"{path}: read-only; left alone" in done.stderr
    assert path.read_text(encoding="utf-8") == "Council met\n\nThe the council met on Tuesday.\n"


def test_kill_9_mid_fix_leaves_every_file_old_or_new(tmp_path):
    old = drafts(tmp_path / "run")
    # What each file becomes when the run is left to finish, and how long that takes.
    finished = tmp_path / "finished"
    shutil.copytree(tmp_path / "run", finished)
    started = time.monotonic()
    subprocess.run(fix_command(finished), capture_output=True, cwd=ROOT, timeout=300)
    duration = time.monotonic() - started
    new = {p.name: p.read_bytes() for p in finished.iterdir()}
    assert all(new[name] != old[name] for name in old)

    interrupted = False
    for fraction in (0.35, 0.55, 0.75):
        run = tmp_path / f"run{fraction}"
        shutil.copytree(tmp_path / "run", run)
        proc = subprocess.Popen(fix_command(run), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        time.sleep(duration * fraction)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        seen = {p.name: p.read_bytes() for p in run.iterdir() if not p.name.startswith(".")}
        assert set(seen) == set(old)
        states = {"old" if data == old[name] else "new" if data == new[name] else "torn" for name, data in seen.items()}
        assert "torn" not in states
        interrupted |= states == {"old", "new"}
    assert interrupted, "no run was caught between files; the kill came too early or too late"
