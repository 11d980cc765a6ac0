"""Each built-in filter on real input: it removes its kind of junk, says so in `removed`, and keeps the article."""

from __future__ import annotations

import json

import lxml.html
import pytest

from cleaner import Article, Pipeline, clean_article
from cleaner.shared.phrases import kinds_pattern, opening, pattern

from .conftest import SAMPLES, normalise, regression_page

RULES = Pipeline(extractor="trafilatura")  # the rule-based extraction leaves the junk in for the filters to find


def _page(page_id: str, pipeline: Pipeline = RULES) -> Article:
    """The sample page cleaned, by default with the rule-based extractor (the learned one often drops the junk
    itself)."""
    spec = json.loads((SAMPLES / "expected" / f"{page_id}.json").read_text("utf-8"))
    return pipeline.clean(SAMPLES / "html" / f"{page_id}.html", url=spec["url"])


def _removed_by(article: Article, name: str, snippet: str) -> bool:
    return any(r.filter == name and normalise(snippet) in normalise(r.text) for r in article.removed)


def test_icons_drops_icon_font_lines_and_svg_labels(seed_article: str) -> None:
    assert _removed_by(clean_article(seed_article), "icons", "icon caret Arrow Down Arrow Left")
    page = _page("0368")
    assert _removed_by(page, "icons", "check_circle")
    assert "check_circle" not in page.text and "Set a goal of at least 150 minutes" in page.text
    assert _removed_by(_page("0573"), "icons", "fedilink")


def test_icon_filter_alone_does_the_work(seed_article: str) -> None:
    assert "icon caret Arrow Down" in Pipeline([]).clean(seed_article).text
    alone = Pipeline(["icons"]).clean(seed_article)
    assert "icon caret Arrow Down" not in alone.text
    assert "The appearance of Colonel Gulmurod Khalimov" in alone.text


def test_media_promos_drops_podcast_sidebars_and_players(seed_article: str) -> None:
    article = clean_article(seed_article)
    assert _removed_by(article, "media_promos", "In this episode of Hold Your Fire!")
    assert _removed_by(article, "media_promos", "Click here to listen on Apple Podcasts or Spotify.")
    page = _page("0307")
    assert _removed_by(page, "media_promos", "Subscribe on iTunes")
    assert "Subscribe on iTunes" not in page.text
    assert _removed_by(_page("0209"), "media_promos", "Play in new window")


def test_contributors_list_dropped_and_author_bio_moved_to_metadata(seed_article: str, seed_republished: str) -> None:
    assert _removed_by(clean_article(seed_article), "contributors", "Board Member and Harvard Professor")
    article = clean_article(seed_republished)
    assert (
        article.metadata.author_bio
        == "Deirdre Tynan is the International Crisis Group's Central Asia Project Director."
    )
    page = _page("0279")
    assert page.authors == ["Sarah Schwartz"]
    assert "Sarah Schwartz is a reporter for Education Week" in page.metadata.author_bio
    assert "Sarah Schwartz is a reporter" not in page.text


def test_a_bare_url_inside_the_body_is_not_the_page_url(seed_republished: str) -> None:
    # links further down than the top of a dump (a trackback address, a link a sentence points to) name other pages:
    # the URL under the 'Original url:' label stays the page's, and the others go as bare URLs
    lines = seed_republished.splitlines()
    middle = len(lines) // 2
    trackback = "http://www.typepad.com/services/trackback/6a00d83451b31569e20168e6c3aa2b970c"
    lines[middle:middle] = ["", "The report is worth reading in full, here it is:", "", trackback, ""]
    article = clean_article("\n".join(lines))
    assert article.url.startswith("https://www.themoscowtimes.com/2015/06/14/central-asia-is-a-sitting-duck")
    assert _removed_by(article, "disclaimers", trackback)


def test_disclaimers_drop_editorial_notes_and_source_lines(seed_republished: str) -> None:
    article = clean_article(seed_republished)
    assert _removed_by(article, "disclaimers", "The views expressed in opinion pieces do not necessarily reflect")
    assert _removed_by(article, "disclaimers", "Original url:")
    page = _page("0174")
    assert _removed_by(page, "disclaimers", "was written by Jill Barshay and produced by")


