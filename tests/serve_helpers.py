"""Start `newslint serve` as a user would (a second process on loopback) for the serve tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def need_server_packages() -> None:
    for name in ("starlette", "uvicorn", "multipart"):
        pytest.importorskip(name, reason="newslint serve needs pip install 'newslint[serve]'")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, *args: str, env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newslint", "serve", "--port", str(self.port), *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(os.environ, **(env or {})),
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"newslint serve exited: {self.process.stderr.read().decode()}")
            try:
                urllib.request.urlopen(self.url + "/v2/languages", timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("newslint serve did not start within 20 s")

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.stderr.read().decode()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


# A story the project wrote for these tests: an emoji before findings, a doubled word, a space
# before a comma, a comma outside a quotation (U.S. style), and a name used before its introduction.
STORY = (
    "Harbour bridge approved after long fight\n"
    "The council voted 7-2 on Tuesday \U0001f309 to build the the bridge , ending a decade of argument.\n"
    'Hollis said the vote was "a long time coming", and that work would start soon.\n'
    "Council leader Dana Hollis told reporters the cost would be $48 million, officials said.\n"
)
