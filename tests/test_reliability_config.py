"""Reliability of configuration: a file another user left in a shared folder is not obeyed, and
values that are not numbers of seconds are refused."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT

from newslint.config import files
from newslint.config.files import clear_config_cache, load_config
from newslint.packs import RuleError


@pytest.fixture
def shared(tmp_path):
    if os.getuid() != 0:
        pytest.skip("needs root to give a file to another user")
    folder = tmp_path / "shared"
    (folder / "desk").mkdir(parents=True)
    config = folder / ".newslint.yaml"
    config.write_text("profile: british\ngrammar: true\ngrammar_server: http://127.0.0.1:9/\n", encoding="utf-8")
    os.chown(config, 12345, 12345)
    files._warned.discard(str(config))
    clear_config_cache()
    yield folder
    clear_config_cache()


def test_a_configuration_another_user_owns_is_ignored_with_one_warning(shared, monkeypatch, capsys):
    monkeypatch.setattr(os, "getuid", lambda: 23456)
    draft = shared / "desk" / "story.txt"
    assert load_config(draft).profile == "ap"
    clear_config_cache()
    assert load_config(shared / "story.txt").profile == "ap"
    err = capsys.readouterr().err
    assert err.count("ignoring") == 1 and "another user (uid 12345)" in err


def test_a_configuration_the_user_or_root_owns_is_obeyed(shared, monkeypatch):
    monkeypatch.setattr(os, "getuid", lambda: 12345)
    assert load_config(shared / "desk" / "story.txt").profile == "british"
    os.chown(shared / ".newslint.yaml", 0, 0)
    clear_config_cache()
    monkeypatch.setattr(os, "getuid", lambda: 23456)
    assert load_config(shared / "desk" / "story.txt").profile == "british"


def test_an_explicit_config_is_the_users_choice(shared, monkeypatch):
    monkeypatch.setattr(os, "getuid", lambda: 23456)
    assert load_config(shared / "story.txt", explicit=shared / ".newslint.yaml").profile == "british"


@pytest.mark.parametrize("value", [".nan", ".inf", "-1", "0"])
def test_grammar_timeout_must_be_a_finite_number_above_0(tmp_path, value):
    config = tmp_path / ".newslint.yaml"
    config.write_text(f"grammar_timeout: {value}\n", encoding="utf-8")
    clear_config_cache()
    with pytest.raises(RuleError, match="grammar_timeout"):
        load_config(tmp_path / "story.txt")
    clear_config_cache()


@pytest.mark.parametrize("value", ["nan", "inf"])
def test_grammar_timeout_flag_must_be_finite(tmp_path, value):
    run = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--grammar-timeout", value, "-"],
        input="Text.\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