def test_disclaimers_drop_affiliate_disclosures() -> None:
    """Such lines sit inside the article's container; where the model keeps one (4159), the phrase list drops it."""
    for page_id, disclosure in (
        ("0461", "As an Amazon Associate we earn from qualifying purchases"),
        ("4159", "As an Affiliate Marketer, I earn from qualifying purchases"),
    ):
        article = clean_article(SAMPLES / "html" / f"{page_id}.html")
        assert disclosure not in article.text
    assert _removed_by(article, "disclaimers", disclosure)


def test_disclaimers_drop_not_a_substitute_for_advice_notes() -> None:
    html, spec = regression_page("4058")
    note = "should ever be used as a substitute for direct medical advice"
    assert note not in Pipeline().clean(html, url=spec["url"]).text  # past the article's end: the extractor drops it
    page = Pipeline(favor="recall").clean(html, url=spec["url"])  # no article-zone gate: the block reaches the filter
    assert _removed_by(page, "disclaimers", note)
    assert "Exercising regularly can improve symptoms" in page.text


@pytest.mark.parametrize(
    "note",
    [
        "This material is not intended to replace the advice of a qualified professional.",
        "All investing involves risk, including the possible loss of principal.",
        "Dieser Artikel ersetzt keine ärztliche Beratung.",
        "Les informations de ce site ne remplacent pas un avis médical.",
        "Este contenido no sustituye el consejo médico profesional.",
    ],
)
def test_disclaimer_phrases_match_advice_and_risk_notes_per_language(note: str) -> None:
    assert kinds_pattern(("disclaimer",), lowered=True).search(note.lower())


def test_disclaimers_drop_notes_on_external_links_and_comment_policies() -> None:
    text = "\n\n".join(
        [
            "# Library to close for the summer",
            "The council voted on Tuesday to close the library for repairs over the summer, its members said.",
            "The BBC is not responsible for the content of external internet sites.",
            "Comment posters are responsible for the opinions they express and the accuracy of their information.",
        ]
    )
    article = clean_article(text, format="markdown")
    assert article.text.startswith("The council voted")
    assert _removed_by(article, "disclaimers", "is not responsible for the content of external internet sites")
    assert _removed_by(article, "disclaimers", "Comment posters are responsible for the opinions")


def test_a_long_block_that_opens_with_a_disclaimer_goes_and_one_that_quotes_it_stays() -> None:
    policy = (
        "Comment posters are responsible for the opinions they express and the accuracy of the information they"
        " provide. We urge comment writers to treat this as a public forum where manners matter. We encourage a"
        " collegial, non-insulting tone. Be aware, in accordance with the Communications Decency Act and other"
        " laws, that we may remove any comment we judge to be abusive, obscene or off topic, and that we may"
        " block repeat offenders from the site without notice."
    )
    quoting = (
        "The network said in a statement on Monday that the views expressed by its hosts do not necessarily reflect"
        " those of the company, but critics said the statement came too late. Advertisers had already pulled out of"
        " the programme, and two of its producers resigned over the weekend, according to people familiar with the"
        " matter who asked not to be named because the talks were private and had not been announced."
    )
    assert len(policy.split()) > 70 and len(quoting.split()) > 70  # longer than a note: only the opening counts
    article = clean_article(f"# Network under fire\n\n{quoting}\n\n{policy}", format="markdown")
    assert _removed_by(article, "disclaimers", "Comment posters are responsible for the opinions")
    assert "the views expressed by its hosts" in article.text


@pytest.mark.parametrize(
    "prompt",
    [
        "Support CNX Software! Donate via cryptocurrencies, become a Patron on Patreon, or buy goods on Amazon.",
        "Please support our journalism with a contribution of any size.",
        "Unterstützen Sie unsere Arbeit mit einem Abo.",
        "Sostieni il nostro giornalismo: abbonati.",
    ],
)
def test_prompts_drop_requests_for_support_and_donations(prompt: str) -> None:
    prose = (
        "The volunteers said the town's residents support us in every way, and the mayor agreed to fund the shelter."
    )
    article = clean_article(f"# Shelter opens\n\n{prose}\n\n{prompt}", format="markdown")
    assert _removed_by(article, "prompts", prompt) and prose in article.text


