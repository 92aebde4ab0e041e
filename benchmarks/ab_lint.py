"""Lint-path throughput of this checkout against another (a base commit), measured in turns.

    git worktree add /tmp/base main     # or: git archive main --prefix=base/ | tar -x -C /tmp
    python benchmarks/ab_lint.py /tmp/base --profile ap --rounds 5

Each round lints the same stories (the first 600 of bbc and 1,500 of reuters21578) once with
each checkout, in fresh processes, and counts the process's CPU time for the lint loop only.
CPU time and alternating turns keep a busy shared machine's noise out of the ratio better than
wall-clock figures taken minutes apart.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from speed import DEFAULT_CORPUS

CHILD = r"""
import gzip, json, sys, time
root, profile, corpus = sys.argv[1:4]
sys.path.insert(0, root)
import newslint
assert newslint.__file__.startswith(root), newslint.__file__
try:
    from newslint.linter import Linter
except ImportError:  # a base checkout from before the stages
    from newslint.api import Linter
from newslint.config import Config
texts = []
for name, n in (("bbc", 600), ("reuters21578", 1500)):
    with gzip.open(f"{corpus}/{name}.jsonl.gz", "rt") as f:
        for i, line in enumerate(f):
            if i >= n:
                break
            texts.append(json.loads(line)["text"])
linter = Linter(Config(profile=profile))
for t in texts[:50]:
    linter.lint_text(t, "x.txt")  # warm the caches
start = time.process_time()
for t in texts:
    linter.lint_text(t, "x.txt")
print(json.dumps({"words": sum(len(t.split()) for t in texts), "cpu": time.process_time() - start}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the other checkout's root folder")
    parser.add_argument("--profile", default="ap")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    roots = {"base": str(Path(args.base).resolve()), "this": str(Path(__file__).resolve().parent.parent)}
    rates: dict[str, list[float]] = {name: [] for name in roots}
    for _ in range(args.rounds):
        for name, root in roots.items():
            out = subprocess.run(
                [sys.executable, "-c", CHILD, root, args.profile, str(DEFAULT_CORPUS)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            figures = json.loads(out)
            rates[name].append(figures["words"] / figures["cpu"])
    for name, values in rates.items():
        print(f"{name}: median {statistics.median(values):,.0f} words per CPU second ({len(values)} runs)")
    print(f"this/base: {statistics.median(rates['this']) / statistics.median(rates['base']):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
