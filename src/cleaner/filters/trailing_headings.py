"""Trailing headings: headings left at the very end of the body, with nothing under them.

What the extractor keeps after an article's last paragraph is often the heading of a box whose content it dropped:
"Related posts", "Podcasts", "Next Steps", the titles of a teaser rail. A heading that ends the body heads nothing,
so the run of headings at the end goes. Only on HTML pages guessed to be articles, forums or documentation (text
dumps have no page type): on listings, product and service pages a run of headings can be the content itself (card
titles, plan names). A body that would keep fewer than `min_words_left` words is left alone: there the heading may
be most of what the page says.
"""

from __future__ import annotations

from ..document import Document
from ..filter import Filter


class TrailingHeadingFilter(Filter):
    """Headings that end the body of an article, forum or documentation page and head nothing."""

    name = "trailing_headings"
    defaults = {"page_types": ("article", "forum", "documentation"), "min_words_left": 100}

    def apply(self, doc: Document) -> None:
        if doc.metadata.page_type not in self.options["page_types"]:
            return
        end = len(doc.blocks)
        while end > 1 and doc.blocks[end - 1].is_heading:
            end -= 1
        if end == len(doc.blocks) or sum(b.word_count for b in doc.blocks[:end]) < self.options["min_words_left"]:
            return
        doc.drop_blocks(set(range(end, len(doc.blocks))), self.name, "heading at the end of the body, heading nothing")
