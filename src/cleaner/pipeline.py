"""The pipeline: load → DOM filters → extract → block filters → Article, with filters users can reorder."""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from lxml.etree import ElementDefaultClassLookup, HTMLPullParser, LxmlError, ParserError
from lxml.html import (HtmlComment, HtmlElement, HtmlElementClassLookup, HtmlEntity, HtmlProcessingInstruction,
                       HTMLParser, document_fromstring)

from .article import Article, Metadata
from .blocks import Block
from .classify import BlockModel, classify_blocks, load_block_model
from .document import Document
from .dom import ByTag, top_elements
from .errors import CleanerError, InputTooLarge, NotAPage, TooDeep, TooManyElements
from .extract import extract_blocks
from .filter import Filter, Stage
from .limits import PARSER_MAX_DEPTH, Deadline, Limits, _Alarm, alarm
from .load import FORMATS, Source, detect_format, read_source
from .metadata import LOOKED_UP as METADATA_TAGS
from .metadata import page_metadata
from .noscript import reveal_noscript
from .pagetype import LOOKED_UP as PAGE_TYPE_TAGS
from .pagetype import detect_page_type
from .registry import builtin_filters, lookup
from .segment import as_blocks, segment
from .textblocks import text_to_blocks

LOG = logging.getLogger(__name__)
# interactive elements that the parser made wrap the page's content (an unclosed <button> around <main>, say): the
# content they must not hold
_MISNESTED = {"button": ("main", "article", "p"), "label": ("main", "article")}
_PARSERS = threading.local()  # lxml parsers must not be shared between threads
_LOOKED_UP = tuple(dict.fromkeys(METADATA_TAGS + PAGE_TYPE_TAGS))  # the tags whose elements metadata and page type read
ERRORS = ("warn", "raise")
EXTRACTORS = ("learned", "trafilatura")
# an XML declaration and a DOCTYPE with an internal subset (entity declarations): never read, cut before parsing
_XML_DECLARATION = re.compile(r"<\?xml[^>]{0,500}\?>")  # matched after leading whitespace is stripped
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]{0,500}\[", re.I)
_COUNT_CHUNK = 1 << 16
# character references to what lxml's own API then refuses to handle (C0 controls but tab, LF and CR; U+FFFE/U+FFFF):
# "&#28;" in a page would make every step that sets text on the tree fail (filters, trafilatura's metadata)
_BAD_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01]|6553[45])(?!\d)|[xX]0*(?:[0-8bcefBCEF]|1[\da-fA-F]|[fF]{3}[eEfF])(?![\da-fA-F]));?"
)
_NON_BLANK_LINE = re.compile(r"^[ \t]*\S", re.M)


