"""The language server keeps working through what editors and rule authors throw at it."""

from __future__ import annotations

import pytest

pytest.importorskip("pygls")

TEXT = "Council backs bridge\n\nThe the council met on Tuesday , officials said.\n"


def test_out_of_range_positions_and_double_close(client, tmp_path):
    client.initialize(root=tmp_path)
    uri = (tmp_path / "draft.md").as_uri()
    client.open(uri, TEXT)
    client.diagnostics(uri, version=1)
    far = {"start": {"line": 999, "character": 999}, "end": {"line": 1000, "character": 5}}
    answer = client.request(
        "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": far, "context": {"diagnostics": []}}
    )
    assert "result" in answer or "error" in answer
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": far["start"]})
    assert "result" in hover or "error" in hover
    # An edit past the end of the document is clamped by the server, not a crash.
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"range": far, "text": " More."}]},
    )
    assert client.diagnostics(uri, version=2) is not None
    for _ in range(2):  # closed twice
        client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    # A request about a document that is not open, and the server still answers.
    gone = client.request(
        "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": far, "context": {"diagnostics": []}}
    )
    assert "result" in gone or "error" in gone
    other = (tmp_path / "other.md").as_uri()
    client.open(other, TEXT)
    assert "repetition.doubled-word" in {d["code"] for d in client.diagnostics(other, version=1)}
    assert client.close() == 0


def test_a_rule_that_raises_leaves_the_others_reporting(client, tmp_path):
    # A user pack with a pattern that backtracks without end on this draft: it is stopped.
    (tmp_path / "house.yaml").write_text(
        """rules:
  - id: style.broken
    type: pattern
    message: "broken"
    patterns: ['(a|aa)+$']
    examples: {bad: ["aaa"], good: ["bbb"]}
""",
        encoding="utf-8",
    )
    (tmp_path / ".newslint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    client.initialize(root=tmp_path)
    uri = (tmp_path / "draft.md").as_uri()
    client.open(uri, TEXT + "a" * 40 + "!\n")
    codes = {d["code"] for d in client.diagnostics(uri, version=1)}
    assert "repetition.doubled-word" in codes and "style.broken" not in codes
    shown = client.wait_for(
        lambda m: m.get("method") == "window/showMessage" and "style.broken" in m["params"]["message"]
    )
    assert "time limit" in shown["params"]["message"]
    assert client.close() == 0
