"""The command line: newslint [check] PATH..., rules, explain, test-rules, config, lsp."""

from __future__ import annotations

import argparse
import sys

from ..config.flags import config_with_flags
from ..model import LEVELS, PROFILES
from ..version import __version__
from . import terminal
from .check import run_check
from .exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS

COMMANDS = ("check", "rules", "explain", "test-rules", "config", "lsp", "serve", "audit")


def _list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def _seconds(value: str) -> float:
    seconds = float(value)
    if not 0 < seconds < float("inf"):  # nan and inf too
        raise argparse.ArgumentTypeError("must be a number of seconds above 0")
    return seconds


def selection_options(p, *, verb: str = "report") -> None:
    """--select, --ignore and --min-level: which rules run, for check and audit alike."""
    p.add_argument(
        "--select",
        *(("--rules",) if verb == "count" else ()),
        action="extend",
        type=_list,
        default=[],
        metavar="RULES",
        help="only these rule ids or categories (comma-separated)",
    )
    p.add_argument(
        "--ignore",
        action="extend",
        type=_list,
        default=[],
        metavar="RULES",
        help="leave out these rule ids or categories (comma-separated)",
    )
    p.add_argument(
        "--min-level",
        default=None,
        choices=LEVELS,
        help=f"{verb} nothing below this level (default: the configuration's, else info)",
    )


