"""The learned extractor: segmentation of real pages, the tree-ensemble runtime, the shipped model and the switch
back to rules."""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter

import lxml.html
import numpy as np
import pytest

from cleaner import Pipeline
from cleaner.extract import context_features
from cleaner.extract.block_features import _PHRASE_ORDER, feature_names, features
from cleaner.extract.classify import (
    KEEP_FLOOR,
    MODEL_PATH,
    SHARPEN_T,
    block_model,
    classify_blocks,
    keep_blocks,
    load_block_model,
    sharpened,
)
from cleaner.extract.segment import LANDMARKS, segment
from cleaner.load.parse import parse_html as _parse_html
from cleaner.shared.boosted import BoostedTrees
from cleaner.shared.keep import expected_f1_keep
from cleaner.shared.phrases import languages, phrases

from .conftest import SAMPLES


def _tree(page_id: str):
    return _parse_html((SAMPLES / "html" / f"{page_id}.html").read_text("utf-8"))


def test_segment_marks_navigation_and_keeps_prose_whole() -> None:
    cands = segment(_tree("2862"))
    first = cands[0]
    assert first.text == "Skip to Main Content" and first.link_density == 1.0
    assert first.inside[LANDMARKS.index("nav")] == 1 and first.inside[LANDMARKS.index("header")] == 1
    prose = next(c for c in cands if c.text.startswith("Go has the usual mechanisms for control flow"))
    assert prose.tag == "p" and prose.link_density == 0.0 and prose.inside[LANDMARKS.index("nav")] == 0
    assert prose.text.endswith(".") and all(c.text == " ".join(c.text.split()) for c in cands)


def test_features_have_one_row_per_block_and_the_named_columns() -> None:
    cands = segment(_tree("0174"))
    rows = features(cands, "Proof Points: tutoring", "article")
    assert rows.shape == (len(cands), len(feature_names()))
    assert np.isfinite(rows).all()
    col = feature_names().index("type_article")
    assert (rows[:, col] == 1.0).all()
    assert features([], "").shape == (0, len(feature_names()))


def test_phrase_features_mark_boilerplate_openings_and_what_a_related_heading_heads() -> None:
    cands = segment(_tree("0174"))
    rows = features(cands, "Proof Points", "article")
    names = feature_names()
    share = next(i for i, c in enumerate(cands) if c.text.startswith("Click to share on"))
    assert rows[share, names.index("phrase_share")] == 1.0
    prose = next(i for i, c in enumerate(cands) if c.text.startswith("Rigorous research rarely shows"))
    assert rows[prose, [names.index(n) for n in names if n.startswith("phrase_")]].sum() == 0.0
    assert rows[prose, names.index("under_related_heading")] == 0.0


def test_lowered_phrase_categories_have_no_capitals() -> None:
    # block features match these lists case-sensitively on lower-cased text: a capital would never match
    for language in languages():
        for category in _PHRASE_ORDER:
            for fragment in phrases(category, (language,)):
                assert not re.search(r"[A-Z]", re.sub(r"\\[A-Za-z]", "", fragment)), (language, category, fragment)


def test_boosted_trees_walk_each_row_to_its_leaf() -> None:
    # one stump on feature 0 (<= 0.5 left: -1, else +1) and one on feature 1 (<= 2 left: 0.5, else -0.5)
    spec = {
        "baseline": 0.0,
        "trees": [
            {
                "feature": [0, 0, 0],
                "split": [0.5, 1e30, 1e30],
                "left": [1, 1, 2],
                "right": [2, 1, 2],
                "value": [0.0, -1.0, 1.0],
                "depth": 1,
            },
            {
                "feature": [1, 0, 0],
                "split": [2.0, 1e30, 1e30],
                "left": [1, 1, 2],
                "right": [2, 1, 2],
                "value": [0.0, 0.5, -0.5],
                "depth": 1,
            },
        ],
    }
    model = BoostedTrees(spec)
    rows = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 3.0], [0.0, 3.0]], dtype=np.float32)
    expected = 1 / (1 + np.exp(-np.array([-0.5, 1.5, 0.5, -1.5])))
    assert np.allclose(model.probabilities(rows), expected)


