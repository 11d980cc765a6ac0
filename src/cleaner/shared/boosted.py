"""A boosted tree ensemble (trained by scikit-learn, shipped as JSON) scored with numpy over many rows at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from .compiled import compiled

_trees = compiled("cleaner.shared._trees")  # the compiled walk of the trees, when built

MAX_DEPTH = 12  # deepest tree the complete layout holds (training uses depth 6)
# rows scored in one pass: each pass holds a few arrays of rows x trees (8 bytes a cell), so 90 000 rows at once
# (a flood of list items) peaked at 700 MiB and ran slower, out of the CPU caches; a real page has a few hundred
ROWS_PER_PASS = 1024


class BoostedTrees:
    """Binary classifier: the sum of the trees' leaf values plus a baseline, squashed to a probability.

    Every tree is laid out as a complete binary tree of the ensemble's depth (node k's children at 2k+1 and 2k+2;
    a leaf above the bottom becomes pass-through nodes over copies of its value), so walking all rows down all
    trees takes `depth` vectorised steps of index arithmetic, with no child tables to look up.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self.baseline: float = spec["baseline"]
        trees = spec["trees"]
        self.depth = max(t["depth"] for t in trees)
        if self.depth > MAX_DEPTH:
            raise ValueError(f"trees of depth {self.depth}: the complete layout would need 2**{self.depth} nodes each")
        self.inner = 2**self.depth - 1  # nodes per tree above the bottom level; the bottom level has inner + 1
        self.feature = np.zeros((len(trees), self.inner), dtype=np.intp)
        self.split = np.full((len(trees), self.inner), np.inf)
        self.value = np.zeros((len(trees), self.inner + 1))
        for i, tree in enumerate(trees):
            self._place(tree, i, 0, 0)
        self.feature, self.split, self.value = self.feature.ravel(), self.split.ravel(), self.value.ravel()
        self.tree_start = np.arange(len(trees), dtype=np.intp) * self.inner  # each tree's first inner node
        self.child_step = 2 - self.tree_start  # node g's right child is 2g + child_step, its left one less
        self.leaf_offset = np.arange(len(trees), dtype=np.intp) - self.inner  # + a bottom node's index = its leaf

    def _place(self, tree: dict[str, list], i: int, node: int, slot: int) -> None:
        """Copy `tree`'s node `node` (and its subtree) to position `slot` of the complete layout of tree `i`."""
        if slot >= self.inner:  # bottom level: the node is a leaf
            self.value[i, slot - self.inner] = tree["value"][node]
            return
        leaf = tree["left"][node] == node
        if not leaf:
            self.feature[i, slot] = tree["feature"][node]
            self.split[i, slot] = tree["split"][node]
        self._place(tree, i, node if leaf else tree["left"][node], 2 * slot + 1)
        self._place(tree, i, node if leaf else tree["right"][node], 2 * slot + 2)

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(positive) per row of `rows` (columns in the order the model was trained on), ROWS_PER_PASS at a time."""
        if len(rows) <= ROWS_PER_PASS:
            return self._probabilities(rows)
        return np.concatenate(
            [self._probabilities(rows[i : i + ROWS_PER_PASS]) for i in range(0, len(rows), ROWS_PER_PASS)]
        )

    def _probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(positive) per row of `rows`, all at once: the compiled walk's leaves when it is built, else numpy's
        (a few arrays of rows x trees indices)."""
        if not len(rows):
            return np.zeros(0)
        if _trees is not None:
            leaves = np.empty((len(rows), len(self.tree_start)), dtype=np.intp)
            _trees.leaves(
                np.ascontiguousarray(rows, dtype=np.float64), self.feature, self.split, self.inner, self.depth, leaves
            )
            return self._squashed(leaves)
        cells = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        row_start = (np.arange(len(rows), dtype=np.intp) * rows.shape[1])[:, None]
        at = np.tile(self.tree_start, (len(rows), 1))  # per row and tree: the node reached, as an index of the ensemble
        for _ in range(self.depth):  # in place: node k of a tree starting at s goes to s + 2(k - s) + 1 or + 2
            left = cells.take(row_start + self.feature.take(at)) <= self.split.take(at)
            at *= 2
            at += self.child_step
            at -= left
        return self._squashed(at + self.leaf_offset)

    def _squashed(self, leaves: np.ndarray) -> np.ndarray:
        """P(positive) per row from the index of the leaf it reaches in each tree (rows x trees)."""
        raw = self.baseline + self.value.take(leaves).sum(axis=1)
        return 1.0 / (1.0 + np.exp(-raw))


def load_model(path: Path, features: list[str]) -> BoostedTrees | None:
    """The model file at `path` (written by benchmarks/train_blocks.py's `write_model`), or None when it is missing,
    unreadable or was trained on other feature columns than `features` (the caller then falls back to rules)."""
    return from_spec(read_spec(path), features)


def read_spec(path: Path) -> dict[str, Any] | None:
    """The JSON object in the model file at `path`, or None when it is missing or unreadable."""
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return spec if isinstance(spec, dict) else None


def from_spec(spec: Any, features: list[str]) -> BoostedTrees | None:
    """The ensemble `spec` describes, or None when it is not one trained on the feature columns `features`."""
    if not isinstance(spec, dict) or spec.get("features") != features:
        return None
    try:
        return BoostedTrees(spec)
    except (ValueError, KeyError, TypeError, IndexError):
        return None
