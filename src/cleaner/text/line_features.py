"""Turn the blocks of a text dump into the feature rows the line classifier scores: each block's text, its
neighbours within a few windows, the sentence it belongs to when the dump broke one over several lines, where it
sits relative to the page's prose and to the article's main run of prose, the densest stretch of prose, what kind
of line it is (a price, a date, a bare number; its text repeated elsewhere on the page; how often the shape of
it and its neighbours recurs, as in a listing), what the rule classifier said, and what its words say: a lexicon
(models/line_words.json) of words common across pages, each with the log-odds of appearing in content rather than
in boilerplate ("wishlist", "subtotal", "unsubscribe" are strongly boilerplate), learned by
benchmarks/train_lines.py.

The same function feeds training (benchmarks/train_lines.py) and cleaning (filters/boilerplate.py).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from ..blocks import Block, Kind, fingerprint, sample
from ..shared.keep import expected_f1_keep
from ..shared.phrases import pattern

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[.,;:!?]")
_TERMINAL = re.compile(r"[.!?…:;\"'”’»)]\s*$")
LETTERS = re.compile(r"[^\W\d_]+")  # a word of letters (no digits, no underscore)
_KINDS = tuple(Kind)
RULE_CLASSES = ("good", "bad", "neargood", "short")  # the jusText classes of filters/boilerplate.py
PHRASE_CATEGORIES = (
    "ui_label",
    "share",
    "related",
    "article_end",
    "newsletter",
    "cookie",
    "paywall",
    "byline",
    "disclaimer",
    "media_cue",
    "contributors_heading",
    "caption_credit",
    "pager",
)
PHRASE_PREFIX_CHARS = 160  # phrases are looked for at the start of a block: boilerplate states itself early
SHORT_WORDS = 6  # a line this short is menu-like; runs of them are menus, tag clouds, footers
PROSE_WORDS = 15  # a block this long with enough stop words counts as prose
PROSE_STOPWORDS = 0.25
WINDOWS = (1, 3, 10)  # neighbour context: mean of a few base columns over this many blocks before and after
PEAK_RADIUS = 5  # the article's centre: where prose words summed over ±PEAK_RADIUS blocks peak
RUN_GAP_WORDS = 60  # prose blocks parted by fewer other words than this are one run of the article
DENSITY_RADII = (3, 15)  # prose density: prose words over all words within this many blocks before and after
OTHER_WORD_PENALTY = 0.5  # the densest stretch maximises its prose words minus this times its other words
ECHO_MAX_WORDS = 12  # a line this short is looked for inside the page's other lines (a title in a teaser)
ECHO_SCAN_BUDGET = 10**9  # characters the echo search may scan (short lines x page length; the dev set's dumps need
# at most about 10**8); past it a line's echoes are its repeats as a whole line, so a huge dump stays linear
PRICE = re.compile(r"[$€£¥₹]\s?\d|\d\s?[$€£¥₹]|\b(?:USD|EUR|GBP|CHF|CAD|AUD)\b")
_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b")
_NUMERIC = re.compile(r"[\W\d_]*")
_SHAPE_BOUNDS = (3, 7, 16)  # word-count buckets of a line's shape
_CONTINUATION = set(",.;:)]!?%")  # a line starting with one of these goes on with the sentence before it
_BASE = (
    "log_words",
    "log_chars",
    "word_length",
    "terminal",
    "punct_per_word",
    "commas_per_word",
    "capitalised",
    "digits",
    "stopwords",
    "link_density",
    "level",
    "starts_lower",
    "copyright",
    "repeats",
    "share_of_max",
    "short",
    "prose",
)
LEXICON_COLUMNS = (
    "lexicon_mean",
    "lexicon_min",
    "lexicon_max",
    "lexicon_known",
    "prev1_lexicon",
    "next1_lexicon",
    "prev3_lexicon",
    "next3_lexicon",
)  # the last columns of a row, filled by `lexicon_columns`
_SHIFTED = ("log_words", "stopwords", "link_density", "digits", "terminal")  # also taken from two blocks away
_LINE_TYPES = (
    "price",
    "date",
    "numeric",
    "log_echoes",
    "repeated_shingles",
    "repeated_before",
    "log_shape3",
    "log_shape2",
    "shape3_share",
)
_LINE_TYPES_AROUND = ("price", "date", "repeated_shingles", "log_shape3")  # also taken from the blocks beside
_CONTEXT = (
    "log_words",
    "stopwords",
    "terminal",
    "short",
    "prose",
    "link_density",
    "rule_good",
    "capitalised",
    "starts_lower",
)


def feature_names() -> list[str]:
    """Column names of the rows `features` returns, in order."""
    names = list(_BASE)
    names += [f"kind_{k.value}" for k in _KINDS]
    names += [f"phrase_{c}" for c in PHRASE_CATEGORIES]
    names += [f"first_{c}" for c in RULE_CLASSES] + ["rule_good", "in_rule_window"]
    for k in WINDOWS:
        names += [f"{side}{k}_{c}" for side in ("prev", "next") for c in _CONTEXT]
    names += [
        "position",
        "char_position",
        "prose_before",
        "prose_after",
        "peak_offset",
        "log_peak_distance",
        "log_short_run",
        "page_log_blocks",
        "page_log_words",
        "page_prose_share",
        "page_log_max_words",
    ]
    names += ["continues", "sentence_log_words", "sentence_stopwords", "sentence_lines", "sentence_prose"]
    names += ["log_prose_gap_before", "log_prose_gap_after", "in_main_run", "main_run_offset", "main_run_share"]
    names += [f"prose_density{r}" for r in DENSITY_RADII] + ["in_dense", "dense_word_distance", "dense_share"]
    names += [f"{side}2_{c}" for side in ("prev", "next") for c in _SHIFTED]
    names += list(_LINE_TYPES) + [f"{side}1_{c}" for side in ("prev", "next") for c in _LINE_TYPES_AROUND]
    names += [f"page_{c}" for c in _LINE_TYPES]
    return names + list(LEXICON_COLUMNS)


def features(
    blocks: Sequence[Block],
    stoplist: frozenset[str],
    first_pass: Sequence[str],
    revised: Sequence[str],
    lexicon: Mapping[str, float],
) -> np.ndarray:
    """One row of `feature_names()` per block; `first_pass`/`revised` are the rule classifier's classes."""
    n = len(blocks)
    if not n:
        return np.zeros((0, len(feature_names())), dtype=np.float32)
    texts = [sample(b.text) for b in blocks]  # a huge line is read by its head and tail
    base = np.array([_text_row(b, t, stoplist) for b, t in zip(blocks, texts, strict=True)], dtype=np.float64)
    words, chars = base[:, 0].copy(), base[:, 1].copy()
    base[:, :2] = np.log1p(base[:, :2])
    col = {name: base[:, i] for i, name in enumerate(_BASE[:12])}
    prints = [fingerprint(t) for t in texts]
    counts = Counter(prints)
    repeats = np.log([counts[p] for p in prints])
    copyright_ = np.array([float("©" in t) for t in texts])
    short = (words <= SHORT_WORDS).astype(np.float64)
    prose = ((words >= PROSE_WORDS) & (col["stopwords"] >= PROSE_STOPWORDS)).astype(np.float64)
    share_of_max = words / max(1.0, words.max())
    kinds = np.array([[float(b.kind is k) for k in _KINDS] for b in blocks])
    phrases = np.array([_phrase_hits(t) for t in texts])
    first = np.array([[float(c == r) for r in RULE_CLASSES] for c in first_pass])
    rule_good = np.array([float(c == "good") for c in revised])
    good_at = np.flatnonzero(rule_good)
    index = np.arange(n)
    in_window = ((index >= good_at[0]) & (index <= good_at[-1])).astype(np.float64) if len(good_at) else np.zeros(n)
    columns = [base, copyright_, repeats, share_of_max, short, prose]
    columns = [np.column_stack(columns), kinds, phrases, first, rule_good, in_window]
    context = np.column_stack(
        [
            col["log_words"],
            col["stopwords"],
            col["terminal"],
            short,
            prose,
            col["link_density"],
            rule_good,
            col["capitalised"],
            col["starts_lower"],
        ]
    )
    for k in WINDOWS:
        columns += [_window_mean(context, k, before=True), _window_mean(context, k, before=False)]
    columns.append(_layout(words, chars, prose, short))
    columns.append(_sentences(blocks, words, col["stopwords"], col["terminal"]))
    columns.append(_prose_runs(words, prose))
    columns.append(_dense_stretch(words, prose))
    columns += [_shift(base[:, [_BASE.index(c) for c in _SHIFTED]], k) for k in (-2, 2)]
    types = _line_types(texts, words)
    around = types[:, [_LINE_TYPES.index(c) for c in _LINE_TYPES_AROUND]]
    columns += [types, _shift(around, -1), _shift(around, 1), np.tile(types.mean(axis=0), (n, 1))]
    columns.append(lexicon_columns([word_set(t) for t in texts], lexicon))
    return np.column_stack(columns).astype(np.float32)


