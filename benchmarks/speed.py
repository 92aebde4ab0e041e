"""How fast newslint is: every figure of the speed targets, measured in one run on one machine.

    python benchmarks/speed.py                  # everything, about two minutes on two cores
    python benchmarks/speed.py --quick          # smaller samples, a try in a few seconds
    python benchmarks/speed.py --corpus DIR     # where reuters21578.jsonl.gz and bbc.jsonl.gz are
    python benchmarks/speed.py --json out.json  # the figures as JSON too
    python benchmarks/speed.py --peers          # only newslint against proselint and Vale

Reads the news corpora in ../shared/corpus (gzip JSON lines of {"id", "text"}) where they are;
no corpus text is ever written into the repository (the CLI runs get temporary files). Measures,
with the default packs, the ap profile and grammar off:

- words per second of the lint path (Linter.lint_text over every story, one process), and of
  `newslint check --format json` over the stories as files, with -j 1 and -j N (and that both
  print the same bytes);
- peak memory (maximum resident set) of both over the whole of reuters21578;
- wall time of `newslint check` on one short file (start-up included);
- the language server's re-lint after a one-character change in a 1,500-word article: the
  server's own path (newslint.lsp's TextBuffer takes the change, the Linter checks the text,
  findings become LSP positions), median and 95th percentile;
- time per word for one document of 1,000, 10,000 and 100,000 words (the same text, cut
  three ways);
- proselint over the same stories in the same run, for the ratio (`pip install -r
  benchmarks/requirements.txt`; without it the line says so);
- Vale over the same stories as files, against `newslint check` over them (install Vale with
  benchmarks/vale/install), with two styles: the minimal hand-written one (benchmarks/vale/
  .vale.ini, 5 rules) and the default packs translated into Vale rules
  (benchmarks/vale/make_style.py, translated afresh at each run; packs.ini), which does
  the same work as newslint as far as Vale can express it; wall time and CPU time (the fairer
  figure when other programs share the cores) of each;
- what newslint, Vale and proselint each find in ../shared/seed/article.txt, as a table.

Timings are wall-clock; other programs running on the machine slow them down, so the load
average is printed before and after, each run of the command line first waits (up to a minute)
for the cores to be idle, and the parallel runs say how busy other programs kept the machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout, or two levels up from a worktree under wt/
DEFAULT_CORPUS = next(
    (p / "shared" / "corpus" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "corpus",
)
CORPORA = ("reuters21578", "bbc")
# Targets of issue 6 (default packs, ap profile, on a 2-core machine).
TARGETS = {
    "words_per_second": 150_000,
    "vs_proselint": 3.0,
    "parallel_speedup": 1.7,
    "startup_ms": 150,
    "lsp_p95_ms": 15,
    "scaling_ratio": 1.3,
    "peak_mb": 200,
}
SHORT_FILE = "Council approves budget\n\nThe council approved the budget on Tuesday, the mayor said.\n"


def read_corpus(corpus: Path, name: str, limit: int | None = None) -> list[tuple[str, str]]:
    stories = []
    with gzip.open(corpus / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            stories.append((str(doc["id"]), doc["text"]))
            if limit and len(stories) >= limit:
                break
    return stories


def words(text: str) -> int:
    return len(text.split())


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def newslint_command() -> list[str]:
    """The installed `newslint` script next to this Python, or `python -m newslint`."""
    script = Path(sys.executable).with_name("newslint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newslint"]


def busy_cpu_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux), to tell how much of it
    other programs took during a measurement."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def wait_for_quiet(most: float, idle_cores: float = 0.3, sample: float = 2.0) -> float | None:
    """Wait (at most `most` seconds) until other programs keep less than `idle_cores` busy over
    `sample` seconds, so that a parallel run gets the cores; the busy cores last seen."""
    waited, busy = 0.0, None
    while most > 0 and busy_cpu_seconds() is not None:
        before = busy_cpu_seconds()
        time.sleep(sample)
        busy = (busy_cpu_seconds() - before) / sample
        waited += sample
        if busy < idle_cores or waited >= most:
            break
    return busy


def run_measured(cmd: list[str], stdout_path: Path | None = None, cwd: Path | None = None):
    """Run a command; (wall seconds, exit code, peak resident memory in MB, CPU seconds of it
    and its worker processes)."""
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    try:
        busy_before = busy_cpu_seconds()
        started = time.perf_counter()
        process = subprocess.Popen(
            cmd,
            stdout=out,
            stderr=subprocess.PIPE if stdout_path else subprocess.DEVNULL,
            cwd=cwd,
            env=dict(os.environ, NO_COLOR="1"),
        )
        if stdout_path:  # stderr is small (the statistics table at most): read it as it comes
            process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        busy_after = busy_cpu_seconds()
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout_path:
            out.close()
    # ru_maxrss is in KiB on Linux; the times include the workers the command waited for.
    cpu = usage.ru_utime + usage.ru_stime
    others = None if busy_before is None else max(0.0, (busy_after - busy_before - cpu) / wall)
    return wall, process.returncode, usage.ru_maxrss / 1024, cpu, others


# -- measurements in a child process (so that each peak memory is its own) ----------------------


def child_throughput(corpus: Path, name: str, limit: int | None) -> dict:
    """Linter.lint_text over a corpus, story by story as it is read: only the linting is timed."""
    import resource

    from newslint.linter import Linter

    linter = Linter()
    total_words = stories = findings = 0
    seconds = 0.0
    with gzip.open(corpus / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            text = doc["text"]
            started = time.perf_counter()
            findings += len(linter.lint_text(text, f"{name}/{doc['id']}.txt").findings)
            seconds += time.perf_counter() - started
            total_words += words(text)
            stories += 1
            if limit and stories >= limit:
                break
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"stories": stories, "words": total_words, "seconds": seconds, "findings": findings, "peak_mb": peak}


def child_startup_parts() -> dict:
    """Where the start-up time of a check goes: imports, then loading the rule packs."""
    started = time.perf_counter()
    import newslint.cli  # noqa: F401
    from newslint.linter import Linter

    imported = time.perf_counter()
    Linter()
    loaded = time.perf_counter()
    return {"imports_ms": (imported - started) * 1000, "rules_ms": (loaded - imported) * 1000}


def in_child(*args: str) -> dict:
    result = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"speed: a measurement failed:\n{result.stderr}")
    return json.loads(result.stdout)


# -- the measurements -----------------------------------------------------------------------------


def measure_cli(stories, name: str, jobs: int, workdir: Path, repeat: int = 1, quiet_wait: float = 0) -> dict:
    """`newslint check --format json` over the stories as files, -j 1 and -j N; same output?"""
    folder = workdir / name
    folder.mkdir()
    for i, (_doc_id, text) in enumerate(stories):
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    total = sum(words(t) for _, t in stories)
    runs = {}
    for j in (1, jobs):
        best = None
        for _ in range(repeat):
            wait_for_quiet(quiet_wait)
            out = workdir / f"{name}-j{j}.json"
            wall, code, peak, cpu, others = run_measured(
                [*newslint_command(), "check", "--format", "json", "-j", str(j), str(folder)], out
            )
            if code not in (0, 1):
                raise SystemExit(f"speed: newslint check -j {j} exited {code}")
            if best is None or wall < best[0]:
                best = (wall, peak, cpu, others)
        runs[j] = {
            "seconds": best[0],
            "words_per_second": total / best[0],
            "peak_mb": best[1],
            "cpu_seconds": best[2],
            "other_programs_cores": best[3],
        }
    same = (workdir / f"{name}-j1.json").read_bytes() == (workdir / f"{name}-j{jobs}.json").read_bytes()
    return {
        "files": len(stories),
        "words": total,
        "runs": runs,
        "identical_output": same,
        "speedup": runs[1]["seconds"] / runs[jobs]["seconds"],
    }


def measure_startup(workdir: Path, repeat: int) -> dict:
    path = workdir / "short.txt"
    path.write_text(SHORT_FILE, encoding="utf-8")
    cmd = [*newslint_command(), "check", str(path)]
    run_measured(cmd)  # warm the file system cache and the byte code
    walls = sorted(run_measured(cmd)[0] * 1000 for _ in range(repeat))
    parts = in_child("startup-parts")
    return {"median_ms": statistics.median(walls), "min_ms": walls[0], **parts}


def lsp_article(stories, target: int = 1500) -> str:
    """A real article of about `target` words: the longest story cut after the paragraph that
    reaches the target."""
    longest = max((t for _, t in stories), key=words)
    kept, count = [], 0
    for paragraph in longest.split("\n"):
        kept.append(paragraph)
        count += words(paragraph)
        if count >= target:
            break
    return "\n".join(kept)


def measure_lsp(text: str, edits: int) -> dict:
    """Re-lint after each one-character change: type a letter, then take it out, at random places."""
    try:
        from newslint.linter import LinterCache as Linters
        from newslint.lsp import TextBuffer

        through = "newslint.lsp (TextBuffer change, the server's Linter, LSP positions)"
    except ImportError:
        Linters = TextBuffer = None
        through = "Linter.lint_text (newslint.lsp is not here)"
    from newslint.linter import Linter

    rng = random.Random(6)
    if TextBuffer is not None:
        buffer, linter = TextBuffer(text), Linters().for_path(None)
    else:
        buffer, linter = SimpleNamespace(text=text), Linter()

    def change(offset: int, length: int, new: str) -> None:
        if TextBuffer is None:
            buffer.text = buffer.text[:offset] + new + buffer.text[offset + length :]
            return
        (sl, sc), (el, ec) = buffer.position(offset), buffer.position(offset + length)
        position = lambda line, character: SimpleNamespace(line=line, character=character)  # noqa: E731
        buffer.apply_change(
            SimpleNamespace(range=SimpleNamespace(start=position(sl, sc), end=position(el, ec)), text=new)
        )

    def relint() -> int:
        result = linter.lint_text(buffer.text, "article.txt", "text")
        if TextBuffer is not None:
            for f in result.findings:  # what the server does for each diagnostic
                buffer.position(f.start), buffer.position(f.end)
        return len(result.findings)

    times = []
    for i in range(edits + 20):
        if i % 2 == 0:
            offset = rng.randrange(len(buffer.text) // 10, len(buffer.text))
            change(offset, 0, "x")
        else:
            change(offset, 1, "")
        started = time.perf_counter()
        relint()
        if i >= 20:  # the first ones warm the caches
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "words": words(text),
        "through": through,
        "edits": len(times),
        "median_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        "max_ms": times[-1],
    }


def measure_scaling(stories, sizes=(1_000, 10_000, 100_000)) -> dict:
    """The same 100,000 words linted as 100 stories of 1,000, 10 of 10,000 and one of 100,000."""
    from newslint.linter import Linter

    paragraphs = [p for _, t in stories for p in t.split("\n")[1:] if p.strip()]  # bodies only
    chunks, current, count = [], [], 0
    for p in paragraphs:
        current.append(p)
        count += words(p)
        if count >= sizes[0]:
            chunks.append(current)
            current, count = [], 0
        if len(chunks) * sizes[0] >= sizes[-1]:
            break
    linter = Linter()
    result = {}
    for size in sizes:
        group = size // sizes[0]
        docs = [
            "Benchmark story\n\n" + "\n\n".join(p for chunk in chunks[i : i + group] for p in chunk)
            for i in range(0, len(chunks), group)
        ]
        total = sum(words(d) for d in docs)
        best = None
        for _ in range(2):
            started = time.perf_counter()
            for d in docs:
                linter.lint_text(d, "story.txt")
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        result[size] = {"documents": len(docs), "words": total, "us_per_word": best / total * 1e6}
    result["ratio"] = result[sizes[-1]]["us_per_word"] / result[sizes[0]]["us_per_word"]
    return result


def measure_proselint(stories) -> dict:
    """newslint and proselint over the same stories, one after the other, in this process."""
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
        from proselint.version import __version__ as proselint_version
    except ImportError:
        return {"skipped": "proselint is not installed: pip install -r benchmarks/requirements.txt"}
    from newslint.linter import Linter

    CheckRegistry().register_many(__register__)
    linter = Linter()
    total = sum(words(t) for _, t in stories)
    LintFile("warm.txt", stories[0][1]).lint(DEFAULT)
    linter.lint_text(stories[0][1])

    started = time.perf_counter()
    for doc_id, text in stories:
        LintFile(f"{doc_id}.txt", text).lint(DEFAULT)
    proselint_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for doc_id, text in stories:
        linter.lint_text(text, f"{doc_id}.txt")
    newslint_seconds = time.perf_counter() - started
    return {
        "version": proselint_version,
        "stories": len(stories),
        "words": total,
        "proselint_words_per_second": total / proselint_seconds,
        "newslint_words_per_second": total / newslint_seconds,
        "ratio": proselint_seconds / newslint_seconds,
    }


VALE = ROOT / "benchmarks" / "vale"
# The two Vale styles: the hand-written minimal one, and the default packs translated by
# benchmarks/vale/make_style.py (one Vale rule per newslint rule Vale can express).
VALE_CONFIGS = {"minimal": VALE / ".vale.ini", "packs": VALE / "packs.ini"}


def vale_version() -> str:
    return (VALE / "VERSION").read_text(encoding="utf-8").strip()


def vale_command(style: str = "packs") -> list[str] | None:
    """Vale with one of the benchmark's styles; on a fresh checkout the pinned Vale is installed
    first (benchmarks/vale/install: from the Go module proxy into benchmarks/vale/bin), where Go is."""
    binary = VALE / "bin" / "vale"
    if not binary.is_file() and shutil.which("go"):
        print(f"installing Vale {vale_version()} from the Go module proxy (benchmarks/vale/install)", file=sys.stderr)
        subprocess.run(["sh", str(VALE / "install")], stdout=sys.stderr, check=False)
    return [str(binary), "--config", str(VALE_CONFIGS[style])] if binary.is_file() else None


def vale_styles(workdir: Path, profile: str = "ap") -> tuple[Path, dict]:
    """packs.ini pointed at a translation of the packs as they are now, written under `workdir`
    (so Vale never runs a stale style, and the run writes nothing into the checkout); the
    config, and the number of rules of each style."""
    sys.path.insert(0, str(VALE))
    try:
        import make_style
    finally:
        sys.path.remove(str(VALE))
    style, skipped, rules = make_style.build(profile)
    make_style.write_style(style, workdir / "styles" / make_style.STYLE)
    config = workdir / "packs.ini"
    config.write_text(
        VALE_CONFIGS["packs"]
        .read_text(encoding="utf-8")
        .replace("StylesPath = styles", f"StylesPath = {workdir / 'styles'}"),
        encoding="utf-8",
    )
    counts = {
        "minimal": {"rules": len(list((VALE / "styles" / "Newslint").glob("*.yml")))},
        "packs": {"rules": len(style), "of": len(rules), "skipped": len(skipped)},
    }
    return config, counts


def measure_vale(stories, workdir: Path, jobs: int, quiet_wait: float) -> dict:
    """Vale, with each of its two styles, and `newslint check` over the same stories as files.
    Vale checks files in parallel on its own, so newslint gets the same cores (-j jobs); -j 1 is
    shown too. Wall time is the best of two runs; CPU time (user + system, the workers included)
    is the least of the two, and is the fairer figure on a machine other programs keep busy."""
    if vale_command() is None:
        return {"skipped": f"Vale is not installed: sh benchmarks/vale/install (Vale {vale_version()})"}
    packs_config, styles = vale_styles(workdir)
    folder = workdir / "peers"
    folder.mkdir()
    for i, (_, text) in enumerate(stories):
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    total = sum(words(t) for _, t in stories)
    runs = {}
    for name, cmd in (
        ("vale minimal", [*vale_command("minimal"), "--output", "JSON", "--no-exit", str(folder)]),
        (
            "vale packs",
            [vale_command()[0], "--config", str(packs_config), "--output", "JSON", "--no-exit", str(folder)],
        ),
        ("newslint -j 1", [*newslint_command(), "check", "--format", "json", "-j", "1", str(folder)]),
        (f"newslint -j {jobs}", [*newslint_command(), "check", "--format", "json", "-j", str(jobs), str(folder)]),
    ):
        best = cpu_best = None
        for _ in range(2):
            wait_for_quiet(quiet_wait)
            wall, code, _, cpu, _ = run_measured(cmd, workdir / "peer-out.json")
            if code not in (0, 1):
                raise SystemExit(f"speed: {name} exited {code}")
            best = wall if best is None else min(best, wall)
            cpu_best = cpu if cpu_best is None else min(cpu_best, cpu)
        findings = json.loads((workdir / "peer-out.json").read_text(encoding="utf-8") or "[]")
        count = sum(len(v) for v in findings.values()) if isinstance(findings, dict) else len(findings)
        runs[name] = {
            "seconds": best,
            "words_per_second": total / best,
            "cpu_seconds": cpu_best,
            "words_per_cpu_second": total / cpu_best,
            "findings": count,
        }
    newslint = runs[f"newslint -j {jobs}"]
    for style in styles:
        vale = runs[f"vale {style}"]
        styles[style]["ratio"] = newslint["words_per_second"] / vale["words_per_second"]
        styles[style]["cpu_ratio"] = vale["cpu_seconds"] / newslint["cpu_seconds"]
    return {"version": vale_version(), "files": len(stories), "words": total, "runs": runs, "styles": styles}


def seed_table(seed: Path) -> list[tuple[str, int, int, str, str]]:
    """(tool, line, column, rule, text found) for each finding of each tool on the seed article."""
    text = seed.read_text(encoding="utf-8")
    lines = text.splitlines()
    rows = []
    run = subprocess.run(
        [*newslint_command(), "check", "--format", "json", str(seed)], capture_output=True, text=True, check=False
    )
    for f in json.loads(run.stdout or "[]"):
        found = lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] if f["line"] == f["end_line"] else "..."
        rows.append(("newslint", f["line"], f["column"], f["rule"], found))
    vale = vale_command()
    if vale:
        run = subprocess.run(
            [*vale, "--output", "JSON", "--no-exit", str(seed)], capture_output=True, text=True, check=False
        )
        for alerts in json.loads(run.stdout or "{}").values():
            for a in alerts:
                rows.append(("vale", a["Line"], a["Span"][0], a["Check"], a["Match"]))
    try:
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile

        CheckRegistry().register_many(__register__)
        for r in LintFile(str(seed), text).lint(DEFAULT):
            start, end = r.check_result.span
            line = text.count("\n", 0, start) + 1
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            rows.append(("proselint", line, column, r.check_result.check_path, text[start:end]))
    except ImportError:
        pass
    # proselint's registry is process-wide: registered twice (measure_proselint did it) it answers twice.
    return sorted(set(rows), key=lambda r: (r[1], r[2], r[0], r[3]))


# -- the report ------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "ok " if ok else "MISS"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help=f"folder of reuters21578.jsonl.gz and bbc.jsonl.gz (default: {DEFAULT_CORPUS})",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=max(2, os.cpu_count() or 1),
        help="processes for the parallel run (default: the cores, at least 2)",
    )
    parser.add_argument("--quick", action="store_true", help="small samples: a try, not the figures")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=60,
        metavar="SECONDS",
        help="before each run of the command line, wait up to this long for other programs "
        "to leave the cores idle (default: 60; 0 does not wait)",
    )
    parser.add_argument(
        "--peers", action="store_true", help="only the comparison with proselint and Vale, and the seed article's table"
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "throughput":
            figures = child_throughput(Path(rest[0]), rest[1], int(rest[2]) or None)
        else:
            figures = child_startup_parts()
        print(json.dumps(figures))
        return 0

    missing = [name for name in CORPORA if not (args.corpus / f"{name}.jsonl.gz").is_file()]
    if missing:
        print(
            f"speed: no {', '.join(n + '.jsonl.gz' for n in missing)} in {args.corpus}; "
            "point --corpus at the folder of the news corpora",
            file=sys.stderr,
        )
        return 2
    limit = 2000 if args.quick else 0
    print(
        f"newslint speed: Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load average {load_average()} at the start"
    )
    figures: dict = {"cores": os.cpu_count(), "load_start": load_average()}
    stories = {name: read_corpus(args.corpus, name, limit or None) for name in CORPORA}

    if args.peers:
        return peers(args, stories, figures)

    # 1. Throughput of the lint path, one process, and its peak memory.
    figures["one_process"] = {}
    for name in CORPORA:
        f = figures["one_process"][name] = in_child("throughput", str(args.corpus), name, str(limit))
        f["words_per_second"] = f["words"] / f["seconds"]
        print(
            f"[{verdict(f['words_per_second'] >= TARGETS['words_per_second'])}] one process, {name}: "
            f"{f['words_per_second']:,.0f} words/s ({f['words']:,} words, {f['stories']:,} stories, "
            f"{f['seconds']:.1f} s linting), peak memory {f['peak_mb']:.0f} MB"
        )

    # 2. The CLI over files, -j 1 and -j N.
    figures["cli"] = {}
    with tempfile.TemporaryDirectory(prefix="newslint-speed-") as tmp:
        workdir = Path(tmp)
        for name in CORPORA:
            c = figures["cli"][name] = measure_cli(
                stories[name], name, args.jobs, workdir, 2 if name == "bbc" else 1, args.wait_quiet
            )
            one, many = c["runs"][1], c["runs"][args.jobs]
            print(
                f"[{verdict(c['speedup'] >= TARGETS['parallel_speedup'] and c['identical_output'])}] "
                f"newslint check, {name} ({c['files']:,} files): -j 1 {one['words_per_second']:,.0f} words/s "
                f"({one['seconds']:.1f} s, {one['cpu_seconds']:.1f} s CPU, peak {one['peak_mb']:.0f} MB); -j {args.jobs} "
                f"{many['words_per_second']:,.0f} words/s ({many['seconds']:.1f} s, {many['cpu_seconds']:.1f} s CPU, "
                f"{many['cpu_seconds'] / many['seconds']:.2f} cores busy): {c['speedup']:.2f}x; "
                f"output {'identical' if c['identical_output'] else 'DIFFERENT'}"
            )
            if many["other_programs_cores"] is not None:
                print(
                    f"       other programs kept {one['other_programs_cores']:.2f} cores busy during -j 1, "
                    f"{many['other_programs_cores']:.2f} during -j {args.jobs}"
                )

        # 3. Start-up and one short file.
        s = figures["startup"] = measure_startup(workdir, 5 if args.quick else 21)
        print(
            f"[{verdict(s['median_ms'] < TARGETS['startup_ms'])}] newslint check on one short file: "
            f"{s['median_ms']:.0f} ms wall (median; best {s['min_ms']:.0f} ms); in the process: imports "
            f"{s['imports_ms']:.0f} ms, rule packs {s['rules_ms']:.0f} ms"
        )

    # 4. Language server re-lint.
    article = lsp_article(stories["bbc"])
    lsp = figures["lsp"] = measure_lsp(article, 60 if args.quick else 400)
    print(
        f"[{verdict(lsp['p95_ms'] < TARGETS['lsp_p95_ms'])}] re-lint of a {lsp['words']:,}-word article after a "
        f"one-character change: median {lsp['median_ms']:.1f} ms, p95 {lsp['p95_ms']:.1f} ms, "
        f"max {lsp['max_ms']:.1f} ms ({lsp['edits']} edits, through {lsp['through']})"
    )

    # 5. Growth with document length.
    scale = figures["scaling"] = measure_scaling(stories["bbc"] + stories["reuters21578"])
    steps = ", ".join(f"{size:,} words {scale[size]['us_per_word']:.2f} us/word" for size in scale if size != "ratio")
    print(
        f"[{verdict(scale['ratio'] <= TARGETS['scaling_ratio'])}] time per word by document length: {steps}; "
        f"100k/1k = {scale['ratio']:.2f}"
    )

    # 6. Peak memory over the whole of reuters21578.
    peak = max(figures["one_process"]["reuters21578"]["peak_mb"], figures["cli"]["reuters21578"]["runs"][1]["peak_mb"])
    figures["peak_mb"] = peak
    print(
        f"[{verdict(peak < TARGETS['peak_mb'])}] peak memory over reuters21578: {peak:.0f} MB "
        f"(the larger of the lint path and newslint check -j 1)"
    )

    return peers(args, stories, figures)


def peers(args, stories, figures: dict) -> int:
    """proselint and Vale beside newslint on the same stories, then the seed article's table."""
    # 7. proselint, side by side on the same stories.
    sample = (
        stories["bbc"][: 300 if not args.quick else 50] + stories["reuters21578"][: 1000 if not args.quick else 100]
    )
    p = figures["proselint"] = measure_proselint(sample)
    if "skipped" in p:
        print(f"[MISS] proselint: {p['skipped']}")
    else:
        print(
            f"[{verdict(p['ratio'] >= TARGETS['vs_proselint'])}] proselint {p['version']} on the same "
            f"{p['stories']:,} stories ({p['words']:,} words): {p['proselint_words_per_second']:,.0f} words/s; "
            f"newslint {p['newslint_words_per_second']:,.0f} words/s: {p['ratio']:.1f}x"
        )

    # 8. Vale, side by side on the same stories as files, with each of its two styles.
    with tempfile.TemporaryDirectory(prefix="newslint-vale-") as tmp:
        v = figures["vale"] = measure_vale(sample, Path(tmp), args.jobs, args.wait_quiet)
    if "skipped" in v:
        print(f"[MISS] Vale: {v['skipped']}")
    else:
        runs, styles = v["runs"], v["styles"]
        many, one = runs[f"newslint -j {args.jobs}"], runs["newslint -j 1"]
        print(
            f"Vale {v['version']} on the same {v['files']:,} stories as files ({v['words']:,} words); "
            f"newslint check (all default packs, {styles['packs']['of']} rules) -j {args.jobs} "
            f"{many['words_per_second']:,.0f} words/s, {many['cpu_seconds']:.1f} s CPU "
            f"({many['findings']:,} findings); -j 1 {one['words_per_second']:,.0f} words/s, "
            f"{one['cpu_seconds']:.1f} s CPU"
        )
        labels = {
            "minimal": f"Vale minimal style: {styles['minimal']['rules']} rules",
            "packs": f"Vale with the packs translated: {styles['packs']['rules']} of {styles['packs']['of']} rules",
        }
        for style, label in labels.items():
            run, st = runs[f"vale {style}"], styles[style]
            print(
                f"[{verdict(st['ratio'] > 1)}] {label}: {run['words_per_second']:,.0f} words/s, "
                f"{run['cpu_seconds']:.1f} s CPU ({run['findings']:,} alerts): newslint -j {args.jobs} "
                f"{st['ratio']:.2f}x Vale by wall time, {st['cpu_ratio']:.2f}x by CPU time"
            )

    # The three side by side: words per second on the same stories, in this run.
    rates = []
    if "skipped" not in p:
        rates += [("newslint, lint path, one process", p["newslint_words_per_second"])]
    if "skipped" not in v:
        rates += [(f"newslint check -j {n}", v["runs"][f"newslint -j {n}"]["words_per_second"]) for n in (1, args.jobs)]
        rates += [
            (
                f"Vale {v['version']}, {style} style ({v['styles'][style]['rules']} rules)",
                v["runs"][f"vale {style}"]["words_per_second"],
            )
            for style in ("minimal", "packs")
        ]
    if "skipped" not in p:
        rates += [(f"proselint {p['version']}, one process", p["proselint_words_per_second"])]
    if rates:
        print(f"\nwords per second on the same {len(sample):,} stories, load average {load_average()}:")
        for name, rate in rates:
            print(f"  {name:44} {rate:>10,.0f}")

    # 9. What each finds in the seed article.
    seed = args.corpus.parent / "seed" / "article.txt"
    if seed.is_file():
        rows = figures["seed"] = seed_table(seed)
        print(f"\nwhat each finds in {seed} (line:column, rule, text):")
        for tool, line, column, rule, found in rows:
            print(f"  {line:3}:{column:<4} {tool:9} {rule:40} {found[:50]!r}")

    figures["load_end"] = load_average()
    print(f"load average {figures['load_end']} at the end")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
