"""A small LSP client for the tests: JSON-RPC with Content-Length framing over a subprocess's pipes.

It is written here, independently of the server, so the tests check the wire protocol itself.
"""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 20.0  # seconds to wait for any one answer on a busy machine


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def position_to_offset(text: str, line: int, character: int) -> int:
    """Character offset of an LSP position (UTF-16 units), lines broken at \\n (test texts use \\n only)."""
    lines = text.split("\n")
    offset = sum(len(x) + 1 for x in lines[:line])
    units = 0
    for i, ch in enumerate(lines[line] if line < len(lines) else ""):
        if units >= character:
            return offset + i
        units += utf16_len(ch)
    return offset + (len(lines[line]) if line < len(lines) else 0)


def offset_to_position(text: str, offset: int) -> dict:
    before = text[:offset]
    line = before.count("\n")
    return {"line": line, "character": utf16_len(before[before.rfind("\n") + 1 :])}


def apply_text_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP TextEdits the way an editor does: all ranges refer to the original text."""
    spans = sorted(
        (
            (
                position_to_offset(text, **e["range"]["start"]),
                position_to_offset(text, **e["range"]["end"]),
                e["newText"],
            )
            for e in edits
        ),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


class LspClient:
    def __init__(self, command: list[str] | None = None, cwd=None):
        command = command or [sys.executable, "-m", "newslint", "lsp"]
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd or ROOT
        )
        self.inbox: queue.Queue = queue.Queue()
        self.seen: list[dict] = []  # every message the server sent, in order
        self.stderr: list[bytes] = []
        self.ids = itertools.count(1)
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()

    # -- wire --
    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                header = out.readline()
                if not header:
                    self.inbox.put(None)
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            message = json.loads(out.read(length).decode("utf-8"))
            if "method" in message and "id" in message:  # a request from the server: say yes
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            self.inbox.put(message)

    def send_raw(self, body: bytes) -> None:
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message: dict) -> None:
        self.send_raw(json.dumps(message).encode("utf-8"))

    def notify(self, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params, timeout: float = TIMEOUT) -> dict:
        """Send a request and return the whole response (with 'result' or 'error')."""
        msg_id = next(self.ids)
        self.send({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
        return self.wait_for(lambda m: m.get("id") == msg_id and "method" not in m, timeout)

    def wait_for(self, predicate, timeout: float = TIMEOUT) -> dict:
        for message in self.seen:
            if predicate(message) and not message.get("_taken"):
                message["_taken"] = True
                return message
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(
                    f"no matching message within {timeout}s; stderr: {b''.join(self.stderr)[-2000:]!r}"
                )
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError(f"server exited ({self.proc.poll()}); stderr: {b''.join(self.stderr)[-2000:]!r}")
            self.seen.append(message)
            if predicate(message):
                message["_taken"] = True
                return message

    def diagnostics(self, uri: str, version=None, timeout: float = TIMEOUT) -> list[dict]:
        """The next publishDiagnostics for `uri` (for `version`, when given)."""
        message = self.wait_for(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and (version is None or m["params"].get("version") == version)
            ),
            timeout,
        )
        return message["params"]["diagnostics"]

    # -- session --
    def initialize(self, capabilities: dict | None = None, root: Path | None = None) -> dict:
        response = self.request(
            "initialize",
            {"processId": None, "rootUri": root.as_uri() if root else None, "capabilities": capabilities or {}},
        )
        self.notify("initialized", {})
        return response["result"]

    def open(self, uri: str, text: str, language: str = "markdown", version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": text}},
        )

    def close(self) -> int:
        """shutdown, exit, and the server's exit code."""
        try:
            response = self.request("shutdown", None)
            assert "error" not in response, response
            self.notify("exit", None)
            return self.proc.wait(timeout=TIMEOUT)
        finally:
            self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=TIMEOUT)
