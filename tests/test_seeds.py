"""The two texts the project started from: the acceptance of the core library on both."""

from __future__ import annotations

from cleaner import clean_article
from cleaner.metrics import word_prf


def test_scraped_article_keeps_the_thirteen_paragraphs_and_nothing_else(seed_article: str) -> None:
    article = clean_article(seed_article)
    assert article.title == "Islamic State Threatens Central Asia"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 13
    assert paragraphs[0].startswith("The appearance of Colonel Gulmurod Khalimov")
    assert paragraphs[-1].endswith("there will not be credit left to pay it with.")
    for junk in (
        "icon caret",
        "Arrow Down",
        "France’s Troop Withdrawal",
        "Podcast / Africa",
        "Hold Your Fire",
        "Apple Podcasts",
        "This episode was recorded",
        "Contributors",
        "atwoodr",
        "richmoncrieff",
    ):
        assert junk not in article.text


def test_scraped_article_says_which_filter_removed_what(seed_article: str) -> None:
    removed = {(r.filter, r.text[:20]) for r in clean_article(seed_article).removed}
    assert ("icons", "icon caret Arrow Dow") in removed
    assert ("media_promos", "Podcast / Africa") in removed
    assert ("contributors", "Contributors") in removed
    assert ("title", "Islamic State Threat") in removed


def test_republished_article_lifts_byline_date_url_and_bio_into_metadata(seed_republished: str) -> None:
    article = clean_article(seed_republished)
    assert article.title == "Central Asia Is a Sitting Duck for Islamic State (Op-Ed)"
    assert article.authors == ["Deirdre Tynan"]
    assert article.date == "2015-06-14"
    assert article.url.startswith("https://www.themoscowtimes.com/2015/06/14/central-asia-is-a-sitting-duck")
    assert article.metadata.author_bio.startswith("Deirdre Tynan is the International Crisis Group")
    for junk in ("By Deirdre", "June 14, 2015", "views expressed", "Original url", "https://", "Project Director"):
        assert junk not in article.text


def test_republished_article_joins_the_paragraph_broken_mid_sentence(seed_republished: str) -> None:
    text = clean_article(seed_republished).text
    assert "not yet bought off and to the alienation of a substantial segment of society." in text


def test_the_two_cleaned_bodies_agree(seed_article: str, seed_republished: str) -> None:
    raw_f1 = word_prf(seed_article, seed_republished)[2]
    cleaned_f1 = word_prf(clean_article(seed_article).text, clean_article(seed_republished).text)[2]
    assert raw_f1 < 0.75
    assert cleaned_f1 >= 0.95
