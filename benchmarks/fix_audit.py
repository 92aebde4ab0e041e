"""Fix audit over real news (measurement only; no corpus text is kept or printed).

For each article: fix it (safe, then safe + unsafe), and check that a second run changes
nothing and that every direct quotation keeps its words. Prints counts per corpus.

    python benchmarks/fix_audit.py [--limit 200] [../shared/corpus]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from newslint import fix
from newslint.config import Config
from newslint.linter import Linter


def main() -> int:
    parser = argparse.ArgumentParser()
    here = Path(__file__).resolve().parents[1]  # ../shared beside the checkout, or two up from a worktree
    default = next(
        (p / "shared" / "corpus" for p in (here.parent, here.parent.parent) if (p / "shared").is_dir()),
        here.parent / "shared" / "corpus",
    )
    parser.add_argument("corpus", nargs="?", default=str(default))
    parser.add_argument("--limit", type=int, default=200, help="articles per corpus file")
    args = parser.parse_args()
    files = sorted(Path(args.corpus).glob("*.jsonl.gz"))
    if not files:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    linter = Linter(Config())
    print(
        f"{'corpus':22} {'mode':6} {'articles':>8} {'changed':>8} {'fixes':>7} {'not idempotent':>15} "
        f"{'quote words changed':>20} {'ms/article':>10}"
    )
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            texts = [json.loads(line)["text"] for _, line in zip(range(args.limit), f)]
        for unsafe in (False, True):
            changed = fixes = unstable = quote_changes = 0
            started = time.perf_counter()
            for text in texts:
                first = fix.fix_text(linter, text, "article.txt", unsafe=unsafe)
                second = fix.fix_text(linter, first.text, "article.txt", unsafe=unsafe)
                changed += first.text != text
                fixes += first.applied
                unstable += second.text != first.text or not first.settled
                quote_changes += bool(fix.quoted_words_changed(text, first.text))
            ms = (time.perf_counter() - started) * 1000 / max(len(texts), 1)
            print(
                f"{path.name.split('.')[0]:22} {'unsafe' if unsafe else 'safe':6} {len(texts):8} {changed:8} "
                f"{fixes:7} {unstable:15} {quote_changes:20} {ms:10.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
