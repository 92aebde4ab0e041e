import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (or two levels up, from a worktree under wt/)
SHARED = next(
    (p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared"
)


def run_cli(*args, input: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    """Run `python -m newslint` as a user would, and capture what it prints."""
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "newslint", *map(str, args)],
        input=input,
        capture_output=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=120,
    )


@pytest.fixture
def cli():
    return run_cli


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is absent)")
    return path


# -- LanguageTool: a fake server on loopback (tests/fake_languagetool.py) ------------------------------


@pytest.fixture(scope="session", autouse=True)
def languagetool_for_rule_examples():
    """The grammar pack's examples (tests/test_rule_examples.py) run against the fake LanguageTool
    server: LanguageTool cannot run on the test machines, and the examples must not be skipped."""
    from fake_languagetool import FakeLanguageTool

    from newslint.grammar import ENV_URL, reset

    before = os.environ.get(ENV_URL)
    with FakeLanguageTool() as fake:
        os.environ[ENV_URL] = fake.url
        reset()
        yield fake
    if before is None:
        os.environ.pop(ENV_URL, None)
    else:
        os.environ[ENV_URL] = before
    reset()


@pytest.fixture
def fake_languagetool():
    """A fresh fake LanguageTool server; newslint's clients and cache start empty."""
    from fake_languagetool import FakeLanguageTool

    from newslint.grammar import reset

    reset()
    with FakeLanguageTool() as fake:
        yield fake
    reset()


@pytest.fixture
def client():
    """A language server in a subprocess, spoken to over stdio (tests/lsp_client.py)."""
    from lsp_client import LspClient

    server = LspClient()
    yield server
    server.kill()
