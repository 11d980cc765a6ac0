"""Disclaimers and editorial notes: "The views expressed … do not necessarily reflect …", "N.B. This episode was
recorded before …", "Originally published in …", "Original url:", copyright lines, and bare source-URL lines.

A block goes when it is short (a note, not an article paragraph) and matches the phrase list `disclaimer`, or when
it is nothing but a URL (which becomes `metadata.url` when the caller gave none).
"""

from __future__ import annotations

import re

from ..blocks import Block
from ..document import Document
from ..filter import Filter
from ..shared.phrases import kinds_pattern

_BARE_URL = re.compile(r"^<?(?:https?://|www\.)\S+>?$")


class DisclaimerFilter(Filter):
    """Disclaimers, editorial notes, copyright lines and source-URL lines."""

    name = "disclaimers"
    defaults = {"max_words": 70}

    def judge(self, block: Block, index: int, doc: Document) -> str | None:
        text = block.text.strip()
        if _BARE_URL.match(text):
            if doc.metadata.url is None:
                doc.metadata.url = text.strip("<>")
                return "source URL moved to metadata"
            return "bare source URL"
        disclaimer = kinds_pattern(("disclaimer",), lowered=True)  # on lower-cased text: 3x faster than re.I
        if block.word_count <= self.options["max_words"] and disclaimer.search(text.lower()):
            return "disclaimer or editorial note"
        return None
