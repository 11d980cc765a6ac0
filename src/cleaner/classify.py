"""Learned main-content extraction: cut the page into candidate blocks, score each with the shipped tree ensemble,
keep those it calls content, in document order.

The model (models/blocks.json, < 1 MB) is trained by benchmarks/train_blocks.py on the dev corpus; without it the
pipeline falls back to trafilatura's rule-based extraction.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from lxml.html import HtmlElement

from .block_features import feature_names, features
from .blocks import Block, Kind
from .boosted import BoostedTrees
from .segment import Candidate, segment

MODEL_PATH = Path(__file__).parent / "models" / "blocks.json"
_CELLS = {"td", "th"}


@lru_cache(maxsize=1)
def block_model() -> BoostedTrees | None:
    """The shipped block classifier, or None when the model file is missing or was built for other features."""
    if not MODEL_PATH.is_file():
        return None
    spec = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return BoostedTrees(spec) if spec.get("features") == feature_names() else None


def classify_blocks(tree: HtmlElement, title: str = "", page_type: str = "") -> list[Block] | None:
    """The page's content blocks as the model sees them; None when there is no usable model."""
    model = block_model()
    if model is None:
        return None
    cands = segment(tree)
    if not cands:
        return []
    keep = model.probabilities(features(cands, title, page_type)) >= model.threshold
    return _assemble([c for c, k in zip(cands, keep) if k])


def _assemble(kept: list[Candidate]) -> list[Block]:
    """Blocks from the kept candidates; cells of one table row become one TABLE block."""
    out: list[Block] = []
    row_of_last: int | None = None
    for c in kept:
        if c.tag in _CELLS and len(c.parents) > 1:
            row = c.parents[-2]
            text = c.text.strip(" |")
            if row == row_of_last and out:
                out[-1].text = f"{out[-1].text} | {text}"
            else:
                out.append(Block(text, Kind.TABLE, 0, c.link_density, "tr"))
            row_of_last = row
            continue
        row_of_last = None
        out.append(Block(c.text, c.kind, c.level, c.link_density, c.tag))
    return [b for b in out if b.text]
