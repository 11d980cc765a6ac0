#!/usr/bin/env python
"""Accuracy (title, author, date) and CPU ms/page of `page_metadata` on a WCXB-layout corpus.

Scores the tune slice (id % 5 != 0) by default; the held-out slice is scored once at the end, for the
record only (never tune on it). The HTML parse is done before timing, as the pipeline does it once.

    .venv/bin/python benchmarks/metadata_eval.py [--corpus DIR] [--limit N] [--trafilatura] [--misses FIELD]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))  # evaluate the working tree, installed or not

from lxml.html import HtmlElement

from cleaner.load.parse import parse_html as _parse_html
from cleaner.load.source import read_source
from cleaner.metadata.fields import page_metadata, split_authors
from cleaner.metrics import author_match, date_match, title_match

DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "datasets" / "wcxb-dev"
FIELDS = ("title", "author", "date")
HELDOUT_MODULUS = 5


@dataclass(frozen=True)
class Page:
    """One parsed page and its ground truth (None where the field is not scored)."""

    id: str
    url: str | None
    tree: HtmlElement
    gold: dict[str, str | None]


@dataclass(frozen=True)
class Found:
    """What an extractor reports for the scored fields."""

    title: str | None
    authors: list[str]
    date: str | None


@dataclass(frozen=True)
class Score:
    """Per-field accuracy (over pages whose ground truth has the field), scored counts and CPU ms/page."""

    accuracy: dict[str, float]
    counts: dict[str, int]
    ms_per_page: float
    pages: int


Extractor = Callable[[HtmlElement, str | None], Found]
MATCHERS = {"title": title_match, "author": author_match, "date": date_match}


def is_heldout(doc_id: str) -> bool:
    """The held-out slice: every fifth page by numeric id."""
    return doc_id.isdigit() and int(doc_id) % HELDOUT_MODULUS == 0


def _gold(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def load_pages(corpus: Path, heldout: bool, limit: int | None) -> list[Page]:
    """Parsed pages of one slice (the first `limit` by id), outside any timing."""
    paths = sorted((corpus / "ground-truth").glob("*.json"))
    paths = [p for p in paths if is_heldout(p.stem) == heldout][:limit]
    pages = []
    for path in paths:
        record = json.loads(path.read_text("utf-8"))
        gt = record.get("ground_truth", {})
        html = corpus / "html" / f"{path.stem}.html.gz"
        if not html.is_file():
            continue
        try:
            tree = _parse_html(read_source(gzip.decompress(html.read_bytes()))[0])
        except Exception as err:  # a page the pipeline would refuse is not scored
            print(f"{path.stem}: not parsed ({type(err).__name__})", file=sys.stderr)
            continue
        gold = {
            "title": _gold(gt.get("title")),
            "author": _gold(gt.get("author")),
            "date": _gold(gt.get("publish_date")),
        }
        pages.append(Page(path.stem, record.get("url") or gt.get("url"), tree, gold))
    return pages


def cleaner_extractor(tree: HtmlElement, url: str | None) -> Found:
    """cleaner's page_metadata."""
    meta = page_metadata(tree, url)
    return Found(meta.title, meta.authors, meta.date)


def trafilatura_extractor(tree: HtmlElement, url: str | None) -> Found:
    """trafilatura's extract_metadata (htmldate extensive search) as it reports them, authors split like cleaner's."""
    from trafilatura.metadata import extract_metadata

    meta = extract_metadata(tree, default_url=url, extensive=True)
    return Found(meta.title, split_authors(meta.author), meta.date)


def evaluate(pages: Sequence[Page], extract: Extractor, misses: str | None = None) -> Score:
    """Per-field accuracy over pages whose ground truth has the field, plus mean CPU ms/page."""
    hits = dict.fromkeys(FIELDS, 0)
    counts = dict.fromkeys(FIELDS, 0)
    cpu = 0.0
    for page in pages:
        start = time.process_time()
        try:
            found = extract(page.tree, page.url)
        except Exception as err:  # counted as a miss on every field, and shown
            print(f"{page.id}: {type(err).__name__}: {err}", file=sys.stderr)
            found = Found(None, [], None)
        cpu += time.process_time() - start
        predicted = {"title": found.title, "author": found.authors, "date": found.date}
        for name in FIELDS:
            gold = page.gold[name]
            if gold is None:
                continue
            counts[name] += 1
            ok = MATCHERS[name](predicted[name], gold)
            hits[name] += ok
            if misses == name and not ok:
                print(f"  miss {page.id} {page.url}\n    gold: {gold!r}\n    got:  {predicted[name]!r}")
    accuracy = {name: hits[name] / counts[name] if counts[name] else float("nan") for name in FIELDS}
    return Score(accuracy, counts, 1000 * cpu / max(len(pages), 1), len(pages))


def _row(label: str, score: Score) -> str:
    fields = "  ".join(f"{name} {score.accuracy[name]:.3f}" for name in FIELDS)
    counts = "/".join(str(score.counts[name]) for name in FIELDS)
    return f"{label:<24} {fields}  {score.ms_per_page:6.2f} ms/page  ({score.pages} pages, scored {counts})"


def main(argv: Sequence[str] | None = None) -> None:
    """Score cleaner (and optionally trafilatura) on the tune slice, then report the held-out slice."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="score only the first N pages of each slice")
    parser.add_argument("--trafilatura", action="store_true", help="also score trafilatura's extract_metadata")
    parser.add_argument("--misses", choices=FIELDS, help="print the tune-slice misses of this field")
    parser.add_argument("--no-heldout", action="store_true", help="skip the held-out report")
    args = parser.parse_args(argv)

    extractors: list[tuple[str, Extractor]] = [("cleaner", cleaner_extractor)]
    if args.trafilatura:
        extractors.append(("trafilatura", trafilatura_extractor))
    tune = load_pages(args.corpus, heldout=False, limit=args.limit)
    print("tune slice (id % 5 != 0)")
    for label, extract in extractors:
        print(_row(label, evaluate(tune, extract, args.misses if label == "cleaner" else None)))
    if not args.no_heldout:
        heldout = load_pages(args.corpus, heldout=True, limit=args.limit)
        print("held-out slice (id % 5 == 0), for the record only")
        for label, extract in extractors:
            print(_row(label, evaluate(heldout, extract)))


if __name__ == "__main__":
    main()
