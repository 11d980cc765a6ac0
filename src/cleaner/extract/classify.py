"""Learned main-content extraction: cut the page into candidate blocks, score each with the shipped tree ensemble,
re-score each from the first scores around it (`context_features`) with a second, small one, keep the cut of the
most probable ones that maximises the page's expected word F1 (`keep.expected_f1_keep`), but never a block scored
below KEEP_FLOOR, in document order; cut and floor read the scores sharpened by SHARPEN_T, except on forums,
listings and collections. On a page guessed to be an article, kept blocks past the end of the article (reader
comments, teaser rails) or far before it (lists of other stories) are then dropped (`article_zone`).

The model (models/blocks.json, < 1 MB, both ensembles) is trained by benchmarks/train_blocks.py on the dev corpus;
without it the pipeline falls back to trafilatura's rule-based extraction.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..blocks import Block
from ..document import Document
from ..shared.boosted import BoostedTrees, from_spec, read_spec
from ..shared.keep import BETA, expected_f1_keep
from ..shared.stoplists import guess_language
from . import context_features
from .article_zone import article_blocks
from .block_features import feature_names, features
from .coalesce import coalesced
from .segment import Candidate, as_blocks, segment
from .units import whole_units

MODEL_PATH = Path(__file__).parent / "models" / "blocks.json"
# On a page whose blocks all look alike (a shop page), the expected-F1 cut may take blocks the model thinks
# unlikely; out of fold, a floor anywhere in 0.15-0.3 gains the same (+0.0025 word F1 over the cut alone).
KEEP_FLOOR = 0.2
# Out of fold the probabilities are calibrated (blocks scored 0.2-0.3 are content 27% of the time; a temperature fit
# by log-loss comes out at 1.05-1.3 for every page type), yet the cut keeps too many doubtful blocks, likely because it
# weighs them as independent where on one page they err together (a whole promo box). Sharpened (logit / SHARPEN_T)
# before the cut and the floor, the page keeps fewer of them. End to end on the tune pages, each scored by the fold
# model that never saw its site (word F1 / `without` snippet rate): T 1.0 0.8683 / 0.0451; 0.87 0.8684 / 0.0421;
# 0.77 0.8679 / 0.0404; 0.6 0.8663 / 0.0386.
SHARPEN_T = 0.77
# but not on pages guessed to be forums, listings or collections: every post or item there is content, and the short
# ones score low. Measured as above: 0.8686 / 0.0417 (forum 0.804 against 0.800 when sharpened too, collection 0.699
# against 0.692, listing 0.710 against 0.708; article 0.9488).
_UNSHARPENED_TYPES = ("forum", "listing", "collection")
_UNSHARPENED_COLUMNS = [feature_names().index(f"type_{t}") for t in _UNSHARPENED_TYPES]
_LOG_WORDS = feature_names().index("log_words")
_TITLED = feature_names().index("title_overlap")  # share of a block's words in the page's <title>


@dataclass(frozen=True)
class BlockModel:
    """The block classifier: a first ensemble scores each block on its own, a second (when the file has one)
    re-scores it from the first scores around it."""

    blocks: BoostedTrees
    context: BoostedTrees | None

    def probabilities(self, cands: list[Candidate], rows: np.ndarray) -> np.ndarray:
        """P(content) per candidate, from the candidates and their `block_features` rows."""
        scores = self.blocks.probabilities(rows)
        if self.context is None:
            return scores
        return self.context.probabilities(context_features.features(cands, rows, scores))


@lru_cache(maxsize=1)
def block_model() -> BlockModel | None:
    """The shipped block classifier, or None when the model file is missing or was built for other features."""
    return load_block_model(MODEL_PATH)


def load_block_model(path: Path) -> BlockModel | None:
    """The model file at `path` (written by benchmarks/train_blocks.py's `write_model`), or None when it is missing,
    unreadable or was trained on other feature columns than these (the caller then falls back to rules)."""
    spec = read_spec(path)
    blocks = from_spec(spec, feature_names())
    if spec is None or blocks is None:
        return None
    if "context" not in spec:  # a first-pass model alone (files written before the context stage)
        return BlockModel(blocks, None)
    context = from_spec(spec["context"], context_features.feature_names())
    return BlockModel(blocks, context) if context is not None else None


def candidates(doc: Document) -> tuple[list[Candidate], np.ndarray]:
    """The page's candidate blocks and their feature rows (training calls this too: it sees what cleaning sees)."""
    assert doc.tree is not None
    cands = coalesced(segment(doc.tree))
    title = doc.tree.findtext(".//title") or ""
    return cands, features(cands, title, doc.metadata.page_type or "")


def classify_blocks(doc: Document, model: BlockModel | None = None, url: str | None = None) -> list[Block] | None:
    """The page's content blocks as `model` (by default the shipped one) sees them, the cut leaning as `doc.favor`
    says, tables and code kept or dropped whole, less those outside the article on an article page
    (`article_zone`), their links resolved against `url`; None when there is no usable model. A page that declares no
    language gets the one its kept text is in (`doc.metadata.language`) before the article zone, whose end markers
    depend on it."""
    if model is None:
        model = block_model()
    if model is None:
        return None
    cands, rows = candidates(doc)
    if not cands:
        return []
    probabilities = model.probabilities(cands, rows)
    keep = whole_units(cands, keep_blocks(probabilities, rows, BETA[doc.favor]))
    words = np.rint(np.expm1(rows[:, _LOG_WORDS]))
    titled = rows[:, _TITLED]
    if doc.metadata.language is None:
        doc.metadata.language = guess_language([c.text for c, k in zip(cands, keep, strict=True) if k])
    page_type, language = doc.metadata.page_type or "", doc.metadata.language
    keep = article_blocks(cands, probabilities, keep, words, page_type, doc.favor, titled, language)
    return as_blocks([c for c, k in zip(cands, keep, strict=True) if k], url, doc.image_captions)


def keep_blocks(probabilities: np.ndarray, rows: np.ndarray, beta: float = 1.0) -> np.ndarray:
    """Which candidates to keep, from their probabilities and feature rows (whose log_words column gives the
    words each block weighs in the page's expected F1, and whose type columns the page's guessed type); `beta`
    leans the cut to precision (< 1) or recall (> 1)."""
    whole = len(rows) > 0 and bool(rows[0, _UNSHARPENED_COLUMNS].any())
    scores = probabilities if whole else sharpened(probabilities)
    return expected_f1_keep(scores, np.expm1(rows[:, _LOG_WORDS]), beta) & (scores >= KEEP_FLOOR)


def sharpened(probabilities: np.ndarray) -> np.ndarray:
    """The probabilities with their log-odds divided by SHARPEN_T: further from 0.5, in the same order."""
    p = np.clip(np.asarray(probabilities, dtype=np.float64), 1e-12, 1 - 1e-12)
    return 1 / (1 + np.exp(-np.log(p / (1 - p)) / SHARPEN_T))
