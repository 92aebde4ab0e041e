"""newslint as a pre-commit hook, the way a newsroom repository uses it.

A snapshot of this checkout (its working tree, committed into a throwaway repository) is the hook
repository; a second throwaway repository of drafts names it with `repo:` and `rev:` like any
hook repository, installs the git hook, and tries to commit. pre-commit builds the hook's
environment with pip from the snapshot (pip needs the package index for newslint's dependencies,
as it does for any user), once for the whole test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BAD = "Harbour bridge approved\n\nThe the harbour master said ships would still pass beneath.\n"
CLEAN = "Harbour bridge approved\n\nThe harbour master said ships would still pass beneath.\n"


def pre_commit() -> list[str]:
    exe = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    if exe is None:
        pytest.skip("pre-commit is not installed")
    return [exe]


def git(cwd, *args, check=True) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Desk",
        GIT_AUTHOR_EMAIL="desk@example.org",
        GIT_COMMITTER_NAME="Desk",
        GIT_COMMITTER_EMAIL="desk@example.org",
    )
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=check, timeout=120)


def snapshot_of_checkout(target: Path) -> str:
    """Commit this checkout's working tree (tracked and new files, not ignored ones) into `target`."""
    listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z").stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "snapshot")
    return git(target, "rev-parse", "HEAD").stdout.strip()


def test_manifest_describes_the_hook():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "newslint" and hook["language"] == "python"
    assert hook["entry"].split()[:2] == ["newslint", "check"]
    assert set(hook["types_or"]) == {"markdown", "plain-text"}


def test_hook_blocks_a_bad_draft_and_passes_a_clean_one(tmp_path):
    command = pre_commit()
    hook_repo, newsroom = tmp_path / "newslint", tmp_path / "newsroom"
    hook_repo.mkdir()
    newsroom.mkdir()
    rev = snapshot_of_checkout(hook_repo)

    git(newsroom, "init", "-q")
    (newsroom / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": str(hook_repo), "rev": rev, "hooks": [{"id": "newslint"}]}]})
    )
    # Not drafts: the README (excluded by name) and a data file (not Markdown or plain text).
    (newsroom / "README.md").write_text("Newsroom drafts\n\nThe the desk keeps drafts here.\n")
    (newsroom / "data.csv").write_text("the,the\n")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), NO_COLOR="1")
    installed = subprocess.run(
        [*command, "install"], cwd=newsroom, env=env, capture_output=True, text=True, timeout=120
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    def commit(message):
        return subprocess.run(
            ["git", "-c", "user.name=Desk", "-c", "user.email=desk@example.org", "commit", "-q", "-m", message],
            cwd=newsroom,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    git(newsroom, "add", ".pre-commit-config.yaml", "README.md", "data.csv")
    done = commit("setup")
    out = done.stdout + done.stderr
    assert done.returncode == 0, out  # the README's doubled word is not a draft's
    assert "no files to check" in out

    story = newsroom / "stories" / "bridge.md"
    story.parent.mkdir()
    story.write_text(BAD)
    git(newsroom, "add", "stories/bridge.md")
    done = commit("bad draft")
    out = done.stdout + done.stderr
    assert done.returncode != 0, out
    assert "stories/bridge.md:3:1:" in out and "repetition.doubled-word" in out and "Failed" in out
    assert git(newsroom, "rev-list", "--count", "HEAD").stdout.strip() == "1"  # the commit was refused

    story.write_text(CLEAN)
    git(newsroom, "add", "stories/bridge.md")
    done = commit("clean draft")
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "newslint" in out and "Passed" in out
    assert git(newsroom, "rev-list", "--count", "HEAD").stdout.strip() == "2"
