"""Recall and precision: what newslint catches of what a copy editor marked.

    python benchmarks/recall.py tests/blind/set1            # annotated drafts: recall, precision
    python benchmarks/recall.py tests/blind/set1 --show     # ... and every miss and false alarm
    python benchmarks/recall.py tests/blind/set1 --grammar  # count the grammar category too
    python benchmarks/recall.py --furniture                 # scraped page furniture, per extractor

Annotated drafts: each draft `NN-slug.txt|.md|.html` has an answer key `NN-slug.yaml`:

    profile: ap                      # or british: the house style the draft is checked in
    expected:                        # empty for a clean draft
      - category: quotes             # the category a copy editor would file it under
        line: 'He said "we will.'    # the exact text of the line the defect is on
        what: unclosed quotation     # for the reader of the misses
        also: ["we will"]            # substrings of other lines a finding may fairly land on

How a finding is scored. A finding MATCHES an expected defect when (1) one of the source lines it
covers (line to end_line) is the expected line, or holds one of the `also` substrings, and (2)
its newslint category is compatible with the expected category (COMPATIBLE below: a stray space
beside a quotation mark is filed under punctuation by one editor and quotes by another; a
stylebook point may be a style, dates or headline rule). Line text is compared with markup
removed and white space collapsed; an expected line also matches a source line that contains
it, since HTML and Markdown lines carry markup around the text.
- Recall: expected defects matched by at least one finding at warning or error (and, on a
  second row, at any level, info included) / all expected defects.
- Precision: findings at warning or error that match an expected defect / all findings at
  warning or error (a second row counts info findings too). A finding that lands on an expected
  defect of another category is a false alarm.
- `style` defects are stylebook points other branches are adding rules for: recall is printed
  with and without them. `grammar` needs LanguageTool: it is left out of both figures (defects
  and findings) unless --grammar.

Furniture (--furniture): every page of ../shared/corpus/aeb_scraped (three extractors' output
of one page) is paired with the clean article text of the same page in aeb_clean. A scraped
line is COPY when it is a line of the clean text (each clean line may be matched as many times
as it occurs there: a headline printed three times is once copy and twice furniture) or, with
four words or more, is found within the clean text (extractors cut paragraphs differently); every
other non-blank line is FURNITURE. A line is FLAGGED when a boilerplate or headline finding
covers it. Recall = flagged furniture lines / furniture lines; precision = flagged furniture
lines / flagged lines, per extractor.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speed import DEFAULT_CORPUS as CORPUS  # noqa: E402
from speed import read_corpus

from newslint.config import Config  # noqa: E402
from newslint.linter import Linter  # noqa: E402

SUFFIXES = (".txt", ".md", ".html")
# Expected category -> the newslint categories whose findings count for it.
COMPATIBLE = {
    "headline": {"headline", "boilerplate", "repetition"},
    "boilerplate": {"boilerplate", "headline", "repetition"},
    "dates": {"dates", "style"},
    "punctuation": {"punctuation", "quotes"},
    "quotes": {"quotes", "punctuation"},
    "naming": {"naming", "reference"},
    "reference": {"reference", "naming", "titles"},  # a courtesy title on a later reference
    "attribution": {"attribution"},
    "repetition": {"repetition", "headline"},
    "style": {
        "style",
        "numbers",
        "titles",
        "words",
        "dates",
        "headline",
        "punctuation",
        "spelling",
        "usage",
        "reference",
    },
    "grammar": {"grammar"},
}
LOUD = ("warning", "error")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def normal(line: str) -> str:
    """A line's text for comparison: markup out, entities decoded, white space collapsed."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", line))).strip()


@dataclass
class Expected:
    draft: str
    category: str
    line: str
    what: str
    lines: set[int] = field(default_factory=set)  # 1-based source lines a finding may land on
    found_by: list = field(default_factory=list)  # matching findings (any level)


def _lines_of(source_lines: list[str], text: str, exact_first: bool) -> set[int]:
    want = normal(text)
    if not want:
        return set()
    norm = [normal(line) for line in source_lines]
    exact = {i + 1 for i, n in enumerate(norm) if n == want}
    if exact and exact_first:
        return exact
    return exact | {i + 1 for i, n in enumerate(norm) if want in n or want in source_lines[i]}


