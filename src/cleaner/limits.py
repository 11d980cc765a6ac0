"""Limits on what one document may cost: input size, element count, nesting depth and time.

`Limits` is a frozen dataclass handed to `Pipeline(limits=...)`; going over a limit raises one of the
`LimitExceeded` errors (which `Pipeline.clean` turns into an empty Article with the reason, unless asked to raise).

Time is enforced in two ways. In the main thread, when no other interval timer is running, a SIGALRM timer
interrupts the work wherever it is in Python code (regular expressions included). Everywhere else (other threads,
platforms without SIGALRM, or under a caller's own alarm, as in the CLI's workers) the deadline is checked between
the pipeline's steps and filters. Either way the result is a `Timeout`.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from .errors import Timeout

# libxml2's HTML parser stops at this depth unless XML_PARSE_HUGE is given, which we never do (it also lifts the
# parser's other safety limits); deeper content is cut off, so a deeper page is reported as TooDeep
PARSER_MAX_DEPTH = 256
# attributes kept per tag before parsing: libxml2 compares each new attribute name with all the previous ones of the
# tag (40 000 attributes: 2.7 s in C, out of reach of any timer); 256 cost 0.1 ms, and real tags have a few dozen
MAX_ATTRIBUTES = 256
# size over which a part of the markup that is never content (a script, style, JSON-LD or other raw text, a comment,
# an attribute value) is cut before parsing: libxml2 refuses a node over 10 MB of UTF-8 and the whole page would be
# lost. Of 1 497 real pages, 16 have such a part over 1 MB, the largest 3.4 MB (a script). JSON-LD up to it is read
MAX_PART_CHARS = 4_000_000
MAX_PART_BYTES = 9_000_000
# candidate blocks a page is scored as: past it, runs of consecutive candidates are merged into one
# (`extract.coalesce`). Each block costs about 40 us through features, model and filters: a flood of 90 000 list
# items under the element limit took 4 s, 1.4 s merged down to this. Real pages have a few hundred (the most among
# 3 499 pages of three corpora: 2 641)
MAX_BLOCKS = 5_000
# characters of one block that the per-line measures of text dumps read (word shares, phrases, repeats, the line
# classifier's features): past it, its head and tail, half each. Real dump lines are shorter (the longest among the
# naive and layout dumps of 3 499 pages: 58 118 characters); one line of 18 MB took 8 s, most of it in those measures
LINE_SAMPLE_CHARS = 100_000


@dataclass(frozen=True)
class Limits:
    """What one document may cost; over a limit, cleaning stops with a `LimitExceeded` error.

    - `max_bytes`: the input's size (bytes, or characters for a str); 32 MiB by default.
    - `max_nodes`: HTML elements in the parsed page; 100 000 by default (real pages have a few thousand, the
      largest of a 1 500-page web sample 16 000; cleaning takes about 0.15 ms and 3 KB per element).
    - `max_depth`: element nesting; 256 by default, which is also the most the HTML parser follows.
    - `max_seconds`: time to clean one document; 20 by default (keeps a batch moving: the costliest page the
      other limits admit takes about 14 s); None or 0 means no limit.
    """

    max_bytes: int = 32 * 1024 * 1024
    max_nodes: int = 100_000
    max_depth: int = PARSER_MAX_DEPTH
    max_seconds: float | None = 20.0

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_nodes", "max_depth"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"Limits.{name} must be a positive integer, not {value!r}")
        if self.max_depth > PARSER_MAX_DEPTH:
            raise ValueError(f"Limits.max_depth can be at most {PARSER_MAX_DEPTH}: the HTML parser stops there")
        if self.max_seconds is not None and (isinstance(self.max_seconds, bool) or not self.max_seconds >= 0):
            raise ValueError(f"Limits.max_seconds must be a number of seconds >= 0 or None, not {self.max_seconds!r}")


class _Alarm(BaseException):
    """Raised by the SIGALRM handler; a BaseException so that the filters' `except Exception` guards let it through."""


class Deadline:
    """The moment a document's time runs out; `check()` raises Timeout past it."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds or 0.0
        self.end = time.monotonic() + self.seconds if self.seconds > 0 else None

    def expired(self) -> bool:
        """True when the time is up."""
        return self.end is not None and time.monotonic() > self.end

    def check(self, step: str) -> None:
        """Raise Timeout when the time is up, naming the step reached."""
        if self.expired():
            raise self.error(step)

    def error(self, step: str | None = None) -> Timeout:
        """The Timeout to raise when the time ran out (at `step`, when known)."""
        where = f" (stopped at {step})" if step else ""
        return Timeout(f"cleaning took over {self.seconds:g} s{where}")


@contextmanager
def alarm(seconds: float | None) -> Iterator[bool]:
    """Raise _Alarm in this thread after `seconds` when a SIGALRM timer can be used; yield whether one is armed.

    No timer is armed off the main thread, without SIGALRM, when `seconds` is 0/None, or when an interval timer
    is already running (the caller's own alarm, e.g. the CLI's per-document timeout): the caller then relies on
    Deadline checks.
    """
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )
    if not usable:
        yield False
        return
    armed = [True]

    def expire(signum: int, frame: FrameType | None) -> None:
        if armed[0]:
            armed[0] = False
            raise _Alarm

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
        yield True
    finally:
        armed[0] = False
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
