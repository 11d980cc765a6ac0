"""Cleaning pauses Python's cyclic collector (`shared.collector`), which is only sound while a page makes no
reference cycles: a collection after cleaning each sample finds nothing, and the collector is left as it was."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from cleaner import Pipeline, clean_article

from .conftest import SAMPLES

SOURCES = sorted((SAMPLES / "html").glob("*.html")) + sorted((SAMPLES / "text").glob("*.txt"))[:8]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_cleaning_a_sample_leaves_no_cyclic_garbage(path: Path) -> None:
    pipeline = Pipeline()
    pipeline.clean(path.read_bytes()).to_dict()  # a first run loads the models and compiles the phrase regexes
    gc.collect()
    gc.disable()  # no automatic collection may free a cycle before the check
    try:
        article = pipeline.clean(path.read_bytes())
        assert article.text and article.to_dict() and article.to_markdown()
        del article
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_the_collector_is_left_as_it_was() -> None:
    page = (SAMPLES / "html" / "0221.html").read_bytes()
    assert gc.isenabled()
    clean_article(page)
    assert gc.isenabled()
    assert clean_article(b"\x00\x01\x02 binary \xff\xfe" * 50).warnings  # an input the pipeline refuses
    assert gc.isenabled()
    gc.disable()
    try:
        clean_article(page)
        assert not gc.isenabled()
    finally:
        gc.enable()
