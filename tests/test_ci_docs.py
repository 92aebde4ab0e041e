"""The pre-commit setup in docs/ci.md, run as written: its `rev:` must be a tag of newslint's
repository (v0.1.0 never existed, so the documented setup failed). The hook repository is a
snapshot of this checkout; the test gives it the documented tag, as a release does."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
import yaml
from test_precommit import BAD, CLEAN, ROOT, git, pre_commit, snapshot_of_checkout


def documented_config() -> dict:
    docs = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = re.search(r"## pre-commit.*?```yaml\n(.*?)```", docs, re.S).group(1)
    return yaml.safe_load(block)


def test_the_documented_rev_is_the_version_being_released():
    (repo,) = documented_config()["repos"]
    assert re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"])
    assert repo["rev"] == "v0.2.0"


@pytest.mark.slow
def test_the_documented_pre_commit_setup_works_as_written(tmp_path):
    command = pre_commit()
    config = documented_config()
    (repo,) = config["repos"]
    hook_repo, newsroom = tmp_path / "newslint", tmp_path / "newsroom"
    hook_repo.mkdir()
    newsroom.mkdir()
    snapshot_of_checkout(hook_repo)
    if git(hook_repo, "tag", "--list", repo["rev"]).stdout.strip() != repo["rev"]:
        git(hook_repo, "tag", repo["rev"])
    repo["repo"] = str(hook_repo)  # the only line a newsroom changes: where newslint lives

    git(newsroom, "init", "-q")
    (newsroom / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config))
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

    story = newsroom / "stories" / "bridge.md"
    story.parent.mkdir()
    story.write_text(BAD)
    git(newsroom, "add", ".pre-commit-config.yaml", "stories/bridge.md")
    done = commit("bad draft")
    assert done.returncode != 0 and "repetition.doubled-word" in done.stdout + done.stderr, done.stdout + done.stderr
    story.write_text(CLEAN)
    git(newsroom, "add", "stories/bridge.md")
    done = commit("clean draft")
    assert done.returncode == 0, done.stdout + done.stderr
