"""Paths -> the copy they hold: files found in folders, bytes read with a cap, decoded without
guessing. Every failure is an InputError whose str() is the one line the user sees."""

from __future__ import annotations

import codecs
import os
import stat
import sys

from ..model import InputError
from .docx import read_docx
from .kinds import SUFFIXES, is_word

STDIN = "-"
HEAD = 8192  # bytes looked at for NUL bytes, the mark of a binary file
# Byte-order marks of the encodings whose text holds NUL bytes; UTF-32 LE's begins with UTF-16
# LE's, so it comes first.
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MAX_BYTES = 200_000_000  # a draft is never this long; reading stops here, so memory stays bounded


def decode(data: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (a BOM allowed), or UTF-16 or UTF-32 with a BOM. Nothing is guessed."""
    return decode_with_encoding(data, path)[0]


def decode_with_encoding(data: bytes, path: str) -> tuple[str, str, bytes]:
    """(text, encoding, bom): what `decode` read, so a fix writes the file back the same way:
    `bom + text.encode(encoding)` gives the bytes of an unchanged text back."""
    for bom, encoding in WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, bom
            except UnicodeDecodeError as e:
                raise InputError(
                    f"{path}: not valid {encoding[:6].upper()} (byte offset {e.start + len(bom)})"
                ) from None
    nul = data.find(b"\x00", 0, HEAD)
    if nul >= 0:
        head = data[:HEAD]
        if (head[0::2].count(0) > len(head) // 4) != (head[1::2].count(0) > len(head) // 4):
            raise InputError(f"{path}: looks like UTF-16 without a byte-order mark; save it as UTF-8")
        raise InputError(f"{path}: binary file, not text (NUL byte at offset {nul})")
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    try:
        return data[len(bom) :].decode("utf-8"), "utf-8", bom
    except UnicodeDecodeError as e:
        bad = data[e.start + len(bom) : e.start + len(bom) + 1].hex()
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{bad} at offset {e.start + len(bom)}); save it as UTF-8"
        ) from None


def read_source(path: str) -> str:
    if is_word(path):
        return read_docx(path)
    name = "<stdin>" if path == STDIN else path
    return decode(read_bytes(path), name)


def read_bytes(path: str) -> bytes:
    """The bytes of a draft, or of stdin for `-`, read with a cap on their size."""
    name = "<stdin>" if path == STDIN else path
    try:
        if path == STDIN:
            data = _read_capped(sys.stdin.buffer, name)
        else:
            # Opened without waiting, so a FIFO or a device cannot hold the run: only files are drafts.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with open(fd, "rb") as stream:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    raise InputError(f"{path}: not a regular file (a FIFO, socket or device); name a draft")
                if hasattr(os, "set_blocking"):
                    os.set_blocking(fd, True)
                data = _read_capped(stream, name)
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    return data


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


def iter_files(paths, problems: list | None = None) -> list[str]:
    """Files named, and drafts (the suffixes of source/kinds.py) in folders named, in a stable
    order. Word's lock files (~$draft.docx) are passed over. Into `problems`, if given, go
    (is_error, message): a folder that cannot be read (an error: its drafts go unchecked), and
    what in a folder is not a regular file (a FIFO would hold the run; skipped with a notice)."""
    found = []

    def unreadable(error: OSError) -> None:
        if problems is not None:
            problems.append((True, f"{error.filename}: cannot read folder: {error.strerror or error}"))

    for item in paths:
        item = str(item)
        if item == STDIN or not os.path.isdir(item):
            found.append(item)
            continue
        for root, dirs, files in os.walk(item, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if f.lower().endswith(SUFFIXES) and not f.startswith("~$"):
                    path = os.path.join(root, f)
                    if os.path.isfile(path):
                        found.append(path)
                    elif problems is not None:
                        problems.append((False, f"{path}: skipped: not a regular file"))
    return found
