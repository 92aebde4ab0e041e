"""newslint as a language server: `newslint lsp` speaks LSP over stdin and stdout (pygls).

What an editor gets:
- diagnostics when a draft is opened, while it is edited (debounced: a pause in typing, not
  every key) and when it is saved, each with the rule id as its code and severity;
- the rule's explanation on hover over a finding;
- a quick fix for every finding that carries one, and one "fix all safe" source action;
- a fresh configuration when a config file (or a rule pack open in the editor) changes.

Positions: findings carry character offsets into the buffer's text. `TextBuffer` is the one
place that turns them into LSP positions and back: code units of the negotiated encoding
(UTF-16 unless the client asks otherwise) on lines broken by LSP's own line ends (\\n, \\r\\n,
\\r). The server keeps the buffer text itself rather than pygls' workspace, whose lines are
Python's `splitlines()` (which also breaks at U+2028, form feeds and more) and would drift
from the client's on copy pasted from a CMS.

pygls is imported only inside `serve()`, so `newslint check` never pays for it.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
from bisect import bisect_right
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from . import __version__
from .finding import Finding

DEBOUNCE_SECONDS = 0.3  # lint once typing pauses this long
MAX_LIVE_CHARS = 1_000_000  # about 150,000 words; a news story is a few thousand
CONFIG_NAMES = (".newslint.yaml", ".newslint.yml", "pyproject.toml")
PACK_SUFFIXES = (".yaml", ".yml")  # saving a rule pack in the editor reloads the rules
MARKDOWN_LANGUAGES = ("markdown", "gfm", "mdx", "rmd", "quarto", "vimwiki")
FIX_ALL_KIND = "source.fixAll.newslint"

_LINE_END = re.compile(r"\r\n|\r|\n")
_SEVERITY = {"error": 1, "warning": 2, "info": 3}  # LSP DiagnosticSeverity


def _load_config(path: str | None):
    """The Config for a draft at `path` (None for an unsaved buffer): the configuration file
    governing its folder, as on the command line. Anything it raises is shown to the user as one
    configuration diagnostic; the server keeps running."""
    from .config import load_config

    return load_config(path)


# -- positions -----------------------------------------------------------------------------------

def _units(text: str, encoding: str) -> int:
    """Length of `text` in code units of an LSP position encoding."""
    if encoding == "utf-16":
        return len(text.encode("utf-16-le", "surrogatepass")) // 2
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text)  # utf-32: one unit per character


class TextBuffer:
    """An open document's text, and the conversion between character offsets and LSP positions."""

    def __init__(self, text: str, encoding: str = "utf-16"):
        self.text = text
        self.encoding = encoding
        self._starts: list[int] | None = None

    @property
    def line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in _LINE_END.finditer(self.text)]
        return self._starts

    def _line_end(self, line: int) -> int:
        """Offset where `line`'s text ends (before its line break)."""
        starts = self.line_starts
        if line + 1 >= len(starts):
            return len(self.text)
        end = starts[line + 1] - 1
        return end - 1 if self.text.startswith("\r\n", end - 1) and end - 1 >= starts[line] else end

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of a character offset, 0-based, in code units of the encoding."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[line]
        return line, _units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """Character offset of an LSP position; past the end of a line means its end (LSP rule)."""
        starts = self.line_starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        start, end = starts[line], self._line_end(line)
        if self.encoding == "utf-32":
            return min(start + max(character, 0), end)
        units = 0
        for i in range(start, end):
            if units >= character:
                return i
            units += _units(self.text[i], self.encoding)
        return end

    def apply_change(self, change) -> None:
        """Apply one didChange content change: a range and its new text, or the whole text."""
        rng = getattr(change, "range", None)
        if rng is None:
            self.text = change.text
        else:
            start = self.offset(rng.start.line, rng.start.character)
            end = max(self.offset(rng.end.line, rng.end.character), start)
            self.text = self.text[:start] + change.text + self.text[end:]
        self._starts = None


# -- server state, independent of pygls ---------------------------------------------------------

@dataclass
class OpenDocument:
    uri: str
    path: str | None  # file system path; None for an unsaved buffer
    kind: str  # "text" or "markdown"
    buffer: TextBuffer
    version: int | None = None
    linted_version: object = None  # the version `findings` belong to
    findings: list[Finding] = field(default_factory=list)
    pending: object = None  # the debounce timer


