"""Stories out of an archive: folders of drafts, JSON Lines (.jsonl, .ndjson, gzip too), CSV and
Parquet, cut into partitions of a fixed number of stories.

A table's text column and its metadata columns (id, date, section, author, publisher) are named
by `Columns`. What cannot be read is reported (`Problem`: file and row) and passed over; the rest
goes on. Partitions are numbered per source in reading order, so the same sources cut the same
way every time: that is what lets a killed run skip the partitions it finished.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..source import SUFFIXES, InputError, iter_files, kind_for, read_source

ROLES = ("id", "date", "section", "author", "publisher")  # metadata a finding carries
DERIVED = ("month", "year", "source")  # groups made from the date and from the file read
GROUPS = ROLES[2:] + DERIVED + ("date",)
JSONL = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz")
TABLES = JSONL + (".csv", ".csv.gz", ".parquet", ".pq")
MAX_ROW_PROBLEMS = 20  # per file: past this, one line says how many more rows were passed over
GZIP_MAGIC = b"\x1f\x8b"
PARQUET_MAGIC = b"PAR1"


def words(text: str) -> int:
    """Whitespace-separated words: the count of benchmarks/speed.py and corpus_audit.py, so a rate
    per 10,000 words here is the same rate there."""
    return len(text.split())


@dataclass(frozen=True)
class Columns:
    """Which column of a table holds what; `named` are those the user set, which must exist."""

    text: str = "text"
    id: str = "id"
    date: str = "date"
    section: str = "section"
    author: str = "author"
    publisher: str = "publisher"
    named: frozenset = frozenset()

    def meta(self) -> dict[str, str]:
        return {role: getattr(self, role) for role in ROLES}


@dataclass
class Story:
    id: str
    text: str
    kind: str  # text | markdown | html
    meta: dict  # role -> str or None, plus "source"


@dataclass
class Partition:
    key: str  # "SSSS-PPPPPP": source number, partition number; sorts in reading order
    source: str
    stories: list[Story] = field(default_factory=list)
    size: int = 0  # bytes of the sources this partition stands for (progress and ETA)


@dataclass
class Problem:
    message: str  # "file:row N: ..." or "file: ..."


def month_of(date) -> str | None:
    """'2024-03' from '2024-03-07', '2024-03-07T10:00:00Z', a datetime or a date; None if none."""
    if date is None:
        return None
    match = re.match(r"\s*(\d{4})-(\d{1,2})", str(date))
    return f"{match.group(1)}-{int(match.group(2)):02d}" if match else None


def source_kind(path: str) -> str | None:
    lowered = path.lower()
    if os.path.isdir(path):
        return "folder"
    for kind, suffixes in (("jsonl", JSONL), ("csv", (".csv", ".csv.gz")), ("parquet", (".parquet", ".pq"))):
        if lowered.endswith(suffixes):
            return kind
    return "draft" if lowered.endswith(SUFFIXES) else None


def source_size(path: str) -> int:
    if os.path.isdir(path):
        return sum(os.path.getsize(p) for p in iter_files([path]) if os.path.isfile(p))
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def partitions(
    sources: list[str], columns: Columns, size: int, kind: str | None = None
) -> Iterator[Partition | Problem]:
    """Partitions of `size` stories from each source in turn, and the Problems met on the way."""
    for number, source in enumerate(sources):
        part = Partition(f"{number:04d}-{0:06d}", source)
        consumed = 0
        for item in stories(source, columns, kind):
            if isinstance(item, Problem):
                yield item
                continue
            story, position = item
            part.stories.append(story)
            if len(part.stories) >= size:
                part.size, consumed = position - consumed, position
                yield part
                part = Partition(f"{number:04d}-{int(part.key[5:]) + 1:06d}", source)
        part.size = max(0, source_size(source) - consumed)
        if part.stories:
            yield part


def stories(source: str, columns: Columns, kind: str | None = None) -> Iterator[tuple[Story, int] | Problem]:
    """(story, bytes of the source read so far) for each story of one source, or Problems."""
    what = source_kind(source)
    if not os.path.exists(source):
        yield Problem(f"{source}: no such file or folder")
        return
    if what is None:
        yield Problem(
            f"{source}: not a source newslint audit reads; give a folder of drafts or a "
            f"{', '.join(s for s in TABLES if not s.endswith('.gz'))} file (gzip too)"
        )
        return
    try:
        if what in ("folder", "draft"):
            yield from _drafts(source)
        elif what == "parquet":
            yield from _parquet(source, columns, kind)
        else:
            yield from _lines(source, what, columns, kind)
    except OSError as e:
        yield Problem(f"{source}: cannot read: {e.strerror or e}")


def _drafts(source: str):
    """A folder of drafts (each file one story, its id the path inside the folder), or one draft."""
    position = 0
    root = source if os.path.isdir(source) else os.path.dirname(source)
    for path in iter_files([source]):
        try:
            text = read_source(path)
        except InputError as e:
            yield Problem(str(e))
            continue
        position += os.path.getsize(path)
        doc_id = os.path.relpath(path, root).replace(os.sep, "/")
        yield Story(doc_id, text, kind_for(path), {"source": source}), position


def _opened(path: str):
    """(text stream, the raw file whose position tells how far reading got), checking that a
    .gz file is gzip: a file that is not what its suffix says gets one clear line."""
    raw = open(path, "rb")
    head = raw.read(2)
    raw.seek(0)
    if path.lower().endswith(".gz"):
        if head != GZIP_MAGIC:
            raw.close()
            raise InputError(f"{path}: not gzip, though its name ends in .gz")
        stream = gzip.GzipFile(fileobj=raw, mode="rb")
    else:
        if head == GZIP_MAGIC:
            raw.close()
            raise InputError(f"{path}: gzip data; name it {os.path.basename(path)}.gz")
        stream = raw
    return io.TextIOWrapper(stream, encoding="utf-8-sig", newline=""), raw


def _lines(source: str, what: str, columns: Columns, kind: str | None):
    try:
        text, raw = _opened(source)
    except InputError as e:
        yield Problem(str(e))
        return
    with raw, text:
        try:
            if what == "csv":
                yield from _csv(source, text, raw, columns, kind)
            else:
                yield from _jsonl(source, text, raw, columns, kind)
        except (UnicodeDecodeError, EOFError, gzip.BadGzipFile, csv.Error) as e:
            yield Problem(f"{source}: cannot be read past byte {raw.tell()}: {e}")


def _jsonl(source: str, text, raw, columns: Columns, kind: str | None):
    rows = _Rows(source, columns, kind or "text")
    for number, line in enumerate(text, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            if rows.read == 0 and rows.problems == 0:  # the first line: not JSON Lines at all
                yield Problem(f"{source}:{number}: not JSON Lines ({e.msg} at column {e.colno}); file passed over")
                return
            yield from rows.problem(number, f"not JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(record, dict):
            yield from rows.problem(number, f"a JSON {type(record).__name__}, not an object")
            continue
        if rows.read == 0 and rows.problems == 0 and (missing := columns.named - {"text"} - set(record)):
            yield Problem(
                f"{source}: no column {', '.join(sorted(missing))} in the first row "
                f"(it has: {', '.join(record)}); file passed over"
            )
            return
        yield from rows.row(number, record, raw.tell())
    yield from rows.finish()


def _csv(source: str, text, raw, columns: Columns, kind: str | None):
    csv.field_size_limit(1 << 30)  # a story is one field, and stories run long
    reader = csv.DictReader(text)
    header = reader.fieldnames or []
    missing = [c for c in _required(columns) if c not in header]
    if missing:
        yield Problem(
            f"{source}: no column {', '.join(missing)} (it has: {', '.join(header) or 'nothing'}); "
            f"name it with --column ROLE=NAME; file passed over"
        )
        return
    rows = _Rows(source, columns, kind or "text")
    for record in reader:
        yield from rows.row(reader.line_num, record, raw.tell())
    yield from rows.finish()


def _parquet(source: str, columns: Columns, kind: str | None):
    import pyarrow as pa
    import pyarrow.parquet as pq

    with open(source, "rb") as f:
        if f.read(4) != PARQUET_MAGIC:
            yield Problem(f"{source}: not a Parquet file, though its name says so")
            return
    try:
        table = pq.ParquetFile(source)
    except (pa.ArrowException, OSError) as e:
        yield Problem(f"{source}: not a readable Parquet file: {e}")
        return
    names = table.schema_arrow.names
    missing = [c for c in _required(columns) if c not in names]
    if missing:
        yield Problem(
            f"{source}: no column {', '.join(missing)} (it has: {', '.join(names)}); "
            f"name it with --column ROLE=NAME; file passed over"
        )
        return
    wanted = [c for c in dict.fromkeys([columns.text, *columns.meta().values()]) if c in names]
    rows = _Rows(source, columns, kind or "text")
    size, groups = os.path.getsize(source), max(1, table.num_row_groups)
    number = 0
    for group in range(table.num_row_groups):
        try:
            batch = table.read_row_group(group, columns=wanted).to_pylist()
        except (pa.ArrowException, OSError) as e:
            yield Problem(f"{source}: row group {group + 1} (from row {number + 1}) cannot be read: {e}; passed over")
            continue
        for record in batch:
            number += 1
            yield from rows.row(number, record, size * (group + 1) // groups)
    yield from rows.finish()


def _required(columns: Columns) -> list[str]:
    return [columns.text] + [getattr(columns, role) for role in ROLES if role in columns.named]


class _Rows:
    """Records to Stories for one table, with its row problems counted and capped."""

    def __init__(self, source: str, columns: Columns, kind: str):
        self.source, self.columns, self.kind = source, columns, kind
        self.read = self.problems = 0

    def row(self, number: int, record: dict, position: int):
        text = record.get(self.columns.text)
        if not isinstance(text, str) or not text.strip():
            what = (
                "no text"
                if text is None or text == "" or (isinstance(text, str) and not text.strip())
                else f"a {type(text).__name__}, not text,"
            )
            yield from self.problem(number, f"{what} in column {self.columns.text!r}")
            return
        self.read += 1
        meta = {"source": self.source}
        for role, name in self.columns.meta().items():
            value = record.get(name)
            meta[role] = None if value is None or value == "" else str(value)
        doc_id = meta.pop("id") or str(number)
        yield Story(doc_id, text, self.kind, meta), position

    def problem(self, number: int, message: str):
        self.problems += 1
        if self.problems <= MAX_ROW_PROBLEMS:
            yield Problem(f"{self.source}: row {number}: {message}; row passed over")

    def finish(self):
        if self.problems > MAX_ROW_PROBLEMS:
            yield Problem(f"{self.source}: {self.problems - MAX_ROW_PROBLEMS} more rows passed over")
