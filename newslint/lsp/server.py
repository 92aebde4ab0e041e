"""The language server: newslint's state and behaviour (`Server`), wired to pygls at the edge
(`build_server`). pygls is imported with this module, which `newslint lsp` alone imports."""

from __future__ import annotations

import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from lsprotocol import types as t
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from ..config import CONFIG_FILES
from ..fix import choose_edits, fix_title
from ..linter import Linter, LinterCache
from ..model import Finding
from ..packs.docs import rule_help
from ..version import __version__
from .buffer import TextBuffer, document_kind, uri_to_path

DEBOUNCE_SECONDS = 0.3  # lint once typing pauses this long
MAX_LIVE_CHARS = 1_000_000  # about 150,000 words; a news story is a few thousand
PACK_SUFFIXES = (".yaml", ".yml")  # saving a rule pack in the editor reloads the rules
FIX_ALL_KIND = "source.fixAll.newslint"
_SEVERITY = {"error": 1, "warning": 2, "info": 3}  # LSP DiagnosticSeverity


@dataclass
class OpenDocument:
    uri: str
    path: str | None  # file system path; None for an unsaved buffer
    kind: str  # "text", "markdown" or "html"
    buffer: TextBuffer
    version: int | None = None
    linted_version: object = None  # the version `findings` belong to
    findings: list[Finding] = field(default_factory=list)
    pending: object = None  # the debounce timer


class ConfigProblem(Exception):
    """The configuration cannot be loaded; str() says why, for the user."""


