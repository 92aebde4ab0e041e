"""The language server, driven as an editor drives it: a subprocess speaking JSON-RPC over stdio."""

from __future__ import annotations

import json
import sys

import pytest

pytest.importorskip("pygls")

from lsp_client import LspClient, apply_text_edits, offset_to_position, position_to_offset, utf16_len  # noqa: E402

from newslint.lsp import TextBuffer  # noqa: E402

BIKES = "\U0001f6b2\U0001f6b2"  # two characters outside the Basic Multilingual Plane
DRAFT = (
    "Council backs new cycle lanes\n"
    "\n"
    f"Riders {BIKES} cheered as the the council voted on Tuesday , clerk Ann Lee said.\n"
)
URI = "file:///tmp/newslint-test/draft.md"


def by_rule(diagnostics, rule):
    found = [d for d in diagnostics if d["code"] == rule]
    assert found, f"no {rule} in {[d['code'] for d in diagnostics]}"
    return found[0]


def test_diagnostics_quick_fix_and_fix_all_over_stdio(client):
    result = client.initialize()
    caps = result["capabilities"]
    assert caps["textDocumentSync"]["change"] == 2  # incremental
    assert caps.get("positionEncoding", "utf-16") == "utf-16"
    assert "source.fixAll.newslint" in caps["codeActionProvider"]["codeActionKinds"]

    client.open(URI, DRAFT)
    diagnostics = client.diagnostics(URI, version=1)
    doubled = by_rule(diagnostics, "repetition.doubled-word")
    assert doubled["severity"] == 1 and doubled["source"] == "newslint"
    # The column counts UTF-16 code units: each bicycle is two, so it is 2 more than the characters.
    line = DRAFT.split("\n")[2]
    chars_before = line.index("the the")
    assert doubled["range"]["start"] == {"line": 2, "character": utf16_len(line[:chars_before])}
    assert doubled["range"]["start"]["character"] == chars_before + 2
    assert doubled["range"]["end"]["character"] == doubled["range"]["start"]["character"] + len("the the")

    # Quick fix for the doubled word: apply its edit as an editor would, and send the change.
    response = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": URI}, "range": doubled["range"], "context": {"diagnostics": [doubled]}},
    )
    actions = response["result"]
    quick = [a for a in actions if a["kind"] == "quickfix"]
    assert len(quick) == 1 and "repetition.doubled-word" in quick[0]["title"]
    edits = quick[0]["edit"]["changes"][URI]
    fixed = apply_text_edits(DRAFT, edits)
    assert "as the council voted" in fixed and BIKES in fixed
    changes = [{"range": e["range"], "text": e["newText"]} for e in edits]
    client.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": 2}, "contentChanges": changes})
    diagnostics = client.diagnostics(URI, version=2)
    # The doubled word is gone; the stray space remains.
    assert [d["code"] for d in diagnostics] == ["punctuation.space-before"]
    space = by_rule(diagnostics, "punctuation.space-before")
    assert position_to_offset(fixed, **space["range"]["start"]) == fixed.index(" ,")

    # The one action that applies every safe fix.
    response = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": URI},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        },
    )
    (fix_all,) = response["result"]
    assert fix_all["kind"] == "source.fixAll.newslint"
    clean = apply_text_edits(fixed, fix_all["edit"]["changes"][URI])
    assert "on Tuesday, clerk Ann Lee said." in clean
    client.notify(
        "textDocument/didChange", {"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": clean}]}
    )
    assert client.diagnostics(URI, version=3) == []

    # Saving lints again (and says so with the same, empty, result).
    client.notify("textDocument/didSave", {"textDocument": {"uri": URI}})
    assert client.diagnostics(URI) == []
    assert client.close() == 0


