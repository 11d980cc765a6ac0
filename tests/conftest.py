"""Shared paths and loaders for tests that run on the real pages and text dumps in samples/."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED_ARTICLE = SAMPLES / "text" / "001_a77e6b3b274e4f02.txt"
SEED_REPUBLISHED = SAMPLES / "text" / "000_2e2843c958388d37.txt"


def expected_samples() -> list[dict]:
    """The expectations of every sample page (samples/expected/*.json)."""
    return [json.loads(p.read_text("utf-8")) for p in sorted((SAMPLES / "expected").glob("*.json"))]


def regression_page(page_id: str) -> tuple[bytes, dict]:
    """A regression sample's HTML and its ground truth (url, page_type, main_content, …) from samples/regression/."""
    spec = json.loads((SAMPLES / "regression" / f"{page_id}.json").read_text("utf-8"))
    return gzip.decompress((SAMPLES / "regression" / f"{page_id}.html.gz").read_bytes()), spec


def normalise(text: str) -> str:
    """Case, whitespace and curly quotes folded, for substring checks."""
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return " ".join(text.translate(table).split()).lower()


@pytest.fixture(scope="session")
def seed_article() -> str:
    return SEED_ARTICLE.read_text("utf-8")


@pytest.fixture(scope="session")
def seed_republished() -> str:
    return SEED_REPUBLISHED.read_text("utf-8")
