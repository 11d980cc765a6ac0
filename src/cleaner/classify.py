"""Learned main-content extraction: cut the page into candidate blocks, score each with the shipped tree ensemble,
keep those it calls content, in document order.

The model (models/blocks.json, < 1 MB) is trained by benchmarks/train_blocks.py on the dev corpus; without it the
pipeline falls back to trafilatura's rule-based extraction.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from .block_features import feature_names, features
from .blocks import Block
from .boosted import BoostedTrees, load_model
from .document import Document
from .segment import Candidate, as_blocks, segment

MODEL_PATH = Path(__file__).parent / "models" / "blocks.json"


@lru_cache(maxsize=1)
def block_model() -> BoostedTrees | None:
    """The shipped block classifier, or None when the model file is missing or was built for other features."""
    return load_model(MODEL_PATH, feature_names())


def candidates(doc: Document) -> tuple[list[Candidate], np.ndarray]:
    """The page's candidate blocks and their feature rows (training calls this too: it sees what cleaning sees)."""
    assert doc.tree is not None
    cands = segment(doc.tree)
    title = doc.tree.findtext(".//title") or ""
    return cands, features(cands, title, doc.metadata.page_type or "")


def classify_blocks(doc: Document) -> list[Block] | None:
    """The page's content blocks as the model sees them; None when there is no usable model."""
    model = block_model()
    if model is None:
        return None
    cands, rows = candidates(doc)
    if not cands:
        return []
    keep = model.probabilities(rows) >= model.threshold
    return as_blocks([c for c, k in zip(cands, keep) if k])
