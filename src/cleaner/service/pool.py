"""The service's worker processes: each request's cleaning runs in one of them, so a slow or hostile page never
blocks the server, and a worker killed by its CPU limit (stuck in C code) or the kernel costs one answer, not the
service: the pool is rebuilt and the requests it held are tried once more."""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..cli.config import PipelineSpec
from ..cli.work import HARD_FACTOR, HARD_SLACK
from ..limits import Limits
from .work import Answer, Job, error_answer, run_job, start_worker

ATTEMPTS = 2  # a request whose worker died is tried once more in a fresh pool, then answered as WorkerCrashed


class CleaningPool:
    """A process pool that answers every job, rebuilding itself when a worker dies."""

    def __init__(self, workers: int, spec: PipelineSpec, limits: Limits) -> None:
        self.workers = workers
        self.spec = spec
        self.limits = limits
        seconds = limits.max_seconds or 0.0
        # past the CPU limit the kernel ends a stuck worker; a worker that is neither done nor dead by then is waiting
        # on something else: the request is answered and the worker left to its limit
        self.wall_limit = HARD_FACTOR * seconds + 2 * HARD_SLACK if seconds else None
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")  # no copy of the server's event loop and sockets in workers
        return ProcessPoolExecutor(self.workers, context, initializer=start_worker, initargs=(self.spec, self.limits))

    async def run(self, job: Job) -> Answer:
        """The job's answer; a timeout or a dead worker becomes an error answer."""
        for _ in range(ATTEMPTS):
            executor = self._executor
            try:
                future = asyncio.wrap_future(executor.submit(run_job, job))
                return await asyncio.wait_for(future, self.wall_limit)
            except BrokenProcessPool:
                self._replace(executor)
            except asyncio.TimeoutError:
                return error_answer(422, "Timeout", f"no answer from the worker within {self.wall_limit:g} s")
        return error_answer(422, "WorkerCrashed", "the worker cleaning this document died (out of memory or killed)")

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Start a new pool in place of `broken`, once however many requests saw it break."""
        if self._executor is broken:
            self._executor = self._start()
            broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers."""
        self._executor.shutdown(wait=True, cancel_futures=True)
