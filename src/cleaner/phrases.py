"""Phrase lists as data: one JSON file per language under `phrases/`, one list of regex fragments per category."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    """The languages that ship a phrase file."""
    files = resources.files("cleaner") / "phrases"
    return tuple(sorted(f.name[:-5] for f in files.iterdir() if f.name.endswith(".json")))


@lru_cache(maxsize=None)
def _load(language: str) -> dict[str, list[str]]:
    text = (resources.files("cleaner") / "phrases" / f"{language}.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def phrases(category: str, langs: tuple[str, ...] | None = None) -> list[str]:
    """All phrase fragments of `category` in `langs` (default: every shipped language)."""
    return [p for lang in (langs or languages()) for p in _load(lang).get(category, [])]


@lru_cache(maxsize=None)
def pattern(category: str, anchored: bool = False, extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """One compiled case-insensitive regex matching any phrase of `category` (at the start when `anchored`)."""
    fragments = phrases(category) + list(extra)
    if not fragments:
        return re.compile(r"(?!x)x")
    body = "|".join(f"(?:{f})" for f in fragments)
    return re.compile(rf"^\W{{0,3}}(?:{body})" if anchored else rf"(?:{body})", re.I)
