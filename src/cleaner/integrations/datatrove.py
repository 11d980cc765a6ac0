"""A datatrove pipeline step: each document's HTML becomes its cleaned article text, with the article's metadata.

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerExtractor

    pipeline = [WarcReader("crawl/"), CleanerExtractor(), JsonlWriter("out/")]

Unlike datatrove's own extractors, pages are cleaned in the worker's process, bounded by the library's limits
(`Limits`: size, elements, depth, seconds) rather than a sandbox process per step, whose start-up alone can exceed
its one-second timeout on a small machine. Counters: `extracted`, `empty` (no article text), and one per refusal
(`refused:Timeout`, `refused:NotAPage`, …); documents without article text are dropped unless `keep_empty`.
"""

from __future__ import annotations

from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from ..article import Article
from ..limits import Limits
from ..pipeline import Pipeline

METADATA_FIELDS = ("title", "authors", "date", "language", "sitename", "page_type")


class CleanerExtractor(PipelineStep):
    """Replace each document's text (HTML, or scraped text) by the cleaned article body and add its metadata."""

    name = "🧹 cleaner"
    type = "🛢 - EXTRAC"

    def __init__(
        self,
        favor: str = "balanced",
        limits: Limits | None = None,
        disabled: tuple[str, ...] = (),
        keep_empty: bool = False,
        format: str | None = None,
    ) -> None:
        super().__init__()
        self.favor = favor
        self.limits = limits
        self.disabled = tuple(disabled)
        self.keep_empty = keep_empty
        self.format = format
        self._pipeline: Pipeline | None = None

    def pipeline(self) -> Pipeline:
        """This worker's pipeline, built on first use (the step itself is pickled to the workers)."""
        if self._pipeline is None:
            self._pipeline = Pipeline(limits=self.limits, favor=self.favor)
            for name in self.disabled:
                self._pipeline.remove(name)
        return self._pipeline

    def clean(self, text: str, metadata: dict[str, Any]) -> Article:
        """The article of one document's text; the document's `url` metadata, when present, resolves the page's."""
        return self.pipeline().clean(text, url=metadata.get("url"), format=self.format)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Clean every document, forward those with article text (all of them with `keep_empty`)."""
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                article = self.clean(doc.text, doc.metadata)
            if article.is_empty:
                refusal = next((w.split(":", 1)[0] for w in article.warnings if ":" in w), "")
                self.stat_update(f"refused:{refusal}" if refusal[:1].isupper() else "empty")
                if not self.keep_empty:
                    self.stat_update(StatHints.dropped)
                    continue
            else:
                self.stat_update("extracted")
            doc.text = article.text
            doc.metadata.update({field: getattr(article, field) for field in METADATA_FIELDS})
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc
