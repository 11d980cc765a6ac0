"""What a batch tells the user on stderr: the counts, a progress line while it runs, and the summary at the end."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO


@dataclass
class Summary:
    """The counts of a batch run; `total` grows as WARC records are found."""

    total: int = 0
    done: int = 0
    empty: int = 0
    failed: int = 0
    up_to_date: int = 0
    unsupported: int = 0
    peak_rss_kib: int = 0
    interrupted: bool = False
    started: float = field(default_factory=time.monotonic)

    @property
    def cleaned(self) -> int:
        """Documents this run worked on (written or failed)."""
        return self.done + self.empty + self.failed

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Documents cleaned per second so far (skipped ones do not count)."""
        return self.cleaned / self.elapsed if self.elapsed > 0 else 0.0

    def line(self, errors_path: Path | None) -> str:
        """The one-line summary printed at the end."""
        where = f" (see {errors_path})" if self.failed and errors_path else ""
        skipped = self.up_to_date + self.unsupported
        parts = [
            f"{self.done} done",
            f"{self.empty} empty",
            f"{self.failed} failed{where}",
            f"{skipped} skipped ({self.up_to_date} up to date, {self.unsupported} not supported)",
        ]
        timing = f"in {self.elapsed:.1f} s, {self.rate:.1f} files/s"
        if self.peak_rss_kib:
            timing += f", peak worker memory {self.peak_rss_kib / 1024:.0f} MiB"
        status = "interrupted: " if self.interrupted else ""
        return f"cleaner: {status}{', '.join(parts)} {timing}"


class Progress:
    """A single stderr line redrawn at most a few times a second: files done, files/s, errors, ETA."""

    def __init__(self, stream: TextIO, enabled: bool, interval: float = 0.2) -> None:
        self.stream = stream
        self.enabled = enabled
        self.interval = interval
        self._last = 0.0
        self._width = 0

    def update(self, summary: Summary, force: bool = False) -> None:
        """Redraw the line when enough time has passed (or `force`)."""
        now = time.monotonic()
        if not self.enabled or (not force and now - self._last < self.interval):
            return
        self._last = now
        finished = summary.cleaned + summary.up_to_date
        remaining = max(summary.total - finished, 0)
        eta = _clock(remaining / summary.rate) if summary.rate else "?"
        text = f"{finished}/{summary.total} files  {summary.rate:.1f} files/s  {summary.failed} errors  ETA {eta}"
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Erase the line so the summary starts on a clean one."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


def _clock(seconds: float) -> str:
    """Seconds as H:MM:SS."""
    whole = int(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"
