"""Small helpers for looking at the tree: elements by tag, class/id matching for filters' DOM hooks, element text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from lxml.etree import XPath
from lxml.html import HtmlElement

from .compiled import compiled
from .scripts import WORD

if TYPE_CHECKING:
    from ..document import Document

# elements whose text no reader sees
INVISIBLE = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "select",
        "option",
        "textarea",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
        "button",
        "input",
        "map",
        "audio",
        "video",
        "picture",
        "source",
    }
)

_NO_MARKER = "    "  # the marker of an element without any of those attributes
_SCANNED = XPath(
    "descendant-or-self::*[@class or @id or @role or @aria-label or @data-testid or @itemprop or @itemtype or @rel"
    " or self::time]"
)
_COMPILED = compiled("cleaner.shared._marked")  # the compiled scan of `Marked`, when built
# elements a DOM hook must never drop: the page itself and the usual main-content containers
_PROTECTED = {"html", "body", "main", "article"}


def marker(element: HtmlElement) -> str:
    """The element's class, id, role, aria-label and data-testid joined, lower-cased: what class-name rules look at."""
    get = element.get
    text = f"{get('class', '')} {get('id', '')} {get('role', '')} {get('aria-label', '')} {get('data-testid', '')}"
    return text.lower()


def top_elements(tree: HtmlElement) -> list[HtmlElement]:
    """The root element and the top-level elements after it (a page the parser split into two <html>): the
    document an absolute XPath ('//tag') searches, where `tree.iter()` only walks the first."""
    return [tree, *tree.itersiblings()]


class ByTag:
    """The elements with some tags, by tag in document order, found in one walk of the document.

    `under_root(tag)` are those under the root element, what `tree.iter(tag)` finds; `anywhere(tag)` adds those under
    any other top-level element (a page the parser split into two <html>), what an absolute XPath ('//tag') finds.
    """

    def __init__(self, tree: HtmlElement, tags: tuple[str, ...]) -> None:
        self._found: dict[str, list[HtmlElement]] = {tag: [] for tag in tags}
        self._under_root: dict[str, int] = {}  # how many of each list are under the root element
        for top in top_elements(tree):
            for element in top.iter(*tags):
                self._found[element.tag].append(element)
            if top is tree:
                self._under_root = {tag: len(elements) for tag, elements in self._found.items()}

    def under_root(self, tag: str) -> list[HtmlElement]:
        """The `tag` elements under the root element."""
        return self._found[tag][: self._under_root[tag]]

    def anywhere(self, tag: str) -> list[HtmlElement]:
        """The `tag` elements of the whole document."""
        return self._found[tag]


# what the page scan keeps of an element: (element, marker, class, itemprop, itemtype, rel), None for an attribute
# the element does not have
Record = tuple[HtmlElement, str, str | None, str | None, str | None, str | None]
CLASS: Final = 2  # where a Record holds those attributes
ITEMPROP: Final = 3
ITEMTYPE: Final = 4
REL: Final = 5


# A blog's class tokens that name the post's own tags, categories and format, not the element's role: WordPress'
# post_class() prints 'tag-share', 'category-related-news', 'format-video' on the post's container for every term
# ("Ghost" themes 'tag-podcast'). Read as role names, they made a post tagged 'share' a share box and dropped it whole
# (2026-12-07, with the pipeline: dragnet 0.9117 -> 0.9124, one page better, +0.98; l3s-gn1 and wcxb-dev tune page
# for page as before). A slug has no underscore ('category-review-card_author' is a component's name), and
# 'tag-list', 'tag-cloud', 'tag-links', 'category-nav' and '-menu' name a role (a list of tags, a menu) and stay.
_TERMS = re.compile(
    r"(?<!\S)(?:(?:tag|category)-(?!(?:list|cloud|links?|nav|menu)(?!\S))[a-z0-9%-]+"
    r"|format-(?:standard|aside|chat|gallery|link|image|quote|status|video|audio))(?!\S)"
)


