"""`newslint audit SOURCE... --out DIR`: the command line of the archive audit.

Sources are read here, in this process; partitions go to the engine; each finished partition is
written at once; at the end the counts are reduced to the summary, the findings merged and the
report drawn. Exit 0 when every story was read and checked, 2 when something could not be (each
named on stderr as it is met; the rest of the archive is still audited).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..config.flags import config_with_flags as config_from_flags  # the flags work as in `check`
from .sources import GROUPS, ROLES, Columns, Problem, partitions, source_size

EXIT_OK, EXIT_ERROR = 0, 2
PARTITION = 500  # stories per partition: a second or two of work, small enough to lose little
NEEDS = "pyarrow and matplotlib: pip install 'newslint[audit]'"


def add_parser(sub, rule_options, selection_options, list_type) -> None:
    p = sub.add_parser(
        "audit",
        help="audit an archive: rates per rule, group and month, and a report",
        description="Lint a whole archive (folders of drafts, JSON Lines, CSV, Parquet) and write "
        "findings.parquet, summary.csv, summary.json and report.html to --out.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (a killed run resumes there)")
    p.add_argument(
        "--engine",
        default="local",
        choices=("local", "dask"),
        help="local: processes on this machine (default); dask: a dask.distributed cluster",
    )
    p.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler (default: a LocalCluster here)")
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes for local and for a LocalCluster (default: one per core)",
    )
    p.add_argument(
        "--by",
        type=list_type,
        default=None,
        metavar="GROUPS",
        help=f"rates per group, comma-separated: {', '.join(GROUPS)}",
    )
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="ROLE=NAME",
        help=f"the column that holds a role (text, {', '.join(ROLES)}); repeatable",
    )
    p.add_argument(
        "--kind", choices=("text", "markdown", "html"), default=None, help="what the text column holds (default: text)"
    )
    p.add_argument(
        "--partition-size",
        type=int,
        default=None,
        metavar="STORIES",
        help=f"stories per partition (default: {PARTITION})",
    )
    p.add_argument("--compare", metavar="OLD_DIR", help="an earlier audit: print how each rate changed")
    rule_options(p)
    selection_options(p, verb="count")


def run(args) -> int:
    try:
        import matplotlib  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        print(f"newslint: audit needs {NEEDS}", file=sys.stderr)
        return EXIT_ERROR
    from .engines import EngineError
    from .store import RunMismatch

    try:
        return _run(args)
    except (EngineError, RunMismatch, UsageError) as e:
        print(f"newslint: {e}", file=sys.stderr)
        return EXIT_ERROR


class UsageError(Exception):
    pass


def settings(args, config) -> tuple[Columns, tuple[str, ...], int]:
    """Columns, groups and partition size: the flags, else the configuration's `audit:` table."""
    table = config.audit
    names = {"text": "text", **{role: role for role in ROLES}}
    named = set()
    columns = table.get("columns") or {}
    if not isinstance(columns, dict):
        raise UsageError(f"{config.source}: audit: columns: must be a mapping of role to column name")
    for item in [f"{k}={v}" for k, v in columns.items()] + list(args.column):
        role, _, name = item.partition("=")
        if role not in names or not name:
            raise UsageError(f"--column {item}: give ROLE=NAME with a role of text, {', '.join(ROLES)}")
        names[role] = name
        named.add(role)
    by = args.by if args.by is not None else table.get("by") or ()
    by = tuple(v.strip() for v in by.split(",")) if isinstance(by, str) else tuple(str(v) for v in by)
    unknown = [g for g in by if g not in GROUPS]
    if unknown:
        raise UsageError(f"--by {','.join(unknown)}: not a group; groups: {', '.join(GROUPS)}")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler is for --engine dask")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("-j must be at least 1")
    size = args.partition_size or int(table.get("partition_size") or PARTITION)
    if size < 1:
        raise UsageError("--partition-size must be at least 1")
    return Columns(**names, named=frozenset(named)), by, size


def _run(args) -> int:
    from . import engines
    from .progress import Progress
    from .report import write_report
    from .store import Store
    from .summary import Summary, compare, compare_text, dumps, to_csv
    from .work import Job

    config = config_from_flags(args, args.sources[0])
    columns, by, size = settings(args, config)
    job = Job(config, by)
    rules = {r.id: [r.category, r.level] for r in config.rules()}
    old = None
    if args.compare:
        old_path = Path(args.compare) / "summary.json"
        if not old_path.is_file():
            raise UsageError(f"--compare {args.compare}: no summary.json there (not a finished audit)")
        old = json.loads(old_path.read_text(encoding="utf-8"))
    manifest = {
        "version": 1,
        "sources": [[os.path.abspath(s), source_size(s), _mtime(s)] for s in args.sources],
        "columns": {k: v for k, v in vars(columns).items() if k != "named"},
        "by": list(by),
        "partition_size": size,
        "kind": args.kind,
        "config": config.to_dict(),
        "rules": rules,
    }
    store = Store(args.out)
    done = store.open(json.loads(json.dumps(manifest)))  # as it reads back from the file
    progress = Progress(sum(s for _, s, _ in manifest["sources"]))
    failed = False
    sizes: dict[str, int] = {}

    def todo():
        nonlocal failed
        for item in partitions(args.sources, columns, size, args.kind):
            if isinstance(item, Problem):
                print(f"newslint: {item.message}", file=sys.stderr)
                failed = True
            elif item.key in done:
                progress.resumed(item.size)
            else:
                sizes[item.key] = item.size
                yield item

    jobs = args.jobs or os.cpu_count() or 1
    if args.engine == "dask":
        results = engines.dask(job, todo(), jobs, args.scheduler)
    else:
        results = engines.local(job, todo(), jobs)
    for result in results:
        store.write(result)
        progress.finished(result.stories, sizes.pop(result.key, 0))
    progress.close()
    if progress.skipped:
        print(f"newslint audit: {progress.skipped} partitions were done by an earlier run", file=sys.stderr)

    summary = Summary(job.groupings(), rules)
    for part in store.results():
        summary.add(part)
    for error in summary.errors:
        print(f"newslint: {error}", file=sys.stderr)
        failed = True
    data = summary.to_json()
    out = Path(args.out)
    rows = store.merge_findings()
    (out / "summary.json").write_text(dumps(data), encoding="utf-8")
    (out / "summary.csv").write_text(to_csv(data), encoding="utf-8")
    changes = None
    if old is not None:
        changes = compare(old, data)
        sys.stdout.write(compare_text(changes, old, data))
    write_report(data, out / "report.html", changes)
    store.finish()
    print(
        f"newslint audit: {data['stories']:,} stories, {data['words']:,} words, {rows:,} findings; "
        f"wrote findings.parquet, summary.csv, summary.json and report.html to {out}",
        file=sys.stderr,
    )
    return EXIT_ERROR if failed else EXIT_OK


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns if not os.path.isdir(path) else 0
    except OSError:
        return 0
