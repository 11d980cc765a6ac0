"""The article zone: on an article page, what the block model keeps past the article's end goes (teaser rails, "more
stories" lists, comments), unless the model is sure of it; on listings nothing is dropped."""

from __future__ import annotations

import copy
import re

import numpy as np
import pytest

from cleaner import Pipeline
from cleaner.blocks import Kind
from cleaner.extract.article_zone import (
    ABOVE_HEADLINE,
    FAR_AFTER,
    FAR_BEFORE,
    HEADED_AFTER,
    HEADED_REACH,
    SURE,
    SURE_BEFORE,
    _comment_stamp,
    _stamped,
    article_blocks,
    outside_the_article,
)
from cleaner.extract.classify import _LOG_WORDS, _TITLED, block_model, candidates, classify_blocks
from cleaner.shared.phrases import opening
from cleaner.shared.stamps import CLOCK_OR_DATE

from .conftest import SAMPLES


def _candidates(page_id: str) -> tuple[list, np.ndarray, str]:
    """A sample page's candidate blocks, their feature rows and the page's guessed type."""
    doc = Pipeline().prepare((SAMPLES / "html" / f"{page_id}.html").read_bytes())
    assert doc is not None
    cands, rows = candidates(doc)
    return cands, rows, doc.metadata.page_type


def _page(page_id: str) -> tuple[list, np.ndarray, np.ndarray, str]:
    """A sample page's candidates, their model scores and word counts, and the page's guessed type."""
    cands, rows, page_type = _candidates(page_id)
    model = block_model()
    assert model is not None
    return cands, model.probabilities(cands, rows), np.rint(np.expm1(rows[:, _LOG_WORDS])), page_type


def test_a_teaser_rail_kept_after_the_article_is_dropped_and_the_article_stays() -> None:
    cands, scores, words, page_type = _page("0401")  # Newsweek: the article, then "Recommended For You", "Top Stories"
    assert page_type == "article"
    texts = [c.text for c in cands]
    first = next(i for i, t in enumerate(texts) if t.startswith("The best film of 2025 has been revealed"))
    last = next(i for i, t in enumerate(texts) if t.startswith("Filmmaker Rungano Nyoni employed"))
    rail = next(i for i, t in enumerate(texts) if t == "Recommended For You")
    keep = np.zeros(len(cands), dtype=bool)
    keep[first:] = True  # as if the model had kept everything from the article's first paragraph on
    scores = np.where(keep, np.minimum(scores, 0.6), scores)  # and were unsure of all of it
    drop = outside_the_article(cands, scores, keep, words, page_type)
    assert not drop[first : last + 1].any()  # the article's paragraphs and its ranked list stay
    teasers = [i for i, t in enumerate(texts) if i > rail and t.startswith(("Trump Blasts", "Elise Stefanik"))]
    assert teasers and drop[teasers].all()
    assert not outside_the_article(cands, scores, keep, words, page_type, "recall").any()  # recall: the gate is off


def test_where_a_sure_core_is_short_beside_what_was_kept_only_blocks_of_links_go() -> None:
    cands, scores, words, page_type = _page("0401")  # Newsweek, cut down to a short story amid menus and rails
    texts = [c.text for c in cands]
    first = next(i for i, t in enumerate(texts) if t.startswith("The best film of 2025 has been revealed"))
    story = [first, first + 1]
    outside = [i for i in range(len(cands)) if i < first - FAR_BEFORE or i > story[-1] + FAR_AFTER]
    links = [i for i in outside if cands[i].link_density >= 0.5]
    prose = [i for i in outside if cands[i].link_density == 0 and words[i] >= 8 and cands[i].path != cands[first].path]
    above = [i for i in links if i < first]
    assert words[above].sum() > words[story].sum() and prose
    keep = np.zeros(len(cands), dtype=bool)
    keep[[*story, *links, *prose]] = True  # the menus above outweigh the story: it does not look like an article
    scores = np.where(keep, 0.6, scores)
    scores[story] = 0.95  # but the model is sure of the story
    drop = outside_the_article(cands, scores, keep, words, page_type)
    assert drop[links].all() and not drop[story].any() and not drop[prose].any()
    scores[story] = 0.8  # unsure of the story too: nothing goes
    assert not outside_the_article(cands, scores, keep, words, page_type)[links].any()


