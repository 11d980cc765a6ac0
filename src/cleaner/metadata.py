"""Page metadata (title, authors, date, site, description, language, tags, image) from meta tags and JSON-LD."""

from __future__ import annotations

import re

from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata

from .article import Metadata

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&|\|)\s*")
_LANG = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?$")


def page_metadata(tree: HtmlElement, url: str | None) -> Metadata:
    """Metadata of an HTML page; trafilatura reads meta tags, JSON-LD and htmldate finds the date."""
    found = extract_metadata(tree, default_url=url, extensive=True)
    return Metadata(
        title=_clean(found.title),
        authors=split_authors(found.author),
        date=found.date or None,
        url=url or found.url or None,
        sitename=_clean(found.sitename),
        description=_clean(found.description),
        language=page_language(tree),
        tags=_unique([*(found.categories or []), *(found.tags or [])]),
        image=found.image or None,
    )


def split_authors(value: str | None) -> list[str]:
    """'A; B and C' -> ['A', 'B', 'C'], without empty or repeated names."""
    if not value:
        return []
    return _unique(name.strip(" ,") for name in _AUTHOR_SPLIT.split(value))


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
