"""The unit every block filter works on: one paragraph, heading, list item, quote, table row or code block."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .scripts import UNSPACED_TERMINALS, WORD


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
    def is_heading(self) -> bool:
        """True for headings."""
        return self.kind is Kind.HEADING


def render_text(blocks: list[Block]) -> str:
    """Plain-text body: blocks separated by blank lines."""
    return "\n\n".join(b.text for b in blocks if b.text)


def render_markdown(blocks: list[Block]) -> str:
    """Markdown body: headings get #, list items -, quotes >, code fences.

    Text is escaped so that nothing the page said can become markup: backslashes, brackets and `<` get a
    backslash (no link, image, autolink or raw HTML, so no `javascript:` URL or <script> from the input), and a code
    fence is longer than any run of backticks inside it.
    """
    out: list[str] = []
    for b in blocks:
        if b.kind is Kind.HEADING:
            out.append("#" * max(1, min(b.level or 2, 6)) + " " + escape_markdown(b.text))
        elif b.kind is Kind.LIST_ITEM:
            out.append("  " * max(0, b.level - 1) + "- " + escape_markdown(b.text))
        elif b.kind is Kind.QUOTE:
            out.append("\n".join("> " + escape_markdown(line) for line in b.text.splitlines()))
        elif b.kind is Kind.CODE:
            fence = "`" * max(3, 1 + max((len(run) for run in _BACKTICKS.findall(b.text)), default=0))
            out.append(f"{fence}\n{b.text}\n{fence}")
        else:
            out.append(escape_markdown(b.text))
    return "\n\n".join(out)


_BACKTICKS = re.compile(r"`+")
_MARKDOWN_ESCAPES = str.maketrans({"\\": "\\\\", "[": "\\[", "]": "\\]", "<": "\\<"})
_FENCE_RUN = re.compile(r"`{3,}|~{3,}")


def escape_markdown(text: str) -> str:
    """`text` with `\\`, `[`, `]` and `<` backslash-escaped, and every backtick or tilde of a run of three: it can
    carry no Markdown link, image or HTML, and cannot open a code block (after a list marker or a quote sign too)."""
    text = text.translate(_MARKDOWN_ESCAPES)
    if "```" in text or "~~~" in text:
        text = _FENCE_RUN.sub(lambda run: "".join("\\" + c for c in run.group()), text)
    return text


def fingerprint(text: str) -> str:
    """Lower-cased words joined by single spaces: what two blocks share when they 'say the same thing'."""
    return " ".join(_WORD.findall(text.lower()))
