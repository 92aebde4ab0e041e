"""`newslint serve` against real clients on loopback: language-tool-python (LanguageTool's
Python client) for /v2/check, plain HTTP for the JSON API and the guards."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from serve_helpers import ROOT, STORY, Server, need_server_packages

need_server_packages()


@pytest.fixture(scope="module")
def server():
    with Server() as s:
        yield s


def post(url: str, data: bytes, content_type: str, headers: dict | None = None):
    request = urllib.request.Request(
        url, data=data, method="POST", headers={"Content-Type": content_type, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode(), dict(answer.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), dict(e.headers)


def form(url: str, fields: dict, headers: dict | None = None):
    return post(url, urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded", headers)


def cli_findings(text: str, *args: str) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--format", "json", *args, "-"],
        input=text.encode(),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    return json.loads(done.stdout)


# -- language-tool-python as the client --------------------------------------------------------------


@pytest.fixture(scope="module")
def client(server):
    language_tool_python = pytest.importorskip("language_tool_python")
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    yield tool
    tool.close()


def test_languagetool_client_gets_each_finding_on_its_span_past_an_emoji(client):
    matches = client.check(STORY)
    found = {(m.rule_id, STORY[m.offset : m.offset + m.error_length]) for m in matches}
    # language-tool-python turns the offset from UTF-16 units into characters; these spans come
    # after the emoji, so a server counting characters instead of UTF-16 units would be one off.
    assert ("repetition.doubled-word", "the the") in found
    assert ("punctuation.space-before", " ,") in found
    assert ("quotes.punctuation-outside", '",') in found
    assert ("reference.before-first", "Hollis") in found  # a whole story: story-level rules speak
    cli = {(f["rule"], f["line"], f["column"]) for f in cli_findings(STORY) if f["severity"] != "info"}
    assert len(matches) == len(cli)


def test_languagetool_client_correct_applies_the_safe_fixes(client):
    from newslint.fix import fix_text
    from newslint.linter import Linter

    corrected = client.correct(STORY)
    expected = fix_text(Linter(), STORY, "<text>").text
    # correct() applies each match's first replacement once; newslint's fix repeats to a fixed
    # point, which for this story is one pass.
    assert corrected == expected
    assert "build the bridge, ending" in corrected and 'coming," and' in corrected
    assert "Hollis said" in corrected  # an unsafe or absent fix is never applied


def test_one_paragraph_gets_paragraph_rules_and_no_story_rules(server):
    # LibreOffice sends one paragraph at a time. This one opens a quotation that the next
    # paragraph would continue, and names someone the story introduced earlier.
    paragraph = '"We will stay until the the work is done , Hollis said of the plan.'
    status, body, _ = form(server.url + "/v2/check", {"text": paragraph, "language": "en-US"})
    assert status == 200
    rules = [m["rule"]["id"] for m in json.loads(body)["matches"]]
    assert rules == ["repetition.doubled-word", "punctuation.space-before"]
    story_rules = {f["rule"] for f in cli_findings("Headline for a test\n" + paragraph)}
    assert {"quotes.unclosed"} <= story_rules  # the same words as a story do get it


def test_annotated_text_offsets_count_markup_and_utf16(server):
    data = {
        "annotation": [
            {"markup": "<p>"},
            {"text": "Flood \U0001f30a"},
            {"markup": "<b>"},
            {"text": " the the river"},
            {"markup": "</b>"},
            {"markup": "</p><p>", "interpretAs": "\n\n"},
            {"text": "Water rose , they said."},
            {"markup": "</p>"},
        ]
    }
    whole = "".join(p.get("text", p.get("markup")) for p in data["annotation"])
    status, body, _ = form(server.url + "/v2/check", {"data": json.dumps(data), "language": "en-US"})
    assert status == 200
    units = whole.encode("utf-16-le")
    spans = {
        m["rule"]["id"]: units[2 * m["offset"] : 2 * (m["offset"] + m["length"])].decode("utf-16-le")
        for m in json.loads(body)["matches"]
    }
    assert spans == {"repetition.doubled-word": "the the", "punctuation.space-before": " ,"}


def test_levels_and_rule_filters(server):
    text = "About 300 fighters joined the group, up from 200 last year. The the rest fled."

    def rules(**extra):
        status, body, _ = form(server.url + "/v2/check", {"text": text, "language": "en-US", **extra})
        assert status == 200, body
        return [m["rule"]["id"] for m in json.loads(body)["matches"]]

    assert rules() == ["repetition.doubled-word"]  # an unattributed figure is info: picky only
    assert rules(level="picky") == ["attribution.unsourced-figure", "repetition.doubled-word"]
    assert rules(level="picky", disabledCategories="repetition") == ["attribution.unsourced-figure"]
    assert rules(level="picky", enabledOnly="true", enabledRules="repetition.doubled-word") == [
        "repetition.doubled-word"
    ]
    assert rules(disabledRules="repetition.doubled-word") == []


def test_british_english_checks_in_the_british_profile(server):
    text = "Prices rose 5 percent, the minister said."
    _, body, _ = form(server.url + "/v2/check", {"text": text, "language": "en-GB", "level": "picky"})
    match = json.loads(body)["matches"][0]
    assert match["rule"]["id"] == "style.percent" and match["replacements"] == [{"value": "per cent"}]
    assert json.loads(body)["language"]["code"] == "en-GB"


# -- bad input: a 400 with a message, never a 500 --------------------------------------------------


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"language": "en-US"}, "missing 'text' or 'data'"),
        ({"text": "Hi.", "language": "xx-YY"}, "English only"),
        ({"text": "Hi."}, "missing 'language'"),
        ({"text": "Hi.", "language": "en", "level": "loud"}, "'level'"),
        ({"data": '{"annotation": [{"text": 1}]}', "language": "en"}, "must be a string"),
        ({"data": "[1, 2", "language": "en"}, "not JSON"),
        ({"data": '{"annotation": [{"text": "a", "markup": "<b>"}]}', "language": "en"}, "either 'text' or 'markup'"),
        ({"text": "a\x00b", "language": "en"}, "binary"),
    ],
)
def test_bad_check_requests_get_400(server, fields, message):
    status, body, _ = form(server.url + "/v2/check", fields)
    assert status == 400 and message in body


def test_binary_bodies_and_bad_json_get_400(server):
    assert post(server.url + "/v2/check", bytes(range(256)), "application/octet-stream")[0] == 400
    assert post(server.url + "/v2/check", b"--x\r\nbroken", "multipart/form-data; boundary=x")[0] == 400
    status, body, _ = post(server.url + "/api/check", b"\xff\xfe{", "application/json")
    assert status == 400 and "JSON object" in json.loads(body)["error"]
    status, body, _ = post(
        server.url + "/api/check", json.dumps({"text": "x", "config": "../etc"}).encode(), "application/json"
    )
    assert status == 400 and "no configuration named" in json.loads(body)["error"]
    status, body, _ = post(server.url + "/api/read?name=x.txt", b"\x00\x01binary", "application/octet-stream")
    assert status == 400 and "binary" in json.loads(body)["error"]


def test_a_body_over_the_limit_gets_413(server):
    status, body, _ = form(server.url + "/v2/check", {"text": "word " * 250_000, "language": "en"})
    assert status == 413 and "larger than 1,000,000 bytes" in body


# -- newslint's own JSON -------------------------------------------------------------------------------


def test_api_check_is_the_json_contract(server):
    status, body, _ = post(
        server.url + "/api/check", json.dumps({"text": STORY, "path": "<stdin>"}).encode(), "application/json"
    )
    assert status == 200
    served = json.loads(body)["findings"]
    contract = cli_findings(STORY)
    assert [{k: f[k] for k in contract[0]} for f in served] == contract
    assert all(STORY[f["start"] : f["end"]] for f in served)


def test_api_fix_and_profile_by_name(server):
    text = "Prices rose 5 percent , the minister said."
    status, body, _ = post(
        server.url + "/api/fix", json.dumps({"text": text, "profile": "british"}).encode(), "application/json"
    )
    assert status == 200
    answer = json.loads(body)
    assert answer["text"] == "Prices rose 5 per cent, the minister said." and answer["settled"]
    assert answer["findings"] == []


def test_the_page_and_openapi_are_served(server):
    with urllib.request.urlopen(server.url + "/", timeout=10) as page:
        html = page.read().decode()
        assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    assert "/static/app.js" in html and "http" not in html.split("<body>")[1]  # nothing from elsewhere
    spec = json.loads(urllib.request.urlopen(server.url + "/openapi.json", timeout=10).read())
    assert {"/v2/check", "/v2/languages", "/api/check", "/api/fix"} <= set(spec["paths"])


# -- the guards ----------------------------------------------------------------------------------------


def test_token_cors_and_time_limit():
    with Server("--token", "s3cret", "--allow-origin", "https://cms.example", "--timeout", "0.000001") as s:
        status, body, _ = form(s.url + "/v2/check", {"text": "Hi.", "language": "en"})
        assert status == 401 and "token" in body
        status, body, _ = post(s.url + "/api/check", b'{"text": "Hi."}', "application/json")
        assert status == 401
        status, body, _ = form(s.url + "/v2/check", {"text": "The the end.", "language": "en", "apiKey": "s3cret"})
        assert status == 408 and "longer than" in body  # the token passed; the time limit did not
        status, _, headers = post(
            s.url + "/api/options",
            b"",
            "application/json",
            {"Authorization": "Bearer s3cret", "Origin": "https://cms.example"},
        )
        assert headers.get("access-control-allow-origin") == "https://cms.example"
        request = urllib.request.Request(
            s.url + "/api/options", headers={"Authorization": "Bearer s3cret", "Origin": "https://evil.example"}
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status == 200 and "access-control-allow-origin" not in answer.headers


def test_serve_without_the_web_extra_says_how_to_install(monkeypatch, capsys):
    import newslint.serve
    from newslint.cli import main

    monkeypatch.setattr(newslint.serve, "missing_requirement", lambda: "starlette")
    assert main(["serve"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "newslint: newslint serve needs the web extra: pip install 'newslint[serve]'"


def test_check_does_not_import_the_web_stack():
    code = (
        "import sys, newslint; from newslint.cli import main; main(['check', 'examples/draft.md']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'multipart', 'anyio')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60, check=False)
    assert done.stdout.decode().strip().splitlines()[-1] == "[]"


def test_load_smoke_many_clients_nothing_dropped(server):
    """A short version of benchmarks/serve_bench.py: 10 clients for 3 s, every answer a 200."""
    body = urllib.parse.urlencode({"text": STORY * 20, "language": "en-US"}).encode()
    statuses, stop = [], time.monotonic() + 3

    def client():
        while time.monotonic() < stop:
            statuses.append(post(server.url + "/v2/check", body, "application/x-www-form-urlencoded")[0])

    threads = [threading.Thread(target=client) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses and set(statuses) == {200}


def test_a_form_of_raw_utf8_is_read_as_utf8(server):
    # LibreOffice sends the text's UTF-8 bytes without percent-encoding them.
    body = "text=Flood \U0001f30a and the the river.&language=en-US".encode("utf-8")
    _, answer, _ = post(server.url + "/v2/check", body, "application/x-www-form-urlencoded")
    match = json.loads(answer)["matches"][0]
    assert (match["offset"], match["length"]) == (len("Flood \U0001f30a and ".encode("utf-16-le")) // 2, 7)
    assert post(server.url + "/v2/check", b"text=\xff\xfe&language=en", "application/x-www-form-urlencoded")[0] == 400
    # Sent as it is, "&", "+" and "%" are part of the text.
    raw = "text=AT&T rose 5% for 50%25 of C++ users , the the firm said.&language=en-US"
    _, answer, _ = post(server.url + "/v2/check", raw.encode("utf-8"), "application/x-www-form-urlencoded")
    text = raw[len("text=") : raw.rfind("&language=")]
    assert [text[m["offset"] : m["offset"] + m["length"]] for m in json.loads(answer)["matches"]] == [" ,", "the the"]


def test_grammar_server_matches_join_newslints(fake_languagetool):
    """--grammar-server: LanguageTool's matches and newslint's in one answer, without the
    LanguageTool rules the house packs cover (its doubled-word rule here)."""
    text = "The goverment said \U0001f30a the the plan , would go ahead."
    with Server("--grammar-server", fake_languagetool.url) as s:
        status, body, _ = form(s.url + "/v2/check", {"text": text, "language": "en-US"})
    assert status == 200
    units = text.encode("utf-16-le")
    found = [
        (m["rule"]["id"], units[2 * m["offset"] : 2 * (m["offset"] + m["length"])].decode("utf-16-le"))
        for m in json.loads(body)["matches"]
    ]
    assert found == [
        ("MORFOLOGIK_RULE_EN_US", "goverment"),
        ("repetition.doubled-word", "the the"),
        ("punctuation.space-before", " ,"),
    ]
    sent = fake_languagetool.checks[-1]
    assert "ENGLISH_WORD_REPEAT_RULE" in sent["disabledRules"] and "apiKey" not in sent


def test_grammar_server_down_sends_newslints_matches_alone():
    with Server("--grammar-server", "http://127.0.0.1:9") as s:  # nothing listens on the discard port
        status, body, _ = form(s.url + "/v2/check", {"text": "The the end.", "language": "en-US"})
    answer = json.loads(body)
    assert status == 200 and answer["warnings"]["incompleteResults"] is True
    assert [m["rule"]["id"] for m in answer["matches"]] == ["repetition.doubled-word"]


def test_api_read_turns_a_docx_into_text(server, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Bridge approved")
    document.add_paragraph("The the council voted 7-2.")
    path = tmp_path / "draft.docx"
    document.save(path)
    status, body, _ = post(server.url + "/api/read?name=draft.docx", path.read_bytes(), "application/octet-stream")
    assert status == 200 and json.loads(body)["text"] == "Bridge approved\nThe the council voted 7-2."
    status, body, _ = post(
        server.url + "/api/read?name=draft.docx", b"PK\x03\x04 not a zip", "application/octet-stream"
    )
    assert status == 400 and json.loads(body)["error"].startswith("draft.docx: cannot read as .docx")


def test_configurations_by_name(tmp_path):
    house = tmp_path / "opinion" / ".newslint.yaml"
    house.parent.mkdir()
    house.write_text("profile: british\nvocabulary:\n  prefer:\n    Kyiv: [Kiev]\n", encoding="utf-8")
    with Server("--config", str(ROOT / "examples" / "newsroom.yaml"), "--config", f"opinion={house}") as s:
        options = json.loads(urllib.request.urlopen(s.url + "/api/options", timeout=10).read())
        assert options["configs"] == ["default", "opinion"] and options["default_profile"] == "ap"
        text = json.dumps({"text": "Troops left Kiev, the the army said.", "config": "opinion"}).encode()
        status, body, _ = post(s.url + "/api/check", text, "application/json")
        assert status == 200
        assert [f["rule"] for f in json.loads(body)["findings"]] == ["naming.kyiv", "repetition.doubled-word"]


def test_a_taken_port_is_one_line_and_exit_2(server):
    done = subprocess.run(
        [sys.executable, "-m", "newslint", "serve", "--port", str(server.port)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == f"newslint: cannot listen on {server.url}: Address already in use"
