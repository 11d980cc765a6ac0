"""The batch run: items to workers (in-process for one job, a process pool for more), results to the sink, counts kept.

Workers return rendered text and the main process writes it, so every file is written atomically in one place.
A worker that dies (out of memory, killed, crashed) breaks the pool: the items it may have been holding are rerun
one at a time in a fresh pool, so only the document that kills a worker again is reported, as WorkerCrashed.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from functools import partial

from .args import UsageError
from .inputs import Failure, Item
from .outputs import Sink
from .report import Progress, Summary
from .work import Outcome, Settings, Worker, run_in_worker, run_on_cluster_worker, start_worker

_QUEUED_PER_JOB = 2  # items handed to the pool ahead, per worker: keeps workers busy without reading far ahead


class Batch:
    """Runs the items of one invocation into a sink, keeping the summary and the progress line up to date."""

    def __init__(self, sink: Sink, settings: Settings, summary: Summary, progress: Progress) -> None:
        self.sink = sink
        self.settings = settings
        self.summary = summary
        self.progress = progress

    def run(self, entries: Iterable[Item | Failure], jobs: int, cluster: str | None = None) -> Summary:
        """Clean every entry (Ctrl-C stops early, keeping what is finished) and return the summary."""
        todo = self._todo(entries)
        try:
            if cluster:
                self._on_cluster(todo, cluster)
            elif jobs == 1:
                self._serial(todo)
            else:
                self._parallel(todo, jobs)
        except KeyboardInterrupt:
            self.summary.interrupted = True
        finally:
            self.progress.close()
        return self.summary

    def _todo(self, entries: Iterable[Item | Failure]) -> Iterator[tuple[Item, str]]:
        """The items to clean with their output keys; failures and up-to-date items are counted on the way."""
        for entry in entries:
            if isinstance(entry, Failure):
                self.summary.failed += 1
                self.sink.error(entry.location, entry.error, entry.message)
                continue
            if entry.record is not None:
                self.summary.total += 1
            key = self.sink.prepare(entry)
            if key is None:
                self.summary.up_to_date += 1
                self.progress.update(self.summary)
            else:
                yield entry, key

    def _record(self, item: Item, key: str, outcome: Outcome) -> None:
        """Write a finished item's output (or log its failure) and count it."""
        self.summary.peak_rss_kib = max(self.summary.peak_rss_kib, outcome.peak_rss_kib)
        if outcome.status != "failed":
            try:
                self.sink.write(key, outcome.text)
            except OSError as err:
                outcome = Outcome("failed", error=type(err).__name__, message=f"writing the output: {err}")
        if outcome.status == "failed":
            self.summary.failed += 1
            self.sink.error(item.location, outcome.error, outcome.message)
        elif outcome.status == "empty":
            self.summary.empty += 1
        else:
            self.summary.done += 1
        self.progress.update(self.summary)

    def _serial(self, todo: Iterator[tuple[Item, str]]) -> None:
        """Clean in this process: simple to debug, and no pool start-up for a single job."""
        worker = Worker(self.settings)
        for item, key in todo:
            self._record(item, key, worker(item))

    def _parallel(self, todo: Iterator[tuple[Item, str]], jobs: int) -> None:
        """Clean in a pool of `jobs` processes, a few items queued ahead; rebuild the pool if a worker dies."""
        pool = self._pool(jobs)
        pending: dict[Future[Outcome], tuple[Item, str]] = {}
        try:
            for work in todo:
                pending[pool.submit(run_in_worker, work[0])] = work
                while len(pending) >= jobs * _QUEUED_PER_JOB:
                    pool = self._collect(pool, pending, jobs)
            while pending:
                pool = self._collect(pool, pending, jobs)
        except KeyboardInterrupt:
            for future in pending:
                future.cancel()
            self._drain(pending)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _collect(
        self, pool: ProcessPoolExecutor, pending: dict[Future[Outcome], tuple[Item, str]], jobs: int
    ) -> ProcessPoolExecutor:
        """Wait for at least one result and record what finished; return the pool to go on with."""
        done, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
        self.progress.update(self.summary)
        suspects: list[tuple[Item, str]] = []
        for future in done:
            work = pending.pop(future)
            try:
                self._record(*work, future.result())
            except BrokenProcessPool:
                suspects.append(work)
        if not suspects:
            return pool
        # the pool is broken: every other pending item fails too, or has just finished
        for future in wait(pending).done:
            work = pending.pop(future)
            if future.exception() is None:
                self._record(*work, future.result())
            else:
                suspects.append(work)
        pool.shutdown(wait=True)
        return self._isolate(suspects, jobs)

    def _isolate(self, suspects: list[tuple[Item, str]], jobs: int) -> ProcessPoolExecutor:
        """Rerun the items a dead worker may have held, alone each; the one that kills a worker again fails."""
        pool = self._pool(jobs)
        for item, key in suspects:
            started = time.monotonic()
            try:
                outcome = pool.submit(run_in_worker, item).result()
            except BrokenProcessPool:
                timeout = self.settings.timeout
                if timeout and time.monotonic() - started >= timeout:  # killed by its CPU limit (see Worker)
                    outcome = Outcome(
                        "failed", error="Timeout", message=f"cleaning took over {timeout:g} s; the worker was stopped"
                    )
                else:
                    outcome = Outcome("failed", error="WorkerCrashed", message="the worker process died on this input")
                pool.shutdown(wait=True)
                pool = self._pool(jobs)
            self._record(item, key, outcome)
        return pool

    def _on_cluster(self, todo: Iterator[tuple[Item, str]], address: str) -> None:
        """Clean on the Dask cluster at `address`, paths made absolute for its workers; a task error fails its item."""
        from ..integrations.dask import run_on_cluster  # needs the cleaner[dask] extra

        sent = ((replace(item, path=item.path.absolute()) if item.path else item, key) for item, key in todo)
        try:
            for (item, key), future in run_on_cluster(partial(run_on_cluster_worker, self.settings), sent, address):
                try:
                    outcome = future.result()
                except Exception as err:  # e.g. KilledWorker: the document killed worker after worker
                    outcome = Outcome("failed", error=type(err).__name__, message=str(err) or type(err).__name__)
                self._record(item, key, outcome)
        except OSError as err:
            raise UsageError(f"the Dask cluster at {address}: {err}") from None

    def _drain(self, pending: dict[Future[Outcome], tuple[Item, str]]) -> None:
        """After Ctrl-C: keep the results of the items already running (the others were cancelled)."""
        for future in wait(pending).done:
            if not future.cancelled() and future.exception() is None:
                self._record(*pending[future], future.result())

    def _pool(self, jobs: int) -> ProcessPoolExecutor:
        """A pool of `jobs` forked workers, each building its Pipeline once."""
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        return ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context(method), initializer=start_worker, initargs=(self.settings,)
        )
