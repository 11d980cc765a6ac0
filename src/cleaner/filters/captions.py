"""Image captions and photo credits, kept apart from the body and recorded in `metadata.captions`; a caption taken
out of the page is also noted for its images (`Document.image_captions`), so that an image the article keeps shows it
in the structured outputs.

In HTML, <figcaption> and elements beside an image whose class names a caption or credit; in the body, short lines that open with
a credit phrase ("Photo:", "Image credit", …) or end with an agency credit ("Jane Doe/AP", "Firn | Getty Images").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import islice

from lxml.etree import XPath
from lxml.html import HtmlElement

from ..blocks import Block
from ..document import Document
from ..filter import Filter
from ..shared.dom import elements_marked, text_of
from ..shared.phrases import pattern

_CREDIT_MAX_WORDS = 30
_FIGURE_MAX_ELEMENTS = 40  # elements a picture with its caption may hold (<picture> sources, caption spans)
_CARD_PARTS = XPath(".//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//button|.//form|.//*[contains(@class, 'price')]")
_CAPTION_MARK = re.compile(r"caption|credit|photo-?(?:by|source)|image-?source|wp-caption-text")


def _beside_image(element: HtmlElement) -> bool:
    """A caption sits in a <figure> or next to an image and holds plain text: a 'caption' class elsewhere is a text
    style, and one holding a heading or buttons is a product or teaser card."""
    parent = element.getparent()
    if parent is None or _CARD_PARTS(element):
        return False
    return any(a.tag == "figure" for a in element.iterancestors()) or parent.find(".//img") is not None


def _captioned_images(element: HtmlElement) -> list[HtmlElement]:
    """The images a caption belongs to: those of its <figure>, else those beside it in its parent; none when that
    element is big (a <figure> some themes wrap a whole page header in), so a caption never lands on a logo."""
    holder = next(element.iterancestors("figure"), None)
    holder = element.getparent() if holder is None else holder
    if holder is None:
        return []
    nodes = list(islice(holder.iter(), _FIGURE_MAX_ELEMENTS))
    return [] if len(nodes) == _FIGURE_MAX_ELEMENTS else [n for n in nodes if n.tag == "img"]


class CaptionFilter(Filter):
    """Image captions and photo credits, moved to metadata."""

    name = "captions"
    defaults = {"max_words": 60}

    def select(self, doc: Document) -> Iterable[tuple[HtmlElement, str]]:
        assert doc.tree is not None
        found = list(doc.tree.iter("figcaption"))
        found += [
            e
            for e in elements_marked(doc, _CAPTION_MARK, self.options["max_words"])
            if e.tag != "figcaption" and _beside_image(e)
        ]
        for element in found:
            text = text_of(element)
            if text:
                doc.metadata.captions.append(text)
                for image in _captioned_images(element):
                    doc.image_captions.setdefault(image, text)
            yield element, "image caption moved to metadata"

    def judge(self, block: Block, index: int, doc: Document) -> str | None:
        if block.word_count <= _CREDIT_MAX_WORDS and (
            pattern("caption_credit", anchored=True).search(block.text) or pattern("credit_suffix").search(block.text)
        ):
            doc.metadata.captions.append(block.text)
            return "photo credit moved to metadata"
        return None
