"""Reliability of `newslint check`: every failure is one line and exit 2, nothing is silently
skipped, nothing hangs, and stderr cannot carry terminal escapes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pytest
from conftest import ROOT

BAD = "It will will pass.\n"  # one finding: a doubled word (an error)


def newslint(*args, cwd=None, user=None, timeout=60, **kwargs):
    command = [sys.executable, "-m", "newslint", *args]
    if user is not None:
        command = ["setpriv", "--reuid", str(user), "--regid", str(user), "--clear-groups", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd or ROOT, timeout=timeout, env=env, **kwargs)


@pytest.fixture
def open_dir():
    """A folder an unprivileged user can enter (pytest's tmp_path is root's alone)."""
    folder = tempfile.mkdtemp()
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_an_unreadable_folder_is_an_error(open_dir):
    if os.getuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to run as a user who cannot read the folder")
    locked = os.path.join(open_dir, "locked")
    os.mkdir(locked)
    with open(os.path.join(locked, "a.txt"), "w") as f:
        f.write(BAD)
    os.chmod(locked, 0)
    run = newslint("check", open_dir, user=65534, cwd=open_dir)
    assert run.returncode == 2, run
    assert "locked: cannot read folder" in run.stderr and "Traceback" not in run.stderr


def test_a_fifo_in_a_folder_is_skipped_and_a_named_fifo_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    run = newslint("check", str(tmp_path), timeout=30)
    assert run.returncode == 1
    assert "pipe.txt: skipped: not a regular file" in run.stderr and "a.txt" in run.stdout
    run = newslint("check", str(tmp_path / "pipe.txt"), timeout=30)
    assert run.returncode == 2 and "not a regular file" in run.stderr


def test_a_closed_output_pipe_never_claims_clean(tmp_path):
    for i in range(40):
        (tmp_path / f"s{i:02}.txt").write_text(BAD * 50, encoding="utf-8")
    run = subprocess.run(
        f"{sys.executable} -m newslint check {tmp_path} | head -1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "Exception" not in run.stderr


def test_a_killed_worker_is_one_line_and_the_other_files_are_reported(tmp_path):
    for i in range(16):
        (tmp_path / f"s{i:02}.txt").write_text(BAD, encoding="utf-8")
    # One big file keeps the workers busy long enough for the test to kill one of them.
    (tmp_path / "s08.txt").write_text("It will will pass and so on.\n" * 20000, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "-j", "2", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    killed = False
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None and not killed:
        children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
        workers = [int(c) for c in children if "newslint" in _cmdline(int(c)) or "multiprocessing" in _cmdline(int(c))]
        if workers:
            time.sleep(0.3)
            os.kill(workers[0], signal.SIGKILL)
            killed = True
        time.sleep(0.05)
    out, err = process.communicate(timeout=60)
    if not killed:
        pytest.skip("the run ended before a worker could be killed")
    assert process.returncode == 2, err
    assert "Traceback" not in err
    assert "worker process died" in err and len([line for line in err.splitlines() if "died" in line]) == 1
    assert out.count("will will") >= 1  # the other files' findings


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().decode(errors="replace")
    except OSError:
        return ""


def test_a_file_that_cannot_be_written_under_fix_keeps_its_findings(open_dir):
    if os.getuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to run as a user who cannot write the file")
    draft = os.path.join(open_dir, "story.txt")
    with open(draft, "w") as f:
        f.write("It will will pass.\n")
    os.chmod(draft, 0o644)
    run = newslint("check", "--fix", "--unsafe-fixes", draft, user=65534, cwd=open_dir)
    assert run.returncode == 2, run
    assert "story.txt" in run.stdout  # its findings are reported all the same
    assert "Traceback" not in run.stderr


def test_stderr_carries_no_terminal_escapes_and_names_stay_on_one_line(tmp_path):
    evil = tmp_path / "a\x1b]0;pwned\x07\nnewslint: all clean.txt"
    evil.write_bytes(b"not \xff UTF-8")
    run = newslint("check", str(evil))
    assert run.returncode == 2
    assert "\x1b" not in run.stderr and "\x07" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "\\x1b]0;pwned\\x07\\nnewslint: all clean.txt" in run.stderr


def test_a_files_findings_are_printed_when_it_is_done_not_at_the_end(tmp_path):
    """Reports stream: the first file's findings are out while a later input is still open."""
    first = tmp_path / "first.txt"
    first.write_text(BAD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "--format", "line", str(first), "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    import threading

    guard = threading.Timer(20, process.kill)  # unstreamed, nothing would come until stdin closes
    guard.start()
    try:
        line = process.stdout.readline()  # stdin is still open: the second input is not done
        assert "first.txt" in line and "repetition.doubled-word" in line, line
    finally:
        guard.cancel()
        process.communicate(timeout=30)
