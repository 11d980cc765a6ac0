"""Main-content extraction: trafilatura finds the body in the pruned tree; its XML becomes our blocks."""

from __future__ import annotations

from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura import bare_extraction

from ..blocks import Block, Kind

_CONTAINERS = {"div", "body", "section", "article", "main"}
# elements that stand apart from their neighbours in text (trafilatura puts a line break after them)
_SPACED = {"lb", "p", "item", "list", "head", "cell", "row", "quote", "code", "table", "dd", "dt", "div"}


def extract_blocks(tree: HtmlElement, url: str | None = None, recall: bool = False) -> list[Block] | None:
    """Return the main content of `tree` as blocks, or None when trafilatura finds nothing worth keeping."""
    result = bare_extraction(
        tree,
        url=url,
        include_links=False,
        include_tables=True,
        include_comments=True,
        favor_recall=recall,
        with_metadata=False,
    )
    if result is None or isinstance(result, dict) or result.body is None:  # a dict only when asked for one
        return None
    blocks = list(_walk(result.body, 0))
    if result.commentsbody is not None:
        blocks += list(_walk(result.commentsbody, 0))
    return [b for b in blocks if b.text]


def _walk(element: _Element, depth: int) -> list[Block]:
    """Flatten trafilatura's XML body into blocks in document order."""
    out: list[Block] = []
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "p":
            out.append(_block(child, Kind.PARAGRAPH))
        elif tag == "head":
            rend = child.get("rend", "h2")
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            out.append(_block(child, Kind.HEADING, level))
        elif tag == "list":
            out.extend(_list_items(child, depth + 1))
        elif tag == "quote":
            inner = _walk(child, depth) if any(c.tag in ("p", "list", "head") for c in child) else []
            out.extend(Block(b.text, Kind.QUOTE, 0, b.link_density, "quote") for b in inner)
            if not inner:
                out.append(_block(child, Kind.QUOTE))
        elif tag == "code":
            text = "".join(child.itertext()).strip("\n")
            out.append(Block(text, Kind.CODE, source="code"))
        elif tag == "table":
            out.extend(_table_rows(child))
        elif tag in _CONTAINERS:
            out.extend(_walk(child, depth))
        elif tag and tag != "graphic":
            out.append(_block(child, Kind.PARAGRAPH))
        if child.tail and child.tail.strip():
            out.append(Block(" ".join(child.tail.split()), Kind.PARAGRAPH, source="tail"))
    return out


def _list_items(lst: _Element, depth: int) -> list[Block]:
    """One block per <item>, nested lists one level deeper."""
    out: list[Block] = []
    for item in lst:
        if item.tag != "item":
            continue
        nested = [c for c in item if c.tag == "list"]
        for sub in nested:
            item.remove(sub)  # the body is trafilatura's private copy, so detaching is safe
        block = _block(item, Kind.LIST_ITEM, depth)
        if block.text:
            out.append(block)
        for sub in nested:
            out.extend(_list_items(sub, depth + 1))
    return out


def _table_rows(table: _Element) -> list[Block]:
    """One TABLE block per row, cells joined by ' | '."""
    rows: list[Block] = []
    for row in table.iter("row"):
        cells = [" ".join("".join(c.itertext()).split()) for c in row if c.tag == "cell"]
        text = " | ".join(c for c in cells if c)
        if text:
            rows.append(Block(text, Kind.TABLE, source="table"))
    return rows


def _block(element: _Element, kind: Kind, level: int = 0) -> Block:
    """A block from an element's text (nested block-level parts spaced apart, as trafilatura's text output does)."""
    parts: list[str] = []
    _gather(element, parts)
    text = " ".join("".join(parts).split())
    return Block(text, kind, level, 0.0, element.tag if isinstance(element.tag, str) else "")


def _gather(element: _Element, parts: list[str]) -> None:
    """Append the element's text to `parts`, with spaces around nested block-level elements and line breaks."""
    if element.text:
        parts.append(element.text)
    for child in element:
        spaced = child.tag in _SPACED
        if spaced:
            parts.append(" ")
        _gather(child, parts)
        if spaced:
            parts.append(" ")
        if child.tail:
            parts.append(child.tail)
