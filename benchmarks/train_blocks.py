"""Train the block classifier on the dev corpus (never its held-out slice) and write src/cleaner/extract/models/blocks.json.

    python benchmarks/train_blocks.py                 # 5-fold check by site, then the shipped model on all of it
    python benchmarks/train_blocks.py --cv-only       # only the cross-validated numbers
    python benchmarks/train_blocks.py --cv-only --end-to-end   # and the whole pipeline on fold models

Each page runs through the pipeline's loading and DOM filters (`Pipeline.prepare`), is cut into candidate blocks
(`cleaner.extract.segment`), and each block is labelled content when its text is part of the page's ground-truth main
content. A gradient-boosted tree ensemble (scikit-learn's HistGradientBoostingClassifier) learns the labels from
`cleaner.extract.block_features`; a second, small one learns them again from `cleaner.extract.context_features`, the first one's
out-of-fold scores of each block and of the blocks around it (so that it learns how far to trust scores on pages
the first never saw). Cleaning keeps, per page, the expected-F1 cut of the blocks scored at least
`classify.KEEP_FLOOR` (`classify.keep_blocks`); the script reports its mean word F1 in 5-fold cross-validation by
site (all pages of a host in one fold, so that no fold learns a site's template from its sibling pages) beside that
of the best single threshold, which is written to the model file for reference. `--end-to-end` then cleans every
tune page with the whole pipeline (block filters included), its blocks scored by the fold model that never saw its
site, and prints the benchmark's numbers for it: what the tune bench would show on unseen sites, where the shipped
model, trained on these very pages, shows its in-sample fit. Judge a model-side change by these. Needs the `train`
extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench import _cleaner_system, load_corpus, read_page, run_system, score, select, summarise
from cleaner.extract import context_features
from cleaner.extract.block_features import feature_names
from cleaner.extract.classify import candidates, keep_blocks, load_block_model
from cleaner.metrics import word_prf
from cleaner.pipeline import Pipeline
from cleaner.shared.boosted import read_spec

MODEL = REPO / "src" / "cleaner" / "extract" / "models" / "blocks.json"
_WORD = re.compile(r"\w+")
_SHINGLE = 3
_MIN_COVERAGE = 0.5  # a long block is content when this share of its 3-word shingles is in the ground truth
_SHORT = 5  # blocks this short must match a ground-truth line (start, end or whole) to count as content
PARAMS = {
    "max_iter": 200,
    "learning_rate": 0.08,
    "max_depth": 6,
    "max_leaf_nodes": 31,
    "min_samples_leaf": 100,
    "l2_regularization": 1.0,
    "random_state": 0,
}
# the context pass: shallow trees (out of fold, depth 3 gains +0.0058 block-level word F1 over the first pass alone,
# depth 4 +0.0047, depth 6 on every block feature besides the context loses 0.0008)
CONTEXT_PARAMS = dict(PARAMS, max_iter=100, max_depth=3, max_leaf_nodes=8)


def label(text: str, gold_lines: list[str], gold: str, gold_shingles: set[tuple[str, ...]]) -> int:
    """1 when the block's text belongs to the ground truth's main content."""
    toks = [t.lower() for t in _WORD.findall(text)]
    if not toks:
        return 0
    if len(toks) <= _SHORT:
        key = " ".join(toks)
        if len(toks) <= 2:
            return int(
                any(line == key or line.startswith(key + " ") or line.endswith(" " + key) for line in gold_lines)
            )
        return int(f" {key} " in gold)
    grams = [tuple(toks[i : i + _SHINGLE]) for i in range(len(toks) - _SHINGLE + 1)]
    return int(sum(g in gold_shingles for g in grams) / len(grams) >= _MIN_COVERAGE)


def page_rows(pipeline: Pipeline, doc) -> dict | None:
    """Candidate blocks, their features, labels and texts, of one page."""
    prepared = pipeline.prepare(read_page(doc).raw, doc.url, "html")
    if prepared is None or prepared.tree is None:
        return None
    cands, rows = candidates(prepared)
    for c in cands:
        c.element = None  # the parsed page stays behind: the rows are pickled into the cache without it
    texts = [c.text for c in cands]
    return {
        "id": doc.id,
        "type": doc.page_type,
        "gold": doc.text,
        "texts": texts,
        "X": rows,
        "cands": cands,
        "y": labels(texts, doc.text),
    }


def labels(texts: list[str], gold_text: str) -> np.ndarray:
    """`label` of every text against one page's ground truth."""
    gold_toks = [t.lower() for t in _WORD.findall(gold_text)]
    gold = " " + " ".join(gold_toks) + " "
    gold_lines = [" ".join(t.lower() for t in _WORD.findall(line)) for line in gold_text.splitlines() if line.strip()]
    shingles = {tuple(gold_toks[i : i + _SHINGLE]) for i in range(len(gold_toks) - _SHINGLE + 1)}
    return np.array([label(t, gold_lines, gold, shingles) for t in texts])


