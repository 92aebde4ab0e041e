"""The map step: one partition of stories in, its findings and counts out.

`lint_partition` is pure and picklable: it reads no file and writes none, and the same partition
gives the same result in any process on any machine. Each process keeps one Linter per Job (the
rules load once, not once per partition). Results are plain Python, so a worker needs newslint
and nothing else (no pyarrow).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from ..config import Config
from ..linter import Linter, LinterCache
from .sources import Partition, month_of, words

SAMPLES = 3  # findings in context kept per rule and partition (the report shows the first few)
CONTEXT = 70  # characters of copy either side of a sample finding
# Columns of findings.parquet, in order: the story, then the finding (Finding.to_dict()).
STORY_COLUMNS = ("story_id", "source", "date", "section", "author", "publisher")
FINDING_COLUMNS = (
    "rule",
    "category",
    "severity",
    "message",
    "line",
    "column",
    "end_line",
    "end_column",
    "found",
    "fix",
    "fix_safe",
)


@dataclass(frozen=True)
class Job:
    """What every partition of one audit is linted with and counted by."""

    config: Config
    by: tuple[str, ...] = ()  # the groups of --by, e.g. ("section", "month")

    def groupings(self) -> tuple[tuple[str, ...], ...]:
        """Whole archive, the --by groups, and month (for rates over time)."""
        return tuple(dict.fromkeys(((), self.by, ("month",))))  # no --by: () twice, kept once


@dataclass
class PartResult:
    key: str
    stories: int = 0
    words: int = 0
    rows: dict = field(default_factory=dict)  # column -> values (findings.parquet)
    totals: Counter = field(default_factory=Counter)  # (grouping, values, "stories"|"words") -> n
    # (grouping, values, "rule"|"category"|"level"|"all", name, "findings"|"stories") -> n
    counts: Counter = field(default_factory=Counter)
    rules: dict = field(default_factory=dict)  # rule -> [category, severity]
    samples: dict = field(default_factory=dict)  # rule -> [{story_id, line, column, before, found, after, message}]
    errors: list = field(default_factory=list)


_linters = LinterCache()  # in each worker process: one Linter per configuration


def linter_for(job: Job) -> Linter:
    return _linters.for_config(job.config)


def group_values(meta: dict, grouping: tuple[str, ...]) -> tuple:
    values = []
    for name in grouping:
        if name == "month":
            value = month_of(meta.get("date"))
        elif name == "year":
            value = (month_of(meta.get("date")) or "")[:4] or None
        else:
            value = meta.get(name)
        values.append(value if value is not None else "(none)")
    return tuple(values)


def lint_partition(job: Job, part: Partition) -> PartResult:
    linter = linter_for(job)
    result = PartResult(part.key)
    rows = result.rows = {name: [] for name in STORY_COLUMNS + FINDING_COLUMNS}
    groupings = job.groupings()
    for story in part.stories:
        n_words = words(story.text)
        result.stories += 1
        result.words += n_words
        keys = [(g, group_values(story.meta, g)) for g in groupings]
        for g, values in keys:
            result.totals[(g, values, "stories")] += 1
            result.totals[(g, values, "words")] += n_words
        checked = linter.lint_text(story.text, f"{story.meta.get('source')}/{story.id}", story.kind)
        result.errors.extend(f"{story.meta.get('source')}: story {story.id}: {e}" for e in checked.errors)
        fired = set()  # (kind, name) that fired in this story: for the count of stories hit
        for finding in checked.findings:
            d = finding.to_dict()
            rule = d["rule"]
            result.rules.setdefault(rule, [d["category"], d["severity"]])
            for name in (("rule", rule), ("category", d["category"]), ("level", d["severity"]), ("all", "all")):
                fired.add(name)
                for g, values in keys:
                    result.counts[(g, values, *name, "findings")] += 1
            rows["story_id"].append(story.id)
            for column in STORY_COLUMNS[1:]:
                rows[column].append(story.meta.get(column))
            for column in FINDING_COLUMNS[:8]:
                rows[column].append(d[column])
            rows["found"].append(story.text[finding.start : finding.end])
            rows["fix"].append(None if d["fix"] is None else json.dumps(d["fix"], ensure_ascii=False))
            rows["fix_safe"].append(d["fix_safe"])
            kept = result.samples.setdefault(rule, [])
            if len(kept) < SAMPLES:
                kept.append(_sample(story, finding, d["message"]))
        for name in fired:
            for g, values in keys:
                result.counts[(g, values, *name, "stories")] += 1
    return result


def _sample(story, finding, message: str) -> dict:
    text = story.text
    before = text[max(0, finding.start - CONTEXT) : finding.start]
    after = text[finding.end : finding.end + CONTEXT]
    return {
        "story_id": story.id,
        "source": story.meta.get("source"),
        "line": finding.line,
        "column": finding.column,
        "message": message,
        "found": text[finding.start : finding.end],
        "before": before.replace("\n", " "),
        "after": after.replace("\n", " "),
    }
