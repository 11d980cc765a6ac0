"""Navigation leftovers: breadcrumbs, share buttons, "related"/"read more" lists, tag lists, pagination.

In HTML it drops <nav>, role=navigation, and small elements whose class/id names breadcrumbs, sharing, related or
recommended content. In the body it drops short lines that match the phrase lists `share` or `related`, a
"Related"/"Read more" heading together with the link-dense lines after it, and runs of short link-dense lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from ..blocks import Block, Kind
from ..document import Document
from ..dom import elements_marked
from ..filter import Filter
from ..phrases import pattern

_NAV_MARK = re.compile(
    r"breadcrumb|share|sharing|social|related|recommend|read-?more|more-?(?:stories|articles|posts|news)|"
    r"popular|trending|tag-?(?:list|cloud)|\btags\b|pagination|pager|post-?nav|next-?prev|prev-?next|"
    r"^navigation$|navbar|site-?nav|menu\b|sidebar|widget|skip-?link|byline|post-?meta|entry-?meta"
)
_LINE_MAX_WORDS = 12
_LINK_DENSE = 0.6


class NavigationFilter(Filter):
    """Breadcrumbs, share buttons, related/read-more lists and other navigation leftovers."""

    name = "navigation"
    defaults = {"max_box_words": 300}

    def select(self, doc: Document) -> Iterable[tuple[HtmlElement, str]]:
        assert doc.tree is not None
        for element in doc.tree.iter("nav"):
            yield element, "navigation element"
        for element in elements_marked(doc.tree, _NAV_MARK, self.options["max_box_words"]):
            if element.tag != "nav":
                yield element, "breadcrumb, share or related box"

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        related = pattern("related", anchored=True)
        share = pattern("share", anchored=True)
        drop: set[int] = set()
        for i, block in enumerate(blocks):
            if block.word_count > _LINE_MAX_WORDS or block.kind is Kind.CODE:
                continue
            if share.search(block.text):
                drop.add(i)
            elif related.search(block.text):
                drop.add(i)
                if block.is_heading or block.word_count <= 4:
                    drop |= _link_run(blocks, i + 1)
        doc.drop_blocks(drop, self.name, "share, related or navigation line")


def _link_run(blocks: list[Block], start: int) -> set[int]:
    """The short link-dense lines after a 'Related' heading: the list of teasers it introduces."""
    run: set[int] = set()
    for j in range(start, len(blocks)):
        if blocks[j].link_density < _LINK_DENSE or blocks[j].word_count > 2 * _LINE_MAX_WORDS:
            break
        run.add(j)
    return run