def test_nothing_is_dropped_on_a_listing_or_where_the_model_is_sure() -> None:
    cands, scores, words, _ = _page("2967")  # Al Jazeera's economy listing: its teaser list is the content
    keep = np.ones(len(cands), dtype=bool)
    assert not outside_the_article(cands, scores, keep, words, "listing").any()
    cands, scores, words, page_type = _page("0401")
    keep = np.ones(len(cands), dtype=bool)
    sure = np.full(len(cands), max(SURE["balanced"], 0.95))
    assert not outside_the_article(cands, sure, keep, words, page_type).any()


def test_a_teaser_list_kept_far_above_the_article_is_dropped_unless_the_model_is_sure() -> None:
    cands, scores, words, page_type = _page("0401")
    texts = [c.text for c in cands]
    first = next(i for i, t in enumerate(texts) if t.startswith("The best film of 2025 has been revealed"))
    assert first > FAR_BEFORE + 5
    keep = np.ones(len(cands), dtype=bool)  # as if the model had kept the whole page, menus and all
    unsure = np.minimum(scores, SURE_BEFORE["balanced"] - 0.1)
    drop = outside_the_article(cands, unsure, keep, words, page_type)
    assert drop[: first - FAR_BEFORE].all()  # far above the article: gone
    headline = texts.index("The Best Film of 2025, According to Rotten Tomatoes")
    assert first - FAR_BEFORE < headline
    assert not drop[headline : first + 1].any()  # the headline, byline and lead within reach stay
    sure = np.full(len(cands), SURE["balanced"])
    assert not outside_the_article(cands, sure, keep, words, page_type)[:first].any()


def test_a_comment_thread_after_the_article_goes_whole_even_where_the_model_is_sure() -> None:
    cands, scores, words, page_type = _page("4622")  # a blog post, then "4 comments": name, date line, post, four times
    assert page_type == "article"
    texts = [c.text for c in cands]
    first = next(i for i, t in enumerate(texts) if t.startswith("If there’s anything we know"))
    last = next(i for i, t in enumerate(texts) if t.startswith("As you write, keep in mind"))
    posts = [i for i, t in enumerate(texts) if t.startswith(("Very insightful", "I am so touched", "So happy to see"))]
    stamps = [i for i, t in enumerate(texts) if t in ("August 1, 2020 at 3:45 am", "November 13, 2020 at 1:09 am")]
    keep = np.zeros(len(cands), dtype=bool)
    keep[first:] = True  # as if the model had kept everything from the article's first paragraph on
    sure = np.where(keep, np.maximum(scores, 0.95), scores)  # and were sure of all of it
    drop = outside_the_article(cands, sure, keep, words, page_type)
    assert not drop[first : last + 1].any()
    assert len(posts) == 3 and drop[posts].all() and drop[stamps].all()
    assert not outside_the_article(cands, sure, keep, words, page_type, "recall").any()
    short = words.copy()
    short[first : last + 1] = np.minimum(short[first : last + 1], 10)  # as if the post were short, its thread longer
    drop = outside_the_article(cands, sure, keep, short, page_type)
    assert not drop[first : last + 1].any() and drop[posts].all()  # no article-like core, yet the thread goes