def load_draft(path: Path) -> tuple[str, str, list[Expected]]:
    key = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8")) or {}
    source = path.read_text(encoding="utf-8")
    source_lines = source.splitlines()
    expected = []
    for item in key.get("expected") or []:
        e = Expected(
            path.name, str(item.get("category", "")).strip(), str(item.get("line", "")), str(item.get("what", ""))
        )
        e.lines = _lines_of(source_lines, e.line, exact_first=True)
        for also in item.get("also") or []:
            e.lines |= _lines_of(source_lines, str(also), exact_first=False)
        if not e.lines:
            print(f"recall: {path.name}: expected line not in the draft: {e.line[:80]!r}", file=sys.stderr)
        expected.append(e)
    return key.get("profile", "ap"), source, expected


def drafts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.with_suffix(".yaml").is_file())


def score(folders: list[Path], *, grammar: bool, show: bool) -> None:
    linters: dict[str, Linter] = {}
    expected: list[Expected] = []
    findings = []  # (finding, draft name, matched expected defects)
    for folder in folders:
        for path in drafts(folder):
            profile, source, keys = load_draft(path)
            linter = linters.get(profile) or linters.setdefault(
                profile, Linter(Config(profile=profile, grammar=grammar))
            )
            expected.extend(keys)
            for f in linter.lint_text(source, str(path)).findings:
                if f.category == "grammar" and not grammar:
                    continue
                covered = set(range(f.line, f.end_line + 1))
                hits = [e for e in keys if e.lines & covered and f.category in COMPATIBLE.get(e.category, ())]
                for e in hits:
                    e.found_by.append(f)
                findings.append((f, path.name, hits))
    counted = [e for e in expected if grammar or e.category != "grammar"]
    print(
        f"{len(set(e.draft for e in expected) | set(n for _, n, _ in findings))} drafts with findings or defects, "
        f"{len(counted)} expected defects{'' if grammar else ' (grammar left out: --grammar)'}"
    )

    def recall(items, levels):
        caught = sum(any(f.severity in levels for f in e.found_by) for e in items)
        return caught, len(items)

    def precision(levels):
        pool = [(f, hits) for f, _, hits in findings if f.severity in levels]
        return sum(bool(hits) for _, hits in pool), len(pool)

    def ratio(pair):
        n, d = pair
        return f"{n / d:.2f} ({n}/{d})" if d else "- (0/0)"

    all_levels = LOUD + ("info",)
    no_style = [e for e in counted if e.category != "style"]
    print(
        f"\nrecall, warning+error:         {ratio(recall(counted, LOUD))}   without style: {ratio(recall(no_style, LOUD))}"
    )
    print(
        f"recall, info included:         {ratio(recall(counted, all_levels))}   without style: {ratio(recall(no_style, all_levels))}"
    )
    print(f"precision, warning+error:      {ratio(precision(LOUD))}")
    print(f"precision, info included:      {ratio(precision(all_levels))}")
    by_cat = defaultdict(list)
    for e in counted:
        by_cat[e.category].append(e)
    fp_by_cat: Counter = Counter()
    tp_by_cat: Counter = Counter()
    for f, _, hits in findings:
        if f.severity in LOUD:
            (tp_by_cat if hits else fp_by_cat)[f.category] += 1
    print(f"\n{'category':13} {'recall w+e':>14} {'recall +info':>14}   {'newslint category':17} {'precision w+e':>14}")
    cats = sorted(set(by_cat) | set(fp_by_cat) | set(tp_by_cat))
    for cat in cats:
        left = (
            f"{ratio(recall(by_cat[cat], LOUD)):>14} {ratio(recall(by_cat[cat], all_levels)):>14}"
            if cat in by_cat
            else f"{'':>14} {'':>14}"
        )
        right = ratio((tp_by_cat[cat], tp_by_cat[cat] + fp_by_cat[cat])) if tp_by_cat[cat] + fp_by_cat[cat] else ""
        print(f"{cat:13} {left}   {cat:17} {right:>14}")
    if not show:
        return
    print("\nMISSES (no finding at warning or error):")
    for e in counted:
        if not any(f.severity in LOUD for f in e.found_by):
            info = " [info finding only]" if e.found_by else ""
            print(f"  {e.draft} [{e.category}] {e.what}{info}\n      {e.line[:160]}")
    print("\nFALSE ALARMS (warning or error, on no expected defect of a compatible category):")
    for f, name, hits in findings:
        if f.severity in LOUD and not hits:
            print(f"  {name}:{f.line}:{f.column} {f.rule} {f.message[:150]}")
    print("\nFALSE ALARMS at info:")
    for f, name, hits in findings:
        if f.severity not in LOUD and not hits:
            print(f"  {name}:{f.line}:{f.column} {f.rule} {f.message[:150]}")


