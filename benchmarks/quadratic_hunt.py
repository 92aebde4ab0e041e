"""Hunt for input shapes that make linting superlinear: repeat a short unit n and 4n times and
report units whose time grows more than 8-fold. Found the digit-comma run in
attribution.unsourced-figure; see docs/reliability.md.

    python benchmarks/quadratic_hunt.py             # punctuation units, then random news pieces
    python benchmarks/quadratic_hunt.py --seed 7    # other random pieces
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_properties import PIECES, SEPARATORS  # noqa: E402  (the property tests' news pieces)

from newslint.linter import Linter  # noqa: E402

CHARS = list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") + [
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "\u2014",
    "\u2026",
    "\u00a0",
    "\t",
    "\r",
]
TEMPLATES = [
    "{c}",
    "{c}a",
    "a{c}",
    "{c} ",
    " {c}",
    "A{c} ",
    "{c}A",
    "1{c}",
    "{c}1",
    "Ab{c}\t",
    "{c}{c} x",
    "Mr{c} X",
    "{c}{c}{c}a ",
    "a {c}{c}",
]
HEADS = {"text": "Headline for a test\n\n", "markdown": "# Headline\n\nCopy "}


def seconds(linter: Linter, text: str, kind: str) -> float:
    start = time.perf_counter()
    linter.lint_text(text, "x", kind)
    return time.perf_counter() - start


def units(seed: int):
    for c in CHARS:
        for template in TEMPLATES:
            yield template.format(c=c)
    rng = random.Random(seed)
    for _ in range(400):
        yield "".join(rng.choice(PIECES) + rng.choice(SEPARATORS + [""] * 4) for _ in range(rng.randint(1, 3)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chars", type=int, default=10_000, help="size of the smaller text")
    args = parser.parse_args()
    linter = Linter()
    found = 0
    for unit in units(args.seed):
        for kind, head in HEADS.items():
            n = max(1, args.chars // len(unit))
            small = seconds(linter, head + unit * n, kind)
            if small < 0.01:
                continue  # too quick to time reliably; 4n is then quick too unless badly quadratic
            large = seconds(linter, head + unit * 4 * n, kind)
            if large / small > 8:
                found += 1
                print(f"{large / small:5.1f}x  {large:6.2f} s  {kind:8} {unit!r}", flush=True)
    print(f"{found} superlinear shapes")


if __name__ == "__main__":
    main()
