"""LanguageTool's matches by paragraph content, for the life of the process: an editor's re-check
of a story costs nothing for the paragraphs that did not change."""

from __future__ import annotations

import threading
from collections import OrderedDict

CACHE_SIZE = 20_000  # paragraphs


class _Cache:
    """Matches by (service, request, paragraph text), least recently used out first."""

    def __init__(self, size: int = CACHE_SIZE):
        self.size = size
        self.items: OrderedDict[tuple, tuple] = OrderedDict()
        self.lock = threading.Lock()

    @staticmethod
    def key(where: str, request, text: str) -> tuple:
        import hashlib  # here, not at the top: `newslint check` without grammar does not need it

        return where, request, hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def get(self, key):
        with self.lock:
            found = self.items.get(key)
            if found is not None:
                self.items.move_to_end(key)
            return found

    def clear(self):
        with self.lock:
            self.items.clear()

    def put(self, key, matches: tuple):
        with self.lock:
            self.items[key] = matches
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


CACHE = _Cache()