def test_a_thread_whose_heads_carry_a_relative_time_goes_too() -> None:
    """Comment systems that print '4 years ago' over each post in place of a date head a thread all the same."""
    cands, scores, words, page_type = _page("4622")
    texts = [c.text for c in cands]
    first = next(i for i, t in enumerate(texts) if t.startswith("If there’s anything we know"))
    posts = [i for i, t in enumerate(texts) if t.startswith(("Very insightful", "I am so touched", "So happy to see"))]
    stamps = [i for i, t in enumerate(texts) if re.fullmatch(r"\w+ \d{1,2}, 2020 at \d{1,2}:\d{2} am", t)]
    for i in stamps:  # each comment's "August 1, 2020 at 3:45 am"
        cands[i].text = "4 years ago"
    keep = np.zeros(len(cands), dtype=bool)
    keep[first:] = True
    sure = np.where(keep, np.maximum(scores, 0.95), scores)
    drop = outside_the_article(cands, sure, keep, words, page_type)
    assert len(stamps) == 4 and len(posts) == 3 and drop[posts].all() and not drop[first]


def test_a_comment_thread_goes_under_a_post_whose_core_is_one_block() -> None:
    cands, scores, words, page_type = _page("4622")
    texts = [c.text for c in cands]
    first = next(i for i, t in enumerate(texts) if t.startswith("If there’s anything we know"))
    last = next(i for i, t in enumerate(texts) if t.startswith("As you write, keep in mind"))
    posts = [i for i, t in enumerate(texts) if t.startswith(("Very insightful", "I am so touched", "So happy to see"))]
    keep = np.zeros(len(cands), dtype=bool)
    keep[first] = keep[last + 1 :] = True  # as if the model had kept one paragraph of the post (a quoted passage)
    long = words.copy()
    long[first] = 300  # which outweighs every comment, so it is the article's core on its own
    sure = np.where(keep, np.maximum(scores, 0.95), scores)  # and were sure of the comments
    drop = outside_the_article(cands, sure, keep, long, page_type)
    assert not drop[first] and len(posts) == 3 and drop[posts].all()


def test_a_thread_that_outweighs_a_short_post_goes_where_the_model_is_unsure_of_it() -> None:
    """A short post whose comments outweigh it: the thread is the page's core, and it goes, from its first head on,
    unless the model is sure of it. The heads carry a day, a month and a two-digit year ('01 Aug 20')."""
    cands, scores, words, page_type = _page("4622")
    texts = [c.text for c in cands]
    post = [i for i, t in enumerate(texts) if t.startswith(("For the full essay", "As you write, keep in mind"))]
    for i in (i for i, t in enumerate(texts) if t == "4 comments"):  # the post's count and the thread's heading
        cands[i].text = "What readers wrote"  # no comments heading, no end marker: the thread itself must tell
    heads = [i for i, t in enumerate(texts) if t.endswith(" says:")]
    stamps = [i for i, t in enumerate(texts) if re.fullmatch(r"\w+ \d{1,2}, 2020 at \d{1,2}:\d{2} am", t)]
    for i in stamps:
        cands[i].text = "01 Aug 20"
    bodies = [i for i in range(heads[0], stamps[-1] + 3) if i not in heads and i not in stamps]
    keep = np.zeros(len(cands), dtype=bool)
    keep[post] = keep[heads[0] : stamps[-1] + 3] = True  # the post's last two paragraphs and the whole thread
    long = words.copy()
    long[bodies] = 60  # each comment longer than the post's paragraphs: the thread is the core
    unsure = np.where(keep, 0.6, scores)
    kept = article_blocks(cands, unsure, keep, long, page_type)
    assert len(stamps) == 4 and kept[post].all() and not kept[stamps[0] :].any()  # the first name line may stay
    sure = np.where(keep, 0.95, scores)
    assert (article_blocks(cands, sure, keep, long, page_type) == keep).all()


def test_comments_in_elements_like_the_articles_end_it_at_their_heading() -> None:
    cands, scores, words, page_type = _page("4622")
    texts = [c.text for c in cands]
    first = next(i for i, t in enumerate(texts) if t.startswith("If there’s anything we know"))
    heading = texts.index("4 comments", first)
    posts = [i for i, t in enumerate(texts) if t.startswith(("Very insightful", "I am so touched", "So happy to see"))]
    for i in range(heading + 1, len(cands)):
        if cands[i].path == cands[posts[0]].path:  # each post a paragraph in the same elements as the article's
            cands[i].path = cands[first].path
    keep = np.zeros(len(cands), dtype=bool)
    keep[first : posts[-1] + 1] = True
    sure = np.where(keep, np.maximum(scores, 0.95), scores)
    drop = outside_the_article(cands, sure, keep, words, page_type)
    assert cands[heading].kind is Kind.HEADING and not drop[first:heading].any() and drop[posts].all()