def keep_lines(probabilities: np.ndarray, blocks: Sequence[Block], beta: float = 1.0) -> np.ndarray:
    """The filter's decision: `expected_f1_keep` by the blocks' words, and a Markdown heading (a heading with a
    level, which text dumps never have: the model did not learn them) stays when the block right after it stays,
    as the heading of kept text. `beta` leans the cut to precision (< 1) or recall (> 1)."""
    keep = expected_f1_keep(probabilities, word_counts(blocks), beta)
    for i in range(len(blocks) - 2, -1, -1):
        if not keep[i] and keep[i + 1] and blocks[i].is_heading and blocks[i].level > 0:
            keep[i] = True
    return keep


def word_counts(blocks: Sequence[Block]) -> np.ndarray:
    """The `\\w+` tokens of each block (as the word F1 counts them; `Block.word_count`, counted once per text): the
    weights of `expected_f1_keep`."""
    return np.array([b.word_count for b in blocks], dtype=np.float64)


def word_set(text: str) -> set[str]:
    """The distinct lower-cased words (letters only) of a text: what the lexicon is looked up with."""
    return set(LETTERS.findall(text.lower()))


def lexicon_columns(word_sets: Sequence[set[str]], lexicon: Mapping[str, float]) -> np.ndarray:
    """The `LEXICON_COLUMNS` of each block: mean, min and max log-odds of its words found in the lexicon, the share
    found, and the mean log-odds over the block before/after and the three before/after (zero where none is known)."""
    rows = np.zeros((len(word_sets), 4))
    for i, words in enumerate(word_sets):
        odds = [lexicon[w] for w in words if w in lexicon]
        if odds:
            rows[i] = (sum(odds) / len(odds), min(odds), max(odds), len(odds) / len(words))
    mean = rows[:, :1]
    return np.column_stack([rows] + [_window_mean(mean, k, before) for k in (1, 3) for before in (True, False)])


