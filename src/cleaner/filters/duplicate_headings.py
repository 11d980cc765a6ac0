"""Duplicated headings: a heading printed more than once (teaser carousels, sticky headers) keeps its last copy.

Only short headings are compared, by their words, case-insensitively; the last copy is the one that usually sits
on top of its own section.
"""

from __future__ import annotations

from collections import Counter

from ..blocks import Kind, fingerprint
from ..document import Document
from ..filter import Filter


class DuplicateHeadingFilter(Filter):
    """Headings (and heading-like lines) repeated in the body: every copy but the last."""

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
            if key and remaining[key] > 1:
                drop.add(i)
                remaining[key] -= 1
        doc.drop_blocks(drop, self.name, "heading repeated later in the page")
