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
from .parallel import Checker, check_in_order


def run_check(args) -> int:
    stats = None
    if args.statistics:
        stats = RuleStats()
    checker = Checker(args, stats)  # one Linter per configuration
    fixing = args.fix or args.unsafe_fixes or args.diff
    results, failed, notices = [], False, set()
    fixed_count, fixed_files, diffs = 0, 0, 0
    paths = iter_files(args.paths)
    checked = None if fixing else check_in_order(checker, paths, args.jobs)  # -j: in worker processes
    for path in paths:
        try:
            if checked is not None:
                result, error = next(checked)
                if error is not None:
                    raise InputError(error)
                if result is None:
                    continue  # excluded by the configuration
            else:
                linter = checker.linter_for(path)
                if path != STDIN and linter.config.is_excluded(path):
                    continue
                result, count, changed = _fix_file(args, linter, path)
                fixed_count += count
                fixed_files += changed
                diffs += changed and args.diff
                if result is None:
                    continue
        except InputError as e:  # a file that cannot be read, or (fix.FixError) written
            print(f"newslint: {e}", file=sys.stderr)
            failed = True
            continue
        for error in result.errors:
            print(f"newslint: {error}", file=sys.stderr)
            failed = True
        for notice in result.notices:  # said once for the run, not once per file
            if notice not in notices:
                notices.add(notice)
                print(f"newslint: {notice}", file=sys.stderr)
        results.append(result)
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
    """Fix one file (or print its diff): (the findings that remain or None, fixed, changed)."""
    source = fix.read(path)
    name = "<stdin>" if path == STDIN else path
    fixed = fix.fix_text(linter, source.text, name, unsafe=args.unsafe_fixes)
    if not fixed.settled:
        print(f"newslint: {name}: fixes kept coming after {fix.MAX_PASSES} passes; check the result",
              file=sys.stderr)
    changed = fixed.text != source.text
    if args.diff:
        if changed:
            sys.stdout.write(fix.unified_diff(source, fixed.text))
        return None, fixed.applied, changed
    final = fixed.text.replace("\n", source.newline) if source.newline != "\n" else fixed.text
    if path == STDIN:  # fixing stdin prints the fixed text, and nothing else, to stdout
        sys.stdout.write(final)
        return None, fixed.applied, changed
    if changed:
        fix.write(source, fixed.text)
    return linter.lint_text(final, path), fixed.applied, changed
