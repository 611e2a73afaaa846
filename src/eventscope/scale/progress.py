"""Progress of a long run: a bar with total and ETA on a terminal, periodic log lines otherwise.

Why both: a cluster job's stderr goes to a log file, where a redrawn bar is noise and a line every
``interval`` seconds ("1200/5000 documents, 14.2 docs/s, ETA 4m27s") is what an operator reads.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


class RunProgress:
    """Counts documents and events; draws a rich bar (``bar=True``) or logs every ``interval`` seconds."""

    def __init__(
        self, total: int | None, bar: bool, interval: float = 10.0, stream: TextIO | None = None, log: bool = True
    ) -> None:
        self.total = total
        self.done = 0
        self.events = 0
        self.interval = interval
        self.stream = stream or sys.stderr
        self.log = log
        self._started = time.monotonic()
        self._last_line = self._started
        self._bar = None
        if bar:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._bar = Progress(
                TextColumn("coding"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[events]} events"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._task = self._bar.add_task("coding", total=total, events=0)

    def __enter__(self) -> RunProgress:
        if self._bar is not None:
            self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)

    def skip(self, documents: int) -> None:
        """Documents finished by an earlier run: they count toward the total, not toward the rate."""
        if self.total is not None:
            self.total = max(0, self.total - documents)
            if self._bar is not None:
                self._bar.update(self._task, total=self.total)

    def advance(self, documents: int, events: int) -> None:
        self.done += documents
        self.events += events
        if self._bar is not None:
            self._bar.update(self._task, advance=documents, events=self.events)
        now = time.monotonic()
        if self._bar is None and self.log and now - self._last_line >= self.interval:
            self._last_line = now
            print(self.line(now), file=self.stream, flush=True)

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-9, (now or time.monotonic()) - self._started)
        rate = self.done / elapsed
        text = (
            f"coded {self.done}"
            + (f"/{self.total}" if self.total is not None else "")
            + f" documents, {self.events} events, {rate:.1f} docs/s"
        )
        if self.total is not None and rate > 0:
            text += f", ETA {_duration((self.total - self.done) / rate)}"
        return text
