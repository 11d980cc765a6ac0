"""The line classifier of text mode: its features, the shipped model, and the boilerplate filter using it."""

from __future__ import annotations

import re

import numpy as np
import pytest

import cleaner.text.line_model as shipped
from cleaner import Pipeline, clean_article
from cleaner.blocks import Block, Kind
from cleaner.filters.boilerplate import BoilerplateFilter
from cleaner.shared.keep import expected_f1_keep
from cleaner.shared.phrases import opening
from cleaner.shared.stamps import CLOCK_OR_DATE, STAMP
from cleaner.text import line_features, line_zone, text_to_blocks
from cleaner.text.line_features import (
    _dense_stretch,
    _line_types,
    _prose_runs,
    _run_lengths,
    _sentences,
    _shift,
    _window_mean,
    feature_names,
    keep_lines,
    lexicon_columns,
    word_counts,
    word_set,
)
from cleaner.text.line_model import line_lexicon, line_model

from .conftest import SAMPLES

MENU = ("Budget & Finance", "Every Student Succeeds Act", "Search for Jobs")
ARTICLE = "The prescription was everywhere as the full extent of academic damage"


def _dump() -> str:
    return (SAMPLES / "text" / "0279.txt").read_text("utf-8")


def test_the_shipped_model_loads_and_matches_the_features() -> None:
    assert line_model() is not None  # None also when the file was built for other features
    assert shipped.MODEL_PATH.stat().st_size < 2_000_000
    assert shipped.LEXICON_PATH.stat().st_size < 500_000


def test_the_lexicon_knows_shop_and_site_words_as_boilerplate() -> None:
    lexicon = line_lexicon()
    assert len(lexicon) > 1000 and all(np.isfinite(v) for v in lexicon.values())
    assert all(lexicon[w] < -1 for w in ("cookies", "unsubscribe", "wishlist"))
    assert sum(v > 0 for v in lexicon.values()) > len(lexicon) / 4  # content words too, not only a stop list


def test_lexicon_columns_are_exact() -> None:
    lexicon = {"cart": -2.0, "study": 1.0, "found": 0.5}
    sets = [word_set("Add to cart"), word_set("The study found 3 things"), word_set("2024")]
    columns = lexicon_columns(sets, lexicon)
    assert sets[1] == {"the", "study", "found", "things"}
    assert columns[:, :4].tolist() == [[-2.0, -2.0, -2.0, 1 / 3], [0.75, 0.5, 1.0, 0.5], [0.0, 0.0, 0.0, 0.0]]
    assert columns[:, 4].tolist() == [0.0, -2.0, 0.75] and columns[:, 5].tolist() == [0.75, 0.0, 0.0]


