"""Turn candidate blocks into the feature rows the block classifier scores: the block's text, its markup, its
neighbours, the containers it shares with other blocks and the page as a whole.

The same function feeds training (benchmarks/train_blocks.py) and cleaning, so the two cannot drift apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from operator import itemgetter

import numpy as np

from ..blocks import SENTENCE_ENDS, Kind
from ..metadata.pagetype import PAGE_TYPES
from ..shared.compiled import compiled
from ..shared.phrases import opening
from ..shared.scripts import UNSPACED_PUNCTUATION, UNSPACED_RANGES, WORD
from .segment import LANDMARKS, SIGNALS, Candidate

_DIGIT = re.compile(r"\d")
_TERMINAL_CHARS = SENTENCE_ENDS | {")"}  # a block ending in one reads as a sentence
_PUNCTUATION = ".,;:!?" + UNSPACED_PUNCTUATION  # the marks counted per word
_PUNCT = re.compile(f"[{re.escape(_PUNCTUATION)}]")  # one scan, not one per mark
_FIRST = itemgetter(0)
_TAG_GROUPS = ("p", "h1", "h23", "h456", "li", "dl", "cell", "pre", "blockquote", "figcaption", "div", "other")
_TAG_GROUP = {
    "p": "p",
    "h1": "h1",
    "h2": "h23",
    "h3": "h23",
    "h4": "h456",
    "h5": "h456",
    "h6": "h456",
    "li": "li",
    "dt": "dl",
    "dd": "dl",
    "td": "cell",
    "th": "cell",
    "tr": "cell",
    "pre": "pre",
    "blockquote": "blockquote",
    "figcaption": "figcaption",
    "div": "div",
    "section": "div",
    "article": "div",
    "main": "div",
    "body": "div",
}
_TAG_INDEX = {tag: _TAG_GROUPS.index(group) for tag, group in _TAG_GROUP.items()}
_OTHER = _TAG_GROUPS.index("other")
_SIGNAL_CAP = 5
_NO_ANCESTORS = (-1, -1, -1)  # padding of a block's parent, grandparent, great-grandparent: none
_GOOD_BLOCK_WORDS = 10  # blocks at least this long (and not mostly links) vote for their container
_STOPWORD_LANGUAGES = ("English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch")
# phrase lists looked for at the start of a block (first match in this order wins), grouped into one feature each
_PHRASE_ORDER = (
    "newsletter",
    "cookie",
    "paywall",
    "share",
    "related",
    "disclaimer",
    "caption_credit",
    "pager",
    "ui_label",
    "article_end",
)
_PHRASE_GROUPS = {
    "prompt": ("newsletter", "cookie", "paywall"),
    "share": ("share",),
    "related": ("related", "article_end"),
    "note": ("disclaimer", "caption_credit"),
    "ui": ("ui_label", "pager"),
}
_PHRASE_INDEX = {kind: i for i, kinds in enumerate(_PHRASE_GROUPS.values()) for kind in kinds}
_PHRASE_PREFIX = 160  # characters of a block the phrases are looked for in: boilerplate states itself early


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Function words of the common Western languages (jusText's lists): prose has many, menus few."""
    from justext import get_stoplist

    words: set[str] = set()
    for language in _STOPWORD_LANGUAGES:
        words |= get_stoplist(language)
    return frozenset(w.lower() for w in words)


def feature_names() -> list[str]:
    """Column names of the rows `features` returns, in order."""
    names = [
        "log_words",
        "log_chars",
        "link_density",
        "word_length",
        "terminal",
        "punct_per_word",
        "capitalised",
        "digits",
        "stopwords",
        "position",
        "char_position",
        "hidden",
        "depth",
        "path_repeats",
        "text_repeats",
        "share_of_max",
        "in_best",
        "title_overlap",
        "copyright",
    ]
    names += [f"tag_{g}" for g in _TAG_GROUPS]
    names += [f"in_{t}" for t in LANDMARKS]
    names += [f"sig_{n}" for n, _ in SIGNALS] + [f"near_{n}" for n, _ in SIGNALS]
    for level in ("parent", "grand", "great"):
        names += [f"{level}_log_words", f"{level}_blocks", f"{level}_link_density"]
    for side in ("prev", "next"):
        names += [f"{side}_log_words", f"{side}_link_density", f"{side}_p"]
    names += [f"phrase_{g}" for g in _PHRASE_GROUPS] + ["under_related_heading", "before_best", "after_best"]
    names += ["page_log_words", "page_blocks", "page_link_density", "page_p_share"]
    names += [f"type_{t}" for t in PAGE_TYPES]
    return names


