"""A plain block split of the whole (pruned) page, for when the main-content extractor gives up.

Each block-level element's own text becomes a block (headings, list items, quotes, code and table rows keep their
kind), with the share of its text inside links, so the boilerplate classifier can then pick the article out as it
does for a text dump. The walk is iterative: deep nesting cannot exhaust the stack.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .blocks import Block, Kind

# never text; navigation, footers and forms are left to the boilerplate classifier (their size is not known here)
_SKIP = {"script", "style", "noscript", "template", "head", "select", "option", "textarea", "svg", "iframe",
         "object", "embed", "canvas"}
_KIND = {"h1": Kind.HEADING, "h2": Kind.HEADING, "h3": Kind.HEADING, "h4": Kind.HEADING, "h5": Kind.HEADING,
         "h6": Kind.HEADING, "li": Kind.LIST_ITEM, "dt": Kind.LIST_ITEM, "dd": Kind.LIST_ITEM,
         "blockquote": Kind.QUOTE, "pre": Kind.CODE, "tr": Kind.TABLE}
_BLOCK_TAGS = set(_KIND) | {"p", "div", "section", "article", "main", "header", "ul", "ol", "dl", "table", "tbody",
                            "thead", "figure", "figcaption", "address", "br", "hr", "body", "center"}
_CELLS = {"td", "th"}
_OPEN, _CLOSE, _SKIPPED = 0, 1, 2


def dom_blocks(tree: HtmlElement) -> list[Block]:
    """Blocks of the page's visible text in document order."""
    blocks: list[Block] = []
    parts: list[str] = []
    linked = [0]
    stack: list[str] = []  # open block-level tags, innermost last
    in_link = 0

    def add(text: str | None) -> None:
        if text:
            parts.append(text)
            linked[0] += len(text.strip()) if in_link else 0

    def flush() -> None:
        text = " ".join("".join(parts).split())
        if text:
            kind = next((_KIND[t] for t in reversed(stack) if t in _KIND), Kind.PARAGRAPH)
            level = int(stack[-1][1]) if kind is Kind.HEADING and stack[-1][0] == "h" else 0
            blocks.append(Block(text, kind, level, min(1.0, linked[0] / len(text)), "dom"))
        parts.clear()
        linked[0] = 0

    todo: list[tuple[HtmlElement, int]] = [(tree, _OPEN)]
    while todo:
        element, step = todo.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if step == _OPEN:
            skip = tag in _SKIP or not tag
            todo.append((element, _SKIPPED if skip else _CLOSE))
            if skip:
                continue
            if tag in _BLOCK_TAGS:
                flush()
                stack.append(tag)
            elif tag == "a":
                in_link += 1
            elif tag in _CELLS:
                parts.append(" | ")
            add(element.text)
            todo.extend((child, _OPEN) for child in reversed(element))
            continue
        if step == _CLOSE and tag in _BLOCK_TAGS:
            flush()
            stack.pop()
        elif step == _CLOSE and tag == "a":
            in_link -= 1
        add(element.tail)
    flush()
    return [_tidy_row(b) for b in blocks]


def _tidy_row(block: Block) -> Block:
    """Table rows were built with ' | ' before each cell: drop the leading one."""
    if block.kind is Kind.TABLE:
        block.text = block.text.strip(" |")
    return block
