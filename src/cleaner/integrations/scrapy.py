"""A Scrapy item pipeline that cleans each item's HTML in a process pool and adds the article fields to the item.

Enable it with `ITEM_PIPELINES = {"cleaner.integrations.scrapy.CleanArticlePipeline": 300}`. Settings:
`CLEANER_HTML_FIELD` (default `html`), `CLEANER_OUTPUT_FIELDS` (keys of `Article.to_dict`, default
`DEFAULT_FIELDS`), `CLEANER_DISABLED_FILTERS`, `CLEANER_DROP_EMPTY` (default True) and
`CLEANER_MAX_WORKERS` (processes; default the number of CPUs).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from ..article import Article
from .worker import clean_page, disabled_filters, worker_pipeline

DEFAULT_FIELDS = ("text", "title", "authors", "date", "url", "sitename", "description", "language", "tags", "image")
KNOWN_FIELDS = tuple(Article().to_dict(audit=True))


class CleanArticlePipeline:
    """Clean each item's HTML off the reactor thread, add the chosen article fields, drop or keep empty articles.

    Items without the HTML field pass through unchanged (counted in the stat `cleaner/no_html`).
    The optional `spider` parameters are for older Scrapy versions, which still pass the spider.
    """

    def __init__(
        self,
        html_field: str = "html",
        fields: Iterable[str] = DEFAULT_FIELDS,
        disabled: Iterable[str] = (),
        drop_empty: bool = True,
        max_workers: int | None = None,
        stats: StatsCollector | None = None,
    ) -> None:
        self.fields = tuple(fields)
        unknown = sorted(set(self.fields) - set(KNOWN_FIELDS))
        if unknown:
            raise ValueError(f"CLEANER_OUTPUT_FIELDS has unknown field(s) {unknown}; known: {', '.join(KNOWN_FIELDS)}")
        self.html_field = html_field
        self.disabled = disabled_filters(disabled)
        self.drop_empty = drop_empty
        self.max_workers = max_workers
        self.stats = stats
        self._audit = "removed" in self.fields
        self._pool: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanArticlePipeline:
        """The pipeline configured by the crawler's CLEANER_* settings."""
        settings = crawler.settings
        return cls(
            html_field=settings.get("CLEANER_HTML_FIELD", "html"),
            fields=settings.getlist("CLEANER_OUTPUT_FIELDS", list(DEFAULT_FIELDS)),
            disabled=settings.getlist("CLEANER_DISABLED_FILTERS"),
            drop_empty=settings.getbool("CLEANER_DROP_EMPTY", True),
            max_workers=settings.getint("CLEANER_MAX_WORKERS") or None,
            stats=crawler.stats,
        )

    def open_spider(self, spider: object = None) -> None:
        """Start the worker processes, each building its pipeline once."""
        self._pool = ProcessPoolExecutor(
            self.max_workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=worker_pipeline,
            initargs=(self.disabled,),
        )

    def close_spider(self, spider: object = None) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    async def process_item(self, item: Any, spider: object = None) -> Any:
        """Add the article fields to `item`; raise DropItem for an empty article when CLEANER_DROP_EMPTY is on."""
        adapter = ItemAdapter(item)
        html = adapter.get(self.html_field)
        if html is None:
            self._count("cleaner/no_html")
            return item
        assert self._pool is not None, "open_spider() starts the pool before items arrive"
        future = self._pool.submit(clean_page, html, adapter.get("url"), self.disabled)
        article: Article = await maybe_deferred_to_future(_in_reactor(future))
        self._count("cleaner/cleaned")
        if article.is_empty:
            self._count("cleaner/empty")
            if self.drop_empty:
                raise DropItem(f"no article text in {adapter.get('url')}: {'; '.join(article.warnings)}")
        data = article.to_dict(audit=self._audit)
        for name in self.fields:
            adapter[name] = data[name]
        return item

    def _count(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)


def _in_reactor(future: Future[Article]) -> Deferred[Article]:
    """A Deferred fired in the reactor thread with the outcome of a process-pool future (works with any reactor)."""
    from twisted.internet import reactor

    deferred: Deferred[Article] = Deferred()

    def fire(done: Future[Article]) -> None:
        error = done.exception()
        if error is None:
            deferred.callback(done.result())
        else:
            deferred.errback(Failure(error))

    future.add_done_callback(lambda done: reactor.callFromThread(fire, done))
    return deferred
