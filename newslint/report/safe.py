"""The one place reports clean text they did not write: file names (a name may hold a newline,
an escape sequence, or bytes that are not UTF-8), rule ids and messages (a user's pack writes
them) and the copy itself. Every format that prints to a terminal or a line-based log goes
through `showable`; JSON and SARIF escape control characters themselves, and SARIF builds its
URIs from a name's bytes (`uri_path`).
"""

from __future__ import annotations

import json
import os
import re
from urllib.parse import quote

# Characters a terminal acts on instead of showing (escape sequences that recolour or retitle
# it, bidirectional overrides that reorder the line, line breaks that would start a forged
# finding in a one-line-per-finding format): shown as one replacement character each, so the
# carets under a line of copy still line up.
_UNSHOWABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Lone surrogates: the bytes of a file name that is not UTF-8 (os.fsdecode's escapes), or of
# broken copy. No encoder takes them; shown as "?", as a terminal would show such a name.
_SURROGATE = re.compile("[\ud800-\udfff]")


def showable(text: str) -> str:
    """`text` with nothing a terminal would act on and nothing an encoder refuses; same length."""
    return _SURROGATE.sub("?", _UNSHOWABLE.sub("\ufffd", text))


def encodable(text: str) -> str:
    """`text` with each lone surrogate as "?": what any UTF-8 stream takes (the HTML report)."""
    return _SURROGATE.sub("?", text)


def json_text(text: str) -> str:
    """JSON written with ensure_ascii=False, each lone surrogate as its \\u escape: valid UTF-8,
    and lossless (a Python reader gets the name's surrogate escape back, os.fsencode the bytes).
    A raw character of JSON output outside a string is ASCII, so only strings are touched."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_array(items: list, *, ensure_ascii: bool = False, indent: int = 0) -> str:
    """A JSON array with one item a line, each item compact. json.dumps with indent= runs the
    pure-Python encoder, 7 s for 9,000 SARIF results; the C encoder writes each line here."""
    if not items:
        return "[]"
    pad = " " * (indent + 2)
    body = f",\n{pad}".join(json.dumps(item, ensure_ascii=ensure_ascii) for item in items)
    return f"[\n{pad}{body}\n{' ' * indent}]"


def uri_path(path: str) -> str:
    """A relative path percent-encoded from its bytes, so a name that is not UTF-8 still has a URI."""
    return quote(os.fsencode(path.replace(os.sep, "/")))
