"""Apply fixes: choose edits that do not collide, repeat until nothing more is fixable, and write
the file back atomically, as it was (encoding, BOM, line endings, permissions).

Which fixes may touch a direct quotation is decided in engine._keeps_quoted_words: a finding
whose fix would change a quotation's words carries no fix at all. That veto sees the quotations
of one pass; fix_text holds every later pass to the same rule for the quotations of the draft as
written (a fix to a quotation mark can re-pair the marks, and a word quoted in the draft then
looks unquoted to the next pass).
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import stat
import tempfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .document import Document
from .model import Edit, Finding
from .source import STDIN, InputError, decode_with_encoding, is_word, kind_for, read_bytes

_WORDS = re.compile(r"\w+")
MAX_PASSES = 10  # a fix may reveal another (a doubled word inside a doubled space); never loops


class FixError(InputError):
    """A file that could not be fixed; str() is the one-line message for the user."""


@dataclass
class SourceFile:
    """A file as read for fixing: enough to write it back byte for byte the same way."""

    path: str
    data: bytes
    text: str  # with "\n" line ends when the file used "\r\n" throughout (see newline)
    encoding: str
    bom: bytes
    newline: str  # "\r\n" or "\n": how to write line ends back

    def encode(self, text: str) -> bytes:
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return self.bom + text.encode(self.encoding)


def read(path: str) -> SourceFile:
    if is_word(path):
        raise FixError(f"{path}: .docx drafts are read-only; make the changes in Word")
    data = read_bytes(path)
    text, encoding, bom = decode_with_encoding(data, "<stdin>" if path == STDIN else path)
    # A file with Windows line ends throughout is fixed as "\n" text and written back with
    # "\r\n", so a fix that deletes a line cannot leave a lone "\r" or "\n" behind.
    newline = "\n"
    if "\r\n" in text and text.count("\r\n") == text.count("\n"):
        text, newline = text.replace("\r\n", "\n"), "\r\n"
    return SourceFile(path, data, text, encoding, bom, newline)


def choose_edits(findings: list[Finding], *, unsafe: bool = False) -> list[Edit]:
    """The edits of the fixable findings that do not collide with an earlier finding's
    (findings come sorted, so the earlier finding in the text wins)."""
    chosen: list[Edit] = []
    # The chosen edits never collide, so sorted by start they are sorted by end too, and an
    # edit need only be compared with its neighbours there: linear time overall, where
    # comparing with every chosen edit took 60 s for 16,000 fixes.
    by_start: list[Edit] = []
    starts: list[int] = []
    for finding in findings:
        if not finding.fix or not (finding.fix_safe or unsafe):
            continue
        edits = sorted(finding.fix, key=lambda e: (e.start, e.end))
        if any(_collide(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :]) or any(
            _collides_with_chosen(a, by_start, starts) for a in edits
        ):
            continue
        chosen.extend(edits)
        for edit in edits:
            at = bisect_left(starts, edit.start)
            starts.insert(at, edit.start)
            by_start.insert(at, edit)
    return chosen


def _collides_with_chosen(edit: Edit, by_start: list[Edit], starts: list[int]) -> bool:
    at = max(bisect_left(starts, edit.start) - 1, 0)
    while at < len(by_start) and by_start[at].start <= edit.end:
        if _collide(edit, by_start[at]):
            return True
        at += 1
    return False


def _collide(a: Edit, b: Edit) -> bool:
    """Overlapping spans, or two edits at one point (their order would be a guess)."""
    return (
        a.start < b.end
        and b.start < a.end
        or a.start == b.start
        or ((a.start == a.end or b.start == b.end) and (a.start == b.end or b.start == a.end))
    )


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-colliding edits (as from choose_edits) to `text`, in one pass."""
    out, last = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(text[last : e.start])
        out.append(e.replacement)
        last = e.end
    out.append(text[last:])
    return "".join(out)


def describe_fix(source: str | None, finding: Finding) -> str:
    """A short phrase for a fix: "replace ' ,' with ','", "delete 'the '", "insert ','"."""
    if not finding.fix:
        return ""
    if len(finding.fix) > 1 or source is None:
        return f"apply {len(finding.fix)} edits" if len(finding.fix) > 1 else "apply the fix"
    edit = finding.fix[0]
    old, new = _short(source[edit.start : edit.end]), _short(edit.replacement)
    if edit.start == edit.end:
        return f"insert '{new}'"
    if not edit.replacement:
        return f"delete '{old}'"
    return f"replace '{old}' with '{new}'"


def fix_title(source: str | None, finding: Finding) -> str:
    """describe_fix as a title: "Replace 'ISIS' with 'Islamic State'". str.capitalize() would
    lower-case the copy quoted in it ("isis")."""
    text = describe_fix(source, finding)
    return text[:1].upper() + text[1:]


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", "\u21b5")
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