def uri_to_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and re.match(r"/[A-Za-z]:", path):
        path = path[1:]
    return path


def document_kind(language_id: str | None, path: str | None) -> str:
    from .markup import kind_for

    if language_id and language_id.lower() in MARKDOWN_LANGUAGES:
        return "markdown"
    return kind_for(path or "")


class Linters:
    """One Linter per configuration until a reload. config.load_config caches the configuration
    of each file (and re-reads a configuration file whose modification time changed)."""

    def __init__(self, load_config=None):
        self._load_config = load_config or _load_config
        self._by_config: dict[object, object] = {}  # Config -> Linter

    def clear(self) -> None:
        from .config import clear_config_cache

        clear_config_cache()  # a configuration file may have been created or deleted
        self._by_config.clear()

    def for_path(self, path: str | None):
        """The Linter for a draft at `path`; raises ConfigProblem when its configuration is broken."""
        from .api import Linter

        try:
            config = self._load_config(path)
            if config not in self._by_config:
                self._by_config[config] = Linter(config)
        except Exception as e:  # whatever the loader raises, the editor gets one message
            raise ConfigProblem(str(e) or e.__class__.__name__) from None
        return self._by_config[config]


class ConfigProblem(Exception):
    """The configuration cannot be loaded; str() says why, for the user."""


# -- the server -------------------------------------------------------------------------------

def serve() -> int:
    """Run the server on stdin/stdout until the client says exit. Returns the exit code."""
    try:
        server = build_server()
    except ImportError as e:
        print(f"newslint: the language server needs pygls and lsprotocol ({e.name} is missing); "
              "reinstall newslint, or: pip install pygls lsprotocol", file=sys.stderr)
        return 2
    _quiet_logging()
    server.start_io()
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


