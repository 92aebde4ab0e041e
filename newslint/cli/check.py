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


def run_check(args) -> int:
    stats = None
    if args.statistics:
        stats = RuleStats()
    checker = Checker(args, stats)  # one Linter per configuration
    fixing = args.fix or args.unsafe_fixes or args.diff
    results, failed, notices = [], False, set()
    fixed_count, fixed_files, diffs = 0, 0, 0
    problems: list[tuple[bool, str]] = []
    paths = iter_files(args.paths, problems)
    for is_error, message in problems:  # unreadable folders (errors), FIFOs in folders (notices)
        _say(message)
        failed = failed or is_error
    died = 0
    checked = None if fixing else check_in_order(checker, paths, args.jobs)  # -j: in worker processes
    for path in paths:
        try:
            if checked is not None:
                result, error = next(checked)
                if error == WORKER_DIED:
                    died += 1
                    failed = True
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
                    failed = True
                fixed_count += count
                fixed_files += changed
                diffs += changed and args.diff
                if result is None:
                    continue
        except InputError as e:  # a file that cannot be read
            _say(e)
            failed = True
            continue
        for error in result.errors:
            _say(error)
            failed = True
        for notice in result.notices:  # said once for the run, not once per file
            if notice not in notices:
                notices.add(notice)
                _say(notice)
        results.append(result)
    if died:
        _say(f"{died} file{'s' if died != 1 else ''} {WORKER_DIED}")
    if args.diff:
        return EXIT_ERROR if failed else (EXIT_FINDINGS if diffs else EXIT_CLEAN)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    render(args.format, results, sys.stdout, color=color)
    if stats is not None:
        sys.stdout.flush()
        print(stats.table(), file=sys.stderr)
    if fixing and fixed_count:
        print(f"newslint: fixed {fixed_count} finding{'s' if fixed_count != 1 else ''} "
              f"in {fixed_files} file{'s' if fixed_files != 1 else ''}.", file=sys.stderr)
    if failed or (notices and args.grammar_required):
        return EXIT_ERROR
    fail = level_rank(args.fail_level)
    return EXIT_FINDINGS if any(level_rank(f.severity) >= fail for r in results for f in r.findings) else EXIT_CLEAN


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
