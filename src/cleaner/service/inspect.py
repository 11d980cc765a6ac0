"""The inspector's view of a page: its blocks in document order, each kept or removed, by which filter and why.

The page is cut into blocks as extraction sees it before any filter ran (`segment` on the parsed page, or the text
stage's lines), and each block is matched by its words against the cleaned article: kept when the article block at
that point of the page holds it, removed by the filter whose removal record holds it, else left out by the extractor
as not main content. The match is by words, so a short block that a longer removal also holds may be put down to it.
"""

from __future__ import annotations

from typing import Any

from ..article import Article
from ..blocks import fingerprint
from ..extract.segment import as_blocks, segment
from ..load import Source, load_document
from ..pipeline import Pipeline
from ..text import text_to_blocks

EXTRACTOR = "extractor"
EXTRACTOR_REASON = "not main content (scored low by the block model)"
KEPT_WINDOW = 3  # a page block is matched against the article block after the last match and the next two
MIN_PART_WORDS = 3  # a page block of at most this many words is kept only when an article block is just that


def page_view(pipeline: Pipeline, source: Source, url: str | None, format: str | None, article: Article) -> dict:
    """`article` as a dict with its removals, plus `blocks`: every block of the page in order, with `status`
    ("kept" or "removed"), and for removed ones the `filter` and `reason`."""
    doc = load_document(source, url, format, pipeline.limits)
    if doc is None:
        blocks = []
    elif doc.tree is not None:
        blocks = as_blocks(segment(doc.tree))
    else:
        blocks = text_to_blocks(doc.text, markdown=doc.format == "markdown")
    kept = [f" {fingerprint(b.text)} " for b in article.blocks]  # spaced: a block matches whole words only
    removals = sorted(((f" {fingerprint(r.text)} ", r.filter, r.reason) for r in article.removed), key=_length)
    view, at = [], 0
    for block in blocks:
        key = f" {fingerprint(block.text)} "
        if not key.strip():
            continue
        entry: dict[str, Any] = {"text": block.text, "kind": block.kind.value}
        window = range(at, min(at + KEPT_WINDOW, len(kept)))
        short = len(key.split()) <= MIN_PART_WORDS  # a few words match a whole article block, not a part of one
        ahead = next((i for i in window if (key == kept[i] if short else key in kept[i])), None)
        if ahead is not None:  # the article's blocks come in page order: look for this one where the last one was
            at = ahead
            entry["status"] = "kept"
        else:  # the exact removal record, else the shortest that holds it (a dropped element holds many blocks)
            found = next((r for r in removals if r[0] == key), None) or next((r for r in removals if key in r[0]), None)
            name, reason = (found[1], found[2]) if found else (EXTRACTOR, EXTRACTOR_REASON)
            entry.update(status="removed", filter=name, reason=reason)
        view.append(entry)
    return {**article.to_dict(audit=True), "blocks": view}


def _length(removal: tuple[str, str, str]) -> int:
    return len(removal[0])