def _parser() -> argparse.ArgumentParser:
    from ..report import FORMATS

    parser = argparse.ArgumentParser(
        prog="newslint",
        description="An editorial quality-check linter for news copy.",
        epilog="Run 'newslint COMMAND --help' for a command's options. 'newslint PATH' means 'newslint check PATH'.",
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def rule_options(p):
        p.add_argument(
            "--profile", default=None, choices=PROFILES, help="house style (default: the configuration's, else ap)"
        )
        p.add_argument(
            "--pack", action="append", default=[], metavar="PATH", help="an extra rule pack file or folder (repeatable)"
        )
        p.add_argument(
            "--config",
            default=None,
            metavar="FILE",
            help="use this configuration file (default: the nearest .newslint.yaml, .newslint.yml "
            "or pyproject.toml with [tool.newslint], from each file's folder upward)",
        )

    check = sub.add_parser(
        "check",
        help="lint drafts (the default command)",
        description="Lint drafts: files, folders (.txt, .md, .markdown, .html, .htm, .docx) or - for stdin.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--format", "-f", default="text", choices=FORMATS, help="output format (default: text)")
    rule_options(check)
    selection_options(check)
    check.add_argument(
        "--fail-level",
        default="warning",
        choices=LEVELS,
        help="exit 1 when a finding is at or above this level (default: warning)",
    )
    check.add_argument("--color", default="auto", choices=("auto", "always", "never"))
    grammar = check.add_argument_group("grammar and spelling (LanguageTool)")
    grammar.add_argument("--grammar", action="store_true", help="also run the grammar pack through LanguageTool")
    grammar.add_argument(
        "--grammar-server",
        metavar="URL",
        help="a LanguageTool server (default: $NEWSLINT_LANGUAGETOOL_URL, else a local LanguageTool)",
    )
    grammar.add_argument(
        "--grammar-timeout",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="how long LanguageTool gets for each request (default: 10)",
    )
    grammar.add_argument(
        "--grammar-required",
        action="store_true",
        help="exit 2 when grammar was asked for and LanguageTool could not be used",
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files, then report what remains")
    check.add_argument("--unsafe-fixes", action="store_true", help="apply unsafe fixes too (implies --fix)")
    check.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    check.add_argument(
        "--report-unused-suppressions",
        action="store_true",
        default=None,
        help="report suppression directives that silence nothing",
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="check files in N processes (default: one per CPU core); the output is the same",
    )
    check.add_argument(
        "--statistics", action="store_true", help="after the output, print to stderr the time and findings of each rule"
    )

    rules = sub.add_parser("rules", help="list the rules")
    rule_options(rules)
    explain = sub.add_parser("explain", help="show what a rule checks, why, and its examples")
    explain.add_argument("rule", help="a rule id such as quotes.unclosed, or a rule type such as consistency")
    rule_options(explain)
    test = sub.add_parser("test-rules", help="run the examples of rule packs")
    test.add_argument("packs", nargs="*", metavar="PACK", help="pack files or folders (default: the built-in packs)")
    test.add_argument("--profile", default=None, choices=PROFILES, help="only this profile (default: each)")
    config = sub.add_parser(
        "config",
        help="print the configuration that applies to a file",
        description="Print the resolved configuration for a file (default: the current folder).",
    )
    config.add_argument("path", nargs="?", default=None, metavar="PATH")
    config.add_argument("--config", default=None, metavar="FILE", help="use this configuration file")
    sub.add_parser("lsp", help="run the language server on stdin/stdout")
    serve = sub.add_parser(
        "serve",
        help="serve LanguageTool clients, a JSON API and a web page over HTTP",
        description="A LanguageTool-compatible server (/v2/check), newslint's JSON API "
        "(/api/check, /api/fix) and a page to check drafts in (/).",
    )
    from ..audit.command import add_parser as add_audit  # pyarrow and Dask load only when it runs
    from ..serve.run import add_arguments  # the option definitions only: the web stack loads when it runs

    add_arguments(serve)
    add_audit(sub, rule_options, selection_options, _list)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # A pipe or console that cannot show a character of the copy gets '?', not a traceback.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    terminal.install()  # file names and pack messages cannot send escapes to the terminal
    if argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "check")
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return EXIT_ERROR
    from ..packs import RuleError

    try:
        return {
            "check": run_check,
            "rules": _rules,
            "explain": _explain,
            "test-rules": _test_rules,
            "config": _show_config,
            "lsp": _lsp,
            "serve": _serve,
            "audit": _audit,
        }[args.command](args)
    except RuleError as e:
        print(f"newslint: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`newslint check | head -1`): the report was not delivered, so a
        # check does not claim to be clean. Later writes (the interpreter's last flush) go nowhere.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR if args.command == "check" else EXIT_CLEAN


def _show_config(args) -> int:
    import yaml

    config = config_with_flags(args, args.path)
    settings = config.to_dict()
    if args.path:
        settings = {"path": args.path, "excluded": config.is_excluded(args.path), **settings}
    sys.stdout.write(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True, default_flow_style=False))
    return EXIT_CLEAN


def _rules(args) -> int:
    from dataclasses import replace

    from ..model import CATEGORIES, CATEGORY_HEADINGS

    # Grouped by category, in the order of CATEGORIES (then pack order), under a heading each,
    # so that a standards editor reads the house's rules as a style sheet.
    rules = replace(config_with_flags(args), grammar=True).rules()  # list the grammar rules too
    order = {category: i for i, category in enumerate(CATEGORIES)}
    rules = sorted(rules, key=lambda rule: order.get(rule.category, len(order)))
    for i, rule in enumerate(rules):
        if i == 0 or rule.category != rules[i - 1].category:
            print(f"{rule.category}: {CATEGORY_HEADINGS.get(rule.category, rule.category)}")
        print(f"  {rule.id:36} {rule.level:8} {rule.type.name:15} {rule.description or rule.message}")
    return EXIT_CLEAN


def _explain(args) -> int:
    from ..checks import TYPES
    from ..packs import load_rules
    from ..packs.docs import rule_doc

    config = config_with_flags(args)
    rule = next((r for r in config.rules() if r.id == args.rule), None)
    if rule is None:  # left out by the configuration: explain it all the same
        rule = next((r for r in load_rules(config.packs, config.profile) if r.id == args.rule), None)
    if rule is None and args.rule in TYPES:
        print(TYPES[args.rule].doc.strip())
        return EXIT_CLEAN
    if rule is None:
        elsewhere = [p for p in PROFILES if any(r.id == args.rule for r in load_rules(config.packs, p))]
        hint = (
            f"; it applies under profile {', '.join(elsewhere)}"
            if elsewhere
            else "; 'newslint rules' lists them, --pack adds a pack"
        )
        print(f"newslint: no rule {args.rule!r} under profile {config.profile}{hint}", file=sys.stderr)
        return EXIT_ERROR
    print(f"{rule.id} ({rule.level}, type {rule.type.name}, defined at {rule.origin})")
    print(f"Message: {rule.message}")
    if rule.description:
        print(f"\n{rule.description}")
    print()
    print(rule_doc(rule).strip())
    bad, good = rule.examples
    for title, texts in (("Reported", bad), ("Not reported", good)):
        if texts:
            print(f"\n{title}:")
            for t in texts:
                print("    " + t.text.replace("\n", "\n    "))
    return EXIT_CLEAN


def _test_rules(args) -> int:
    from ..packs import BUILTIN_PACKS, load_rules, pack_paths, packs_in
    from ..rule_examples import test_pack

    paths = [p for item in args.packs for p in packs_in(item)] if args.packs else pack_paths()
    profiles = [args.profile] if args.profile else list(PROFILES)
    # A user's rule must not reuse a built-in rule's id: loading them together says where.
    own = tuple(str(p) for p in paths if BUILTIN_PACKS.resolve() not in p.resolve().parents)
    for profile in profiles if own else ():
        load_rules(own, profile)
    failures = total = rules = 0
    for path in paths:
        report = test_pack(path, profiles)
        rules += len(report.rules)
        total += report.examples
        failures += len(report.problems)
        for problem in report.problems:
            print(problem)
        print(
            f"{path}: {len(report.rules)} rules, {report.examples} examples, "
            f"{'all pass' if not report.problems else f'{len(report.problems)} failed'}"
        )
    print(f"{total} examples of {rules} rules checked, {failures} failed.")
    return EXIT_FINDINGS if failures else EXIT_CLEAN


def _audit(args) -> int:
    from ..audit.command import run

    return run(args)


def _lsp(args) -> int:
    from ..lsp import serve

    return serve()


def _serve(args) -> int:
    from ..serve import INSTALL_HINT, missing_requirement

    if missing_requirement():
        print(f"newslint: {INSTALL_HINT}", file=sys.stderr)
        return EXIT_ERROR
    from ..serve.run import main

    return main(args)
