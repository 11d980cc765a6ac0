"""Bound what a flood of blocks costs: past MAX_BLOCKS candidates (45 000 list items, 30 000 table rows, paragraphs
by the ten thousand), runs of consecutive candidates are merged so that at most MAX_BLOCKS remain. Features, both
model passes, the cut and the filters then cost what a page of MAX_BLOCKS blocks costs, whatever the flood's size.
Real pages stay far below it (the most among 3 499 pages of three corpora: 2 641), so they are never touched."""

from __future__ import annotations

from dataclasses import replace

from ..limits import MAX_BLOCKS
from .segment import Candidate


def coalesced(cands: list[Candidate], limit: int = MAX_BLOCKS) -> list[Candidate]:
    """`cands` as they are when there are at most `limit`; else every run of ceil(len / limit) consecutive ones as
    one candidate."""
    if len(cands) <= limit:
        return cands
    size = -(-len(cands) // limit)
    return [_merged(cands[i : i + size]) for i in range(0, len(cands), size)]


def _merged(run: list[Candidate]) -> Candidate:
    """One candidate for a run: the texts joined, the links added up, the rest from the first; no element, so the
    structure (list level, links, images) of a merged block is not read."""
    if len(run) == 1:
        return run[0]
    return replace(
        run[0],
        text=" ".join(c.text for c in run if c.text),
        link_chars=sum(c.link_chars for c in run),
        element=None,
        raw="",
    )
