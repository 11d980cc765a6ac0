"""A <noscript> is read only when it holds the page: a JavaScript app's crawler fallback, not a notice."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement, document_fromstring

from cleaner.load.noscript import reveal_noscript

from .conftest import SAMPLES, normalise

DISCOURSE = SAMPLES / "html" / "1764.html"  # a Discourse forum: every post sits inside <noscript>


def _parse(html: str) -> HtmlElement:
    """The page as lxml parses it, before the pipeline unwraps anything."""
    return document_fromstring(html)


def test_crawler_fallback_is_unwrapped() -> None:
    tree = _parse(DISCOURSE.read_text("utf-8"))
    assert tree.xpath("count(//noscript//*[contains(@class, 'post')])") > 0
    assert reveal_noscript(tree) == 1
    assert not tree.xpath("//noscript//*[contains(@class, 'post')]")
    assert "this is a forum with users helping each other." in normalise(tree.find("body").text_content())


@pytest.mark.parametrize("page", sorted(p.name for p in (SAMPLES / "html").glob("*.html") if p != DISCOURSE))
def test_pages_with_visible_text_keep_their_noscripts(page: str) -> None:
    tree = _parse((SAMPLES / "html" / page).read_text("utf-8", errors="replace"))
    before = len(tree.xpath("//noscript"))
    assert reveal_noscript(tree) == 0
    assert len(tree.xpath("//noscript")) == before


def test_a_javascript_notice_on_an_empty_page_stays_hidden() -> None:
    tree = _parse(
        "<html><body><div id='app'></div><noscript>You need to enable JavaScript to run this app."
        "</noscript></body></html>"
    )
    assert reveal_noscript(tree) == 0