def test_dated_items_with_titles_are_not_a_comment_thread() -> None:
    cands, scores, words, page_type = _page("4622")
    texts = [c.text for c in cands]
    first = next(i for i, t in enumerate(texts) if t.startswith("If there’s anything we know"))
    heads = [i for i, c in enumerate(cands) if c.text.endswith(" says:")]
    for i in heads:  # each comment under a title of its own: a listing of dated items, which stays
        cands[i].kind = Kind.HEADING
    keep = np.zeros(len(cands), dtype=bool)
    keep[first:] = True
    sure = np.where(keep, np.maximum(scores, 0.95), scores)
    posts = [i for i, t in enumerate(texts) if t.startswith(("Very insightful", "I am so touched"))]
    assert not outside_the_article(cands, sure, keep, words, page_type)[posts].any()


def test_a_short_post_the_model_dropped_takes_the_place_of_the_comments_it_kept() -> None:
    cands, scores, words, page_type = _page("4622")  # "Tips & Tricks for Illinois" (h3), two paragraphs, "4 comments"
    texts = [c.text for c in cands]
    title = max(i for i, t in enumerate(texts) if t == "Tips & Tricks for Illinois")
    post = [i for i, t in enumerate(texts) if t.startswith(("For the full essay", "As you write, keep in mind"))]
    thread = [i for i in range(len(cands)) if texts[i].endswith(" says:") or texts[i].startswith("Very insightful")]
    keep = np.zeros(len(cands), dtype=bool)
    keep[thread[0] : thread[-1] + 1] = True  # as if the model had kept the comments and dropped the post above them
    sure = np.where(keep, np.maximum(scores, 0.7), scores)
    kept = article_blocks(cands, sure, keep, words, page_type)
    assert kept[[title, *post]].all() and not kept[thread[0] :].any()
    assert (article_blocks(cands, sure, keep, words, "listing") == keep).all()  # a listing's dated items stay
    assert (article_blocks(cands, sure, keep, words, page_type, "recall") == keep).all()  # recall: the gate is off


def test_a_short_post_under_its_headline_takes_the_place_of_a_sidebar_the_model_kept_above_it() -> None:
    cands, rows, _ = _candidates("0174")  # Hechinger Report: the site's tagline, then the headline
    words, titled = np.rint(np.expm1(rows[:, _LOG_WORDS])), rows[:, _TITLED]
    texts = [c.text for c in cands]
    tagline = texts.index("Covering Innovation & Inequality in Education")
    headline = next(i for i, t in enumerate(texts) if t.startswith("Tutoring was supposed to save American kids"))
    first = next(i for i, t in enumerate(texts) if t.startswith("Rigorous research rarely shows"))
    last = next(i for i, t in enumerate(texts) if t.startswith("Instead of tutoring for the masses"))
    assert tagline < headline < first < last
    keep = np.zeros(len(cands), dtype=bool)
    keep[tagline] = True  # as if the model had taken the site's tagline for the article
    scores = np.full(len(cands), 0.05)
    scores[tagline] = 0.7
    scores[headline + 1 : last + 1] = 0.3  # and dropped the post under the headline, unsure of it
    kept = article_blocks(cands, scores, keep, words, "article", titled=titled)
    end = texts.index("Related: Tutoring may not significantly improve attendance")  # a short "Related" line: an end
    prose = [i for i in range(first, end) if cands[i].link_density < 0.5]  # a long "Related: …" link is no post
    assert kept[headline] and kept[prose].all() and not kept[tagline] and not kept[end:].any()
    assert (article_blocks(cands, scores, keep, words, "article") == keep).all()  # no title given: no headline
    assert (article_blocks(cands, scores, keep, words, "listing", titled=titled) == keep).all()
    scores[tagline] = 0.95  # the model sure of what it kept: it stays, and nothing comes back
    assert (article_blocks(cands, scores, keep, words, "article", titled=titled) == keep).all()


