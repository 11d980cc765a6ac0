"""Where the article is on an article page, and which kept blocks lie outside it: past its end, or far before it.

The block classifier scores each block on its own and from the scores around it; it has no notion of where the
article is, so on news and blog pages it keeps what follows the article: reader comments, "more news" rails,
sidebar widgets. Those are the same shapes a listing or a collection keeps as content, so this runs only on pages
guessed to be articles, and all but the comment-thread and teaser-list rules only where the kept text looks like one
(`_looks_like_article`); where it does not but the model is sure of the core, only blocks of links go (`CORE_SURE`).

The article's core is the path (the tags and classes of a block's nearest ancestors, `Candidate.path`) that holds
the most kept, probable words: an article's paragraphs share one (looked for before an end-of-article marker when
an article precedes it, so that long comments after a short post do not take its place, unless past a "Related" or
"Read more" line the model is surer of the article than of what precedes the line). Past the core's last
block, a kept block is dropped, unless the model is sure of it (score at least `SURE`), when

- a short block opening an end-of-article section ("5 comments", "Leave a reply", "Related stories", "Tags:" in the
  `article_end` and `comments_heading` phrase lists) stands between it and the core, or
- it lies more than `FAR_AFTER` blocks past the core.

Before the core's first block, a kept block more than `FAR_BEFORE` blocks away goes unless its score is at least
`SURE_BEFORE` (teaser lists and "top stories" above the article; the headline, kicker and byline sit within reach).

Past the core, a thread of reader comments goes whole, however sure the model is of its long posts, and also on
pages whose kept text does not look like an article (`_comment_thread`): a run of look-alike units, each a short
line with a date or a time ("Posted By: jo | January 07 2008 at 03:06 PM") and the longer text it heads. With the
pipeline (benchmarks/bench.py, 2026-12-06): dragnet shingle F1 0.8852 -> 0.8884 (P 0.876 -> 0.882),
l3s-gn1 0.9263 -> 0.9282 (P 0.914 -> 0.918), wcxb-dev held-out word F1 0.8662 -> 0.8662, `without` 0.027 -> 0.027.

Outside the core's span, a list of other stories goes whole too, however sure the model is of it (`_teaser_lists`):
a path other than the core's whose kept blocks there are mostly short lines with a date or a time ("• Michigan votes
in tight GOP race 1/15/2008, 10:23 a.m.", "Biotech December 19, 2025", "Top story 32m ago", "vor 3 Stunden"; a
written-out or numeric date, a time of day or a relative time from the phrase list `relative_time`, not a bare year),
in a stretch of short blocks (none of `TEASER_BODY_WORDS`) whose headlines are links. The stories' other lines
(headline, byline) go with their date lines. Such a list also no longer counts against the kept text looking like
an article. With the pipeline (2026-12-06, in sample for wcxb-dev, whose held-back slice was not read): dragnet
shingle F1 0.8960 -> 0.8963 (3 pages change, all for the better), l3s-gn1 0.9285 -> 0.9297 (6 change, 5 for the
better), wcxb-dev tune word F1 0.9106 -> 0.9106 (one service page, better). Where the kept text looks like an article,
lists of short lines that are all link (menus, "More Breaking Business News") go the same way, unless the model is
sure of them (`SURE`) or they weigh more words than the core (a listing guessed to be an article): dragnet 0.8963 ->
0.8967, l3s-gn1 0.9297 -> 0.9315, wcxb-dev tune 0.9106 -> 0.9106 (out of fold 0.8680 -> 0.8681).

Where the core lies past a comments heading ("57 Comments", "Leave a reply": phrase list `comments_heading`), no
article was kept before it, a heading sits a few blocks above that heading, and the core is nested in more
comment-named elements (class/id) than what lies between the two, the model dropped a short post (a photo and a
caption, a few lines) and kept its comments: the post takes the thread's place (`article_blocks`). With the pipeline
(benchmarks/bench.py, 2026-12-06, with the comments headings as end markers too): dragnet shingle F1 0.890 -> 0.896
(P 0.886 -> 0.894), l3s-gn1 0.928 -> 0.928, wcxb-dev held-out word F1 0.8662 -> 0.8662.

Where the core is itself the posts of a comment thread (its first head, a short line with a date or a time, right
above the core's first block: `_thread_as_core`), the model is unsure of them (`CORE_UNSURE`) and an article lies
above the thread, a short post's comments outweighed it: the thread and all below it go (2026-12-07, with the
pipeline: dragnet shingle F1 0.9112 -> 0.9117, 2 pages better, none worse; l3s-gn1 and wcxb-dev tune page for page as
before, out of fold too). Comment heads may now carry a day, a month's name and a two-digit year ('07 Nov 12',
`shared.stamps`): one of the two pages needs that to find its thread.

Where the page's headline lies right above the core (`HEADED_REACH`), the core is the article however much else
was kept: the rules above apply where the kept text does not look like an article, above the core what lies more
than ABOVE_HEADLINE blocks above the headline goes unless the model is sure of it, and below it what lies more than
HEADED_AFTER blocks past its last one (2026-12-08: dragnet 0.9124 -> 0.9183, l3s-gn1 0.9333 -> 0.9377, wcxb-dev
tune 0.9112 -> 0.9114, out of fold 0.8723 -> 0.8724).

Where the page's headline (of the h1-h3 whose words are nearly all in the page's <title>, the one of the most
words) lies past a core the model is unsure of, the model took a sidebar ("About me", a blog's blurb) for the
article of a post too short to score well: the headline and the post under it, up to the next end marker, take its
place (`_post_under_headline`).

Measured on 2026-12-06 by benchmarks/bench.py: dragnet shingle F1 0.849 -> 0.878 (P 0.802 -> 0.859), l3s-gn1
0.882 -> 0.904 (P 0.844 -> 0.886); wcxb-dev tune word F1 0.912 -> 0.911 (in sample; listing 0.792 -> 0.783,
service 0.908 -> 0.900, article 0.968 -> 0.969), `without` 0.030 -> 0.028. The first version (no early core,
CORE_SHARE 0.35 of all kept words), out of fold (train_blocks.py --cv-only --end-to-end, fold models): word F1
0.8699 -> 0.8702, `without` 0.0389 -> 0.0371. Held-out slice, read once at the end: word F1 0.8663 -> 0.8659,
`without` 0.0302 -> 0.0294 (article 0.951 -> 0.952, product 0.701 -> 0.711, listing 0.757 -> 0.744, service 0.825
-> 0.812). Favor modes (dragnet / l3s-gn1 shingle F1, wcxb-dev tune word F1): precision 0.880 / 0.905 / 0.908,
balanced 0.878 / 0.904 / 0.911, recall (no gate) 0.849 / 0.882 / 0.912.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..blocks import Kind
from ..metadata.dates import date_span
from ..shared.phrases import contains, opening
from ..shared.stamps import CLOCK_OR_DATE, STAMP
from .segment import SIGNALS, Candidate

# The favor modes (`Pipeline(favor=...)`) and the score from which a kept block past the article's end is kept anyway
# (above 1: none is; 0: the gate is off).
# Offline, first version (dragnet / l3s-gn1 shingle F1, wcxb-dev tune word F1): SURE 0.9: 0.866 / 0.895 /
# 0.9116; SURE 1.01 (drop every such block): 0.863 / 0.897 / 0.9048 (the in-sample wcxb-dev scores of the content
# a page keeps past its core sit above 0.9).
SURE = {"precision": 1.01, "balanced": 0.9, "recall": 0.0}
# Blocks past the core's last block from which a kept block counts as far (offline, SURE 0.9: 5: 0.866 / 0.896 /
# 0.9085, 10: 0.866 / 0.895 / 0.9116, 20: 0.860 / 0.891 / 0.9118).
FAR_AFTER = 10
# Kept blocks more than FAR_BEFORE blocks before the core's first one go unless their score is at least SURE_BEFORE.
# Offline replay of the block model's cut (no block filters; dragnet / l3s-gn1 shingle F1, wcxb-dev tune word F1) from
# 0.8892 / 0.9268 / 0.9063: FAR_BEFORE 10, SURE_BEFORE 0.8: 0.8916 / 0.9324 / 0.9064 (article 0.966 -> 0.967, service
# 0.896 -> 0.895); SURE_BEFORE 0.9: 0.8916 / 0.9331 / 0.9060 (service 0.893); 0.95: 0.8916 / 0.9332 / 0.9059;
# FAR_BEFORE 5: 0.8912 / 0.9348 / 0.9059; 7: 0.8911 / 0.9340 / 0.9059; 15: 0.8911 / 0.9319 / 0.9061; 20: 0.8909 /
# 0.9312 / 0.9061. Only link-heavy blocks (link density 0.5 or more), FAR_BEFORE 5: 0.8906 / 0.9306 / 0.9064.
FAR_BEFORE = 10
SURE_BEFORE = {"precision": 0.9, "balanced": 0.8, "recall": 0.0}
# An end-of-article marker is a block of at most this many words.
MARKER_WORDS = 8
# The page's kept text looks like an article when its core's blocks average at least CORE_MEAN_WORDS words and the
# core holds at least CORE_SHARE of the words kept up to the cut. On wcxb-dev tune pages guessed to be articles, the
# core's mean block is 21.8 words or more on nine real articles in ten, 3-8 words on a typical listing or collection.
# Offline (dragnet / l3s-gn1 / wcxb-dev tune): CORE_SHARE 0.35: 0.878 / 0.901 / 0.9098 (listing 0.773); 0.5: 0.877 /
# 0.901 / 0.9107 (listing 0.782); CORE_MEAN_WORDS 20 instead of 15: 0.877 / 0.899 / 0.9099.
CORE_MEAN_WORDS = 15.0
CORE_SHARE = 0.5
# Where the kept text does not look like an article but the model is sure of its core (word-weighted mean score at
# least CORE_SURE: a short news story amid a portal's headline rails), the kept blocks of links (link density at least
# POST_LINK_DENSITY) past the article's end or far before it go. With the pipeline (2026-12-06; dragnet / l3s-gn1
# shingle F1, wcxb-dev tune word F1 in sample and out of fold): 0.9014 / 0.9318 / 0.9112 / 0.8690 -> 0.9019 / 0.9329 /
# 0.9109 / 0.8690 (dragnet 15 pages better, 1 worse; l3s-gn1 8 better, none worse; wcxb-dev out of fold 19 better,
# 16 worse, `without` 0.0360 -> 0.0358). Every kept block there, links or not: 0.9025 / 0.9327 / 0.9092 / 0.8676
# (service pages guessed to be articles lose their sections).
CORE_SURE = 0.9
# When the path of most kept words comes after an end-of-article marker (a short post followed by long comments),
# the core is looked for before the first marker preceded by an article: kept blocks weighing EARLY_MASS words times
# score, one of them EARLY_BLOCK_WORDS long. Offline: dragnet 0.870 -> 0.877, l3s-gn1 0.898 -> 0.901, wcxb-dev tune
# 0.9107 -> 0.9107 (40 and 20, and a tenth of the page's mass). Without that share (a short blog post under a
# thread of comments ten times its size: 115 of the 159 dragnet pages whose core was mostly not article were such),
# offline replay (dragnet / l3s-gn1 shingle F1, wcxb-dev tune word F1) from 0.8881 / 0.9096 / 0.9065: 40, 20: 0.8894
# / 0.9095 / -; 20, 20: 0.8894 / 0.9098 / 0.9060 (collection -0.006); 30, 25: 0.8900 / 0.9095 / 0.9064; 25, 25:
# 0.8892 / 0.9098 / 0.9064; a share of 0.05 kept: 0.8892 / 0.9095 / 0.9062.
EARLY_MASS = 25.0
EARLY_BLOCK_WORDS = 25
# Past a marker that is no comments heading ("Related", "Read more", "Sign up for free"), the early core stands only
# if the page's core is no surer an article than it (`_surer`): a higher word-weighted mean score, nested in no more
# comment-named elements, links under POST_LINK_DENSITY of its words. With the pipeline (2026-12-06; dragnet / l3s-gn1
# shingle F1, wcxb-dev tune word F1, out of fold): 0.9006 / 0.9317 / 0.9107 / 0.8682 -> 0.9014 / 0.9318 / 0.9111 /
# 0.8688 (dragnet 7 pages better, 5 worse; l3s-gn1 2 better; wcxb-dev 5 better: a teaser paragraph above "Sign up
# for free" or "Related:" had taken the article's place). Measured and not kept: early cores past comments headings
# only: 0.8978 / 0.9295 / 0.9112 / 0.8698 ("Latest Stories" and "Previous post" above sidebars and comment threads
# the model scored higher); without the link test: 0.9012 / 0.9318 / 0.9111 / 0.8688. Looking on past a rejected
# marker for a later one changes no page of the three corpora.
# A comments heading (an h1-h6) within the span of the page's core ends the article too, when an article precedes it:
# blogs whose comments are paragraphs in elements like the post's made one core of post and thread (2026-12-07, with
# the pipeline: dragnet 0.9091 -> 0.9095, 5 pages better, 2 worse, both of one blog whose annotators kept its
# trackbacks; l3s-gn1 0.9329 -> 0.9330, one better; wcxb-dev tune page for page as before, out of fold 0.8723 as
# before). Any comments marker there, not only headings: dragnet 0.9100, l3s-gn1 0.9332, wcxb-dev tune 0.9112 ->
# 0.9091 (a "Response" table cell of a poll; service and collection pages).
_PHRASE_PREFIX = 160  # characters of a block the end marker is looked for in
# A comment thread: at least THREAD_UNITS heads (blocks of at most THREAD_HEAD_WORDS words holding a
# `shared.stamps.STAMP` or a relative time, `_comment_stamp`) on one path other than the core's, making at least
# THREAD_SHARE of that path's blocks past the core, each but the last followed by a kept block of at least
# THREAD_BODY_WORDS words and no heading before the next head (a listing's dated items have titles). Offline replay of
# the block model's cut (dragnet / l3s-gn1 shingle F1, wcxb-dev tune word F1) from 0.8916 / 0.9324 / 0.9064: 0.8949 /
# 0.9343 / 0.9063 (one wcxb-dev page changes: user reviews under a review, which its annotators kept; l3s-gn1 0.9338
# before "9:35am" read as a time). Measured with that older stamp: heads scored anything, the same with only kept heads
# 0.8943 / 0.9339; no share 0.8954 / 0.9339 / 0.9063 less a page of dated FAQ questions; any single stamp line (no
# alternation, no heading test, no core size) 0.8966 / 0.9343 / 0.9052 (listings and service pages lose); keeping thread
# blocks the model scores 0.95 or more 0.8926 / 0.9327. Also on pages whose kept text does not look like an article (a
# short post under a thread that outweighs it), from 0.8958 / 0.9343 / 0.9063 (with the trackback phrases): 0.8970 /
# 0.9345 / 0.9063; with the pipeline, dragnet 0.8891 -> 0.8901, l3s-gn1 0.9283 -> 0.9285, held-out 0.8662 -> 0.8662.
# The rule first required a core of three blocks or more; a short blog post under "Comments" whose core is a single
# block (its quoted passage) lost its thread only to the blocks the model was unsure of. Without that size (2026-12-07,
# with the pipeline): dragnet shingle F1 0.9079 -> 0.9091 (5 pages better, none worse), l3s-gn1 and wcxb-dev tune page
# for page as before (out of fold 0.8723 as before). Heads with a relative time too ('3 years ago': Disqus and other
# comment systems print no date; 2026-12-07, with the pipeline): dragnet 0.9097 -> 0.9099 (2 pages better, none worse),
# l3s-gn1 and wcxb-dev tune page for page as before (out of fold too). In text dumps, without paths, the same heads
# cost three dragnet dumps (-0.73, -0.28, -0.19) and gained none: `text.line_zone` keeps its times and dates
# (`CLOCK_OR_DATE`: numeric, or a day, a month and a two-digit year, which gained a layout dump of dragnet +0.23 and
# changed no other dump, 2026-12-07).
THREAD_UNITS = 3
THREAD_HEAD_WORDS = 20
THREAD_BODY_WORDS = 8
THREAD_SHARE = 0.5
# Where the core is itself a comment thread's posts (`_thread_as_core`: its first head at most THREAD_REACH blocks
# above the core's first block), the model unsure of them (`CORE_UNSURE`) and an article above (`_article_before`),
# the thread and all below go: a short post whose comments outweighed it (a poll's 170 words under 40 responses).
THREAD_REACH = 1
# A short post above its comment thread (`_post_above_comments`): the post's title is a heading (h1-h3) at most
# POST_REACH blocks above the last comments heading before the core; between them, blocks scored at least POST_FLOOR
# with a link density below POST_LINK_DENSITY are the post. Offline replay of the block model's cut (dragnet /
# l3s-gn1 shingle F1, wcxb-dev tune word F1) from 0.8970 / 0.9345 / 0.9063: 0.9027 / 0.9345 / 0.9063 (13 dragnet
# pages change, none for the worse; none on the other two); POST_REACH 30: 0.9031 / - / 0.9056 (a forum page guessed
# article loses its thread); POST_FLOOR 0.2: 0.9019; any heading level: the same; any `article_end` marker in place of
# a comments heading: 0.9031 / 0.9345 / 0.9033 ("Subscribe" and "Sign up" boxes above real articles).
POST_REACH = 15
POST_FLOOR = 0.1
POST_LINK_DENSITY = 0.5
POST_HEADING_LEVEL = 3
# A short post under a sidebar the model took for the article (`_post_under_headline`): the core's blocks score under
# CORE_UNSURE on average (word-weighted), and the page's headline lies past the core: of the headings (h1-h3) of at
# least HEADLINE_WORDS words of which at least HEADLINE_TITLED are in the page's <title>, the one of the most words
# (the first of those): a blog's name heads its pages in an h1 and opens their titles too ('Seth's Blog: The false
# choice of mediocrity'), above the sidebar, and was taken for the headline (the first such heading: 2026-12-07,
# dragnet 0.9099 -> 0.9112, five posts of one blog better, no page worse; l3s-gn1 and wcxb-dev tune, in sample and
# out of fold, page for page as before). The post is the headline, what was kept within HEADLINE_REACH blocks above
# it (its date, its kicker), and the blocks under it up to the next end-of-article marker or to POST_GAP blocks in a
# row that are no post (scored under POST_FLOOR, link density POST_LINK_DENSITY or more, or in more comment-named
# elements than the headline), at least POST_WORDS words. With the pipeline
# (2026-12-06; dragnet / l3s-gn1 shingle F1, wcxb-dev tune word F1): 0.8967 / 0.9315 / 0.9106 -> 0.9006 / 0.9315 /
# 0.9106 (8 dragnet pages better, none worse: "About me" boxes and blog-roll blurbs above one-paragraph posts; no page
# changes on the other two). Measured and not kept: any core score: 0.8970 (8 pages worse: a good article above a
# related-posts heading that repeats the title); CORE_UNSURE 0.8: 0.8994; dropping only the core's path rather than
# all kept before the headline: 0.8960; no POST_WORDS: one l3s-gn1 page loses its article (a "Comments" link under the
# headline ends a one-line post).
CORE_UNSURE = 0.9
HEADLINE_WORDS = 3
HEADLINE_TITLED = 0.8
HEADLINE_REACH = 3
POST_GAP = 3
POST_WORDS = 25
# A core right under the page's headline (`_outside`): the headline lies at most HEADED_REACH blocks above the core's
# first block (its byline, date, photo and caption between), which is no heading. Such a core is the article however
# much else was kept (rails, reader reviews, comments: a 2007 portal's 120-word story under 600 words of them), so the
# rules for an article page apply where the kept text does not look like one; and above it, what lies more than
# HEADLINE_REACH blocks above the headline goes unless the model is sure of it (`SURE_BEFORE`), not only what lies
# FAR_BEFORE blocks above the core (now ABOVE_HEADLINE blocks, below). With the pipeline (2026-12-08; dragnet / l3s-gn1 shingle F1, wcxb-dev tune word
# F1 in sample / out of fold): 0.9124 / 0.9333 / 0.9112 / 0.8723 -> 0.9160 / 0.9345 / 0.9114 / 0.8723 (dragnet 64
# pages better, 2 worse by -0.02 at most; l3s-gn1 12 better, one -0.006; wcxb-dev 6 better, 2 worse, out of fold 5
# better, 2 worse by -0.03 at most). Measured and not kept: the edge alone, no gate: 0.9129 / 0.9336 / 0.9113;
# HEADED_REACH 3: 0.9149 / 0.9345 / 0.9113; 10: 0.9161 / 0.9345 / 0.9111 / 0.8720 (a product page and a service page
# lose); a core of headings allowed: a service page's price cards under its h1 lost their table (-0.60); the core's
# mean words (`CORE_MEAN_WORDS`) required instead: 0.9149 (a blog's weekly round-up of 14-word list items fails it).
# Past such a core, what lies more than HEADED_AFTER blocks past its last block goes unless the model is sure of it
# (`SURE`), not only what lies FAR_AFTER blocks past it or past an end marker: from 0.9160 / 0.9345 / 0.9114 /
# 0.8723, 0.9169 / 0.9374 / 0.9114 / 0.8724 (dragnet 42 better, 9 worse; l3s-gn1 40 better, 2 worse; wcxb-dev 7
# better, 14 worse by -0.11 at most; out of fold 24 pages change, +0.08 in all). Measured and not kept: 0: 0.9153 /
# 0.9381 / 0.9109 / 0.8719 (dragnet 81 worse); 2: 0.9175 / 0.9384 / 0.9113 / 0.8723 (dragnet 33 worse); 3: 0.9172 /
# 0.9377 / 0.9113 / 0.8723; 6: 0.9163 / 0.9363 / 0.9114.
# Above such a core, what lies more than ABOVE_HEADLINE blocks above the headline goes (a kicker or a date line right
# above it stays) unless the model is sure of it; it was HEADLINE_REACH (3): from 0.9169 / 0.9374 / 0.9114 / 0.8724,
# 0.9183 / 0.9377 / 0.9114 / 0.8724 (dragnet 44 better, one -0.009; l3s-gn1 7 better; wcxb-dev one better, out of
# fold 2 better, none worse). At 0 (all above the headline): 0.9184 / 0.9377 / 0.9114 (dragnet 50 better, one -0.017;
# l3s-gn1 8 better, one -0.002).
HEADED_REACH = 6
HEADED_AFTER = 4
ABOVE_HEADLINE = 1
# Lists of other stories ("• Michigan votes in tight GOP race 1/15/2008, 10:23 a.m.", "Rovers Fans Know Their Players
# (Saturday January 12 2008)", "Top story 32m ago"): at least TEASER_UNITS kept blocks of at most TEASER_WORDS words
# with a date or a time on one path other than the core's, outside the core's span, making at least TEASER_SHARE of
# that path's kept blocks there; from the first to the last, no kept block of TEASER_BODY_WORDS words or more (comments
# and testimonials have bodies), and at least TEASER_LINK_DENSITY of the words besides the date lines in links (the
# headlines; a service page's dated offers, guessed to be an article, have none). Offline, without the link and body
# tests: the same gains on dragnet and l3s-gn1 plus 8 dragnet pages of one site, and 5 wcxb-dev tune pages worse
# (testimonials, offers, video lengths on listings guessed to be articles).
TEASER_UNITS = 3
TEASER_WORDS = 25
TEASER_SHARE = 0.5
TEASER_LINK_DENSITY = 0.2
TEASER_BODY_WORDS = 40
DATE_LINE_WORDS = 7  # 'August 1, 2020 at 3:45 am': a stamped line this short is a date line, not a headline
# Where the kept text looks like an article, lists of links to other stories outside the core's span go too, unless
# the model is sure of them (SURE): the same test with short lines that are all link ("More Breaking Business News":
# "BMW Audi Mercedes - U.S big sellers", ...) in place of dated ones, when all of them together weigh no more words
# than the core. With the pipeline (2026-12-06, in sample for wcxb-dev): dragnet 0.8963 -> 0.8967 (29 pages better,
# 9 worse: one blog's related posts, which its annotators kept), l3s-gn1 0.9297 -> 0.9315 (42 better, 4 worse),
# wcxb-dev tune 0.9106 -> 0.9106 (13 better, 7 worse; out of fold 0.8680 -> 0.8681). Whatever the model's score:
# 0.8967 / 0.9316 / 0.9106. On every page guessed to be an article (no test of its looking like one, nor of the
# weight): 0.8981 / 0.9342 / 0.9080 (listings guessed to be articles lose their lists: listing 0.784 -> 0.759).
LINK_LIST_WORDS = 15
LINK_LIST_DENSITY = 0.8
_COMMENT = [name for name, _ in SIGNALS].index("comment")
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
# End-of-article markers include the `comments_heading` list ("40 Responses to …", which `article_end`, a feature of
# the block model, lacks): offline replay dragnet 0.9027 -> 0.9032 (three pages change, none for the worse), l3s-gn1
# and wcxb-dev tune unchanged.


def article_blocks(
    cands: Sequence[Candidate],
    probabilities: np.ndarray,
    keep: np.ndarray,
    words: np.ndarray,
    page_type: str,
    favor: str = "balanced",
    titled: np.ndarray | None = None,
    language: str | None = None,
) -> np.ndarray:
    """The kept blocks (`keep`) less those `outside_the_article` (read around the page's headline: HEADED_REACH); where
    the model dropped a short post and kept the comment thread under it (`_post_above_comments`), or a sidebar above
    its headline (`_post_under_headline`), the post in their place; where the thread it kept outweighs the post above
    it (`_thread_as_core`), the post alone.
    `titled`: each block's share of words found in the page's <title> (none: no headline is looked for); the other
    arguments as there."""
    zone = _zone(cands, probabilities, keep, words, page_type, favor, language)
    headline = _headline(cands, words, titled) if titled is not None and zone is not None else None
    kept = keep & ~_outside(cands, probabilities, keep, words, favor, zone, headline)
    under = _post_under_headline(cands, probabilities, words, headline, zone)
    if under is not None:
        headline, blocks = under
        kept[: max(0, headline - HEADLINE_REACH)] = False
        kept[headline:] = False
        kept[[headline, *blocks]] = True
        return kept
    thread = _thread_as_core(cands, probabilities, keep, words, zone)
    if thread is not None:
        kept[thread:] = False
        return kept
    above = _post_above_comments(cands, keep, zone)
    if above is not None:
        title, heading = above
        kept[heading:] = False
        for i in range(title, heading):
            kept[i] |= bool(probabilities[i] >= POST_FLOOR and cands[i].link_density < POST_LINK_DENSITY)
    return kept


def outside_the_article(
    cands: Sequence[Candidate],
    probabilities: np.ndarray,
    keep: np.ndarray,
    words: np.ndarray,
    page_type: str,
    favor: str = "balanced",
    language: str | None = None,
) -> np.ndarray:
    """Which of the kept blocks (`keep`) lie past the end of the article or far before it, as a boolean mask over
    `cands`; all False unless the page is guessed to be an article (`page_type`). Where its kept text does not look
    like one, only comment threads, lists of other stories and, around a core the model is sure of, blocks of links.
    No headline is read here (that needs the page's <title>: `article_blocks` reads it).

    `probabilities`: each block's score, `words`: its word count; `favor`: a key of `SURE` and `SURE_BEFORE`;
    `language`: the page's (ISO code), whose ordinary words open no end-of-article marker (`_markers`).
    """
    zone = _zone(cands, probabilities, keep, words, page_type, favor, language)
    return _outside(cands, probabilities, keep, words, favor, zone)


@dataclass(frozen=True)
class _Zone:
    """What both rules read of an article page: its end markers, and its core (path, first and last kept block)."""

    markers: list[int]
    core: tuple[int, int, int]
    early: bool  # the core was looked for before a marker with an article above it


def _zone(
    cands: Sequence[Candidate],
    probabilities: np.ndarray,
    keep: np.ndarray,
    words: np.ndarray,
    page_type: str,
    favor: str,
    language: str | None,
) -> _Zone | None:
    """The page's markers and core, looked for before the first marker that has an article above it (a short post
    whose comments outweigh it; a comments heading within the core's span, where the comments sit in elements like
    the article's), passing over markers that are no comments heading where the page's core is a surer article
    (`_surer`); None unless the page is guessed to be an article, the gate is on and a block kept."""
    n = len(cands)
    if page_type != "article" or n == 0 or SURE[favor] <= 0.0 or not keep.any():
        return None
    markers = _markers(cands, words, language)
    core = _core(cands, probabilities, keep, words, n)
    if core is None:
        return None
    comments = opening(("comments_heading",), lowered=True)
    whole: tuple[float, int, float] | None = None  # the page core's traits, read once, when a marker needs them
    for m in markers:
        heading = comments.match(cands[m].text[:_PHRASE_PREFIX].lower()) is not None
        inside = heading and cands[m].kind is Kind.HEADING and m < core[2]  # comments in the article's elements
        if (m < core[1] or inside) and _article_before(probabilities, keep, words, m):  # an article ahead of it
            early = _core(cands, probabilities, keep, words, m) or core
            if heading:
                return _Zone(markers, early, True)
            whole = whole or _core_traits(cands, probabilities, keep, words, core)
            if not _surer(whole, _core_traits(cands, probabilities, keep, words, early)):
                return _Zone(markers, early, True)
    return _Zone(markers, core, False)


def _surer(core: tuple[float, int, float], early: tuple[float, int, float]) -> bool:
    """Whether a core with these `_core_traits` is a surer article than the early one (see EARLY_BLOCK_WORDS): a
    higher word-weighted mean score, in no more comment-named elements, and links under POST_LINK_DENSITY of its
    words."""
    score, nesting, links = core
    early_score, early_nesting, _ = early
    return score > early_score and nesting <= early_nesting and links < POST_LINK_DENSITY


def _core_traits(
    cands: Sequence[Candidate],
    probabilities: np.ndarray,
    keep: np.ndarray,
    words: np.ndarray,
    core: tuple[int, int, int],
) -> tuple[float, int, float]:
    """A core's word-weighted mean score, its deepest nesting in comment-named elements, and its link density."""
    path, first, last = core
    held = [i for i in range(first, last + 1) if keep[i] and cands[i].path == path]
    weight = max(1.0, float(words[held].sum()))
    score = float((words[held] * probabilities[held]).sum()) / weight
    links = sum(cands[i].link_density * float(words[i]) for i in held) / weight
    return score, max(cands[i].signals[_COMMENT] for i in held), links


def _outside(
    cands: Sequence[Candidate],
    probabilities: np.ndarray,
    keep: np.ndarray,
    words: np.ndarray,
    favor: str,
    zone: _Zone | None,
    headline: int | None = None,
) -> np.ndarray:
    """`outside_the_article`, given the page's `_zone` and `_headline`."""
    n = len(cands)
    if zone is None:
        return np.zeros(n, dtype=bool)
    path, first, last = zone.core
    after = [m for m in zone.markers if m > last]
    cut = min(last + FAR_AFTER, after[0]) if after else last + FAR_AFTER
    index = np.arange(n)
    in_core = keep & (index <= last) & np.fromiter((c.path == path for c in cands), dtype=bool, count=n)
    thread = index >= _comment_thread(cands, keep, words, path, last)
    teasers = _teaser_lists(cands, keep, words, path, first, last)
    if headline is not None and not (
        first - HEADED_REACH <= headline < first and cands[first].kind is not Kind.HEADING
    ):
        headline = None  # not right above the core: no anchor
    if headline is not None:
        cut = min(cut, last + HEADED_AFTER)
    past = (index > cut) & (probabilities < SURE[favor])
    edge = headline - ABOVE_HEADLINE if headline is not None else first - FAR_BEFORE
    far_above = (index < edge) & (probabilities < SURE_BEFORE[favor])
    if headline is None and not _looks_like_article(words, keep & ~teasers & (index <= cut), in_core):
        if _core_traits(cands, probabilities, keep, words, zone.core)[0] >= CORE_SURE:  # a short story amid rails
            linked = np.fromiter((c.link_density >= POST_LINK_DENSITY for c in cands), dtype=bool, count=n)
            return keep & (thread | teasers | ((past | far_above) & linked))
        return keep & (thread | teasers)  # a short post under a long thread: the thread still goes
    links = _teaser_lists(cands, keep, words, path, first, last, linked=True)
    if words[links].sum() > words[in_core].sum():  # lists that outweigh the article are the page (a misguessed listing)
        links[:] = False
    return keep & (past | far_above | thread | teasers | (links & (probabilities < SURE[favor])))


def _thread_as_core(
    cands: Sequence[Candidate], probabilities: np.ndarray, keep: np.ndarray, words: np.ndarray, zone: _Zone | None
) -> int | None:
    """The first head of a comment thread whose posts are the core (`_comment_thread`, its heads on another path, the
    first right above the core's first block), where the model is unsure of the core (`CORE_UNSURE`) and an article
    lies above the thread (`_article_before`): a short post under a longer thread, which the post then ends. None
    elsewhere."""
    if zone is None or zone.early or _core_traits(cands, probabilities, keep, words, zone.core)[0] >= CORE_UNSURE:
        return None  # most article pages: no thread to look for
    path, first, _ = zone.core
    start = _comment_thread(cands, keep, words, path, max(0, first - THREAD_REACH - 1))
    return start if start < first and _article_before(probabilities, keep, words, start) else None


def _post_above_comments(cands: Sequence[Candidate], keep: np.ndarray, zone: _Zone | None) -> tuple[int, int] | None:
    """(post title, comments heading) where the kept text is a comment thread under a post the model dropped (too
    short to score well: a photo with a caption, a few lines): the core lies past a comments heading ("57 Comments",
    "Leave a reply": phrase list `comments_heading`), no article was kept before it, a heading sits within
    POST_REACH blocks above it, and the core's blocks are nested in more comment-named elements (class/id) than any
    block between that heading and the comments heading. None elsewhere."""
    if zone is None or zone.early:
        return None
    path, first, last = zone.core
    opener = opening(("comments_heading",), lowered=True)
    headings = [m for m in zone.markers if m < first and opener.match(cands[m].text[:_PHRASE_PREFIX].lower())]
    if not headings:
        return None
    heading = headings[-1]
    titles = [
        i
        for i in range(max(0, heading - POST_REACH), heading)
        if cands[i].kind is Kind.HEADING and 1 <= cands[i].level <= POST_HEADING_LEVEL
    ]
    if not titles:
        return None
    post_nesting = max(c.signals[_COMMENT] for c in cands[titles[-1] : heading])
    core_nesting = min(cands[i].signals[_COMMENT] for i in range(first, last + 1) if keep[i] and cands[i].path == path)
    return (titles[-1], heading) if core_nesting > post_nesting else None


def _post_under_headline(
    cands: Sequence[Candidate],
    probabilities: np.ndarray,
    words: np.ndarray,
    headline: int | None,
    zone: _Zone | None,
) -> tuple[int, list[int]] | None:
    """(headline, the post's blocks under it) where the page's headline lies past a core the model is unsure of
    (`CORE_UNSURE`): the core is a sidebar ("About me", a blog's blurb) and the post, too short to score well, sits
    under the headline (see HEADLINE_WORDS). None elsewhere."""
    if zone is None or headline is None or headline <= zone.core[2]:
        return None
    path, first, last = zone.core
    core = [i for i in range(first, last + 1) if cands[i].path == path]
    if float(np.average(probabilities[core], weights=words[core] + 1)) >= CORE_UNSURE:
        return None
    markers, nesting = set(zone.markers), cands[headline].signals[_COMMENT]
    post: list[int] = []
    gap = 0
    for j in range(headline + 1, len(cands)):
        c = cands[j]
        if j in markers or gap >= POST_GAP:
            break
        if probabilities[j] >= POST_FLOOR and c.link_density < POST_LINK_DENSITY and c.signals[_COMMENT] <= nesting:
            post.append(j)
            gap = 0
        else:
            gap += 1
    return (headline, post) if float(words[post].sum()) >= POST_WORDS else None


def _headline(cands: Sequence[Candidate], words: np.ndarray, titled: np.ndarray) -> int | None:
    """Index of the page's headline: of the h1-h3 of HEADLINE_WORDS words or more nearly all in the page's <title>
    (`titled`, HEADLINE_TITLED), the one of the most words; None when there is none."""
    headings = [
        i
        for i, c in enumerate(cands)
        if c.kind is Kind.HEADING
        and 1 <= c.level <= POST_HEADING_LEVEL
        and words[i] >= HEADLINE_WORDS
        and titled[i] >= HEADLINE_TITLED
    ]
    return max(headings, key=lambda i: (words[i], -i), default=None)


def _core(
    cands: Sequence[Candidate], probabilities: np.ndarray, keep: np.ndarray, words: np.ndarray, end: int
) -> tuple[int, int, int] | None:
    """(path, index of the first and of the last kept block) of the article's core among the blocks before `end`:
    the path whose kept blocks weigh the most words times score; None when none is kept."""
    mass: dict[int, float] = {}
    for c, k, w, p in zip(
        cands[:end], keep[:end].tolist(), words[:end].tolist(), probabilities[:end].tolist(), strict=True
    ):
        if k:
            mass[c.path] = mass.get(c.path, 0.0) + w * p
    if not mass:
        return None
    path = max(mass, key=mass.__getitem__)
    held = [i for i, (c, k) in enumerate(zip(cands[:end], keep[:end].tolist(), strict=True)) if k and c.path == path]
    return path, held[0], held[-1]


def _article_before(probabilities: np.ndarray, keep: np.ndarray, words: np.ndarray, end: int) -> bool:
    """Whether the kept blocks before `end` make an article of their own: at least `EARLY_MASS` words times score,
    and one block of `EARLY_BLOCK_WORDS` words or more."""
    mass = float((words[:end] * probabilities[:end] * keep[:end]).sum())
    longest = float((words[:end] * keep[:end]).max(initial=0.0))
    return mass >= EARLY_MASS and longest >= EARLY_BLOCK_WORDS


def _looks_like_article(words: np.ndarray, kept: np.ndarray, in_core: np.ndarray) -> bool:
    """Whether the core's blocks are paragraphs (`CORE_MEAN_WORDS`) holding much of the `kept` text (`CORE_SHARE`)."""
    core_words = float(words[in_core].sum())
    return core_words >= CORE_MEAN_WORDS * int(in_core.sum()) and core_words >= CORE_SHARE * max(
        1.0, float(words[kept].sum())
    )


def _comment_thread(cands: Sequence[Candidate], keep: np.ndarray, words: np.ndarray, path: int, last: int) -> int:
    """Index of the first head of a comment thread past the core's `last` block (see THREAD_UNITS), or len(cands)."""
    n = len(cands)
    heads: dict[int, list[int]] = {}
    on_path: dict[int, int] = {}
    for i in range(last + 1, n):
        c = cands[i]
        on_path[c.path] = on_path.get(c.path, 0) + 1
        if c.path != path and words[i] <= THREAD_HEAD_WORDS and _comment_stamp(c.text):
            heads.setdefault(c.path, []).append(i)
    starts = [
        found[0]
        for head_path, found in heads.items()
        if len(found) >= max(THREAD_UNITS, THREAD_SHARE * on_path[head_path])
        and sum(_comment_between(cands, keep, words, a, b) for a, b in itertools.pairwise(found)) >= THREAD_UNITS - 1
    ]
    return min(starts, default=n)


def _teaser_lists(
    cands: Sequence[Candidate],
    keep: np.ndarray,
    words: np.ndarray,
    path: int,
    first: int,
    last: int,
    linked: bool = False,
) -> np.ndarray:
    """Mask of the kept blocks outside the core's span that make lists of other stories: paths other than the
    core's whose kept blocks there are mostly (TEASER_SHARE) short lines with a date or a time (`_stamped`; with
    `linked`, also short lines that are all link, `LINK_LIST_WORDS`, `LINK_LIST_DENSITY`), at least TEASER_UNITS of
    them, in a stretch of the page whose kept words are at least TEASER_LINK_DENSITY links (the headlines link to
    their stories; dated offers and testimonials on a page guessed to be an article do not)."""
    n = len(cands)
    on_path: dict[int, list[int]] = {}
    for i in itertools.chain(range(first), range(last + 1, n)):
        if keep[i] and cands[i].path != path:
            on_path.setdefault(cands[i].path, []).append(i)
    mask = np.zeros(n, dtype=bool)
    for found in on_path.values():
        if len(found) < TEASER_UNITS:
            continue
        heads = [
            i
            for i in found
            if words[i] <= TEASER_WORDS and (linked and _link(cands[i], words[i]) or _stamped(cands[i].text))
        ]
        if len(heads) < max(TEASER_UNITS, TEASER_SHARE * len(found)):
            continue
        span = [j for j in range(heads[0], heads[-1] + 1) if keep[j]]
        # the stories' headlines: the span less its date lines (a headline can carry its own date)
        dated = set(heads)
        rest = [j for j in span if j not in dated or words[j] > DATE_LINE_WORDS] or heads
        if words[span].max() < TEASER_BODY_WORDS and _linked_share(cands, words, rest) >= TEASER_LINK_DENSITY:
            mask[found] = True
            period = (heads[-1] - heads[0]) // (len(heads) - 1)  # blocks per story: its date, headline, byline
            units = np.arange(heads[0], min(n, heads[-1] + period))
            mask[units[(units < first) | (units > last)]] = True
    return mask & keep


def _link(c: Candidate, words: float) -> bool:
    """Whether a block of `words` words is a short line that is all link: a headline in a list of other stories."""
    return words <= LINK_LIST_WORDS and c.link_density >= LINK_LIST_DENSITY


def _linked_share(cands: Sequence[Candidate], words: np.ndarray, blocks: list[int]) -> float:
    """Share of the words of `blocks` that are link text."""
    total = float(words[blocks].sum())
    return sum(float(words[j]) * cands[j].link_density for j in blocks) / total if total else 0.0


def _comment_stamp(text: str) -> bool:
    """Whether a short block carries a comment head's stamp: a time of day, a year or a numeric date (`STAMP`), or a
    relative time as comment systems print it ('3 years ago', 'vor 2 Stunden': phrase list `relative_time`)."""
    stamped = _DIGIT.search(text) is not None and STAMP.search(text) is not None  # every stamp has a digit: 2x faster
    return stamped or contains("relative_time", text)


@lru_cache(maxsize=4096)
def _stamped(text: str) -> bool:
    """Whether a short line carries a time of day, a numeric or written-out date, or a relative time ('32m ago',
    'vor 2 Stunden'; phrase list `relative_time`); not a bare year, which titles of films and books carry. Cached:
    both list tests ask about the same lines."""
    if not _LETTER.search(text):
        return False
    if not _DIGIT.search(text):  # every date and time has a digit, but 'an hour ago'
        return contains("relative_time", text)
    return bool(CLOCK_OR_DATE.search(text)) or contains("relative_time", text) or bool(date_span(text))


def _comment_between(cands: Sequence[Candidate], keep: np.ndarray, words: np.ndarray, head: int, after: int) -> bool:
    """Whether the blocks between two heads read as one comment: a kept block of THREAD_BODY_WORDS words, no heading."""
    between = range(head + 1, after)
    return any(keep[j] and words[j] >= THREAD_BODY_WORDS for j in between) and not any(
        cands[j].kind is Kind.HEADING for j in between
    )


def _markers(cands: Sequence[Candidate], words: np.ndarray, language: str | None = None) -> list[int]:
    """Indices of the short blocks that open an end-of-article section ("5 comments", "40 Responses to …", "Related
    stories": phrase lists `article_end` and `comments_heading`), but for an ordinary word of the page's `language`
    (ISO code: French "Comment choisir …" is "How to choose …")."""
    opener = opening(("article_end", "comments_heading"), lowered=True, language=language)
    return [
        i for i, c in enumerate(cands) if words[i] <= MARKER_WORDS and opener.match(c.text[:_PHRASE_PREFIX].lower())
    ]
