"""HTML and .docx inputs: copy extracted from the markup, positions mapped back exactly."""

import json

import pytest

from newslint.config import Config
from newslint.document import Document
from newslint.linter import Linter
from newslint.source import iter_files

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <title>Storm hits coast | The Daily Example</title>
  <style>p { color: red; } /* The the */</style>
  <script>var headline = "The the storm";</script>
</head>
<body>
<header><nav><a href="/">Home</a> &raquo; <a href="/news">News</a></nav></header>
<h1>Storm hits coast</h1>
<article>
  <p>The the storm made landfall near the port on Tuesday night, officials said
     it had weakened .</p>
  <p>Caf&eacute; owners said rain fell at 4 per cent&nbsp;of the usual rate&#46;&#46;</p>
  <aside>Read more: The the other story</aside>
  <blockquote><p>&ldquo;We lost everything,&rdquo; said one owner.</p></blockquote>
</article>
<footer>&copy; The Daily Example. The the end.</footer>
</body>
</html>
"""


def findings(text, path):
    return Linter(Config()).lint_text(text, path).findings


def test_html_copy_is_the_article_text():
    doc = Document(PAGE, "story.html", "html")
    assert doc.text[slice(*doc.headline)] == "Storm hits coast"
    assert "Café owners" in doc.text and "\u201cWe lost everything,\u201d" in doc.text
    for left_out in ("color", "var headline", "Home", "Read more", "Daily Example"):
        assert left_out not in doc.text
    # A line break inside a paragraph is a space, not a paragraph break.
    assert any(
        doc.text[s:e].startswith("The the storm") and doc.text[s:e].endswith("weakened .") for s, e in doc.paragraphs
    )


def test_html_findings_point_at_the_source():
    found = {f.rule: f for f in findings(PAGE, "story.html")}
    # AP wants "4%" (numbers.percent); the span ends before the &nbsp; entity after it.
    assert set(found) >= {
        "repetition.doubled-word",
        "punctuation.space-before",
        "numbers.percent",
        "punctuation.doubled",
    }
    for f in found.values():
        # Line and column agree with the offsets.
        line_start = PAGE.rfind("\n", 0, f.start) + 1
        assert (f.line, f.column) == (PAGE.count("\n", 0, f.start) + 1, f.start - line_start + 1)
    assert PAGE[found["repetition.doubled-word"].start : found["repetition.doubled-word"].end] == "The the"
    assert PAGE[found["numbers.percent"].start : found["numbers.percent"].end] == "4 per cent"
    # An entity is one character of copy but its whole source span is marked.
    assert PAGE[found["punctuation.doubled"].start : found["punctuation.doubled"].end] == "&#46;&#46;"
    assert found["punctuation.doubled"].fix[0].start == PAGE.index("&#46;&#46;") + len("&#46;")


def test_html_fix_edits_the_markup(tmp_path, cli):
    path = tmp_path / "story.html"
    path.write_text(PAGE, encoding="utf-8")
    cli("check", "--fix", path)
    fixed = path.read_text(encoding="utf-8")
    assert "<p>The storm made landfall" in fixed and "rate&#46;</p>" in fixed and "weakened.</p>" in fixed
    assert 'var headline = "The the storm"' in fixed  # scripts are not copy


def test_title_is_the_headline_without_h1():
    page = "<html><head><title>Storm hits coast</title></head><body><p>Storm hits coast</p></body></html>"
    doc = Document(page, "story.html", "html")
    assert doc.text[slice(*doc.headline)] == "Storm hits coast"
    assert [f.rule for f in findings(page, "story.html")] == ["headline.repeated"]


def test_folders_pick_up_html_and_docx(tmp_path):
    for name in ("a.html", "b.htm", "c.docx", "d.txt", "e.css", "~$c.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.rsplit("/", 1)[1] for p in iter_files([tmp_path])] == ["a.html", "b.htm", "c.docx", "d.txt"]


def test_docx_findings_name_paragraph_and_offset(tmp_path, cli):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Storm hits coast", level=1)
    document.add_paragraph("")
    paragraph = document.add_paragraph("Officials said ")
    paragraph.add_run("the the").bold = True
    paragraph.add_run(" storm weakened .")
    path = tmp_path / "draft.docx"
    document.save(path)
    result = cli("check", "--format", "json", path)
    assert result.returncode == 1, result.stderr
    found = {f["rule"]: f for f in json.loads(result.stdout)}
    # Line: the paragraph's number in the document (the empty one counts); column: offset + 1.
    assert (found["repetition.doubled-word"]["line"], found["repetition.doubled-word"]["column"]) == (3, 16)
    assert (found["punctuation.space-before"]["line"], found["punctuation.space-before"]["column"]) == (3, 38)


def test_a_broken_docx_is_a_one_line_error(tmp_path, cli):
    pytest.importorskip("docx")
    path = tmp_path / "draft.docx"
    path.write_bytes(b"not a zip file")
    result = cli("check", path)
    assert result.returncode == 2 and b"cannot read as .docx" in result.stderr and b"Traceback" not in result.stderr


def test_an_articles_own_header_is_copy_and_skipped_parts_nest():
    page = (
        "<html><body><header><h1>The Daily Example</h1></header>"
        "<aside><article><p>Related: The the other story</p></article></aside>"
        "<article><header><h1>Storm hits coast</h1><p>By A. Reporter</p></header>"
        "<p>The the storm made landfall.</p><footer>Tags: The the</footer></article></body></html>"
    )
    doc = Document(page, "story.html", "html")
    assert doc.text[slice(*doc.headline)] == "Storm hits coast"
    assert "Daily Example" not in doc.text and "Related" not in doc.text and "Tags" not in doc.text
    found = findings(page, "story.html")
    assert [page[f.start : f.end] for f in found] == ["The the"] and found[0].start == page.index("The the storm")


def test_every_character_of_html_copy_maps_to_its_source():
    """Exactness: each character of the copy comes from its source span (an entity decodes to
    it, a line break or tab reads as a space, a paragraph break maps to the tag)."""
    import html as html_module

    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            "The",
            "the",
            " ",
            "\n",
            "Café",
            "&amp;",
            "&#8217;",
            "&#x2014;",
            "&nbsp;",
            "per cent",
            "<b>",
            "</b>",
            "<br>",
            "<em>x</em>",
            ".",
            ",",
            "\u201c",
            "<!-- c -->",
            "\t",
        ]
    )

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.lists(pieces, max_size=12), min_size=1, max_size=5))
    def check(paragraphs):
        body = "".join(f"<p>{''.join(p)}</p>\n" for p in paragraphs)
        source = f"<html><body><article>{body}</article></body></html>"
        doc = Document(source, "x.html", "html")
        for i, char in enumerate(doc.text):
            start, end = doc.to_source(i), doc.to_source(i + 1, is_end=True)
            span = source[start:end]
            if char == "\n":
                assert span == ""
            elif span in ("\n", "\t"):
                assert char == " "
            else:
                assert html_module.unescape(span) == char, (i, char, span)

    check()
