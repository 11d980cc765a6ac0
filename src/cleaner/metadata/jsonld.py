"""Title, authors, dates, site name and more from a page's JSON-LD (schema.org), @graph and nesting included."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape
from typing import Any

from lxml.html import HtmlElement

_MAX_DEPTH = 6  # how deep nested objects are searched for typed entities
_MAX_SCRIPT_CHARS = 2_000_000  # a larger JSON-LD block is skipped, not parsed
# entity types in order of preference for the page's main entity
_ARTICLE = re.compile(r"(?:Article|Posting|BlogPosting|Report|Review|Recipe|HowTo|Question|Thesis|Story)$")
_PAGE = re.compile(r"(?:WebPage|AboutPage|ItemPage|QAPage|FAQPage|ProfilePage|CollectionPage|Course|Event)$")
_PRODUCT = re.compile(r"(?:Product|ProductGroup|Book|Movie|SoftwareApplication|VideoObject|Service)$")
_SITE = re.compile(r"(?:WebSite|Organization|NewsMediaOrganization|Corporation|LocalBusiness)$")
_ORGANISATION = re.compile(r"Organi[sz]ation|Corporation|Brand|LocalBusiness")
_JS_COMMENT = re.compile(r"^\s*(?://[^\n]*\n|/\*.*?\*/|<!--|-->)", re.S)


@dataclass
class JsonLd:
    """What the JSON-LD of a page says about its main entity (None/empty when it says nothing)."""

    kind: str | None = None  # "article", "page" or "product": which kind of entity the fields come from
    headline: str | None = None
    name: str | None = None
    authors: list[str] = field(default_factory=list)  # people
    author_organisations: list[str] = field(default_factory=list)  # authors typed Organization, Brand, …
    published: str | None = None
    modified: str | None = None
    sitename: str | None = None
    description: str | None = None
    image: str | None = None
    tags: list[str] = field(default_factory=list)


def page_jsonld(scripts: Iterable[HtmlElement]) -> JsonLd:
    """The facts of the page's main JSON-LD entity (`scripts`: the page's <script> elements): an article first,
    then a web page, then a product."""
    entities = [e for data in _blocks(scripts) for e in _entities(data, 0)]
    found = JsonLd()
    for kind, pattern in (("article", _ARTICLE), ("page", _PAGE), ("product", _PRODUCT)):
        for entity in entities:
            if any(pattern.search(t) for t in _types(entity)):
                _fill(found, entity, kind)
    for entity in entities:
        if not found.sitename and any(_SITE.search(t) for t in _types(entity)):
            found.sitename = _text(entity.get("name"))
    return found


def _blocks(scripts: Iterable[HtmlElement]) -> Iterator[Any]:
    """Each parseable JSON-LD script's data; broken JSON is skipped."""
    for script in scripts:
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        text = script.text or ""
        if not text.strip() or len(text) > _MAX_SCRIPT_CHARS:
            continue
        text = _JS_COMMENT.sub("", text.strip()).removesuffix("-->").strip().rstrip(";")
        try:
            yield json.loads(text, strict=False)
        except ValueError:
            continue


def _entities(data: Any, depth: int) -> Iterator[dict]:
    """Every typed object in the data, outer ones first (@graph members and nested mainEntity included)."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _entities(item, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemReviewed"):
            if isinstance(data.get(key), (dict, list)):
                yield from _entities(data[key], depth + 1)


def _types(entity: dict) -> list[str]:
    value = entity.get("@type")
    values = value if isinstance(value, list) else [value]
    return [v.rsplit("/", 1)[-1] for v in values if isinstance(v, str)]


def _fill(found: JsonLd, entity: dict, kind: str) -> None:
    """Set each field of `found` that is still empty from `entity`."""
    found.kind = found.kind or kind
    found.headline = found.headline or _text(entity.get("headline"))
    found.name = found.name or _text(entity.get("name"))
    if not found.authors and not found.author_organisations:
        found.authors, found.author_organisations = _names(entity.get("author") or entity.get("creator"))
    found.published = found.published or _text(
        entity.get("datePublished") or entity.get("dateCreated") or entity.get("uploadDate")
    )
    found.modified = found.modified or _text(entity.get("dateModified"))
    found.description = found.description or _text(entity.get("description"))
    found.image = found.image or _url(entity.get("image") or entity.get("thumbnailUrl"))
    if not found.sitename and isinstance(entity.get("publisher"), dict):
        found.sitename = _text(entity["publisher"].get("name"))
    if not found.tags:
        keywords = entity.get("keywords")
        if isinstance(keywords, str):
            keywords = keywords.split(",")
        found.tags = [t for t in (_text(k) for k in keywords or () if isinstance(k, str)) if t]


def _names(value: Any) -> tuple[list[str], list[str]]:
    """(people, organisations) named as authors by a string, a Person/Organization object or a list of them."""
    items = value if isinstance(value, list) else [value]
    people: list[str] = []
    organisations: list[str] = []
    for item in items:
        names = organisations if isinstance(item, dict) and _ORGANISATION.search(str(item.get("@type"))) else people
        if isinstance(item, dict):
            item = item.get("name") or " ".join(filter(None, (item.get("givenName"), item.get("familyName"))))
        if isinstance(item, list):  # {"name": ["A"]}
            item = next((v for v in item if isinstance(v, str)), None)
        if isinstance(item, str) and (name := _text(item)) and not name.startswith(("http:", "https:")):
            names.append(name)
    return people, organisations


def _url(value: Any) -> str | None:
    """An image URL from a string, an ImageObject or a list of either."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return _text(value)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if not isinstance(value, str):
        return None
    return " ".join(unescape(value).split()) or None
