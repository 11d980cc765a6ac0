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

        def pad(key: str, dtype: type, fill: float) -> np.ndarray:
            return np.array([t[key] + [fill] * (width - len(t[key])) for t in trees], dtype=dtype)

        self.feature = pad("feature", np.int32, 0)
        self.split = pad("split", np.float64, np.inf)
        self.left = pad("left", np.int32, 0)
        self.right = pad("right", np.int32, 0)
        self.value = pad("value", np.float64, 0.0)

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(positive) per row of `rows` (columns in the order the model was trained on)."""
        if not len(rows):
            return np.zeros(0)
        n_trees = self.feature.shape[0]
        tree = np.arange(n_trees)[None, :]
        node = np.zeros((len(rows), n_trees), dtype=np.int32)
        row = np.arange(len(rows))[:, None]
        for _ in range(self.depth):
            go_left = rows[row, self.feature[tree, node]] <= self.split[tree, node]
            node = np.where(go_left, self.left[tree, node], self.right[tree, node])
        raw = self.baseline + self.value[tree, node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))


def load_model(path: Path, features: list[str]) -> BoostedTrees | None:
    """The model file at `path` (written by benchmarks/train_blocks.py's `write_model`), or None when it is missing,
    unreadable or was trained on other feature columns than `features` (the caller then falls back to rules)."""
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
        return BoostedTrees(spec) if spec.get("features") == features else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
