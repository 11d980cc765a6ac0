"""Page metadata (title, authors, date, site, description, language, tags, image) from meta tags and JSON-LD."""

from __future__ import annotations

import re

from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata

from .article import Metadata
from .blocks import fingerprint

_AUTHOR_SPLIT = re.compile(r"(?:;|\band\b|&|\|)")
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+(?:[|–—·»:]{1,2}|-)\s+")
_DOMAIN = re.compile(r"(?<![\w.-])(?:www\.)?[\w-]+(?:\.[\w-]+)+", re.I)
_MAX_H1 = 3
_MIN_HEADLINE_WORDS = 2
_MAX_HEADLINE_WORDS = 30
_LANG = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?$")


def page_metadata(tree: HtmlElement, url: str | None) -> Metadata:
    """Metadata of an HTML page; trafilatura reads meta tags, JSON-LD and htmldate finds the date."""
    found = extract_metadata(tree, default_url=url, extensive=True)
    sitename = _clean(found.sitename)
    return Metadata(
        title=headline(_clean(found.title), tree, sitename),
        authors=split_authors(found.author),
        date=found.date or None,
        url=url or found.url or None,
        sitename=sitename,
        description=_clean(found.description),
        language=page_language(tree),
        tags=_unique([*(found.categories or []), *(found.tags or [])]),
        image=found.image or None,
    )


def headline(title: str | None, tree: HtmlElement, sitename: str | None) -> str | None:
    """The article's headline: the page's <h1> when the title contains it, else the title without a
    ' | Site Name' part (a segment naming the site, or a short segment beside a long one)."""
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")][:_MAX_H1]
    if not title:
        return h1s[0] if h1s and _MIN_HEADLINE_WORDS <= len(h1s[0].split()) <= _MAX_HEADLINE_WORDS else None
    key = fingerprint(title)
    for h1 in h1s:
        h1_key = fingerprint(h1)
        if len(h1_key.split()) >= _MIN_HEADLINE_WORDS and h1_key in key:
            return h1
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    site = fingerprint(sitename or "")
    kept = [p for p in parts if fingerprint(p) != site and not _DOMAIN.fullmatch(p)]
    longest = max(kept or parts, key=len)
    return longest if len(longest.split()) >= _MIN_HEADLINE_WORDS or not kept else title


def split_authors(value: str | None) -> list[str]:
    """'A; B and C' -> ['A', 'B', 'C'], without empty or repeated names."""
    if not value:
        return []
    return _unique(name.strip().strip(" ,") for name in _AUTHOR_SPLIT.split(value))


def page_language(tree: HtmlElement) -> str | None:
    """The declared language: <html lang>, then content-language or og:locale meta tags."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    candidates += tree.xpath(
        "//meta[@http-equiv='content-language' or @property='og:locale' or @name='language']/@content"
    )
    for value in candidates:
        value = (value or "").strip()
        if _LANG.match(value):
            return value.split("-")[0].split("_")[0].lower()
    return None


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _unique(values) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        v = " ".join(str(v).split())
        if v and v.lower() not in {s.lower() for s in seen}:
            seen[v] = None
    return list(seen)
