"""A fix changes the copy, never markup the copy hid: tags, comments, emphasis markers and
suppression directives survive `--fix` (docs/reliability.md, "Fixes and markup")."""

import pytest

from newslint.fix import fix_text
from newslint.linter import Linter

CASES = [
    ("The mayor <!-- newslint-disable --> , said no.\n", "draft.md", "<!-- newslint-disable -->"),
    ("The mayor [newslint: disable] , said no.\n", "draft.txt", "[newslint: disable]"),
    ("The mayor <!-- newslint-disable-next-line --> , said no.\n", "draft.md", "<!-- newslint-disable-next-line -->"),
    ("<p>The mayor <!-- a note --> , said no.</p>\n", "draft.html", "<!-- a note -->"),
    ("<p>The mayor <span></span> , said no.</p>\n", "draft.html", "<span></span>"),
    ("The mayor <!-- a note --> , said no.\n", "draft.md", "<!-- a note -->"),
    ("The mayor said the **the** council met.\n", "draft.md", "**the**"),
    ('He said " [newslint: disable] yes " and left.\n', "draft.txt", "[newslint: disable]"),
]


@pytest.mark.parametrize("text, path, markup", CASES)
def test_a_fix_never_removes_markup(text, path, markup):
    fixed = fix_text(Linter(), text, path, unsafe=True).text
    assert markup in fixed


@pytest.mark.parametrize(
    "text, path, expected",
    [
        ("The mayor , said no.\n", "draft.md", "The mayor, said no.\n"),
        ("<p>The mayor <b>Smith</b> , said no.</p>\n", "draft.html", "<p>The mayor <b>Smith</b>, said no.</p>\n"),
        ("<p>AT&amp;T , said no.</p>\n", "draft.html", "<p>AT&amp;T, said no.</p>\n"),
    ],
)
def test_fixes_within_the_copy_still_apply(text, path, expected):
    assert fix_text(Linter(), text, path, unsafe=True).text == expected


def test_the_finding_stays_when_its_fix_would_touch_markup():
    findings = Linter().lint_text("The mayor <!-- newslint-disable-next-line x --> , said no.\n", "d.md").findings
    space = [f for f in findings if f.rule == "punctuation.space-before"]
    assert space and space[0].fix is None


def test_a_replacement_is_written_into_html_as_copy(tmp_path, cli):
    """A fix's replacement is text: "<" and "&" in it become entities in an HTML source."""
    pack = tmp_path / "house.yaml"
    pack.write_text(
        'rules:\n  - id: style.angle\n    type: pattern\n    level: warning\n    message: "Mark it."\n'
        "    patterns: ['\\bsaid\\b']\n    replace: \"<s> & \"\n    fix: safe\n"
        '    examples:\n      bad: ["He said so."]\n      good: ["He spoke."]\n',
        encoding="utf-8",
    )
    page = tmp_path / "page.html"
    page.write_text("<p>He said so.</p>\n", encoding="utf-8")
    cli("check", "--pack", pack, "--select", "style.angle", "--fix", page)
    assert page.read_text(encoding="utf-8") == "<p>He &lt;s&gt; &amp;  so.</p>\n"
