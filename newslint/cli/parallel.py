"""Check many files at once (`newslint check -j N`), with the output of a serial run.

Files go to worker processes in chunks; each worker keeps its own Linters (one per
configuration, as a serial run does), and results come back in the order of the files, so the
report is the same byte for byte as with `-j 1`. One file, a few files, `-j 1` and standard
input never start a pool: a pre-commit hook on one file pays nothing for it. Fixing (`--fix`,
`--diff`) writes files and stays serial, and so does grammar unless `-j` is given (each worker
would start its own LanguageTool).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..config.flags import config_with_flags
from ..engine import Result
from ..linter import Linter, LinterCache
from ..model import InputError
from ..source import STDIN
from ..stats import RuleStats

# Fewer files than this are checked in this process: starting workers costs more than it saves.
MIN_PARALLEL_FILES = 8
MAX_CHUNK = 32  # files per task: big enough to pay for the trip, small enough to share out
# Reports that show the copy (the line under a finding, the words a fix replaces, the page). For
# the others a worker sends each Result back without its text: less to pickle, and less for the
# parent to unpickle while both cores are needed for linting.
SHOW_COPY = ("text", "sarif", "html")

Outcome = tuple[Result | None, str | None]  # (result, or None when excluded; or the InputError's message)
# The message of a file whose worker process died (killed, out of memory) before it was checked.
WORKER_DIED = "not checked: a worker process died (killed, or out of memory)"


def default_jobs() -> int:
    return os.cpu_count() or 1


class Checker:
    """What `newslint check` does with one path: lint it with the Linter of its configuration,
    the command line's flags on top."""

    def __init__(self, args, stats=None):
        self.args = args  # the parsed command line (it crosses to the workers)
        self.stats = stats  # a newslint.stats.RuleStats shared by the Linters, or None
        self.linters = LinterCache(lambda path: config_with_flags(args, path), stats=stats)

    def linter_for(self, path: str) -> Linter:
        return self.linters.for_path(path)

    def rules_of(self, paths) -> list:
        """The rules that ran on `paths`, as configured, each id once (first configuration wins):
        what SARIF and HTML describe."""
        found: dict[str, object] = {}
        for path in dict.fromkeys(paths):
            for rule in self.linter_for(path).engine.rules:
                found.setdefault(rule.id, rule)
        return list(found.values())

    def check(self, path: str) -> Outcome:
        try:
            linter = self.linter_for(path)
            if path != STDIN and linter.config.is_excluded(path):
                return None, None
            return linter.lint_file(path), None
        except InputError as e:
            return None, str(e)


def check_in_order(checker: Checker, paths: list[str], jobs: int | None = None, restarts: int = 2) -> Iterator[Outcome]:
    """An outcome for each path, in order: in this process with `checker`, or in `jobs` workers."""
    if jobs is None and paths and checker.linter_for(paths[0]).config.grammar:
        jobs = 1  # each worker would start a LanguageTool of its own: only when -j asks for it
    jobs = min(jobs or default_jobs(), len(paths))
    if jobs <= 1 or len(paths) < MIN_PARALLEL_FILES or STDIN in paths:
        for path in paths:
            yield checker.check(path)
        return
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(MAX_CHUNK, len(paths) // (jobs * 4)))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    pool = ProcessPoolExecutor(
        max_workers=jobs, initializer=_start_worker, initargs=(checker.args, checker.stats is not None)
    )
    from concurrent.futures.process import BrokenProcessPool

    try:
        submitted = [(chunk, pool.submit(_check_chunk, chunk)) for chunk in chunks]
        for index, (chunk, future) in enumerate(submitted):
            try:
                outcomes, stats = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory): every pending chunk fails with it. The
                # first chunk not done is the one most likely in the dead worker's hands: its
                # files are reported as not checked; the rest get a new pool (at most twice).
                yield from ((None, WORKER_DIED) for _ in chunk)
                rest = [path for later, _ in submitted[index + 1 :] for path in later]
                pool.shutdown(wait=False, cancel_futures=True)
                if rest and restarts > 0:
                    yield from check_in_order(checker, rest, jobs, restarts - 1)
                else:
                    yield from ((None, WORKER_DIED) for _ in rest)
                return
            if stats is not None:
                checker.stats.merge(stats)
            yield from outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_worker: Checker | None = None


def _start_worker(args, with_stats: bool) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    global _worker
    _worker = Checker(args, RuleStats() if with_stats else None)


def _check_chunk(paths: list[str]):
    """Check a chunk of files in a worker: their outcomes, and the statistics of the chunk."""
    outcomes = [_worker.check(path) for path in paths]
    if getattr(_worker.args, "format", None) not in SHOW_COPY:
        for result, _ in outcomes:
            if result is not None:
                result.source = None
    return outcomes, None if _worker.stats is None else _worker.stats.take()