@pytest.mark.parametrize(
    "marker", ["TrackBack URL for this entry:", "Trackbacks", "Listed below are links to weblogs that reference"]
)
def test_blog_trackback_sections_mark_the_end_of_the_article(marker: str) -> None:
    assert opening(("article_end",), lowered=True).match(marker.lower())


@pytest.mark.parametrize(
    ("line", "is_end"),
    [
        ("You may also like", True),
        ("Like this:", True),
        ("Like", True),
        ("You might like", True),
        ("Like I say-- another discouraging GDP report.", False),  # a post's sentence, not a "Like" widget
        ("Like many towns on the coast, it floods every spring.", False),
    ],
)
def test_like_opens_an_end_section_only_as_a_label(line: str, is_end: bool) -> None:
    assert bool(opening(("article_end",), lowered=True).match(line.lower())) is is_end


def test_prompts_drop_newsletter_cookie_and_paywall_boxes() -> None:
    assert _removed_by(_page("0368"), "prompts", "Subscribe to our blog and receive notifications")
    assert _removed_by(_page("0522"), "prompts", "This site uses cookies to help personalize content")
    assert _removed_by(_page("0221"), "prompts", "Unlock this article")
    french = _page("0608")
    assert _removed_by(french, "prompts", "Recevez en avant première nos contenus")


def test_prompts_drop_was_this_helpful_feedback_widgets() -> None:
    docs = _page("4412", Pipeline())  # the learned extractor keeps a reply of the widget for the phrases to catch
    assert _removed_by(docs, "prompts", "Thanks for letting us know we're doing a good job!")
    assert "Thanks for letting us know this page needs work." not in docs.text
    assert "There are many ways to optimize the performance of a PostgreSQL query" in docs.text


def test_chinese_and_japanese_phrase_lists() -> None:
    """Each language's junk phrases are data (phrases/zh.json, phrases/ja.json); the filters use them unchanged."""
    chinese = _page("zh-news", Pipeline())
    assert _removed_by(chinese, "disclaimers", "本文仅代表作者个人观点，不代表本站立场")
    assert _removed_by(chinese, "disclaimers", "责任编辑：张丽")
    assert _removed_by(chinese, "byline", "记者：王小明") and chinese.authors == ["王小明"]
    assert "记者在现场看到" in chinese.text  # a sentence opening with 'reporter' is no byline
    japanese = RULES.clean(
        """<html lang="ja"><body><article><h1>東京で桜が満開に</h1>
        <p>気象台は二十九日、東京都心で桜が満開になったと発表した。平年より三日遅い満開となった。</p>
        <p>（この記事は有料会員限定です。続きを読むには会員登録が必要です）</p>
        <p>この記事をシェアする</p></article></body></html>""",
        format="html",
    )
    assert _removed_by(japanese, "prompts", "続きを読むには")
    assert _removed_by(japanese, "navigation", "この記事をシェアする")
    assert "東京都心で桜が満開になった" in japanese.text


@pytest.mark.parametrize(
    ("lang", "label", "paragraph"),
    [
        (
            "de",
            "Anzeige",
            "Der Stadtrat hat am Dienstag beschlossen, die Buslinie bis zum neuen Wohngebiet zu verlängern.",
        ),
        (
            "fr",
            "Publicité",
            "Le conseil municipal a décidé mardi de prolonger la ligne de bus jusqu'au nouveau quartier.",
        ),
        ("es", "Publicidad", "El ayuntamiento decidió el martes ampliar la línea de autobús hasta el nuevo barrio."),
        (
            "it",
            "Pubblicità",
            "Il consiglio comunale ha deciso martedì di prolungare la linea dell'autobus fino al quartiere.",
        ),
        (
            "pt",
            "Publicidade",
            "A câmara municipal decidiu na terça-feira prolongar a linha de autocarro até ao novo bairro.",
        ),
        (
            "nl",
            "Advertentie",
            "De gemeenteraad besloot dinsdag de buslijn door te trekken naar de nieuwe woonwijk in het noorden.",
        ),
    ],
)
def test_an_advertisement_label_goes_in_each_language(lang: str, label: str, paragraph: str) -> None:
    """The ad label a news page prints between its paragraphs ('Anzeige', 'Publicité', …): a whole line of the
    phrase list `ui_label` of the page's language."""
    article = RULES.clean(
        f'<html lang="{lang}"><body><article><h1>Bus</h1><p>{paragraph}</p><div class="ad">{label}</div>'
        f"<p>{paragraph} {paragraph}</p></article></body></html>",
        format="html",
    )
    assert _removed_by(article, "navigation", label), lang
    assert paragraph in article.text


