"""The command line: newslint [check] PATH..., rules, explain, test-rules."""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .finding import LEVELS, level_rank

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "rules", "explain", "test-rules", "lsp")


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _parser() -> argparse.ArgumentParser:
    from .report import FORMATS
    from .rulefile import PROFILES

    parser = argparse.ArgumentParser(
        prog="newslint", description="An editorial quality-check linter for news copy.",
        epilog="Run 'newslint COMMAND --help' for a command's options. 'newslint PATH' means 'newslint check PATH'.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def rule_options(p):
        p.add_argument("--profile", default="ap", choices=PROFILES, help="house style (default: ap)")
        p.add_argument("--pack", action="append", default=[], metavar="PATH",
                       help="an extra rule pack file or folder (repeatable)")

    check = sub.add_parser("check", help="lint drafts (the default command)",
                           description="Lint drafts: files, folders (.txt, .md, .markdown) or - for stdin.")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", "-f", default="text", choices=FORMATS, help="output format (default: text)")
    rule_options(check)
    check.add_argument("--select", action="extend", type=_list, default=[], metavar="RULES",
                       help="only these rule ids or categories (comma-separated)")
    check.add_argument("--ignore", action="extend", type=_list, default=[], metavar="RULES",
                       help="leave out these rule ids or categories (comma-separated)")
    check.add_argument("--min-level", default="info", choices=LEVELS, help="report nothing below this level")
    check.add_argument("--fail-level", default="warning", choices=LEVELS,
                       help="exit 1 when a finding is at or above this level (default: warning)")
    check.add_argument("--color", default="auto", choices=("auto", "always", "never"))

    rules = sub.add_parser("rules", help="list the rules")
    rule_options(rules)
    explain = sub.add_parser("explain", help="show what a rule checks, why, and its examples")
    explain.add_argument("rule", help="a rule id such as quotes.unclosed, or a rule type such as consistency")
    rule_options(explain)
    test = sub.add_parser("test-rules", help="run the examples of rule packs")
    test.add_argument("packs", nargs="*", metavar="PACK", help="pack files or folders (default: the built-in packs)")
    test.add_argument("--profile", default=None, choices=PROFILES, help="only this profile (default: each)")
    sub.add_parser("lsp", help="run the language server on stdin/stdout")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # A pipe or console that cannot show a character of the copy gets '?', not a traceback.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "check")
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_ERROR
    from .rulefile import RuleError

    try:
        return {"check": _check, "rules": _rules, "explain": _explain, "test-rules": _test_rules,
                "lsp": _lsp}[args.command](args)
    except RuleError as e:
        print(f"newslint: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN


def _config(args, **extra):
    from .config import Config

    return Config(profile=args.profile, packs=tuple(args.pack), **extra)


def _check(args) -> int:
    from .api import InputError, Linter, iter_files
    from .report import render

    linter = Linter(_config(args, select=tuple(args.select), ignore=tuple(args.ignore), min_level=args.min_level))
    results, failed = [], False
    for path in iter_files(args.paths):
        try:
            result = linter.lint_file(path)
        except InputError as e:
            print(f"newslint: {e}", file=sys.stderr)
            failed = True
            continue
        for error in result.errors:
            print(f"newslint: {error}", file=sys.stderr)
            failed = True
        results.append(result)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    render(args.format, results, sys.stdout, color=color)
    if failed:
        return EXIT_ERROR
    fail = level_rank(args.fail_level)
    return EXIT_FINDINGS if any(level_rank(f.severity) >= fail for r in results for f in r.findings) else EXIT_CLEAN


def _rules(args) -> int:
    for rule in _config(args).rules():
        print(f"{rule.id:34} {rule.level:8} {rule.type.name:14} {rule.description or rule.message}")
    return EXIT_CLEAN


def _explain(args) -> int:
    from .checks import TYPES
    from .rulefile import load_rules

    rules = {r.id: r for r in load_rules(tuple(args.pack), args.profile)}
    rule = rules.get(args.rule)
    if rule is None and args.rule in TYPES:
        print(TYPES[args.rule].doc.strip())
        return EXIT_CLEAN
    if rule is None:
        print(f"newslint: no rule {args.rule!r} under profile {args.profile}; 'newslint rules' lists them",
              file=sys.stderr)
        return EXIT_ERROR
    print(f"{rule.id} ({rule.level}, type {rule.type.name}, defined at {rule.origin})")
    print(f"Message: {rule.message}")
    if rule.description:
        print(f"\n{rule.description}")
    print()
    print(rule.type.doc.strip())
    bad, good = rule.examples
    for title, texts in (("Reported", bad), ("Not reported", good)):
        if texts:
            print(f"\n{title}:")
            for t in texts:
                print("    " + t.replace("\n", "\n    "))
    return EXIT_CLEAN


def _test_rules(args) -> int:
    from pathlib import Path

    from .authoring import check_examples
    from .rulefile import BUILTIN_PACKS, PROFILES, pack_paths

    paths = [p for item in args.packs for p in pack_paths_of(item)] if args.packs else pack_paths()
    failures = total = 0
    for profile in [args.profile] if args.profile else PROFILES:
        for path in paths:
            for problem, count in check_examples(Path(path), profile):
                total += count
                if problem:
                    failures += 1
                    print(problem)
    print(f"{total} examples checked, {failures} failed.")
    return EXIT_FINDINGS if failures else EXIT_CLEAN


def pack_paths_of(item: str):
    from pathlib import Path

    from .rulefile import RuleError

    p = Path(item)
    if p.is_dir():
        return sorted(list(p.glob("*.yaml")) + list(p.glob("*.yml")))
    if p.is_file():
        return [p]
    raise RuleError(item, None, "no such rule pack file or folder")


def _lsp(args) -> int:
    from .lsp import serve

    return serve()
