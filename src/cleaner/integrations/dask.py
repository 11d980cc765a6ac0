"""Clean batches of pages with Dask, partition by partition, with one pipeline per worker process; run cluster tasks.

Pages are paths (read on the workers), HTML as str or bytes, or records: mappings with an `html`
key and optionally `url`; the other keys of a record are kept in its result.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import dask.bag as db
from distributed import Client, Future, as_completed

from ..load.source import Source
from ..pipeline import Pipeline
from .worker import disabled_filters, worker_pipeline

Page = Source | Mapping[str, Any]
PARTITION_SIZE = 16
T = TypeVar("T")
R = TypeVar("R")


def clean_bag(pages: db.Bag, disabled: Iterable[str] = (), audit: bool = False) -> db.Bag:
    """A bag of article dicts (`Article.to_dict`) for a bag of pages, cleaned without the `disabled` filters."""
    return pages.map_partitions(_clean_partition, disabled_filters(disabled), audit)


def clean_paths(
    paths: Iterable[str | os.PathLike[str]],
    disabled: Iterable[str] = (),
    audit: bool = False,
    partition_size: int = PARTITION_SIZE,
) -> db.Bag:
    """A bag of article dicts, each with the `path` it came from, for files the workers can read."""
    bag = db.from_sequence([Path(p) for p in paths], partition_size=partition_size)
    return clean_bag(bag, disabled, audit)


def run_on_cluster(
    function: Callable[[T], R], args: Iterable[T], address: str, ahead: int = 2, timeout: float = 30.0
) -> Iterator[tuple[T, Future[R]]]:
    """`function(arg)` for each arg on the running cluster at `address`; (arg, finished future) pairs as they finish.

    At most `ahead` tasks per worker thread are in flight, so `args` is consumed lazily as the cluster keeps up.
    Take each result (`future.result()` returns it or raises the task's error) before the iteration ends:
    the connection to the cluster closes then.
    """
    with Client(address, timeout=timeout) as client:
        limit = ahead * max(1, sum(client.nthreads().values()))
        remaining = iter(args)
        running: dict[Future[R], T] = {}
        finished = as_completed()

        def submit() -> None:
            for arg in islice(remaining, limit - len(running)):
                future = client.submit(function, arg, pure=False)
                running[future] = arg
                finished.add(future)

        submit()
        for future in finished:
            yield running.pop(future), future
            submit()


def _clean_partition(pages: Iterable[Page], disabled: tuple[str, ...], audit: bool) -> list[dict[str, Any]]:
    pipeline = worker_pipeline(disabled)
    return [_clean_one(pipeline, page, audit) for page in pages]


def _clean_one(pipeline: Pipeline, page: Page, audit: bool) -> dict[str, Any]:
    if isinstance(page, Mapping):
        kept = {k: v for k, v in page.items() if k != "html"}
        return {**kept, **pipeline.clean(page["html"], url=page.get("url")).to_dict(audit)}
    data = pipeline.clean(page).to_dict(audit)
    return {"path": os.fspath(page), **data} if isinstance(page, os.PathLike) else data
