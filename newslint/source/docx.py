"""Word drafts (.docx), read-only: the text of each paragraph, one paragraph per line.

A finding's line is the paragraph's number in the document (counting empty paragraphs, as Word
does) and its column the character offset in the paragraph, plus one. python-docx is an
optional extra (`pip install 'newslint[docx]'`), imported only when a .docx is read.
"""

from __future__ import annotations

from ..model import InputError


def read_docx(path: str) -> str:
    try:
        import docx
    except ImportError:
        raise InputError(f"{path}: reading .docx needs python-docx: pip install 'newslint[docx]'") from None
    try:
        document = docx.Document(path)
    except Exception as e:  # python-docx raises several types for a file that is not a .docx
        raise InputError(f"{path}: cannot read as .docx: {e.__class__.__name__}: {e}") from None
    # Line breaks and tabs inside a paragraph would split or shift it: they read as spaces.
    return "\n".join(p.text.replace("\n", " ").replace("\r", " ") for p in document.paragraphs)