def features(cands: Sequence[Candidate], title: str = "", page_type: str = "") -> np.ndarray:
    """One row of `feature_names()` per candidate; `page_type` is the guess of `cleaner.pagetype`.

    Columns are computed a whole column at a time; only the counts that need the block's text loop over blocks.
    """
    n = len(cands)
    if not n:
        return np.zeros((0, len(feature_names())), dtype=np.float32)
    texts = [c.text for c in cands]
    lowered = [t.lower() for t in texts]
    word_list, counts = _text_counts(texts, lowered, {w.lower() for w in WORD.findall(title)})
    words = np.array(word_list, dtype=np.float64)
    chars = np.fromiter(map(len, texts), dtype=np.float64, count=n)
    link_chars = _column(c.link_chars for c in cands)
    linked = np.minimum(1.0, np.divide(link_chars, chars, out=np.zeros(n), where=chars > 0))
    per_word = 1.0 / np.maximum(1.0, words)
    paths = Counter(c.path for c in cands)
    repeats = Counter(lowered)
    best = _best_container(cands, word_list)
    is_p = _column(c.tag == "p" for c in cands)
    total_words, total_chars = max(1, sum(word_list)), max(1.0, chars.sum())
    scalars = np.column_stack(
        [
            np.log1p(words),
            np.log1p(chars),
            linked,
            chars * per_word,
            counts[:, 0],
            counts[:, 1] * per_word,
            counts[:, 2] * per_word,
            counts[:, 3] / np.maximum(1.0, chars),
            counts[:, 4] * per_word,
            np.arange(n) / n,
            (np.cumsum(chars) - chars) / total_chars,
            _column(c.hidden for c in cands),
            _column(c.depth for c in cands),
            np.log1p(_column(paths[c.path] for c in cands) - 1),
            np.log1p(_column(map(repeats.__getitem__, lowered)) - 1),
            words / max(1.0, words.max()),
            _column(best is not None and c.within(best) for c in cands),
            counts[:, 5] * per_word,
            counts[:, 6],
        ]
    )
    neighbour = np.column_stack([np.log1p(words), linked, is_p])
    page = [
        math.log1p(total_words),
        math.log1p(n),
        sum((linked * chars).tolist()) / total_chars,
        float(is_p @ words) / total_words,
    ]
    page += [1.0 if page_type == t else 0.0 for t in PAGE_TYPES]
    tag_onehot = np.zeros((n, len(_TAG_GROUPS)), dtype=np.float32)
    tag_onehot[np.arange(n), [_TAG_INDEX.get(c.tag, _OTHER) for c in cands]] = 1.0
    marks = _matrix((c.signals + c.near for c in cands), n, 2 * len(SIGNALS))
    inside = _matrix((c.inside for c in cands), n, len(LANDMARKS))
    numeric = np.hstack([_group_columns(cands, words, chars, link_chars), _shift(neighbour, 1), _shift(neighbour, -1)])
    return np.hstack(
        [
            scalars.astype(np.float32),
            tag_onehot,
            inside,
            np.minimum(marks, _SIGNAL_CAP),
            numeric.astype(np.float32),
            _phrases(cands),
            _around_best(cands, best),
            np.broadcast_to(np.asarray(page, dtype=np.float32), (n, len(page))),
        ]
    )


def _column(values: Iterable[float]) -> np.ndarray:
    """A float64 column from per-block numbers (or booleans)."""
    return np.fromiter(values, dtype=np.float64)


def _matrix(rows: Iterable[tuple[int, ...]], n: int, width: int) -> np.ndarray:
    """An n x width float32 matrix from n tuples of `width` numbers."""
    return np.fromiter(chain.from_iterable(rows), dtype=np.float32, count=n * width).reshape(n, width)


def _text_counts(texts: list[str], lowered: list[str], title_words: set[str]) -> tuple[list[int], np.ndarray]:
    """Per block, its words (`scripts.WORD`), and what only its text tells: ends like a sentence, punctuation marks,
    capitalised words, digits, stopwords, words of the page title, and a copyright sign (one row of seven numbers per
    block). The counts come from the compiled pass (`_counts.pyx`) when it is built, else from `_word_counts`."""
    if _COMPILED is not None:
        counted = _COMPILED.block_counts(texts, _stopwords(), title_words, _PUNCTUATION, UNSPACED_RANGES)
    else:
        counted = _word_counts(texts, title_words)
    rows = [
        (text.rstrip()[-1:] in _TERMINAL_CHARS, *found[1:], "©" in text or "(c)" in low or "copyright" in low)
        for text, low, found in zip(texts, lowered, counted, strict=True)
    ]
    return [found[0] for found in counted], np.array(rows, dtype=np.float64)


