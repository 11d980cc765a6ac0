"""Cleaning one work item into its rendered output, in the main process or in a pool worker with its own Pipeline."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from ..errors import CleanerError
from ..limits import Limits
from ..load.source import read_source
from .config import PipelineSpec, build_pipeline
from .inputs import Item, read_bytes
from .outputs import render

try:
    import resource
except ImportError:  # pragma: no cover - not on Windows
    resource = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs besides the item: the pipeline spec and the output's shape."""

    spec: PipelineSpec
    output_format: str
    audit: bool
    input_format: str | None
    max_bytes: int
    timeout: float
    max_nodes: int = Limits.max_nodes
    max_depth: int = Limits.max_depth
    links: bool = False  # md/html/json: keep links, images; json: add the structured body
    images: bool = False
    body: bool = False


@dataclass(frozen=True)
class Outcome:
    """The result of one item: "done", "empty" or "failed"; the rendered output, or the error's type and message."""

    status: str
    text: str = ""
    error: str = ""
    message: str = ""
    peak_rss_kib: int = 0


class DocumentTimeout(BaseException):
    """Raised by the alarm inside a document that runs too long; a BaseException so filters' guards let it through."""


class Worker:
    """One Pipeline built from the settings, cleaning items one after another.

    In a pool worker (`hard_limit`), a document that is still burning CPU well past the timeout (stuck in C code,
    where the alarm cannot reach it) gets the process killed by SIGXCPU; the batch then reports it as a Timeout.
    """

    def __init__(self, settings: Settings, hard_limit: bool = False) -> None:
        self.settings = settings
        self.hard_limit = hard_limit
        self.pipeline = build_pipeline(settings.spec)
        self.pipeline.limits = Limits(
            max_bytes=settings.max_bytes,
            max_nodes=settings.max_nodes,
            max_depth=settings.max_depth,
            max_seconds=settings.timeout or None,
        )

    def __call__(self, item: Item) -> Outcome:
        """Read, decode, clean and render one item; any error becomes a failed Outcome, never an exception."""
        s = self.settings
        try:
            with time_limit(s.timeout), cpu_limit(s.timeout if self.hard_limit else 0):
                text, _ = read_source(read_bytes(item, s.max_bytes), s.max_bytes)
                article = self.pipeline.clean(text, url=item.url, format=s.input_format or item.format, errors="raise")
                rendered = render(article, s.output_format, s.audit, item.source, s.links, s.images, s.body)
        except DocumentTimeout:
            return Outcome(
                "failed", error="Timeout", message=f"cleaning took over {s.timeout:g} s", peak_rss_kib=_peak_rss()
            )
        except CleanerError as err:
            return Outcome("failed", error=type(err).__name__, message=_message(err), peak_rss_kib=_peak_rss())
        except Exception as err:  # one bad document must not stop the batch
            return Outcome("failed", error=type(err).__name__, message=_message(err), peak_rss_kib=_peak_rss())
        return Outcome("empty" if article.is_empty else "done", text=rendered, peak_rss_kib=_peak_rss())


_WORKER: Worker | None = None


def start_worker(settings: Settings) -> None:
    """Pool initializer: build this process's Pipeline once; leave Ctrl-C to the main process."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the main process turns SIGTERM into Ctrl-C; a worker just ends
    if resource is not None and hasattr(resource, "RLIMIT_CORE"):  # a worker killed for its CPU limit dumps no core
        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    _WORKER = Worker(settings, hard_limit=True)


def run_in_worker(item: Item) -> Outcome:
    """Pool task: clean one item with this process's Worker."""
    assert _WORKER is not None, "start_worker must run first"
    return _WORKER(item)


def run_on_cluster_worker(settings: Settings, work: tuple[Item, str]) -> Outcome:
    """Dask task: clean the work's item with this process's Worker for `settings`, built by the first task."""
    global _WORKER
    if _WORKER is None or _WORKER.settings != settings:
        _WORKER = Worker(settings)
    return _WORKER(work[0])


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout in this thread after `seconds` (no limit when 0, without SIGALRM or off the main thread)."""
    if seconds <= 0 or not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def cpu_limit(seconds: float) -> Iterator[None]:
    """Let the kernel kill this process (SIGXCPU) if it spends `HARD_FACTOR` × `seconds` + `HARD_SLACK` more of CPU."""
    if seconds <= 0 or resource is None or not hasattr(resource, "RLIMIT_CPU"):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    limit = int(usage.ru_utime + usage.ru_stime + HARD_FACTOR * seconds + HARD_SLACK)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (limit, hard))
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


HARD_FACTOR = 2  # CPU seconds, in units of the timeout, after which a worker stuck in C code is killed...
HARD_SLACK = 10  # ...plus these


def _peak_rss() -> int:
    """This process's peak resident memory in KiB (0 where unknown)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss if resource else 0


def _message(err: BaseException) -> str:
    """The error's message, or its type when it has none (a bare MemoryError, say)."""
    return str(err) or type(err).__name__
