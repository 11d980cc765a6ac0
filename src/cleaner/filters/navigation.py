"""Navigation leftovers: breadcrumbs, share buttons, "related"/"read more" lists, tag lists, pagination.

In HTML (where the extractor already drops <nav>, <aside> and <footer>) it drops elements whose class/id names breadcrumbs or sharing, or names related/recommended
content, tags or pagination and holds mostly links or only a few words. In the body it drops short lines that match the phrase lists `share` or `related`, lines that are nothing but a
user-interface label (phrase list `ui_label`: "Skip to content", "Reply", "Back to top"), previous/next-article
pagers, and a "Related"/"Read more" heading together
with the link-dense lines after it. In a text dump, a comments heading ("12 Comments", "Leave a reply": phrase list
`comments_heading`) stays for the boilerplate filter, which reads it as where the article ends (`text.line_zone`) and
drops it with the other lines its line model does not keep. Offline replay of that (naive dumps; dragnet / l3s-gn1
shingle F1, wcxb-dev tune word F1): 0.7925 / 0.8840 / 0.8629 -> 0.7965 / 0.8857 / 0.8628.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from ..blocks import Block, Kind
from ..document import Document
from ..filter import Filter
from ..shared.dom import elements_marked, link_density, marker, text_of, without_terms, word_count
from ..shared.phrases import pattern
from ..text.line_zone import is_comments_heading

# class/id tokens (whole words of a class name) that name navigation; a token must be the word itself or start/end
# with it ("share-buttons", "social-share"), so "sharedaddy" or "elementor-widget-text" do not count
_NAV_MARK = re.compile(
    r"(?:^|[\s_-])(?:breadcrumbs?|share|sharing|social|related|recommended|read-?more|more-?stories|"
    r"pagination|pager|post-?navigation|nav-?links|tag-?(?:list|cloud)|tags|skip-?link)(?=$|[\s_-])"
)
_SURE_MARK = re.compile(r"breadcrumb|share|sharing|skip-?link")
_SHORT_BOX_WORDS = 15
_LINE_MAX_WORDS = 12
_PAGER_MAX_WORDS = 30
_LABEL_MAX_WORDS = 30  # a block the label phrases match whole; their open-ended ones stop at a sentence or two
_LABEL_STRIP = " \t:.!»›>-–—|()[]"
_LINK_DENSE = 0.6


class NavigationFilter(Filter):
    """Breadcrumbs, share buttons, related/read-more lists and other navigation leftovers."""

    name = "navigation"
    defaults = {"max_box_words": 300}

    def select(self, doc: Document) -> Iterable[tuple[HtmlElement, str]]:
        assert doc.tree is not None
        for element in elements_marked(doc, _NAV_MARK, self.options["max_box_words"]):
            # a box named 'related' or 'tags' is navigation when it is mostly links or very short
            if (
                _SURE_MARK.search(without_terms(marker(element)))  # as `elements_marked` read it
                or link_density(element) >= _LINK_DENSE
                or word_count(text_of(element)) <= _SHORT_BOX_WORDS
            ):
                yield element, "breadcrumb, share or related box"

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        related = pattern("related", anchored=True)
        share = pattern("share", anchored=True)
        label = pattern("ui_label")
        text_dump = doc.tree is None
        drop: set[int] = set()
        for i, block in enumerate(blocks):
            if block.kind in (Kind.CODE, Kind.TABLE):
                continue
            if text_dump and is_comments_heading(block, doc.metadata.language):
                continue  # the boilerplate filter's end-of-article marker
            if block.word_count <= _PAGER_MAX_WORDS and pattern("pager", anchored=True).match(block.text):
                drop.add(i)
                continue
            if block.word_count <= _LABEL_MAX_WORDS and label.fullmatch(block.text.strip(_LABEL_STRIP)):
                drop.add(i)  # the whole line is a label, however long ("This topic was automatically closed …")
                continue
            if block.word_count > _LINE_MAX_WORDS:
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
