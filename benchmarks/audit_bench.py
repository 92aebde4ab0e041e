"""How fast `newslint audit` is, against `newslint check -j 2` on the same stories, and what a run
over 100 million stories would need.

    python benchmarks/audit_bench.py                # all of ../shared/corpus (about 4.2 M words)
    python benchmarks/audit_bench.py --corpus DIR   # another folder of <name>.jsonl.gz
    python benchmarks/audit_bench.py --json out.json

Measures, each as a command line in its own process (wall time, peak resident memory of it and
its workers, and how many cores other programs kept busy meanwhile, with benchmarks/speed.py's
own tools):

- `newslint check --format json -j 2` over every story written as a .txt file: the reference;
- `newslint audit --engine local -j 2` over the corpus's .jsonl.gz files (target: at least 85%
  of the reference's words per second);
- `newslint audit --engine dask -j 2`, a LocalCluster of two worker processes started by the
  command (target: at least 70%);
- `newslint audit --engine local` over a quarter of the stories: peak memory stays flat in the
  number of stories;

and prints, from the measured rates, the workers, hours and output size of 100 million stories.
No corpus text is written into the repository (temporary folders only).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from speed import DEFAULT_CORPUS, load_average, newslint_command, run_measured, wait_for_quiet, words  # noqa: E402

TARGETS = {"local": 0.85, "dask": 0.70}
JOBS = 2
STORIES_100M = 100_000_000
NEWS_STORY_WORDS = 600  # a typical agency or newspaper story; the corpus's mean is printed beside it


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    sources = sorted(args.corpus.glob("*.jsonl.gz"))
    if not sources:
        print(f"audit_bench: no .jsonl.gz in {args.corpus}; nothing to measure", file=sys.stderr)
        return 0
    print(f"load average before: {load_average()}")
    with tempfile.TemporaryDirectory(prefix="audit-bench-") as tmp:
        work = Path(tmp)
        stories, total_words = write_drafts(sources, work / "drafts")
        quarter = write_quarter(sources, work / "quarter.jsonl.gz", stories // 4)
        figures = {"stories": stories, "words": total_words, "jobs": JOBS}
        cmd = newslint_command()
        figures["check"] = measure(
            [*cmd, "check", "--format", "json", "-j", str(JOBS), str(work / "drafts")], total_words, work / "check.json"
        )
        for engine in ("local", "dask"):
            out = work / f"audit-{engine}"
            figures[engine] = measure(
                [*cmd, "audit", *map(str, sources), "--out", str(out), "--engine", engine, "-j", str(JOBS)], total_words
            )
            figures[engine]["output_bytes"] = sum(p.stat().st_size for p in out.iterdir())
            figures[engine]["findings_parquet_bytes"] = (out / "findings.parquet").stat().st_size
            summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
            figures[engine]["findings"] = summary["findings"]
            if summary["words"] != total_words:
                raise SystemExit(
                    f"audit_bench: audit counted {summary['words']} words, check's stories have {total_words}"
                )
        same = all(
            (work / "audit-local" / n).read_bytes() == (work / "audit-dask" / n).read_bytes()
            for n in ("findings.parquet", "summary.csv", "summary.json", "report.html")
        )
        figures["engines_identical"] = same
        figures["quarter"] = measure(
            [*cmd, "audit", str(quarter), "--out", str(work / "audit-quarter"), "-j", str(JOBS)], None
        )
    print(f"load average after: {load_average()}")
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    ok = same and all(
        figures[e]["words_per_second"] >= t * figures["check"]["words_per_second"] for e, t in TARGETS.items()
    )
    return 0 if ok else 1


def write_drafts(sources, folder: Path) -> tuple[int, int]:
    """Every story as a .txt file, for `check`; (stories, words)."""
    folder.mkdir()
    count = total = 0
    for source in sources:
        with gzip.open(source, "rt", encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                (folder / f"{count:06d}.txt").write_text(text, encoding="utf-8")
                count += 1
                total += words(text)
    return count, total


def write_quarter(sources, path: Path, limit: int) -> Path:
    """The first quarter of the stories, spread over the sources, as one file."""
    share = max(1, limit // len(sources))
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for source in sources:
            with gzip.open(source, "rt", encoding="utf-8") as f:
                for n, line in enumerate(f):
                    if n >= share:
                        break
                    out.write(line)
    return path


def measure(cmd: list[str], total_words: int | None, stdout: Path | None = None) -> dict:
    busy = wait_for_quiet(60)
    wall, code, peak, cpu, others = run_measured(cmd, stdout)
    if code not in (0, 1):
        raise SystemExit(f"audit_bench: {' '.join(cmd[-8:])} exited {code}")
    figures = {
        "seconds": wall,
        "peak_mb": peak,
        "cpu_seconds": cpu,
        "other_programs_cores": others,
        "busy_cores_before": busy,
    }
    if total_words:
        figures["words_per_second"] = total_words / wall
    return figures


def report(f: dict) -> None:
    ref = f["check"]["words_per_second"]
    print(
        f"\n{f['stories']:,} stories, {f['words']:,} words ({f['words'] / f['stories']:.0f} words a story), -j {f['jobs']}"
    )
    for name, label in (
        ("check", "newslint check -j 2 (files)"),
        ("local", "audit --engine local"),
        ("dask", "audit --engine dask (LocalCluster)"),
    ):
        r = f[name]
        share = "" if name == "check" else f"  {r['words_per_second'] / ref:5.0%} of check (target {TARGETS[name]:.0%})"
        print(
            f"  {label:38} {r['seconds']:6.1f} s  {r['words_per_second']:9,.0f} words/s  "
            f"peak {r['peak_mb']:6.0f} MB  others kept {r['other_programs_cores'] or 0:.2f} cores busy{share}"
        )
    print(f"  engines write the same bytes: {f['engines_identical']}")
    q, full = f["quarter"], f["local"]
    print(
        f"  peak memory, audit local: {q['peak_mb']:.0f} MB on a quarter of the stories, "
        f"{full['peak_mb']:.0f} MB on all of them"
    )
    # 100 million stories, from the local engine's measured rate per worker process.
    per_worker = full["words_per_second"] / f["jobs"]
    findings_per_word = full["findings"] / f["words"]
    bytes_per_finding = full["findings_parquet_bytes"] / max(1, full["findings"])
    print(f"\n100 million stories, at {per_worker:,.0f} words/s per worker process (measured):")
    for label, story_words in (
        (f"the corpus's {f['words'] / f['stories']:.0f} words a story", f["words"] / f["stories"]),
        (f"{NEWS_STORY_WORDS} words a story", NEWS_STORY_WORDS),
    ):
        total = STORIES_100M * story_words
        worker_hours = total / per_worker / 3600
        size_gb = total * findings_per_word * bytes_per_finding / 1e9
        print(
            f"  {label}: {total / 1e9:.1f} G words, {worker_hours:,.0f} worker-hours: "
            f"{worker_hours / 64:.1f} h on 64 workers, {worker_hours / 256:.1f} h on 256; "
            f"findings.parquet about {size_gb:.1f} GB ({total * findings_per_word / 1e9:.2f} G findings)"
        )


if __name__ == "__main__":
    raise SystemExit(main())
