"""Text shipped for crawlers inside <noscript>: JavaScript apps (forum engines such as Discourse) often put the whole
page there. A browser without JavaScript shows it, but the parse leaves it where no extractor reads it. When one
<noscript> holds more words than all the rest of the visible page, it is unwrapped so that extraction sees its text.
"""

from __future__ import annotations

from lxml.etree import XPath
from lxml.html import HtmlElement

from ..shared.dom import word_count

MIN_WORDS = 50  # a <noscript> shorter than this is a "please enable JavaScript" notice or a tracking pixel
_VISIBLE_TEXT = XPath(
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template)]"
)


def reveal_noscript(tree: HtmlElement) -> int:
    """Unwrap every <noscript> of the body that holds more words than the rest of the visible page; return how many."""
    body = tree.find("body")
    if body is None:
        return 0
    fallbacks = [(n, count) for n in body.iter("noscript") if (count := word_count(n.text_content())) >= MIN_WORDS]
    if not fallbacks:
        return 0
    visible = word_count(" ".join(_VISIBLE_TEXT(tree)))
    shown = [n for n, count in fallbacks if count > visible]
    for element in shown:
        element.drop_tag()
    return len(shown)
