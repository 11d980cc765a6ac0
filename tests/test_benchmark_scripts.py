"""Every script in benchmarks/ starts: its imports of the package resolve and its command line parses (`--help`);
compare.py reports what moved between two runs.

The scripts are not imported by the library, so a renamed or removed function they use would otherwise only show
when someone next runs a benchmark.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.metrics import shingle_prf, word_prf

from .conftest import ROOT

SCRIPTS = sorted((ROOT / "benchmarks").glob("*.py"))
OPTIONAL = {"fuzz.py": "atheris"}  # scripts that need a tool the test install does not have


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_benchmark_script_answers_help(script: Path) -> None:
    needed = OPTIONAL.get(script.name)
    if needed and importlib.util.find_spec(needed) is None:
        pytest.skip(f"{script.name} needs {needed}")
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage:" in done.stdout


def _run(docs: list[dict]) -> dict:
    """A bench.py --json file's contents with one mode and system."""
    return {"modes": {"wcxb-dev html": {"cleaner": {"docs": docs}}}}


def _doc(sample: str, output: str, gold: str) -> dict:
    """A page's scores as bench.py writes them."""
    return {"id": sample, "page_type": "article", "word": word_prf(output, gold), "shingle": shingle_prf(output, gold)}


def test_compare_reports_the_pages_a_change_moved(tmp_path: Path) -> None:
    """Two runs on two sample pages: the junk of one goes (better), half the text of the other goes (worse)."""
    runs: dict[str, list[dict]] = {"before": [], "after": []}
    for sample, after in (("0119", "keep"), ("0174", "half")):
        expected = json.loads((ROOT / "samples" / "expected" / f"{sample}.json").read_text(encoding="utf-8"))
        gold = "\n".join(expected["must_keep"])
        runs["before"].append(_doc(sample, gold + "\n" + "\n".join(expected["must_drop"]), gold))
        runs["after"].append(_doc(sample, gold if after == "keep" else expected["must_keep"][0], gold))
    paths = []
    for name, docs in runs.items():
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps(_run(docs)), encoding="utf-8")
    # the second run over that one corpus alone, whose modes bench.py names without the corpus: "html"
    one_corpus = {
        "corpus": ["../shared/datasets/wcxb-dev"],
        "modes": {"html": _run(runs["after"])["modes"]["wcxb-dev html"]},
    }
    paths[-1].write_text(json.dumps(one_corpus), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "compare.py"), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0] == "wcxb-dev html, cleaner"
    assert lines[1].startswith("  2 pages:") and "better on 1 (+" in lines[1] and "worse on 1 (-" in lines[1]
    assert lines[2].startswith("  worse: 0174 (article) -")
    assert lines[3].startswith("  better: 0119 (article) +")


def _bench_module():
    """benchmarks/bench.py, imported from its file (the benchmarks are no package)."""
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module
    spec.loader.exec_module(module)
    return module


def test_an_articlebody_corpus_reads_the_article_alone(tmp_path: Path) -> None:
    """Dragnet's gold as published: one record a UTF-16 file read as Latin-1, one with the reader comments after the
    corpus's marker line; both read as the article (its first and last kept lines) with nothing of the comments."""
    expected = json.loads((ROOT / "samples" / "expected" / "0119.json").read_text(encoding="utf-8"))
    article = "\r\n\r\n".join(expected["must_keep"])
    comments = "\r\n\r\n!@#$%^&*()  COMMENTS\r\n\r\n" + "\r\n".join(expected["must_drop"])
    records = {
        "a": {"articleBody": (article + comments).encode("utf-16").decode("latin-1")},
        "b": {"articleBody": article + comments},
    }
    (tmp_path / "html").mkdir()
    for key in records:
        (tmp_path / "html" / f"{key}.html.gz").write_bytes(b"")
    (tmp_path / "ground-truth.json").write_text(json.dumps(records), encoding="utf-8")
    docs = _bench_module().load_corpus(tmp_path)
    assert [d.id for d in docs] == ["a", "b"]
    for doc in docs:
        assert doc.text.strip() == article.strip()
        assert not any(line in doc.text for line in expected["must_drop"])


def test_repeated_runs_time_each_page_by_its_median(tmp_path: Path) -> None:
    """`--repeat 3` over two sample pages: three runs in fresh workers, the scores of one run (the must-keep lines
    found), and each page's CPU seconds the median of its three timings (`median_timings`, checked on given ones)."""
    records = {}
    (tmp_path / "html").mkdir()
    for sample in ("0119", "0174"):
        expected = json.loads((ROOT / "samples" / "expected" / f"{sample}.json").read_text(encoding="utf-8"))
        page = (ROOT / "samples" / "html" / f"{sample}.html").read_bytes()
        (tmp_path / "html" / f"{sample}.html.gz").write_bytes(gzip.compress(page))
        records[sample] = {"url": expected["url"], "articleBody": "\n".join(expected["must_keep"])}
    (tmp_path / "ground-truth.json").write_text(json.dumps(records), encoding="utf-8")
    out = tmp_path / "run.json"
    args = ["--corpus", str(tmp_path), "--systems", "cleaner", "--repeat", "3", "--json", str(out)]
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), *args], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    runs = [line for line in done.stderr.splitlines() if line.startswith("run ")]
    assert runs == ["run 1 of 3", "run 2 of 3", "run 3 of 3"]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["runs"].startswith("3 ")
    docs = report["modes"]["html"]["cleaner"]["docs"]
    assert [d["id"] for d in docs] == ["0119", "0174"] and all(d["word"][1] > 0.9 for d in docs)

    bench = _bench_module()
    scores = [bench.DocScore(**{**d, "word": tuple(d["word"]), "shingle": tuple(d["shingle"])}) for d in docs]
    rounds = [{"html": {"cleaner": [bench.replace(s, cpu_s=t) for s, t in zip(scores, times, strict=True)]}} for times
              in ((0.3, 2.0), (0.1, 0.5), (0.2, 0.4))]  # fmt: skip
    merged = bench.median_timings(rounds)["html"]["cleaner"]
    assert [s.cpu_s for s in merged] == [0.2, 0.5]
    assert [s.word for s in merged] == [s.word for s in scores]
