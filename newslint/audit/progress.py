"""Progress on stderr: stories done, stories a second, and the time left (from the bytes of the
sources behind the finished partitions, which is known before the stories are counted)."""

from __future__ import annotations

import sys
import time

EVERY = 5.0  # seconds between lines when stderr is not a terminal (a log keeps every line)


class Progress:
    def __init__(self, total_bytes: int, stream=None):
        self.total = max(1, total_bytes)
        self.stream = stream or sys.stderr
        self.tty = getattr(self.stream, "isatty", lambda: False)()
        self.started = time.monotonic()
        self.last = 0.0
        self.stories = self.done_bytes = self.new_bytes = 0
        self.skipped = 0  # partitions finished by an earlier run

    def resumed(self, size: int) -> None:
        self.skipped += 1
        self.done_bytes += size

    def finished(self, stories: int, size: int) -> None:
        self.stories += stories
        self.done_bytes += size
        self.new_bytes += size
        now = time.monotonic()
        if now - self.last >= (0.5 if self.tty else EVERY):
            self.last = now
            self._print(now)

    def _print(self, now: float, end: str | None = None) -> None:
        elapsed = max(now - self.started, 1e-9)
        per_second = self.stories / elapsed
        left = self.total - self.done_bytes
        eta = left * elapsed / self.new_bytes if self.new_bytes else None
        share = min(100.0, 100 * self.done_bytes / self.total)
        line = f"newslint audit: {self.stories:,} stories, {per_second:,.0f} stories/s, {share:.0f}%" + (
            f", ETA {_duration(eta)}" if eta is not None and left > 0 else ""
        )
        if self.tty:
            self.stream.write("\r" + line.ljust(78) + (end or ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> float:
        """The last line; the seconds the run took."""
        now = time.monotonic()
        self.done_bytes = self.total  # every partition is in: sizes are estimates, the end is not
        self._print(now, "\n")
        return now - self.started


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"