def _word_counts(texts: list[str], title_words: set[str]) -> list[tuple[int, int, int, int, int, int]]:
    """Per text: its words, punctuation marks, capitalised words, digits, stop words and words of the page title."""
    is_stop, in_title = _stopwords().__contains__, title_words.__contains__
    rows = []
    for text in texts:
        tokens = WORD.findall(text)
        lower = list(map(str.lower, tokens))
        rows.append(
            (
                len(tokens),
                len(_PUNCT.findall(text)),
                sum(map(str.isupper, map(_FIRST, tokens))),
                len(_DIGIT.findall(text)),
                sum(map(is_stop, lower)),
                sum(map(in_title, lower)),
            )
        )
    return rows


def _shift(columns: np.ndarray, by: int) -> np.ndarray:
    """`columns` moved down `by` rows (up when negative), zeros where nothing moved in: the previous (next) block's
    values beside each block."""
    out = np.zeros_like(columns)
    if by > 0:
        out[by:] = columns[:-by]
    else:
        out[:by] = columns[-by:]
    return out


def _phrases(cands: Sequence[Candidate]) -> np.ndarray:
    """Per block: which phrase group its start matches (one-hot), and whether the nearest heading at or above it
    opens a related/comments section."""
    opener = opening(_PHRASE_ORDER, lowered=True)
    out = np.zeros((len(cands), len(_PHRASE_GROUPS) + 1), dtype=np.float32)
    under_related = 0.0
    for i, c in enumerate(cands):
        match = opener.match(c.text[:_PHRASE_PREFIX].lower())
        group = _PHRASE_INDEX[match.lastgroup] if match and match.lastgroup else None
        if group is not None:
            out[i, group] = 1.0
        if c.kind is Kind.HEADING:
            under_related = 1.0 if group == _PHRASE_INDEX["related"] else 0.0
        out[i, -1] = under_related
    return out


def _around_best(cands: Sequence[Candidate], best: int | None) -> np.ndarray:
    """Per block: 1 in the first column when it comes before the best container, in the second when after it."""
    out = np.zeros((len(cands), 2), dtype=np.float32)
    inside = [i for i, c in enumerate(cands) if best is not None and c.within(best)]
    if inside:
        out[: inside[0], 0] = 1.0
        out[inside[-1] + 1 :, 1] = 1.0
    return out


def _group_columns(
    cands: Sequence[Candidate], words: np.ndarray, chars: np.ndarray, link_chars: np.ndarray
) -> np.ndarray:
    """Per block, for its parent, grandparent and great-grandparent element in turn: log of the words and of the
    blocks that element holds, and its link density (zeros where the block has no such ancestor)."""
    keys = np.array([(c.parents[-4:-1][::-1] + _NO_ANCESTORS)[:3] for c in cands], dtype=np.intp)
    present = keys >= 0
    flat = keys[present]
    rows = np.nonzero(present)[0]  # the block of each entry of `flat`
    size = int(flat.max()) + 1 if len(flat) else 1
    held_words = np.bincount(flat, weights=words[rows], minlength=size)
    held_blocks = np.bincount(flat, minlength=size).astype(np.float64)
    held_chars = np.bincount(flat, weights=chars[rows], minlength=size)
    held_links = np.bincount(flat, weights=link_chars[rows], minlength=size)
    density = np.minimum(1.0, np.divide(held_links, held_chars, out=np.zeros(size), where=held_chars > 0))
    stats = np.column_stack([np.log1p(held_words), np.log1p(held_blocks), density])
    out = stats[np.where(present, keys, 0)] * present[:, :, None]
    return out.reshape(len(cands), 9)


def _best_container(cands: Sequence[Candidate], words: Sequence[int]) -> int | None:
    """The element holding the most prose (readability's idea): long, link-poor blocks vote for their parent in
    full and their grandparent by half."""
    score: dict[int, float] = defaultdict(float)
    for c, w in zip(cands, words, strict=True):
        if w < _GOOD_BLOCK_WORDS or c.link_density > 0.5 or len(c.parents) < 2:
            continue
        vote = w * (1.0 - c.link_density)
        score[c.parents[-2]] += vote
        if len(c.parents) > 2:
            score[c.parents[-3]] += vote / 2
    return max(score, key=score.__getitem__) if score else None  # the first of equals, as Counter.most_common


_COMPILED = compiled("cleaner.extract._counts")  # the compiled pass of `_text_counts`, when built