class Marked:
    """The page's elements that have a marker (a non-empty class, id, role, aria-label or data-testid), grouped by
    marker string: a page repeats the same few class names, so each distinct marker is searched once per pattern.
    Patterns are searched in the marker less the post's term classes (`_TERMS`). `records` also holds the elements
    with microdata attributes and the <time>s, for the metadata (`Record`)."""

    def __init__(self, tree: HtmlElement) -> None:
        self.records: list[Record] = (
            _COMPILED.scanned_elements(tree) if _COMPILED is not None else scanned_elements(tree)
        )
        by_marker: dict[str, list[int]] = {}
        for i, record in enumerate(self.records):
            if record[1] != _NO_MARKER:
                by_marker.setdefault(record[1], []).append(i)
        self.positions: dict[str, list[int]] = {}  # marker less term classes -> indices into `records`
        for mark, indices in by_marker.items():
            self.positions.setdefault(without_terms(mark), []).extend(indices)

    def matching(self, pattern: re.Pattern[str]) -> list[HtmlElement]:
        """The elements whose marker `pattern` finds something in, in document order."""
        return [self.records[i][0] for i in self.indices(pattern)]

    def indices(self, pattern: re.Pattern[str]) -> list[int]:
        """The indices into `records` of the elements whose marker `pattern` finds something in, in order."""
        hits = [i for mark, indices in self.positions.items() if pattern.search(mark) for i in indices]
        hits.sort()
        return hits


def without_terms(mark: str) -> str:
    """A marker (`marker`) less the class tokens naming a post's terms (`_TERMS`): what class-name rules read."""
    return _TERMS.sub("", mark)


def scanned_elements(tree: HtmlElement) -> list[Record]:
    """The `Record` of each of the page's elements that has a marker or a microdata attribute (itemprop, itemtype,
    rel) or is a <time>, in document order (the compiled scan, shared/_marked.pyx, finds the same)."""
    return [_record(element) for top in top_elements(tree) for element in _SCANNED(top)]  # found in C: most
    # elements have none of the attributes


def _record(element: HtmlElement) -> Record:
    get = element.get
    return (element, marker(element), get("class"), get("itemprop"), get("itemtype"), get("rel"))


def marked(doc: Document) -> Marked:
    """The document's marked elements, found once per document (the first DOM hook to ask builds them)."""
    if doc.marked is None:
        assert doc.tree is not None
        doc.marked = Marked(doc.tree)
    return doc.marked


def elements_marked(
    doc: Document, pattern: re.Pattern[str], max_words: int = 400, tags: frozenset[str] | None = None
) -> Iterator[HtmlElement]:
    """Outermost elements whose class/id/role/aria-label matches `pattern` and that hold at most `max_words` words.

    A matching element with more text than that is not junk-sized (a wrapper around the article, say), so elements
    inside it are still considered. The page itself and <main>/<article> are never yielded, nor elements that an
    earlier filter already removed.
    """
    assert doc.tree is not None
    tops = set(top_elements(doc.tree))
    chosen: set[HtmlElement] = set()
    for element in marked(doc).matching(pattern):
        if element.tag in _PROTECTED or (tags is not None and element.tag not in tags):
            continue
        ancestors = list(element.iterancestors())
        if (ancestors[-1] if ancestors else element) not in tops or any(a in chosen for a in ancestors):
            continue  # removed by an earlier filter (lxml still gives it the document's root), or inside a chosen one
        if word_count(element.text_content()) <= max_words:
            chosen.add(element)
            yield element


def text_of(element: HtmlElement) -> str:
    """The element's visible text, whitespace folded."""
    return " ".join(element.text_content().split())


def link_density(element: HtmlElement) -> float:
    """Share of the element's text that sits inside links."""
    total = len(text_of(element))
    linked = sum(len(text_of(a)) for a in element.iter("a"))
    return min(1.0, linked / total) if total else 0.0


def word_count(text: str) -> int:
    """Number of words (`scripts.WORD`)."""
    return len(WORD.findall(text))


def visible_text(element: HtmlElement, skip: HtmlElement | None = None) -> str:
    """The text of `element` a reader sees: <br> as a space, no text of `INVISIBLE` elements, comments or `skip`."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "br":
            parts.append(" ")
        elif child is not skip and isinstance(child.tag, str) and child.tag not in INVISIBLE:
            parts.append(visible_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
