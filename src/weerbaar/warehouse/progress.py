"""How far an import is: a count of what was read and the share of the delivery done.

An importer calls its ``progress(count, share)`` often; a ``Throttle`` passes the figures on
to where they are shown (the terminal's bar, or the import's row that the web page polls)
only when the percentage moved and not more often than twice a second.
"""

import time
from collections.abc import Callable
from pathlib import Path

# Shares of an import done by DuckDB in one statement, where it cannot report within.
READ, CHECKED, SWAPPED = 0.6, 0.8, 0.95


class Throttle:
    def __init__(self, sink: Callable[[int, int], None], interval: float = 0.5):
        self.sink, self.interval = sink, interval
        self.last, self.percent = 0.0, -1

    def __call__(self, count: int, share: float) -> None:
        percent = max(0, min(100, int(share * 100)))
        now = time.monotonic()
        if percent != self.percent and (percent == 100 or now - self.last >= self.interval):
            self.sink(count, percent)
            self.last, self.percent = now, percent


class MeteredFile:
    """A binary file that tells how much of it was read (a share from 0 to 1)."""

    def __init__(self, path: Path):
        self.size = Path(path).stat().st_size or 1
        self.stream = Path(path).open("rb")  # noqa: SIM115 - closed by the caller's with

    def done(self) -> float:
        return 1.0 if self.stream.closed else self.stream.tell() / self.size

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stream.close()


def bar(count: int, percent: int, width: int = 30) -> str:
    filled = width * percent // 100
    return f"[{'#' * filled}{'.' * (width - filled)}] {percent:3d}%  {count:>12,} read"