def load_pages(corpus: Path, cache: Path | None, limit: int | None) -> list[dict]:
    """Every tune-slice page's rows (from the cache file when it is there)."""
    if cache and cache.is_file():
        return pickle.loads(cache.read_bytes())
    pipeline = Pipeline()
    pages = []
    for doc in select(load_corpus(corpus), "tune", limit):
        try:
            rows = page_rows(pipeline, doc)
        except Exception as exc:  # a page the pipeline cannot load teaches nothing
            print(f"skip {doc.id}: {exc!r}", file=sys.stderr)
            continue
        if rows is not None and len(rows["y"]):
            pages.append(rows)
    if cache:
        cache.write_bytes(pickle.dumps(pages))
    return pages


def page_f1(page: dict, keep: np.ndarray) -> float:
    """Word F1 of the kept blocks against the page's ground truth."""
    return word_prf("\n".join(t for t, k in zip(page["texts"], keep, strict=False) if k), page["gold"])[2]


def fit(pages: list[dict], rows: list[np.ndarray] | None = None, params: dict = PARAMS):
    """A HistGradientBoostingClassifier on the feature rows of all `pages` (`rows`, one matrix per page, by
    default page["X"]), each row weighted by its share of its page's words, so that every page counts alike, as in
    the metric (mean word F1 over pages)."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    X = np.vstack(rows if rows is not None else [p["X"] for p in pages])
    y = np.concatenate([p["y"] for p in pages])
    weights = np.concatenate([word_shares(p["texts"]) for p in pages])
    return HistGradientBoostingClassifier(**params).fit(X, y, sample_weight=weights)


def word_shares(texts: list[str]) -> np.ndarray:
    """Each text's share of the words of all `texts` (plus one, so that empty texts weigh something), times their
    number: the weights average 1 over a page."""
    words = np.array([len(_WORD.findall(t)) + 1 for t in texts], dtype=np.float64)
    return words / words.sum() * len(words)


def site_folds(corpus: Path, folds: int = 5) -> dict[str, int]:
    """Page id -> fold, by the CRC32 of its URL's host (without 'www.'; the id when there is no URL)."""
    return {
        doc.id: zlib.crc32((urlsplit(doc.url or "").hostname or doc.id).removeprefix("www.").encode()) % folds
        for doc in load_corpus(corpus)
    }


def out_of_fold(pages: list[dict], fold_of: dict[str, int], folds: int = 5) -> list:
    """Set page["p"] to the first pass's out-of-fold probabilities (`fold_of`: page id -> fold); return the fold
    models."""
    models = []
    for k in range(folds):
        models.append(fit([p for p in pages if fold_of[p["id"]] != k]))
        for page in pages:
            if fold_of[page["id"]] == k:
                page["p"] = models[k].predict_proba(page["X"])[:, 1]
    return models


def context_rows(page: dict, scores: np.ndarray) -> np.ndarray:
    """The context pass's feature rows of `page` when its first-pass scores are `scores`."""
    return context_features.features(page["cands"], page["X"], scores)


def fit_context(pages: list[dict], unseen: dict[str, np.ndarray], first: Callable[[np.ndarray], np.ndarray]):
    """The context pass, fitted on the rows of `pages` twice over: from their out-of-fold first scores (`unseen`:
    page id -> context rows; what pages the first model never saw look like) and from the scores `first` gives
    them, the first model trained on them (so that the shipped model keeps its fit on its own training pages:
    trained on the out-of-fold rows alone it read 0.910 in sample where its first pass reads 0.914, with the same
    0.869 out of fold)."""
    own = [context_rows(p, first(p["X"])) for p in pages]
    return fit(pages + pages, [unseen[p["id"]] for p in pages] + own, CONTEXT_PARAMS)


