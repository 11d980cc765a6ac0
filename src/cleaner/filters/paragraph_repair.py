"""Paragraph repair: a paragraph cut in the middle of a sentence is joined to the next one again.

A cut is a paragraph of some length that ends without terminal punctuation, followed by a paragraph that starts
with a lower-case letter (a sentence never does). Both must be prose paragraphs, not headings, list items or code.
In a plain-text dump, where a scraper put a line break around every link and bold word, a line that starts with a
lower-case letter or with closing punctuation is glued to the line before whatever its length.
"""

from __future__ import annotations

import re

from ..blocks import Block, Kind
from ..document import Document
from ..filter import Filter

_JOINABLE = (Kind.PARAGRAPH, Kind.HEADING)
_CLOSING = set(".,;:!?)]}”’»…%")
_WORD_START = re.compile(r"\w")
_WORD_END = re.compile(r"\w$")


def _is_drop_cap(block: Block) -> bool:
    """A lone capital letter: the decorative first letter of a paragraph, split off by the scraper."""
    return len(block.text) == 1 and block.text.isupper()


class ParagraphRepairFilter(Filter):
    """Paragraphs broken in the middle of a sentence, joined again."""

    name = "paragraph_repair"
    defaults = {"min_words": 5}

    def apply(self, doc: Document) -> None:
        runs: list[_Run] = []
        for block in doc.blocks:
            if runs and self._is_cut(runs[-1], block, doc.format == "text"):
                doc.record(self.name, "joined a paragraph broken mid-sentence", f"{runs[-1].tail} ⏎ {block.text[:40]}")
                runs[-1].add(block)
            else:
                runs.append(_Run(block))
        doc.blocks = [run.block() for run in runs]

    def _is_cut(self, prev: _Run, block: Block, line_dump: bool) -> bool:
        if prev.ends_sentence or prev.kind not in _JOINABLE or block.kind not in _JOINABLE:
            return False
        if line_dump:
            return block.text[:1].islower() or block.text[:1] in _CLOSING
        return (
            prev.kind is block.kind is Kind.PARAGRAPH
            and prev.word_count >= self.options["min_words"]
            and block.text[:1].islower()
        )


class _Run:
    """Blocks being joined into one paragraph: its text is built once at the end, and what `_is_cut` asks of it
    (kind, last character, word count) is kept up to date, so a paragraph broken into thousands of lines is not
    re-read at every line."""

    def __init__(self, first: Block) -> None:
        self.first = first
        self.parts = [first.text]
        self.kind = first.kind
        self.ends_sentence = first.ends_sentence
        self.word_count = first.word_count
        self.tail = first.text[-40:]  # the last 40 characters of the text so far

    def add(self, block: Block) -> None:
        """Glue `block` on: without a space before closing punctuation or after a drop cap."""
        glue = "" if block.text[:1] in _CLOSING or (len(self.parts) == 1 and _is_drop_cap(self.first)) else " "
        merges = not glue and _WORD_START.match(block.text) is not None and _WORD_END.search(self.tail) is not None
        self.word_count += block.word_count - (1 if merges else 0)  # 'T' + 'he cat': one word fewer
        self.parts += [glue, block.text]
        self.kind = Kind.PARAGRAPH
        self.ends_sentence = block.ends_sentence
        self.tail = (self.tail + glue + block.text)[-40:]

    def block(self) -> Block:
        """The joined paragraph (the first block itself when nothing was joined to it)."""
        if len(self.parts) == 1:
            return self.first
        return Block("".join(self.parts), Kind.PARAGRAPH, 0, self.first.link_density, self.first.source)