def test_navigation_drops_share_buttons_pagers_and_cross_sell_lists() -> None:
    assert _removed_by(_page("0174"), "navigation", "Click to share on LinkedIn")
    go_blog = _page("2862")
    assert _removed_by(go_blog, "navigation", "Next article: Go Wins 2010 Bossie Award")
    assert "In summary, the defer statement" in go_blog.text
    assert _removed_by(_page("0608"), "navigation", "Ils vont bien ensemble")
    forum = _page("1764", Pipeline())  # a label line longer than a menu entry, from the forum software
    assert _removed_by(forum, "navigation", "This topic was automatically closed after 30 days")
    assert "New replies are no longer allowed" not in forum.text


def test_a_post_tagged_share_is_no_share_box() -> None:
    """A blog prints its post's tags and categories as classes on the post ('tag-share', 'category-social'): they
    name what the post is about, not a share box, and the post stays."""
    tree = lxml.html.fromstring((SAMPLES / "html" / "4622.html").read_bytes())
    post = tree.get_element_by_id("post-32126")
    post.tag = "div"  # an <article> is never taken for a box; many themes wrap the post in a <div>
    post.set("class", f"{post.get('class')} tag-share category-social")
    paragraphs = [p for p in post.iter("p") if len(p.text_content().split()) > 10]
    for paragraph in paragraphs[3:]:  # a short post: under the size of a box
        paragraph.drop_tree()
    page = Pipeline().clean(lxml.html.tostring(tree))
    assert normalise(paragraphs[0].text_content()) in normalise(page.text)
    assert not any(r.filter == "navigation" and "applying to college" in r.text for r in page.removed)


def test_captions_move_photo_credits_into_metadata() -> None:
    page = _page("0174")
    assert "Credit: Eric Thayer/Associated Press" in page.metadata.captions
    assert "Eric Thayer" not in page.text
    assert _removed_by(_page("4708"), "captions", "Firn | Getty Images")


def test_title_and_duplicate_headings_leave_one_headline_in_metadata(seed_article: str) -> None:
    article = clean_article(seed_article)
    assert article.title == "Islamic State Threatens Central Asia"
    assert "Islamic State Threatens Central Asia" not in article.text
    assert _removed_by(article, "title", "Islamic State Threatens Central Asia")
    pipeline = Pipeline(extractor="trafilatura")
    go_blog = _page("2862", pipeline)  # the blog's name, kept above the headline's copy in the body
    assert _removed_by(go_blog, "title", "The Go Blog") and "The Go Blog" not in go_blog.text
    pipeline.configure("title", header_page_types=("listing", "collection"))
    assert "The Go Blog" in _page("2862", pipeline).text


def test_a_dump_that_is_only_the_page_title_is_a_title_without_an_article() -> None:
    # a forum page whose posts a script draws: the naive dump keeps nothing but its <title>
    dump = (SAMPLES / "text" / "4802.naive.txt").read_text("utf-8")
    article = clean_article(dump, format="text")
    assert article.title == "Help picking a Full size hot-swap keyboard - Custom keyboards - KeebTalk"
    assert article.text == "" and _removed_by(article, "title", "Help picking a Full size hot-swap keyboard")
    assert clean_article("one line", format="text").text == "one line"  # a line not shaped like a title stays
    assert clean_article(dump + "\nThe first post asks which board to buy.", format="text").text


