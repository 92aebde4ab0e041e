"""The output folder: partitions written as they finish, so a killed run loses nothing.

DIR/parts/KEY.parquet holds a partition's findings and DIR/parts/KEY.json its counts; each is
written to a temporary name and renamed, the JSON last, so a partition whose JSON is there is
whole (`kill -9` at any moment leaves at worst a stray temporary file). DIR/parts/manifest.json
records what the run reads and with which rules; a run started again with the same settings
skips the partitions that are there, and one with other settings is refused rather than mixed.
When every partition is in, they are merged, in key order, into DIR/findings.parquet (streamed:
memory stays flat) and the parts are removed.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from .work import FINDING_COLUMNS, STORY_COLUMNS, PartResult

PARTS = "parts"
MANIFEST = "manifest.json"


class RunMismatch(Exception):
    """DIR holds partitions of a run with other settings."""


def schema():
    import pyarrow as pa

    fields = [(name, pa.string()) for name in STORY_COLUMNS]
    fields += [
        ("rule", pa.string()),
        ("category", pa.string()),
        ("severity", pa.string()),
        ("message", pa.string()),
        ("line", pa.int32()),
        ("column", pa.int32()),
        ("end_line", pa.int32()),
        ("end_column", pa.int32()),
        ("found", pa.string()),
        ("fix", pa.string()),
        ("fix_safe", pa.bool_()),
    ]
    assert [f[0] for f in fields] == list(STORY_COLUMNS + FINDING_COLUMNS)
    return pa.schema(fields)


def write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class Store:
    def __init__(self, out: str | os.PathLike):
        self.out = Path(out)
        self.parts = self.out / PARTS

    def open(self, manifest: dict) -> set[str]:
        """Start or resume a run: the keys of the partitions already finished."""
        self.parts.mkdir(parents=True, exist_ok=True)
        path = self.parts / MANIFEST
        if path.exists():
            old = json.loads(path.read_text(encoding="utf-8"))
            if old != manifest:
                changed = ", ".join(k for k in manifest if old.get(k) != manifest[k]) or "version"
                raise RunMismatch(
                    f"{self.out} holds an unfinished audit with other settings ({changed}); "
                    f"give another --out, or remove {self.parts}"
                )
        else:
            write_atomic(path, json.dumps(manifest, indent=1, sort_keys=True).encode())
        return {p.stem for p in self.parts.glob("*.json") if p.name != MANIFEST}

    def write(self, result: PartResult) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pydict(result.rows, schema=schema())
        tmp = self.parts / f"{result.key}.parquet.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, self.parts / f"{result.key}.parquet")
        write_atomic(self.parts / f"{result.key}.json", json.dumps(counts_to_json(result)).encode())

    def results(self):
        """The finished partitions' counts, in key order (no findings rows: those stay on disk)."""
        for path in sorted(self.parts.glob("*.json")):
            if path.name != MANIFEST:
                yield counts_from_json(json.loads(path.read_text(encoding="utf-8")))

    def merge_findings(self) -> int:
        """Every partition's findings into DIR/findings.parquet, in key order; the row count."""
        import pyarrow.parquet as pq

        rows = 0
        tmp = self.out / "findings.parquet.tmp"
        with pq.ParquetWriter(tmp, schema()) as writer:
            for path in sorted(self.parts.glob("*.parquet")):
                table = pq.read_table(path, schema=schema())
                rows += table.num_rows
                if table.num_rows:
                    writer.write_table(table, row_group_size=100_000)
        os.replace(tmp, self.out / "findings.parquet")
        return rows

    def finish(self) -> None:
        shutil.rmtree(self.parts)


def counts_to_json(r: PartResult) -> dict:
    return {
        "key": r.key,
        "stories": r.stories,
        "words": r.words,
        "rules": r.rules,
        "samples": r.samples,
        "errors": r.errors,
        "totals": [[list(g), list(v), what, n] for (g, v, what), n in r.totals.items()],
        "counts": [[list(g), list(v), kind, name, what, n] for (g, v, kind, name, what), n in r.counts.items()],
    }


def counts_from_json(d: dict) -> PartResult:
    r = PartResult(d["key"], d["stories"], d["words"], rules=d["rules"], samples=d["samples"], errors=d["errors"])
    for g, v, what, n in d["totals"]:
        r.totals[(tuple(g), tuple(v), what)] += n
    for g, v, kind, name, what, n in d["counts"]:
        r.counts[(tuple(g), tuple(v), kind, name, what)] += n
    return r
