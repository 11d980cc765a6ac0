"""The second look at a page's blocks: what the first-pass scores of a block's surroundings say about it.

The block classifier scores each block from its own text and markup (`block_features`); a promo box's long blurb
or a thread's one-line reply can look wrong on its own. The context model (trained by benchmarks/train_blocks.py
on out-of-fold first-pass scores) re-scores each block from its first score beside those of its neighbours, of
the other blocks in its parent, grandparent and higher containers, of the blocks that share its path (cards of one
list), and of the page as a whole: blocks of one container tend to be all content or all boilerplate.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..metadata.pagetype import PAGE_TYPES
from .block_features import feature_names as block_feature_names
from .segment import Candidate

_LOGIT_CAP = 8.0  # first-pass log-odds beyond this say nothing more
_NO_NEIGHBOUR = -10.0  # the log-odds given to the block before the first and after the last
_NEIGHBOURS = (1, 2, -1, -2)  # the blocks before (positive) and after (negative) whose log-odds are columns
_WINDOWS = (3, 10)  # blocks on either side whose word-weighted mean score is a column
_LEVELS = (2, 3, 4, 6)  # the containers: parents[-2] is the parent of the block's own element, and so on up
_NONE = -1.0  # the mean score of a group with no other block
# columns of the block rows passed through: how long the block is, how linked, where, on what kind of page
_PASSED = ("log_words", "link_density", "position", *(f"type_{t}" for t in PAGE_TYPES))
_PASSED_INDEX = [block_feature_names().index(name) for name in _PASSED]
_LOG_WORDS = block_feature_names().index("log_words")


def feature_names() -> list[str]:
    """Column names of the rows `features` returns, in order."""
    names = ["logit", *(f"{'prev' if by > 0 else 'next'}{abs(by)}_logit" for by in _NEIGHBOURS)]
    names += [f"around{r}_p" for r in _WINDOWS] + ["page_mean_p", "page_max_p", "page_likely_share", "rank"]
    for level in _LEVELS:
        names += [f"up{level - 1}_p", f"up{level - 1}_log_words"]
    names += ["path_p", "path_log_words"]
    return names + list(_PASSED)


def features(cands: Sequence[Candidate], rows: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """One row of `feature_names()` per candidate, from the candidates, their block-feature rows and their
    first-pass probabilities of being content."""
    n = len(cands)
    p = np.asarray(scores, dtype=np.float64)
    w = np.expm1(rows[:, _LOG_WORDS].astype(np.float64)) + 1  # words, plus one so that empty blocks count a little
    clipped = np.clip(p, 1e-6, 1 - 1e-6)
    logit = np.clip(np.log(clipped / (1 - clipped)), -_LOGIT_CAP, _LOGIT_CAP)
    columns = [logit, *(_shifted(logit, by) for by in _NEIGHBOURS)]
    wp = w * p
    cum_w, cum_wp = np.concatenate([[0.0], np.cumsum(w)]), np.concatenate([[0.0], np.cumsum(wp)])
    index = np.arange(n)
    for radius in _WINDOWS:
        lo, hi = np.maximum(0, index - radius), np.minimum(n, index + radius + 1)
        columns.append(_mean_of_others(cum_wp[hi] - cum_wp[lo] - wp, cum_w[hi] - cum_w[lo] - w)[0])
    total = w.sum()
    columns += [
        np.full(n, wp.sum() / total),
        np.full(n, p.max()),
        np.full(n, w[p > 0.5].sum() / total),
        np.argsort(np.argsort(-p, kind="stable"), kind="stable") / n,
    ]
    for level in _LEVELS:
        columns += _group_means([c.parents[-level] if len(c.parents) >= level else -1 for c in cands], w, wp)
    columns += _group_means([c.path for c in cands], w, wp)
    return np.hstack([np.column_stack(columns), rows[:, _PASSED_INDEX]]).astype(np.float32)


def _shifted(column: np.ndarray, by: int) -> np.ndarray:
    """`column` moved down `by` rows (up when negative): the value of the block `by` before each block."""
    out = np.full_like(column, _NO_NEIGHBOUR)
    if by > 0:
        out[by:] = column[:-by]
    else:
        out[:by] = column[-by:]
    return out


def _mean_of_others(weighted: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(word-weighted mean score, log of the words) of the other blocks of a group, from the group's sums less the
    block's own; `_NONE` and 0 where the block is alone."""
    alone = weight <= 1e-9
    mean = np.where(alone, _NONE, weighted / np.where(alone, 1.0, weight))
    return mean, np.where(alone, 0.0, np.log1p(np.maximum(weight, 0.0)))


def _group_means(keys: list[int], w: np.ndarray, wp: np.ndarray) -> list[np.ndarray]:
    """Per block, `_mean_of_others` over the blocks with the same key (-1: in no group)."""
    _, group = np.unique(np.asarray(keys, dtype=np.int64), return_inverse=True)
    group = group.ravel()
    group_w, group_wp = np.bincount(group, weights=w), np.bincount(group, weights=wp)
    mean, words = _mean_of_others(group_wp[group] - wp, group_w[group] - w)
    outside = np.asarray(keys) == -1
    return [np.where(outside, _NONE, mean), np.where(outside, 0.0, words)]