def test_hover_explains_the_rule_and_versioned_edits(client):
    client.initialize({"workspace": {"workspaceEdit": {"documentChanges": True}}})
    client.open(URI, DRAFT, version=7)
    doubled = by_rule(client.diagnostics(URI, version=7), "repetition.doubled-word")
    hover = client.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": doubled["range"]["start"]})[
        "result"
    ]
    text = hover["contents"]["value"]
    assert "repetition.doubled-word" in text and "newslint explain repetition.doubled-word" in text
    nothing = client.request(
        "textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}
    )
    assert nothing["result"] is None
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": URI}, "range": doubled["range"], "context": {"diagnostics": [doubled]}},
    )["result"]
    (change,) = actions[0]["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": URI, "version": 7}
    assert client.close() == 0


def test_plain_text_buffer_and_close_clears(client):
    client.initialize()
    uri = "file:///tmp/newslint-test/draft.txt"
    client.open(uri, "Harbour bridge approved\nThe the harbour master said ships would pass.\n", language="plaintext")
    assert by_rule(client.diagnostics(uri, version=1), "repetition.doubled-word")["range"]["start"] == {
        "line": 1,
        "character": 0,
    }
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    assert client.close() == 0


def test_markdown_findings_point_into_the_source(client):
    client.initialize()
    uri = "file:///tmp/newslint-test/story.md"
    text = (
        "---\ntitle: Bridge vote\n---\n\n# Bridge vote\n\n"
        f"Riders **{BIKES} cheered** as the the council [voted](https://example.org) .\n"
    )
    client.open(uri, text)
    diagnostics = client.diagnostics(uri, version=1)
    doubled = by_rule(diagnostics, "repetition.doubled-word")
    assert position_to_offset(text, **doubled["range"]["start"]) == text.index("the the")
    assert position_to_offset(text, **doubled["range"]["end"]) == text.index("the the") + len("the the")
    assert client.close() == 0


def test_bad_input_leaves_the_server_answering(client):
    client.initialize()
    client.send_raw(b"{this is not json")
    client.send_raw(b"[1, 2, 3]")
    client.send_raw(
        json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"nonsense": 1}}).encode()
    )
    unknown = client.request("newslint/noSuchMethod", {})
    assert unknown["error"]["code"] == -32601
    client.notify("$/noSuchNotification", {})
    bad_params = client.request("textDocument/codeAction", {"textDocument": 5})
    assert "error" in bad_params

    # A 5 MB buffer: one notice, not minutes of work.
    big_uri = "file:///tmp/newslint-test/huge.txt"
    client.open(big_uri, "The the council met. " * 250_000, language="plaintext")
    (notice,) = client.diagnostics(big_uri, version=1)
    assert "not checked as you type" in notice["message"]

    # Fifty changes as fast as the pipe takes them: the final text is what gets reported.
    uri = "file:///tmp/newslint-test/typing.md"
    text = "Council backs bridge\n\n"
    client.open(uri, text)
    client.diagnostics(uri, version=1)
    typed = "Officials said the the bridge would open in 2028 "[:50]
    for version, ch in enumerate(typed, start=2):
        end = offset_to_position(text, len(text))
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": end, "end": end}, "text": ch}],
            },
        )
        text += ch
    last = len(typed) + 1
    diagnostics = client.diagnostics(uri, version=last)
    doubled = by_rule(diagnostics, "repetition.doubled-word")
    assert position_to_offset(text, **doubled["range"]["start"]) == text.index("the the")
    published = [
        m for m in client.seen if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
    ]
    assert len(published) < 10  # debounced: not one lint per keystroke
    assert client.close() == 0


FAKE_LOADER = """
import sys
from pathlib import Path
import newslint.lsp as lsp
from newslint.config import Config

def load(path):
    config = Path(path).parent / ".newslint.yaml"
    text = config.read_text() if config.exists() else ""
    if "profle" in text:
        raise ValueError(f"{config}:1: unknown setting 'profle'; did you mean 'profile'?")
    return Config(profile="british") if "british" in text else Config()

sys.exit(lsp.serve(load))
"""