def build_server(load_config=None):
    """A pygls LanguageServer with newslint's features (not started)."""
    from lsprotocol import types as t
    from pygls.lsp.server import LanguageServer
    from pygls.exceptions import JsonRpcException
    from pygls.protocol import LanguageServerProtocol, lsp_method

    class Protocol(LanguageServerProtocol):
        """Document sync without pygls' workspace copy (the server keeps its own TextBuffers), and
        an error response to a request whose params do not parse (pygls only logs it)."""

        def structure_message(self, data):
            try:
                return super().structure_message(data)
            except JsonRpcException as error:
                if isinstance(data.get("id"), (int, str)) and "method" in data:
                    self._send_response(data["id"], None, error.to_response_error())
                raise

        @lsp_method(t.TEXT_DOCUMENT_DID_OPEN)
        def lsp_text_document__did_open(self, params):
            yield self.fm.features[t.TEXT_DOCUMENT_DID_OPEN], (params,), None

        @lsp_method(t.TEXT_DOCUMENT_DID_CHANGE)
        def lsp_text_document__did_change(self, params):
            yield self.fm.features[t.TEXT_DOCUMENT_DID_CHANGE], (params,), None

        @lsp_method(t.TEXT_DOCUMENT_DID_CLOSE)
        def lsp_text_document__did_close(self, params):
            yield self.fm.features[t.TEXT_DOCUMENT_DID_CLOSE], (params,), None

    class Server(LanguageServer):
        def report_server_error(self, error, source):
            # Malformed input is the client's problem: note it in the log, do not pop up a window.
            self.window_log_message(t.LogMessageParams(type=t.MessageType.Warning,
                                                       message=f"newslint: ignored a bad message: {error}"))

    server = Server("newslint", __version__, protocol_cls=Protocol,
                    text_document_sync_kind=t.TextDocumentSyncKind.Incremental, max_workers=2)
    docs: dict[str, OpenDocument] = {}
    linters = Linters(load_config)
    lint_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")  # one lint at a time
    shown_errors: set[str] = set()

    def encoding() -> str:
        try:
            kind = server.workspace.position_encoding or "utf-16"
        except Exception:  # before initialize
            return "utf-16"
        return getattr(kind, "value", kind)  # an enum member, or the string a client sent

    def lsp_range(buf: TextBuffer, start: int, end: int):
        (sl, sc), (el, ec) = buf.position(start), buf.position(end)
        return t.Range(start=t.Position(line=sl, character=sc), end=t.Position(line=el, character=ec))

    def diagnostic(doc: OpenDocument, f: Finding):
        return t.Diagnostic(
            range=lsp_range(doc.buffer, f.start, f.end),
            severity=t.DiagnosticSeverity(_SEVERITY[f.severity]),
            code=f.rule, source="newslint", message=f.message,
            data={"fix": bool(f.fix), "safe": f.fix_safe})

    def notice(doc: OpenDocument, message: str, severity: int):
        """A diagnostic about the buffer as a whole, at its first character."""
        return t.Diagnostic(range=lsp_range(doc.buffer, 0, 0), severity=t.DiagnosticSeverity(severity),
                            code="newslint", source="newslint", message=message)

    def publish(doc: OpenDocument, diagnostics) -> None:
        server.text_document_publish_diagnostics(
            t.PublishDiagnosticsParams(uri=doc.uri, version=doc.version, diagnostics=diagnostics))

    def show_once(message: str, kind=t.MessageType.Error) -> None:
        if message not in shown_errors:
            shown_errors.add(message)
            server.window_show_message(t.ShowMessageParams(type=kind, message=message))

    async def lint(doc: OpenDocument) -> bool:
        """Lint the document's current text and keep the findings; False if it changed meanwhile."""
        version, text = doc.version, doc.buffer.text
        linter = linters.for_path(doc.path)  # raises ConfigProblem
        result = await asyncio.get_running_loop().run_in_executor(
            lint_pool, linter.lint_text, text, doc.path or doc.uri, doc.kind)
        if docs.get(doc.uri) is not doc or doc.version != version:
            return False
        doc.findings, doc.linted_version = result.findings, version
        for error in result.errors:  # a rule that failed: said once, the other rules still report
            show_once(f"newslint: {error}", t.MessageType.Warning)
        return True

    async def lint_and_publish(uri: str) -> None:
        doc = docs.get(uri)
        if doc is None:
            return
        doc.pending = None
        size = len(doc.buffer.text)
        if size > MAX_LIVE_CHARS:
            doc.findings, doc.linted_version = [], doc.version
            publish(doc, [notice(doc, f"newslint: this buffer has {size:,} characters; drafts over "
                                      f"{MAX_LIVE_CHARS:,} are not checked as you type. "
                                      "Run 'newslint check' on the file instead.", 3)])
            return
        try:
            if await lint(doc):
                publish(doc, [diagnostic(doc, f) for f in doc.findings])
        except ConfigProblem as e:
            message = f"newslint: configuration error: {str(e).rstrip('.')}. Checking is paused until it is fixed."
            show_once(message)
            doc.findings, doc.linted_version = [], doc.version
            publish(doc, [notice(doc, message, 1)])
        except Exception as e:  # a bug in a rule must not take the server down
            logging.getLogger(__name__).exception("linting %s failed", uri)
            show_once(f"newslint: checking failed: {e.__class__.__name__}: {e}")

    def schedule(uri: str, delay: float) -> None:
        doc = docs.get(uri)
        if doc is None:
            return
        if doc.pending is not None:
            doc.pending.cancel()
        loop = asyncio.get_running_loop()
        doc.pending = loop.call_later(delay, lambda: asyncio.ensure_future(lint_and_publish(uri)))

    def reload_config(why: str) -> None:
        linters.clear()
        shown_errors.clear()
        server.window_log_message(t.LogMessageParams(type=t.MessageType.Info, message=f"newslint: {why}; reloading"))
        for uri in list(docs):
            schedule(uri, 0)

    # -- lifecycle and document sync --

    @server.feature(t.INITIALIZED)
    def initialized(params):
        watch = server.client_capabilities.workspace
        dynamic = watch and watch.did_change_watched_files and watch.did_change_watched_files.dynamic_registration
        if dynamic:
            watchers = [t.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            server.client_register_capability(t.RegistrationParams(registrations=[t.Registration(
                id="newslint-config-files", method=t.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=t.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    def did_open(params: t.DidOpenTextDocumentParams):
        item = params.text_document
        path = uri_to_path(item.uri)
        docs[item.uri] = OpenDocument(item.uri, path, document_kind(item.language_id, path),
                                      TextBuffer(item.text, encoding()), item.version)
        schedule(item.uri, 0)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(params: t.DidChangeTextDocumentParams):
        doc = docs.get(params.text_document.uri)
        if doc is None:
            return
        for change in params.content_changes:
            doc.buffer.apply_change(change)
        doc.version = params.text_document.version
        schedule(doc.uri, DEBOUNCE_SECONDS)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    def did_save(params: t.DidSaveTextDocumentParams):
        name = os.path.basename(uri_to_path(params.text_document.uri) or "")
        if name in CONFIG_NAMES or name.endswith(PACK_SUFFIXES):
            reload_config(f"{name} was saved")
        else:
            schedule(params.text_document.uri, 0)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(params: t.DidCloseTextDocumentParams):
        doc = docs.pop(params.text_document.uri, None)
        if doc is not None:
            if doc.pending is not None:
                doc.pending.cancel()
            server.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=doc.uri, diagnostics=[]))

    @server.feature(t.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(params: t.DidChangeWatchedFilesParams):
        names = {os.path.basename(uri_to_path(c.uri) or c.uri) for c in params.changes}
        changed = sorted(names & set(CONFIG_NAMES))
        if changed:
            reload_config(f"{', '.join(changed)} changed")

    @server.feature(t.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(params):
        pass  # editor settings are not used: configuration lives in files, as for `newslint check`

    # -- features --

    async def current_findings(doc: OpenDocument) -> list[Finding]:
        """Findings that belong to the text as it is now (lint again if it changed since)."""
        if len(doc.buffer.text) > MAX_LIVE_CHARS:
            return []
        if doc.linted_version != doc.version or doc.linted_version is None:
            try:
                await lint(doc)
            except ConfigProblem:
                return []
        return doc.findings if doc.linted_version == doc.version else []

    def workspace_edit(doc: OpenDocument, edits):
        text_edits = [t.TextEdit(range=lsp_range(doc.buffer, e.start, e.end), new_text=e.replacement) for e in edits]
        caps = server.client_capabilities.workspace
        if caps and caps.workspace_edit and caps.workspace_edit.document_changes and doc.version is not None:
            return t.WorkspaceEdit(document_changes=[t.TextDocumentEdit(
                text_document=t.OptionalVersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version),
                edits=text_edits)])
        return t.WorkspaceEdit(changes={doc.uri: text_edits})

    def wanted(only, kind: str) -> bool:
        return not only or any(kind == k or kind.startswith(k + ".") for k in only)

    @server.feature(t.TEXT_DOCUMENT_CODE_ACTION, t.CodeActionOptions(
        code_action_kinds=[t.CodeActionKind.QuickFix, FIX_ALL_KIND]))
    async def code_action(params: t.CodeActionParams):
        from .fix import choose_edits, describe_fix

        doc = docs.get(params.text_document.uri)
        if doc is None:
            return []
        findings = await current_findings(doc)
        only = params.context.only
        start = doc.buffer.offset(params.range.start.line, params.range.start.character)
        end = doc.buffer.offset(params.range.end.line, params.range.end.character)
        actions = []
        if wanted(only, "quickfix"):
            for f in findings:
                if f.fix and f.start <= end and start <= f.end:
                    actions.append(t.CodeAction(
                        title=f"{describe_fix(doc.buffer.text, f).capitalize()} ({f.rule}"
                              f"{'' if f.fix_safe else '; check the result'})",
                        kind=t.CodeActionKind.QuickFix, diagnostics=[diagnostic(doc, f)],
                        is_preferred=f.fix_safe, edit=workspace_edit(doc, f.fix)))
        safe = choose_edits(findings)
        if safe and wanted(only, FIX_ALL_KIND):
            count = sum(1 for f in findings if f.fix_safe)
            actions.append(t.CodeAction(title=f"Apply all safe newslint fixes in this document ({count})",
                                        kind=FIX_ALL_KIND, edit=workspace_edit(doc, safe)))
        return actions

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    async def hover(params: t.HoverParams):
        from .rulehelp import rule_help

        doc = docs.get(params.text_document.uri)
        if doc is None:
            return None
        at = doc.buffer.offset(params.position.line, params.position.character)
        here = [f for f in await current_findings(doc) if f.start <= at <= f.end]
        if not here:
            return None
        try:
            rules = {r.id: r for r in linters.for_path(doc.path).engine.rules}
        except ConfigProblem:
            return None
        parts = [rule_help(rules[f.rule]) if f.rule in rules else f"**{f.rule}**: {f.message}" for f in here]
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=lsp_range(doc.buffer, here[0].start, here[0].end))

    return server