def _text_row(block: Block, text: str, stoplist: frozenset[str]) -> list[float]:
    """The first twelve base columns of one block, from its text alone (word and character counts not yet logged);
    the shares are read in `text`, the block's text or its `sample`, the counts in the whole of it."""
    toks = _WORD.findall(text)
    words = len(toks) if text is block.text else len(_WORD.findall(block.text))
    w = max(1, len(toks))
    return [
        float(words),
        float(len(block.text)),
        len(block.text) / max(1, words),
        float(bool(_TERMINAL.search(text))),
        len(_PUNCT.findall(text)) / w,
        text.count(",") / w,
        sum(t[0].isupper() for t in toks) / w,
        len(_DIGIT.findall(text)) / max(1, len(text)),
        sum(t.lower() in stoplist for t in toks) / w,
        block.link_density,
        float(block.level),
        float(text[:1].islower()),
    ]


def _phrase_hits(text: str) -> list[float]:
    """1 per phrase category whose list matches the start of the block."""
    head = text[:PHRASE_PREFIX_CHARS]  # bounds what a fragment with a gap ("[^.]{0,40}") may scan
    return [float(pattern(c, anchored=True).match(head) is not None) for c in PHRASE_CATEGORIES]


def _window_mean(values: np.ndarray, k: int, before: bool) -> np.ndarray:
    """Mean of each column over the k rows before (or after) each row; zero padding at the edges."""
    n = len(values)
    padded = np.vstack([np.zeros((k, values.shape[1])), values, np.zeros((k, values.shape[1]))])
    sums = np.vstack([np.zeros((1, values.shape[1])), np.cumsum(padded, axis=0)])
    start = np.arange(n) + (0 if before else k + 1)  # row i of `values` is row i + k of `padded`
    return (sums[start + k] - sums[start]) / k


def _shift(values: np.ndarray, offset: int) -> np.ndarray:
    """Each row replaced by the row `offset` places away (before when negative); zero past the edges."""
    out = np.zeros_like(values)
    if offset < 0:
        out[-offset:] = values[:offset]
    else:
        out[: len(values) - offset] = values[offset:]
    return out


def _window_sum(values: np.ndarray, radius: int) -> np.ndarray:
    """Sum of `values` over the `radius` positions before and after each position, and itself."""
    sums = np.concatenate([[0.0], np.cumsum(values)])
    index = np.arange(len(values))
    return sums[np.minimum(index + radius + 1, len(values))] - sums[np.maximum(index - radius, 0)]


