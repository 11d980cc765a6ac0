"""Duplicated headings: a heading printed more than once (teaser carousels, sticky headers) keeps one copy.

Short headings are compared by their words, case-insensitively. A copy goes when it heads nothing (the next block
is the same heading again, another heading, or the end of the body); copies that each open their own section
("Ingredients" over every recipe) all stay.
"""

from __future__ import annotations

from collections import Counter

from ..blocks import Kind, fingerprint
from ..document import Document
from ..filter import Filter


class DuplicateHeadingFilter(Filter):
    """Headings repeated in the body that head nothing (teaser carousels, sticky headers)."""

    name = "duplicate_headings"
    defaults = {"max_words": 20}

    def apply(self, doc: Document) -> None:
        keys = [
            fingerprint(b.text) if b.kind is Kind.HEADING and b.word_count <= self.options["max_words"] else ""
            for b in doc.blocks
        ]
        remaining = Counter(k for k in keys if k)
        drop: set[int] = set()
        for i, key in enumerate(keys):
            heads_nothing = i + 1 == len(keys) or doc.blocks[i + 1].is_heading
            if key and remaining[key] > 1 and heads_nothing:
                drop.add(i)
                remaining[key] -= 1
        doc.drop_blocks(drop, self.name, "heading repeated later in the page")
