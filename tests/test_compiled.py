"""The compiled loops (setup.py) give what the Python code they replace gives: the page walk of
`extract/_walk.pyx` the same candidate blocks as `segment.segment_python`, the marker scan of `shared/_marked.pyx`
the same records as `dom.scanned_elements`, the tree walk of `shared/_trees.pyx` the same probabilities as
numpy's. `make test`'s editable install builds them; a test here fails when it did not."""

from __future__ import annotations

import gzip
import importlib
from pathlib import Path

import lxml.html
import numpy as np
import pytest

from cleaner import Pipeline
from cleaner.extract.classify import block_model, candidates
from cleaner.load.parse import parse_html

from .conftest import SAMPLES

segment = importlib.import_module("cleaner.extract.segment")  # the module (`cleaner.extract` exports the function)
boosted = importlib.import_module("cleaner.shared.boosted")
dom = importlib.import_module("cleaner.shared.dom")
block_features = importlib.import_module("cleaner.extract.block_features")

PAGES = sorted((SAMPLES / "html").glob("*.html")) + sorted((SAMPLES / "regression").glob("*.html.gz"))
# markup the sample pages have little of: what lxml shows as elements but are not (comments, PIs, entities), text
# split over several nodes (CDATA), namespaced tags and attributes, hiding attributes, text after </html>
ODD_MARKUP = [
    "<!-- a --><html><body><div class='post'>One <!-- c --> two<?pi x?> three</div></body></html> after",
    "<html><body><p>Tom &amp; Jerry &copy; &#x263a; &unknown; <![CDATA[raw]]> text</p></body></html>",
    "<html><body><svg xmlns:xlink='http://www.w3.org/1999/xlink'><a xlink:href='#x'>icon</a></svg><p>Body"
    " text</p></body></html>",
    "<html><body><div hidden>a</div><div aria-hidden='true'>b</div><div aria-hidden='false'>c</div>"
    "<div style='display: none'>d</div><div style='color: red' class='Story-Body 12' id='x' role='main'>e</div>"
    "</body></html>",
    "<html><body><table><tr><td>1</td><td></td><th>h</th></tr></table><pre>a\n  b</pre><h2>T<hr>x</h2></body></html>",
    "<html><body>" + "<div><span>" * 120 + "deep" + "</span></div>" * 120 + "</body></html>",
    "<html><head><title>T</title><script>var a = '<p>no</p>';</script></head><body><noscript>n</noscript>"
    "<a href='/x'>link <b>bold</b></a> tail<br>after<ul><li>one<li>two</ul></body></html>",
]
# texts the sample pages have little of, for the per-block counts: "_" (a word character), CJK runs beside Latin,
# other scripts' digits and numerals, case beyond ASCII, combining marks, characters beyond the BMP, full-width marks
ODD_TEXTS = [
    "",
    " ",
    "snake_case __init__ a_b",
    "日本語のテキスト、です。漢字abc漢字・・・ ｱｲｳ",
    "٣٤٥ ١٢ x²³ ½ Ⅻ ⅻ 𝟙𝟚",
    "İstanbul ǅemal ΣΊΣΥΦΟΣ ß ẞ Kelvin \u212a",
    "e\u0301clair \u3000x\u3000 𝐀𝐁𝐂 tab\tnew\nline",
    "Hello, World! Who? This; that: end.",
]


def _read(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def test_the_compiled_loops_are_built() -> None:
    assert segment._COMPILED is not None, "extract/_walk.pyx is not built: `pip install -e .` builds it"
    assert dom._COMPILED is not None, "shared/_marked.pyx is not built: `pip install -e .` builds it"
    assert boosted._trees is not None, "shared/_trees.pyx is not built: `pip install -e .` builds it"
    assert block_features._COMPILED is not None, "extract/_counts.pyx is not built: `pip install -e .` builds it"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_compiled_walk_finds_the_python_walks_blocks_on_sample_pages(path: Path) -> None:
    doc = Pipeline().prepare(_read(path))
    assert doc is not None and doc.tree is not None
    python = segment.segment_python(doc.tree)
    assert python and segment.segment(doc.tree) == python


@pytest.mark.parametrize("markup", ODD_MARKUP, ids=range(len(ODD_MARKUP)))
def test_the_compiled_walk_finds_the_python_walks_blocks_on_odd_markup(markup: str) -> None:
    tree = lxml.html.document_fromstring(markup)
    python = segment.segment_python(tree)
    assert python and segment.segment(tree) == python


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_compiled_marker_scan_finds_the_python_scans_elements_on_sample_pages(path: Path) -> None:
    tree = parse_html(_read(path).decode("utf-8", "replace"))  # the pipeline's parser (it drops comments)
    python = dom.scanned_elements(tree)
    assert python and dom._COMPILED.scanned_elements(tree) == python


@pytest.mark.parametrize("markup", ODD_MARKUP, ids=range(len(ODD_MARKUP)))
def test_the_compiled_marker_scan_finds_the_python_scans_elements_on_odd_markup(markup: str) -> None:
    tree = parse_html(markup + "<div class='Late'>after the page</div><p role=''>x</p>")
    python = dom.scanned_elements(tree)
    assert python and dom._COMPILED.scanned_elements(tree) == python


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_the_compiled_counts_count_the_python_counts_on_sample_pages(path: Path) -> None:
    doc = Pipeline().prepare(_read(path))
    assert doc is not None and doc.tree is not None
    texts = [c.text for c in segment.segment(doc.tree)]
    title = {"the", "and", "of"}
    assert texts and _compiled_counts(texts, title) == block_features._word_counts(texts, title)


def test_the_compiled_counts_count_the_python_counts_on_odd_texts() -> None:
    title = {"hello", "日本", "istanbul", "x"}
    assert _compiled_counts(ODD_TEXTS, title) == block_features._word_counts(ODD_TEXTS, title)


def _compiled_counts(texts: list[str], title: set[str]) -> list:
    stops = block_features._stopwords()
    spaced = (block_features._PUNCTUATION, block_features.UNSPACED_RANGES)
    return block_features._COMPILED.block_counts(texts, stops, title, *spaced)  # type: ignore[no-any-return]


def test_the_compiled_tree_walk_gives_numpys_probabilities(monkeypatch: pytest.MonkeyPatch) -> None:
    model = block_model()
    assert model is not None
    rows = [candidates(doc)[1] for doc in (Pipeline().prepare(_read(p)) for p in PAGES[:12]) if doc is not None]
    rng = np.random.default_rng(7)  # and rows the pages do not have: page rows scaled, so splits fall either way
    pooled = np.concatenate(rows)
    rows.append(pooled[rng.integers(0, len(pooled), 500)] * rng.choice([0.5, 1.0, 2.0], size=(500, pooled.shape[1])))
    compiled = [model.blocks.probabilities(r) for r in rows]
    monkeypatch.setattr(boosted, "_trees", None)
    assert all(np.array_equal(c, model.blocks.probabilities(r)) for c, r in zip(compiled, rows, strict=True))
