import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (or two levels up, from a worktree under wt/)
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()), ROOT.parent / "shared")


def run_cli(*args, input: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    """Run `python -m newslint` as a user would, and capture what it prints."""
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "newslint", *map(str, args)], input=input,
                          capture_output=True, cwd=cwd or ROOT, env=env, timeout=120)


@pytest.fixture
def cli():
    return run_cli


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared is absent)")
    return path
