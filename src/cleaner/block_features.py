"""Turn candidate blocks into the feature rows the block classifier scores: the block's text, its markup, its
neighbours, the containers it shares with other blocks and the page as a whole.

The same function feeds training (benchmarks/train_blocks.py) and cleaning, so the two cannot drift apart.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

import numpy as np

from .blocks import Kind
from .pagetype import PAGE_TYPES
from .phrases import kinds_pattern
from .segment import LANDMARKS, SIGNALS, Candidate

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_TERMINAL_CHARS = frozenset(".!?…:;\"'”’»)")  # a block ending in one reads as a sentence
_PUNCT_CHARS = ".,;:!?"  # counted per word
_FIRST = itemgetter(0)
_TAG_GROUPS = ("p", "h1", "h23", "h456", "li", "dl", "cell", "pre", "blockquote", "figcaption", "div", "other")
_TAG_GROUP = {"p": "p", "h1": "h1", "h2": "h23", "h3": "h23", "h4": "h456", "h5": "h456", "h6": "h456", "li": "li",
              "dt": "dl", "dd": "dl", "td": "cell", "th": "cell", "tr": "cell", "pre": "pre",
              "blockquote": "blockquote", "figcaption": "figcaption", "div": "div", "section": "div",
              "article": "div", "main": "div", "body": "div"}
_TAG_INDEX = {tag: _TAG_GROUPS.index(group) for tag, group in _TAG_GROUP.items()}
_OTHER = _TAG_GROUPS.index("other")
_SIGNAL_CAP = 5
_SCALARS = 19  # the per-block numbers before the tag one-hot in `feature_names()`
_NO_GROUP = [0.0, 0.0, 0.0]
_GOOD_BLOCK_WORDS = 10  # blocks at least this long (and not mostly links) vote for their container
_STOPWORD_LANGUAGES = ("English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch")
# phrase lists looked for at the start of a block (first match in this order wins), grouped into one feature each
_PHRASE_ORDER = ("newsletter", "cookie", "paywall", "share", "related", "disclaimer", "caption_credit", "pager",
                 "ui_label", "article_end")
_PHRASE_GROUPS = {"prompt": ("newsletter", "cookie", "paywall"), "share": ("share",),
                  "related": ("related", "article_end"), "note": ("disclaimer", "caption_credit"),
                  "ui": ("ui_label", "pager")}
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
    names = ["log_words", "log_chars", "link_density", "word_length", "terminal", "punct_per_word", "capitalised",
             "digits", "stopwords", "position", "char_position", "hidden", "depth", "path_repeats", "text_repeats",
             "share_of_max", "in_best", "title_overlap", "copyright"]
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
    """One row of `feature_names()` per candidate; `page_type` is the guess of `cleaner.pagetype`."""
    n = len(cands)
    if not n:
        return np.zeros((0, len(feature_names())), dtype=np.float32)
    stop = _stopwords()
    tokens = [_WORD.findall(c.text) for c in cands]
    words = [len(t) for t in tokens]
    chars = [len(c.text) for c in cands]
    linked = [c.link_density for c in cands]
    total_words = max(1, sum(words))
    total_chars = max(1, sum(chars))
    max_words = max(1, max(words))
    paths = Counter(c.path for c in cands)
    lowered = [c.text.lower() for c in cands]
    texts = Counter(lowered)
    title_words = {w.lower() for w in _WORD.findall(title)}
    groups = _group_stats(cands, words)
    best = _best_container(cands, words)
    p_words = sum(w for c, w in zip(cands, words) if c.tag == "p")
    page = [math.log1p(total_words), math.log1p(n), sum(lk * ch for lk, ch in zip(linked, chars)) / total_chars,
            p_words / total_words]
    page += [1.0 if page_type == t else 0.0 for t in PAGE_TYPES]
    is_stop, in_title = stop.__contains__, title_words.__contains__
    scalars = []
    offset = 0
    for i, c in enumerate(cands):
        text, low, toks, w, ch = c.text, lowered[i], tokens[i], words[i], chars[i]
        lower = list(map(str.lower, toks))
        per_word = 1 / max(1, w)
        row = [
            math.log1p(w), math.log1p(ch), linked[i], ch * per_word,
            1.0 if text.rstrip()[-1:] in _TERMINAL_CHARS else 0.0,
            sum(map(text.count, _PUNCT_CHARS)) * per_word,
            sum(map(str.isupper, map(_FIRST, toks))) * per_word,
            len(_DIGIT.findall(text)) / max(1, ch),
            sum(map(is_stop, lower)) * per_word,
            i / n, offset / total_chars, float(c.hidden), float(c.depth),
            math.log1p(paths[c.path] - 1), math.log1p(texts[low] - 1), w / max_words,
            1.0 if best is not None and best in c.parents else 0.0,
            sum(map(in_title, lower)) * per_word,
            1.0 if "©" in text or "(c)" in low or "copyright" in low else 0.0,
        ]
        parents = c.parents
        for level in (2, 3, 4):  # parents[-1] is the block's own element
            row += groups[parents[-level]] if len(parents) >= level else _NO_GROUP
        for j in (i - 1, i + 1):
            row += [math.log1p(words[j]), linked[j], 1.0 if cands[j].tag == "p" else 0.0] if 0 <= j < n else _NO_GROUP
        scalars.append(row)
        offset += ch
    table = np.asarray(scalars, dtype=np.float32)
    tag_onehot = np.zeros((n, len(_TAG_GROUPS)), dtype=np.float32)
    tag_onehot[np.arange(n), [_TAG_INDEX.get(c.tag, _OTHER) for c in cands]] = 1.0
    marks = np.minimum(np.asarray([c.signals + c.near for c in cands], dtype=np.float32), _SIGNAL_CAP)
    inside = np.asarray([c.inside for c in cands], dtype=np.float32)
    return np.hstack([table[:, :_SCALARS], tag_onehot, inside, marks, table[:, _SCALARS:], _phrases(cands),
                      _around_best(cands, best), np.broadcast_to(np.asarray(page, dtype=np.float32), (n, len(page)))])


def _phrases(cands: Sequence[Candidate]) -> np.ndarray:
    """Per block: which phrase group its start matches (one-hot), and whether the nearest heading at or above it
    opens a related/comments section."""
    opening = kinds_pattern(_PHRASE_ORDER, anchored=True, lowered=True)
    out = np.zeros((len(cands), len(_PHRASE_GROUPS) + 1), dtype=np.float32)
    under_related = 0.0
    for i, c in enumerate(cands):
        match = opening.match(c.text[:_PHRASE_PREFIX].lower())
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
    inside = [i for i, c in enumerate(cands) if best is not None and best in c.parents]
    if inside:
        out[: inside[0], 0] = 1.0
        out[inside[-1] + 1 :, 1] = 1.0
    return out


def _group_stats(cands: Sequence[Candidate], words: Sequence[int]) -> dict[int, list[float]]:
    """Per enclosing element: log of its words, log of its blocks, and its link density."""
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])  # words, blocks, chars, link chars
    for c, w in zip(cands, words):
        for parent in c.parents[-4:-1]:
            s = sums[parent]
            s[0] += w
            s[1] += 1
            s[2] += len(c.text)
            s[3] += c.link_chars
    return {k: [math.log1p(s[0]), math.log1p(s[1]), min(1.0, s[3] / s[2]) if s[2] else 0.0] for k, s in sums.items()}


def _best_container(cands: Sequence[Candidate], words: Sequence[int]) -> int | None:
    """The element holding the most prose (readability's idea): long, link-poor blocks vote for their parent in
    full and their grandparent by half."""
    score: Counter[int] = Counter()
    for c, w in zip(cands, words):
        if w < _GOOD_BLOCK_WORDS or c.link_density > 0.5 or len(c.parents) < 2:
            continue
        vote = w * (1.0 - c.link_density)
        score[c.parents[-2]] += vote
        if len(c.parents) > 2:
            score[c.parents[-3]] += vote / 2
    return score.most_common(1)[0][0] if score else None

