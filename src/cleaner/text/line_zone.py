"""Where the article is in a text dump, and which kept lines lie outside it.

The line model judges each line from itself and its neighbours; like the block model in HTML it has no notion of
where the article is, so on a news or blog dump it keeps reader comments, sidebar teasers and "more stories" lines
that read like prose. A text dump has no element paths, but the article is still one stretch of lines: kept lines
come in runs, cut where the model dropped more than `GAP_WORDS` words between two kept lines or where a short line
opens an end-of-article section (phrase lists `article_end` and `comments_heading`: "5 comments", "Related
stories"). The core is the run whose kept lines weigh the most words times score. When it looks like an article (its
lines average at least `CORE_MEAN_WORDS` words, or fewer in a short run: `_article_like`; and it holds at least
`CORE_SHARE` of the kept text) and no other run weighs `RIVAL` of it (a forum's posts, a listing's items; both
tests weigh lines by words times score cubed, `SCORE_POWER`), kept lines in other runs go unless the model is sure of
them (`SURE` after the core, `SURE_BEFORE` before it). Dumps whose URL names a forum, a listing, a collection or
documentation are left alone, and so are shop pages (SHOP_PRICES price tags or more, `_price_tag`), whose description
and specifications lie apart. Documentation joined the list on 2026-12-07 (an API reference's 'Responses' and
'response:' lines read as comments headings and cut a manual in two): whole text pipeline, naive / layout dumps,
wcxb-dev tune word F1 0.8665 -> 0.8666 (2 dumps better, 2 worse) and 0.8733 -> 0.8739 (7 better, +0.68; 5 worse,
-0.08); dragnet and l3s-gn1, whose URLs name no documentation, dump for dump as before.

Offline replay of the line model's cut on naive dumps (dragnet / l3s-gn1 shingle F1, wcxb-dev tune word F1), from
0.7532 / 0.8681 / 0.8607: 0.7762 / 0.8827 / 0.8630 (wcxb-dev article 0.938 -> 0.942, forum 0.642 -> 0.643,
collection 0.772 -> 0.775, listing 0.765 -> 0.765, product 0.667 -> 0.668); on layout dumps, from 0.7529 / 0.8641 /
0.8689 (before the shop test): 0.7780 / 0.8786 / 0.8709. Shop test at 1, 2, 3 price lines: 0.7720 / 0.8810 / 0.8626,
0.7754 / 0.8819 / 0.8628, 0.7758 / 0.8823 / 0.8628; none: 0.7765 / 0.8836 / 0.8624. Without the URL gate: 0.7765 /
0.8836 / 0.8615 (forum 0.634); without the rival test 0.7786 / 0.8825 / 0.8617; runs cut at 30 unkept words 0.7757 /
0.8795 / 0.8615, at 50 0.7735 / 0.8768 / 0.8618; runs cut by line count instead (3 unkept lines, kept lines more
than 10 lines off dropped): 0.7769 / 0.8820 / 0.8587 (references and notes split into many short lines past a page's
core went); markers from `article_end` alone: the same but wcxb-dev 0.8629.

The core looked for above the first comments heading with an article above it (`_comments_heading`), from 0.7762 /
0.8827 / 0.8629: 0.7911 / 0.8840 / 0.8633 (dragnet: 77 dumps change, +26.8 F1 points against -1.3; layout dumps
0.7780 / 0.8780 / 0.8712 -> 0.7969 / 0.8781 / 0.8718). With any end-of-article marker in place of a comments heading:
0.7954 / 0.8860 / 0.8610 ("Sign up for free", "Categories" and "Popular categories" over shop, service and listing
pages); with no cap on the number of comments headings 0.7919 / 0.8843 / 0.8622 (a listing's "(comments: 9)" per
item); a cap of 1 or 2: 0.7845 / 0.8839 / 0.8629, 0.7873 / 0.8839 / 0.8633.

Those wcxb-dev numbers are in sample: the line model was trained on those dumps. Out of fold (each tune dump scored
by a line model that never saw its page, `train_lines.out_of_fold`; the other block filters left out), the whole
zone: naive 0.8328 -> 0.8329, layout 0.8367 -> 0.8382 (article +0.002 / +0.005, listing -0.009 / -0.007,
documentation -0.002 / -0.007, service -0.003); with CORE_SHARE 0.6: 0.8342 / 0.8385, but dragnet and l3s-gn1 lose
0.003 and 0.0014.

A reader comment thread ends the article too (`_thread_start`: three short lines with a time or a numeric date, each
over a kept comment), as in HTML (`extract.article_zone`) but without element paths. The whole pipeline on the naive
/ layout dumps (dragnet / l3s-gn1 shingle F1, wcxb-dev tune word F1), from 0.8039 / 0.8874 / 0.8659 and 0.8097 /
0.8828 / 0.8716: 0.8118 / 0.8882 / 0.8666 and 0.8152 / 0.8840 / 0.8714. Heads with a bare year too (the HTML stamp):
0.8124 / 0.8890 / 0.8620 (testimonials signed '— DM, 2021' and reference lists lose their later half); heads that are
no heading and no heading at all between them: 0.8073 / 0.8874 / 0.8655 (a dump guesses name and date lines to be
headings); the thread bounding the core's search but not ending a run: 0.8077 / 0.8874 / 0.8658.

Comments headings close together count as one box ('Comments', 'Trackbacks', '7 Comments' tabs: four headings had
switched the bound off as a listing's), numbered ones each: from 0.8118 / 0.8882 / 0.8666 and 0.8152 / 0.8840 /
0.8714, 0.8141 / 0.8888 / 0.8666 and 0.8199 / 0.8840 / 0.8721. Boxes alone: 0.8175 / 0.8888 / 0.8661 (a forum's
'76 comments' per linked thread, two lines apart, became one box).

A naive dump breaks a paragraph into a line at each link and emphasis, so a news story's core often averages fewer
than CORE_MEAN_WORDS words a line, and the zone stood aside on a third of dragnet's dumps (a kept teaser list, a
comment thread, a sidebar of quotes). A core of at most SHORT_CORE_LINES lines now needs SHORT_CORE_MEAN_WORDS. Replayed
over the lines the model keeps (naive / layout dumps; dragnet / l3s-gn1 shingle F1, wcxb-dev tune word F1 in sample),
from 0.8148 / 0.8888 / 0.8668 and 0.8203 / 0.8839 / 0.8720: 0.8260 / 0.8914 / 0.8667 and 0.8245 / 0.8867 / 0.8734;
out of fold on wcxb-dev 0.8388 -> 0.8383 and 0.8430 -> 0.8429 (documentation +0.002, a forum page -0.3). With no cap
on the lines: 0.8258 / 0.8914 / 0.8667 in sample but out of fold 0.8366 naive (documentation -0.014: a manual's long
run of short lines taken for an article); a cap of 40 or 100 lines, or 10 words: within 0.0005 of these.

Kept lines past the core stay when the model scores them SURE: 0.95 when balanced (it was 0.9). Readers' comments in
prose paragraphs score 0.9 and up. Replayed as above, from 0.8260 / 0.8914 / 0.8667 and 0.8245 / 0.8867 / 0.8734:
0.8322 / 0.8932 / 0.8656 and 0.8333 / 0.8875 / 0.8726; out of fold 0.8383 -> 0.8383 and 0.8429 -> 0.8427 (article
+0.0003, documentation -0.002). At 0.98: out of fold 0.8382 / 0.8426; none past the core (1.01, as in precision mode):
0.8387 / 0.8942 / 0.8636 and 0.8382 / 0.8872 / 0.8701 in sample, out of fold 0.8368 / 0.8416 (documentation -0.009).
SURE_BEFORE at 0.7 or 0.9 moves no corpus by more than 0.0006.

A short post (a photo and a line, "Born 11/6/12") under its headline, then "111 Responses to ..." and a thread of
short comments: the heading had no article above it and the core no article's lines, so the zone stood aside and
kept the comments. A numbered comments heading under kept lines weighing SHORT_POST_MASS now starts the comments
unless article-like lines follow it, and kept lines below it go though the core is not article-like. The whole
pipeline (naive / layout dumps; dragnet / l3s-gn1 / wcxb-dev tune word F1, means over pages), from 0.8228 / 0.8943 /
0.8656 and 0.8204 / 0.8884 / 0.8726: 0.8275 / 0.8943 / 0.8656 and 0.8229 / 0.8884 / 0.8726 (dragnet: 14 and 7 dumps
better, none worse; no other dump moves). With a comment thread's first head in place of the numbered heading too:
0.8278 / 0.8943 / 0.8656 and 0.8230 / 0.8884 / 0.8725 (a listing of dated events went); with unnumbered comments
headings too: 0.8301 / 0.8946 / 0.8650 on naive dumps ("Response class" in a manual); the comments going below a
comments heading with an article above wherever the core is not article-like: dragnet +0.0003, wcxb-dev -0.0004 (20
dumps better, 17 worse).

Teaser rails (TEASER_SHARE) out of the rival and share tests, replayed the same way from 0.8275 / 0.8943 / 0.8656 and
0.8229 / 0.8884 / 0.8726: 0.8292 / 0.8962 / 0.8656 and 0.8246 / 0.8904 / 0.8725 (dragnet 10 naive dumps better, none
worse, 8 layout better, 1 worse; l3s-gn1 3 and 3 better; wcxb-dev 1 and 4 worse by 0.06 at most). Prose lines of 8
words or more whether or not they end a sentence: 0.8307 / 0.8958 / 0.8659 and 0.8255 / 0.8908 / 0.8725, but through
comment threads taken for rails (a comment's date line over it) and not the news rails; no one-sentence test: the
second halves of listicles went (wcxb-dev 0.8656 / 0.8720, 6 and 8 dumps worse); and without the core's own test
as well: wcxb-dev layout 0.8716. Instead of rails, every run that is not article-like (`_article_like`) left out of
the share: 0.8287 / 0.8948 / 0.8659 and 0.8235 / 0.8884 / 0.8724 (poll tables and an article's list sections went).
The rail's sentence ends are `Block.ends_sentence` (a closing ' or » ends one, a closing parenthesis does not): two
dragnet layout dumps better than with the zone's own pattern (0.8297 -> 0.8300 with the changes below), nothing else.

Readers' comments below the comments' start go whatever their score unless article-like lines follow its first line
(COMMENTS_BELOW_LINES; short comments the model scores 0.95 and up stayed past the core), and the short-post test
looks at those same lines (it looked at the lines up to the next gap of GAP_WORDS). From 0.8292 / 0.8962 / 0.8656
and 0.8246 / 0.8904 / 0.8725: 0.8334 / 0.8962 / 0.8656 and 0.8286 / 0.8904 / 0.8724 (dragnet 33 naive dumps better
and 4 worse, 29 layout better and 5 worse; l3s-gn1 and wcxb-dev: one dump moves, by -0.05). Without the
article-like test: 0.8353 / 0.8965 / 0.8645 and 0.8309 / 0.8905 / 0.8716 (a comment count above an article ended
it: wcxb-dev 2 dumps -0.59 and -0.74); with the test up to the next gap only: wcxb-dev 0.8650 (an advertisement line
between a count and the article); the short-post test kept on the lines up to the next gap: dragnet +0.0003 naive.

A shop page's prices are tags (`_price_tag`): '$29.99', 'From $29.99', '19,50€', a price and at most PRICE_TAG_WORDS
other words, not ending like a sentence or a clause. Any short line with an amount counted before, and a naive dump
breaks prose at each link, so a story's sentence pieces ('(£26, down from £49),', 'raised more than $2,000 for'), a
donation page's comments and a guide's pricing lines ('Starter: $5,000 per month') made articles shop pages that the
zone left alone. From 0.8445 / 0.8998 / 0.8665 and 0.8377 / 0.8921 / 0.8733: 0.8461 / 0.9003 / 0.8665 and 0.8388 /
0.8921 / 0.8733 (dragnet 5 naive dumps better, 1 worse by 0.06, 3 layout better; l3s-gn1 one naive dump better;
wcxb-dev 1 and 3 better, 2 and 6 worse, by 0.10 at most). Three other words: 0.8456 / 0.8998 / 0.8665 and 0.8384 /
0.8921 / 0.8732; any short line still, at 8, 10 or 20 of them: 0.8458 / 0.9003 / 0.8665 and 0.8386 / 0.8925 /
0.8732, 0.8458 / 0.9005 / 0.8666 and 0.8386 / 0.8925 / 0.8729, 0.8463 / 0.9011 / 0.8654 and 0.8393 / 0.8934 /
0.8722 (shops with few prices taken for articles); PRICE_TAG_WORDS per price on the line ('Sale price £12.00 Regular
price £15.00' a tag): l3s-gn1 naive 0.8998, wcxb-dev layout 0.8732 (the guide's price ranges were tags again).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

import numpy as np

from ..blocks import Block, Kind
from ..shared.phrases import opening
from ..shared.stamps import CLOCK_OR_DATE
from .line_features import LETTERS, PRICE

GAP_WORDS = 20  # unkept words between two kept lines that end a run
MARKER_WORDS = 8  # an end-of-article marker line holds at most this many words
CORE_MEAN_WORDS = 15.0
# or, a core of at most SHORT_CORE_LINES lines, SHORT_CORE_MEAN_WORDS: a naive dump breaks a paragraph at each link
# and each emphasis into lines of a few words; a longer run of short lines is a list, a manual or a thread
SHORT_CORE_MEAN_WORDS = 8.0
SHORT_CORE_LINES = 60
CORE_SHARE = 0.5
RIVAL = 0.5  # another run weighing this share of the core's weight: no single article (a forum, a listing)
# In the share and rival tests a run's lines weigh their words times their score to this power, so that lines the
# model half believes (headline lists, "Link Love" blurbs, a sidebar's lines beside a short post) weigh less beside a
# core it is sure of, while a forum's posts or a listing's items, scored alike, still rival each other. Whole text
# pipeline, word F1 over the naive / layout dumps of dragnet / l3s-gn1 / wcxb-dev tune. The rival test alone, from
# 0.8389 / 0.8962 / 0.8656 and 0.8339 / 0.8904 / 0.8724 (power 1): power 2: 0.8399 / 0.8976 / 0.8655 and 0.8346 /
# 0.8904 / 0.8728; 3: 0.8399 / 0.8976 / 0.8654 and 0.8357 / 0.8909 / 0.8728; 4: 0.8394 / 0.8968 / 0.8654 and 0.8361
# / 0.8904 / 0.8731; only lines scored 0.7 or more counted: 0.8381 / 0.8971 / 0.8657 and 0.8328 / 0.8899 / 0.8727
# (30 dragnet dumps moved, 16 for the worse). The share test too (it counted words alone), from power 3 in the rival
# test: power 1: 0.8418 / 0.8987 / 0.8657 and 0.8363 / 0.8909 / 0.8725; 2: 0.8427 / 0.8987 / 0.8657 and 0.8369 /
# 0.8909 / 0.8727; 3: 0.8438 / 0.8987 / 0.8657 and 0.8372 / 0.8909 / 0.8727; 5: 0.8435 / 0.8987 / 0.8657 and 0.8372
# / 0.8909 / 0.8730.
SCORE_POWER = 3.0
# The favor modes (`Pipeline(favor=...)`): the score from which a kept line after (before) the core stays anyway
# (above 1: none does; 0: the gate is off), as in `extract.article_zone`.
SURE = {"precision": 1.01, "balanced": 0.95, "recall": 0.0}
SURE_BEFORE = {"precision": 0.9, "balanced": 0.8, "recall": 0.0}
OTHER_PAGES = ("forum", "listing", "collection", "documentation")  # page types, guessed from the URL, left alone
SHOP_PRICES = 5  # price tags (`_price_tag`) that make a dump a shop page's
PRICE_TAG_WORDS = 2  # words besides its prices in a price tag ('From $29.99', 'Sale price $12.00')
# A comments heading with an article above it (EARLY_MASS words times score, a line of EARLY_LINE_WORDS words) bounds
# the search for the core, on dumps with at most MAX_COMMENTS_HEADINGS of them: comments that outweigh a short post
# are not taken for the article.
EARLY_MASS = 25.0
EARLY_LINE_WORDS = 25
# Under a short post (kept lines weighing SHORT_POST_MASS words times score above), a numbered comments heading ("111
# Responses to ...") starts the comments too, unless article-like lines follow it (`_article_like_below`: the comment
# count linked above an article, "53 Comments"); the comments then go though the post is too short to read like an
# article.
SHORT_POST_MASS = 3.0
# Below the comments' start, kept lines go however sure the model is of them (not only under SURE), unless the kept
# lines among the next COMMENTS_BELOW_LINES lines read like an article: the heading is then a comment count linked
# above the article ("124 Comments" under its standfirst), or the comments are long prose, where SURE decides.
COMMENTS_BELOW_LINES = 40
MAX_COMMENTS_HEADINGS = 3
# Comments headings within COMMENTS_BOX_LINES lines of the previous one are one box ('Comments', 'Trackbacks', '7
# Comments' tabs) and count once; a listing's numbered ones ('12 comments' per item) count each.
COMMENTS_BOX_LINES = 5
# A reader comment thread with an article above it bounds that search too, and ends a run (`_thread_start`):
# THREAD_UNITS lines of at most THREAD_HEAD_WORDS words holding a time or a numeric date (the comment headers:
# `shared.stamps.CLOCK_OR_DATE`), each but the last followed by a kept line of THREAD_BODY_WORDS words or more and no
# heading of THREAD_TITLE_WORDS words or more (a listing's dated items have titles) before the next.
THREAD_UNITS = 3
THREAD_HEAD_WORDS = 12
THREAD_BODY_WORDS = 8
THREAD_TITLE_WORDS = 4
# Teaser rails (a news page's "B.C. Headlines": headline lines, each over a one-sentence standfirst) beside the article
# weigh as much as it and made the zone stand aside (RIVAL, CORE_SHARE). A run other than the core with TEASER_SHARE
# of its prose lines (lines ending a sentence, of TEASER_PROSE_WORDS words or more, TEASER_MIN_LINES of them) one
# sentence right under a headline (2 to TEASER_HEAD_WORDS words, a capital first and no closing punctuation) is a
# rail: no rival, and outside the share. Not where the core is made that way too (a listicle's items), unless an
# article-like run that is no rail weighs RIVAL of it: a rail of the site's news above the story outweighed it, and
# the story is the core (`_past_a_rail`). That, word F1 naive / layout, dragnet / l3s-gn1 / wcxb-dev tune: 0.8438 /
# 0.8987 / 0.8657 and 0.8372 / 0.8909 / 0.8727 -> 0.8441 / 0.8992 / 0.8662 and 0.8374 / 0.8914 / 0.8730 (4 and 4
# dumps better, 0 and 2 worse, at most -0.16).
TEASER_SHARE = 0.6
TEASER_PROSE_WORDS = 8
TEASER_MIN_LINES = 3
TEASER_HEAD_WORDS = 14
# A rail of other posts' excerpts is a teaser rail too (`_excerpts`): EXCERPT_SHARE of a run's lines of EXCERPT_WORDS
# words or more (TEASER_MIN_LINES at least) end in an ellipsis ('…', '[…]', '...') or are cut short at one
# length: no sentence end, a lower-case last word (a headline's is capitalised), and a word count within
# EXCERPT_SPREAD of the median of such lines ("…significantly improving their chances of", 62 and 63 words). Word F1
# naive / layout, dragnet / l3s-gn1 / wcxb-dev tune: 0.8441 / 0.8992 / 0.8662 and 0.8374 / 0.8914 / 0.8730 -> 0.8445
# / 0.8998 / 0.8665 and 0.8377 / 0.8921 / 0.8733 (8 dumps better, none worse). Without the lower-case test, headline
# lists of 14 to 18 words read as excerpts (3 dragnet layout dumps -0.15 to -0.40); the ellipsis alone: 2 dumps better.
EXCERPT_WORDS = 10
EXCERPT_SPREAD = 3
EXCERPT_SHARE = 0.5
_ELLIPSES = ("…", "...", "[…]", "[...]", "(…)", "(...)")
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+(?=\S)")
_PHRASE_PREFIX = 160  # characters of a line the end marker is looked for in
_DIGIT = re.compile(r"\d")


def outside_the_core(
    blocks: Sequence[Block],
    probabilities: np.ndarray,
    keep: np.ndarray,
    favor: str = "balanced",
    page_type: str = "",
    language: str | None = None,
) -> np.ndarray:
    """Which of the kept lines (`keep`, a mask over `blocks` scored `probabilities`) lie outside the article's run of
    lines, as a boolean mask; all False where the dump does not look like one article or `page_type` (guessed from
    the URL) is one of OTHER_PAGES. `favor`: a key of SURE and SURE_BEFORE; `language`: the dump's (ISO code), whose
    ordinary words open no end-of-article marker (`shared.phrases.ordinary_opener`)."""
    drop = np.zeros(len(blocks), dtype=bool)
    if SURE[favor] <= 0.0 or page_type in OTHER_PAGES or not keep.any() or _shop(blocks):
        return drop
    words = np.fromiter((b.word_count for b in blocks), dtype=np.float64, count=len(blocks))
    markers = _markers(blocks, language)
    heading, short_post = _comments_start(blocks, probabilities, keep, words, markers)
    if heading is not None:
        markers[heading] = True  # a comment thread's first head ends a run, as a comments heading does
    runs = _runs(keep, words, markers)
    mass = [float((words[run] * probabilities[run]).sum()) for run in runs]
    candidates = len(runs) if heading is None else max(1, sum(1 for run in runs if run[-1] < heading))
    teaser = [_teaser_shaped(blocks, run, words) for run in runs]
    core = _past_a_rail(runs, mass[:candidates], words, teaser)
    core_words = float(words[runs[core]].sum())
    upto = len(blocks) if heading is None else runs[core][-1] + 1  # below a comments heading: the kept words above
    rails = _teaser_rails(core, teaser)
    # each run's lines weighed by words times score cubed; a teaser rail is no rival and outside the share
    weight = [
        0.0 if i in rails else float((words[run] * probabilities[run] ** SCORE_POWER).sum())
        for i, run in enumerate(runs)
    ]
    kept_weight = sum(w for w, run in zip(weight, runs, strict=True) if run[-1] < upto)
    if not _article_like(core_words, len(runs[core])) or weight[core] < CORE_SHARE * kept_weight:
        if short_post:  # a post too short to read like an article: the comments below it go all the same
            for run in runs[candidates:]:
                drop[run] = True
        return drop
    if any(w >= RIVAL * weight[core] for i, w in enumerate(weight[:candidates]) if i != core):
        return drop
    comments = heading is not None and not _article_like_below(heading, keep, words, markers)
    for i, run in enumerate(runs):
        if i != core:
            sure = SURE[favor] if i > core else SURE_BEFORE[favor]
            # readers' comments go however sure the model is of them (see COMMENTS_BELOW_LINES)
            drop[run] = True if comments and run[0] >= heading else probabilities[run] < sure
    return drop


def _past_a_rail(runs: list[np.ndarray], mass: list[float], words: np.ndarray, teaser: list[bool]) -> int:
    """The core among the candidate `runs` (their `mass`: words times score): the heaviest, unless it is a teaser rail
    (`teaser`: `_teaser_shaped`, a rail of the site's news above the story) and an article-like run that is none
    weighs RIVAL of it: the heaviest of those is the article."""
    core = int(np.argmax(mass))
    if not teaser[core]:
        return core
    stories = [
        i
        for i, run in enumerate(runs[: len(mass)])
        if mass[i] >= RIVAL * mass[core] and _article_like(float(words[run].sum()), len(run)) and not teaser[i]
    ]
    return max(stories, key=mass.__getitem__, default=core)


def _article_like(words: float, lines: int) -> bool:
    """Whether a core run of `lines` lines holding `words` words reads like an article's: lines of CORE_MEAN_WORDS
    words on average, or SHORT_CORE_MEAN_WORDS in a run of at most SHORT_CORE_LINES lines."""
    return words >= CORE_MEAN_WORDS * lines or (lines <= SHORT_CORE_LINES and words >= SHORT_CORE_MEAN_WORDS * lines)


def _teaser_rails(core: int, teaser: list[bool]) -> set[int]:
    """The runs other than the core that are teaser rails (`teaser`: `_teaser_shaped`), none where the core itself
    is made that way (a listicle's items: its other runs are the rest of the list)."""
    return set() if teaser[core] else {i for i, rail in enumerate(teaser) if rail and i != core}


def _teaser_shaped(blocks: Sequence[Block], run: np.ndarray, words: np.ndarray) -> bool:
    """Whether the run reads as a rail of other stories: headlines over one-sentence standfirsts (`_teaser_share` at
    least TEASER_SHARE) or excerpts cut short (`_excerpts`)."""
    return _teaser_share(blocks, run, words) >= TEASER_SHARE or _excerpts(blocks, run, words)


def _teaser_share(blocks: Sequence[Block], run: np.ndarray, words: np.ndarray) -> float:
    """The share of the run's prose lines (sentences of TEASER_PROSE_WORDS words or more; 0 below TEASER_MIN_LINES of
    them) that are one sentence right under a headline: a line of 2 to TEASER_HEAD_WORDS words that opens with a
    capital and ends unpunctuated."""
    prose = [j for j in run.tolist() if words[j] >= TEASER_PROSE_WORDS and blocks[j].ends_sentence]
    if len(prose) < TEASER_MIN_LINES:
        return 0.0
    under = sum(1 for j in prose if j and _headline(blocks[j - 1]) and _one_sentence(blocks[j].text))
    return under / len(prose)


def _excerpts(blocks: Sequence[Block], run: np.ndarray, words: np.ndarray) -> bool:
    """Whether the run is a rail of excerpts: EXCERPT_SHARE of its lines of EXCERPT_WORDS words or more (at least
    TEASER_MIN_LINES of them) end in an ellipsis or are cut at one length (no sentence end, a lower-case last word,
    within EXCERPT_SPREAD words of the median of such lines)."""
    lines = [j for j in run.tolist() if words[j] >= EXCERPT_WORDS]
    if len(lines) < TEASER_MIN_LINES:
        return False
    excerpts = {j for j in lines if blocks[j].text.rstrip().endswith(_ELLIPSES)}
    cut = [j for j in lines if not blocks[j].ends_sentence and blocks[j].text.split()[-1][:1].islower()]
    if len(cut) >= TEASER_MIN_LINES:
        median = float(np.median(words[cut]))
        excerpts.update(j for j in cut if abs(words[j] - median) <= EXCERPT_SPREAD)
    return len(excerpts) >= max(TEASER_MIN_LINES, EXCERPT_SHARE * len(lines))


def _headline(block: Block) -> bool:
    """A teaser's headline: 2 to TEASER_HEAD_WORDS words, a capital first and no closing punctuation."""
    return 2 <= block.word_count <= TEASER_HEAD_WORDS and block.text.lstrip()[:1].isupper() and not block.ends_sentence


def _one_sentence(text: str) -> bool:
    """A standfirst: one sentence, opening with a capital (no sentence end followed by a capital inside)."""
    return text[:1].isupper() and not any(text[m.end()].isupper() for m in _SENTENCE_BREAK.finditer(text))


def _comments_start(
    blocks: Sequence[Block], probabilities: np.ndarray, keep: np.ndarray, words: np.ndarray, markers: np.ndarray
) -> tuple[int | None, bool]:
    """Where the reader comments start below an article, and whether under a short post: the first comments heading
    line ("12 Comments", phrase list `comments_heading`; on a dump with at most MAX_COMMENTS_HEADINGS boxes and
    numbered ones of them, as a listing shows one per item) or the first head of a comment thread (`_thread_start`),
    whichever comes first of those with an article above it (kept lines weighing EARLY_MASS words times score, one of
    EARLY_LINE_WORDS words), or a numbered comments heading under a short post (see SHORT_POST_MASS); (None, False)
    when there is none. `markers`: `_markers`."""
    headings = [i for i in np.flatnonzero(markers).tolist() if is_comments_heading(blocks[i])]
    boxes = [h for k, h in enumerate(headings) if k == 0 or h - headings[k - 1] > COMMENTS_BOX_LINES]
    numbered = sum(1 for h in headings if _DIGIT.search(blocks[h].text))
    if len(boxes) > MAX_COMMENTS_HEADINGS or numbered > MAX_COMMENTS_HEADINGS:
        headings = []
    thread = _thread_start(blocks, keep, words)
    for start in sorted([*headings, *([] if thread is None else [thread])]):
        above = keep[:start]
        mass = float((words[:start] * probabilities[:start])[above].sum())
        if mass >= EARLY_MASS and words[:start][above].max(initial=0.0) >= EARLY_LINE_WORDS:
            return start, False
        if mass >= SHORT_POST_MASS and start != thread and _DIGIT.search(blocks[start].text):
            if not _article_like_below(start, keep, words, markers):
                return start, True
    return None, False


def _article_like_below(start: int, keep: np.ndarray, words: np.ndarray, markers: np.ndarray) -> bool:
    """Whether the kept lines among the COMMENTS_BELOW_LINES lines under line `start`, up to the next marker, read like
    an article (`_article_like`): a comments heading over them is the article's comment-count link, or the comments
    are long prose that the model may be sure of."""
    below: list[int] = []
    for j in range(start + 1, min(len(keep), start + 1 + COMMENTS_BELOW_LINES)):
        if markers[j]:
            break
        if keep[j]:
            below.append(j)
    return bool(below) and _article_like(float(words[below].sum()), len(below))


def _thread_start(blocks: Sequence[Block], keep: np.ndarray, words: np.ndarray) -> int | None:
    """The first head of the first run of THREAD_UNITS comment heads (short lines with a time or a numeric date, each
    but the last followed by a kept line of THREAD_BODY_WORDS words and no titled heading before the next head; a
    dump guesses a short name or date line to be a heading, so those do not count); None when there is none."""
    heads = [i for i, b in enumerate(blocks) if words[i] <= THREAD_HEAD_WORDS and CLOCK_OR_DATE.search(b.text)]
    run: list[int] = []
    for head, after in itertools.pairwise(heads):
        between = range(head + 1, after)
        if any(keep[j] and words[j] >= THREAD_BODY_WORDS for j in between) and not any(
            blocks[j].kind is Kind.HEADING and words[j] >= THREAD_TITLE_WORDS for j in between
        ):
            run.append(head)
            if len(run) >= THREAD_UNITS - 1:
                return run[0]
        else:
            run = []
    return None


def is_comments_heading(block: Block, language: str | None = None) -> bool:
    """Whether the line is a short comments heading ("12 Comments", "Leave a reply": phrase list `comments_heading`;
    no question: French "Comment choisir … ?" is "How to choose … ?", and on a page in `language` (ISO code) nothing
    that opens with one of its ordinary words: French "Comment choisir …")."""
    opener = opening(("comments_heading",), lowered=True, language=language)
    return block.word_count <= MARKER_WORDS and opener.match(block.text[:_PHRASE_PREFIX].lower()) is not None


def _shop(blocks: Sequence[Block]) -> bool:
    """Whether at least SHOP_PRICES lines are price tags."""
    return sum(map(_price_tag, blocks)) >= SHOP_PRICES


def _price_tag(block: Block) -> bool:
    """A shop's price: a line of at most MARKER_WORDS words with a price and at most PRICE_TAG_WORDS other words, not
    ending like a sentence or a clause (a piece of prose with an amount in it, cut at a link, is no price tag)."""
    if block.word_count > MARKER_WORDS or PRICE.search(block.text) is None:
        return False
    if block.ends_sentence or block.text.rstrip().endswith(","):
        return False
    return len(LETTERS.findall(PRICE.sub(" ", block.text))) <= PRICE_TAG_WORDS


def _markers(blocks: Sequence[Block], language: str | None = None) -> np.ndarray:
    """Which lines open an end-of-article section: short ones the phrase lists `article_end` or `comments_heading`
    open ("Related stories", "5 comments"), but for an ordinary word of the dump's `language`."""
    opener = opening(("article_end", "comments_heading"), lowered=True, language=language)
    return np.fromiter(
        (b.word_count <= MARKER_WORDS and opener.match(b.text[:_PHRASE_PREFIX].lower()) is not None for b in blocks),
        dtype=bool,
        count=len(blocks),
    )


def _runs(keep: np.ndarray, words: np.ndarray, markers: np.ndarray) -> list[np.ndarray]:
    """The kept lines' indices in runs: a run ends where more than GAP_WORDS unkept words or an end-of-article marker
    line (`markers`) lie before the next kept line."""
    kept = np.flatnonzero(keep)
    cuts = [
        k
        for k in range(1, len(kept))
        if words[kept[k - 1] + 1 : kept[k]].sum() > GAP_WORDS or markers[kept[k - 1] + 1 : kept[k] + 1].any()
    ]
    return np.split(kept, cuts)
