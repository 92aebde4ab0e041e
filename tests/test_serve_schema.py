"""schemathesis against the server's OpenAPI description: generated requests, valid and not,
to every endpoint; none may get a 500 or take longer than the time limit (no hang)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from serve_helpers import Server, need_server_packages

need_server_packages()
pytest.importorskip("schemathesis", reason="pip install schemathesis for the API fuzz test")
MAX_RESPONSE_TIME = 10  # seconds: past the server's own 5 s limit (then a 408) means a hang


def test_no_server_error_and_no_hang(tmp_path):
    # The command line, not the pytest plugin: it follows schemathesis releases, the plugin
    # follows pytest's internals.
    command = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or "schemathesis"
    with Server("--timeout", "5") as server:
        done = subprocess.run(
            [
                command,
                "run",
                server.url + "/openapi.json",
                "--checks",
                "not_a_server_error",
                "--max-response-time",
                str(MAX_RESPONSE_TIME),
                "--request-timeout",
                str(MAX_RESPONSE_TIME + 5),
                "--max-examples",
                "10",
                "--phases",
                "coverage,fuzzing",
                "--seed",
                "1",
                "--generation-database",
                "none",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,
            check=False,
        )
        log = server.stop()
    output = done.stdout[-4000:] + done.stderr[-2000:]
    assert done.returncode == 0, output
    assert "failed" not in output.split("SUMMARY")[-1].lower() or " 0 failed" in output, output
    assert "Traceback" not in log, log
