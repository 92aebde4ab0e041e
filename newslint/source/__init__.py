"""Path or text -> copy, with a map back to source offsets.

kinds.py       the one suffix -> kind -> reader table
files.py       finding drafts, reading bytes with a cap, decoding (InputError)
offsets.py     Extracted copy and its OffsetMap back to the source
markdown.py    html.py    docx.py    one reader per input format
directives.py  suppression directives, blanked from the copy the rules read
utf16.py       code points <-> UTF-16 code units (LanguageTool, LSP)
"""

from .files import STDIN, InputError, decode, decode_with_encoding, iter_files, read_bytes, read_source
from .kinds import SUFFIXES, MarkupError, extract, is_word, kind_for

__all__ = [
    "STDIN",
    "SUFFIXES",
    "InputError",
    "decode",
    "decode_with_encoding",
    "extract",
    "is_word",
    "iter_files",
    "kind_for",
    "MarkupError",
    "read_bytes",
    "read_source",
]