def test_without_its_lexicon_the_model_is_not_used(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(shipped, "LEXICON_PATH", tmp_path / "missing.json")
    line_model.cache_clear()
    line_lexicon.cache_clear()
    try:
        assert line_lexicon() == {} and line_model() is None
    finally:
        line_model.cache_clear()
        line_lexicon.cache_clear()


def test_feature_rows_are_finite_one_per_block() -> None:
    blocks = [
        Block("Home"),
        Block("News", Kind.LIST_ITEM, 1),
        Block("A long sentence of the article. " * 8),
        Block("© 2025 Example"),
    ]
    rows = BoilerplateFilter().line_rows(blocks, "en")
    assert rows.shape == (4, len(feature_names())) and np.isfinite(rows).all()
    assert BoilerplateFilter().line_rows([], None).shape == (0, len(feature_names()))


def test_window_means_and_short_runs_are_exact() -> None:
    values = np.array([[1.0], [2.0], [3.0], [4.0]])
    assert _window_mean(values, 2, before=True)[:, 0].tolist() == [0.0, 0.5, 1.5, 2.5]
    assert _window_mean(values, 2, before=False)[:, 0].tolist() == [2.5, 3.5, 2.0, 0.0]
    assert _run_lengths(np.array([1.0, 1.0, 0.0, 1.0])).tolist() == [2.0, 2.0, 0.0, 1.0]


def test_lines_broken_mid_sentence_are_read_as_one_sentence() -> None:
    blocks = [
        Block("Home"),
        Block("The study by"),
        Block("researchers at the lab"),
        Block(", found it."),
        Block("Menu"),
    ]
    words = np.array([1.0, 3.0, 4.0, 3.0, 1.0])
    stop = np.array([0.0, 2 / 3, 0.5, 1 / 3, 0.0])
    terminal = np.array([0.0, 0.0, 0.0, 1.0, 0.0])
    rows = _sentences(blocks, words, stop, terminal)
    assert rows[:, 0].tolist() == [0.0, 0.0, 1.0, 1.0, 0.0]
    assert np.allclose(rows[:, 1], np.log1p([1.0, 10.0, 10.0, 10.0, 1.0]))
    assert np.allclose(rows[1:4, 2], 0.5) and np.allclose(rows[:, 3], np.log([1, 3, 3, 3, 1]))


def test_prose_runs_find_the_article() -> None:
    words = np.array([2.0, 30.0, 5.0, 30.0, 100.0, 20.0])
    prose = np.array([0.0, 1.0, 0.0, 1.0, 0.0, 1.0])
    rows = _prose_runs(words, prose)
    assert np.allclose(rows[:, 0], np.log1p([188.0, 188.0, 0.0, 5.0, 0.0, 100.0]))
    assert rows[:, 2].tolist() == [0.0, 1.0, 1.0, 1.0, 0.0, 0.0]  # the run of 60 prose words, not the lone 20
    assert np.allclose(rows[:, 3], [-1 / 6, 0.0, 0.0, 0.0, 1 / 6, 2 / 6]) and np.allclose(rows[:, 4], 0.75)


def test_the_densest_stretch_of_prose_is_found() -> None:
    words = np.array([10.0, 40.0, 4.0, 30.0, 50.0, 20.0])
    prose = np.array([0.0, 1.0, 0.0, 1.0, 0.0, 1.0])
    rows = _dense_stretch(words, prose)
    assert rows[:, 2].tolist() == [0.0, 1.0, 1.0, 1.0, 0.0, 0.0]  # 70 prose words less 2 other: better than 1 + 45
    assert np.allclose(rows[:, 3], np.array([10.0, 0.0, 0.0, 0.0, 0.0, 50.0]) / 154)
    assert np.allclose(rows[:, 4], 70 / 90) and np.allclose(rows[1, 0], 70 / 134)
    assert _shift(np.array([[1.0], [2.0], [3.0]]), -2)[:, 0].tolist() == [0.0, 0.0, 1.0]
    assert _shift(np.array([[1.0], [2.0], [3.0]]), 2)[:, 0].tolist() == [3.0, 0.0, 0.0]


def test_line_types_see_prices_dates_echoes_and_repeated_shapes() -> None:
    texts = ["Blue Kettle", "$24.99", "Updated 12/03/2024", "Red Kettle", "€19", "Buy the Blue Kettle today."]
    words = np.array([2.0, 2.0, 4.0, 2.0, 1.0, 5.0])
    rows = _line_types(texts, words)
    assert rows[:, 0].tolist() == [0.0, 1.0, 0.0, 0.0, 1.0, 0.0] and rows[:, 1].tolist() == [0, 0, 1, 0, 0, 0]
    assert rows[:, 2].tolist() == [0.0, 1.0, 0.0, 0.0, 1.0, 0.0]  # no letters: prices, not "Updated 12/03/2024"
    assert np.isclose(rows[0, 3], np.log(2)) and rows[3, 3] == 0.0  # "blue kettle" is also in the last line
    assert np.allclose(rows[:, 7], np.log([2, 1, 1, 2, 1, 1]))  # a short name, then a price: twice


def test_past_the_scan_budget_echoes_are_whole_line_repeats(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Blue Kettle", "Blue Kettle", "Buy the Blue Kettle today."]
    words = np.array([2.0, 2.0, 5.0])
    assert np.isclose(_line_types(texts, words)[0, 3], np.log(3))  # in the page text three times
    monkeypatch.setattr(line_features, "ECHO_SCAN_BUDGET", 0)  # a dump too big to search line by line
    assert np.isclose(_line_types(texts, words)[0, 3], np.log(2))  # only its repeats as a whole line count


def test_expected_f1_keeps_the_likely_blocks_and_sets_the_cut_per_page() -> None:
    # keeping the top 1, 2, 3 blocks: expected F1 2*90/(100+124)=0.804, 2*120/(150+124)=0.876, 2*124/(160+124)=0.873
    keep = expected_f1_keep(np.array([0.6, 0.9, 0.4]), np.array([50.0, 100.0, 10.0]))
    assert keep.tolist() == [True, True, False]
    # the same probability is kept on a page where nothing stands out and dropped beside a likelier long block
    assert expected_f1_keep(np.array([0.3, 0.25, 0.3]), np.array([10.0, 10.0, 10.0])).tolist() == [True, True, True]
    assert expected_f1_keep(np.array([0.95, 0.3]), np.array([100.0, 10.0])).tolist() == [True, False]
    assert expected_f1_keep(np.array([0.0, 0.0]), np.array([0.0, 0.0])).tolist() == [True, False]  # one block stays
    assert expected_f1_keep(np.zeros(0), np.zeros(0)).tolist() == []
    assert word_counts([Block("Sign in"), Block("It's 3 p.m.")]).tolist() == [2.0, 5.0]


def test_markdown_headings_of_kept_text_stay() -> None:
    blocks = [
        Block("Menu", Kind.HEADING),
        Block("Intro", Kind.HEADING, 2),
        Block("Part one", Kind.HEADING, 3),
        Block("The body of the article, long enough to be kept. " * 4),
        Block("Share", Kind.HEADING, 2),
    ]
    keep = keep_lines(np.array([0.3, 0.1, 0.1, 0.9, 0.1]), blocks)
    assert keep.tolist() == [False, True, True, True, False]  # a guessed heading (level 0) is the model's alone


def test_the_model_strips_menus_and_records_why() -> None:
    article = clean_article(_dump(), format="text")
    for menu in MENU:
        assert menu not in article.text
    assert ARTICLE in article.text
    assert any(r.filter == "boilerplate" and r.reason.endswith("(line classifier)") for r in article.removed)


def test_without_a_model_the_rules_still_strip_menus(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(shipped, "MODEL_PATH", tmp_path / "missing.json")
    line_model.cache_clear()
    try:
        article = clean_article(_dump(), format="text")
    finally:
        line_model.cache_clear()
    assert all(menu not in article.text for menu in MENU) and ARTICLE in article.text
    assert all("line classifier" not in r.reason for r in article.removed if r.filter == "boilerplate")


def test_kept_lines_away_from_the_article_run_go_with_their_reason() -> None:
    text = (SAMPLES / "text" / "0174.txt").read_text(encoding="utf-8")  # a news dump whose "republish" box repeats
    article = clean_article(text, format="text")  # the article as HTML source under it
    zone = [r.text for r in article.removed if r.reason == "outside the article's run of lines"]
    assert any(t.startswith("<p>Some students gained an extra year") for t in zone)
    assert "Some students gained an extra year’s worth of learning" in article.text  # the article itself stays
    assert "<p>" not in article.text
    forum = clean_article(text, url="https://example.org/forum/threads/tutoring.123/", format="text")
    assert not any(r.reason == "outside the article's run of lines" for r in forum.removed)  # a forum's posts stay
    recall = Pipeline(favor="recall").clean(text, format="text")
    assert not any(r.reason == "outside the article's run of lines" for r in recall.removed)


def test_comments_heavier_than_a_short_post_are_not_taken_for_the_article() -> None:
    from bs4 import BeautifulSoup  # the naive dump bench.py makes: the page's strings, one per line

    soup = BeautifulSoup((SAMPLES / "html" / "4622.html").read_bytes(), "lxml")
    for element in soup(["script", "style", "noscript", "template"]):
        element.decompose()
    lines = [line.strip() for line in soup.get_text("\n").splitlines() if line.strip()]
    first = next(i for i, line in enumerate(lines) if line.startswith("If there’s anything we know"))
    last = next(i for i, line in enumerate(lines) if line.startswith("As you write, keep in mind"))
    short = lines[: first + 2] + lines[last + 1 :]  # as if the post were two paragraphs, its comments heavier
    heading = max(i for i, line in enumerate(short) if line == "4 comments")
    for line in ("4 comments", "4 Responses to “College Essays”"):
        short[heading] = line
        article = clean_article("\n".join(short), format="text")
        zone = [r.text for r in article.removed if r.reason == "outside the article's run of lines"]
        assert any(t.startswith("Very insightful") for t in zone) and any(t.startswith("I am so touched") for t in zone)
        assert article.text.startswith("If there’s anything we know") and line not in article.text


def test_a_comment_thread_without_a_comments_heading_ends_the_article() -> None:
    # a recipe post, then five reader comments (name, a line with the date and time, the comment, 'Reply') and no
    # '5 comments' heading: the stamped comment heads, each over a kept comment, end the article's run of lines
    text = (SAMPLES / "text" / "constructed-thread-en.txt").read_text("utf-8")
    article = clean_article(text, format="text")
    zone = [r.text for r in article.removed if r.reason == "outside the article's run of lines"]
    assert article.text.startswith("This soup is what I make") and "dark bread on the side." in article.text
    assert any(t.startswith("I made this last night") for t in zone) and "coconut milk" not in article.text
    # a post's own dated lines are no thread: the same comments without their time of day stay
    undated = "\n".join(line.split(" at ")[0] if line[:1].isdigit() else line for line in text.splitlines())
    assert "coconut milk" in clean_article(undated, format="text").text


def test_a_changelog_of_version_numbers_is_no_comment_thread() -> None:
    """A firmware story's changelog: each item a name with a version ('Gallery v9.5 (version 9.5.3.72)') over a line of
    prose. '5.3.72' inside '9.5.3.72' read as a numeric date, the items as a comment thread's stamped heads, and the
    text line zone ended the story at its changelog. A run of dotted numbers is no date (`shared.stamps`)."""
    text = (SAMPLES / "text" / "constructed-changelog-en.txt").read_text("utf-8")
    article = clean_article(text, format="text")
    assert "The mail client handles large attachments better" in article.text
    assert "check again in a few days" in article.text
    for version in ("9.5.3.72", "version 1.5.2.10", "2.9.176.2"):
        assert not CLOCK_OR_DATE.search(version) and not STAMP.search(version)
    for date in ("14.06.2015", "6/14/15", "14-06-2015", "posted 3.5.12"):
        assert CLOCK_OR_DATE.search(date)


def test_a_french_how_to_heading_ends_no_french_article() -> None:
    """'Comment choisir son vélo électrique' is 'How to choose an e-bike', not a comments heading: on a dump whose
    function words are French, a line opening with 'Comment' opens no end-of-article section (`ordinary_opener` in
    phrases/fr.json). The text line zone ended this guide at its first subheading."""
    text = (SAMPLES / "text" / "constructed-guide-fr.txt").read_text("utf-8")
    article = clean_article(text, format="text")
    assert article.language == "fr"  # guessed from the dump's function words
    assert "Comment choisir son vélo électrique" in article.text and "Comment entretenir la batterie" in article.text
    assert "cinq à sept ans" in article.text
    assert not [r.text for r in article.removed if r.reason == "outside the article's run of lines"]
    heading = text_to_blocks("Comment choisir son vélo électrique", markdown=False)[0]
    assert line_zone.is_comments_heading(heading) and not line_zone.is_comments_heading(heading, "fr")
    french_comments = text_to_blocks("12 commentaires", markdown=False)[0]
    assert line_zone.is_comments_heading(french_comments, "fr")  # French comments headings still are


def test_a_dump_names_the_language_its_function_words_are_in() -> None:
    assert clean_article((SAMPLES / "text" / "constructed-de.txt").read_text("utf-8"), format="text").language == "de"
    assert clean_article((SAMPLES / "text" / "constructed-es.txt").read_text("utf-8"), format="text").language == "es"
    assert clean_article((SAMPLES / "text" / "0174.txt").read_text("utf-8"), format="text").language == "en"
    assert clean_article("价格 ¥199\n库存 12\n发货 24小时内", format="text").language is None  # no list covers it


def _recipe_with_short_comments() -> tuple[list[str], int, int, list[str]]:
    """constructed-thread-en.txt without times on its dates: its lines, the post's first and last line, and the lines
    after the post with each comment cut to its first sentence or clause (a name, a date and a short comment)."""
    text = (SAMPLES / "text" / "constructed-thread-en.txt").read_text("utf-8")
    lines = [line.split(" at ")[0] if line[:1].isdigit() else line for line in text.splitlines()]
    first = next(i for i, line in enumerate(lines) if line.startswith("This soup is what I make"))
    last = next(i for i, line in enumerate(lines) if line.startswith("Serve it with"))
    comments = [re.split(r"[.?,] ", line)[0] + "." if len(line.split()) > 12 else line for line in lines[last + 1 :]]
    return lines, first, last, comments


@pytest.mark.parametrize(
    "heading", ["Have your say", "Join the discussion", "Reader Comments", "Leave a Response", "Leserkommentare"]
)
def test_a_comment_box_named_in_its_own_words_starts_the_comments(heading: str) -> None:
    """News sites head their comments 'Have your say' or 'Join the discussion' as often as '12 Comments' (phrase list
    `comments_heading`): under such a line the recipe's comments go, which stay without it (undated, they are no
    stamped thread)."""
    lines, _, last, _ = _recipe_with_short_comments()
    undated = "\n".join(lines)
    assert "coconut milk" in clean_article(undated, format="text").text
    headed = clean_article("\n".join([*lines[: last + 1], heading, *lines[last + 1 :]]), format="text")
    assert "dark bread on the side." in headed.text and "coconut milk" not in headed.text


def test_a_numbered_comments_heading_under_a_short_post_starts_the_comments() -> None:
    # a one-line post, then '5 Responses to “Squash Soup”' and five short comments (name, date, one sentence): the
    # post is too short to read like an article, yet the numbered heading under it starts the comments, which go
    lines, first, last, comments = _recipe_with_short_comments()
    post = "This soup is what I make when the first real cold arrives and the market is full of squash."
    short = [*lines[:first], post, "5 Responses to “Squash Soup”", *comments]
    article = clean_article("\n".join(short), format="text")
    zone = [r.text for r in article.removed if r.reason == "outside the article's run of lines"]
    assert article.text == post and any(t.startswith("We added a can of coconut milk") for t in zone)
    # the same heading as the comment count linked under a standfirst, above a whole article: the article stays
    counted = [*lines[:first], "One pot, forty minutes, and a bowl of gold.", "5 Responses to “Squash Soup”"]
    counted += lines[first:]
    assert "dark bread on the side." in clean_article("\n".join(counted), format="text").text
    # an unnumbered heading ('Response class' in a manual, 'Add a Comment' over an article) does not
    unnumbered = [*lines[:first], post, "Responses", *comments]
    assert "coconut milk" in clean_article("\n".join(unnumbered), format="text").text


def test_a_teaser_rail_beside_the_article_is_no_rival() -> None:
    # a news story, then under share buttons a 'Valley Headlines' rail: eight headlines, each over a one-sentence
    # standfirst, weighing most of the story's weight; a rail is no rival to the article and goes
    text = (SAMPLES / "text" / "constructed-rail-en.txt").read_text("utf-8")
    article = clean_article(text, format="text")
    zone = [r.text for r in article.removed if r.reason == "outside the article's run of lines"]
    assert (
        article.text.startswith("The old stone bridge over the Arden river") and "Cyclists will have to" in article.text
    )
    assert any(t.startswith("Growers across the valley") for t in zone) and "Library extends" not in article.text
    # standfirsts of two sentences each are no teasers' (a list's items, a story's sections): the zone stands aside
    lines = text.splitlines()
    start = lines.index("Valley Headlines")
    longer = [
        f"{line} More details will follow." if i > start and line.endswith(".") else line
        for i, line in enumerate(lines)
    ]
    assert "Growers across the valley" in clean_article("\n".join(longer), format="text").text


def test_lines_the_model_half_believes_weigh_less_than_a_sure_story() -> None:
    # the rail sample with two-sentence standfirsts (no teaser rail), on given scores: the story's paragraphs at 0.95
    # and the list's headlines and standfirsts at 0.6; weighed by words times score cubed (SCORE_POWER), five items
    # (most of the story's words) are no rival and go, and all eight (more words than the story) leave it the larger
    # share of the kept text and go too; scored as sure as the story, five items rival it (a listing's items)
    lines = (SAMPLES / "text" / "constructed-rail-en.txt").read_text("utf-8").splitlines()
    start = lines.index("Valley Headlines")
    two = [
        f"{line} More details will follow." if i > start and line.endswith(".") else line
        for i, line in enumerate(lines)
    ]
    blocks = text_to_blocks("\n".join(two), markdown=False)
    story = [i for i, b in enumerate(blocks) if b.word_count >= 25 and i < start]
    assert blocks[start + 1].text.startswith("School governors") and len(story) == 7
    for items, score, goes in ((10, 0.6, True), (16, 0.6, True), (10, 0.95, False)):
        listed = list(range(start + 1, start + 1 + items))
        probabilities = np.full(len(blocks), 0.1)
        probabilities[story], probabilities[listed] = 0.95, score
        outside = line_zone.outside_the_core(blocks, probabilities, probabilities >= 0.5)
        assert bool(outside[listed].all()) is goes and not outside[story].any()
    assert sum(blocks[i].word_count for i in range(start + 1, start + 17)) > sum(blocks[i].word_count for i in story)


def test_a_rail_above_the_story_that_outweighs_it_is_not_the_article() -> None:
    # the rail sample reordered: the 'Valley Headlines' rail (eight headlines over one-sentence standfirsts, at 0.75)
    # above the story (its paragraphs at 0.6, fewer words times score); the rail is no core while a story of prose
    # rivals it (`_past_a_rail`): the rail goes and the story stays
    lines = (SAMPLES / "text" / "constructed-rail-en.txt").read_text("utf-8").splitlines()
    start = lines.index("Valley Headlines")
    rail, story = lines[start : start + 17], lines[7:17]
    signup = [line for line in lines if line.startswith(("Sign up for the morning", "Get the latest local news"))]
    blocks = text_to_blocks("\n".join([*lines[:7], *rail, *signup, *story]), markdown=False)
    texts = [b.text for b in blocks]
    teasers = [texts.index(line) for line in rail[1:]]
    paragraphs = [i for i, b in enumerate(blocks) if b.word_count >= 25 and b.text in story]
    assert len(teasers) == 16 and len(paragraphs) == 7
    probabilities = np.full(len(blocks), 0.1)
    probabilities[teasers], probabilities[paragraphs] = 0.75, 0.6
    outside = line_zone.outside_the_core(blocks, probabilities, probabilities >= 0.5)
    assert outside[teasers].all() and not outside[paragraphs].any()


def test_comments_below_a_comments_heading_go_however_sure_the_model_is() -> None:
    # the recipe post, '5 Comments', then each comment as a name, a date and one sentence; the zone judged on the
    # model's scores as given, one comment scored 0.97: below the comments heading it goes all the same
    lines, first, last, comments = _recipe_with_short_comments()
    blocks = text_to_blocks("\n".join([*lines[first : last + 1], "5 Comments", *comments]), markdown=False)
    sure = next(i for i, b in enumerate(blocks) if b.text.startswith("We added a can of coconut milk"))
    probabilities = np.array([0.97 if i <= 2 or i == sure else 0.6 for i in range(len(blocks))])
    keep = probabilities >= 0.5
    outside = line_zone.outside_the_core(blocks, probabilities, keep)
    assert outside[sure] and not outside[:3].any()
    assert all(outside[i] for i in range(4, len(blocks)) if keep[i])
    # comments of long prose (the model may be right to be sure of a reader's essay) stay under SURE's rule
    long = [*lines[first : last + 1], "5 Comments", *lines[last + 1 :]]
    blocks = text_to_blocks("\n".join(long), markdown=False)
    sure = next(i for i, b in enumerate(blocks) if b.text.startswith("We added a can of coconut milk"))
    probabilities = np.array([0.97 if i <= 2 or i == sure else 0.6 for i in range(len(blocks))])
    outside = line_zone.outside_the_core(blocks, probabilities, probabilities >= 0.5)
    assert not outside[sure] and outside[sure - 1]


def test_comments_headings_close_together_are_one_box() -> None:
    # the same post and comments without times on the comments, under 'Comments', 'Trackbacks' and '5 Comments' tabs,
    # and two more comments headings at the end: five headings, but two boxes and one numbered, so not a listing's
    text = (SAMPLES / "text" / "constructed-thread-en.txt").read_text("utf-8")
    undated = "\n".join(line.split(" at ")[0] if line[:1].isdigit() else line for line in text.splitlines())
    tabs = "Comments\nTrackbacks\n5 Comments\nTom Reyes\n"
    tabbed = undated.replace("Tom Reyes\n", tabs, 1).replace("Leave a comment\n", "Leave a comment\nPost a comment\n")
    article = clean_article(tabbed, format="text")
    zone = [r.text for r in article.removed if r.reason == "outside the article's run of lines"]
    assert "dark bread on the side." in article.text and any(t.startswith("This is now in our regular") for t in zone)


def test_a_short_core_of_broken_lines_still_bounds_the_article() -> None:
    """WCXB 4449's naive dump: a post whose list of project names makes its lines average under CORE_MEAN_WORDS
    words, over a thread of 'Name says' + date lines. A core that short (SHORT_CORE_LINES lines at most) needs only
    SHORT_CORE_MEAN_WORDS, so the thread's kept lines go; a long run of short lines (a manual) does not count."""
    text = (SAMPLES / "text" / "4449.naive.txt").read_text("utf-8")
    article = clean_article(text, format="text")
    zone = [r.text for r in article.removed if r.reason == "outside the article's run of lines"]
    assert "I can’t wait to see what my friends’ favorite projects are:" in article.text
    assert "Industrial Pipe Bookshelf" in article.text
    assert "Sheri says" in zone and "Sheri says" not in article.text
    assert line_zone._article_like(90.0, 10) and not line_zone._article_like(70.0, 10)
    assert line_zone._article_like(15.0 * 80, 80) and not line_zone._article_like(10.0 * 80, 80)


def test_reader_comments_past_the_core_go_unless_the_model_is_all_but_sure() -> None:
    """WCXB 4456's layout dump: the post, then readers' comments in long prose paragraphs that the line model keeps
    (scores from 0.9 up). Past the core only lines scored SURE (0.95 when balanced) stay, so the comments go."""
    text = (SAMPLES / "text" / "4456.layout.txt").read_text("utf-8")
    article = clean_article(text, format="text")
    zone = [r.text for r in article.removed if r.reason == "outside the article's run of lines"]
    assert "Whether they also lead to dramatically higher returns for investors" in article.text
    assert any(t.startswith("Leonardo Da Vinci noted that") for t in zone)
    assert "Simplicity is the ultimate in sophistication" not in article.text
    assert "Simplicity is the ultimate" in Pipeline(favor="recall").clean(text, format="text").text


def test_a_rail_of_excerpts_cut_short_is_no_rival_of_the_post() -> None:
    """WCXB 0296's naive dump: a law firm's post, then its blog's other posts, each a headline, a date line and an
    excerpt cut at one length mid-sentence (62-63 words: "…improving their chances of"). That rail rivalled the post
    and the zone stood aside; as a rail of excerpts (`_excerpts`) it goes. Ended in an ellipsis at lengths of their
    own, the excerpts are a rail all the same (one of them the model is then sure of, SURE, stays)."""
    text = (SAMPLES / "text" / "0296.naive.txt").read_text("utf-8")
    excerpts = [line for line in text.splitlines() if line.startswith(("When the Social Security", "Navigating the"))]
    assert len(excerpts) == 4
    for dump, gone in ((text, 4), (_ellipsised(text, excerpts), 3)):
        article = clean_article(dump, format="text")
        zone = [r.text for r in article.removed if r.reason == "outside the article's run of lines"]
        assert article.text.startswith("If someone is not careful at the gym")
        assert "Along with the fact that businesses have to ensure" in article.text
        assert sum(any(t.startswith(" ".join(e.split()[:8])) for t in zone) for e in excerpts) == gone


def _ellipsised(text: str, excerpts: list[str]) -> str:
    """`text` with each of the `excerpts` cut to a length of its own (20, 30, 40, 50 words) and ended with ' […]'."""
    for n, line in enumerate(excerpts):
        text = text.replace(line, " ".join(line.split()[: 20 + 10 * n]) + " […]")
    return text


def test_a_guide_with_pricing_lines_is_no_shop_page() -> None:
    """WCXB 1396's layout dump: a guide to agencies whose pricing lines ('Starter: $5,000 per month', 26 short lines
    with an amount) made it a shop page, which the text line zone leaves alone, so both copies of the guide that the
    page prints stayed. Those lines are no price tags (`_price_tag`): the zone keeps the guide's run of lines and the
    second copy goes."""
    text = (SAMPLES / "text" / "1396.layout.txt").read_text("utf-8")
    twice = [
        "Although it began as a student startup in 2011, Sociallyin",
        "What Does a Social Media Marketing Agency Do?",
    ]
    assert all(text.count(line) == 2 for line in twice)
    article = clean_article(text, format="text")
    assert all(article.text.count(line) == 1 for line in twice)
    assert "Billions of people are active on social media today" in article.text


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("$29.99", True),
        ("From $29.99", True),
        ("19,50€", True),
        ("Subtotal: $0.00 USD", True),
        ("Starter: $5,000 per month", False),
        ("(£26, down from £49),", False),  # a piece of a sentence, cut at a link
        ("Free shipping on orders over $49.", False),
        ("Save 20% today", False),  # no price
    ],
)
def test_a_price_tag_is_a_price_and_little_else(line: str, tag: bool) -> None:
    """A shop page's prices are tags of at most PRICE_TAG_WORDS other words that end neither a sentence nor a clause;
    a line of prose with an amount in it is none."""
    assert line_zone._price_tag(text_to_blocks(line, markdown=False)[0]) is tag


def test_a_question_opening_with_comment_is_no_comments_heading() -> None:
    """French 'Comment … ?' is 'How … ?': the English comments heading ('Comment', '12 Comments') read a French
    article's question subheading as the start of its comments, and the line zone cut the story there. A question
    is no comments heading nor an end-of-article marker (phrase lists `comments_heading`, `article_end`: English
    "Comments", Italian "Commenti"), in the text line zone and the HTML article zone alike."""
    text = (SAMPLES / "text" / "constructed-fr.txt").read_text("utf-8")
    question = "Comment la ville finance-t-elle ces heures ?"
    article = clean_article(
        text.replace("Pour financer ces heures", f"{question}\nPour financer ces heures"), format="text"
    )
    assert question in article.text
    assert "Pour financer ces heures" in article.text and "Un premier bilan sera présenté" in article.text
    assert not line_zone._markers(text_to_blocks(question, markdown=False)).any()  # nor ends a run of lines
    heading = opening(("comments_heading",), lowered=True)
    assert not heading.match(question.lower()) and not heading.match("comment choisir son barbecue gaz ?")
    assert all(heading.match(h) for h in ("12 comments", "comments (5)", "comment", "responses to “shuteye”"))


def test_a_documentation_dump_is_left_whole() -> None:
    # an API reference whose 'Responses' section reads as a comments heading under an article: on a dump whose URL
    # names documentation (`OTHER_PAGES`, as forums and listings) the zone leaves every kept line where it is
    para = (
        "Creates a customer object for the account. The customer is billed from the card you attach, receipts go to"
        " the address you give, and every later charge, refund and invoice refers to the identifier returned here."
    )
    lines = ["Create a customer", para, "Parameters", f"email: {para}", "Responses", f"200: {para}", f"400: {para}"]
    blocks = text_to_blocks("\n".join(lines), markdown=False)
    probabilities = np.full(len(blocks), 0.6)
    responses = [i for i, b in enumerate(blocks) if b.text.startswith(("200:", "400:"))]
    assert line_zone.outside_the_core(blocks, probabilities, probabilities >= 0.5)[responses].all()
    assert not line_zone.outside_the_core(blocks, probabilities, probabilities >= 0.5, page_type="documentation").any()
