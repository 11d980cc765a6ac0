"""cleaner: strip the boilerplate from web pages and scraped text, keep the article body and its metadata."""

from __future__ import annotations

from functools import lru_cache

from .article import Article, Metadata, Removal
from .blocks import Block, Kind
from .document import Document
from .errors import CleanerError, InputTooLarge, NotAPage, UndecodableInput
from .filter import Filter, Stage
from .load import Source
from .pipeline import Pipeline

__all__ = [
    "Article", "Block", "CleanerError", "Document", "Filter", "InputTooLarge",
    "Kind", "Metadata", "NotAPage", "Pipeline", "Removal", "Stage", "UndecodableInput", "clean_article",
]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def clean_article(
    source: Source, url: str | None = None, format: str | None = None, pipeline: Pipeline | None = None
) -> Article:
    """Clean one page (HTML str/bytes/path) or scraped text into an Article, with the default or a given pipeline."""
    return (pipeline or _default_pipeline()).clean(source, url=url, format=format)