def test_a_dump_keeps_the_prose_above_a_label_taken_for_its_headline() -> None:
    # a blog post's naive dump: the 'headline' found lower down is a one-word heading repeated under every comment
    # ('Reply'), with the whole post above it; a header holds no paragraph of prose, so the post stays
    dump = (SAMPLES / "text" / "4456.naive.txt").read_text("utf-8")
    article = clean_article(dump, url="http://www.startuplessonslearned.com/2008/09/lean-startup.html", format="text")
    opening = "I've been thinking for some time about a term that could encapsulate trends"
    assert opening in article.text
    assert not any(r.reason == "page header above the headline" and opening in r.text for r in article.removed)
    # the post whole (377 words in WCXB's ground truth), not the comments under it
    assert "question I'm looking forward to studying." in article.text and len(article.text.split()) < 600


def test_duplicate_headings_keep_headings_that_open_their_own_sections() -> None:
    text = "\n\n".join(
        [
            "## Ingredients",
            "Two eggs and a cup of flour, whisked until smooth.",
            "## Ingredients",
            "A pinch of salt and a little butter for the pan.",
        ]
    )
    article = clean_article(text, format="markdown")
    assert article.text.count("Ingredients") == 2
    teaser = "\n".join(
        [
            "Top stories",
            "Mali pulls out",
            "Mali pulls out",
            "The first paragraph of a real story, long "
            "enough to be read as prose by any reasonable reader of the page.",
        ]
    )
    assert clean_article(teaser, format="text").text.count("Mali pulls out") <= 1


def test_trailing_headings_drop_the_headings_that_end_an_article() -> None:
    html, spec = regression_page("0374")
    assert "Accounting" not in Pipeline().clean(html, url=spec["url"]).text  # the article zone drops it first
    pipeline = Pipeline(favor="recall")  # no article-zone gate: the headings reach the filter
    page = pipeline.clean(html, url=spec["url"])
    assert page.page_type == "article"
    assert _removed_by(page, "trailing_headings", "Accounting")
    assert "Accounting" not in page.text and not page.blocks[-1].is_heading
    assert "Advance your career and gain in-demand project management skills" in page.text
    pipeline.configure("trailing_headings", page_types=("product", "collection"))  # where headings can be the content
    kept = pipeline.clean(html, url=spec["url"])
    assert "Accounting" in kept.text and kept.blocks[-1].is_heading


def test_repeated_blocks_keep_one_copy_of_a_post_quoted_in_replies() -> None:
    page = SAMPLES / "html" / "0522.html"  # a forum thread: replies quote earlier posts whole
    quoted = "I can burn a few hundred dollars on some worthless, redundant technology"
    article = Pipeline().clean(page)
    assert article.text.count(quoted) == 1
    assert _removed_by(article, "repeated_blocks", quoted)
    assert "Colour me clueless... They didn't mention Leica?" in article.text
    without = Pipeline()
    without.remove("repeated_blocks")
    assert without.clean(page).text.count(quoted) == 2
    dump = "\n\n".join([quoted + ".", "A reply that agrees with it, at some length.", quoted + "."])
    assert Pipeline(["repeated_blocks"]).clean(dump, format="text").text.count(quoted) == 2  # dumps: the line model's
    # call, not this filter's


def test_repeated_blocks_drop_the_article_again_as_markdown_source() -> None:
    page = SAMPLES / "html" / "4258.html"  # a blog post that carries its Markdown in a hidden <pre> for "copy page"
    url = "https://www.klaviyo.com/blog/best-crm-software"
    copy = "Choosing the right [CRM](https://www.klaviyo.com/glossary/what-is-a-crm) is a balancing act"
    article = Pipeline().clean(page, url=url)
    assert copy not in article.text and _removed_by(article, "repeated_blocks", copy)
    assert article.text.count("Choosing the right CRM is a balancing act") == 1
    assert "# The best CRM software for 2026" not in article.text and "](https://" not in article.text
    without = Pipeline()
    without.remove("repeated_blocks")
    assert copy in without.clean(page, url=url).text


def test_byline_and_date_are_lifted_out_of_the_body(seed_republished: str) -> None:
    article = clean_article(seed_republished)
    assert _removed_by(article, "byline", "By Deirdre Tynan")
    assert _removed_by(article, "byline", "June 14, 2015")
    assert article.text.startswith("The appearance of Colonel Gulmurod Khalimov")


