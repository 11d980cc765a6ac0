"""The units of a page's candidates that extraction judges whole (`shared/units.py`): each table with a header row
(its cells), each code block."""

from __future__ import annotations

import numpy as np

from ..blocks import Kind
from ..shared.units import judge_units
from .segment import Candidate

_CELLS = frozenset({"td", "th"})


def whole_units(cands: list[Candidate], keep: np.ndarray) -> np.ndarray:
    """`keep` with header tables and code blocks kept or dropped whole: a data table between kept blocks stays even
    when the model kept none of its cells (figures of an article: with the pipeline, 2026-12-06, wcxb-dev tune word F1
    out of fold 0.8682 -> 0.8684, dragnet and l3s-gn1 unchanged)."""
    tables: dict[object, list[int]] = {}
    code: list[list[int]] = []
    for i, c in enumerate(cands):
        if c.kind is Kind.CODE:
            code.append([i])
        elif c.tag in _CELLS and c.element is not None:
            table = next(c.element.iterancestors("table"), None)
            if table is not None:
                tables.setdefault(table, []).append(i)
    units = code + [cells for table, cells in tables.items() if _has_header(table)]
    if not units:
        return keep
    words = [len(c.text.split()) for c in cands]
    return np.array(judge_units(units, words, keep.tolist()), dtype=bool)


def _has_header(table: object) -> bool:
    """A `<thead>`, or a first row of `<th>` cells."""
    if table.find("thead") is not None:  # type: ignore[attr-defined]
        return True
    row = next(table.iter("tr"), None)  # type: ignore[attr-defined]
    cells = [c for c in row if isinstance(c.tag, str)] if row is not None else []
    return bool(cells) and all(c.tag == "th" for c in cells)
