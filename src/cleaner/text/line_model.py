"""The shipped line classifier for text dumps (models/lines.json and its word lexicon, line_words.json), trained by
benchmarks/train_lines.py on `line_features`; the boilerplate filter scores a dump's lines with it."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..shared.boosted import BoostedTrees, load_model
from .line_features import feature_names

MODEL_PATH = Path(__file__).resolve().parent / "models" / "lines.json"
LEXICON_PATH = MODEL_PATH.with_name("line_words.json")


@lru_cache(maxsize=1)
def line_model() -> BoostedTrees | None:
    """The shipped line classifier, or None when its file (or its lexicon's) is missing, unreadable or built for
    other features."""
    return load_model(MODEL_PATH, feature_names()) if line_lexicon() else None


@lru_cache(maxsize=1)
def line_lexicon() -> dict[str, float]:
    """The line classifier's word lexicon (word -> log-odds of content), empty when its file is missing or unreadable."""
    try:
        return {str(w): float(v) for w, v in json.loads(LEXICON_PATH.read_text("utf-8")).items()}
    except (OSError, ValueError, AttributeError):
        return {}
