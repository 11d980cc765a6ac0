"""Metadata stage: title, authors, date, site name, description, language, tags, image and page type, read from the
page's head, JSON-LD and markup. Entry: `read_metadata` (and `url_page_type`, the page type a URL alone suggests, for
text input)."""

from __future__ import annotations

from lxml.html import HtmlElement

from ..article import Metadata
from ..shared.dom import ByTag, Marked
from .fields import LOOKED_UP as _FIELD_TAGS
from .fields import page_metadata
from .pagetype import LOOKED_UP as _PAGE_TYPE_TAGS
from .pagetype import detect_page_type, url_page_type

__all__ = ["read_metadata", "url_page_type"]

_LOOKED_UP = tuple(dict.fromkeys(_FIELD_TAGS + _PAGE_TYPE_TAGS))  # the tags whose elements both read


def read_metadata(tree: HtmlElement, url: str | None, marks: Marked | None = None) -> Metadata:
    """The page's metadata, page type included, from one walk over the elements of the tags both look at and the
    page's scan of attributes (`marks`: the document's, when the caller has it)."""
    found = ByTag(tree, _LOOKED_UP)
    marks = marks or Marked(tree)
    metadata = page_metadata(tree, url, found, marks)
    metadata.page_type = detect_page_type(tree, url, found, marks)
    return metadata
