"""Extraction-quality metrics shared by the benchmark and the tests.

Definitions follow shared/datasets/README.md: word P/R/F1 (WCXB style), shingle
P/R/F1 (article-extraction-benchmark style), snippet hits and metadata matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from statistics import fmean

_TOKEN_RE = re.compile(r"\w+")
_NON_WORD_RE = re.compile(r"[\W_]+")
_SPACE_RE = re.compile(r"\s+")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")

PRF = tuple[float, float, float]


def _harmonic(p: float, r: float) -> float:
    """Harmonic mean of two rates, 0.0 when both are 0."""
    return 2 * p * r / (p + r) if p + r else 0.0


def word_prf(pred: str, gold: str) -> PRF:
    """Per-document P/R/F1 over lower-cased `\\w+` token multisets.

    Both texts without tokens give (1, 1, 1); exactly one without tokens gives (0, 0, 0).
    """
    pred_tokens = Counter(_TOKEN_RE.findall(pred.lower()))
    gold_tokens = Counter(_TOKEN_RE.findall(gold.lower()))
    if not pred_tokens and not gold_tokens:
        return 1.0, 1.0, 1.0
    common = sum((pred_tokens & gold_tokens).values())
    if not common:
        return 0.0, 0.0, 0.0
    p = common / sum(pred_tokens.values())
    r = common / sum(gold_tokens.values())
    return p, r, _harmonic(p, r)


def _shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    """Multiset of n-token windows over `\\w+` tokens, case kept."""
    tokens = _TOKEN_RE.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_counts(pred: str, gold: str, n: int = 4) -> tuple[int, int, int]:
    """(TP, FP, FN) over the n-token shingle multisets of `pred` and `gold`."""
    pred_sh, gold_sh = _shingles(pred, n), _shingles(gold, n)
    tp = sum((pred_sh & gold_sh).values())
    return tp, sum(pred_sh.values()) - tp, sum(gold_sh.values()) - tp


def shingle_prf(pred: str, gold: str, n: int = 4) -> PRF:
    """Per-document shingle P/R/F1 (article-extraction-benchmark conventions).

    FP = FN = 0 gives (1, 1, 1) and no TP gives (0, 0, 0); normalising TP/FP/FN by their sum,
    as the README says, leaves the per-document ratios unchanged, so it is implicit here.
    """
    tp, fp, fn = shingle_counts(pred, gold, n)
    if fp == fn == 0:
        return 1.0, 1.0, 1.0
    if not tp:
        return 0.0, 0.0, 0.0
    p, r = tp / (tp + fp), tp / (tp + fn)
    return p, r, _harmonic(p, r)


def aggregate_shingle(per_doc: Iterable[PRF]) -> PRF:
    """Corpus shingle P/R/F1: mean P, mean R, and F1 as the harmonic mean of those two means."""
    rows = list(per_doc)
    if not rows:
        return 0.0, 0.0, 0.0
    p = fmean(row[0] for row in rows)
    r = fmean(row[1] for row in rows)
    return p, r, _harmonic(p, r)


def aggregate_word(per_doc: Iterable[PRF]) -> PRF:
    """Corpus word P/R/F1: each is the mean of the per-document values (WCXB style)."""
    rows = list(per_doc)
    if not rows:
        return 0.0, 0.0, 0.0
    return fmean(r[0] for r in rows), fmean(r[1] for r in rows), fmean(r[2] for r in rows)


def _squash(s: str) -> str:
    """Case-fold, NFKC-normalise and collapse whitespace runs to one space."""
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFKC", s).casefold()).strip()


def snippet_hits(text: str, snippets: Sequence[str]) -> tuple[int, int]:
    """(found, total) of non-blank snippets occurring in `text`, case- and whitespace-insensitive."""
    haystack = _squash(text)
    needles = [n for n in (_squash(s) for s in snippets) if n]
    return sum(n in haystack for n in needles), len(needles)


def normalise_title(s: str) -> str:
    """Case-folded title with every run of punctuation/whitespace turned into one space."""
    return _NON_WORD_RE.sub(" ", unicodedata.normalize("NFKC", s).casefold()).strip()


def title_match(pred: str | None, gold: str) -> bool:
    """True when both titles are non-empty and equal after `normalise_title`."""
    if not pred:
        return False
    norm = normalise_title(pred)
    return bool(norm) and norm == normalise_title(gold)


def author_match(pred: str | Sequence[str] | None, gold: str) -> bool:
    """True when one author string contains the other (normalised); a list matches joined or by any item."""
    gold_n = _squash(gold)
    parts = [pred] if isinstance(pred, str) else [a for a in pred or () if a and a.strip()]
    if not parts or not gold_n:
        return False
    names = parts if len(parts) == 1 else [", ".join(parts), *parts]
    return any(n and (n in gold_n or gold_n in n) for n in map(_squash, names))


def date_match(pred: str | None, gold: str) -> bool:
    """True when both strings start with the same YYYY-MM-DD date."""
    if not pred:
        return False
    pm, gm = _DATE_RE.match(pred.strip()), _DATE_RE.match(gold.strip())
    return pm is not None and gm is not None and pm.group() == gm.group()