def _scorer(model) -> Callable[[np.ndarray], np.ndarray]:
    """A fitted classifier's P(content) of each row."""
    return lambda rows: model.predict_proba(rows)[:, 1]


def context_out_of_fold(pages: list[dict], fold_of: dict[str, int], first: list) -> tuple[list, dict]:
    """Set page["p"] to the out-of-fold probabilities of the two passes, from page["p"] the first pass's (`first`:
    its fold models); return the context pass's fold models and the context rows of the first pass's out-of-fold
    scores, by page id."""
    unseen = {p["id"]: context_rows(p, p["p"]) for p in pages}
    models = []
    for k, model in enumerate(first):
        models.append(fit_context([p for p in pages if fold_of[p["id"]] != k], unseen, _scorer(model)))
        for page in pages:
            if fold_of[page["id"]] == k:
                page["p"] = models[k].predict_proba(unseen[page["id"]])[:, 1]
    return models, unseen


def write_folds(models: list[tuple], folds_dir: Path) -> list[Path]:
    """Write the fold models (`models`: per fold, the first and the context pass) to `folds_dir` as fold0.json ...;
    return their paths."""
    paths = []
    for k, (first, context) in enumerate(models):
        paths.append(folds_dir / f"fold{k}.json")
        write_model(paths[-1], feature_names(), 0.5, first, context, quiet=True)
    return paths


def end_to_end(corpus: Path, paths: list[Path], fold_of: dict[str, int], limit: int | None, out: Path | None) -> None:
    """Clean each tune page with the pipeline whose block model is the fold model that never saw its site (`paths`:
    the model file of each fold); print the benchmark's word F1 (overall and per page type) and `without` rate;
    write the per-page scores to `out` in bench.py's JSON layout, to compare runs page by page."""
    systems = [_cleaner_system(False, model=path) for path in paths]
    scores = []
    for doc in select(load_corpus(corpus), "tune", limit):
        system = systems[fold_of[doc.id]]
        scores.append(score(doc, system, *run_system(system, read_page(doc))))
    summary = summarise(scores)
    print(
        f"end to end, fold models: word F1 {summary.word[2]:.4f}, without {summary.without_rate:.4f} "
        f"({summary.docs} pages)"
    )
    print("  " + ", ".join(f"{kind} {f1:.3f}" for kind, f1 in summary.word_f1_by_type.items()))
    if out:
        cleaner = {"all": asdict(summary), "docs": [asdict(s) for s in scores]}
        out.write_text(json.dumps({"split": "tune, fold models", "modes": {"html": {"cleaner": cleaner}}}, indent=1))


def best_threshold(pages: list[dict]) -> tuple[float, float]:
    """(mean word F1, threshold) of the threshold that maximises mean word F1 over pages."""
    best = (0.0, 0.5)
    for threshold in np.arange(0.2, 0.75, 0.05):
        mean = float(np.mean([page_f1(p, p["p"] >= threshold) for p in pages]))
        best = max(best, (mean, round(float(threshold), 2)))
    return best


def report(pages: list[dict], stage: str) -> float:
    """Print mean word F1 at the best threshold, overall and per page type; return the threshold."""
    f1, threshold = best_threshold(pages)
    print(f"{stage}: best threshold {threshold:.2f}, word F1 {f1:.4f} (blocks only, before block filters)")
    by_type: dict[str, list[float]] = {}
    for p in pages:
        by_type.setdefault(p["type"], []).append(page_f1(p, p["p"] >= threshold))
    print("  " + ", ".join(f"{kind} {np.mean(scores):.3f} ({len(scores)})" for kind, scores in sorted(by_type.items())))
    return threshold


def write_model(path: Path, names: list[str], threshold: float, model, context=None, quiet: bool = False) -> None:
    """Write the fitted ensemble (on the feature columns `names`) and, for the block model, its context pass, as
    the JSON that `cleaner.shared.boosted.load_model` and `cleaner.extract.classify.load_block_model` read."""
    spec = {**ensemble_spec(model, names), "threshold": threshold}
    if context is not None:
        spec["context"] = ensemble_spec(context, context_features.feature_names())
    write_spec(path, spec, quiet)