def test_what_was_kept_above_the_headline_goes_however_much_it_weighs_beside_the_story_under_it() -> None:
    cands, rows, page_type = _candidates("0153")  # Restaurant Business: a ticker of other stories, then the headline
    words, titled = np.rint(np.expm1(rows[:, _LOG_WORDS])), rows[:, _TITLED]
    texts = [c.text for c in cands]
    headline = texts.index("Paris Baguette wants to be America's neighborhood bakery")
    first = texts.index("For many restaurant chains, 2025 was a year focused on reversing negative sales growth.")
    ticker = [i for i in range(headline) if cands[i].kind is Kind.LIST_ITEM and words[i] >= 5]
    story = [first, first + 1]
    assert 0 < first - headline <= HEADED_REACH and words[ticker].sum() > words[story].sum()
    keep = np.zeros(len(cands), dtype=bool)
    keep[[*ticker, *story]] = True  # the kept text does not look like an article: the ticker outweighs the story
    scores = np.where(keep, 0.6, 0.05)
    scores[story] = 0.8  # and the model is unsure of the story: without the headline, nothing goes
    assert (article_blocks(cands, scores, keep, words, page_type) == keep).all()
    kept = article_blocks(cands, scores, keep, words, page_type, titled=titled)
    above = [i for i in ticker if i < headline - ABOVE_HEADLINE]  # right above it may be a kicker or a date
    assert above and not kept[above].any() and kept[story].all()
    assert (article_blocks(cands, scores, keep, words, page_type, "recall", titled) == keep).all()
    cands[first] = copy.copy(cands[first])
    cands[first].kind, cands[first].level = Kind.HEADING, 4  # a core that opens with a heading: price cards, no story
    assert (article_blocks(cands, scores, keep, words, page_type, titled=titled) == keep).all()


def test_under_the_headline_what_lies_a_few_blocks_past_the_article_goes_unless_the_model_is_sure() -> None:
    cands, rows, page_type = _candidates("0153")  # Restaurant Business: the story, the author's bio, "Multimedia"
    words, titled = np.rint(np.expm1(rows[:, _LOG_WORDS])), rows[:, _TITLED]
    texts = [c.text for c in cands]
    first = texts.index("For many restaurant chains, 2025 was a year focused on reversing negative sales growth.")
    last = next(i for i, t in enumerate(texts) if t.startswith("“It’s a unique model."))
    bio, far = last + 1, list(range(last + HEADED_AFTER + 1, last + FAR_AFTER))
    assert texts[bio].startswith("Lisa Jennings is a veteran") and texts[last + 3] == "Multimedia"
    keep = np.zeros(len(cands), dtype=bool)
    keep[[*range(first, last + 1), bio, *far]] = True  # as if the model had kept the bio and the multimedia rail
    scores = np.where(keep, 0.6, 0.05)
    scores[first : last + 1] = 0.99
    assert (article_blocks(cands, scores, keep, words, page_type) == keep).all()  # no headline: all within reach
    kept = article_blocks(cands, scores, keep, words, page_type, titled=titled)
    assert kept[first : last + 1].all() and kept[bio] and not kept[far].any()
    scores[far] = SURE["balanced"]  # the model sure of them: they stay
    assert article_blocks(cands, scores, keep, words, page_type, titled=titled)[far].all()


