"""What both structured renderers share: the body as a sequence of units (a table is one unit of its rows) and the
list depths a renderer can nest."""

from __future__ import annotations

from collections.abc import Iterator

from ..blocks import Block, Kind


def units(blocks: list[Block]) -> Iterator[list[Block]]:
    """The blocks in order, one list per unit: the rows of one table (consecutive TABLE blocks with cells and the same
    table number) together, every other block alone."""
    i = 0
    while i < len(blocks):
        block = blocks[i]
        table = block.structure.table if block.kind is Kind.TABLE and block.cells and block.structure else 0
        j = i + 1
        if table:
            while j < len(blocks) and blocks[j].kind is Kind.TABLE and blocks[j].cells:
                nxt = blocks[j].structure
                if nxt is None or nxt.table != table:
                    break
                j += 1
        yield blocks[i:j]
        i = j


def list_depths(blocks: list[Block]) -> list[int]:
    """Per block, the depth a list item can be drawn at (1 to one more than the list item before it; 0 for other
    blocks): an item whose parent item was removed is lifted, so no renderer draws a list inside nothing."""
    out: list[int] = []
    previous = 0
    for b in blocks:
        depth = max(1, min(b.level or 1, previous + 1)) if b.kind is Kind.LIST_ITEM else 0
        out.append(depth)
        previous = depth
    return out