def write_spec(path: Path, spec: dict, quiet: bool = False) -> None:
    """Write a model file's JSON object to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(spec, separators=(",", ":")))
    if not quiet:
        print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")


def ensemble_spec(model, names: list[str]) -> dict:
    """A fitted HistGradientBoostingClassifier as the JSON object that `cleaner.shared.boosted.BoostedTrees` reads."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        index = np.arange(len(nodes))
        trees.append(
            {
                "feature": np.where(leaf, 0, nodes["feature_idx"]).astype(int).tolist(),
                "split": [
                    float(x) if not is_leaf else 1e30 for x, is_leaf in zip(nodes["num_threshold"], leaf, strict=False)
                ],
                "left": np.where(leaf, index, nodes["left"]).astype(int).tolist(),
                "right": np.where(leaf, index, nodes["right"]).astype(int).tolist(),
                "value": [
                    round(float(v), 6) if is_leaf else 0.0 for v, is_leaf in zip(nodes["value"], leaf, strict=False)
                ],
                "depth": int(nodes["depth"].max()),
            }
        )
    return {"features": names, "baseline": float(np.ravel(model._baseline_prediction)[0]), "trees": trees}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "datasets" / "wcxb-dev")
    ap.add_argument("--cache", type=Path, help="pickle of the page rows: read if present, else written")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--end-to-end", action="store_true", help="also clean the tune pages with the fold models")
    ap.add_argument("--json", type=Path, help="with --end-to-end: write the per-page scores there")
    ap.add_argument(
        "--folds-dir",
        type=Path,
        help="with --end-to-end: write the fold models there (fold0.json ...), or with --reuse-folds read them",
    )
    ap.add_argument(
        "--reuse-folds",
        action="store_true",
        help="clean the tune pages end to end with the fold models in --folds-dir, training nothing: a change to "
        "the rules after the block model, judged out of fold",
    )
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument(
        "--keep-first",
        action="store_true",
        help="keep the first pass of the model file at --out and train only its context pass",
    )
    args = ap.parse_args()
    if args.reuse_folds:
        if args.folds_dir is None:
            sys.exit("--reuse-folds needs --folds-dir")
        fold_of = site_folds(args.corpus)
        paths = [args.folds_dir / f"fold{k}.json" for k in range(max(fold_of.values()) + 1)]
        end_to_end(args.corpus, paths, fold_of, args.limit, args.json)
        return
    start = time.time()
    pages = load_pages(args.corpus, args.cache, args.limit)
    print(
        f"{len(pages)} pages, {sum(len(p['y']) for p in pages)} blocks, "
        f"{np.mean(np.concatenate([p['y'] for p in pages])):.3f} content ({time.time() - start:.0f}s)"
    )
    print(f"oracle (the labels as answers): word F1 {np.mean([page_f1(p, p['y'] > 0) for p in pages]):.4f}")
    fold_of = site_folds(args.corpus)
    first = out_of_fold(pages, fold_of)
    report(pages, "5-fold by site, first pass")
    context, unseen = context_out_of_fold(pages, fold_of, first)
    threshold = report(pages, "5-fold by site, with the context pass")
    shipped = np.mean([page_f1(p, keep_blocks(p["p"], p["X"])) for p in pages])
    print(f"5-fold by site, the shipped rule (expected-F1 cut above the floor): word F1 {shipped:.4f}")
    if args.end_to_end:
        models = list(zip(first, context, strict=False))
        with tempfile.TemporaryDirectory() as tmp:
            paths = write_folds(models, args.folds_dir or Path(tmp))
            end_to_end(args.corpus, paths, fold_of, args.limit, args.json)
    if args.cv_only:
        return
    if args.keep_first:
        kept = load_block_model(args.out)
        if kept is None:
            sys.exit(f"{args.out}: no block model for these features to keep the first pass of")
        context = fit_context(pages, unseen, kept.blocks.probabilities)
        spec = {**(read_spec(args.out) or {}), "context": ensemble_spec(context, context_features.feature_names())}
        write_spec(args.out, spec)
        return
    shipped_first = fit(pages)
    write_model(args.out, feature_names(), threshold, shipped_first, fit_context(pages, unseen, _scorer(shipped_first)))


if __name__ == "__main__":
    main()
