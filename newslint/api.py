"""The one path every front end takes: bytes -> text -> Document -> Engine -> Result."""

from __future__ import annotations

import codecs
import os
import sys

from .config import Config
from .document import Document
from .engine import Engine, Result
from .finding import Finding
from .markup import kind_for

SUFFIXES = (".txt", ".md", ".markdown")
STDIN = "-"
HEAD = 8192  # bytes looked at for NUL bytes, the mark of a binary file
# Byte-order marks of the encodings whose text holds NUL bytes; UTF-32 LE's begins with UTF-16
# LE's, so it comes first.
WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
MAX_BYTES = 200_000_000  # a draft is never this long; reading stops here, so memory stays bounded


class InputError(Exception):
    """A file that cannot be linted; str() is the one-line message for the user."""


def decode(data: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (a BOM allowed), or UTF-16 or UTF-32 with a BOM. Nothing is guessed."""
    for bom, codec in WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as e:
                raise InputError(f"{path}: not valid {codec.upper()} (byte offset {e.start})") from None
    nul = data.find(b"\x00", 0, HEAD)
    if nul >= 0:
        head = data[:HEAD]
        if (head[0::2].count(0) > len(head) // 4) != (head[1::2].count(0) > len(head) // 4):
            raise InputError(f"{path}: looks like UTF-16 without a byte-order mark; save it as UTF-8")
        raise InputError(f"{path}: binary file, not text (NUL byte at offset {nul})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        bad = data[e.start : e.start + 1].hex()
        raise InputError(f"{path}: not valid UTF-8 (byte 0x{bad} at offset {e.start}); save it as UTF-8") from None


def read_source(path: str) -> str:
    name = "<stdin>" if path == STDIN else path
    try:
        if path == STDIN:
            data = _read_capped(sys.stdin.buffer, name)
        else:
            with open(path, "rb") as stream:
                data = _read_capped(stream, name)
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    return decode(data, name)


def _read_capped(stream, name: str) -> bytes:
    """Read a draft, refusing early what is not one (/dev/zero, a disk image, a 2 GB log)."""
    data = stream.read(HEAD)
    if b"\x00" in data and not data.startswith(tuple(bom for bom, _ in WIDE_BOMS)):
        return data  # decode() names the NUL byte without reading the rest
    chunks, size = [data], len(data)
    while chunk := stream.read(1 << 20):
        size += len(chunk)
        if size > MAX_BYTES:
            raise InputError(f"{name}: larger than {MAX_BYTES // 1_000_000} MB; newslint reads drafts, not archives")
        chunks.append(chunk)
    return b"".join(chunks)


def iter_files(paths) -> list[str]:
    """Files named, and drafts (.txt, .md, .markdown) in folders named, in a stable order."""
    found = []
    for item in paths:
        item = str(item)
        if item == STDIN or not os.path.isdir(item):
            found.append(item)
            continue
        for root, dirs, files in os.walk(item):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(os.path.join(root, f) for f in sorted(files) if f.lower().endswith(SUFFIXES))
    return found


class Linter:
    """Rules loaded once for a configuration, then any number of documents."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self.engine = Engine(self.config.rules(), self.config.min_level)

    def lint_text(self, text: str, path: str = "<text>", kind: str | None = None) -> Result:
        return self.engine.lint(Document(text, path, kind or kind_for(path)))

    def lint_file(self, path: str) -> Result:
        name = "<stdin>" if path == STDIN else path
        return self.lint_text(read_source(path), name)


def lint_text(text: str, *, path: str = "<text>", kind: str | None = None, config: Config | None = None) -> list[Finding]:
    return Linter(config).lint_text(text, path, kind).findings


def lint_paths(paths, *, config: Config | None = None) -> list[Finding]:
    linter = Linter(config)
    return [f for path in iter_files(paths) for f in linter.lint_file(path).findings]