def test_a_site_name_heading_in_the_title_above_the_sidebar_is_not_taken_for_the_headline() -> None:
    cands, rows, _ = _candidates("0174")  # Hechinger Report: the site's name and tagline, then the headline
    words, titled = np.rint(np.expm1(rows[:, _LOG_WORDS])), rows[:, _TITLED].copy()
    texts = [c.text for c in cands]
    site, tagline = texts.index("The Hechinger Report"), texts.index("Covering Innovation & Inequality in Education")
    headline = next(i for i, t in enumerate(texts) if t.startswith("Tutoring was supposed to save American kids"))
    last = next(i for i, t in enumerate(texts) if t.startswith("Instead of tutoring for the masses"))
    cands[site] = copy.copy(cands[site])
    cands[site].kind, cands[site].level = Kind.HEADING, 1  # as a blog's name in an h1 ...
    titled[site] = 1.0  # ... on a page titled 'The Hechinger Report: Tutoring was supposed to ...'
    keep = np.zeros(len(cands), dtype=bool)
    keep[tagline] = True  # the model took the tagline for the article, below the site's name
    scores = np.full(len(cands), 0.05)
    scores[tagline] = 0.7
    scores[headline + 1 : last + 1] = 0.3
    kept = article_blocks(cands, scores, keep, words, "article", titled=titled)
    assert site < tagline < headline and kept[headline] and not kept[tagline]


def test_a_paragraph_above_a_related_line_does_not_take_the_place_of_an_article_the_model_is_surer_of() -> None:
    cands, scores, words, page_type = _page("4064")  # PCMag: the intro, "Related:", then the picks and the guide
    texts = [c.text for c in cands]
    intro = next(i for i, t in enumerate(texts) if t.startswith("Vertical mice, trackballs, unusual sculpts"))
    related = texts.index("Related:")
    pros = next(i for i, t in enumerate(texts) if t.startswith("New gesture button and Action Ring"))
    assert page_type == "article" and intro < related < pros
    keep = np.zeros(len(cands), dtype=bool)
    keep[intro] = keep[related + 1 :] = True  # as if the model had kept the intro and all that follows "Related:"
    scores = np.where(keep, np.minimum(scores, 0.85), scores)  # unsure of the intro and the picks' lines
    body = next(i for i, t in enumerate(texts) if t.startswith("Easily one of the best mice on the market"))
    scores[body] = 0.99  # and sure of the picks' paragraphs: the article is theirs
    assert article_blocks(cands, scores, keep, words, page_type)[[intro, pros, body]].all()
    scores[intro], scores[body] = 0.99, 0.6  # sure of the intro alone: a post above its "Related" links
    assert not article_blocks(cands, scores, keep, words, page_type)[pros]


def test_a_thread_not_nested_in_comment_elements_is_not_taken_for_comments() -> None:
    cands, scores, words, page_type = _page("4622")
    texts = [c.text for c in cands]
    thread = [i for i in range(len(cands)) if texts[i].endswith(" says:") or texts[i].startswith("Very insightful")]
    for c in cands[thread[0] :]:  # the same blocks, in no more comment-named elements than the post
        c.signals = cands[0].signals
    keep = np.zeros(len(cands), dtype=bool)
    keep[thread[0] : thread[-1] + 1] = True
    sure = np.where(keep, np.maximum(scores, 0.7), scores)
    kept = article_blocks(cands, sure, keep, words, page_type)
    assert kept[thread[0] : thread[-1] + 1].any()


def test_a_list_of_other_stories_with_their_dates_goes_whole_even_where_the_model_is_sure() -> None:
    cands, _, words, page_type = _page("0221")  # STAT: the article, then "Biotech December 19, 2025", headline, byline
    texts = [c.text for c in cands]
    first = next(i for i, t in enumerate(texts) if t.startswith("Experts say the growth of Lilly"))
    stamps = [i for i, t in enumerate(texts) if t.endswith("December 19, 2025")]
    assert len(stamps) == 5
    headlines = [i for i, t in enumerate(texts) if t.startswith("STAT Plus: Cytokinetics")]
    bylines = [i for i, t in enumerate(texts) if i > stamps[0] and t in ("By Adam Feuerstein", "By Jason Mast")][:2]
    keep = np.ones(len(cands), dtype=bool)
    sure = np.full(len(cands), 0.95)  # as if the model had kept the whole page and were sure of all of it
    drop = outside_the_article(cands, sure, keep, words, page_type)
    assert drop[stamps].all()  # each story's date line, its headline and its byline go
    assert headlines and drop[headlines].all() and len(bylines) == 2 and drop[bylines].all()
    assert not drop[first]
    unlinked = copy.deepcopy(cands)
    for c in unlinked:  # the same dated lines without links to other pages (dated offers, testimonials) stay
        c.link_chars = 0
    assert not outside_the_article(unlinked, sure, keep, words, page_type)[stamps].any()
    assert not outside_the_article(cands, sure, keep, words, "listing").any()  # a listing's dated stories stay