class Pipeline:
    """An ordered list of named filters and the run that applies them to a page.

    `Pipeline()` holds the built-in filters in their default order; `Pipeline([])` holds none. `extractor` picks
    how HTML main content is found: "learned" (the shipped block classifier, falling back to trafilatura when the
    model file is missing) or "trafilatura" (rules only). `model` swaps the shipped block classifier for another
    model file written by benchmarks/train_blocks.py (`--out`), say one trained on your own pages.
    """

    def __init__(
        self,
        filters: Iterable[Filter | str] | None = None,
        max_bytes: int | None = None,
        limits: Limits | None = None,
        extractor: str = "learned",
        model: str | Path | None = None,
    ) -> None:
        if extractor not in EXTRACTORS:
            raise ValueError(f"extractor must be one of {EXTRACTORS}, not {extractor!r}")
        self.extractor = extractor
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
        Article either way; a wrong type raises TypeError.
        """
        if format is not None and format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
        if errors not in ERRORS:
            raise ValueError(f"errors must be one of {ERRORS}, not {errors!r}")
        deadline = Deadline(self.limits.max_seconds)
        try:
            with alarm(self.limits.max_seconds):
                return self._clean(source, url, format, deadline)
        except (CleanerError, _Alarm) as caught:
            err = caught if isinstance(caught, CleanerError) else deadline.error()
        if errors == "raise":
            raise err
        return _empty(f"{type(err).__name__}: {err}", url)

    def prepare(
        self, source: Source, url: str | None = None, format: str | None = None, deadline: Deadline | None = None
    ) -> Document | None:
        """Load the input and run the DOM filters: the document as extraction sees it (None for empty input).

        Raises CleanerError on input it cannot load; training and debugging use it to look at what the filters left.
        """
        text, _ = read_source(source, self.limits.max_bytes)
        if not text.strip():
            return None
        doc = self._load(text, url, format or detect_format(text))
        if deadline is not None:
            deadline.check("parsing")
        self._run(doc, Stage.DOM, deadline)
        return doc

    def _clean(self, source: Source, url: str | None, format: str | None, deadline: Deadline) -> Article:
        doc = self.prepare(source, url, format, deadline)
        if doc is None:
            return _empty("the input is empty or only whitespace", url)
        if doc.tree is not None:
            doc.blocks = self._extract(doc, url)
            deadline.check("extraction")
        self._run(doc, Stage.BLOCKS, deadline)
        if not doc.blocks and not doc.warnings:
            doc.warnings.append("no article text found")
        self.stats.update((r.filter, r.reason) for r in doc.removed)
        return doc.to_article()

    def _load(self, text: str, url: str | None, fmt: str) -> Document:
        if fmt != "html":
            _check_lines(text, self.limits)
            doc = Document(format=fmt, metadata=Metadata(url=url))
            doc.blocks = text_to_blocks(text, markdown=fmt == "markdown")
            return doc
        tree = _parse_html(text, self.limits)
        doc = Document(format="html", tree=tree, metadata=Metadata(url=url))
        try:
            found = ByTag(tree, _LOOKED_UP)  # one walk for both
            doc.metadata = page_metadata(tree, url, found)
            doc.metadata.page_type = detect_page_type(tree, url, found)
        except Exception as err:  # trafilatura/htmldate choking on odd markup loses the metadata, not the page
            LOG.warning("metadata failed: %r", err)
            doc.warnings.append(f"metadata skipped: {type(err).__name__}: {err}")
        return doc

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

    def _extract(self, doc: Document, url: str | None) -> list[Block]:
        """The page's main content: the block classifier's choice, or trafilatura's (then all the page's candidate
        blocks, for the boilerplate filter to sift, when trafilatura finds nothing).

        (When trafilatura answers with one lump of text, its own fallback, that lump scores better than
        re-splitting the page: measured on the dev set, 0.62 against 0.59 word F1 on the 36 pages concerned.)
        """
        assert doc.tree is not None
        try:
            blocks = classify_blocks(doc, self.block_model) if self.extractor == "learned" else None
            if blocks is not None:
                doc.extractor = "learned"
            else:
                blocks = extract_blocks(doc.tree, url) or extract_blocks(doc.tree, url, recall=True)
                doc.extractor = "trafilatura"
                if not blocks:
                    blocks, doc.extractor = as_blocks(segment(doc.tree)), "dom"
        except Exception as err:  # an extractor raising on odd markup is a page problem, not a crash
            doc.warnings.append(f"extraction failed: {type(err).__name__}: {err}")
            return []
        if not blocks:
            doc.warnings.append("no main content found in the page")
        return blocks



def _parser() -> HTMLParser:
    """This thread's HTML parser: no network, no comments or processing instructions, recovering from errors.

    Every element is a plain HtmlElement: lxml.html's default lookup calls back into Python for each element the
    code touches, to hand out form and input classes nothing here uses.
    """
    if not hasattr(_PARSERS, "html"):
        _PARSERS.html = HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True,
                                   collect_ids=False)
        _PARSERS.html.set_element_class_lookup(ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
    return _PARSERS.html


def _parse_html(text: str, limits: Limits | None = None) -> HtmlElement:
    """Parse once with lxml (no network, no DTD, no entities); raise NotAPage when nothing parseable is there.

    Pages with more elements than `limits.max_nodes` raise TooManyElements (found by a counting pass that stops
    early, so memory stays bounded); pages nested deeper than `limits.max_depth` raise TooDeep. A <noscript> that
    holds the page's text (a JavaScript app's crawler fallback) is unwrapped: see `cleaner.noscript`.
    """
    limits = limits or Limits()
    text = _strip_prolog(text)
    if "&#" in text:
        text = _BAD_REFERENCE.sub(" ", text)
    tags = text.count("<")  # every element needs one, save the html/head/body the parser adds
    if tags > limits.max_nodes // 2:
        _count_elements(text, limits.max_nodes)
    parser = _parser()
    try:
        tree = document_fromstring(text, parser=parser)
    except (ParserError, LxmlError, ValueError) as err:
        raise NotAPage(f"the HTML could not be parsed: {err}") from err
    if tree is None:
        raise NotAPage("the HTML has no elements")
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":  # libxml2 stopped: deeper or larger than it follows
            if "depth" in error.message.lower():
                raise TooDeep(f"the page nests elements deeper than {PARSER_MAX_DEPTH} levels")
            raise InputTooLarge(f"one text run or attribute of the page is over the HTML parser's limit of 10 MB "
                                f"(libxml2: {error.message.strip()})")
    if tags > limits.max_nodes // 2 and (count := sum(1 for _ in tree.iter())) > limits.max_nodes:
        raise TooManyElements(f"the page has {count} elements, over the limit of {limits.max_nodes}")
    if limits.max_depth < PARSER_MAX_DEPTH and tree.xpath("boolean(/" + "/*" * (limits.max_depth + 1) + ")"):
        raise TooDeep(f"the page nests elements deeper than {limits.max_depth} levels")
    for wrapper in _misnested(tree):
        wrapper.drop_tag()  # keep the content, lose the bogus wrapper that extractors would throw away whole
    reveal_noscript(tree)
    return tree


def _misnested(tree: HtmlElement) -> list[HtmlElement]:
    """The <button> and <label> elements that wrap page content (`_MISNESTED`), in document order."""
    return [
        element
        for top in top_elements(tree)
        for element in top.iter(*_MISNESTED)
        if next(element.iter(*_MISNESTED[element.tag]), None) is not None
    ]


def _strip_prolog(text: str) -> str:
    """The text without an XML declaration or a DOCTYPE's internal subset (entity declarations are never used)."""
    text = text.lstrip()
    if match := _XML_DECLARATION.match(text):
        text = text[match.end() :].lstrip()
    if match := _DOCTYPE_SUBSET.match(text):
        end = text.find("]>", match.end())
        text = text[end + 2 :] if end != -1 else text[match.end() :]
    return text


