"""Page metadata (title, authors, date, site, description, language, tags, image) from meta tags and JSON-LD."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.etree import XPath
from lxml.html import HtmlElement

from .article import Metadata
from .blocks import fingerprint
from .dates import machine_date, url_date
from .meta_html import byline_texts, is_name, meta_tags, time_values, visible_dates
from .meta_jsonld import JsonLd, page_jsonld
from .phrases import pattern

_AUTHOR_SPLIT = re.compile(r"(?:;|\band\b|&|\|)")
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+(?:[|–—·»:]{1,2}|-)\s+")
_DOMAIN = re.compile(r"(?<![\w.-])(?:www\.)?[\w-]+(?:\.[\w-]+)+", re.I)
_MAX_H1 = 3
_MIN_HEADLINE_WORDS = 2
_MAX_HEADLINE_WORDS = 30
_PAGE_H1 = XPath("//h1[not(ancestor::footer or ancestor::nav or ancestor::aside)]")  # not a footer's "Contact Us"
_LANG = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?$")

# meta tag names per field, most specific first
_TITLE_TAGS = ("og:title", "twitter:title", "dc.title", "citation_title", "parsely-title", "sailthru.title")
_AUTHOR_TAGS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                "citation_author", "byl", "book:author")
_DATE_TAGS = ("article:published_time", "og:published_time", "article:published", "published_time",
              "datepublished", "citation_publication_date", "citation_date", "citation_online_date",
              "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
              "dcterms.created", "date", "pubdate", "publishdate", "publish-date", "publish_date", "article.published",
              "datecreated")
# other meta tags naming a publication date ("cludo:date", "w-published-date"), but not an update or expiry
_DATE_KEY = re.compile(r"publish|date|created")
_NOT_PUBLISHED_KEY = re.compile(r"modif|updat|expir|end|valid|revis|change|format|price")
_SITE_TAGS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher")
_DESCRIPTION_TAGS = ("description", "og:description", "twitter:description", "dc.description")
_IMAGE_TAGS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
_TAG_TAGS = ("article:tag", "article:section", "parsely-section", "parsely-tags", "keywords", "news_keywords")


def page_metadata(tree: HtmlElement, url: str | None) -> Metadata:
    """Metadata of an HTML page from its meta tags, JSON-LD, microdata, <time> and byline elements and its URL."""
    tags = meta_tags(tree)
    ld = page_jsonld(tree)
    sitename = _first(tags, _SITE_TAGS) or ld.sitename
    canonical = _canonical(tree, tags)
    return Metadata(
        title=_title(tree, tags, ld, sitename),
        authors=_authors(tree, tags, ld),
        date=_date(tree, tags, ld, url or canonical),
        url=url or canonical,
        sitename=sitename,
        description=_first(tags, _DESCRIPTION_TAGS) or ld.description,
        language=page_language(tree),
        tags=_unique([*ld.tags, *_tag_values(tags)]),
        image=_first(tags, _IMAGE_TAGS) or ld.image,
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


def _title(tree: HtmlElement, tags: dict[str, list[str]], ld: JsonLd, sitename: str | None) -> str | None:
    """The headline: an <h1> that the page title repeats (as a whole segment or a 2+ word run), else on an
    article page its first <h1>, else the title without its site-name segment (`headline`)."""
    element = tree.find(".//title")
    titles = [t for t in (_clean(element.text_content()) if element is not None else None,
                          _first(tags, ("og:title",))) if t]
    split = [_TITLE_SEPARATOR.split(t) for t in titles]
    segment_keys = {fingerprint(p) for parts in split for p in parts}
    site_keys = {"", fingerprint(sitename or "")} | {fingerprint(parts[-1]) for parts in split if len(parts) > 1}
    whole = " ".join(fingerprint(t) for t in titles)
    h1s = [" ".join(h.text_content().split()) for h in _PAGE_H1(tree)][:_MAX_H1]
    h1s = [h for h in h1s if len(h.split()) <= _MAX_HEADLINE_WORDS and fingerprint(h) not in site_keys]
    for h1 in h1s:
        key = fingerprint(h1)
        if key in segment_keys or (len(key.split()) >= _MIN_HEADLINE_WORDS and key in whole):
            return h1
    if h1s and ((_first(tags, ("og:type",)) or "").lower() == "article" or ld.kind == "article"):
        return h1s[0]
    return headline(_first(tags, _TITLE_TAGS) or ld.headline or (titles[0] if titles else None), tree, sitename)


def _authors(tree: HtmlElement, tags: dict[str, list[str]], ld: JsonLd) -> list[str]:
    """Author names: people in JSON-LD, author meta tags, byline elements (rel/itemprop/class author), then
    an organisation JSON-LD names as the author (often the publisher standing in for a byline)."""
    candidates = (
        [" ; ".join(ld.authors)],
        (_strip_byline(v) for key in _AUTHOR_TAGS for v in tags.get(key, ())),
        (_strip_byline(v) for v in _labelled(tags)),
        (_strip_byline(text) for text in byline_texts(tree)),
        [" ; ".join(ld.author_organisations)],
    )
    for value in (v for group in candidates for v in group):
        if names := [n for n in split_authors(value) if is_name(n)]:
            return names
    return []


def _date(tree: HtmlElement, tags: dict[str, list[str]], ld: JsonLd, url: str | None) -> str | None:
    """Publication date: date meta tags, JSON-LD (unless the page shows other dates but not that one),
    <time> elements, other date meta tags, the URL, then the first date shown in the page."""
    if date := _first_date(v for key in _DATE_TAGS for v in tags.get(key, ())):
        return date
    if ld.published and (date := machine_date(ld.published)):
        # a JSON-LD date is often the first version's or a template's: a date the page shows instead wins
        shown = list(visible_dates(tree))
        return date if not shown or date in shown else shown[0]
    generic = (vs[0] for key, vs in tags.items() if _DATE_KEY.search(key) and not _NOT_PUBLISHED_KEY.search(key))
    return (_first_date(time_values(tree)) or _first_date(generic) or url_date(url)
            or next(visible_dates(tree), None))


def _first_date(values: Iterable[str]) -> str | None:
    return next((date for value in values if (date := machine_date(value))), None)


def _labelled(tags: dict[str, list[str]]) -> list[str]:
    """Values of twitter:dataN tags whose twitter:labelN is a byline opener ('Written by', 'Geschrieben von')."""
    opener = pattern("byline", anchored=True)
    labels = ((key, values[0]) for key, values in tags.items() if key.startswith("twitter:label"))
    return [tags[f"twitter:data{key[13:]}"][0] for key, label in labels
            if f"twitter:data{key[13:]}" in tags and opener.match(f"{label} X")]


def _strip_byline(text: str) -> str:
    """The text without a leading 'By', 'Written by', 'Von', … (per-language phrase lists); '' for a bare opener."""
    match = pattern("byline", anchored=True).match(f"{text} X")
    if match and match.end() >= len(text):
        return ""
    return text[match.end() :] if match else text


def _canonical(tree: HtmlElement, tags: dict[str, list[str]]) -> str | None:
    links = tree.xpath("//link[@rel='canonical']/@href")
    return _clean(links[0]) if links else _first(tags, ("og:url",))


def _tag_values(tags: dict[str, list[str]]) -> Iterable[str]:
    for key in _TAG_TAGS:
        for value in tags.get(key, ()):
            yield from (v.strip() for v in value.split(",") if v.strip())


def _first(tags: dict[str, list[str]], keys: Iterable[str]) -> str | None:
    return next((tags[key][0] for key in keys if key in tags), None)


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _unique(values: Iterable[object]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        v = " ".join(str(v).split())
        if v and v.lower() not in {s.lower() for s in seen}:
            seen[v] = None
    return list(seen)
