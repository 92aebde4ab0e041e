"""The page at / in a real browser: headless Chromium (Debian's) driven by Playwright.

Loads the page, pastes the bundled example draft, sees the findings marked and listed, hovers
for an explanation, accepts a fix, applies all safe fixes, downloads the result, and keeps a
screenshot in tests/artifacts/ (printed, so a person can look at it).
"""

from __future__ import annotations

import os
import shutil

import pytest
from serve_helpers import ROOT, Server, need_server_packages

need_server_packages()
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright for the page test")
CHROMIUM = os.environ.get("NEWSLINT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    pytest.skip("no Chromium here (Debian: apt-get install chromium); the page test needs one", allow_module_level=True)
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def page():
    with Server() as server, sync_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        except Exception as e:  # noqa: BLE001 - a browser that cannot start here is a skip, said why
            pytest.skip(f"Chromium at {CHROMIUM} did not start: {str(e).splitlines()[0]}")
        # bypass_csp: the page forbids eval, and Playwright's wait_for_function needs it.
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 860}, bypass_csp=True)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("requestfailed", lambda r: errors.append(f"{r.url}: {r.failure}"))
        page.goto(server.url + "/")
        page.wait_for_selector("#profile option", state="attached")
        yield page
        browser.close()
        assert not errors, errors


def test_paste_review_fix_download(page, tmp_path):
    draft = (ROOT / "examples" / "draft.md").read_text(encoding="utf-8")
    page.fill("#editor", "")
    page.focus("#editor")
    page.keyboard.insert_text(draft)  # as typing or pasting does: an input event
    page.click("#review-tab")
    page.wait_for_selector("#view mark")
    marks = page.locator("#view mark")
    assert marks.count() >= 6
    rules = page.locator(".finding .rule").all_inner_texts()
    assert {
        "repetition.doubled-word",
        "punctuation.space-before",
        "quotes.punctuation-outside",
        "boilerplate.page-furniture",
        "reference.before-first",
    } <= set(rules)
    groups = [g.lower() for g in page.locator(".group h2").all_inner_texts()]
    assert any(g.startswith("quotes") for g in groups) and any(g.startswith("repetition") for g in groups)

    # Hover: the rule's explanation from the server.
    page.locator("#view mark.error").first.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "Doubled word" in tip.inner_text() and "newslint explain repetition.doubled-word" in tip.inner_text()

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "serve_page.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"\nscreenshot of the page: {shot}")

    # Accept one fix: the doubled word goes, the finding with it.
    item = page.locator(".finding", has=page.locator(".rule", has_text="repetition.doubled-word"))
    item.locator("button.accept").click()
    page.wait_for_function("!document.querySelector('#editor').value.includes('The the harbour')")
    page.wait_for_function(
        "![...document.querySelectorAll('.finding .rule')].some(e => e.textContent === 'repetition.doubled-word')"
    )

    # Dismiss one: it leaves the list and the page.
    before = page.locator(".finding").count()
    page.locator(".finding", has=page.locator(".rule", has_text="reference.before-first")).locator(
        "button.dismiss"
    ).click()
    assert page.locator(".finding").count() == before - 1

    # Apply every safe fix, then download the result.
    page.click("#fix-all")
    page.wait_for_function("document.querySelector('#status').textContent.startsWith('Applied')")
    with page.expect_download() as download:
        page.click("#download")
    saved = tmp_path / "draft.txt"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    # Every safe fix applied: the AP house spelling too ("harbour" -> "harbor").
    assert "harbor, ending" in text and 'coming," and' in text and "The the" not in text
    assert text.startswith("---\ntitle: Council approves")  # the rest of the draft is as it was


def test_open_a_docx(page, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ("Bridge vote passes", "The council voted in favor , and the the mayor signed it."):
        document.add_paragraph(line)
    path = tmp_path / "story.docx"
    document.save(path)
    page.set_input_files("#open", str(path))
    page.wait_for_function("document.querySelector('#file-name').textContent === 'story.docx'")
    page.wait_for_selector("#view mark.error")
    assert set(page.locator(".finding .rule").all_inner_texts()) == {
        "repetition.doubled-word",
        "punctuation.space-before",
    }
    with page.expect_download() as download:
        page.click("#download")
    assert download.value.suggested_filename == "story.txt"  # a .docx is never written: plain text out