def _count_elements(text: str, max_nodes: int) -> None:
    """Raise TooManyElements as soon as a parse finds more than `max_nodes` elements (it is then dropped)."""
    counter = HTMLPullParser(events=("start",), remove_comments=True, remove_pis=True, no_network=True,
                             recover=True, collect_ids=False)
    counter.set_element_class_lookup(HtmlElementClassLookup())
    count = 0
    try:
        for start in range(0, len(text), _COUNT_CHUNK):
            counter.feed(text[start : start + _COUNT_CHUNK])
            count += sum(1 for _ in counter.read_events())
            if count > max_nodes:
                raise TooManyElements(f"the page has over {max_nodes} elements, the limit")
        counter.close()
    except (LxmlError, ValueError):
        pass  # the real parse reports what is wrong


def _check_lines(text: str, limits: Limits) -> None:
    """Raise TooManyElements when a text input has more non-blank lines (each a block) than `limits.max_nodes`."""
    if text.count("\n") < limits.max_nodes:
        return
    lines = 0
    for _ in _NON_BLANK_LINE.finditer(text):
        lines += 1
        if lines > limits.max_nodes:
            raise TooManyElements(f"the text has over {limits.max_nodes} lines, the limit")


def _empty(reason: str, url: str | None) -> Article:
    return Article(metadata=Metadata(url=url), warnings=[reason])
