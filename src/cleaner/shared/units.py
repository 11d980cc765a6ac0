"""Tables and code blocks judged as units: a keep/drop decision made line by line (the block model on candidate
blocks, the line model on a dump) would keep half a table, or drop a code line for lacking sentence punctuation.

A unit is kept whole when most of its words were kept, or when the blocks on both sides of it are kept (it sits
inside the article); otherwise it is dropped whole.
"""

from __future__ import annotations

from collections.abc import Sequence


def judge_units(units: Sequence[Sequence[int]], words: Sequence[int], keep: list[bool]) -> list[bool]:
    """`keep` with every unit (a list of consecutive-or-not indexes) set all True or all False."""
    keep = list(keep)
    members = {i for unit in units for i in unit}
    for unit in units:
        total = sum(words[i] for i in unit)
        kept = sum(words[i] for i in unit if keep[i])
        inside = _kept_neighbour(keep, members, min(unit), -1) and _kept_neighbour(keep, members, max(unit), 1)
        decision = (total > 0 and 2 * kept >= total) or inside
        for i in unit:
            keep[i] = decision
    return keep


def _kept_neighbour(keep: list[bool], members: set[int], start: int, step: int) -> bool:
    """Whether the nearest block outside any unit, from `start` in direction `step`, is kept (False at an edge)."""
    i = start + step
    while 0 <= i < len(keep) and i in members:
        i += step
    return 0 <= i < len(keep) and keep[i]
