"""Follow the links of one start page (same site only) and yield each linked page's URL and HTML."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import scrapy
from scrapy.http import Response, TextResponse


class ArticlesSpider(scrapy.Spider):
    """`scrapy crawl articles -a start_url=https://example.org/news/`: one item per linked page."""

    name = "articles"

    def __init__(self, start_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]
        self.allowed_domains = [urlparse(start_url).hostname or ""]

    def parse(self, response: Response) -> Iterator[scrapy.Request]:
        """Request every page the start page links to."""
        if isinstance(response, TextResponse):
            yield from response.follow_all(css="a", callback=self.parse_article)

    def parse_article(self, response: Response) -> Iterator[dict[str, str]]:
        """The raw page, when it is text (not an image or a PDF); CleanArticlePipeline adds the article fields."""
        if isinstance(response, TextResponse):
            yield {"url": response.url, "html": response.text}
