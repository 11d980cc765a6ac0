"""Small helpers shared by the DOM hooks of filters: class/id matching and element text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.etree import XPath
from lxml.html import HtmlElement

from .document import Document

_WITH_MARKERS = XPath("//*[@class or @id or @role or @aria-label or @data-testid]")
# elements a DOM hook must never drop: the page itself and the usual main-content containers
_PROTECTED = {"html", "body", "main", "article"}


def marker(element: HtmlElement) -> str:
    """The element's class, id, role and aria-label joined, lower-cased: what class-name rules look at."""
    return " ".join(
        element.get(attr, "") for attr in ("class", "id", "role", "aria-label", "data-testid")
    ).lower()


def elements_marked(
    doc: Document, pattern: re.Pattern[str], max_words: int = 400, tags: frozenset[str] | None = None
) -> Iterator[HtmlElement]:
    """Outermost elements whose class/id/role/aria-label matches `pattern` and that hold at most `max_words` words.

    A matching element with more text than that is not junk-sized (a wrapper around the article, say), so elements
    inside it are still considered. The page itself and <main>/<article> are never yielded, nor elements that an
    earlier filter already removed.
    """
    assert doc.tree is not None
    chosen: set[HtmlElement] = set()
    for element, mark in _marked(doc):
        if element.tag in _PROTECTED or (tags is not None and element.tag not in tags) or not pattern.search(mark):
            continue
        if element.getroottree().getroot() is not doc.tree or any(a in chosen for a in element.iterancestors()):
            continue
        if word_count(element.text_content()) <= max_words:
            chosen.add(element)
            yield element


def _marked(doc: Document) -> list[tuple[HtmlElement, str]]:
    """Every element with a class, id, role or aria-label, with its marker string; computed once per document."""
    if doc.marked is None:
        assert doc.tree is not None
        doc.marked = [(e, marker(e)) for e in _WITH_MARKERS(doc.tree) if isinstance(e.tag, str)]
    return doc.marked


def text_of(element: HtmlElement) -> str:
    """The element's visible text, whitespace folded."""
    return " ".join(element.text_content().split())


def link_density(element: HtmlElement) -> float:
    """Share of the element's text that sits inside links."""
    total = len(text_of(element))
    linked = sum(len(text_of(a)) for a in element.iter("a"))
    return min(1.0, linked / total) if total else 0.0


def word_count(text: str) -> int:
    """Number of \\w+ runs."""
    return len(re.findall(r"\w+", text))