def test_the_shipped_model_loads_for_these_features() -> None:
    model = block_model()
    assert model is not None, "models/blocks.json is missing or was trained on other features: retrain"
    assert model.context is not None, "models/blocks.json has no context pass: retrain"


def test_the_context_pass_sees_the_first_scores_of_a_blocks_neighbours_and_containers() -> None:
    cands = segment(_tree("0522"))
    rows = features(cands)
    parents = Counter(c.parents[-2] for c in cands if len(c.parents) > 1)
    post = max(parents, key=lambda key: (parents[key], key))  # the container holding the most blocks
    inside = np.array([len(c.parents) > 1 and c.parents[-2] == post for c in cands])
    scores = np.where(inside, 0.9, 0.1)
    names = context_features.feature_names()
    ctx = context_features.features(cands, rows, scores)
    assert ctx.shape == (len(cands), len(names))
    up1, logit, prev = (ctx[:, names.index(n)] for n in ("up1_p", "logit", "prev1_logit"))
    assert np.allclose(up1[inside], 0.9) and np.all(up1[~inside] < 0.5)
    assert np.allclose(prev[1:], logit[:-1]) and logit[inside].min() > logit[~inside].max()


def test_learned_extraction_keeps_the_forum_thread_and_drops_the_menus() -> None:
    doc = Pipeline().prepare((SAMPLES / "html" / "0522.html").read_bytes())
    assert doc is not None
    blocks = classify_blocks(doc)
    assert blocks is not None
    texts = [b.text for b in blocks]
    assert sum(b.word_count for b in blocks) > 500
    assert not {"Home", "Forums", "Log in Register", "Search titles only"} & set(texts)


_LATIN_WORD = re.compile(r"[A-Za-z]+")
_SPACE_BETWEEN_IDEOGRAPHS = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _unspaced(text: str | None) -> str | None:
    """`text` as if written in Chinese: each Latin word one or two ideographs picked from its letters, no spaces
    between them, and the full stop and comma of that script."""
    if not text:
        return text
    ideographs = _LATIN_WORD.sub(
        lambda m: "".join(
            chr(0x4E00 + zlib.crc32(m.group().lower().encode(), k) % 20000)
            for k in range(1 if len(m.group()) <= 3 else 2)
        ),
        text,
    )
    return _SPACE_BETWEEN_IDEOGRAPHS.sub("", ideographs).replace(". ", "。").replace(", ", "，")


def _character_f1(a: str, b: str) -> float:
    """F1 of the two texts' multisets of characters other than spaces."""
    ca, cb = Counter(a.replace(" ", "").replace("\n", "")), Counter(b.replace(" ", "").replace("\n", ""))
    return 2 * sum((ca & cb).values()) / max(1, sum(ca.values()) + sum(cb.values()))


@pytest.mark.parametrize("page_id", ["0573", "0608"])
def test_a_page_in_a_script_without_spaces_keeps_what_its_spaced_twin_keeps(page_id: str) -> None:
    """Counted as `\\w+` runs, a Chinese paragraph is a handful of 'words' (one per clause) and never ends a
    sentence: the model then scores the posts of a thread like menu labels."""
    html = (SAMPLES / "html" / f"{page_id}.html").read_bytes()
    tree = _parse_html(html.decode("utf-8"))
    for element in tree.iter():
        if isinstance(element.tag, str):
            if element.tag not in ("script", "style"):
                element.text = _unspaced(element.text)
            element.tail = _unspaced(element.tail)
    twin = lxml.html.tostring(tree, encoding="unicode")
    spaced, unspaced = Pipeline().clean(html), Pipeline().clean(twin)
    assert _character_f1(_unspaced(spaced.text) or "", unspaced.text) > 0.95
    longest = max(unspaced.blocks, key=lambda b: len(b.text))
    assert longest.word_count > len(longest.text) / 3


def _rows(words: list[int]) -> np.ndarray:
    """Feature rows holding only each block's word count, in the column `keep_blocks` reads it from."""
    rows = np.zeros((len(words), len(feature_names())))
    rows[:, feature_names().index("log_words")] = np.log1p(words)
    return rows