def test_byline_with_its_date_behind_a_separator_is_lifted_out() -> None:
    dump = (
        "How to stay flexible\n\nBy Haley Hoekstra • March 12, 2025\n\nStretching every morning keeps the joints "
        "supple and the muscles ready for the day, and it takes only ten minutes of your time before breakfast."
    )
    article = clean_article(dump, format="text")
    assert _removed_by(article, "byline", "By Haley Hoekstra • March 12, 2025")
    assert article.authors == ["Haley Hoekstra"]
    body = dump.replace("By Haley Hoekstra • March 12, 2025\n\n", "")
    for n in range(8):  # paragraphs enough that the signature lies past the first blocks
        body += (
            f"\n\nOn day {n + 2}, hold each stretch a little longer than the day before, breathing slowly throughout."
        )
    signed = clean_article(body + "\n\nWritten by Haley Hoekstra", format="text")  # a byline that closes the article
    assert _removed_by(signed, "byline", "Written by Haley Hoekstra") and signed.authors == ["Haley Hoekstra"]


def test_paragraph_repair_joins_only_sentences_cut_in_two(seed_republished: str) -> None:
    article = clean_article(seed_republished)
    assert _removed_by(article, "paragraph_repair", "bought off and to")
    # a paragraph that ends a sentence stays apart from the next one
    assert "ended in 1997.\n\nBy sidelining" in article.text


def test_paragraph_repair_glues_a_line_dump_back_into_one_paragraph() -> None:
    # a scraper's dump: a drop cap, then a line break around every link and every bold word
    lines = ["T", "he storm reached the", "northern coast", "on Monday", ", closing", "ports", "and schools", "."]
    dump = "\n".join(lines * 300)  # one sentence broken into 2 400 lines
    article = Pipeline(["paragraph_repair"]).clean(dump, format="text")
    sentence = "The storm reached the northern coast on Monday, closing ports and schools."
    assert article.text.startswith(sentence + "\n\nThe storm") and len(article.blocks) == 300
    assert all(b.word_count == 12 for b in article.blocks)  # 'T' + 'he' is one word


def test_boilerplate_strips_menus_around_a_text_dump() -> None:
    dump = (SAMPLES / "text" / "0279.txt").read_text("utf-8")
    article = clean_article(dump, format="text")
    assert article.title == "Why Hasn’t Tutoring Been More Effective?"
    assert article.authors == ["Sarah Schwartz"] and article.date == "2025-11-18"
    for menu in ("Budget & Finance", "Every Student Succeeds Act", "Search for Jobs"):
        assert menu not in article.text
    assert "The prescription was everywhere as the full extent of academic damage" in article.text


def test_dom_hooks_do_not_record_again_what_an_earlier_filter_removed() -> None:
    # 0279: the author box (contributors) holds the author's share links; navigation must not record them again
    doc = RULES.prepare((SAMPLES / "html" / "0279.html").read_bytes())
    assert doc is not None
    bio = next(r.text for r in doc.removed if r.filter == "contributors")
    assert bio.endswith("twitter email")
    assert not [r for r in doc.removed if r.filter != "contributors" and r.text == "twitter email"]


def test_navigation_drops_a_bare_sponsor_label_line() -> None:
    html, spec = regression_page("0029")
    page = RULES.clean(html, url=spec["url"])  # a course page naming its partner under a bare 'in partnership with'
    assert _removed_by(page, "navigation", "in partnership with")
    assert "The News Product Management Certification was originally created" in page.text


@pytest.mark.parametrize(
    "line",
    [
        "3 MIN. READ",
        "Reading Time: 11 minutes",
        "Lesezeit: 4 Min.",
        "Temps de lecture : 6 min",
        "Tiempo de lectura: 3 minutos",
        "In partnership with",
        "Presented by",
        "En partenariat avec",
        "Sign in or join",
        "Senior Member",
        "Moderator",
    ],
)
def test_label_phrases_match_a_whole_label_line(line: str) -> None:
    assert pattern("ui_label").fullmatch(line)


@pytest.mark.parametrize(
    "line",
    [
        "In partnership with the city, the library opened a second branch.",
        "Member states agreed on the budget.",
        "Reading time varies with the length of the text.",
        "Moderators were appointed in 2019.",
    ],
)
def test_label_phrases_leave_prose_that_starts_like_a_label(line: str) -> None:
    assert not pattern("ui_label").fullmatch(line)
