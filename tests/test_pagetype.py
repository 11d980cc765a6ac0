"""Page-type detection on real pages: the schema.org type a page declares, and the markup shapes that override it."""

from __future__ import annotations

import json

import pytest

from cleaner import Pipeline

from .conftest import SAMPLES, regression_page


def _page_type(page_id: str) -> str:
    """The type the pipeline detects for a sample page (samples/html, else samples/regression)."""
    expected = SAMPLES / "expected" / f"{page_id}.json"
    if expected.is_file():
        url = json.loads(expected.read_text("utf-8"))["url"]
        html = (SAMPLES / "html" / f"{page_id}.html").read_bytes()
    else:
        html, spec = regression_page(page_id)
        url = spec["url"]
    return Pipeline().clean(html, url=url).page_type


@pytest.mark.parametrize("page_id", ["4159", "0006"])
def test_a_declared_article_with_a_comment_thread_stays_an_article(page_id: str) -> None:
    # blog posts (BlogPosting/Article JSON-LD) whose comments carry dozens of "Reply" links
    assert _page_type(page_id) == "article"


def test_faq_markup_does_not_make_a_forum() -> None:
    # a service page whose FAQ is marked up as schema.org Question/Answer pairs, with no QAPage
    assert _page_type("1054") != "forum"


@pytest.mark.parametrize("page_id", ["0522", "0511", "0554"])
def test_forum_threads_are_forums(page_id: str) -> None:
    assert _page_type(page_id) == "forum"


def _thread(unit_class: str) -> str:
    """A page of one long paragraph, then eight units of class `unit_class`, each with a "Reply" link."""
    units = "".join(
        f'<li class="{unit_class}"><div class="body"><p>Reader note {i} on the matter.</p>'
        f'<div class="reply"><a href="#r{i}">Reply</a></div></div></li>'
        for i in range(8)
    )
    body = "<p>" + "A long paragraph of the post itself. " * 20 + "</p>"
    return f"<html><head><title>t</title></head><body><div class='entry'>{body}</div><ol>{units}</ol></body></html>"


def test_a_blog_post_with_reader_comments_is_an_article() -> None:
    # no declared type, no URL: comment elements with "Reply" links are a blog's comment thread, not a forum
    assert Pipeline().clean(_thread("comment even depth-1 bypostauthor")).page_type == "article"


def test_posts_with_reply_links_make_a_forum() -> None:
    assert Pipeline().clean(_thread("post postbit")).page_type == "forum"
