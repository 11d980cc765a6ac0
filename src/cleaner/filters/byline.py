"""Bylines and dates at the top of the body ("By [Name](#)", "June 14, 2015") lifted into `authors` and `date`.

Only short blocks among the first few are looked at, and for bylines the last two ("Written by …" may close an
article): a byline is a phrase-list opener ("By", "Von", "Par", …) followed by names, with perhaps a date behind a
separator ("By Jane Doe • May 3, 2024"); a date line is nothing but a date (with an optional "Published:" or a time).
"""

from __future__ import annotations

import re

from ..blocks import Block
from ..document import Document
from ..filter import Filter
from ..metadata.dates import date_line
from ..metadata.fields import split_authors
from ..shared.phrases import pattern

_NAME = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}$")
_SEPARATOR = re.compile(r"\||(?<=\s)[•·»–—](?=\s)")  # between a byline and its date, either way round
_TRAILER = re.compile(
    r"(?:[|,·•–—-]\s*)?(?:(?:staff|senior|contributing)(?:\s+|$))?(?:writer|reporter|editor|correspondent)?$", re.I
)


class BylineFilter(Filter):
    """Byline and date lines at the top of the body (and bylines at its end), moved into metadata."""

    name = "byline"
    defaults = {"top_blocks": 6, "bottom_blocks": 2, "max_words": 12}

    def apply(self, doc: Document) -> None:
        _join_split_bylines(doc.blocks[: self.options["top_blocks"] + 1])
        doc.blocks = [b for b in doc.blocks if b.text]
        super().apply(doc)

    def judge(self, block: Block, index: int, doc: Document) -> str | None:
        at_top = index < self.options["top_blocks"]
        at_bottom = index >= len(doc.blocks) - self.options["bottom_blocks"]
        if not (at_top or at_bottom) or block.word_count > self.options["max_words"] or block.cells:
            return None  # a row of a table (read as one) is data, not a byline
        if at_top and (date := date_line(block.text)):  # a list of events may end with a date
            doc.metadata.date = doc.metadata.date or date
            return "date line moved to metadata"
        names = byline_names(block.text)
        if names:
            if not doc.metadata.authors:
                doc.metadata.authors = names
            return "byline moved to metadata"
        return None


def _join_split_bylines(blocks: list[Block]) -> None:
    """A dump that broke 'By' and the linked name onto two lines: move the name up, leave an empty block."""
    opener = pattern("byline", anchored=True)
    for block, following in zip(blocks, blocks[1:], strict=False):
        if block.word_count == 1 and opener.match(block.text + " X") and _NAME.match(following.text):
            block.text, following.text = f"{block.text} {following.text}", ""


def byline_names(text: str) -> list[str]:
    """The names in a byline such as 'By Jane Doe and John Roe', or [] when the text is not a byline."""
    parts = (part.strip() for part in _SEPARATOR.split(text))
    text = " | ".join(part for part in parts if part and not date_line(part))  # 'By Jane Doe • May 3, 2024'
    match = pattern("byline", anchored=True).match(text)
    if not match:
        return []
    names = split_authors(_TRAILER.sub("", text[match.end() :].rstrip()).replace(",", ";"))
    return names if names and all(_NAME.match(n) for n in names) else []