def _dense_stretch(words: np.ndarray, prose: np.ndarray) -> np.ndarray:
    """The prose density around each block (DENSITY_RADII), and the page's densest stretch of prose (the run of
    blocks maximising its prose words minus OTHER_WORD_PENALTY times its other words): inside it or not, how far
    in words (from a block before it to the stretch, from the stretch to a block after it; over the page's words),
    its share of the page's prose words."""
    n = len(words)
    prose_words = words * prose
    density = [_window_sum(prose_words, r) / np.maximum(1.0, _window_sum(words, r)) for r in DENSITY_RADII]
    gain = np.where(prose > 0, words, -OTHER_WORD_PENALTY * words)
    best, run, first, last, start = -math.inf, 0.0, 0, 0, 0
    for i in range(n):
        if run <= 0:
            run, start = 0.0, i
        run += gain[i]
        if run > best:
            best, first, last = run, start, i
    index = np.arange(n)
    inside = ((index >= first) & (index <= last)).astype(np.float64)
    before = np.cumsum(words) - words  # words before each block
    after = before - before[last] - words[last]  # words between the stretch and each block after it
    distance = np.where(index < first, before[first] - before, np.where(index > last, after, 0.0))
    share = prose_words[first : last + 1].sum() / max(1.0, prose_words.sum())
    return np.column_stack(density + [inside, distance / max(1.0, words.sum()), np.full(n, share)])


def _line_types(texts: Sequence[str], words: np.ndarray) -> np.ndarray:
    """The `_LINE_TYPES` of each line: a price, a date or time, nothing but digits and punctuation; how often a short
    line's text occurs in the page's text (log), the share of its word 3-grams found in other lines, whether the same
    text came before; and how often the shape (word-count bucket, full stop, digits) of it and the lines beside it
    recurs on the page (log count of the three lines' shapes, of its and the next one's, the three's share of lines)."""
    n = len(texts)
    lower = [t.lower() for t in texts]
    page = "\n".join(lower)
    digits = [_DIGIT.search(t) is not None for t in texts]
    grams = [
        set(zip(toks, toks[1:], toks[2:], strict=False)) if len(toks) > 2 else set()
        for toks in (_WORD.findall(t) if w > 2 else () for t, w in zip(lower, words, strict=True))
    ]
    gram_lines = Counter(g for line in grams for g in line)
    short = [
        0 < w <= ECHO_MAX_WORDS and len(t) >= 4 for t, w in zip(lower, words, strict=True)
    ]  # looked for on the page
    echoes = _echoes(page, lower, {t for t, is_short in zip(lower, short, strict=False) if is_short})
    out = np.zeros((n, len(_LINE_TYPES)))
    seen: set[str] = set()
    for i, text in enumerate(lower):
        out[i, 0] = float(bool(PRICE.search(texts[i])))
        if digits[i]:
            out[i, 1] = float(bool(_DATE.search(text)))
        out[i, 2] = float(_NUMERIC.fullmatch(text) is not None)
        if short[i]:
            out[i, 3] = echoes[text]
        if grams[i]:
            out[i, 4] = sum(gram_lines[g] > 1 for g in grams[i]) / len(grams[i])
        out[i, 5] = float(words[i] > 0 and text in seen)
        seen.add(text)
    shapes = [
        f"{b}{t}{d}"
        for b, t, d in zip(
            np.digitize(words, _SHAPE_BOUNDS),
            (int(t.rstrip()[-1:] in ".!?") for t in texts),
            (int(d) for d in digits),
            strict=False,
        )
    ]
    padded = ["^"] + shapes + ["$"]
    triples = [tuple(padded[i : i + 3]) for i in range(n)]
    pairs = [tuple(padded[i + 1 : i + 3]) for i in range(n)]
    triple_counts, pair_counts = Counter(triples), Counter(pairs)
    out[:, 6] = np.log([triple_counts[t] for t in triples])
    out[:, 7] = np.log([pair_counts[p] for p in pairs])
    out[:, 8] = np.exp(out[:, 6]) / n
    return out


def _echoes(page: str, lines: Sequence[str], short: set[str]) -> dict[str, float]:
    """Log of how often each of the `short` lines occurs in the `page` text (made of `lines`), or, when that search
    would scan more than ECHO_SCAN_BUDGET characters, of how often it occurs as a whole line."""
    if len(short) * len(page) <= ECHO_SCAN_BUDGET:
        return {text: math.log(max(1, page.count(text))) for text in short}
    repeats = Counter(lines)
    return {text: math.log(repeats[text]) for text in short}


