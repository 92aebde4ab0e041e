"""Run rules over a Document and turn their hits into sorted Findings."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from time import perf_counter

from . import suppress
from .checks.base import start_budget, stop_budget
from .document import Document
from .model import Edit, Finding, Hit, Unavailable, level_rank
from .packs import Rule

_WORD_CHARS = re.compile(r"\w+")


class _Fields(dict):
    def __missing__(self, key):  # a placeholder this hit has no value for reads as empty
        return ""


@dataclass
class Result:
    """What linting one document gave: findings, and rules that failed on it."""

    path: str
    source: str | None = None  # the text that was linted, for reports that show it
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # rules that could not run here, and why


class Engine:
    def __init__(
        self, rules: list[Rule], min_level: str = "info", *, report_unused_suppressions: bool = False, stats=None
    ):
        self.rules = [r for r in rules if level_rank(r.level) >= level_rank(min_level)]
        self.report_unused_suppressions = report_unused_suppressions
        self.stats = stats  # a newslint.stats.RuleStats that times each rule, or None

    def lint(self, doc: Document) -> Result:
        result = Result(doc.path, doc.source)
        stats = self.stats
        if stats is not None:
            stats.add_document(doc)
        # A pattern as broad as "." would report every character, millions of findings in a
        # long file: a rule gets at most one finding per 20 characters (and 10,000 in any file).
        most = 10_000 + len(doc.text) // 20
        for rule in self.rules:
            if stats is not None:
                before, started = len(result.findings), perf_counter()
            seconds = start_budget(len(doc.text))
            count = 0
            try:
                for hit in rule.type.check(doc, rule.options):
                    if doc.in_scope(hit.start, hit.end, rule.quotes):
                        count += 1
                        if count > most:
                            result.errors.append(
                                f"{doc.path}: rule {rule.id} ({rule.origin}) stopped: more than "
                                f"{most:,} findings in this file; is its pattern too broad?"
                            )
                            break
                        result.findings.append(self.finding(doc, rule, hit))
            except Unavailable as e:
                result.notices.append(str(e))
            except TimeoutError:
                result.errors.append(
                    f"{doc.path}: rule {rule.id} ({rule.origin}) stopped: its patterns ran "
                    f"past their time limit ({seconds:.1f} s for this file)"
                )
            except Exception as e:  # one broken rule must not silence the others
                result.errors.append(f"{doc.path}: rule {rule.id} ({rule.origin}) failed: {e.__class__.__name__}: {e}")
            if stats is not None:
                stats.add(rule.id, perf_counter() - started, len(result.findings) - before)
        if "newslint" in doc.source:  # cheap test before parsing suppression directives
            result.findings = suppress.apply(
                doc.source,
                result.findings,
                path=doc.path,
                line_col=doc.line_col,
                report_unused=self.report_unused_suppressions,
                active={n for r in self.rules for n in (r.id, r.category)},
            )
        stop_budget()
        result.findings.sort(key=lambda f: f.sort_key)
        return result

    @staticmethod
    def finding(doc: Document, rule: Rule, hit: Hit) -> Finding:
        start = doc.to_source(hit.start)
        end = max(doc.to_source(hit.end, is_end=True), start)
        line, column = doc.line_col(start)
        end_line, end_column = doc.line_col(end)
        fix = None
        if rule.fix != "off" and hit.edits and all(_keeps_quoted_words(doc, e) for e in hit.edits):
            # Edits are mapped back to the source here and only here, so this is where a fix
            # that would also delete markup the copy hid (a tag, a comment, a directive) loses it.
            edits = [_whole_line_ends(doc.text, e) for e in hit.edits]
            fix = tuple(
                Edit(
                    doc.to_source(e.start), doc.to_source(e.end, is_end=e.end > e.start), _as_source(doc, e.replacement)
                )
                for e in edits
            )
            if not all(doc.only_copy(s.start, s.end, e.start) for s, e in zip(fix, edits)):
                fix = None
        return Finding(
            path=doc.path,
            rule=rule.id,
            category=rule.category,
            severity=rule.level,
            message=rule.message.format_map(_Fields(hit.fields)).strip(),
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            fix=fix,
            fix_safe=fix is not None and rule.fix == "safe",
        )


def _as_source(doc: Document, replacement: str) -> str:
    """A replacement is copy: in HTML source, "<" and "&" in it must be written as entities, or
    the fix would add markup (and the next pass would read different copy)."""
    return html.escape(replacement, quote=False) if doc.kind == "html" else replacement


def _whole_line_ends(text: str, edit: Edit) -> Edit:
    """The edit, widened so that it never splits a "\r\n": a rule that deletes a line up to
    its "\r" would leave a lone "\n" behind (a stray line break in a Windows file)."""
    start, end = edit.start, edit.end
    if edit.replacement:
        return edit  # only deletions take whole line ends with them
    if end > start and text[end - 1 : end + 1] == "\r\n":
        end += 1
    if end > start and text[start - 1 : start + 1] == "\r\n" and start > 0:
        start -= 1
    return edit if (start, end) == (edit.start, edit.end) else Edit(start, end, edit.replacement)


def _keeps_quoted_words(doc: Document, edit: Edit) -> bool:
    """A fix may change the punctuation of a direct quotation, never its words."""
    if not doc.in_quote(edit.start, max(edit.end, edit.start + 1)):
        return True
    return _WORD_CHARS.findall(doc.text[edit.start : edit.end]) == _WORD_CHARS.findall(edit.replacement)