def test_broken_config_gives_one_diagnostic_and_recovers(tmp_path):
    client = LspClient([sys.executable, "-c", FAKE_LOADER])
    try:
        client.initialize({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}, root=tmp_path)
        registration = client.wait_for(lambda m: m.get("method") == "client/registerCapability")
        globs = [
            w["globPattern"] for r in registration["params"]["registrations"] for w in r["registerOptions"]["watchers"]
        ]
        assert "**/.newslint.yaml" in globs
        draft = tmp_path / "draft.md"
        uri = draft.as_uri()
        text = "Bridge vote\n\nThe the council met on Tuesday.\n"
        client.open(uri, text)
        assert by_rule(client.diagnostics(uri, version=1), "repetition.doubled-word")

        config = tmp_path / ".newslint.yaml"
        config.write_text("profle: british\n")
        client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 1}]})
        (problem,) = client.diagnostics(uri)
        assert "configuration error" in problem["message"] and "profle" in problem["message"]
        shown = client.wait_for(lambda m: m.get("method") == "window/showMessage")
        assert "profle" in shown["params"]["message"]
        hover = client.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 1}}
        )
        assert "error" not in hover

        config.write_text("profile: british\n")
        client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
        assert by_rule(client.diagnostics(uri), "repetition.doubled-word")
        assert client.close() == 0
    finally:
        client.kill()


def test_broken_config_is_one_diagnostic_and_a_fixed_one_is_reloaded(tmp_path, client):
    config = tmp_path / ".newslint.yaml"
    config.write_text("rules: [unclosed\n  - : :\n")
    client.initialize(root=tmp_path)
    uri = (tmp_path / "draft.md").as_uri()
    client.open(uri, "Bridge vote\n\nThe the council met.\n")
    [diagnostic] = client.diagnostics(uri, version=1)
    assert "configuration error" in diagnostic["message"] and ".newslint.yaml:" in diagnostic["message"]
    config.write_text("profile: british\n")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    assert [d["code"] for d in client.diagnostics(uri)] == ["repetition.doubled-word"]
    assert client.close() == 0


def test_missing_pygls_is_one_line_not_a_traceback():
    import subprocess

    code = (
        "import sys; sys.modules['pygls'] = None; sys.modules['pygls.lsp.server'] = None; "
        "from newslint.cli import main; sys.exit(main(['lsp']))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "pip install" in done.stderr


# -- the position helper on its own --------------------------------------------------------------


@pytest.mark.parametrize("encoding,expected", [("utf-16", 4), ("utf-8", 6), ("utf-32", 3)])
def test_positions_in_each_encoding(encoding, expected):
    buf = TextBuffer("x\r\na\U0001f6b2bc\n", encoding)
    offset = buf.text.index("c")
    assert buf.position(offset) == (1, expected)
    assert buf.offset(1, expected) == offset


def test_lsp_line_ends_only():
    # U+2028 and form feed are not line ends in LSP (Python's splitlines() says they are).
    buf = TextBuffer("a\u2028b\x0cc\rd\r\ne")
    assert buf.position(buf.text.index("c")) == (0, 4)
    assert buf.position(buf.text.index("d")) == (1, 0)
    assert buf.position(buf.text.index("e")) == (2, 0)
    assert buf.offset(1, 99) == buf.text.index("d") + 1  # past the end: the line's end, not its break


def test_incremental_change_with_astral_characters():
    class Change:
        def __init__(self, start, end, text):
            pos = lambda p: type("P", (), {"line": p[0], "character": p[1]})  # noqa: E731
            self.range = type("R", (), {"start": pos(start), "end": pos(end)})
            self.text = text

    buf = TextBuffer(f"Riders {BIKES} cheer\n")
    buf.apply_change(Change((0, 12), (0, 12), "!"))  # after 'Riders ' (7) and two bikes (4 units) and ' '
    assert buf.text == f"Riders {BIKES} !cheer\n"
