"""Paragraph repair: a paragraph cut in the middle of a sentence is joined to the next one again.

A cut is a paragraph of some length that ends without terminal punctuation, followed by a paragraph that starts
with a lower-case letter (a sentence never does). Both must be prose paragraphs, not headings, list items or code.
"""

from __future__ import annotations

from ..blocks import Block, Kind
from ..document import Document
from ..filter import Filter


class ParagraphRepairFilter(Filter):
    """Paragraphs broken in the middle of a sentence, joined again."""

    name = "paragraph_repair"
    defaults = {"min_words": 5}

    def apply(self, doc: Document) -> None:
        out: list[Block] = []
        for block in doc.blocks:
            prev = out[-1] if out else None
            if prev is not None and self._is_cut(prev, block):
                doc.record(self.name, "joined a paragraph broken mid-sentence", f"{prev.text[-40:]} ⏎ {block.text[:40]}")
                out[-1] = Block(f"{prev.text} {block.text}", Kind.PARAGRAPH, 0, prev.link_density, prev.source)
            else:
                out.append(block)
        doc.blocks = out

    def _is_cut(self, prev: Block, block: Block) -> bool:
        return (
            prev.kind is Kind.PARAGRAPH
            and block.kind is Kind.PARAGRAPH
            and prev.word_count >= self.options["min_words"]
            and not prev.ends_sentence
            and block.text[:1].islower()
        )
