"""Page metadata (title, authors, date, site, description, language, tags, image) from meta tags and JSON-LD."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import unescape
from itertools import islice
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from ..article import Metadata
from ..blocks import fingerprint
from ..shared.dom import ByTag, Marked, visible_text
from ..shared.scripts import UNSPACED, UNSPACED_CHAR
from .dates import machine_date, one_day_apart, url_date
from .html import (
    author_links,
    byline_lines,
    byline_opener,
    byline_pieces,
    byline_texts,
    is_name,
    meta_tags,
    time_values,
    visible_dates,
)
from .jsonld import JsonLd, page_jsonld

_AUTHOR_SPLIT = re.compile(r"(?:;|\band\b|&|\|)")
# 'Headline | Site', and between CJK characters the unspaced 'Headline_Channel_Site', 'Headline－Site'
_TITLE_SEPARATOR = re.compile(
    rf"(?<!\s)\s+(?:[|–—·•»:/]{{1,2}}|-)\s+"
    rf"|(?<=[{UNSPACED}])\s*(?:[_|｜\-－–—]{{1,2}})\s*(?=[{UNSPACED}])"
)
_DOMAIN = re.compile(r"(?<![\w.-])(?:www\.)?[\w-]+(?:\.[\w-]+)+", re.I)
_MAX_H1 = 3
_MAX_NAME_WORDS = 6  # as `is_name`: a longer part of an author list is several names
_MIN_HEADLINE_WORDS = 2
_MIN_HEADLINE_UNSPACED = 4  # characters of an unspaced script that make a headline rather than a label
_MAX_HEADLINE_WORDS = 30
_NOT_HEADLINE_PLACES = {"footer", "nav", "aside"}  # an <h1> inside them is no headline (a footer's "Contact Us")
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu"}  # 'example.co.uk': the site's name is 'example'
_EXTENSION = re.compile(r"\.(?:html?|php\d?|aspx?|jsp|cfm)$", re.I)
_SLUG_MARGIN = 0.15  # how much closer to the URL's slug the <h1> or the title must be to be taken for it
_LABEL_CLASS = re.compile(r"(?:^|\s)(?:label|badge|prefix)(?:\s|$)")  # a thread's or post's tag before its title
_SOFT_HYPHEN = "\xad"  # a hyphenation hint no reader sees: 'Assis\xadtance'
_PERMALINK = "¶🔗"  # signs a heading's anchor link shows after it
_LANG = re.compile(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?$")
_FIRST_BYLINE_GROUP, _BYLINE_LINES = 3, 5  # in `_authors`: the first candidates from the body, the 'By Jane Doe' lines
LOOKED_UP = ("meta", "link", "title", "script", "h1", "a", "time")  # the tags whose elements page_metadata reads

# meta tag names per field, most specific first
_TITLE_TAGS = ("og:title", "twitter:title", "dc.title", "citation_title", "parsely-title", "sailthru.title")
_AUTHOR_TAGS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "citation_author",
    "byl",
    "book:author",
    "cxenseparse:author",
)
_DATE_TAGS = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "published_time",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "datecreated",
)
# other meta tags naming a publication date ("cludo:date", "w-published-date"), but not an update or expiry
_DATE_KEY = re.compile(r"publish|date|created")
_NOT_PUBLISHED_KEY = re.compile(r"modif|updat|expir|end|valid|revis|change|format|price")
_MODIFIED_KEY = re.compile(r"modif|updat")
_UTC = re.compile(r"(?:Z|[+-]00:?00)$")  # a timestamp in UTC, whose day may not be the page's
_MAX_TIMES = 20  # <time> elements compared with a JSON-LD date
_SITE_TAGS = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher")
_DESCRIPTION_TAGS = ("description", "og:description", "twitter:description", "dc.description")
_IMAGE_TAGS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
_TAG_TAGS = ("article:tag", "article:section", "parsely-section", "parsely-tags", "keywords", "news_keywords")


def page_metadata(
    tree: HtmlElement, url: str | None, found: ByTag | None = None, marks: Marked | None = None
) -> Metadata:
    """Metadata of an HTML page from its meta tags, JSON-LD, microdata, <time> and byline elements and its URL.

    `found`: the page's elements of (at least) the `LOOKED_UP` tags, `marks`: the page's scan of attributes, when
    the caller has them already.
    """
    found = found or ByTag(tree, LOOKED_UP)
    marks = marks or Marked(tree)
    tags = meta_tags(found.under_root("meta"))
    ld = page_jsonld(found.under_root("script"))
    sitename = _first(tags, _SITE_TAGS) or ld.sitename
    canonical = _canonical(found.anywhere("link"), tags)
    return Metadata(
        title=_unescaped(_title(found, tags, ld, sitename, url or canonical)),
        authors=_authors(tree, marks, found.anywhere("a"), tags, ld, _site(sitename, url or canonical, [])),
        date=_date(tree, marks, found.anywhere("time"), tags, ld, url or canonical),
        url=url or canonical,
        sitename=sitename,
        description=_first(tags, _DESCRIPTION_TAGS) or ld.description,
        language=page_language(tree, found.anywhere("meta")),
        tags=_unique([*ld.tags, *_tag_values(tags)]),
        image=_first(tags, _IMAGE_TAGS) or ld.image,
    )


def _long_enough(text: str) -> bool:
    """True when `text` is long enough to be a headline: two words, or four characters of a script written without
    spaces (Chinese, Japanese)."""
    return len(text.split()) >= _MIN_HEADLINE_WORDS or len(UNSPACED_CHAR.findall(text)) >= _MIN_HEADLINE_UNSPACED


def split_authors(value: str | None) -> list[str]:
    """'A; B and C' -> ['A', 'B', 'C'], without empty or repeated names; a part too long for one name is split at
    its commas when each piece is two to six words without digits ('Ann Lee, Bo Ma, Cy Ng', not 'Lee, Ann')."""
    if not value:
        return []
    names = []
    for name in _AUTHOR_SPLIT.split(value):
        pieces = [p.strip() for p in name.split(",")]
        if len(name.split()) > _MAX_NAME_WORDS and all(_full_name(p) for p in pieces):
            names += pieces
        else:
            names.append(name.strip().strip(" ,"))
    return _unique(names)


def _full_name(text: str) -> bool:
    """True when `text` could be one person's full name: two to six words, no digits."""
    return 2 <= len(text.split()) <= _MAX_NAME_WORDS and not any(c.isdigit() for c in text)


