"""The body as a safe HTML fragment: an `<article>` of h1-h6, p, ul/ol/li, table/thead/tbody/tr/th/td, pre/code,
blockquote, figure/img/figcaption, a, em, strong and code, built element by element with lxml (text is escaped by
the serializer, never pasted as markup). No script, style or event attribute can appear; the only attributes are
`href` and `src` (absolute http(s)/mailto URLs, `shared/urls.py`), `alt` and a code block's `class="language-…"`.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import tostring

from ..blocks import Block, Kind
from ..body import Image, Span
from .units import list_depths, units

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # lxml refuses these characters
_LANGUAGE = re.compile(r"[A-Za-z0-9_+#.-]{1,30}")
_LANG_ATTR = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def render_html(blocks: list[Block], title: str = "", links: bool = False, images: bool = False) -> str:
    """An `<article>` fragment of the body, opened by the title as an `<h1>` when given. `links` keeps the page's
    links as `<a href>`, `images` its images as `<figure>`s (with their caption when kept)."""
    return tostring(body_element(blocks, title, links, images), encoding="unicode")


def render_html_document(blocks: list[Block], meta: dict[str, str], links: bool = False, images: bool = False) -> str:
    """A standalone HTML5 document: `meta` (title, author, date, description, url, language, sitename) in its
    `<head>`, the article fragment in its `<body>`."""
    html = etree.Element("html")
    if _LANG_ATTR.fullmatch(meta.get("language", "")):
        html.set("lang", meta["language"])
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "title").text = _clean(meta.get("title", ""))
    for name in ("author", "date", "description", "sitename"):
        if meta.get(name):
            etree.SubElement(head, "meta", name=name, content=_clean(meta[name]))
    if meta.get("url"):
        etree.SubElement(head, "link", rel="canonical", href=meta["url"])
    etree.SubElement(html, "body").append(body_element(blocks, meta.get("title", ""), links, images))
    return "<!DOCTYPE html>\n" + tostring(html, encoding="unicode") + "\n"


def body_element(blocks: list[Block], title: str = "", links: bool = False, images: bool = False) -> etree._Element:
    """The `<article>` element (see `render_html`)."""
    article = etree.Element("article")
    if title:
        etree.SubElement(article, "h1").text = _clean(title)
    depths = list_depths(blocks)
    lists: list[etree._Element] = []  # the open lists, outermost first, while list items follow one another
    position = 0
    for unit in units(blocks):
        first = unit[0]
        shown = first.structure.images if images and first.structure is not None else ()
        if first.kind is not Kind.LIST_ITEM:
            lists.clear()
        if shown and first.source == "figcaption":
            figure = etree.SubElement(article, "figure")
            for image in shown:
                etree.SubElement(figure, "img", src=image.src, alt=_clean(image.alt))
            _inline(etree.SubElement(figure, "figcaption"), first, links)
            position += len(unit)
            continue
        for image in shown:
            _img(etree.SubElement(article, "figure"), image)
        if len(unit) > 1 or first.cells:
            _table(article, unit)
        elif first.kind is Kind.HEADING:
            _inline(etree.SubElement(article, f"h{max(1, min(first.level or 2, 6))}"), first, links)
        elif first.kind is Kind.LIST_ITEM:
            _list_item(article, lists, depths[position], first, links)
        elif first.kind is Kind.QUOTE:
            _inline(etree.SubElement(etree.SubElement(article, "blockquote"), "p"), first, links)
        elif first.kind is Kind.CODE:
            code = etree.SubElement(etree.SubElement(article, "pre"), "code")
            language = first.structure.language if first.structure is not None else ""
            if _LANGUAGE.fullmatch(language):
                code.set("class", f"language-{language}")
            code.text = _clean(first.text)
        else:
            _inline(etree.SubElement(article, "p"), first, links)
        position += len(unit)
    return article


def _list_item(article: etree._Element, lists: list[etree._Element], depth: int, block: Block, links: bool) -> None:
    """Append a list item at `depth`, opening a list inside the previous item or closing deeper lists as needed."""
    tag = "ol" if block.structure is not None and block.structure.ordered else "ul"
    del lists[depth:]
    if len(lists) == depth and lists[-1].tag != tag:
        lists.pop()
    if len(lists) < depth:
        parent = lists[-1][-1] if lists and len(lists[-1]) else article
        lists.append(etree.SubElement(parent, tag))
    _inline(etree.SubElement(lists[-1], "li"), block, links)


def _table(article: etree._Element, rows: list[Block]) -> None:
    """A table: header rows (leading rows marked as such) in `<thead>` with `<th>`, the rest in `<tbody>`."""
    table = etree.SubElement(article, "table")
    heads = 0
    while heads < len(rows) and rows[heads].structure is not None and rows[heads].structure.header:  # type: ignore[union-attr]
        heads += 1
    for section, part, cell_tag in (("thead", rows[:heads], "th"), ("tbody", rows[heads:], "td")):
        if not part:
            continue
        group = etree.SubElement(table, section)
        for row in part:
            tr = etree.SubElement(group, "tr")
            for text in row.cells or (row.text,):
                etree.SubElement(tr, cell_tag).text = _clean(text)


def _inline(parent: etree._Element, block: Block, links: bool) -> None:
    """Fill `parent` with the block's text: runs in strong/em/code, inside `<a href>` with `links`."""
    spans = block.spans
    if not spans:
        parent.text = _clean(block.text)
        return
    anchor: etree._Element | None = None
    for span in spans:
        target = parent
        if links and span.href:
            if anchor is None or anchor.get("href") != span.href:
                anchor = etree.SubElement(parent, "a", href=span.href)
            target = anchor
        else:
            anchor = None
        _run(target, span)


def _run(parent: etree._Element, span: Span) -> None:
    """Append one run to `parent`, wrapped in the elements of its marks."""
    node = parent
    for tag, on in (("strong", span.strong), ("em", span.em), ("code", span.code)):
        if on:
            node = etree.SubElement(node, tag)
    if node is not parent:
        node.text = _clean(span.text)
    elif len(parent):
        parent[-1].tail = (parent[-1].tail or "") + _clean(span.text)
    else:
        parent.text = (parent.text or "") + _clean(span.text)


def _img(parent: etree._Element, image: Image) -> None:
    """An `<img>` (and the `<figcaption>` of its caption) in `parent`."""
    etree.SubElement(parent, "img", src=image.src, alt=_clean(image.alt))
    if image.caption:
        etree.SubElement(parent, "figcaption").text = _clean(image.caption)


def _clean(text: str) -> str:
    """`text` without the characters XML cannot hold (lxml refuses them)."""
    return _NOT_XML.sub("", text)
