"""Does linting stay linear on hostile input? Times each shape at size n and 4n and prints the
ratio (about 4 is linear, about 16 quadratic), with peak memory measured in a child process.

    python benchmarks/hostile_scaling.py            # every shape, n = 250 KB
    python benchmarks/hostile_scaling.py --big      # adds the 50 MB article (minutes)
    python benchmarks/hostile_scaling.py SHAPE...   # only these shapes
    python benchmarks/hostile_scaling.py --per-mb [SHAPE...] [--front lint,text,json,fix]
        # seconds per MB at 0.25, 0.5, 1 and 2 MB for each shape and front end: lint alone,
        # lint then render in a format (text json sarif github line html), or --fix's fix_text.
        # Linear: time per MB within 1.5x across the sizes.
    python benchmarks/hostile_scaling.py --per-mb --cpu ...
        # the same in CPU seconds of the child: steadier than wall time on a shared machine

Text made here, not taken from any corpus. Results go in docs/reliability.md.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import subprocess
import sys
import time

PARA = (
    "Coalition spokesman Colonel Ryan Dillon told reporters on Friday, 21 May 2019 that about 300 "
    'fighters had left , and "we will win," he said. ISIS and Daesh were named; the the U.S. -led '
    "group said prices rose 4.5% ."
)


def _names(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    words = []
    while sum(map(len, words)) < size:
        surname = rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=7))
        words.append(f"Ryan {surname} came. {surname} said so. Mr {surname[:-1]}x said no.")
    return "Headline\n\n" + "\n\n".join(words)


HEAD = "Council backs the bridge plan\n\n"


def _repeat(unit: str, size: int, head: str = "Headline\n\n") -> str:
    return head + unit * max(1, size // len(unit))


# Each shape: size in characters -> (text, kind).
SHAPES = {
    "article": lambda n: (_repeat(PARA + "\n\n", n), "text"),
    "one-line": lambda n: (_repeat(PARA + " ", n), "text"),
    "short-paragraphs": lambda n: (_repeat("x\n", n), "text"),
    "nested-single-then-double": lambda n: (_repeat(" 'a", n // 2) + ' "b"' * (n // 8), "text"),
    "nested-curly": lambda n: (_repeat(" \u2018a \u201cb", n), "text"),
    "unopened-closers": lambda n: (_repeat(" 'a", n // 2) + ' b"' * (n // 6), "text"),
    "names": lambda n: (_names(n), "text"),
    "dates-one-line": lambda n: (_repeat("Friday, 21 May 2019 ", n), "text"),
    "control-chars": lambda n: (_repeat("".join(map(chr, range(32))) + "word ", n), "text"),
    "md-brackets": lambda n: (_repeat("[", n, "# Headline\n\n"), "markdown"),
    "md-images": lambda n: (_repeat("![a", n, "# Headline\n\n"), "markdown"),
    "md-comments": lambda n: (_repeat("<!-- ", n, "# Headline\n\nx "), "markdown"),
    "md-tags": lambda n: (_repeat("<a ", n, "# Headline\n\nx "), "markdown"),
    "md-heading-spaces": lambda n: ("# " + " " * n + "x\n\nBody.", "markdown"),
    "md-article": lambda n: (
        _repeat("Some *text* with [a link](http://x) and `code`.\n" + PARA + "\n\n", n, "# Headline\n\n"),
        "markdown",
    ),
    "spaces": lambda n: ("Headline\n\nword" + " " * n + "x.", "text"),
    "full-stops": lambda n: ("Headline\n\nA" + "." * n + " X", "text"),
    "nbsp-sentences": lambda n: (_repeat("Ab.\u00a0", n), "text"),
    "md-heading-inner-spaces": lambda n: ("# a" + " " * n + "b\n\nBody.", "markdown"),
    "digits": lambda n: ("Headline\n\nabout " + "1" * n + " people", "text"),
    # Issue 17: one long line of findings, one long paragraph of quotations, short quotations,
    # single marks, directives, thousands of fixes.
    "long-line-findings": lambda n: (
        _repeat("The mayor , said the the plan was fine ; officials agreed . ", n),
        "text",
    ),
    "long-paragraph": lambda n: (
        _repeat(
            'Mayor Jane Okafor said "we will build it" on Friday. Okafor, 52, said the '
            'council agreed. The plan, officials said, "is fine". ',
            n,
            HEAD,
        )
        + "and more",
        "text",
    ),
    "short-quotes": lambda n: (_repeat('He said "yes" ', n, HEAD), "text"),
    "short-quotes-md": lambda n: (_repeat('He said "yes" ', n, "# " + HEAD), "markdown"),
    "short-quotes-html": lambda n: (f"<h1>{HEAD.strip()}</h1><p>" + _repeat('He said "yes" ', n, "") + "</p>", "html"),
    "single-marks": lambda n: (_repeat('\'yes sir\' "no sir" "ok sir" ', n, HEAD) + "and more", "text"),
    "directives": lambda n: (
        _repeat(
            "The mayor , said no. [newslint: disable-next-line repetition] [newslint: disable quotes.x]\n", n, HEAD
        ),
        "text",
    ),
}


def run_one(shape: str, size: int) -> dict:
    """Lint one shape in this process; report seconds and peak memory (max RSS)."""
    import resource

    from newslint.linter import Linter

    linter = Linter()
    text, kind = SHAPES[shape](size)
    start = time.perf_counter()
    result = linter.lint_text(text, "<bench>", kind)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "chars": len(text),
        "seconds": seconds,
        "findings": len(result.findings),
        "errors": len(result.errors),
        "peak_mb": peak_kb / 1024,
    }


def run_front(shape: str, size: int, front: str) -> dict:
    """Seconds for one front end on one shape: "lint", a report format, or "fix"."""
    import io

    from newslint.fix import fix_text
    from newslint.linter import Linter
    from newslint.report import render

    linter = Linter()
    text, kind = SHAPES[shape](size)
    path = {"text": "bench.txt", "markdown": "bench.md", "html": "bench.html"}[kind]
    start, cpu = time.perf_counter(), time.process_time()
    if front == "fix":
        fix_text(linter, text, path)
    else:
        result = linter.lint_text(text, path)
        if front != "lint":
            render(front, [result], io.StringIO())
    return {"chars": len(text), "seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu}


def per_mb(shapes: list[str], fronts: list[str], clock: str = "seconds") -> None:
    sizes = (250_000, 500_000, 1_000_000, 2_000_000)
    print(
        f"{'shape':22} {'front':6} "
        + " ".join(f"{s / 1e6:>5.2f}MB" for s in sizes)
        + f"  spread  ({'CPU ' if clock == 'cpu_seconds' else ''}s per MB)"
    )
    for shape in shapes:
        for front in fronts:
            rates = []
            for size in sizes:
                out = subprocess.run(
                    [sys.executable, __file__, "--front-child", shape, str(size), front],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                got = json.loads(out.stdout)
                rates.append(got[clock] / (got["chars"] / 1e6))
            spread = max(rates) / max(min(rates), 1e-6)
            print(
                f"{shape:22} {front:6} "
                + " ".join(f"{r:7.2f}" for r in rates)
                + f"  {spread:5.2f}x"
                + ("" if spread <= 1.5 else "  <- not linear"),
                flush=True,
            )


def measure(shape: str, size: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", shape, str(size)], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("shapes", nargs="*", default=list(SHAPES))
    parser.add_argument("--size", type=int, default=250_000)
    parser.add_argument("--big", action="store_true", help="also lint a 50 MB article")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--front-child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--per-mb", action="store_true", help="seconds per MB at 0.25-2 MB, per front end")
    parser.add_argument(
        "--front", default="lint,text,json,sarif,github,line,html,fix", help="front ends for --per-mb, comma-separated"
    )
    parser.add_argument("--cpu", action="store_true", help="--per-mb in CPU seconds instead of wall seconds")
    args = parser.parse_args()
    if args.front_child:
        print(json.dumps(run_front(args.front_child[0], int(args.front_child[1]), args.front_child[2])))
        return
    if args.per_mb:
        per_mb(args.shapes, args.front.split(","), "cpu_seconds" if args.cpu else "seconds")
        return
    if args.child:
        print(json.dumps(run_one(args.child[0], int(args.child[1]))))
        return
    print(f"{'shape':28} {'n chars':>9} {'n s':>7} {'4n s':>7} {'ratio':>6} {'MB at 4n':>9}")
    for shape in args.shapes:
        small, large = measure(shape, args.size), measure(shape, 4 * args.size)
        ratio = large["seconds"] / max(small["seconds"], 1e-3)
        print(
            f"{shape:28} {small['chars']:9} {small['seconds']:7.2f} {large['seconds']:7.2f} {ratio:6.1f} "
            f"{large['peak_mb']:9.0f}",
            flush=True,
        )
    if args.big:
        big = measure("article", 50_000_000)
        print(
            f"50 MB article: {big['chars']} chars, {big['seconds']:.1f} s, {big['findings']} findings, "
            f"peak {big['peak_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