@dataclass
class Fixed:
    text: str  # the fixed text
    applied: int  # findings fixed
    settled: bool  # False when fixes were still coming after MAX_PASSES


def fix_text(linter, text: str, path: str, *, unsafe: bool = False) -> Fixed:
    """Fix until the text is a fixed point: linting it again offers nothing more to apply."""
    applied = 0
    quoted = None  # the draft's quotations, carried through each pass's edits
    for _ in range(MAX_PASSES):
        findings = linter.lint_text(text, path).findings
        if quoted is None:
            quoted = _Quotations.of(text, path)  # the first pass's own veto holds them already
        else:
            findings = quoted.keep_words(text, findings)
        edits = choose_edits(findings, unsafe=unsafe)
        if not edits:
            return Fixed(text, applied, True)
        taken = set(edits)  # not `in edits`: a list, searched once per fix, was quadratic
        applied += sum(1 for f in findings if f.fix and any(e in taken for e in f.fix))
        text = apply_edits(text, edits)
        quoted.carry(edits)
    settled = not choose_edits(quoted.keep_words(text, linter.lint_text(text, path).findings), unsafe=unsafe)
    return Fixed(text, applied, settled)


class _Quotations:
    """The direct quotations of a draft as written, as sorted disjoint (start, end) spans of the
    text being fixed, moved along as each pass's edits are applied."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    @classmethod
    def of(cls, text: str, path: str) -> _Quotations:
        try:
            doc = Document(text, path, kind_for(path))
            spans = []
            for q in doc.quotes:  # outermost quotations only, as the engine's veto reads them
                start, end = doc.to_source(q.start), doc.to_source(q.end, is_end=True)
                if q.depth == 0 and (not spans or start >= spans[-1][1]):
                    spans.append((start, end))
        except InputError:
            spans = []  # the linter said why already
        return cls(spans)

    def keep_words(self, text: str, findings: list[Finding]) -> list[Finding]:
        """`findings` without those whose fix changes the words of one of these quotations (the
        engine's rule, _keeps_quoted_words, for quotations the pass itself may no longer see)."""
        if not self.starts:
            return findings
        return [f for f in findings if not f.fix or all(self._keeps(text, e) for e in f.fix)]

    def _keeps(self, text: str, edit: Edit) -> bool:
        start, end = edit.start, max(edit.end, edit.start + 1)
        i = bisect_right(self.starts, end - 1) - 1
        if i < 0 or start >= self.ends[i] or end <= self.starts[i]:
            return True
        return _WORDS.findall(text, edit.start, edit.end) == _WORDS.findall(edit.replacement)

    def carry(self, edits: list[Edit]) -> None:
        """Move the spans to where they are once `edits` (sorted, not colliding) are applied."""
        if not self.starts or not edits:
            return
        edits = sorted(edits, key=lambda e: (e.start, e.end))  # not colliding: sorted by end too
        self.starts = _moved(self.starts, edits, at_end=False)
        self.ends = _moved(self.ends, edits, at_end=True)


def _moved(positions: list[int], edits: list[Edit], *, at_end: bool) -> list[int]:
    """Sorted positions after sorted, non-colliding edits are applied. Text inserted right at a
    position lands before it, unless the position ends a span (`at_end`): then after it."""
    moved, shift, k = [], 0, 0
    for p in positions:
        while k < len(edits) and (edits[k].end < p or (edits[k].end == p and (edits[k].start < p or not at_end))):
            shift += len(edits[k].replacement) - (edits[k].end - edits[k].start)
            k += 1
        moved.append(p + shift)
    return moved


def quoted_words_changed(before: str, after: str) -> list[str]:
    """Words of a direct quotation in `before` that `after` changed, dropped or added to: what
    a fix must never do (the tests and benchmarks/fix_audit.py check it; the engine enforces it).
    Words are compared in order over the whole text, so a fix that only moves a quotation
    mark, and so re-pairs the quotations, changes nothing here.

    Matching words in order is ambiguous when a word recurs: `ISIS "ISIS"` fixed to `Islamic
    State "ISIS"` matches the quoted ISIS as well as the first. Matched from the start, the
    first is kept and the quoted one counted as changed; so the words are matched from the
    end too, and a change is reported only when both ways find one (the first way's words)."""
    doc = Document(before)  # plain text: offsets into `before` are offsets into doc.text
    old = [(m.group(), m.start()) for m in _WORDS.finditer(before)]
    new = [m.group() for m in _WORDS.finditer(after)]
    changed = _changed_in_quotes(doc, old, new, len(before))
    if changed:
        end = len(before)
        flipped = [(word, end - start - len(word)) for word, start in reversed(old)]
        if not _changed_in_quotes(_Flipped(doc, end), flipped, new[::-1], end):
            return []
    return changed


class _Flipped:
    """in_quote() of a document read from the end: offsets counted back from `end`."""

    def __init__(self, doc: Document, end: int):
        self.doc, self.end = doc, end

    def in_quote(self, start: int, stop: int) -> bool:
        return self.doc.in_quote(self.end - stop, self.end - start)


def _changed_in_quotes(doc, old: list[tuple[str, int]], new: list[str], end: int) -> list[str]:
    changed = []
    matcher = difflib.SequenceMatcher(a=[w for w, _ in old], b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if a1 == a2:  # words added: inside a quotation if both neighbours are
            left, right = old[a1 - 1][1] if a1 else 0, old[a1][1] if a1 < len(old) else end
            if doc.in_quote(left, left + 1) and doc.in_quote(right, right + 1):
                changed.extend(new[b1:b2])
            continue
        if a1 != a2 and b1 == b2 and _slides_out_of_quotes(doc, old, a1, a2):
            continue
        changed.extend(word for word, start in old[a1:a2] if doc.in_quote(start, start + len(word)))
    return changed


def _slides_out_of_quotes(doc, old: list[tuple[str, int]], a1: int, a2: int) -> bool:
    """Could the words old[a1:a2], deleted, as well be the same words just before or after them,
    outside any quotation? ("the the “the" losing a "the": the deleted one may be any of three.)"""
    n = a2 - a1

    def unquoted(lo: int) -> bool:
        return not any(doc.in_quote(start, start + len(word)) for word, start in old[lo : lo + n])

    lo = a1  # deleting old[lo - 1 : lo + n - 1] instead leaves the same words when these agree
    while lo > 0 and old[lo - 1][0] == old[lo + n - 1][0]:
        lo -= 1
        if unquoted(lo):
            return True
    lo = a1
    while lo + n < len(old) and old[lo][0] == old[lo + n][0]:
        lo += 1
        if unquoted(lo):
            return True
    return False


def unified_diff(source: SourceFile, new_text: str) -> str:
    name = source.path.lstrip("/")
    return "".join(
        difflib.unified_diff(
            source.text.splitlines(keepends=True),
            new_text.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
    )


TEMP_SUFFIX = ".newslint"  # a temporary file is ".NAME.RANDOM.newslint" beside the file: no
# draft suffix, so `newslint check` passes over one that a kill -9 left behind (delete it freely)


def write(source: SourceFile, new_text: str, *, root: str | None = None) -> None:
    """Replace the file with `new_text` atomically: a temporary file beside it, flushed to
    disk, given the file's permissions, then renamed over it -- unless the file changed since
    it was read, in which case it is left alone and FixError says so.

    A symlink stays a symlink: its target is written, but only when the target lies inside
    `root` (the folder being checked; the working folder by default), else FixError. A file
    with other hard links is written in place once the new text is safe on disk beside it,
    so every link sees the fix (a rename would leave the other links with the old text)."""
    target = os.path.realpath(source.path)
    if os.path.islink(source.path):
        inside = os.path.realpath(root or os.getcwd())
        if os.path.commonpath([inside, target]) != inside:
            raise FixError(f"{source.path}: a symlink to {target}, outside {inside}; left alone")
    data = source.encode(new_text)
    folder = os.path.dirname(target) or "."
    try:
        status = os.stat(target)
        mode = stat.S_IMODE(status.st_mode)
        # Renaming over a file needs only a writable folder, and root may write anything: a
        # file nobody may write is read-only on purpose (an archive, a locked story).
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
            raise FixError(f"{source.path}: read-only; left alone")
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=TEMP_SUFFIX)
    except OSError as e:
        raise FixError(f"{source.path}: cannot write: {e.strerror or e}") from None
    temp_kept = None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        try:
            os.chown(temp, status.st_uid, status.st_gid)
        except (OSError, AttributeError):
            pass  # not the owner: the file becomes ours, with the same permissions
        if _digest(target) != hashlib.sha256(source.data).digest():
            raise FixError(f"{source.path}: changed on disk while it was being fixed; left alone, run again")
        if status.st_nlink > 1:
            try:
                _write_in_place(target, data)
            except OSError as e:  # the file may be half written: keep the fixed text beside it
                temp_kept = temp
                raise FixError(f"{source.path}: cannot write: {e.strerror or e}; the fixed text is in {temp}") from None
            _remove(temp)
        else:
            os.replace(temp, target)
    except OSError as e:
        _remove(temp)
        raise FixError(f"{source.path}: cannot write: {e.strerror or e}") from None
    except BaseException:
        if temp_kept is None:
            _remove(temp)
        raise
    _sync_folder(folder)


def _write_in_place(path: str, data: bytes) -> None:
    """Overwrite a hard-linked file's contents; the temporary copy beside it stays until this
    is on disk, so a crash leaves the new text there, not lost."""
    with open(path, "r+b") as out:
        out.write(data)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())


def _digest(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).digest()
    except OSError:
        return None


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
