"""Reliability of the language server's text buffer: an edit and a position cost in proportion
to the edit, not to the document or the line, and stay exact under random edits."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from newslint.lsp.buffer import TextBuffer

_BREAK = re.compile(r"\r\n|\r|\n")


def _change(line, character, end_line, end_character, text):
    def pos(line, character):
        return SimpleNamespace(line=line, character=character)

    return SimpleNamespace(
        range=SimpleNamespace(start=pos(line, character), end=pos(end_line, end_character)), text=text
    )


def test_random_edits_keep_lines_and_utf16_positions_exact():
    pieces = ["a", "b", " ", "\r", "\n", "\r\n", "\u00e9", "\U0001f600"]
    rng = random.Random(17)
    for _ in range(1500):
        buffer = TextBuffer("".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))))
        for _ in range(4):
            start = rng.randint(0, len(buffer.text))
            end = rng.randint(start, len(buffer.text))
            buffer.replace(start, end, "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))))
            text = buffer.text
            starts = [0] + [m.end() for m in _BREAK.finditer(text)]
            assert buffer.line_starts == starts
            for offset in range(len(text) + 1):
                line, character = buffer.position(offset)
                assert character == len(text[starts[line] : offset].encode("utf-16-le")) // 2
                if offset <= buffer._line_end(line):
                    assert buffer.offset(line, character) == offset


def test_typing_on_a_5_mb_line_costs_little_a_keystroke():
    buffer = TextBuffer("word " * 1_000_000 + "\U0001f600 end")  # one line, 5 MB
    started = time.perf_counter()
    for _i in range(100):  # type at the end of the line, as an editor sends it
        line, character = buffer.position(len(buffer.text))
        buffer.apply_change(_change(line, character, line, character, "x"))
    took = (time.perf_counter() - started) / 100
    assert buffer.text.endswith("end" + "x" * 100)
    assert took < 0.05, f"{took * 1000:.0f} ms a keystroke"  # it was 3 s


def test_positions_of_many_findings_on_a_long_line_are_fast():
    buffer = TextBuffer("a\u00e9\U0001f600 " * 250_000)  # a 1M-character line
    started = time.perf_counter()
    positions = [buffer.position(offset) for offset in range(0, len(buffer.text), 10)]
    assert time.perf_counter() - started < 1.0  # it was quadratic: seconds for 100,000 findings
    assert positions[1] == (0, 12)  # 10 characters, two of them astral: 12 UTF-16 units


def test_a_huge_content_length_is_refused_and_the_server_keeps_serving(client, tmp_path):
    client.initialize(root=tmp_path)
    client.proc.stdin.write(b"Content-Length: 999999999999\r\n\r\n")  # 1 TB claimed, nothing sent
    client.proc.stdin.flush()
    uri = (tmp_path / "story.md").as_uri()
    client.open(uri, "It will will pass.\n")
    assert any(d["code"] == "repetition.doubled-word" for d in client.diagnostics(uri))
    assert client.close() == 0
    assert b"refused a message of 999999999999 bytes" in b"".join(client.stderr)


def test_a_client_that_dies_mid_message_leaves_a_clean_exit(client, tmp_path):
    client.initialize(root=tmp_path)
    client.proc.stdin.write(b'Content-Length: 500\r\n\r\n{"jsonrpc": "2.0", "method": "textDoc')
    client.proc.stdin.close()
    code = client.proc.wait(timeout=20)
    time.sleep(0.2)  # the reader thread collects the last of stderr
    assert code in (0, 1)  # 1: LSP's code for an exit without shutdown
    assert b"Traceback" not in b"".join(client.stderr)


def _rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads resident memory from /proc (Linux)")
def test_memory_stays_flat_over_ten_thousand_edits(client, tmp_path):
    # pygls kept a future for every didChange: about 2 KB a keystroke (18 MB over these 9,000
    # edits), without bound. Typing one character and deleting it again leaves the text as it
    # was, so whatever grows is the server's own keeping.
    client.initialize(root=tmp_path)
    uri = (tmp_path / "story.md").as_uri()
    client.open(uri, "Council backs the plan\n\nThe the council said it would build the bridge.\n" * 20)
    client.diagnostics(uri)
    version = 1

    def edits(count: int) -> None:
        nonlocal version
        for i in range(count):
            version += 1
            end = 4 if i % 2 == 0 else 5  # insert "x" at 2:4, then delete it
            change = {"range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": end}}}
            change["text"] = "x" if i % 2 == 0 else ""
            client.notify(
                "textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}
            )
            if i % 1000 == 999:  # a pause in typing: the server lints, and has read every edit
                client.diagnostics(uri, version=version, timeout=120)

    edits(1_000)
    before = _rss_kb(client.proc.pid)
    edits(9_000)
    grown = _rss_kb(client.proc.pid) - before
    assert grown < 5_000, f"{grown} KB more after 9,000 edits"
    assert client.close() == 0
