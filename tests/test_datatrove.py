"""The datatrove step: a real datatrove pipeline reads a WARC built from the samples, cleans it, writes JSONL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove", reason="needs the cleaner[datatrove] extra")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner.integrations.datatrove import CleanerExtractor

from .test_cli import expected, flat, write_warc


def test_a_datatrove_pipeline_cleans_every_page_of_a_warc(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    pages = write_warc(crawl / "crawl.warc.gz")  # two HTML pages, a PNG and a 404 page among other records
    out = tmp_path / "out"
    steps = [WarcReader(str(crawl)), CleanerExtractor(), JsonlWriter(str(out), compression=None)]
    LocalPipelineExecutor(pipeline=steps, tasks=1, workers=1, logging_dir=str(tmp_path / "logs")).run()

    rows = {row["metadata"]["url"]: row for f in out.glob("*.jsonl") for row in map(json.loads, f.open())}
    assert set(rows) == {uri for _, uri in pages}  # the PNG and the 404 page have no article: dropped
    for page in ("0221", "0279"):
        record, row = expected(page), rows[expected(page)["url"]]
        assert all(flat(phrase) in flat(row["text"]) for phrase in record["must_keep"]), page
        assert not any(flat(phrase) in flat(row["text"]) for phrase in record["must_drop"]), page
        assert row["metadata"]["title"] and row["metadata"]["language"] == "en"
        assert record["author"] in row["metadata"]["authors"] and row["metadata"]["date"][:4] == "2025", page
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    counters = next(step["stats"] for step in stats if step["name"].endswith(CleanerExtractor.name))
    assert (counters["total"], counters["extracted"], counters["empty"], counters["dropped"]) == (3, 2, 1, 1)
