"""A draft its reader cannot parse gets one line naming the file, exit 2, and the other files
are still checked (docs/reliability.md)."""

from newslint import cli
from newslint.source import html as htmltext


def test_a_marked_section_the_standard_library_rejects_is_read_as_browsers_read_it(tmp_path, cli):
    page = tmp_path / "page.html"
    page.write_text("<p>Text <![img x]> more , here</p>\n", encoding="utf-8")
    run = cli("check", "--format", "line", page)
    assert run.returncode == 1, run.stderr
    assert b"Traceback" not in run.stderr
    assert b"punctuation.space-before" in run.stdout


def test_a_reader_that_fails_gives_one_message_and_exit_2(tmp_path, monkeypatch, capsys):
    def broken(source):
        raise AssertionError("unknown status keyword")

    monkeypatch.setattr(htmltext, "extract_html", broken)
    page, story = tmp_path / "page.html", tmp_path / "story.txt"
    page.write_text("<p>Text.</p>\n", encoding="utf-8")
    story.write_text("The mayor , said no.\n", encoding="utf-8")
    code = cli.main(["check", "--format", "line", str(page), str(story)])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.strip().splitlines() == [
        f"newslint: {page}: cannot read as HTML: AssertionError: unknown status keyword"
    ]
    assert "story.txt:1:10" in out
