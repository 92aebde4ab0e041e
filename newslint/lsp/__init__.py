"""newslint as a language server: `newslint lsp` speaks LSP over stdin and stdout (pygls).

What an editor gets:
- diagnostics when a draft is opened, while it is edited (debounced: a pause in typing, not
  every key) and when it is saved, each with the rule id as its code and severity;
- the rule's explanation on hover over a finding;
- a quick fix for every finding that carries one, and one "fix all safe" source action;
- a fresh configuration when a config file (or a rule pack open in the editor) changes.

    buffer.py  an open document's text and LSP positions (UTF-16 by default)
    server.py  the Server: documents, Linters, features; pygls wiring

pygls is imported only inside `serve()`, so `newslint check` never pays for it.
"""

from __future__ import annotations

import logging
import sys

from .buffer import TextBuffer

__all__ = ["TextBuffer", "serve"]


def serve(configure=None) -> int:
    """Run the server on stdin/stdout until the client says exit. Returns the exit code."""
    try:
        from .server import build_server
    except ImportError as e:
        print(
            f"newslint: the language server needs pygls and lsprotocol ({e.name} is missing); "
            "reinstall newslint, or: pip install pygls lsprotocol",
            file=sys.stderr,
        )
        return 2
    server = build_server(configure)
    _quiet_logging()
    from .stdio import CappedStdin

    server.start_io(stdin=CappedStdin(sys.stdin.buffer))  # a huge Content-Length is refused, not read
    return 0 if server.protocol._shutdown else 1


def _quiet_logging() -> None:
    """Log warnings to stderr (the editor's server log) as single lines, never tracebacks."""

    class OneLine(logging.Formatter):
        def format(self, record):
            text = super().format(record).split("\n", 1)[0]
            if record.exc_info and record.exc_info[1] is not None:
                text += f": {record.exc_info[1].__class__.__name__}: {record.exc_info[1]}"
            return text

        def formatException(self, exc_info):
            return ""

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine("newslint lsp: %(levelname)s %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
