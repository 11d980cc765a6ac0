"""Small helpers shared by the DOM hooks of filters: class/id matching and element text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

# elements a DOM hook must never drop: the page itself and the usual main-content containers
_PROTECTED = {"html", "body", "main", "article"}


def marker(element: HtmlElement) -> str:
    """The element's class, id, role and aria-label joined, lower-cased: what class-name rules look at."""
    return " ".join(
        element.get(attr, "") for attr in ("class", "id", "role", "aria-label", "data-testid")
    ).lower()


def elements_marked(
    tree: HtmlElement, pattern: re.Pattern[str], max_words: int = 400, tags: frozenset[str] | None = None
) -> Iterator[HtmlElement]:
    """Outermost elements whose class/id/role/aria-label matches `pattern` and that hold at most `max_words` words.

    A matching element with more text than that is not junk-sized (a wrapper around the article, say), so the
    walk goes on inside it. The page itself and <main>/<article> are never yielded.
    """
    stack: list[HtmlElement] = [tree]
    while stack:
        element = stack.pop()
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if (
            tag not in _PROTECTED
            and (tags is None or tag in tags)
            and pattern.search(marker(element))
            and word_count(element.text_content()) <= max_words
        ):
            yield element
            continue
        stack.extend(reversed(element))


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
