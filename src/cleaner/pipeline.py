"""The pipeline: load → DOM filters → extract → block filters → Article, with filters users can reorder."""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from lxml.etree import ParserError, XPath
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from .article import Article, Metadata
from .blocks import Block
from .document import Document
from .dom_blocks import dom_blocks
from .errors import CleanerError, NotAPage
from .extract import extract_blocks
from .filter import Filter, Stage
from .load import DEFAULT_MAX_BYTES, FORMATS, Source, detect_format, read_source
from .metadata import page_metadata
from .registry import builtin_filters, lookup
from .textblocks import text_to_blocks

LOG = logging.getLogger(__name__)
# interactive elements that the parser made wrap the page's content (an unclosed <button> around <main>, say)
_MISNESTED = XPath("//button[.//main or .//article or .//p] | //label[.//main or .//article]")
_LUMP_BLOCKS = 2
_LUMP_WORDS = 150
_PARSERS = threading.local()  # lxml parsers must not be shared between threads


class Pipeline:
    """An ordered list of named filters and the run that applies them to a page.

    `Pipeline()` holds the built-in filters in their default order; `Pipeline([])` holds none.
    """

    def __init__(self, filters: Iterable[Filter | str] | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        chosen = [cls() for cls in builtin_filters().values()] if filters is None else filters
        self._filters: list[Filter] = [self._make(f) for f in chosen]
        self.max_bytes = max_bytes
        self.stats: Counter[tuple[str, str]] = Counter()

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

    def clean(self, source: Source, url: str | None = None, format: str | None = None) -> Article:
        """Clean one page or text; bad content gives an empty Article with a warning, a wrong type a TypeError."""
        if format is not None and format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
        try:
            text, _ = read_source(source, self.max_bytes)
            doc = self._load(text, url, format or detect_format(text))
        except CleanerError as err:
            return _empty(f"{type(err).__name__}: {err}", url)
        self._run(doc, Stage.DOM)
        if doc.tree is not None:
            doc.blocks = self._extract(doc, url)
        self._run(doc, Stage.BLOCKS)
        if not doc.blocks and not doc.warnings:
            doc.warnings.append("no article text found")
        self.stats.update((r.filter, r.reason) for r in doc.removed)
        return doc.to_article()

    def _load(self, text: str, url: str | None, fmt: str) -> Document:
        if not text.strip():
            raise NotAPage("the input is empty or only whitespace")
        if fmt != "html":
            doc = Document(format=fmt, metadata=Metadata(url=url))
            doc.blocks = text_to_blocks(text, markdown=fmt == "markdown")
            return doc
        tree = _parse_html(text)
        return Document(format="html", tree=tree, metadata=page_metadata(tree, url))

    def _run(self, doc: Document, stage: Stage) -> None:
        for flt in self._filters:
            if stage not in flt.stages():
                continue
            try:
                flt.prune(doc) if stage is Stage.DOM else flt.apply(doc)
            except Exception as err:  # a broken filter must not sink the document
                LOG.warning("filter %s failed: %r", flt.name, err)
                doc.warnings.append(f"filter {flt.name} skipped: {type(err).__name__}: {err}")

    @staticmethod
    def _extract(doc: Document, url: str | None) -> list[Block]:
        """trafilatura's main content; a plain block split of the page when it finds none or only one lump."""
        assert doc.tree is not None
        try:
            blocks = extract_blocks(doc.tree, url) or extract_blocks(doc.tree, url, recall=True)
            doc.extractor = "trafilatura"
            if _degenerate(blocks):
                blocks, doc.extractor = dom_blocks(doc.tree), "dom"
        except Exception as err:  # trafilatura raising on odd markup is a page problem, not a crash
            doc.warnings.append(f"extraction failed: {type(err).__name__}: {err}")
            return []
        if not blocks:
            doc.warnings.append("no main content found in the page")
        return blocks or []


def _degenerate(blocks: list[Block] | None) -> bool:
    """No blocks, or one or two huge ones: the extractor fell back to dumping the page's text in a lump."""
    if not blocks:
        return True
    return len(blocks) <= _LUMP_BLOCKS and max(b.word_count for b in blocks) > _LUMP_WORDS


def _parser() -> HTMLParser:
    """This thread's HTML parser: no network, no comments or processing instructions, recovering from errors."""
    if not hasattr(_PARSERS, "html"):
        _PARSERS.html = HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True,
                                   collect_ids=False)
    return _PARSERS.html


def _parse_html(text: str) -> HtmlElement:
    """Parse once with lxml (no network, no DTD); raise NotAPage when nothing parseable is there."""
    if text.lstrip().startswith("<?xml"):
        text = text[text.index("?>") + 2 :] if "?>" in text else text
    try:
        tree = document_fromstring(text, parser=_parser())
    except (ParserError, ValueError) as err:
        raise NotAPage(f"the HTML could not be parsed: {err}") from err
    if tree is None:
        raise NotAPage("the HTML has no elements")
    for wrapper in _MISNESTED(tree):
        wrapper.drop_tag()  # keep the content, lose the bogus wrapper that extractors would throw away whole
    return tree


def _empty(reason: str, url: str | None) -> Article:
    return Article(metadata=Metadata(url=url), warnings=[reason])
