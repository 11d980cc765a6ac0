"""Newsletter, cookie, paywall and feedback prompts: "Sign up for our newsletter", "We use cookies", "Subscribe to
continue", "Support our journalism", "Was this page helpful?".

In HTML it drops consent banners, sign-up boxes and paywall overlays found by class/id (`cookie`, `consent`,
`newsletter`, `paywall`, `subscribe`, …) and forms that ask for an e-mail address. In the body it drops short
blocks that match the phrase lists `newsletter`, `cookie`, `paywall` or `feedback`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from ..blocks import Block
from ..document import Document
from ..filter import Filter
from ..shared.dom import elements_marked, word_count
from ..shared.phrases import kinds_pattern

_PROMPT_MARK = re.compile(
    r"cookie|consent|gdpr|newsletter|subscri(?:be|ption)|paywall|sign-?up|opt-?in|mailchimp|mc4wp|"
    r"email-?capture|lead-?gen|regwall|piano-|tp-modal"
)
_KINDS = ("newsletter", "cookie", "paywall", "feedback")


class PromptFilter(Filter):
    """Newsletter sign-ups, cookie banners, paywall prompts and 'was this helpful?' feedback widgets."""

    name = "prompts"
    defaults = {"max_words": 40, "max_box_words": 200}

    def select(self, doc: Document) -> Iterable[tuple[HtmlElement, str]]:
        assert doc.tree is not None
        for element in elements_marked(doc, _PROMPT_MARK, self.options["max_box_words"]):
            yield element, "newsletter, cookie or paywall box"
        for form in doc.tree.iter("form"):
            small = word_count(form.text_content()) <= self.options["max_box_words"]
            if small and form.xpath(".//input[@type='email' or contains(@name, 'mail')]"):
                yield form, "e-mail sign-up form"  # (a page-wide <form>, as some frameworks make, is no prompt)

    def judge(self, block: Block, index: int, doc: Document) -> str | None:
        if block.word_count > self.options["max_words"]:
            return None
        match = kinds_pattern(_KINDS, lowered=True).search(block.text.lower())  # 2x faster than re.I
        return f"{match.lastgroup} prompt" if match else None