def test_keep_blocks_cuts_each_page_where_its_expected_f1_peaks() -> None:
    # three short likely blocks and a long unlikely one (a footer): the 0.4 block is worth its words, the footer not
    kept = keep_blocks(np.array([0.9, 0.6, 0.4, 0.15]), _rows([10, 10, 10, 100]))
    assert kept.tolist() == [True, True, True, False]
    # scores are sharpened first: a 0.3 block, which the raw scores' cut would take, costs more than it brings
    assert expected_f1_keep(np.array([0.9, 0.6, 0.3, 0.15]), np.array([10, 10, 10, 100])).tolist()[2]
    assert keep_blocks(np.array([0.9, 0.6, 0.3, 0.15]), _rows([10, 10, 10, 100])).tolist() == [True, True, False, False]
    # but not on a forum, where every post is content and short replies score low
    forum = _rows([10, 10, 10, 100])
    forum[:, feature_names().index("type_forum")] = 1.0
    assert keep_blocks(np.array([0.9, 0.6, 0.3, 0.15]), forum).tolist() == [True, True, True, False]
    # one long confident block: the short doubtful ones would cost more precision than they add recall
    assert keep_blocks(np.array([0.95, 0.45, 0.45]), _rows([300, 5, 5])).tolist() == [True, False, False]


def test_sharpened_scores_keep_their_order_and_move_away_from_one_half() -> None:
    p = np.array([0.05, 0.2, 0.5, 0.7, 0.99])
    sharp = sharpened(p)
    assert SHARPEN_T < 1 and np.all(np.diff(sharp) > 0) and sharp[2] == pytest.approx(0.5)
    assert np.all(np.abs(sharp - 0.5) >= np.abs(p - 0.5))
    assert sharpened(np.array([0.0, 1.0])).tolist() == pytest.approx([0.0, 1.0])


def test_keep_blocks_never_takes_a_block_below_the_floor() -> None:
    # look-alike blocks (a shop page): the cut alone would take them all, as their sum of expected words is high
    p = np.array([0.3] + [KEEP_FLOOR - 0.05] * 10)
    assert keep_blocks(p, _rows([10] * 11)).tolist() == [True] + [False] * 10
    assert not keep_blocks(np.full(3, KEEP_FLOOR / 2), _rows([50, 50, 50])).any()


def test_rules_extractor_stays_available() -> None:
    page = (SAMPLES / "html" / "2862.html").read_bytes()
    learned = Pipeline().clean(page)
    rules = Pipeline(extractor="trafilatura").clean(page)
    for art in (learned, rules):
        assert "Go has the usual mechanisms for control flow" in art.text
    with pytest.raises(ValueError, match="extractor"):
        Pipeline(extractor="magic")


def test_a_pipeline_can_swap_in_another_block_model(tmp_path) -> None:
    # a model that calls every block content (a huge baseline) keeps the menus the shipped one drops
    spec = json.loads(MODEL_PATH.read_text("utf-8"))
    spec["baseline"] = 50.0
    path = tmp_path / "everything.json"
    path.write_text(json.dumps(spec))
    page = (SAMPLES / "html" / "2862.html").read_bytes()
    shipped = Pipeline().clean(page).text
    everything = Pipeline(model=path).clean(page).text
    assert "Go has the usual mechanisms for control flow" in shipped
    assert len(everything) > len(shipped) + 500
    (tmp_path / "other.json").write_text(json.dumps({**spec, "features": ["log_words"]}))
    (tmp_path / "other_context.json").write_text(json.dumps({**spec, "context": {**spec["context"], "features": []}}))
    first_only = {k: v for k, v in spec.items() if k != "context"}  # a file written before the context pass
    (tmp_path / "first.json").write_text(json.dumps({**first_only, "baseline": 50.0}))
    first = load_block_model(tmp_path / "first.json")
    assert first is not None and first.context is None
    assert len(Pipeline(model=tmp_path / "first.json").clean(page).text) >= len(everything)
    for bad, reason in (
        (tmp_path / "other.json", "not a block model"),
        (tmp_path / "missing.json", "no such file"),
        (tmp_path / "other_context.json", "not a block model"),
    ):
        with pytest.raises(ValueError, match=reason):
            Pipeline(model=bad)
