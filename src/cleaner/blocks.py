"""The unit every block filter works on: one paragraph, heading, list item, quote, table row or code block, with the
structure it carries (`body.Structure`) riding along."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .body import Span, Structure
from .limits import LINE_SAMPLE_CHARS
from .shared.scripts import UNSPACED_TERMINALS, WORD


class Kind(str, Enum):
    """What a block is, structurally."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE = "table"
    CODE = "code"


_WORD = re.compile(r"\w+")  # fingerprints compare texts run for run
# a text whose last visible character is one ends a sentence
SENTENCE_ENDS = frozenset(".!?…:;\"'”’»" + UNSPACED_TERMINALS)


@dataclass
class Block:
    """A piece of body text with its kind; `level` is the heading level (1-6) or list nesting depth."""

    text: str
    kind: Kind = Kind.PARAGRAPH
    level: int = 0
    link_density: float = 0.0
    source: str = ""  # originating tag or text-line hint, for filters that care
    structure: Structure | None = field(default=None, repr=False, compare=False)
    _counted: tuple[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def word_count(self) -> int:
        """Number of word tokens (filters ask often: counted once per text, again only if the text is replaced)."""
        if self._counted is None or self._counted[0] is not self.text:
            self._counted = (self.text, len(WORD.findall(self.text)))
        return self._counted[1]

    @property
    def ends_sentence(self) -> bool:
        """True when the text ends with terminal punctuation or a closing quote (its last character but spaces:
        a regex anchored at the end would scan the whole text, and a paragraph being repaired grows line by line)."""
        return self.text.rstrip()[-1:] in SENTENCE_ENDS

    @property
    def spans(self) -> tuple[Span, ...]:
        """The text's inline runs (links, emphasis, code), or () when it has none or a filter rewrote the text."""
        s = self.structure
        return s.spans if s is not None and s.spans and s.text == self.text else ()

    @property
    def cells(self) -> tuple[str, ...]:
        """A table row's cells, or () when it has none or a filter rewrote the row's text."""
        s = self.structure
        return s.cells if s is not None and s.cells and s.text == self.text else ()

    @property
    def is_heading(self) -> bool:
        """True for headings."""
        return self.kind is Kind.HEADING


def sample(text: str) -> str:
    """`text`, or when it is over LINE_SAMPLE_CHARS its head and tail (half each, joined by a space): what the
    per-line measures read, so that one huge line costs them what a long one does."""
    if len(text) <= LINE_SAMPLE_CHARS:
        return text
    half = LINE_SAMPLE_CHARS // 2
    return f"{text[:half]} {text[-half:]}"


def fingerprint(text: str) -> str:
    """Lower-cased words joined by single spaces: what two blocks share when they 'say the same thing'."""
    return " ".join(_WORD.findall(text.lower()))
