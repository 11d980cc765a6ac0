"""What runs in a worker process: one pipeline per process and set of disabled filters, reused for every page."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ..article import Article
from ..load.source import Source
from ..pipeline import Pipeline


@lru_cache(maxsize=16)
def worker_pipeline(disabled: tuple[str, ...] = ()) -> Pipeline:
    """The default pipeline without the `disabled` filters, built once per process; KeyError on an unknown name."""
    pipeline = Pipeline()
    for name in disabled:
        pipeline.remove(name)
    return pipeline


def disabled_filters(names: Iterable[str]) -> tuple[str, ...]:
    """The names as the cache key `worker_pipeline` takes, checked here so a typo fails before any page is sent."""
    key = tuple(sorted(set(names)))
    worker_pipeline(key)
    return key


def clean_page(source: Source, url: str | None, disabled: tuple[str, ...]) -> Article:
    """Clean one page with this process's pipeline for `disabled`."""
    return worker_pipeline(disabled).clean(source, url=url)