class _Protocol(LanguageServerProtocol):
    """Document sync without pygls' workspace copy (the server keeps its own TextBuffers), an
    error response to a request whose params do not parse (pygls only logs it), and no future
    kept for each notification (pygls keeps them all)."""

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if isinstance(data.get("id"), (int, str)) and "method" in data:
                self._send_response(data["id"], None, error.to_response_error())
            raise

    def _check_handler_result(self, future):
        # pygls (2.1) files the future of a notification whose handler is a generator or a
        # coroutine (did_open, did_change, did_close, ...) under a made-up id among the pending
        # requests, and nothing takes it out: about 2 KB for each keystroke, without bound. Only
        # notifications' futures end here, once done, so it is taken out now (a scan of the few
        # requests in flight).
        pending = self._request_futures
        for msg_id in [key for key, value in list(pending.items()) if value is future]:
            del pending[msg_id]
        super()._check_handler_result(future)

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
    """newslint's language server: open documents, one Linter per configuration, linting off the
    event loop one document at a time, and the LSP features."""

    def __init__(self, configure=None):
        super().__init__(
            "newslint",
            __version__,
            protocol_cls=_Protocol,
            text_document_sync_kind=t.TextDocumentSyncKind.Incremental,
            max_workers=2,
        )
        self.docs: dict[str, OpenDocument] = {}
        self.linters = LinterCache(configure)
        self.lint_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")
        self.shown_errors: set[str] = set()

    def report_server_error(self, error, source):
        # Malformed input is the client's problem: note it in the log, do not pop up a window.
        self.window_log_message(
            t.LogMessageParams(type=t.MessageType.Warning, message=f"newslint: ignored a bad message: {error}")
        )

    # -- helpers ---------------------------------------------------------------------------------

    def linter_for(self, doc: OpenDocument) -> Linter:
        try:
            return self.linters.for_path(doc.path)
        except Exception as e:  # whatever the configuration raises, the editor gets one message
            raise ConfigProblem(str(e) or e.__class__.__name__) from None

    def encoding(self) -> str:
        try:
            kind = self.workspace.position_encoding or "utf-16"
        except Exception:  # before initialize
            return "utf-16"
        return getattr(kind, "value", kind)  # an enum member, or the string a client sent

    @staticmethod
    def lsp_range(buf: TextBuffer, start: int, end: int) -> t.Range:
        (sl, sc), (el, ec) = buf.position(start), buf.position(end)
        return t.Range(start=t.Position(line=sl, character=sc), end=t.Position(line=el, character=ec))

    def diagnostic(self, doc: OpenDocument, f: Finding) -> t.Diagnostic:
        return t.Diagnostic(
            range=self.lsp_range(doc.buffer, f.start, f.end),
            severity=t.DiagnosticSeverity(_SEVERITY[f.severity]),
            code=f.rule,
            source="newslint",
            message=f.message,
            data={"fix": bool(f.fix), "safe": f.fix_safe},
        )

    def notice(self, doc: OpenDocument, message: str, severity: int) -> t.Diagnostic:
        """A diagnostic about the buffer as a whole, at its first character."""
        return t.Diagnostic(
            range=self.lsp_range(doc.buffer, 0, 0),
            severity=t.DiagnosticSeverity(severity),
            code="newslint",
            source="newslint",
            message=message,
        )

    def publish(self, doc: OpenDocument, diagnostics) -> None:
        self.text_document_publish_diagnostics(
            t.PublishDiagnosticsParams(uri=doc.uri, version=doc.version, diagnostics=diagnostics)
        )

    def show_once(self, message: str, kind=t.MessageType.Error) -> None:
        if message not in self.shown_errors:
            self.shown_errors.add(message)
            self.window_show_message(t.ShowMessageParams(type=kind, message=message))

    # -- linting ---------------------------------------------------------------------------------

    async def lint(self, doc: OpenDocument) -> bool:
        """Lint the document's current text and keep the findings; False if it changed meanwhile."""
        version, text = doc.version, doc.buffer.text
        linter = self.linter_for(doc)  # raises ConfigProblem
        result = await asyncio.get_running_loop().run_in_executor(
            self.lint_pool, linter.lint_text, text, doc.path or doc.uri, doc.kind
        )
        if self.docs.get(doc.uri) is not doc or doc.version != version:
            return False
        doc.findings, doc.linted_version = result.findings, version
        for error in result.errors:  # a rule that failed: said once, the other rules still report
            self.show_once(f"newslint: {error}", t.MessageType.Warning)
        return True

    async def lint_and_publish(self, uri: str) -> None:
        doc = self.docs.get(uri)
        if doc is None:
            return
        doc.pending = None
        size = len(doc.buffer.text)
        if size > MAX_LIVE_CHARS:
            doc.findings, doc.linted_version = [], doc.version
            self.publish(
                doc,
                [
                    self.notice(
                        doc,
                        f"newslint: this buffer has {size:,} characters; drafts over "
                        f"{MAX_LIVE_CHARS:,} are not checked as you type. "
                        "Run 'newslint check' on the file instead.",
                        3,
                    )
                ],
            )
            return
        try:
            if await self.lint(doc):
                self.publish(doc, [self.diagnostic(doc, f) for f in doc.findings])
        except ConfigProblem as e:
            message = f"newslint: configuration error: {str(e).rstrip('.')}. Checking is paused until it is fixed."
            self.show_once(message)
            doc.findings, doc.linted_version = [], doc.version
            self.publish(doc, [self.notice(doc, message, 1)])
        except Exception as e:  # a bug in a rule must not take the server down
            logging.getLogger(__name__).exception("linting %s failed", uri)
            self.show_once(f"newslint: checking failed: {e.__class__.__name__}: {e}")

    def schedule(self, uri: str, delay: float) -> None:
        doc = self.docs.get(uri)
        if doc is None:
            return
        if doc.pending is not None:
            doc.pending.cancel()
        loop = asyncio.get_running_loop()
        doc.pending = loop.call_later(delay, lambda: asyncio.ensure_future(self.lint_and_publish(uri)))

    def reload_config(self, why: str) -> None:
        self.linters.clear()
        self.shown_errors.clear()
        self.window_log_message(t.LogMessageParams(type=t.MessageType.Info, message=f"newslint: {why}; reloading"))
        for uri in list(self.docs):
            self.schedule(uri, 0)

    async def current_findings(self, doc: OpenDocument) -> list[Finding]:
        """Findings that belong to the text as it is now (lint again if it changed since)."""
        if len(doc.buffer.text) > MAX_LIVE_CHARS:
            return []
        if doc.linted_version != doc.version or doc.linted_version is None:
            try:
                await self.lint(doc)
            except ConfigProblem:
                return []
        return doc.findings if doc.linted_version == doc.version else []

    # -- lifecycle and document sync -------------------------------------------------------------

    def initialized(self, params) -> None:
        watch = self.client_capabilities.workspace
        dynamic = watch and watch.did_change_watched_files and watch.did_change_watched_files.dynamic_registration
        if dynamic:
            watchers = [t.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
            self.client_register_capability(
                t.RegistrationParams(
                    registrations=[
                        t.Registration(
                            id="newslint-config-files",
                            method=t.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=t.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                        )
                    ]
                )
            )

    def did_open(self, params: t.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = uri_to_path(item.uri)
        self.docs[item.uri] = OpenDocument(
            item.uri, path, document_kind(item.language_id, path), TextBuffer(item.text, self.encoding()), item.version
        )
        self.schedule(item.uri, 0)

    def did_change(self, params: t.DidChangeTextDocumentParams) -> None:
        doc = self.docs.get(params.text_document.uri)
        if doc is None:
            return
        for change in params.content_changes:
            doc.buffer.apply_change(change)
        doc.version = params.text_document.version
        self.schedule(doc.uri, DEBOUNCE_SECONDS)

    def did_save(self, params: t.DidSaveTextDocumentParams) -> None:
        name = os.path.basename(uri_to_path(params.text_document.uri) or "")
        if name in CONFIG_FILES or name.endswith(PACK_SUFFIXES):
            self.reload_config(f"{name} was saved")
        else:
            self.schedule(params.text_document.uri, 0)

    def did_close(self, params: t.DidCloseTextDocumentParams) -> None:
        doc = self.docs.pop(params.text_document.uri, None)
        if doc is not None:
            if doc.pending is not None:
                doc.pending.cancel()
            self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=doc.uri, diagnostics=[]))

    def did_change_watched_files(self, params: t.DidChangeWatchedFilesParams) -> None:
        names = {os.path.basename(uri_to_path(c.uri) or c.uri) for c in params.changes}
        changed = sorted(names & set(CONFIG_FILES))
        if changed:
            self.reload_config(f"{', '.join(changed)} changed")

    def did_change_configuration(self, params) -> None:
        pass  # editor settings are not used: configuration lives in files, as for `newslint check`

    # -- features --------------------------------------------------------------------------------

    def workspace_edit(self, doc: OpenDocument, edits) -> t.WorkspaceEdit:
        text_edits = [
            t.TextEdit(range=self.lsp_range(doc.buffer, e.start, e.end), new_text=e.replacement) for e in edits
        ]
        caps = self.client_capabilities.workspace
        if caps and caps.workspace_edit and caps.workspace_edit.document_changes and doc.version is not None:
            return t.WorkspaceEdit(
                document_changes=[
                    t.TextDocumentEdit(
                        text_document=t.OptionalVersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version),
                        edits=text_edits,
                    )
                ]
            )
        return t.WorkspaceEdit(changes={doc.uri: text_edits})

    async def code_action(self, params: t.CodeActionParams) -> list[t.CodeAction]:
        doc = self.docs.get(params.text_document.uri)
        if doc is None:
            return []
        findings = await self.current_findings(doc)
        only = params.context.only
        start = doc.buffer.offset(params.range.start.line, params.range.start.character)
        end = doc.buffer.offset(params.range.end.line, params.range.end.character)
        actions = []
        if _wanted(only, "quickfix"):
            for f in findings:
                if f.fix and f.start <= end and start <= f.end:
                    actions.append(
                        t.CodeAction(
                            title=f"{fix_title(doc.buffer.text, f)} ({f.rule}"
                            f"{'' if f.fix_safe else '; check the result'})",
                            kind=t.CodeActionKind.QuickFix,
                            diagnostics=[self.diagnostic(doc, f)],
                            is_preferred=f.fix_safe,
                            edit=self.workspace_edit(doc, f.fix),
                        )
                    )
        safe = choose_edits(findings)
        if safe and _wanted(only, FIX_ALL_KIND):
            count = sum(1 for f in findings if f.fix_safe)
            actions.append(
                t.CodeAction(
                    title=f"Apply all safe newslint fixes in this document ({count})",
                    kind=FIX_ALL_KIND,
                    edit=self.workspace_edit(doc, safe),
                )
            )
        return actions

    async def hover(self, params: t.HoverParams) -> t.Hover | None:
        doc = self.docs.get(params.text_document.uri)
        if doc is None:
            return None
        at = doc.buffer.offset(params.position.line, params.position.character)
        here = [f for f in await self.current_findings(doc) if f.start <= at <= f.end]
        if not here:
            return None
        try:
            rules = {r.id: r for r in self.linter_for(doc).engine.rules}
        except ConfigProblem:
            return None
        parts = [rule_help(rules[f.rule]) if f.rule in rules else f"**{f.rule}**: {f.message}" for f in here]
        return t.Hover(
            contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
            range=self.lsp_range(doc.buffer, here[0].start, here[0].end),
        )


