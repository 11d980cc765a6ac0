"""Train the line classifier of text mode on the dev corpus (never its held-out slice) and write
src/cleaner/models/lines.json.

    python benchmarks/train_lines.py --cache /tmp/lines.pkl     # 5-fold check by page, then the shipped model
    python benchmarks/train_lines.py --cache /tmp/lines.pkl --cv-only

Each tune-slice page is dumped to text both ways bench.py does (BeautifulSoup's naive dump and html-text's layout
dump); each dump runs through the pipeline up to the boilerplate filter, and each remaining block is labelled
content when its text is part of the ground truth (train_blocks.label). The trees, the cross-validation and the
export are train_blocks'; the features are `cleaner.line_features`, computed by the filter itself.
(A second, stacked stage as for HTML blocks was tried: +0.001 out-of-fold word F1, not worth twice the scoring.)
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench import Doc, layout_dump, load_corpus, naive_dump, read_page, select  # noqa: E402
from train_blocks import best_threshold, fit, labels, out_of_fold, page_f1, write_model  # noqa: E402

from cleaner.filters.boilerplate import MODEL_PATH, BoilerplateFilter  # noqa: E402
from cleaner.line_features import feature_names  # noqa: E402
from cleaner.pipeline import Pipeline  # noqa: E402

DUMPS = {"text-naive": naive_dump, "text-layout": layout_dump}
FOLDS = 5


def dump_pages(doc: Doc) -> list[dict]:
    """Both dumps of one page as the boilerplate filter receives them: blocks, language, labels."""
    pipeline = Pipeline()
    pipeline.remove("boilerplate")
    page = read_page(doc)
    out = []
    for mode, make in DUMPS.items():
        article = pipeline.clean(make(page).text, url=doc.url, format="text")
        texts = [b.text for b in article.blocks]
        if texts:
            out.append({"id": doc.id, "type": doc.page_type, "mode": mode, "gold": doc.text, "texts": texts,
                        "blocks": article.blocks, "language": article.metadata.language,
                        "y": labels(texts, doc.text)})
    return out


def load_pages(corpus: Path, cache: Path | None, limit: int | None, workers: int) -> list[dict]:
    """Every tune-slice page's dumps (from the cache file when it is there), with feature rows added."""
    if cache and cache.is_file():
        pages = pickle.loads(cache.read_bytes())
    else:
        with Pool(workers) as pool:
            pages = [p for ps in pool.imap(dump_pages, select(load_corpus(corpus), "tune", limit), 8) for p in ps]
        if cache:
            cache.write_bytes(pickle.dumps(pages))
    flt = BoilerplateFilter()
    for page in pages:
        page["X"] = flt.line_rows(page["blocks"], page["language"])
    return fold_order(pages)


def fold_order(pages: list[dict]) -> list[dict]:
    """The pages of ids that have both dumps, ordered so that out_of_fold (which folds by position) puts both dumps
    of a page in one fold: five naive dumps, the same five pages' layout dumps, the next five, …"""
    by_id: dict[str, dict[str, dict]] = {}
    for page in pages:
        by_id.setdefault(page["id"], {})[page["mode"]] = page
    pairs = [(d["text-naive"], d["text-layout"]) for d in by_id.values() if len(d) == len(DUMPS)]
    pairs = pairs[:len(pairs) - len(pairs) % FOLDS]
    ordered = []
    for start in range(0, len(pairs), FOLDS):
        group = pairs[start:start + FOLDS]
        ordered += [naive for naive, _ in group] + [layout for _, layout in group]
    return ordered


def report(pages: list[dict], threshold: float) -> None:
    """Out-of-fold word F1 per dump kind: the rule filter's, the model's and the labels' (the ceiling)."""
    flt = BoilerplateFilter()
    for mode in DUMPS:
        chosen = [p for p in pages if p["mode"] == mode]
        rules = []
        for p in chosen:
            drop = flt.rule_drops(p["blocks"], p["language"])
            rules.append(page_f1(p, [i not in drop for i in range(len(p["texts"]))]))
        model = [page_f1(p, p["p"] >= threshold) for p in chosen]
        oracle = [page_f1(p, p["y"] > 0) for p in chosen]
        print(f"{mode}: {len(chosen)} pages, rules {np.mean(rules):.4f}, model {np.mean(model):.4f}, "
              f"labels {np.mean(oracle):.4f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "datasets" / "wcxb-dev")
    ap.add_argument("--cache", type=Path, help="pickle of the dumped pages: read if present, else written")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    start = time.time()
    pages = load_pages(args.corpus, args.cache, args.limit, args.workers)
    print(f"{len(pages)} dumps, {sum(len(p['y']) for p in pages)} blocks, "
          f"{np.mean(np.concatenate([p['y'] for p in pages])):.3f} content ({time.time() - start:.0f}s)")
    out_of_fold(pages, FOLDS)
    f1, threshold = best_threshold(pages)
    print(f"out of fold: threshold {threshold:.2f}, word F1 {f1:.4f}")
    report(pages, threshold)
    if args.cv_only:
        return
    write_model(args.out, feature_names(), threshold, fit(pages))


if __name__ == "__main__":
    main()
