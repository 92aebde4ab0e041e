"""The one table of input formats: a file's suffix -> the kind of copy it holds -> how it is read.

Naming a file and naming its folder agree: a folder is searched for exactly the suffixes below,
and a named file of any other suffix is read as plain text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from .directives import blank_directives, directive_spans
from .offsets import Extracted


@dataclass(frozen=True)
class Format:
    kind: str  # how the copy is read: "text", "markdown" or "html"
    word: bool = False  # a Word file: read through python-docx, findings only (never fixed)


FORMATS = {
    ".txt": Format("text"),
    ".md": Format("markdown"),
    ".markdown": Format("markdown"),
    ".mdown": Format("markdown"),
    ".mkd": Format("markdown"),
    ".html": Format("html"),
    ".htm": Format("html"),
    ".xhtml": Format("html"),
    ".docx": Format("text", word=True),  # findings name paragraph (line) and offset (column)
}
SUFFIXES = tuple(FORMATS)
PLAIN = Format("text")


def format_for(path: str) -> Format:
    return FORMATS.get(os.path.splitext(path)[1].lower(), PLAIN)


def kind_for(path: str) -> str:
    return format_for(path).kind


def is_word(path: str) -> bool:
    return format_for(path).word


class MarkupError(ValueError):
    """A source its reader could not parse; str() names the format and the reader's complaint.
    Document turns it into the front ends' one-line InputError with the file's name."""


def extract(source: str, kind: str = "text") -> Extracted:
    """The copy of a source in a format of `kind`, with its map back to the source."""
    # Suppression directives become spaces: no rule reads them, and offsets stay the source's.
    directives = directive_spans(source)
    source = blank_directives(source)
    if kind in ("markdown", "html"):
        try:
            if kind == "markdown":
                from .markdown import extract_markdown

                extracted = extract_markdown(source)
            else:
                from .html import extract_html

                extracted = extract_html(source)
        except RecursionError:
            raise MarkupError(f"cannot read as {kind.upper()}: nested too deeply") from None
        except Exception as e:  # a reader's (the standard library's) assertion is no user's traceback
            raise MarkupError(
                f"cannot read as {kind.upper() if kind == 'html' else 'Markdown'}: {e.__class__.__name__}: {e}"
            ) from None
    else:
        extracted = Extracted(source, None)  # map None: offsets into text are offsets into the source
    extracted.directives = directives
    return extracted
