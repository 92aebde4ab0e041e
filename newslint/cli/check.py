"""`newslint check`: lint drafts (in worker processes with -j), fix them, report."""

from __future__ import annotations

import os
import sys

from .. import fix
from ..model import InputError, level_rank
from ..report import render
from ..source import STDIN, iter_files
from ..stats import RuleStats
from .exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from .parallel import WORKER_DIED, Checker, check_in_order
from .terminal import one_line


def _say(message) -> None:
    """One line on stderr: a file name may hold a newline (control characters: terminal.py)."""
    print(f"newslint: {one_line(str(message))}", file=sys.stderr)


class _Run:
    """What a check run learns while it goes: failures, notices said, fixes, the worst level."""

    def __init__(self):
        self.failed = False
        self.notices: set[str] = set()
        self.fixed_count = self.fixed_files = self.diffs = self.died = 0
        self.worst = -1  # the highest level rank of a finding
        self.paths: list[str] = []  # of the files reported, in order (the same strings as the input's)


def run_check(args) -> int:
    stats = None
    if args.statistics:
        stats = RuleStats()
    checker = Checker(args, stats)  # one Linter per configuration
    fixing = args.fix or args.unsafe_fixes or args.diff
    run = _Run()
    results = _results(args, checker, fixing, run)
    if args.diff:
        for _ in results:
            pass
        return EXIT_ERROR if run.failed else (EXIT_FINDINGS if run.diffs else EXIT_CLEAN)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    # Every format prints (or spools) a file's findings when it is done, in file order, so memory
    # stays flat in the number of files. SARIF and HTML describe the rules that ran and the
    # profile, known once every file is read: they get functions to call then.
    render(
        args.format,
        results,
        sys.stdout,
        rules=lambda: checker.rules_of(run.paths),
        profile=lambda: _one_profile(checker, run.paths),
        color=color,
    )
    if stats is not None:
        sys.stdout.flush()
        print(stats.table(), file=sys.stderr)
    if fixing and run.fixed_count:
        print(
            f"newslint: fixed {run.fixed_count} finding{'s' if run.fixed_count != 1 else ''} "
            f"in {run.fixed_files} file{'s' if run.fixed_files != 1 else ''}.",
            file=sys.stderr,
        )
    if run.failed or (run.notices and args.grammar_required):
        return EXIT_ERROR
    return EXIT_FINDINGS if run.worst >= level_rank(args.fail_level) else EXIT_CLEAN


def _one_profile(checker, paths) -> str | None:
    """The house profile of the files reported, when they share one."""
    profiles = {checker.linter_for(path).config.profile for path in paths}
    return profiles.pop() if len(profiles) == 1 else None


def _results(args, checker, fixing, run: _Run):
    """Each file's Result as it is done, in file order; what went wrong is said on stderr."""
    problems: list[tuple[bool, str]] = []
    paths = iter_files(args.paths, problems)
    for is_error, message in problems:  # unreadable folders (errors), FIFOs in folders (notices)
        _say(message)
        run.failed = run.failed or is_error
    checked = None if fixing else check_in_order(checker, paths, args.jobs)  # -j: in worker processes
    for path in paths:
        try:
            if checked is not None:
                result, error = next(checked)
                if error == WORKER_DIED:
                    run.died += 1
                    run.failed = True
                    continue
                if error is not None:
                    raise InputError(error)
                if result is None:
                    continue  # excluded by the configuration
            else:
                linter = checker.linter_for(path)
                if path != STDIN and linter.config.is_excluded(path):
                    continue
                result, count, changed, unwritten = _fix_file(args, linter, path)
                if unwritten is not None:  # its findings are still reported
                    _say(unwritten)
                    run.failed = True
                run.fixed_count += count
                run.fixed_files += changed
                run.diffs += changed and args.diff
                if result is None:
                    continue
        except InputError as e:  # a file that cannot be read
            _say(e)
            run.failed = True
            continue
        for error in result.errors:
            _say(error)
            run.failed = True
        for notice in result.notices:  # said once for the run, not once per file
            if notice not in run.notices:
                run.notices.add(notice)
                _say(notice)
        for f in result.findings:
            run.worst = max(run.worst, level_rank(f.severity))
        run.paths.append(path)
        yield result
    if run.died:
        _say(f"{run.died} file{'s' if run.died != 1 else ''} {WORKER_DIED}")


def _fix_file(args, linter, path: str):
    """Fix one file (or print its diff): (the findings that remain or None, fixed, changed, and
    why the fixed file could not be written, or None)."""
    source = fix.read(path)
    name = "<stdin>" if path == STDIN else path
    fixed = fix.fix_text(linter, source.text, name, unsafe=args.unsafe_fixes)
    if not fixed.settled:
        _say(f"{name}: fixes kept coming after {fix.MAX_PASSES} passes; check the result")
    changed = fixed.text != source.text
    if args.diff:
        if changed:
            sys.stdout.write(fix.unified_diff(source, fixed.text))
        return None, fixed.applied, changed, None
    final = fixed.text.replace("\n", source.newline) if source.newline != "\n" else fixed.text
    if path == STDIN:  # fixing stdin prints the fixed text, and nothing else, to stdout
        sys.stdout.write(final)
        return None, fixed.applied, changed, None
    if changed:
        try:
            fix.write(source, fixed.text)
        except fix.FixError as e:  # not written: the file as it is still has its findings
            return linter.lint_text(source.text.replace("\n", source.newline), path), 0, False, str(e)
    return linter.lint_text(final, path), fixed.applied, changed, None