def _layout(words: np.ndarray, chars: np.ndarray, prose: np.ndarray, short: np.ndarray) -> np.ndarray:
    """Where each block sits: position, share of the prose before and after it, distance to the prose peak,
    length of the run of short lines it is part of, and page-level sizes."""
    n = len(words)
    prose_words = words * prose
    total_prose = max(1.0, prose_words.sum())
    before = (np.cumsum(prose_words) - prose_words) / total_prose
    after = 1.0 - before - prose_words / total_prose
    kernel = np.ones(2 * PEAK_RADIUS + 1)
    peak = int(np.argmax(np.convolve(prose_words, kernel, mode="same")))
    index = np.arange(n)
    char_start = (np.cumsum(chars) - chars) / max(1.0, chars.sum())
    return np.column_stack(
        [
            index / n,
            char_start,
            before,
            after,
            (index - peak) / n,
            np.log1p(np.abs(index - peak)),
            np.log1p(_run_lengths(short)),
            np.full(n, math.log1p(n)),
            np.full(n, math.log1p(words.sum())),
            np.full(n, prose_words.sum() / max(1.0, words.sum())),
            np.full(n, math.log1p(words.max())),
        ]
    )


def _run_lengths(flags: np.ndarray) -> np.ndarray:
    """For each position, the length of the run of set flags it belongs to (0 where the flag is unset)."""
    n = len(flags)
    edges = np.flatnonzero(np.diff(np.concatenate([[0.0], flags, [0.0]])))
    out = np.zeros(n)
    for start, end in zip(edges[::2], edges[1::2], strict=False):
        out[start:end] = end - start
    return out


def _sentences(blocks: Sequence[Block], words: np.ndarray, stopwords: np.ndarray, terminal: np.ndarray) -> np.ndarray:
    """Lines a dump broke mid-sentence (at a link or an emphasis) read together: whether a line continues the one
    before (that one ends without a full stop, this one starts lower-case or with punctuation), and the words,
    stop-word share, line count and prose flag of the sentence run it belongs to."""
    n = len(blocks)
    continues = np.zeros(n)
    for i in range(1, n):
        head = blocks[i].text[:1]
        continues[i] = float(not terminal[i - 1] and (head.islower() or head in _CONTINUATION))
    group = np.cumsum(1.0 - continues).astype(np.int64) - 1
    group_words = np.bincount(group, weights=words)
    group_stop = np.bincount(group, weights=words * stopwords) / np.maximum(1.0, group_words)
    group_lines = np.bincount(group)
    prose = (group_words >= PROSE_WORDS) & (group_stop >= PROSE_STOPWORDS)
    return np.column_stack(
        [
            continues,
            np.log1p(group_words[group]),
            group_stop[group],
            np.log(group_lines[group]),
            prose[group].astype(np.float64),
        ]
    )


def _prose_runs(words: np.ndarray, prose: np.ndarray) -> np.ndarray:
    """Distance (log words between) to the nearest prose block before and after each block, and the article's
    main run: prose blocks chained while fewer than RUN_GAP_WORDS other words part them, the run holding the most
    prose words. Per block: inside that run or not, signed distance to it in blocks (over the page's length), the
    run's share of the page's prose words."""
    n = len(words)
    gap_before, gap_after = np.full(n, -1.0), np.full(n, -1.0)
    since: float | None = None  # words since the last prose block, None before the first
    for i in range(n):
        gap_before[i] = -1.0 if since is None else since
        since = 0.0 if prose[i] else (None if since is None else since + words[i])
    since = None
    for i in range(n - 1, -1, -1):
        gap_after[i] = -1.0 if since is None else since
        since = 0.0 if prose[i] else (None if since is None else since + words[i])
    at = np.flatnonzero(prose)
    inside, offset, share = np.zeros(n), np.zeros(n), 0.0
    if len(at):
        runs, start = [], 0
        for j in range(1, len(at) + 1):
            if j == len(at) or gap_before[at[j]] >= RUN_GAP_WORDS:
                runs.append((at[start], at[j - 1]))
                start = j
        run_words = [words[a : b + 1][prose[a : b + 1] > 0].sum() for a, b in runs]
        first, last = runs[int(np.argmax(run_words))]
        index = np.arange(n)
        inside[first : last + 1] = 1.0
        offset = (np.minimum(index - first, 0) + np.maximum(index - last, 0)) / n
        share = max(run_words) / max(1.0, float((words * prose).sum()))
    far = words.sum() + 1.0  # no prose on that side: as far as the page is long
    gap_before[gap_before < 0], gap_after[gap_after < 0] = far, far
    return np.column_stack([np.log1p(gap_before), np.log1p(gap_after), inside, offset, np.full(n, share)])
