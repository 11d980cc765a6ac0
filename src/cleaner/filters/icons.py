"""Icon junk: labels of icon fonts and SVG sprites that leak into the text ("icon caret Arrow Down Arrow Left …").

In HTML it drops <svg> (with their <title>/<use> labels), `aria-hidden` elements with little text, and elements whose
class names an icon set (`icon*`, `fa-*`, `glyphicon`, `material-icons`, …) when they hold only a word or two.
In text it drops lines made mostly of icon names: many short capitalised tokens, most of them from the icon
vocabulary (phrase list `icon_names`), and no sentence punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lxml.html import HtmlElement

from ..blocks import Block, Kind, sample
from ..document import Document
from ..filter import Filter
from ..shared.dom import marker, text_of, word_count
from ..shared.phrases import phrases

_ICON_CLASS = re.compile(
    r"(?:^|[\s_-])(?:icon|icons|ico|fa|fas|far|fab|fal|fa-[\w-]+|glyphicon[\w-]*|material-icons[\w-]*|"
    r"material-symbols[\w-]*|bi-[\w-]+|svg-icon|sprite)(?:$|[\s_-])"
)


class IconFilter(Filter):
    """Icon-font and SVG-sprite labels: <svg>, icon elements, and text lines of icon names."""

    name = "icons"
    defaults = {"max_icon_words": 3, "min_line_tokens": 5, "min_icon_share": 0.5}

    def select(self, doc: Document) -> Iterable[tuple[HtmlElement, str]]:
        assert doc.tree is not None
        limit = self.options["max_icon_words"]
        for element in doc.tree.iter("svg", "{http://www.w3.org/2000/svg}svg"):
            yield element, "svg graphic"
        for element in doc.tree.iter("i", "span", "em", "use", "symbol"):
            if element.tag in ("use", "symbol"):
                yield element, "svg sprite reference"
                continue
            if not element.attrib:  # most inline elements carry no attribute at all
                continue
            hidden = element.get("aria-hidden") == "true"
            if (hidden or _ICON_CLASS.search(marker(element))) and word_count(text_of(element)) <= limit:
                yield element, "icon element" if not hidden else "aria-hidden icon"

    def judge(self, block: Block, index: int, doc: Document) -> str | None:
        if block.kind is Kind.CODE or block.ends_sentence:
            return None
        tokens = sample(block.text).split()
        if len(tokens) < self.options["min_line_tokens"]:
            return None
        vocab = _icon_vocabulary()
        hits = sum(1 for t in tokens if t.strip(".,:;()").lower() in vocab)
        capitalised = sum(1 for t in tokens if t[:1].isupper())
        if hits / len(tokens) >= self.options["min_icon_share"] and capitalised / len(tokens) >= 0.4:
            return "line of icon names"
        return None


@lru_cache(maxsize=1)
def _icon_vocabulary() -> frozenset[str]:
    """Icon names of every shipped language, as plain lower-case tokens."""
    return frozenset(phrases("icon_names"))
