"""What the command line writes to stderr is shown safely: file names and pack messages come from
other people, and a terminal obeys escape sequences (a file named with ESC ] 0 ; ... could
retitle the window, hide text or fake a message). `SafeStderr` is installed once, in main(), so
every line written to stderr passes through it."""

from __future__ import annotations

import re
import sys

# C0 controls but tab and newline, DEL, and C1 controls (U+0080-U+009F: 8-bit CSI and OSC), and
# the bidirectional overrides that reorder what a name seems to say.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`text` with every control character written as an escape: `\\x1b`, `\\r`, `\\u202e`."""
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1] if m.group() != "\x7f" else "\\x7f", text)


def one_line(text: str) -> str:
    """A message that must stay on one line (it names a file, and a file name may hold a newline)."""
    return visible(text).replace("\n", "\\n")


class SafeStderr:
    """A text stream that writes through to another with control characters made visible."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def install() -> None:
    if not isinstance(sys.stderr, SafeStderr) and sys.stderr is not None:
        sys.stderr = SafeStderr(sys.stderr)