def _wanted(only, kind: str) -> bool:
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


def build_server(configure=None) -> Server:
    """A Server with its features registered (not started). `configure(path)` gives the Config for
    a draft (default: the configuration file governing its folder, as on the command line)."""
    server = Server(configure)
    features = [
        (t.INITIALIZED, server.initialized, None),
        (t.TEXT_DOCUMENT_DID_OPEN, server.did_open, None),
        (t.TEXT_DOCUMENT_DID_CHANGE, server.did_change, None),
        (t.TEXT_DOCUMENT_DID_SAVE, server.did_save, None),
        (t.TEXT_DOCUMENT_DID_CLOSE, server.did_close, None),
        (t.WORKSPACE_DID_CHANGE_WATCHED_FILES, server.did_change_watched_files, None),
        (t.WORKSPACE_DID_CHANGE_CONFIGURATION, server.did_change_configuration, None),
        (
            t.TEXT_DOCUMENT_CODE_ACTION,
            server.code_action,
            t.CodeActionOptions(code_action_kinds=[t.CodeActionKind.QuickFix, FIX_ALL_KIND]),
        ),
        (t.TEXT_DOCUMENT_HOVER, server.hover, None),
    ]
    for name, method, options in features:
        server.feature(name, options)(_handler(method))
    return server


def _handler(method):
    """A plain function for a bound method: pygls marks the handlers it registers."""
    if asyncio.iscoroutinefunction(method):

        async def handle(params):
            return await method(params)
    else:

        def handle(params):
            return method(params)

    return handle
