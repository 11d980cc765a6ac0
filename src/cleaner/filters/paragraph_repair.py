"""Paragraph repair: a paragraph cut in the middle of a sentence is joined to the next one again.

A cut is a paragraph of some length that ends without terminal punctuation, followed by a paragraph that starts
with a lower-case letter (a sentence never does). Both must be prose paragraphs, not headings, list items or code.
In a plain-text dump, where a scraper put a line break around every link and bold word, a line that starts with a
lower-case letter or with closing punctuation is glued to the line before whatever its length.
"""

from __future__ import annotations

from ..blocks import Block, Kind
from ..document import Document
from ..filter import Filter


_JOINABLE = (Kind.PARAGRAPH, Kind.HEADING)
_CLOSING = set(".,;:!?)]}”’»…%")


def _is_drop_cap(block: Block) -> bool:
    """A lone capital letter: the decorative first letter of a paragraph, split off by the scraper."""
    return len(block.text) == 1 and block.text.isupper()


class ParagraphRepairFilter(Filter):
    """Paragraphs broken in the middle of a sentence, joined again."""

    name = "paragraph_repair"
    defaults = {"min_words": 5}

    def apply(self, doc: Document) -> None:
        out: list[Block] = []
        for block in doc.blocks:
            prev = out[-1] if out else None
            if prev is not None and self._is_cut(prev, block, doc.format == "text"):
                doc.record(self.name, "joined a paragraph broken mid-sentence", f"{prev.text[-40:]} ⏎ {block.text[:40]}")
                glue = "" if block.text[:1] in _CLOSING or _is_drop_cap(prev) else " "
                out[-1] = Block(f"{prev.text}{glue}{block.text}", Kind.PARAGRAPH, 0, prev.link_density, prev.source)
            else:
                out.append(block)
        doc.blocks = out

    def _is_cut(self, prev: Block, block: Block, line_dump: bool) -> bool:
        if prev.ends_sentence or prev.kind not in _JOINABLE or block.kind not in _JOINABLE:
            return False
        if line_dump:
            return block.text[:1].islower() or block.text[:1] in _CLOSING
        return (
            prev.kind is block.kind is Kind.PARAGRAPH
            and prev.word_count >= self.options["min_words"]
            and block.text[:1].islower()
        )
