"""Repeated paragraphs: a later verbatim copy of a paragraph or quote of some length is dropped, the first stays.

Pages print the same prose twice more often than writers do: the article rendered once for mobile and once for
desktop, a dek or teaser repeated in a sidebar or carousel, a post quoted whole in each reply to it. A sentence of
eight words or more recurring word for word is such a copy; shorter lines ("Read more", "Ingredients", a table
cell) repeat legitimately and are left alone, as are headings (`duplicate_headings`), list items and code (but see
below).

A page may also carry the whole article again as its Markdown source, in a hidden `<pre>` that a "copy page" button
reads: a code block of 40 words or more whose word 5-grams (link targets left out) are half or more in the rest of
the body is such a copy. On dragnet, l3s-gn1 and the tune slice of wcxb-dev one page has one (its copy shares 80% of
its 5-grams with the article); of the other code blocks of that size none shares more than 37% (code that quotes the
prose's identifiers).

HTML pages only: in a text dump the line model already weighs each line against its earlier copies (a feature it
is trained on); run on dumps as well, this filter measured 0.002 word F1 lower on both kinds of dump. Text and
Markdown inputs have no hidden elements to carry a source copy, and their fenced code stays out of reach.
"""

from __future__ import annotations

from ..blocks import Kind, fingerprint
from ..document import Document
from ..filter import Filter
from ..text.inline import LINK

_KINDS = frozenset({Kind.PARAGRAPH, Kind.QUOTE})
_SHINGLE = 5


def _shingles(text: str) -> set[str]:
    """Word 5-grams of `text`, lower-cased, Markdown link targets left out."""
    words = fingerprint(LINK.sub(r"\1", text)).split()
    return {" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


class RepeatedBlockFilter(Filter):
    """Later verbatim copies of paragraphs and quotes, and a code block that is the article again as its source."""

    name = "repeated_blocks"
    defaults = {"min_words": 8, "min_code_words": 40, "copy_share": 0.5}

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
        self._drop_source_copies(doc)

    def _drop_source_copies(self, doc: Document) -> None:
        """Drop code blocks of `min_code_words` or more whose word 5-grams are `copy_share` or more in the other
        blocks: the article again as its Markdown source."""
        code = [
            i
            for i, b in enumerate(doc.blocks)
            if b.kind is Kind.CODE and b.word_count >= self.options["min_code_words"]
        ]
        if not code:
            return
        prose: set[str] = set()
        for block in doc.blocks:
            if block.kind is not Kind.CODE:
                prose |= _shingles(block.text)
        drop: set[int] = set()
        for i in code:
            own = _shingles(doc.blocks[i].text)
            if own and len(own & prose) >= self.options["copy_share"] * len(own):
                drop.add(i)
        doc.drop_blocks(drop, self.name, "copy of the article's text in a code block")
