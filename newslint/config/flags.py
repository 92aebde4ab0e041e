"""The command line's flags on top of a draft's configuration: one meaning for `check`, `audit`
and the other commands."""

from __future__ import annotations

from dataclasses import replace

from .files import load_config
from .model import Config


def config_with_flags(args, path=None) -> Config:
    """The configuration for `path` (None: the current folder) with the command line's flags
    on top: --profile, --select and --min-level replace; --pack and --ignore add."""

    base = load_config(path, getattr(args, "config", None))
    changes = {}
    if getattr(args, "profile", None):
        changes["profile"] = args.profile
    if getattr(args, "pack", None):
        changes["packs"] = base.packs + tuple(args.pack)
    if getattr(args, "select", None):
        changes["select"] = tuple(args.select)
    if getattr(args, "ignore", None):
        changes["ignore"] = base.ignore + tuple(args.ignore)
    if getattr(args, "min_level", None):
        changes["min_level"] = args.min_level
    if getattr(args, "report_unused_suppressions", None):
        changes["report_unused_suppressions"] = True
    # Naming a server, requiring grammar or selecting grammar rules is asking for grammar too.
    if (
        getattr(args, "grammar", False)
        or getattr(args, "grammar_required", False)
        or getattr(args, "grammar_server", None)
        or any(s == "grammar" or s.startswith("grammar.") for s in getattr(args, "select", None) or ())
    ):
        changes["grammar"] = True
    if getattr(args, "grammar_server", None):
        changes["grammar_server"] = args.grammar_server
    if getattr(args, "grammar_timeout", None) is not None:
        changes["grammar_timeout"] = args.grammar_timeout
    return replace(base, **changes) if changes else base