def page_language(tree: HtmlElement, metas: Iterable[HtmlElement]) -> str | None:
    """The declared language: <html lang>, then content-language, og:locale or language <meta> tags (`metas`: the
    document's <meta> elements)."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    candidates += [
        meta.get("content")
        for meta in metas
        if meta.get("http-equiv") == "content-language"
        or meta.get("property") == "og:locale"
        or meta.get("name") == "language"
    ]
    for value in candidates:
        value = (value or "").strip()
        if _LANG.match(value):
            return value.split("-")[0].split("_")[0].lower()
    return None


def _title(found: ByTag, tags: dict[str, list[str]], ld: JsonLd, sitename: str | None, url: str | None) -> str | None:
    """The headline: an <h1> that the <title>, og:title or JSON-LD headline repeats (as a whole part or a 2+ word
    run), else on an article page an <h1> that extends the title without its site parts, else an <h1> or that
    title, whichever the URL's slug names clearly better, else on an article page its first <h1>, else that title.
    An <h1> naming the site is never the headline. (`found`: the page's <title> and <h1> elements.)"""
    element = next(iter(found.under_root("title")), None)
    titles = [
        t for t in (_clean(element.text_content()) if element is not None else None, _first(tags, ("og:title",))) if t
    ]
    site = _site(sitename, url, titles)
    repeats = [*titles, *filter(None, [ld.headline])]
    segment_keys = {fingerprint(p) for t in repeats for p in _TITLE_SEPARATOR.split(t)}
    whole = " ".join(fingerprint(t) for t in repeats)
    h1s = _page_h1s(found.anywhere("h1"), site)
    for h1 in h1s:
        key = fingerprint(h1)
        if key in segment_keys or (_long_enough(key) and key in whole):
            return h1
    title = _first(tags, _TITLE_TAGS) or ld.headline or (titles[0] if titles else None)
    stripped = _strip_site(title, site) if title else None
    if not h1s:
        return stripped
    article = (_first(tags, ("og:type",)) or "").lower() == "article" or ld.kind == "article"
    longer = next((h for h in h1s if stripped and _within(fingerprint(stripped), fingerprint(h))), None)
    if article and longer:  # the <h1> says more than the title: 'Pros and Cons of X: Why Y?', 'Pros and Cons of X'
        return longer
    if slug_choice := _closest_to_slug([*h1s, *filter(None, [stripped])], url):
        return slug_choice
    if stripped is None or article:
        return h1s[0]
    return stripped


@dataclass(frozen=True)
class _Site:
    """How a page names its site: fingerprints of its names, and its host name squashed ('examplenews')."""

    keys: frozenset[str]
    hosts: frozenset[str]

    def names(self, text: str) -> bool:
        """True when `text` is the site's name, its domain or a domain name."""
        key = fingerprint(text)
        return key in self.keys or key.replace(" ", "") in self.hosts or bool(_DOMAIN.fullmatch(text.strip()))


def _site(sitename: str | None, url: str | None, titles: list[str]) -> _Site:
    """The site's names: `sitename`, its host, what the <title> adds to an og:title it contains ('Site: Headline'),
    and the titles' site parts (`_title_parts`)."""
    keys = {"", fingerprint(sitename or "")}
    if len(titles) == 2:
        page, og = (fingerprint(t) for t in titles)
        if og and page != og and (page.startswith(og + " ") or page.endswith(" " + og)):
            keys.add(page.replace(og, "", 1).strip())
    site = _Site(frozenset(keys), frozenset(_host_names(url)))
    parts = {fingerprint(p) for t in titles for p in _title_parts(t, site)[1]}
    return _Site(site.keys | parts, site.hosts)


def _host_names(url: str | None) -> set[str]:
    """The names a URL's host gives its site, squashed: 'https://forum.example.co.uk/x' -> {'example',
    'examplecouk', 'forumexamplecouk'}."""
    labels = [label for label in (urlsplit(url or "").hostname or "").split(".") if label and label != "www"]
    if len(labels) < 2:
        return set()
    name = len(labels) - 3 if len(labels) > 2 and labels[-2] in _SECOND_LEVEL else len(labels) - 2
    return {labels[name], *("".join(labels[i:]) for i in range(name + 1))}


def _page_h1s(elements: Iterable[HtmlElement], site: _Site) -> list[str]:
    """The first <h1> texts among `elements` (the document's <h1>s) outside footers, navigation and asides, but those
    naming the site."""
    placed = (h for h in elements if not any(a.tag in _NOT_HEADLINE_PLACES for a in h.iterancestors()))
    h1s = [_heading_text(h) for h in islice(placed, _MAX_H1)]
    return [h for h in h1s if h and len(h.split()) <= _MAX_HEADLINE_WORDS and not site.names(h)]


def _heading_text(heading: HtmlElement) -> str:
    """The heading's visible text (a <br> read as a space, no <style>, no soft hyphens), without a leading label
    element ('<span class="label">News</span> Headline') or a trailing permalink sign ('Headline¶')."""
    first = next(iter(heading), None)
    label = first is not None and not (heading.text or "").strip() and _LABEL_CLASS.search(first.get("class") or "")
    text = visible_text(heading, first if label else None).replace(_SOFT_HYPHEN, "")
    return " ".join(text.split()).rstrip(_PERMALINK).rstrip()


def _title_parts(title: str, site: _Site) -> tuple[list[str], list[str]]:
    """(headline parts, site parts) of a title split at its separators ('Headline | Section | Site'): the site parts
    are those naming the site, else the last one."""
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return parts, []
    named = [p for p in parts if site.names(p)] or parts[-1:]
    return [p for p in parts if p not in named], named


def has_title_separator(text: str) -> bool:
    """True when `text` has a separator between title parts ('Headline | Site', 'Headline - Section')."""
    return bool(_TITLE_SEPARATOR.search(text))


def headline_parts(title: str, url: str | None) -> list[str]:
    """The parts of a page title ('Headline | Section | Site') that do not name the site (the URL's host, the last
    part), the likeliest headline first (`_strip_site`): for a text dump, whose first line is the <title>."""
    site = _site(None, url, [title])
    best = _strip_site(title, site)
    return [best, *(p for p in _title_parts(title, site)[0] if p != best)]


def _strip_site(title: str, site: _Site) -> str:
    """The title without its site parts (`_title_parts`): its first other part, unless that is a one-word tag
    before a longer part ('python - Question - Site'); the whole title when every part names the site."""
    kept = _title_parts(title, site)[0]
    if not kept:
        return title
    return max(kept, key=len) if len(kept) > 1 and len(kept[0].split()) == 1 else kept[0]


def _within(short: str, long: str) -> bool:
    """True when the fingerprint `short` is a shorter run of whole words of the fingerprint `long`."""
    return short != long and f" {short} " in f" {long} "


def _closest_to_slug(candidates: list[str], url: str | None) -> str | None:
    """The candidate whose words overlap the URL's last path segment ('/2024/the-big-story.html') clearly the most
    (Jaccard index, by a margin), or None."""
    slug = _slug_words(url)
    if not slug:
        return None
    unique = {fingerprint(c): c for c in reversed(candidates)}
    scored = sorted(((_jaccard(slug, set(key.split())), text) for key, text in unique.items()), reverse=True)
    if len(scored) < 2 or scored[0][0] - scored[1][0] < _SLUG_MARGIN:
        return None
    return scored[0][1]


def _slug_words(url: str | None) -> set[str]:
    """The words of a URL's last path segment, without a file extension."""
    segments = [s for s in unquote(urlsplit(url or "").path).split("/") if s]
    return set(fingerprint(_EXTENSION.sub("", segments[-1]).replace("_", " ")).split()) if segments else set()


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _authors(
    tree: HtmlElement, marks: Marked, links: list[HtmlElement], tags: dict[str, list[str]], ld: JsonLd, site: _Site
) -> list[str]:
    """Author names: people in JSON-LD, author meta tags, links to an author's page (`links`: the page's <a>
    elements), byline elements (rel/itemprop/class author), byline lines ('By Jane Doe'), then an organisation
    JSON-LD names as the author (often the publisher standing in for a byline), then a 'person' that is the site
    itself. Login names alone in the metadata ('jdoe42') give way to a byline line's name."""
    candidates = (
        [" ; ".join(ld.authors)],
        (_strip_byline(v) for key in _AUTHOR_TAGS for v in tags.get(key, ())),
        (_strip_byline(v) for v in _labelled(tags)),
        (_strip_byline(name) for name in author_links(links)),  # '<a href="/author/x">By Jane Doe</a>'
        (name for text in byline_texts(marks) for name in (_strip_byline(text), *byline_pieces(text))),
        byline_lines(tree),
    )
    site_named: list[str] = []
    handles: list[str] = []  # login names from the metadata ('jdoe42'): a full name in a byline is better
    for index, group in enumerate(candidates):
        if handles and index != _BYLINE_LINES:
            continue
        for value in group:
            names = [n for n in split_authors(value) if is_name(n)]
            people = [n for n in names if not site.names(n)]
            if people and index < _FIRST_BYLINE_GROUP and all(len(n.split()) == 1 for n in people):
                handles = people
            elif people:
                return people
            site_named += names
    organisations = [n for n in split_authors(" ; ".join(ld.author_organisations)) if is_name(n)]
    return handles or organisations or _unique(site_named)


def _date(
    tree: HtmlElement,
    marks: Marked,
    times: list[HtmlElement],
    tags: dict[str, list[str]],
    ld: JsonLd,
    url: str | None,
) -> str | None:
    """Publication date: date meta tags (the URL's date when it is a day off: `_local_day`); on a page with a
    JSON-LD date, a local <time> (`times`: the page's <time> elements) on that day or a day off, else the first date
    the page shows (unless it is that date with day and month swapped), else that date; then <time> elements, other
    date meta tags, the URL, the first date shown in the page, then the date of the last update (meta tags,
    JSON-LD): a page that dates nothing else was most likely published then."""
    if date := _first_date(v for key in _DATE_TAGS for v in tags.get(key, ())):
        return _local_day(date, url)
    if ld.published and (date := machine_date(ld.published)):
        # a JSON-LD date is often the first version's or a template's: the first date the page shows wins
        shown = _local_time(times, date) or next(visible_dates(tree), None)
        return date if shown == _day_month_swapped(date) else shown or _local_day(date, url)
    generic = (vs[0] for key, vs in tags.items() if _DATE_KEY.search(key) and not _NOT_PUBLISHED_KEY.search(key))
    modified = (vs[0] for key, vs in tags.items() if _MODIFIED_KEY.search(key))
    return (
        _first_date(time_values(marks, times))
        or _first_date(generic)
        or url_date(url)
        or next(visible_dates(tree), None)
        or _first_date([*modified, *filter(None, [ld.modified])])
    )


def _local_time(times: list[HtmlElement], date: str) -> str | None:
    """The day of the first <time datetime> among `times` that is on `date` or a day off it, in the page's time
    zone: a UTC timestamp ('...T23:25Z') may be a day off the day the page shows ('...T04:25+05:00')."""
    for element in times[:_MAX_TIMES]:
        value = element.get("datetime") or ""
        if not _UTC.search(value) and (day := machine_date(value)) and (day == date or one_day_apart(day, date)):
            return day
    return None


def _day_month_swapped(date: str) -> str:
    """'2024-09-10' -> '2024-10-09': the date a page writing '09.10.2024' month first is read as (day first)."""
    return f"{date[:4]}-{date[8:10]}-{date[5:7]}"


def _local_day(date: str, url: str | None) -> str:
    """`date`, or the URL's date when that is the day before or after it: a UTC timestamp falls on the next day for
    a site west of Greenwich ('2025-12-19T02:41Z' in the meta tags of /2025/12/18/slug)."""
    local = url_date(url)
    return local if local and one_day_apart(local, date) else date


def _first_date(values: Iterable[str]) -> str | None:
    return next((date for value in values if (date := machine_date(value))), None)


def _labelled(tags: dict[str, list[str]]) -> list[str]:
    """Values of twitter:dataN tags whose twitter:labelN is a byline opener ('Written by', 'Geschrieben von')."""
    opener = byline_opener()
    labels = ((key, values[0]) for key, values in tags.items() if key.startswith("twitter:label"))
    return [
        tags[f"twitter:data{key[13:]}"][0]
        for key, label in labels
        if f"twitter:data{key[13:]}" in tags and opener.match(f"{label} X")
    ]


def _strip_byline(text: str) -> str:
    """The text without a leading 'By', 'Written by', 'Von', … (per-language phrase lists); '' for a bare opener."""
    match = byline_opener().match(f"{text} X")
    if match and match.end() >= len(text):
        return ""
    return text[match.end() :] if match else text


def _canonical(links: Iterable[HtmlElement], tags: dict[str, list[str]]) -> str | None:
    """The page's canonical URL: the first <link rel=canonical> among `links` that has an href, else og:url."""
    links = [href for link in links if link.get("rel") == "canonical" and (href := link.get("href")) is not None]
    return _clean(links[0]) if links else _first(tags, ("og:url",))


def _tag_values(tags: dict[str, list[str]]) -> Iterable[str]:
    for key in _TAG_TAGS:
        for value in tags.get(key, ()):
            yield from (v.strip() for v in value.split(",") if v.strip())


def _first(tags: dict[str, list[str]], keys: Iterable[str]) -> str | None:
    return next((tags[key][0] for key in keys if key in tags), None)


def _unescaped(value: str | None) -> str | None:
    """`value` with entities a page escaped twice ('Cream&amp;reg;' shows as 'Cream&reg;') read."""
    return unescape(value) if value and "&" in value else value


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
