"""The pipeline: load → DOM filters → extract → block filters → Article, with filters users can reorder."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from .article import Article, Metadata
from .document import Document
from .errors import CleanerError
from .extract import EXTRACTORS, BlockModel, load_block_model, main_content
from .filter import Filter, Stage
from .limits import Deadline, Limits, _Alarm, alarm
from .load import FORMATS, Source, load_document
from .metadata import read_metadata
from .registry import builtin_filters, lookup
from .shared.collector import collector_paused
from .shared.dom import marked
from .shared.keep import FAVORS
from .shared.stoplists import guess_language
from .text import dump_metadata, text_to_blocks

LOG = logging.getLogger(__name__)
ERRORS = ("warn", "raise")


class Pipeline:
    """An ordered list of named filters and the run that applies them to a page.

    `Pipeline()` holds the built-in filters in their default order; `Pipeline([])` holds none. `extractor` picks
    how HTML main content is found: "learned" (the shipped block classifier, falling back to trafilatura when the
    model file is missing) or "trafilatura" (rules only). `model` swaps the shipped block classifier for another
    model file written by benchmarks/train_blocks.py (`--out`), say one trained on your own pages. `favor` leans
    what is kept: "precision" (less boilerplate, some content lost), "balanced" (the default) or "recall" (more
    content, more boilerplate), in the keep cut (`shared.keep.BETA`) and in what an article page keeps past the
    article's end (`extract.article_zone.SURE`); docs/benchmarks.md gives each one's numbers per corpus.
    """

    def __init__(
        self,
        filters: Iterable[Filter | str] | None = None,
        max_bytes: int | None = None,
        limits: Limits | None = None,
        extractor: str = "learned",
        model: str | Path | None = None,
        favor: str = "balanced",
    ) -> None:
        if extractor not in EXTRACTORS:
            raise ValueError(f"extractor must be one of {EXTRACTORS}, not {extractor!r}")
        if favor not in FAVORS:
            raise ValueError(f"favor must be one of {FAVORS}, not {favor!r}")
        self.extractor = extractor
        self.favor = favor
        self.block_model: BlockModel | None = None  # None: the shipped model
        if model is not None:
            self.block_model = load_block_model(Path(model))
            if self.block_model is None:
                what = "not a block model file for this version's features" if Path(model).is_file() else "no such file"
                raise ValueError(f"{model}: {what}")
        chosen = [cls() for cls in builtin_filters().values()] if filters is None else filters
        self._filters: list[Filter] = [self._make(f) for f in chosen]
        self.limits = limits or Limits()
        if max_bytes is not None:
            self.limits = replace(self.limits, max_bytes=max_bytes)
        self.stats: Counter[tuple[str, str]] = Counter()

    @property
    def max_bytes(self) -> int:
        """The input size limit (`limits.max_bytes`)."""
        return self.limits.max_bytes

    @max_bytes.setter
    def max_bytes(self, value: int) -> None:
        self.limits = replace(self.limits, max_bytes=value)

    # -- editing -------------------------------------------------------------------------------

    @property
    def names(self) -> list[str]:
        """Filter names in order (each stage runs the filters in this order: DOM hooks, extraction, block hooks)."""
        return [f.name for f in self._filters]

    def __iter__(self) -> Iterator[Filter]:
        return iter(self._filters)

    def __len__(self) -> int:
        return len(self._filters)

    def get(self, name: str) -> Filter:
        """The filter called `name`."""
        return self._filters[self._index(name)]

    def add(
        self,
        flt: Filter | str,
        *,
        before: str | None = None,
        after: str | None = None,
        first: bool = False,
        **options: Any,
    ) -> Filter:
        """Insert a filter (an instance, or a registered name plus options); at the end unless placed."""
        new = self._make(flt, **options)
        if new.name in self.names:
            raise ValueError(f"the pipeline already has a filter named {new.name!r}")
        if sum(x is not None and x is not False for x in (before, after, first or None)) > 1:
            raise ValueError("give at most one of before=, after=, first=")
        position = len(self._filters)
        if first:
            position = 0
        elif before is not None:
            position = self._index(before)
        elif after is not None:
            position = self._index(after) + 1
        self._filters.insert(position, new)
        return new

    def remove(self, name: str) -> Filter:
        """Take the filter called `name` out of the pipeline and return it."""
        return self._filters.pop(self._index(name))

    def configure(self, name: str, **options: Any) -> Filter:
        """Replace the filter called `name` by one of the same class with these options changed."""
        index = self._index(name)
        old = self._filters[index]
        self._filters[index] = type(old)(**{**old.options, **options})
        return self._filters[index]

    def _index(self, name: str) -> int:
        for i, f in enumerate(self._filters):
            if f.name == name:
                return i
        raise KeyError(f"no filter named {name!r} in the pipeline; it has: {', '.join(self.names)}")

    @staticmethod
    def _make(flt: Filter | str, **options: Any) -> Filter:
        if isinstance(flt, Filter):
            if options:
                raise TypeError("options go with a filter name, not with a filter instance")
            return flt
        if isinstance(flt, str):
            return lookup(flt)(**options)
        raise TypeError(f"a pipeline step must be a Filter or a registered filter name, not {type(flt).__name__}")

    # -- running -------------------------------------------------------------------------------

    def clean(
        self, source: Source, url: str | None = None, format: str | None = None, *, errors: str = "warn"
    ) -> Article:
        """Clean one page or text.

        Input that cannot be cleaned (binary, undecodable, over one of `self.limits`) gives an empty Article whose
        `warnings` name the error, or with `errors="raise"` raises that `CleanerError`. Empty input gives an empty
        Article either way; a wrong type raises TypeError. Python's cyclic garbage collector is paused meanwhile
        (`shared.collector`: a page makes no cycles, so its passes are pure cost).
        """
        if format is not None and format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
        if errors not in ERRORS:
            raise ValueError(f"errors must be one of {ERRORS}, not {errors!r}")
        deadline = Deadline(self.limits.max_seconds)
        try:
            with alarm(self.limits.max_seconds), collector_paused():
                return self._clean(source, url, format, deadline)
        except (CleanerError, _Alarm) as caught:
            err = caught if isinstance(caught, CleanerError) else deadline.error()
        if errors == "raise":
            raise err
        return _empty(f"{type(err).__name__}: {err}", url)

    def prepare(
        self, source: Source, url: str | None = None, format: str | None = None, deadline: Deadline | None = None
    ) -> Document | None:
        """Load the input, read an HTML page's metadata and run the DOM filters: the document as extraction sees it
        (None for empty input).

        Raises CleanerError on input it cannot load; training and debugging use it to look at what the filters left.
        """
        doc = load_document(source, url, format, self.limits)
        if doc is None:
            return None
        doc.favor = self.favor
        if doc.tree is not None:
            _read_metadata(doc, url)
        if deadline is not None:
            deadline.check("parsing")
        self._run(doc, Stage.DOM, deadline)
        return doc

    def _clean(self, source: Source, url: str | None, format: str | None, deadline: Deadline) -> Article:
        doc = self.prepare(source, url, format, deadline)
        if doc is None:
            return _empty("the input is empty or only whitespace", url)
        if doc.tree is not None:
            doc.blocks = main_content(doc, url, self.extractor, self.block_model)
            deadline.check("extraction")
            doc.metadata.language = doc.metadata.language or guess_language([b.text for b in doc.blocks])
        else:
            doc.blocks = text_to_blocks(doc.text, markdown=doc.format == "markdown")
            _read_dump_metadata(doc)
        self._run(doc, Stage.BLOCKS, deadline)
        if not doc.blocks and not doc.warnings:
            doc.warnings.append("no article text found")
        self.stats.update((r.filter, r.reason) for r in doc.removed)
        return doc.to_article()

    def _run(self, doc: Document, stage: Stage, deadline: Deadline | None = None) -> None:
        for flt in self._filters:
            if stage not in flt.stages():
                continue
            if deadline is not None:
                deadline.check(f"filter {flt.name}")
            try:
                flt.prune(doc) if stage is Stage.DOM else flt.apply(doc)
            except Exception as err:  # a broken filter must not sink the document
                LOG.warning("filter %s failed: %r", flt.name, err)
                doc.warnings.append(f"filter {flt.name} skipped: {type(err).__name__}: {err}")


def _read_metadata(doc: Document, url: str | None) -> None:
    """Set the page's metadata; trafilatura/htmldate choking on odd markup loses the metadata, not the page."""
    assert doc.tree is not None
    try:
        doc.metadata = read_metadata(doc.tree, url, marked(doc))
    except Exception as err:
        LOG.warning("metadata failed: %r", err)
        doc.warnings.append(f"metadata skipped: {type(err).__name__}: {err}")


def _read_dump_metadata(doc: Document) -> None:
    """Title, authors and date read from a text dump's lines (`text.metadata`), and the language its function words
    say it is in (`shared.stoplists`), where nothing set them yet."""
    found = dump_metadata(doc.blocks, doc.metadata.url)
    doc.metadata.title = doc.metadata.title or found.title
    doc.metadata.authors = doc.metadata.authors or found.authors
    doc.metadata.date = doc.metadata.date or found.date
    doc.metadata.language = doc.metadata.language or guess_language([b.text for b in doc.blocks])


def _empty(reason: str, url: str | None) -> Article:
    return Article(metadata=Metadata(url=url), warnings=[reason])
