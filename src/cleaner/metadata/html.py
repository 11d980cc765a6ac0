"""Metadata written into the HTML itself: <meta> tags, microdata (itemprop), <time> elements and byline elements."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from lxml.etree import XPath
from lxml.html import HtmlElement

from ..shared.dom import CLASS, ITEMPROP, REL, Marked
from ..shared.phrases import pattern, phrases
from .dates import date_line

_MAX_BYLINE_CHARS = 120  # longer text under a byline class is a bio or a whole post, not a byline
_MAX_NAME_WORDS = 6
_MAX_BYLINE_ELEMENTS = 40  # byline-classed elements looked at, in document order
_MAX_TIME_ELEMENTS = 20

# elements marked as an author by itemprop, rel or a lower-case class word
_BYLINE_CLASS = re.compile("author|byline|writer|creator|username|poster")
_TEXTS = XPath("//body//text()", smart_strings=False)
_TEXT_PARENTS = XPath("//body//text()[. = $text]/..")  # the element a text is in, a tail's included
_MENU_TAGS = {"nav", "menu", "form", "select", "button", "footer"}
_MENU_CLASS = re.compile(r"menu|nav|dropdown", re.I)
_MENU_DEPTH = 3  # a menu class further up is a page wrapper's ('under-menu'), not a menu's
# a byline shares its line with a date or a reading time: 'May 3, 2024 · By Jane Doe · 4 min read'
_BYLINE_PIECES = re.compile(r" [·|•] | [-–—] ")  # in text with single spaces
_PIECE_MARK = re.compile(r"[·|•–—]| - ")  # a quick test for _BYLINE_PIECES
# what follows the name in 'by Jo Roe, Staff Writer', 'by Jo Roe on May 3', 'By Jo Roe 12 May 2024', 'by Jo Roe (Editor)'
_AFTER_NAME = re.compile(r"(?<!\s)(?:\s*,|\s+(?:on\s|\d|[(\[])).*", re.S)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")
_MAX_DATE_LINE_CHARS = 120
_DATE_PROPS = ("datePublished", "dateCreated")  # itemprop values of an element holding a publication date
# @handles, links and numbers are never names (digits ending a login name are: "jdoe123"); label words ("Profile",
# "Written by") are per-language phrase data
_NOT_A_NAME_MARKS = (r"@", r"https?:", r"www\.", r"(?<![^\W\d_])\d{3}")
_NAME_MARK = re.compile(r"name", re.I)  # 'author-box__name' is a name even in an author box
# a link to an author's page ('/author/jane-doe', '/blog/authors/jane-doe/', '/contributor/jd'): path words common
# across the web, then the author's own segment
_AUTHOR_PATH = re.compile(r"/(?:authors?|contributors?|writers?)/[^/?#]+/?(?:[?#]|$)", re.I)
_MAX_AUTHOR_LINKS = 10
_BYLINE_SKIP = re.compile(r"(?:bio|avatar|image|img|photo|pic|social|icon|follow|box|description|about|comment)", re.I)


def meta_tags(metas: Iterable[HtmlElement]) -> dict[str, list[str]]:
    """Every content of `metas` (the page's <meta> elements) by lower-cased name, property, itemprop or http-equiv,
    in page order."""
    tags: dict[str, list[str]] = {}
    for meta in metas:
        content = meta.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                tags.setdefault(key.strip().lower(), []).append(" ".join(content.split()))
    return tags


def time_values(marks: Marked, times: list[HtmlElement]) -> Iterator[str]:
    """datetime/content attributes (else the text) of the body's <time> and itemprop=datePublished elements, in page
    order (`marks`: the page's scan of attributes, `times`: its <time> elements)."""
    timed = set(times)
    dated = (r[0] for r in marks.records if r[ITEMPROP] in _DATE_PROPS or r[0] in timed)
    for element in islice(filter(_in_body, dated), _MAX_TIME_ELEMENTS):
        value = element.get("datetime") or element.get("content") or element.text_content()
        if value and value.strip():
            yield value.strip()


def visible_dates(tree: HtmlElement) -> Iterator[str]:
    """YYYY-MM-DD of each short body text that is only a date ('Published on July 9, 2025'), in page order."""
    for text in _TEXTS(tree):
        if len(text) <= _MAX_DATE_LINE_CHARS and _YEAR.search(text) and (date := date_line(text)):
            yield date


def byline_texts(marks: Marked) -> Iterator[str]:
    """Short texts of elements marked as author, byline or writer (itemprop, rel, class, id), in page order
    (`marks`: the page's scan of attributes)."""
    for element in islice(_byline_elements(marks), _MAX_BYLINE_ELEMENTS):
        labels = f"{element.get('class', '')} {element.get('id', '')}"
        if element.get("itemprop") != "author" and _BYLINE_SKIP.search(labels) and not _NAME_MARK.search(labels):
            continue
        names = element.xpath(".//*[@itemprop='name']")
        text = names[0].get("content") or names[0].text_content() if names else element.text_content()
        text = " ".join(text.split())
        if 0 < len(text) <= _MAX_BYLINE_CHARS:
            yield text


def _byline_elements(marks: Marked) -> Iterator[HtmlElement]:
    """The body's elements marked as an author (`_BYLINE_CLASS`, itemprop or rel), in page order: those whose class
    the pattern finds something in among those whose marker it does (one search per distinct marker)."""
    records = marks.records
    by_class = (i for i in marks.indices(_BYLINE_CLASS) if _BYLINE_CLASS.search(records[i][CLASS] or ""))
    by_attribute = (i for i, r in enumerate(records) if r[ITEMPROP] == "author" or r[REL] == "author")
    for i in sorted({*by_class, *by_attribute}):
        if _in_body(records[i][0]):
            yield records[i][0]


def _in_body(element: HtmlElement) -> bool:
    """True when the element is inside a <body>."""
    return any(a.tag == "body" for a in element.iterancestors())


def author_links(links: Iterable[HtmlElement]) -> Iterator[str]:
    """Texts of the first links to an author's page ('<a href="/author/jane-doe">Jane Doe</a>') among `links` (the
    page's <a> elements) outside menus, in page order; a link around a whole author card (more words than a name)
    is not one."""
    for link in islice((a for a in links if _AUTHOR_PATH.search(a.get("href") or "")), _MAX_AUTHOR_LINKS):
        if not _in_menu(link) and 0 < len(words := link.text_content().split()) <= _MAX_NAME_WORDS:
            yield " ".join(words)


@lru_cache(maxsize=1)
def byline_opener() -> re.Pattern[str]:
    """A byline's opening words at the start of a text: 'By', 'Written by', 'Authors:', 'Von', … (phrase lists
    `byline` and `author_label`)."""
    return pattern("byline", anchored=True, extra=tuple(phrases("author_label")))


def byline_lines(tree: HtmlElement) -> Iterator[str]:
    """The names in short body texts that open with a byline phrase ('By Jane Doe', 'By <a>Jane Doe</a>, May 3'),
    also between separators ('May 3, 2024 · By Jane Doe · 4 min read'), in page order; a name starts with a capital
    (`_capitalised`)."""
    opener = byline_opener()
    short = dict.fromkeys(t for t in _TEXTS(tree) if len(t) <= _MAX_BYLINE_CHARS)  # each text once: pages repeat them
    texts = [t for t in short if _opens_byline(t.strip(), opener)]  # '\n    By ' too
    for element in (e for text in texts for e in _TEXT_PARENTS(tree, text=text)):
        if _in_menu(element):  # 'Shop by Brand', 'By Industry'
            continue
        text = _spaced_text(element)
        if _bare_opener(text, opener) and (parent := element.getparent()) is not None:
            text = _spaced_text(parent)  # '<span>Written by</span> <a>Jane Doe</a>'
        for piece in _BYLINE_PIECES.split(text) if len(text) <= _MAX_BYLINE_CHARS else ():
            if (match := opener.match(piece)) and _capitalised(name := _AFTER_NAME.sub("", piece[match.end() :])):
                yield name


def _capitalised(name: str) -> bool:
    """True when `name` starts with a capital, or with a letter of a script without case (王, 山田, 김)."""
    first = name[:1]
    return first.isupper() or (first.isalpha() and first.lower() == first.upper())


def byline_pieces(text: str) -> Iterator[str]:
    """The possible names in a byline element's text ('Dec. 19, 2025 · Jane Doe on behalf of the team' -> 'Jane
    Doe', 'Posted by Jo Roe on May 3' -> 'Jo Roe'): the parts between separators without a digit (not a date or
    a reading time), or a part opening with a byline phrase, without that phrase and what follows the name."""
    opener = byline_opener()
    pieces = _BYLINE_PIECES.split(text)
    for piece in pieces:
        match = opener.match(piece)
        if (match is None and (len(pieces) == 1 or _DIGIT.search(piece))) or _bare_opener(piece, opener):
            continue
        if name := _AFTER_NAME.sub("", piece[match.end() :] if match else piece).strip():
            yield name


def _spaced_text(element: HtmlElement) -> str:
    """The element's text with one space between the texts of its children ('Written by' + 'Jane' as two words)."""
    return " ".join(" ".join(element.itertext()).split())


def _bare_opener(text: str, opener: re.Pattern[str]) -> bool:
    """True when the text is only a byline phrase ('Written by', 'By:')."""
    match = opener.match(f"{text} X")
    return match is not None and match.end() >= len(text)


def _opens_byline(text: str, opener: re.Pattern[str]) -> bool:
    """True when the text, or a piece of it after a separator, opens with a byline phrase (a bare 'By ' too)."""
    return (
        bool(opener.match(f"{text} X"))
        or bool(_PIECE_MARK.search(text))
        and any(opener.match(f"{piece} X") for piece in _BYLINE_PIECES.split(" ".join(text.split()))[1:])
    )


def _in_menu(element: HtmlElement) -> bool:
    """True when the element sits in navigation, a form or a footer, or close under a menu class."""
    return any(
        e.tag in _MENU_TAGS or (depth < _MENU_DEPTH and _MENU_CLASS.search(e.get("class") or ""))
        for depth, e in enumerate(element.iterancestors())
    )


def is_name(text: str) -> bool:
    """True when `text` looks like a person's (or an organisation's) name, not a label, handle or sentence."""
    words = text.split()
    not_a_name = pattern("not_a_name", extra=_NOT_A_NAME_MARKS)
    return 0 < len(words) <= _MAX_NAME_WORDS and not not_a_name.search(text) and any(c.isalpha() for c in text)
