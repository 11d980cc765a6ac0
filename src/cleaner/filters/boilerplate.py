"""Boilerplate lines of a text dump: menus, footers and teasers that a naive scraper kept around the article.

Only for text and Markdown input, and for pages where the main-content extractor gave up and the page was split
into blocks as a whole (otherwise the extractor has already found the main content). Text input is judged by the
shipped line classifier (text/models/lines.json, trained by benchmarks/train_lines.py on `cleaner.text.line_features`) when
it loads, keeping the most probable lines that maximise the page's expected word F1 (`keep_lines`), less those
outside the article's run of lines (`text.line_zone`); otherwise,
and for the HTML fallback split, by rules: a jusText-style classifier over blocks (long blocks dense in stop words
are good, link-dense or stop-word-poor ones bad, short ones take the class of their context, a heading right before
good text is good) finds the article's first and last good block; everything outside that
window goes, and so does everything from a closing section marker (phrase list `article_end`: "Related articles",
"Comments", …) on, once most of the good text lies above it. The rule classes are features of the model too. The
stop-word list is jusText's for the document's language (guessed from the text when unknown).
"""

from __future__ import annotations

import re

import numpy as np

from ..blocks import Block, Kind, sample
from ..document import Document
from ..filter import Filter
from ..metadata import url_page_type
from ..shared.keep import BETA
from ..shared.phrases import pattern
from ..shared.stoplists import stoplist as stoplist_of
from ..shared.units import judge_units
from ..text.line_features import features, keep_lines
from ..text.line_model import line_lexicon, line_model
from ..text.line_zone import outside_the_core

GOOD, BAD, NEARGOOD, SHORT = "good", "bad", "neargood", "short"
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
MAX_LINK_DENSITY = 0.2
MAX_HEADING_DISTANCE = 200
END_AFTER_SHARE = 0.5
MIN_WINDOW_SHARE = 0.2
END_MARKER_MAX_WORDS = 6
_WORD = re.compile(r"\w+")


class BoilerplateFilter(Filter):
    """Menu, footer and teaser lines of a text dump (jusText-style context classification)."""

    name = "boilerplate"
    defaults = {
        "length_low": LENGTH_LOW,
        "length_high": LENGTH_HIGH,
        "stopwords_low": STOPWORDS_LOW,
        "stopwords_high": STOPWORDS_HIGH,
        "end_after_share": END_AFTER_SHARE,
        "min_window_share": MIN_WINDOW_SHARE,
    }

    def apply(self, doc: Document) -> None:
        if doc.extractor not in ("", "dom") or not doc.blocks:  # an extractor already chose the content
            return
        language = doc.metadata.language
        model = line_model() if doc.extractor == "" else None  # trained on text dumps, not on HTML blocks
        outside: dict[int, str] = {}
        if model is not None:
            probabilities = model.probabilities(self.line_rows(doc.blocks, language))
            keep = keep_lines(probabilities, doc.blocks, BETA[doc.favor])
            page_type = url_page_type(doc.metadata.url) or ""
            zone = outside_the_core(doc.blocks, probabilities, keep, doc.favor, page_type, language)  # kept lines only
            outside = dict.fromkeys(np.flatnonzero(zone).tolist(), "outside the article's run of lines")
            drop, reason = set(np.flatnonzero(~keep | zone).tolist()), "boilerplate line (line classifier)"
        else:
            drop = self.rule_drops(doc.blocks, language)
            reason = "boilerplate line (short or stop-word-poor, among boilerplate)"
        drop = _whole_units(doc.blocks, drop)
        if drop and len(drop) < len(doc.blocks):  # never empty a document on this evidence alone
            doc.drop_blocks(drop, self.name, reason, outside)

    def line_rows(
        self, blocks: list[Block], language: str | None, lexicon: dict[str, float] | None = None
    ) -> np.ndarray:
        """The line classifier's feature rows for `blocks` (what training sees is what cleaning sees), with the
        shipped lexicon unless another is given."""
        return features(blocks, *self._rule_classes(blocks, language), line_lexicon() if lexicon is None else lexicon)

    def _rule_classes(self, blocks: list[Block], language: str | None) -> tuple[frozenset[str], list[str], list[str]]:
        """The stop words used, and the rule classifier's context-free and revised class of every block."""
        stoplist = stoplist_of(language, [b.text for b in blocks])
        first_pass = [self.classify(b, stoplist) for b in blocks]
        return stoplist, first_pass, revise(blocks, first_pass)

    def rule_drops(self, blocks: list[Block], language: str | None) -> set[int]:
        """The blocks the rules call boilerplate: outside the good window, and after a closing section marker."""
        _, first_pass, classes = self._rule_classes(blocks, language)
        if GOOD not in classes:
            # nothing stands out in context (a page of short lines): anchor the window on any fair block instead
            classes = [GOOD if c in (GOOD, NEARGOOD) else (BAD if c == BAD else c) for c in first_pass]
        drop = _outside_window(classes)
        words = [b.word_count for b in blocks]
        kept = sum(w for i, w in enumerate(words) if i not in drop)
        if kept < self.options["min_window_share"] * sum(words):
            # a window this small is a stray paragraph in a page of short lines (a listing, a job board):
            # the classifier has no article to find, so it removes nothing
            return set()
        return drop | _after_article_end(blocks, classes, self.options["end_after_share"])

    def classify(self, block: Block, stoplist: frozenset[str]) -> str:
        """Context-free class of one block, as in jusText."""
        if block.kind is Kind.CODE:
            return GOOD
        length = len(block.text)
        if block.link_density > MAX_LINK_DENSITY or "©" in block.text:
            return BAD
        if length < self.options["length_low"]:
            return BAD if block.link_density > 0 else SHORT
        words = [w.lower() for w in _WORD.findall(sample(block.text))]
        density = sum(w in stoplist for w in words) / len(words) if words else 0.0
        if density >= self.options["stopwords_high"]:
            return GOOD if length > self.options["length_high"] else NEARGOOD
        return NEARGOOD if density >= self.options["stopwords_low"] else BAD


