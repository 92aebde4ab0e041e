"""False alarms on real edited copy: findings per 10,000 words, per rule.

    python benchmarks/corpus_audit.py                 # the three edited corpora of issue 2
    python benchmarks/corpus_audit.py --profile ap    # every story in one house style
    python benchmarks/corpus_audit.py --show quotes.unopened --corpus bbc   # look at what fires

Reads ../shared/corpus/<name>.jsonl.gz (one {"id", "text"} per line), checks each story in its
publisher's house style and prints, for each corpus, the words checked, the warning and error
findings per 10,000 words (on edited copy each is a false alarm or a defect that got past the
desk: --show prints them to read) and each rule's count. The target is at most 5 warning and
error findings per 10,000 words; the exit status says whether every corpus meets it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speed import DEFAULT_CORPUS as CORPUS  # noqa: E402  (one reader, one word count)
from speed import read_corpus, words

from newslint.config import Config  # noqa: E402
from newslint.linter import Linter  # noqa: E402
from newslint.packs import PROFILES  # noqa: E402

EDITED = ("bbc", "wmt_news_en", "aeb_clean")
TARGET = 5.0
# Each story is checked in its own house style, as a desk there would check it: publishers in
# Britain and the Commonwealth (and English-language outlets that follow British style) write
# logical punctuation, "per cent" and "US"; the rest write AP style. The publisher comes from the
# story's id (wmt_news_en: "wmt16_dailymail.co.uk.117611") or from its address in
# <corpus>.urls.tsv (aeb_clean).
BRITISH = re.compile(r"""(?x)
    \.(?:uk|au|ie|in|ng|nz|za)\b
    | \b(?:bbc|(?:the)?guardian|telegraph|independent|dailymail|scotsman|stv|sky|thelocal|euronews
    | rt|sputniknews|aljazeera|albawaba|cityam|express|thesun|vg247|sciencealert
    | deccanherald|moneycontrol|indiapost|newsnation|linknaija|theparadigmng)\b""")


# Where a publisher's own stylebook departs from the profile's, the audit checks its stories with
# that house's settings, as its desk would configure newslint: what the house writes on purpose
# is not a slip. Evidence is in the corpora themselves (no story of theirs writes the other way).
# - The New York Times and the Los Angeles Times keep state abbreviations in body copy
#   ("Tampa, Fla.", "Blue Bell, Pa."), which AP dropped in 2014.
# - RT and Euronews write -ize throughout ("emphasized", "normalization"), with commas inside
#   quotation marks: Oxford/US spelling, not the -ise of the BBC and the Guardian.
# - The New York Times, The Wall Street Journal and The Christian Science Monitor give courtesy
#   titles and ranks on later references ("Mr. Trump", "General Austin"), which AP does not.
# - The Daily Mail sets quotations in single marks, where the other British houses use double.
# - The New York Times calls the group "the Islamic State" and "ISIS" in one story by its own
#   stylebook, where AP keeps to one name.
HOUSE_SETTINGS = (
    (re.compile(r"\b(?:nytimes|latimes)\b"), {"style.state-abbreviation": {"disable": True}}),
    (
        re.compile(r"\b(?:nytimes|wsj|csmonitor)\b"),
        {"titles.courtesy": {"disable": True}, "reference.title-repeated": {"disable": True}},
    ),
    (re.compile(r"\b(?:rt|euronews(?:-en)?)\b"), {"spelling.house-ize": {"prefer": "ize"}}),
    (re.compile(r"\bdailymail\b"), {"quotes.single-marks": {"house_double": False}}),
    (re.compile(r"\bnytimes\b"), {"naming.islamic-state": {"disable": True}}),
)


# The corpora are archives, not this week's drafts: a weekday beside a date with no year, in a
# story that names no year, cannot be checked against the calendar, nor "yesterday" in a story
# with no date of its own counted from today.
ARCHIVE = {
    rule: {"archive": True}
    for rule in ("dates.wrong-weekday", "dates.relative-weekday", "dates.relative-week", "dates.after-story-date")
}


def house_settings(publisher: str) -> dict[str, dict]:
    """The rule settings of the publisher's own stylebook, where it departs from its profile's."""
    settings: dict[str, dict] = dict(ARCHIVE)
    for pattern, rules in HOUSE_SETTINGS:
        if pattern.search(publisher):
            settings.update(rules)
    return settings


def publishers(name: str) -> dict[str, str]:
    """Story id -> the host name it was published at, where the corpus lists addresses."""
    urls = CORPUS / f"{name}.urls.tsv"
    if not urls.is_file():
        return {}
    rows = (line.split("\t") for line in urls.read_text(encoding="utf-8").splitlines()[1:])
    return {row[0].removesuffix(".txt"): row[1].split("/")[2] for row in rows if len(row) > 1 and "//" in row[1]}


def publisher_of(doc_id: str, hosts: dict[str, str]) -> str:
    return hosts.get(doc_id) or doc_id.split("_", 1)[-1].rsplit(".", 1)[0]


def house_style(name: str, doc_id: str, hosts: dict[str, str]) -> str:
    if name == "bbc":
        return "british"
    return "british" if BRITISH.search(publisher_of(doc_id, hosts)) else "ap"


def audit(name: str, profile: str | None, show: str | None, limit: int) -> float:
    """Print the corpus's figures; return its warning and error findings per 10,000 words."""
    linters: dict[tuple[str, str], Linter] = {}
    hosts = publishers(name)
    counts: Counter = Counter()
    styles: Counter = Counter()
    total = shown = 0
    for doc_id, text in read_corpus(CORPUS, name):
        total += words(text)
        style = profile or house_style(name, doc_id, hosts)
        styles[style] += 1
        settings = ARCHIVE if profile or name == "bbc" else house_settings(publisher_of(doc_id, hosts))
        key = (style, repr(sorted(settings.items())))
        if key not in linters:
            linters[key] = Linter(Config(profile=style, rule_settings=settings))
        for f in linters[key].lint_text(text, f"{name}/{doc_id}.txt").findings:
            counts[(f.rule, f.severity)] += 1
            if show and show in (f.rule, f.category) and shown < limit:
                shown += 1
                line = text.splitlines()[f.line - 1]
                lo = max(0, f.column - 80)
                print(
                    f"  {doc_id}:{f.line}:{f.column} {f.message}\n    ...{line[lo : f.column + 80]}...", file=sys.stderr
                )
    per_10k = 10_000 / max(total, 1)
    loud = sum(n for (_, level), n in counts.items() if level != "info")
    in_style = ", ".join(f"{n} stories --profile {p}" for p, n in sorted(styles.items()))
    print(
        f"\n{name} ({in_style}): {total:,} words\n"
        f"  {loud * per_10k:.2f} warning/error findings per 10,000 words ({loud}; target <= {TARGET})"
    )
    categories: Counter = Counter()
    for (rule, level), n in counts.items():
        categories[(rule.split(".", 1)[0], level != "info")] += n
    for category in sorted({c for c, _ in categories}):
        loud_c, all_c = categories[(category, True)], categories[(category, True)] + categories[(category, False)]
        print(
            f"  category {category:27} {loud_c * per_10k:6.2f} warning/error, {all_c * per_10k:6.2f} in all per 10k words"
        )
    for (rule, level), n in sorted(counts.items(), key=lambda kv: (kv[0][1] == "info", -kv[1])):
        print(f"  {rule:36} {level:8} {n:6}  {n * per_10k:6.2f} per 10k words")
    return loud * per_10k


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="corpus name (default: bbc, wmt_news_en, aeb_clean)")
    parser.add_argument(
        "--profile", choices=PROFILES, help="one profile for every story (default: each publisher's house style)"
    )
    parser.add_argument("--show", help="print the hits of this rule id or category (to stderr)")
    parser.add_argument("--limit", type=int, default=40, help="how many hits --show prints")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus_audit: {CORPUS} is absent; nothing to measure", file=sys.stderr)
        return 0
    rates = [audit(name, args.profile, args.show, args.limit) for name in args.corpus or EDITED]
    return 0 if all(r <= TARGET for r in rates) else 1


if __name__ == "__main__":
    raise SystemExit(main())
