"""Metadata written into the HTML itself: <meta> tags, microdata (itemprop), <time> elements and byline elements."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.etree import XPath
from lxml.html import HtmlElement

from .dates import date_line
from .phrases import pattern

_MAX_BYLINE_CHARS = 120  # longer text under a byline class is a bio or a whole post, not a byline
_MAX_NAME_WORDS = 6
_MAX_BYLINE_ELEMENTS = 40  # byline-classed elements looked at, in document order
_MAX_TIME_ELEMENTS = 20

# elements marked as an author by itemprop, rel or a lower-case class word (each contains() costs a pass)
_BYLINE_WORDS = ("author", "byline", "writer", "creator", "username", "poster")
_BYLINE = XPath(
    "//body//*[@itemprop='author' or @rel='author' or @class and ("
    + " or ".join(f"contains(@class, '{word}')" for word in _BYLINE_WORDS)
    + ")]"
)
_TEXTS = XPath("//body//text()", smart_strings=False)
_YEAR = re.compile(r"(?:19|20)\d\d")
_MAX_DATE_LINE_CHARS = 120
_TIMES = XPath("//body//time | //body//*[@itemprop='datePublished' or @itemprop='dateCreated']")
# handles, links and numbers are never names; label words ("Profile", "Written by") are per-language phrase data
_NOT_A_NAME_MARKS = (r"@", r"https?:", r"www\.", r"\d{3}")
_BYLINE_SKIP = re.compile(r"(?:bio|avatar|image|img|photo|pic|social|icon|follow|box|description|about|comment)", re.I)


def meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """Every <meta> content by lower-cased name, property, itemprop or http-equiv, in page order."""
    tags: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                tags.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    return tags


def time_values(tree: HtmlElement) -> Iterator[str]:
    """datetime/content attributes (else the text) of <time> and itemprop=datePublished elements, in page order."""
    for element in _TIMES(tree)[:_MAX_TIME_ELEMENTS]:
        value = element.get("datetime") or element.get("content") or element.text_content()
        if value and value.strip():
            yield value.strip()


def visible_dates(tree: HtmlElement) -> Iterator[str]:
    """YYYY-MM-DD of each short body text that is only a date ('Published on July 9, 2025'), in page order."""
    for text in _TEXTS(tree):
        if len(text) <= _MAX_DATE_LINE_CHARS and _YEAR.search(text) and (date := date_line(text)):
            yield date


def byline_texts(tree: HtmlElement) -> Iterator[str]:
    """Short texts of elements marked as author, byline or writer (itemprop, rel, class, id), in page order."""
    for element in _BYLINE(tree)[:_MAX_BYLINE_ELEMENTS]:
        if element.get("itemprop") != "author" and _BYLINE_SKIP.search(
            f"{element.get('class', '')} {element.get('id', '')}"
        ):
            continue
        names = element.xpath(".//*[@itemprop='name']")
        text = (names[0] if names else element).text_content()
        text = " ".join(text.split())
        if 0 < len(text) <= _MAX_BYLINE_CHARS:
            yield text


def is_name(text: str) -> bool:
    """True when `text` looks like a person's (or an organisation's) name, not a label, handle or sentence."""
    words = text.split()
    not_a_name = pattern("not_a_name", extra=_NOT_A_NAME_MARKS)
    return 0 < len(words) <= _MAX_NAME_WORDS and not not_a_name.search(text) and any(c.isalpha() for c in text)