def _outside_window(classes: list[str]) -> set[int]:
    """The blocks before the first good block and after the last: the page around the article.

    Inside that window every block stays: there a 'bad' line is more often a product name, a figure label or a
    short list item than junk (measured: dropping bad runs inside the window costs more recall than it gains).
    """
    good = [i for i, c in enumerate(classes) if c == GOOD]
    if not good:
        return set()
    return set(range(good[0])) | set(range(good[-1] + 1, len(classes)))


def _after_article_end(blocks: list[Block], classes: list[str], share: float) -> set[int]:
    """Everything from the first section marker that closes an article ("Related articles", "Comments",
    "About the author", "Subscribe") on, once at least `share` of the good words lie above it."""
    good_words = [b.word_count if c == GOOD else 0 for b, c in zip(blocks, classes, strict=True)]
    total = sum(good_words)
    if not total:
        return set()
    marker = pattern("article_end", anchored=True)
    seen = 0
    for i, block in enumerate(blocks):
        seen += good_words[i]
        if seen >= share * total and block.word_count <= END_MARKER_MAX_WORDS and marker.match(block.text):
            return set(range(i, len(blocks)))
    return set()


def revise(blocks: list[Block], classes: list[str]) -> list[str]:
    """Context-sensitive pass: short and near-good blocks take the class of the good/bad blocks around them."""
    out = list(classes)
    for i in _short_headings(blocks, out):
        out[i] = NEARGOOD
    prev_gb, next_gb = _neighbours(out, {GOOD, BAD})
    prev_any, next_any = _neighbours(out, {GOOD, BAD, NEARGOOD})
    new = {}
    for i, c in enumerate(out):
        if c != SHORT:
            continue
        before, after = prev_gb[i], next_gb[i]
        if before == after:
            new[i] = before
        elif (before == BAD and prev_any[i] == NEARGOOD) or (after == BAD and next_any[i] == NEARGOOD):
            new[i] = GOOD
        else:
            new[i] = BAD
    out = [new.get(i, c) for i, c in enumerate(out)]
    prev_gb, next_gb = _neighbours(out, {GOOD, BAD})
    out = [(BAD if (prev_gb[i], next_gb[i]) == (BAD, BAD) else GOOD) if c == NEARGOOD else c for i, c in enumerate(out)]
    for i in _short_headings(blocks, out, after_bad=classes):
        out[i] = GOOD
    return out


def _neighbours(classes: list[str], wanted: set[str]) -> tuple[list[str], list[str]]:
    """For each position, the nearest class in `wanted` before it and after it ('bad' at the edges); O(n)."""
    n = len(classes)
    before, after = [BAD] * n, [BAD] * n
    last = BAD
    for i in range(n):
        before[i] = last
        if classes[i] in wanted:
            last = classes[i]
    last = BAD
    for i in range(n - 1, -1, -1):
        after[i] = last
        if classes[i] in wanted:
            last = classes[i]
    return before, after


def _short_headings(blocks: list[Block], classes: list[str], after_bad: list[str] | None = None) -> list[int]:
    """Headings followed by good text within MAX_HEADING_DISTANCE characters (guessed headings: right above it).

    First pass (after_bad None): short headings. Last pass: headings now bad that were not bad to begin with.
    """
    found = []
    next_good_distance = None  # characters between the end of block i and the next good block
    for i in range(len(blocks) - 1, -1, -1):
        eligible = blocks[i].is_heading and (
            classes[i] == SHORT if after_bad is None else classes[i] == BAD and after_bad[i] != BAD
        )
        # a real (Markdown) heading may sit a little above its text; a guessed one (a short line) must touch it
        reach = MAX_HEADING_DISTANCE if blocks[i].level else 0
        if eligible and next_good_distance is not None and next_good_distance <= reach:
            found.append(i)
        if classes[i] == GOOD:
            next_good_distance = 0
        elif next_good_distance is not None:
            next_good_distance += len(blocks[i].text)
    return found


def _whole_units(blocks: list[Block], drop: set[int]) -> set[int]:
    """`drop` with the tables of a dump (a Markdown table, or the tab- or pipe-separated rows of plain text, found by
    their consistent cells, with or without a header row) and its code fences kept or dropped whole
    (`shared/units.py`)."""
    tables: dict[int, list[int]] = {}
    units: list[list[int]] = []
    for i, b in enumerate(blocks):
        if b.kind is Kind.CODE and b.source == "md":
            units.append([i])
        elif b.cells and b.structure is not None and b.structure.table:
            tables.setdefault(b.structure.table, []).append(i)
    units += tables.values()
    if not units:
        return drop
    keep = judge_units(units, [b.word_count for b in blocks], [i not in drop for i in range(len(blocks))])
    return {i for i, k in enumerate(keep) if not k}
