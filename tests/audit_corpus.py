"""A small archive the audit tests write themselves: stories with known slips and metadata, in
every format `newslint audit` reads. No corpus text is copied: these sentences are made here."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

SECTIONS = ("Politics", "Sport", "Business")
BODY = (
    "The council met on Tuesday to debate the plan for the harbour and the new bridge.",
    "Members of the public filled the gallery to hear the arguments for and against it.",
    "A decision is expected next month after a survey of the seabed near the old pier.",
    "Shopkeepers on the quay want the work done before the summer crowds arrive.",
)
SLIPS = (
    "The vote was close , members said.",  # punctuation.space-before
    "Officials said ISIS and Daesh were not involved.",  # naming: one group, two names
    "The plan costs $3 million over five years.",  # attribution.unsourced-figure
)


def stories(n: int = 240, paragraphs: int = 3) -> list[dict]:
    """`n` stories over twelve months and three sections; slips at rates that differ by section."""
    out = []
    for i in range(n):
        section = SECTIONS[i % 3]
        month = 1 + (i // 3) % 12
        lines = [f"Council debates harbour plan {i}", ""]
        for p in range(paragraphs):
            lines.append(BODY[p % len(BODY)])
        for k, slip in enumerate(SLIPS):
            if (i + k) % (k + 2 + SECTIONS.index(section)) == 0:
                lines.append(slip)
        out.append(
            {
                "id": f"story-{i:04d}",
                "text": "\n".join(lines),
                "date": f"2023-{month:02d}-{1 + i % 28:02d}",
                "section": section,
                "author": f"Reporter {i % 5}",
                "publisher": "The Test Gazette",
            }
        )
    return out


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return path


def write_csv(path: Path, rows: list[dict], rename: dict | None = None) -> Path:
    rename = rename or {}
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=[rename.get(k, k) for k in rows[0]])
        writer.writeheader()
        for row in rows:
            writer.writerow({rename.get(k, k): v for k, v in row.items()})
    return path


def write_parquet(path: Path, rows: list[dict]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=50)
    return path
