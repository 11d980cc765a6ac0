"""Base class of the pipeline's filters: each removes one kind of junk from the HTML tree, the body, or both."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any, ClassVar

from lxml.html import HtmlElement

from .blocks import Block
from .document import Document


class Stage(str, Enum):
    """Where in the data flow a hook runs: on the HTML tree before extraction, or on the body blocks after."""

    DOM = "dom"
    BLOCKS = "blocks"


class Filter:
    """A pipeline step that removes one kind of junk and records what it removed and why.

    A subclass sets `name` and `defaults` (its options) and overrides the hooks it needs:
    `select` (HTML elements to drop, before extraction) and/or `judge` (body blocks to drop, after);
    filters that rewrite rather than drop override `prune` or `apply` instead.
    Users override options with keyword arguments, e.g. `IconFilter(max_words=6)`.
    """

    name: ClassVar[str]
    defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self, **options: Any) -> None:
        unknown = set(options) - set(self.defaults)
        if unknown:
            raise TypeError(f"filter {self.name!r} has no option(s) {sorted(unknown)}; it has {sorted(self.defaults)}")
        self.options: dict[str, Any] = {**self.defaults, **options}

    @classmethod
    def description(cls) -> str:
        """The first line of the filter's docstring."""
        return (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""

    @classmethod
    def stages(cls) -> tuple[Stage, ...]:
        """The stages this filter takes part in, judged by which hooks it overrides."""
        dom = cls.select is not Filter.select or cls.prune is not Filter.prune
        blocks = cls.judge is not Filter.judge or cls.apply is not Filter.apply
        return tuple(s for s, on in ((Stage.DOM, dom), (Stage.BLOCKS, blocks)) if on)

    # -- DOM stage ---------------------------------------------------------------------------------

    def select(self, doc: Document) -> Iterable[tuple[HtmlElement, str]]:
        """Yield (element, reason) for every element of `doc.tree` to remove."""
        return ()

    def prune(self, doc: Document) -> None:
        """Drop every selected element (selection first, then removal, so the walk is not disturbed)."""
        if doc.tree is None:
            return
        for element, reason in list(self.select(doc)):
            doc.drop_element(element, self.name, reason)

    # -- block stage -------------------------------------------------------------------------------

    def judge(self, block: Block, index: int, doc: Document) -> str | None:
        """Return why `block` (at position `index` of doc.blocks) is junk, or None to keep it."""
        return None

    def apply(self, doc: Document) -> None:
        """Keep the blocks `judge` accepts; record the others."""
        kept: list[Block] = []
        for index, block in enumerate(doc.blocks):
            reason = self.judge(block, index, doc)
            if reason is None:
                kept.append(block)
            else:
                doc.record(self.name, reason, block.text)
        doc.blocks = kept

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.options.items() if self.defaults.get(k) != v}
        args = ", ".join(f"{k}={v!r}" for k, v in changed.items())
        return f"{type(self).__name__}({args})"
