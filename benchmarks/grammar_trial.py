"""Trial of an offline grammar checker (harper-py) on real news copy, for measurement only.

Reads paragraphs from ../shared/corpus (never copied into the project), lints them with
harper-py, and prints lints per 10,000 words by Harper rule kind, speed, and a random sample of
lints (with a few words of context) for a person to judge true or false alarm.

    python benchmarks/grammar_trial.py --paragraphs 400 --sample 80 [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import re
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


QUIET_KINDS = {"Readability", "Formatting", "Style", "Enhancement"}


def paragraphs(corpus: Path, name: str, limit: int, seed: int) -> list[str]:
    items = []
    with gzip.open(corpus / name, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            items.extend(p.strip() for p in re.split(r"\n+", text)[1:] if len(p.split()) >= 8)
    random.Random(seed).shuffle(items)
    return items[:limit]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=400, help="per corpus")
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--quiet",
        action="store_true",
        help="leave out what newslint would not report: spelling of capitalised words (names), "
        "and the Readability, Formatting, Style and Enhancement kinds (house style)",
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the shared corpus folder")
    args = parser.parse_args()
    try:
        import harper
    except ImportError:
        print("pip install harper-py first", file=sys.stderr)
        return 2
    if not args.corpus.is_dir():
        print(f"{args.corpus} is absent", file=sys.stderr)
        return 2
    for name, dialect in (("bbc.jsonl.gz", harper.Dialect.BRITISH), ("wmt_news_en.jsonl.gz", harper.Dialect.AMERICAN)):
        paras = paragraphs(args.corpus, name, args.paragraphs, args.seed)
        started = time.perf_counter()
        linter = harper.Linter(dialect)
        built = time.perf_counter() - started
        words = sum(len(p.split()) for p in paras)
        kinds: collections.Counter = collections.Counter()
        found = []
        started = time.perf_counter()
        for p in paras:
            for lint in linter.lint(p, language=harper.Language.PLAINTEXT):
                if args.quiet and (
                    lint.lint_kind in QUIET_KINDS or (lint.lint_kind == "Spelling" and not lint.problem_text.islower())
                ):
                    continue
                kinds[lint.lint_kind] += 1
                s, e = lint.span.start, lint.span.end
                found.append(
                    (
                        lint.lint_kind,
                        p[max(0, s - 30) : s] + "[[" + p[s:e] + "]]" + p[e : e + 30],
                        lint.message,
                        [x.replacement_text for x in lint.suggestions[:2]],
                    )
                )
        took = time.perf_counter() - started
        print(
            f"== {name}: {len(paras)} paragraphs, {words} words, linter built in {built:.2f}s, "
            f"linted in {took:.2f}s ({words / took:,.0f} words/s)"
        )
        print(f"   {len(found)} lints = {len(found) * 10000 / words:.1f} per 10,000 words")
        for kind, n in kinds.most_common():
            print(f"   {kind:20} {n:5} {n * 10000 / words:7.1f} per 10k words")
        for item in random.Random(args.seed).sample(found, min(args.sample, len(found))):
            print("  ", item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