def test_lists_of_links_go_where_the_kept_text_is_an_article_unless_the_model_is_sure() -> None:
    cands, _, words, page_type = _page("0458")  # Mises: menus of one-word links above the article
    texts = [c.text for c in cands]
    first = next(i for i, t in enumerate(texts) if t.startswith("One of the dominant superstitions of our time"))
    menu = [i for i, t in enumerate(texts) if t in ("Library", "Podcasts", "Academy") and i < first]
    keep = np.ones(len(cands), dtype=bool)  # as if the model had kept the whole page
    unsure = np.full(len(cands), (SURE["balanced"] + SURE_BEFORE["balanced"]) / 2)  # too sure for the far-above gate
    drop = outside_the_article(cands, unsure, keep, words, page_type)
    assert len(menu) == 6 and drop[menu].all() and not drop[first : first + 10].any()
    sure = np.full(len(cands), SURE["balanced"])
    assert not outside_the_article(cands, sure, keep, words, page_type)[menu].any()
    light = words.copy()
    light[first:] = np.minimum(light[first:], 16)  # an article lighter than the link lists around it: they stay
    assert not outside_the_article(cands, unsure, keep, light, page_type)[menu].any()


@pytest.mark.parametrize(
    ("head", "stamped"),
    [
        ("Jermaine 07 Nov 12", True),  # day, month, two-digit year
        ("Radex - 7 November, '12", True),
        ("Anna 3. März 14", True),
        ("Pierre 12 décembre 19", True),
        ("Ольга 5 мая 21", True),
        ("4 stars 15 reviews", False),  # no month
        ("12 May Street", False),
    ],
)
def test_comment_heads_carry_a_day_a_month_and_a_two_digit_year(head: str, stamped: bool) -> None:
    """In HTML (`_comment_stamp`) and in text dumps (`CLOCK_OR_DATE`, `text.line_zone`) alike."""
    assert _comment_stamp(head) is stamped
    assert (CLOCK_OR_DATE.search(head) is not None) is stamped


@pytest.mark.parametrize(
    ("line", "stamped"),
    [
        ("Top story 32m ago", True),
        ("Markets slide again 2 hours ago", True),
        ("Neue Zahlen zur Inflation vor 3 Stunden", True),
        ("Les marchés reculent il y a 5 heures", True),
        ("La bolsa cae hace 2 horas", True),
        ("Jo Parker · 3 years ago", True),  # a comment system's head
        ("Anna Berg vor 2 Jahren", True),
        ("Luis hace un año", True),
        ("• Michigan votes in tight GOP race 1/15/2008, 10:23 a.m. EST", True),
        ("Rovers Fans Know Their Players (Saturday January 12 2008)", True),
        ("The Godfather (1972)", False),  # a bare year: a film's, a book's
        ("43:13", False),  # a video's length alone
    ],
)
def test_teaser_lines_carry_a_date_or_a_time_in_each_language(line: str, stamped: bool) -> None:
    assert _stamped(line) is stamped


