"""The language server's stdin, with a cap on what one message may claim to be.

pygls reads a message's body with `read(Content-Length)`: a header claiming 10**12 bytes made it
allocate (MemoryError, OverflowError) and the server died, taking every open document's
diagnostics with it. A claim above MAX_MESSAGE is refused with one log line and the body is not
read; pygls then logs the message as unreadable and goes on serving."""

from __future__ import annotations

import logging

MAX_MESSAGE = 256 * 1024 * 1024  # bytes: far above any draft (sources are capped at 200 MB)

log = logging.getLogger("newslint.lsp")


class CappedStdin:
    def __init__(self, stream, most: int = MAX_MESSAGE):
        self._stream = stream
        self._most = most

    def readline(self) -> bytes:
        return self._stream.readline()

    def read(self, n: int = -1) -> bytes:
        if n is not None and n > self._most:
            log.error("refused a message of %d bytes (Content-Length); the most is %d", n, self._most)
            return b" "  # not empty: pygls stops at an empty read, as at the end of the input
        return self._stream.read(n)

    def __getattr__(self, name):
        return getattr(self._stream, name)
