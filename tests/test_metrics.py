"""Tests of the benchmark metrics in cleaner.metrics."""

import pytest

from cleaner.metrics import (
    aggregate_shingle,
    aggregate_word,
    author_match,
    date_match,
    normalise_title,
    shingle_counts,
    shingle_prf,
    snippet_hits,
    title_match,
    word_prf,
)

ARTICLE = (
    "Protein continues to dominate the wellness conversation, and for good reason. "
    "It supports muscle recovery and keeps you feeling full."
)


def test_word_prf_identical_and_disjoint() -> None:
    assert word_prf(ARTICLE, ARTICLE) == (1.0, 1.0, 1.0)
    assert word_prf("Home Login Order now", ARTICLE) == (0.0, 0.0, 0.0)


def test_word_prf_partial_overlap_by_hand() -> None:
    # pred tokens: the cat sat (3); gold: the cat sat on the mat (6); common multiset = 3
    p, r, f = word_prf("The cat SAT", "the cat sat on the mat")
    assert (p, r) == (1.0, 0.5)
    assert f == pytest.approx(2 / 3)


def test_word_prf_counts_repeated_tokens_as_multiset() -> None:
    # pred has "menu" three times, gold once: only one counts as common
    p, r, _ = word_prf("menu menu menu story", "menu story")
    assert p == pytest.approx(2 / 4)
    assert r == 1.0


def test_word_prf_empty_conventions() -> None:
    assert word_prf("", "") == (1.0, 1.0, 1.0)
    assert word_prf("", ARTICLE) == (0.0, 0.0, 0.0)
    assert word_prf("Share on Facebook", "") == (0.0, 0.0, 0.0)


def test_shingle_counts_and_prf() -> None:
    gold = "a b c d e f"  # shingles: abcd, bcde, cdef
    pred = "a b c d e x"  # shingles: abcd, bcde, cdex
    assert shingle_counts(pred, gold) == (2, 1, 1)
    p, r, f = shingle_prf(pred, gold)
    assert (p, r, f) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    # case is kept for shingles, unlike word tokens
    assert shingle_counts("A b c d", "a b c d") == (0, 1, 1)
    assert shingle_prf(ARTICLE, ARTICLE) == (1.0, 1.0, 1.0)
    assert shingle_prf("", ARTICLE) == (0.0, 0.0, 0.0)


def test_aggregates_average_over_documents() -> None:
    p, r, f = aggregate_shingle([(1.0, 0.5, 2 / 3), (0.5, 1.0, 2 / 3)])
    assert (p, r) == (0.75, 0.75)
    assert f == pytest.approx(0.75)  # harmonic mean of the two means, not mean of F1s
    assert aggregate_word([(1.0, 0.5, 0.6), (0.0, 0.0, 0.0)]) == pytest.approx((0.5, 0.25, 0.3))


def test_snippet_hits_ignore_case_and_whitespace() -> None:
    text = "It supports  muscle\nrecovery and keeps you feeling full."
    assert snippet_hits(text, ["MUSCLE RECOVERY", "Order Now", "  "]) == (1, 2)
    assert snippet_hits("", []) == (0, 0)


def test_title_match() -> None:
    assert normalise_title("  Top Nutrition Trends \u2014 Fall 2025!  ") == "top nutrition trends fall 2025"
    assert title_match("top nutrition trends: fall 2025", "Top Nutrition Trends \u2013 Fall 2025")
    assert not title_match("Top Nutrition Trends | Scratch Culinary", "Top Nutrition Trends")
    assert not title_match(None, "Top Nutrition Trends")


def test_author_match() -> None:
    assert author_match("Andrew King", "andrew  king")
    assert author_match("By Andrew King", "Andrew King")
    assert author_match(["Jane Doe", "Andrew King"], "Andrew King")
    assert author_match(["Jane Doe", "Andrew King"], "Jane Doe, Andrew King")
    assert not author_match([], "Andrew King")
    assert not author_match("", "Andrew King")
    assert not author_match("Jane Doe", "Andrew King")


def test_date_match() -> None:
    assert date_match("2025-09-04", "2025-09-04")
    assert date_match("2025-09-04T10:00:00+00:00", "2025-09-04")
    assert not date_match("2025-09-05", "2025-09-04")
    assert not date_match(None, "2025-09-04")
    assert not date_match("September 4, 2025", "2025-09-04")
