"""False alarms on real edited copy: findings per 10,000 words, per rule.

    python benchmarks/corpus_audit.py                 # the three edited corpora of issue 2
    python benchmarks/corpus_audit.py --show quotes.unopened --corpus bbc   # look at what fires
    python benchmarks/corpus_audit.py --show unreviewed --limit 1000        # what needs a verdict

Reads ../shared/corpus/<name>.jsonl.gz (one {"id", "text"} per line), checks each story in its
publisher's house style and prints, for each corpus, the words checked, each rule's findings per
10,000 words and, for warnings and errors, how many were reviewed as defects in the copy and how
many as false alarms (benchmarks/corpus_verdicts.tsv). A finding nobody has reviewed counts as a
false alarm. The target is at most 5 false alarms per 10,000 words; the exit status says whether
every corpus meets it.
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
EDITED = ("bbc", "wmt_news_en", "aeb_clean")
TARGET = 5.0
# Every warning and error finding on the edited corpora, reviewed by reading the story: a defect
# in the copy (the finding is right) or a false alarm. Keys and our own notes, never corpus text.
VERDICTS = Path(__file__).resolve().parent / "corpus_verdicts.tsv"
# Each story is checked in its own house style, as a desk there would check it: publishers in
# Britain and the Commonwealth (and English-language outlets that follow British style) write
# logical punctuation, "per cent" and "US"; the rest write AP style. The publisher comes from the
# story's id (wmt_news_en) or from its address in <corpus>.urls.tsv (aeb_clean).
BRITISH = re.compile(r"""(?x)
    \.(?:co\.uk|com\.au|ie|in|ng)\b | \b(?:bbc|guardian|telegraph|independent|dailymail|scotsman
    | stv | sky | thelocal | euronews | rt | sputniknews | aljazeera | albawaba | cityam | express
    | thesun | deccanherald | moneycontrol | indiapost | newsnation | linknaija | theparadigmng
    | sciencealert)\b""")


def read_corpus(name: str):
    with gzip.open(CORPUS / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            yield doc["id"], doc["text"]


def publishers(name: str) -> dict[str, str]:
    """Story id -> publisher (a web address or a name), where the corpus says."""
    urls = CORPUS / f"{name}.urls.tsv"
    if urls.is_file():
        rows = (line.split("\t") for line in urls.read_text(encoding="utf-8").splitlines()[1:])
        return {row[0].removesuffix(".txt"): row[1].split("/")[2] for row in rows if len(row) > 1 and "//" in row[1]}
    return {}


def house_style(name: str, doc_id: str, sources: dict[str, str]) -> str:
    if name == "bbc":
        return "british"
    publisher = sources.get(doc_id) or doc_id.split("_", 1)[-1].rsplit(".", 1)[0]
    return "british" if BRITISH.search(publisher) else "ap"


def read_verdicts() -> dict[tuple[str, ...], str]:
    """(corpus, story, line, column, rule) -> "defect" or "false-alarm", from VERDICTS."""
    verdicts = {}
    for number, line in enumerate(VERDICTS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        corpus, story, line_no, column, rule, verdict, _why = line.split("\t")
        if verdict not in ("defect", "false-alarm"):
            raise SystemExit(f"{VERDICTS.name}:{number}: verdict must be defect or false-alarm, not {verdict!r}")
        verdicts[(corpus, story, line_no, column, rule)] = verdict
    return verdicts


def audit(name: str, profile: str | None, show: str | None, limit: int, verdicts: dict) -> float:
    """Print the corpus's figures; return its false alarms per 10,000 words."""
    linters = {p: Linter(Config(profile=p)) for p in ("ap", "british")}
    sources = publishers(name)
    counts: Counter = Counter()
    judged: Counter = Counter()  # (rule, verdict) for warning and error findings
    styles: Counter = Counter()
    matched = set()
    words = shown = 0
    for doc_id, text in read_corpus(name):
        words += len(re.findall(r"\w+", text))
        style = profile or house_style(name, doc_id, sources)
        styles[style] += 1
        for f in linters[style].lint_text(text, f"{name}/{doc_id}.txt").findings:
            counts[(f.rule, f.severity)] += 1
            key = (name, doc_id, str(f.line), str(f.column), f.rule)
            verdict = verdicts.get(key, "unreviewed") if f.severity != "info" else None
            if verdict:
                judged[(f.rule, verdict)] += 1
                matched.add(key)
            if show and show in (f.rule, f.category, verdict) and shown < limit:
                shown += 1
                line = text.splitlines()[f.line - 1]
                lo = max(0, f.column - 80)
                print(f"{name}\t{doc_id}\t{f.line}\t{f.column}\t{f.rule}\t{verdict}\t{f.message}\n"
                      f"    ...{line[lo:f.column + 80]}...", file=sys.stderr)
    per_10k = 10_000 / max(words, 1)
    loud = sum(judged.values())
    defects = sum(n for (_, v), n in judged.items() if v == "defect")
    unreviewed = sum(n for (_, v), n in judged.items() if v == "unreviewed")
    false_alarms = loud - defects
    print(f"\n{name} ({', '.join(f'{n} stories --profile {p}' for p, n in sorted(styles.items()))}): {words:,} words")
    print(f"  warning/error findings      {loud * per_10k:6.2f} per 10,000 words ({loud})")
    print(f"  reviewed: defects in copy   {defects * per_10k:6.2f} per 10,000 words ({defects})")
    print(f"  false alarms                {false_alarms * per_10k:6.2f} per 10,000 words ({false_alarms}, "
          f"of which {unreviewed} not reviewed and counted as false; target <= {TARGET})")
    print(f"  {'rule':36} {'level':8} {'count':>6}  {'per 10k':>7}   defect / false / unreviewed")
    for (rule, level), n in sorted(counts.items(), key=lambda kv: (kv[0][1] == "info", -kv[1])):
        split = "" if level == "info" else "   " + " / ".join(
            str(judged[(rule, v)]) for v in ("defect", "false-alarm", "unreviewed"))
        print(f"  {rule:36} {level:8} {n:6}  {n * per_10k:7.2f}{split}")
    stale = [k for k in verdicts if k[0] == name and k not in matched]
    if stale and not profile:
        print(f"  {len(stale)} verdicts in {VERDICTS.name} match no finding now: review them again")
    return false_alarms * per_10k


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="corpus name (default: bbc, wmt_news_en, aeb_clean)")
    parser.add_argument("--profile", help="one profile for every story (default: each publisher's own house style)")
    parser.add_argument("--show", help="print the hits of this rule id or category, or those with this verdict "
                        "(defect, false-alarm, unreviewed), to stderr as verdict-file rows")
    parser.add_argument("--limit", type=int, default=40, help="how many hits --show prints")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus_audit: {CORPUS} is absent; nothing to measure", file=sys.stderr)
        return 0
    verdicts = read_verdicts()
    rates = [audit(name, args.profile, args.show, args.limit, verdicts) for name in args.corpus or EDITED]
    return 0 if all(r <= TARGET for r in rates) else 1


if __name__ == "__main__":
    raise SystemExit(main())
