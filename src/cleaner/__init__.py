"""cleaner: strip the boilerplate from web pages and scraped text, keep the article body and its metadata."""

from __future__ import annotations

from functools import lru_cache

from .article import Article, Metadata, Removal
from .blocks import Block, Kind
from .document import Document
from .errors import (
    CleanerError,
    InputTooLarge,
    LimitExceeded,
    NotAPage,
    Timeout,
    TooDeep,
    TooManyElements,
    UndecodableInput,
)
from .filter import Filter, Stage
from .limits import Limits
from .load.source import Source
from .pipeline import Pipeline

__all__ = [
    "Article",
    "Block",
    "CleanerError",
    "Document",
    "Filter",
    "InputTooLarge",
    "Kind",
    "LimitExceeded",
    "Limits",
    "Metadata",
    "NotAPage",
    "Pipeline",
    "Removal",
    "Stage",
    "Timeout",
    "TooDeep",
    "TooManyElements",
    "UndecodableInput",
    "clean_article",
]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def clean_article(
    source: Source,
    url: str | None = None,
    format: str | None = None,
    pipeline: Pipeline | None = None,
    *,
    errors: str = "warn",
) -> Article:
    """Clean one page (HTML str/bytes/path) or scraped text into an Article, with the default or a given pipeline.

    Input that cannot be cleaned gives an empty Article whose `warnings` say why; with `errors="raise"` the
    `CleanerError` (NotAPage, UndecodableInput, InputTooLarge, TooManyElements, TooDeep, Timeout) is raised instead.
    """
    return (pipeline or _default_pipeline()).clean(source, url=url, format=format, errors=errors)