@pytest.mark.parametrize(
    ("heading", "is_comments"),
    [
        ("57 Comments", True),
        ("40 Responses to “Taurus Judge”", True),
        ("Leave a Reply", True),
        ("12 thoughts on “Pure Space Shuttle Porn”", True),
        ("One Comment", True),
        ("One Response to “Paris Meetup and Upcoming Events”", True),
        ("One thought on “Pure Space Shuttle Porn”", True),
        ("One of the first responses came from Paris", False),
        ("3 Kommentare", True),
        ("Schreibe einen Kommentar", True),
        ("4 commentaires", True),
        ("Laisser un commentaire", True),
        ("1 Kommentar", True),
        ("Ein Kommentar zu „Die Bahn fährt wieder“", True),
        ("Une réponse à « Le retour du train »", True),
        ("12 réactions", True),
        ("Kommentar: Die Regierung muss jetzt handeln", False),  # an op-ed's label
        ("Commento: la manovra non basta", False),
        ("5 comentarios", True),
        ("Deja un comentario", True),
        ("12件のコメント", True),
        ("网友评论", True),
        ("Have your say", True),  # news sites' comment boxes in their own words
        ("Join the discussion", True),
        ("Reader Comments (3)", True),
        ("Leave a Response", True),
        ("Discussion about this post", True),
        ("Leserkommentare", True),
        ("Diskutieren Sie mit", True),
        ("Vos réactions", True),
        # a count of replies, or the word alone, heads comments; answers to questions do not
        ("12 Antworten", True),
        ("Antworten", True),
        ("Antworten auf die wichtigsten Fragen", False),
        ("Réponses aux questions fréquentes", False),
        ("3 réponses", True),
        ("Respuestas a las preguntas frecuentes", False),
        ("Risposte alle domande più frequenti", False),
        ("Antwoorden op veelgestelde vragen", False),
        ("Respostas às perguntas mais frequentes", False),
        ("4 respostas", True),
        ("The discussion about tax cuts", False),
        ("Join the club", False),
        ("Reader's guide to the election", False),
        ("Related stories", False),  # ends the article too, but is no comment thread
        ("Subscribe to the newsletter", False),
    ],
)
def test_comments_headings_are_known_in_each_language(heading: str, is_comments: bool) -> None:
    assert bool(opening(("comments_heading",), lowered=True).match(heading.lower())) is is_comments


def _bike_guide(declared: bool) -> bytes:
    """A French guide whose second section opens 'Comment entretenir la batterie' ('How to look after the battery'),
    with or without `lang="fr"` on its <html>."""
    para = (
        "<p>{} La batterie est la pièce la plus chère du vélo, et sa durée de vie dépend surtout de la façon dont on la"
        " charge.</p>"
    )
    story = "".join(para.format(f"Point {i}.") for i in range(4))
    more = "".join(para.format(f"Conseil {i}.") for i in range(2))
    lang = ' lang="fr"' if declared else ""
    return (
        f'<html{lang}><body><h1>Vélo électrique : le guide</h1><div class="story">'
        f'{story}</div><h2>Comment entretenir la batterie</h2><div class="more">{more}</div></body></html>'
    ).encode()


def test_an_ordinary_word_of_the_page_language_opens_no_end_marker() -> None:
    """'Comment entretenir la batterie' is 'How to look after the battery': on a page in French it ends nothing
    (`ordinary_opener` in phrases/fr.json), while on a page of no known language it reads as a comments heading."""
    doc = Pipeline().prepare(_bike_guide(declared=True))
    assert doc is not None and doc.metadata.language == "fr"
    cands, rows = candidates(doc)
    scores, keep = np.full(len(cands), 0.8), np.ones(len(cands), dtype=bool)  # kept, and not sure enough to stay
    words = np.rint(np.expm1(rows[:, _LOG_WORDS]))
    tips = [i for i, c in enumerate(cands) if c.text.startswith("Conseil")]
    assert outside_the_article(cands, scores, keep, words, "article")[tips].all()
    assert not outside_the_article(cands, scores, keep, words, "article", language="fr")[tips].any()


def test_a_page_that_declares_no_language_is_read_in_the_language_of_its_kept_text() -> None:
    """Older pages often declare no language (three in four of l3s-gn1's): the extractor guesses it from the text the
    model kept before the article zone runs, whose end markers depend on it."""
    doc = Pipeline().prepare(_bike_guide(declared=False))
    assert doc is not None and doc.metadata.language is None
    assert any(b.text.startswith("Conseil") for b in classify_blocks(doc) or [])
    assert doc.metadata.language == "fr"
