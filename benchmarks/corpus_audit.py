"""False alarms on real edited copy: findings per 10,000 words, per rule.

    python benchmarks/corpus_audit.py                 # the three edited corpora of issue 2
    python benchmarks/corpus_audit.py --show quotes.unopened --corpus bbc   # look at what fires

Reads ../shared/corpus/<name>.jsonl.gz (one {"id", "text"} per line) and prints, for each corpus,
the words checked and each rule's findings per 10,000 words. Warning and error findings on edited
copy are mostly false alarms: the target is at most 5 per 10,000 words.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newslint.api import Linter  # noqa: E402
from newslint.config import Config  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
# The edited corpora and the house style each was written in.
EDITED = {"bbc": "british", "wmt_news_en": "ap", "aeb_clean": "ap"}
TARGET = 5.0


def read_corpus(name: str):
    with gzip.open(CORPUS / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            yield doc["id"], doc["text"]


def audit(name: str, profile: str, show: str | None, limit: int) -> float:
    linter = Linter(Config(profile=profile))
    counts: Counter = Counter()
    words = 0
    shown = 0
    for doc_id, text in read_corpus(name):
        words += len(re.findall(r"\w+", text))
        for f in linter.lint_text(text, f"{name}/{doc_id}.txt").findings:
            counts[(f.rule, f.severity)] += 1
            if show and (f.rule == show or f.category == show) and shown < limit:
                shown += 1
                line = text.splitlines()[f.line - 1]
                lo = max(0, f.column - 80)
                print(f"  {doc_id}:{f.line}:{f.column} {f.message}\n    ...{line[lo:f.column + 80]}...", file=sys.stderr)
    loud = sum(n for (rule, level), n in counts.items() if level != "info")
    rate = loud * 10_000 / max(words, 1)
    print(f"\n{name} (--profile {profile}): {words:,} words, "
          f"{rate:.2f} warning/error findings per 10,000 words (target <= {TARGET})")
    for (rule, level), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {rule:36} {level:8} {n:6}  {n * 10_000 / words:6.2f} per 10k words")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="corpus name (default: bbc, wmt_news_en, aeb_clean)")
    parser.add_argument("--profile", help="profile (default: the corpus's own house style)")
    parser.add_argument("--show", help="print the hits of this rule id or category (to stderr)")
    parser.add_argument("--limit", type=int, default=40, help="how many hits --show prints")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus_audit: {CORPUS} is absent; nothing to measure", file=sys.stderr)
        return 0
    rates = [audit(name, args.profile or EDITED.get(name, "ap"), args.show, args.limit)
             for name in args.corpus or EDITED]
    return 0 if all(r <= TARGET for r in rates) else 1


if __name__ == "__main__":
    raise SystemExit(main())
