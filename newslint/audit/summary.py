"""The reduce step: partitions' counts added up into rates per 10,000 words, written as
summary.csv and summary.json, and the comparison of two audits (`--compare OLD_DIR`).

Every row says what it counts (a rule, a category, a level, or all findings), in which group (the whole
archive, a --by group, a month), with the findings, the stories they were found in, and the
group's stories and words. Rows come out sorted, so any engine writes the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

from ..model import LEVELS

KINDS = ("all", "level", "category", "rule")
SAMPLES = 5  # sample findings per rule in the summary (the first in reading order)


class Summary:
    def __init__(self, groupings, rules: dict[str, list[str]]):
        self.groupings = [tuple(g) for g in groupings]
        self.rules = {rule: list(info) for rule, info in rules.items()}  # every rule of the run
        self.stories = self.words = 0
        self.totals: Counter = Counter()
        self.counts: Counter = Counter()
        self.samples: dict[str, list] = {}
        self.errors: list[str] = []

    def add(self, part) -> None:
        """One partition's counts; partitions must come in key order (samples keep the first)."""
        self.stories += part.stories
        self.words += part.words
        self.totals.update(part.totals)
        self.counts.update(part.counts)
        self.errors.extend(part.errors)
        for rule, info in part.rules.items():
            self.rules.setdefault(rule, list(info))
        for rule, found in part.samples.items():
            kept = self.samples.setdefault(rule, [])
            kept.extend(found[: SAMPLES - len(kept)])

    def rows(self) -> list[dict]:
        categories = sorted({c for c, _ in self.rules.values()})
        fired = {(kind, name) for (_, _, kind, name, _) in self.counts}
        out = []
        for grouping in self.groupings:
            values = sorted({v for (g, v, what) in self.totals if g == grouping and what == "words"})
            for value in values:
                stories = self.totals[(grouping, value, "stories")]
                n_words = self.totals[(grouping, value, "words")]
                names = (
                    [("all", "all")]
                    + [("level", level) for level in LEVELS[::-1]]
                    + [("category", c) for c in categories]
                    + [("rule", r) for r in sorted(self.rules)]
                )
                for kind, name in names:
                    if grouping and (kind, name) not in fired:
                        continue  # a rule silent everywhere shows once, in the whole archive's rows
                    findings = self.counts[(grouping, value, kind, name, "findings")]
                    out.append(
                        {
                            "grouping": ",".join(grouping) or "all",
                            "group": dict(zip(grouping, value)),
                            "kind": kind,
                            "name": name,
                            "severity": self.rules[name][1] if kind == "rule" else "",
                            "findings": findings,
                            "stories_with": self.counts[(grouping, value, kind, name, "stories")],
                            "stories": stories,
                            "words": n_words,
                            "per_10k_words": rate(findings, n_words),
                        }
                    )
        return out

    def to_json(self) -> dict:
        return {
            "stories": self.stories,
            "words": self.words,
            "findings": self.counts[((), (), "all", "all", "findings")],
            "errors": len(self.errors),
            "groupings": [list(g) for g in self.groupings],
            "rules": {r: {"category": c, "severity": s} for r, (c, s) in sorted(self.rules.items())},
            "rows": self.rows(),
            "samples": {r: self.samples[r] for r in sorted(self.samples)},
        }


def rate(findings: int, words: int) -> float:
    return round(findings * 10_000 / words, 3) if words else 0.0


def group_columns(groupings) -> list[str]:
    return list(dict.fromkeys(name for g in groupings for name in g))


def to_csv(summary: dict) -> str:
    columns = group_columns(summary["groupings"])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "grouping",
            *columns,
            "kind",
            "name",
            "severity",
            "findings",
            "stories_with",
            "stories",
            "words",
            "per_10k_words",
        ]
    )
    for row in summary["rows"]:
        writer.writerow(
            [
                row["grouping"],
                *(row["group"].get(c, "") for c in columns),
                row["kind"],
                row["name"],
                row["severity"],
                row["findings"],
                row["stories_with"],
                row["stories"],
                row["words"],
                f"{row['per_10k_words']:.3f}",
            ]
        )
    return out.getvalue()


def dumps(summary: dict) -> str:
    return json.dumps(summary, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def whole(summary: dict) -> dict[tuple[str, str], dict]:
    """The whole archive's rows, by (kind, name)."""
    return {(r["kind"], r["name"]): r for r in summary["rows"] if r["grouping"] == "all"}


def compare(old: dict, new: dict) -> list[dict]:
    """What changed between two audits, per rule, category and in all: rates before and after,
    largest change first. A rule only in one of them is new (or gone) there."""
    before, after = whole(old), whole(new)
    out = []
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        old_rate = a["per_10k_words"] if a else None
        new_rate = b["per_10k_words"] if b else None
        if a and b and a["findings"] == b["findings"] and a["words"] == b["words"]:
            continue
        out.append(
            {
                "kind": key[0],
                "name": key[1],
                "old_per_10k": old_rate,
                "new_per_10k": new_rate,
                "change": round((new_rate or 0) - (old_rate or 0), 3),
                "old_findings": a["findings"] if a else None,
                "new_findings": b["findings"] if b else None,
            }
        )
    out.sort(key=lambda r: (KINDS.index(r["kind"]), -abs(r["change"]), r["name"]))
    return out


def compare_text(changes: list[dict], old: dict, new: dict) -> str:
    lines = [
        f"compared with {old['stories']:,} stories, {old['words']:,} words before; "
        f"{new['stories']:,} stories, {new['words']:,} words now (findings per 10,000 words)"
    ]
    if not changes:
        lines.append("no rate changed")
    for r in changes:
        was = "-" if r["old_per_10k"] is None else f"{r['old_per_10k']:.3f}"
        now = "-" if r["new_per_10k"] is None else f"{r['new_per_10k']:.3f}"
        note = " (new)" if r["old_per_10k"] is None else " (gone)" if r["new_per_10k"] is None else ""
        lines.append(f"  {r['kind']:8} {r['name']:40} {was:>9} -> {now:>9}  {r['change']:+.3f}{note}")
    return "\n".join(lines) + "\n"
