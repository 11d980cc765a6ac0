"""A boosted tree ensemble (trained by scikit-learn, shipped as JSON) scored with numpy over many rows at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np


class BoostedTrees:
    """Binary classifier: the sum of the trees' leaf values plus a baseline, squashed to a probability.

    Every tree is stored as flat arrays padded to one width; a leaf points to itself, so walking all rows down all
    trees takes `max_depth` vectorised steps.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self.threshold = float(spec.get("threshold", 0.5))  # the decision threshold chosen in training
        self.baseline: float = spec["baseline"]
        trees = spec["trees"]
        width = max(len(t["feature"]) for t in trees)
        self.depth = max(t["depth"] for t in trees)
        self.roots = np.arange(len(trees), dtype=np.intp) * width  # every tree's nodes at [root, root + width)

        def flat(key: str, dtype: type, fill: float, offset: bool = False) -> np.ndarray:
            padded = np.array([t[key] + [fill] * (width - len(t[key])) for t in trees], dtype=dtype)
            return (padded + self.roots[:, None] if offset else padded).ravel()

        self.feature = flat("feature", np.intp, 0)
        self.split = flat("split", np.float64, np.inf)
        self.left = flat("left", np.intp, 0, offset=True)  # children as indexes into the flat arrays
        self.right = flat("right", np.intp, 0, offset=True)
        self.value = flat("value", np.float64, 0.0)

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(positive) per row of `rows` (columns in the order the model was trained on)."""
        if not len(rows):
            return np.zeros(0)
        rows = np.ascontiguousarray(rows, dtype=np.float64)
        cells = rows.ravel()
        row_start = (np.arange(len(rows), dtype=np.intp) * rows.shape[1])[:, None]
        node = np.repeat(self.roots[None, :], len(rows), axis=0)
        for _ in range(self.depth):
            go_left = cells.take(row_start + self.feature.take(node)) <= self.split.take(node)
            node = np.where(go_left, self.left.take(node), self.right.take(node))
        raw = self.baseline + self.value.take(node).sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))


def load_model(path: Path, features: list[str]) -> BoostedTrees | None:
    """The model file at `path` (written by benchmarks/train_blocks.py's `write_model`), or None when it is missing,
    unreadable or was trained on other feature columns than `features` (the caller then falls back to rules)."""
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
        return BoostedTrees(spec) if spec.get("features") == features else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
