"""The line classifier of text mode: its features, the shipped model, and the boilerplate filter using it."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner import clean_article
from cleaner.blocks import Block, Kind
from cleaner.filters import boilerplate
from cleaner.filters.boilerplate import BoilerplateFilter, line_model
from cleaner.line_features import _run_lengths, _window_mean, feature_names

from .conftest import SAMPLES

MENU = ("Budget & Finance", "Every Student Succeeds Act", "Search for Jobs")
ARTICLE = "The prescription was everywhere as the full extent of academic damage"


def _dump() -> str:
    return (SAMPLES / "text" / "0279.txt").read_text("utf-8")


def test_the_shipped_model_loads_and_matches_the_features() -> None:
    assert line_model() is not None  # None also when the file was built for other features
    assert boilerplate.MODEL_PATH.stat().st_size < 2_000_000


def test_feature_rows_are_finite_one_per_block() -> None:
    blocks = [Block("Home"), Block("News", Kind.LIST_ITEM, 1), Block("A long sentence of the article. " * 8),
              Block("© 2025 Example")]
    rows = BoilerplateFilter().line_rows(blocks, "en")
    assert rows.shape == (4, len(feature_names())) and np.isfinite(rows).all()
    assert BoilerplateFilter().line_rows([], None).shape == (0, len(feature_names()))


def test_window_means_and_short_runs_are_exact() -> None:
    values = np.array([[1.0], [2.0], [3.0], [4.0]])
    assert _window_mean(values, 2, before=True)[:, 0].tolist() == [0.0, 0.5, 1.5, 2.5]
    assert _window_mean(values, 2, before=False)[:, 0].tolist() == [2.5, 3.5, 2.0, 0.0]
    assert _run_lengths(np.array([1.0, 1.0, 0.0, 1.0])).tolist() == [2.0, 2.0, 0.0, 1.0]


def test_the_model_strips_menus_and_records_why() -> None:
    article = clean_article(_dump(), format="text")
    for menu in MENU:
        assert menu not in article.text
    assert ARTICLE in article.text
    assert any(r.filter == "boilerplate" and r.reason.endswith("(line classifier)") for r in article.removed)


def test_without_a_model_the_rules_still_strip_menus(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(boilerplate, "MODEL_PATH", tmp_path / "missing.json")
    line_model.cache_clear()
    try:
        article = clean_article(_dump(), format="text")
    finally:
        line_model.cache_clear()
    assert all(menu not in article.text for menu in MENU) and ARTICLE in article.text
    assert all("line classifier" not in r.reason for r in article.removed if r.filter == "boilerplate")