# -- furniture -----------------------------------------------------------------------------------

_WORDS = re.compile(r"\w+")


def furniture_lines(scraped: str, clean: str) -> list[bool | None]:
    """For each scraped line: True furniture, False copy, None blank."""
    clean_lines = [normal(line) for line in clean.splitlines() if line.strip()]
    left = Counter(clean_lines)
    whole = " " + " ".join(clean_lines) + " "
    marks = []
    for line in scraped.splitlines():
        n = normal(line)
        if not n:
            marks.append(None)
        elif left[n] > 0:
            left[n] -= 1
            marks.append(False)
        else:
            marks.append(not (len(_WORDS.findall(n)) >= 4 and n in whole))
    return marks


def furniture(categories: tuple[str, ...], show: str | None, limit: int) -> None:
    if not CORPUS.is_dir():
        print(f"recall: {CORPUS} is absent; nothing to measure", file=sys.stderr)
        return
    clean = dict(read_corpus(CORPUS, "aeb_clean"))
    linter = Linter(Config(profile="ap"))
    table: dict[str, Counter] = defaultdict(Counter)
    shown = 0
    for doc_id, text in read_corpus(CORPUS, "aeb_scraped"):
        page, tool = doc_id.split(".", 1)
        if page not in clean:
            continue
        marks = furniture_lines(text, clean[page])
        flagged = set()
        for f in linter.lint_text(text, f"{doc_id}.txt").findings:
            if f.category in categories:
                flagged.update(range(f.line, f.end_line + 1))
        lines = text.splitlines()
        for number, mark in enumerate(marks, 1):
            if mark is None:
                continue
            hit = number in flagged
            table[tool][("furniture" if mark else "copy", hit)] += 1
            if show and tool == show and hit != mark and shown < limit:
                shown += 1
                print(
                    f"  {'MISSED' if mark else 'FALSE '} {doc_id}:{number}: {lines[number - 1][:120]}", file=sys.stderr
                )
    print(f"furniture lines flagged by {'/'.join(categories)} findings, aeb_scraped against aeb_clean")
    print(f"{'extractor':12} {'furniture':>9} {'copy':>7} {'recall':>16} {'precision':>16}")
    for tool, c in sorted(table.items()):
        tp, fn = c[("furniture", True)], c[("furniture", False)]
        fp = c[("copy", True)]
        r = f"{tp / (tp + fn):.3f} ({tp})" if tp + fn else "-"
        p = f"{tp / (tp + fp):.3f} ({tp + fp})" if tp + fp else "- (0)"
        print(f"{tool:12} {tp + fn:9} {c[('copy', True)] + c[('copy', False)]:7} {r:>16} {p:>16}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of annotated drafts")
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--grammar", action="store_true", help="run the grammar pack and count its category")
    parser.add_argument("--furniture", action="store_true", help="measure page furniture on aeb_scraped")
    parser.add_argument(
        "--furniture-categories",
        default="boilerplate,headline",
        help="categories whose findings flag a line (default: boilerplate,headline)",
    )
    parser.add_argument("--show-furniture", metavar="EXTRACTOR", help="print misses and false alarms for one extractor")
    parser.add_argument("--limit", type=int, default=60)
    args = parser.parse_args()
    if not args.folders and not args.furniture:
        parser.error("name a folder of annotated drafts, or --furniture")
    for folder in args.folders:
        if not folder.is_dir():
            parser.error(f"{folder}: not a folder")
    if args.folders:
        score(args.folders, grammar=args.grammar, show=args.show)
    if args.furniture:
        furniture(tuple(args.furniture_categories.split(",")), args.show_furniture, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
