"""How --fix treats the file it writes: symlinks, hard links, leftovers of a killed run and
Windows line ends (docs/reliability.md)."""

import os

from newslint.fix import TEMP_SUFFIX, fix_text
from newslint.linter import Linter

STORY = "Council backs the bridge plan\n\nThe mayor , said no.\n"
FIXED = "Council backs the bridge plan\n\nThe mayor, said no.\n"


def test_a_symlink_to_a_file_outside_the_folder_checked_is_left_alone(tmp_path, cli):
    outside, project = tmp_path / "outside", tmp_path / "project"
    outside.mkdir()
    project.mkdir()
    target = outside / "story.txt"
    target.write_text(STORY, encoding="utf-8")
    (project / "link.txt").symlink_to(target)
    result = cli("check", "--fix", "link.txt", cwd=project)
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert b"a symlink to" in result.stderr and b"left alone" in result.stderr
    assert target.read_text(encoding="utf-8") == STORY and (project / "link.txt").is_symlink()


def test_hard_links_are_kept(tmp_path, cli):
    story, other = tmp_path / "story.txt", tmp_path / "also.txt"
    story.write_text(STORY, encoding="utf-8")
    os.link(story, other)
    cli("check", "--fix", "story.txt", cwd=tmp_path)
    assert story.read_text(encoding="utf-8") == FIXED
    assert other.read_text(encoding="utf-8") == FIXED and os.stat(story).st_ino == os.stat(other).st_ino
    assert not [p for p in os.listdir(tmp_path) if p.endswith(TEMP_SUFFIX)]


def test_a_temporary_file_left_by_a_killed_run_is_not_checked(tmp_path, cli):
    (tmp_path / "story.txt").write_text(FIXED, encoding="utf-8")
    (tmp_path / f".story.txt.k3j2{TEMP_SUFFIX}").write_text(STORY, encoding="utf-8")
    result = cli("check", ".", cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_deleting_a_line_of_windows_text_leaves_no_lone_line_feed():
    text = "Council backs plan\r\nCouncil backs plan\r\n\r\nThe mayor said no.\r\n"
    fixed = fix_text(Linter(), text, "story.txt", unsafe=True).text
    assert fixed != text
    assert fixed.count("\n") == fixed.count("\r\n") and fixed.count("\r") == fixed.count("\r\n")
