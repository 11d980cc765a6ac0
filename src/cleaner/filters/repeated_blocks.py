"""Repeated paragraphs: a later verbatim copy of a paragraph or quote of some length is dropped, the first stays.

Pages print the same prose twice more often than writers do: the article rendered once for mobile and once for
desktop, a dek or teaser repeated in a sidebar or carousel, a post quoted whole in each reply to it. A sentence of
eight words or more recurring word for word is such a copy; shorter lines ("Read more", "Ingredients", a table
cell) repeat legitimately and are left alone, as are headings (`duplicate_headings`), list items and code.

HTML pages only: in a text dump the line model already weighs each line against its earlier copies (a feature it
is trained on); run on dumps as well, this filter measured 0.002 word F1 lower on both kinds of dump.
"""

from __future__ import annotations

from ..blocks import Kind, fingerprint
from ..document import Document
from ..filter import Filter

_KINDS = frozenset({Kind.PARAGRAPH, Kind.QUOTE})


class RepeatedBlockFilter(Filter):
    """Later verbatim copies of paragraphs and quotes (the page printed twice, teasers, quoted posts)."""

    name = "repeated_blocks"
    defaults = {"min_words": 8}

    def apply(self, doc: Document) -> None:
        if doc.format != "html":
            return
        seen: set[str] = set()
        drop: set[int] = set()
        for i, block in enumerate(doc.blocks):
            if block.kind not in _KINDS or block.word_count < self.options["min_words"]:
                continue
            key = fingerprint(block.text)
            if key in seen:
                drop.add(i)
            seen.add(key)
        doc.drop_blocks(drop, self.name, "copy of an earlier paragraph")
