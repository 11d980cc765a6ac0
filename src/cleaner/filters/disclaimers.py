"""Disclaimers and editorial notes: "The views expressed … do not necessarily reflect …", "N.B. This episode was
recorded before …", "Originally published in …", "Original url:", copyright lines, and bare source-URL lines.

A block goes when it is short (a note, not an article paragraph) and matches the phrase list `disclaimer`, or opens
with it and is not long (a comment policy, "Comment posters are responsible for …", runs to a long paragraph), or
when it is nothing but a URL (which becomes `metadata.url` when the caller gave none). With the pipeline (2026-12-06),
the opening rule: l3s-gn1 shingle F1 0.9315 -> 0.9317 (one page better), dragnet and wcxb-dev tune unchanged.
"""

from __future__ import annotations

import re

from ..blocks import Block
from ..document import Document
from ..filter import Filter
from ..shared.phrases import kinds_pattern

_BARE_URL = re.compile(r"^<?(?:https?://|www\.)\S+>?$")
_OPENING_CHARS = 3  # a phrase found this near the start opens the block ('— The views expressed …')


class DisclaimerFilter(Filter):
    """Disclaimers, editorial notes, copyright lines and source-URL lines."""

    name = "disclaimers"
    defaults = {"max_words": 70, "max_opening_words": 150}

    def judge(self, block: Block, index: int, doc: Document) -> str | None:
        text = block.text.strip()
        if _BARE_URL.match(text):
            if doc.metadata.url is None:
                doc.metadata.url = text.strip("<>")
                return "source URL moved to metadata"
            return "bare source URL"
        if block.word_count > self.options["max_opening_words"]:
            return None
        disclaimer = kinds_pattern(("disclaimer",), lowered=True)  # on lower-cased text: 3x faster than re.I
        found = disclaimer.search(text.lower())
        if found and (block.word_count <= self.options["max_words"] or found.start() <= _OPENING_CHARS):
            return "disclaimer or editorial note"
        return None
