"""The body as JSON-ready data (`Article.to_dict(body=True)`): one object per unit, a table being one object.

Schema, per object: `kind` (paragraph, heading, list_item, quote, table, code) and `text` (the plain text, as in
`Article.text`); then, when they apply: `level` (heading level, list depth), `ordered` (numbered list item),
`spans` (a list of `{"text", "strong", "em", "code", "href"}`, only the marks that are set, `href` with `links`),
`rows` (a table's rows, each a list of cell texts) and `header` (whether the first row is a header row),
`language` (code), `images` (with `images`: a list of `{"src", "alt", "caption"}` shown before the block).
"""

from __future__ import annotations

from typing import Any

from ..blocks import Block, Kind
from ..body import Span
from .units import units


def body_data(blocks: list[Block], links: bool = False, images: bool = False) -> list[dict[str, Any]]:
    """The structured body (see the module docstring for the schema)."""
    out: list[dict[str, Any]] = []
    for unit in units(blocks):
        first, structure = unit[0], unit[0].structure
        item: dict[str, Any] = {"kind": first.kind.value, "text": "\n".join(b.text for b in unit)}
        if len(unit) > 1 or first.cells:
            item["rows"] = [list(b.cells or (b.text,)) for b in unit]
            item["header"] = bool(structure and structure.header)
        elif first.kind in (Kind.HEADING, Kind.LIST_ITEM) and first.level:
            item["level"] = first.level
        if structure is not None:
            if first.kind is Kind.LIST_ITEM and structure.ordered:
                item["ordered"] = True
            if first.kind is Kind.CODE and structure.language:
                item["language"] = structure.language
            if first.spans:
                item["spans"] = [_span(s, links) for s in _linked(first.spans, links)]
            if images and structure.images:
                item["images"] = [{"src": i.src, "alt": i.alt, "caption": i.caption} for i in structure.images]
        out.append(item)
    return out


def _linked(spans: tuple[Span, ...], links: bool) -> tuple[Span, ...]:
    """The runs, without their links unless `links`."""
    return spans if links else tuple(Span(s.text, s.strong, s.em, s.code) for s in spans)


def _span(span: Span, links: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"text": span.text}
    for name in ("strong", "em", "code"):
        if getattr(span, name):
            data[name] = True
    if links and span.href:
        data["href"] = span.href
    return data
