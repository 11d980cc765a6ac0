"""The working state of one page while the pipeline runs, and the helpers filters use to record removals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml.html import HtmlElement

from .article import Article, Metadata, Removal
from .blocks import Block

if TYPE_CHECKING:
    from .shared.dom import Marked


@dataclass
class Document:
    """One page in flight: the parsed tree (HTML) or the input text (text, Markdown), the body blocks, metadata and
    the audit trail."""

    format: str
    tree: HtmlElement | None = None
    text: str = ""  # text and Markdown input: the dump as read, which the text stage cuts into blocks
    favor: str = "balanced"  # what the keep rules lean to: "precision", "balanced" or "recall" (see shared.keep)
    extractor: str = ""  # what produced the blocks: "learned", "trafilatura", "dom" (fallback split), "" (text)
    marked: Marked | None = None  # elements with class/id/role markers, see dom.marked
    # the caption of each <img> whose caption a filter moved out of the tree, given back to the image (not the text)
    image_captions: dict[HtmlElement, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def record(self, filter_name: str, reason: str, text: str) -> None:
        """Note that `filter_name` removed `text` because of `reason`."""
        text = " ".join(text.split())
        if text:
            self.removed.append(Removal(filter_name, reason, text))

    def drop_element(self, element: HtmlElement, filter_name: str, reason: str) -> None:
        """Remove an element from the tree (keeping its tail text) and record what it held."""
        parent = element.getparent()
        if parent is None:
            return
        self.record(filter_name, reason, element.text_content())
        element.drop_tree()

    def drop_blocks(
        self, indices: set[int], filter_name: str, reason: str, reasons: Mapping[int, str] | None = None
    ) -> None:
        """Remove the blocks at `indices` from the body, recording each one with `reason`, or with its own entry in
        `reasons` where it has one."""
        for index in sorted(indices):
            self.record(filter_name, reasons.get(index, reason) if reasons else reason, self.blocks[index].text)
        self.blocks = [b for i, b in enumerate(self.blocks) if i not in indices]

    def to_article(self) -> Article:
        """Freeze the state into the Article handed to the caller."""
        return Article(
            blocks=self.blocks,
            metadata=self.metadata,
            removed=self.removed,
            warnings=self.warnings,
            format=self.format,
        )
