"""Title line: finds the headline inside the body, lifts it into metadata, and drops its repeats.

In HTML the page metadata already knows the title; body headings that repeat it are dropped, and so are the short
lines kept above the first of them (breadcrumbs, the section or site name) when it comes within the first blocks
of an article, forum, documentation, product or service page. In a text dump the headline is a leading Markdown
H1, or else the heading-like line right before the first run of prose; it becomes `metadata.title`, and the lines
above it (page header, teaser carousel, image caption) go too, unless they hold more than `max_header_share` of the
dump's words or a line of prose (`_HEADER_PROSE_WORDS` words or more: such a 'headline' is a label or archive
heading lower down, with the article above it). A dump that is one line shaped like a page's <title> ('Headline |
Site', 'Section: Headline') and nothing else (a page whose text a script draws leaves only its <title>) is a title
without an article: the line becomes `metadata.title` and the body is empty.
"""

from __future__ import annotations

import re
from collections import Counter

from ..blocks import Block, Kind, fingerprint, sample
from ..document import Document
from ..filter import Filter
from ..metadata.fields import has_title_separator
from ..text.metadata import prose_after

_TITLE_MAX_WORDS = 25
_MIN_ECHO_WORDS = 2
_MAX_HEADER_LINES = 8  # HTML: the headline's copy must be among the first blocks for what is above to be a header
_HEADER_LINE_MAX_WORDS = 10  # a breadcrumb or section name, not a standfirst
_HEADER_PROSE_WORDS = 30  # a text dump: a line this long above the headline is prose (the article itself)
_SEPARATORS = set("|-–—:·»/")
_HEADER_REASON = "page header above the headline"
_SECTION_COLON = re.compile(r"\w:\s+\w")  # 'Section: Headline', which title parts are not split at
_QUOTES = str.maketrans("’‘“”", "''\"\"")


class TitleFilter(Filter):
    """Headline repeated in the body: lifted into metadata; the page header above it too."""

    name = "title"
    defaults = {
        "drop_header_in_text": True,
        "max_header_share": 0.35,
        "header_page_types": ("article", "forum", "documentation", "product", "service"),
    }

    def apply(self, doc: Document) -> None:
        if not doc.blocks:
            return
        if doc.format != "html":  # the title read from the dump's lines (`text.metadata`) comes first
            index = _find_headline(doc.blocks)
            if index is None and len(doc.blocks) == 1 and _page_title_like(doc.blocks[0]):
                doc.metadata.title = doc.metadata.title or doc.blocks[0].text
                doc.drop_blocks({0}, self.name, "the only line: the page's title, no article")
                return
            if index is not None:
                doc.metadata.title = doc.metadata.title or doc.blocks[index].text
                if self.options["drop_header_in_text"] and _header_is_droppable(doc.blocks, index, self.options):
                    doc.drop_blocks(set(range(index)), self.name, _HEADER_REASON)
        title = fingerprint(doc.metadata.title or "")
        if not title:
            return
        # a block with more words than the title cannot say it (lower-casing never joins two words into one)
        max_words = min(_TITLE_MAX_WORDS, title.count(" ") + 1)
        repeats = {i for i, b in enumerate(doc.blocks) if b.word_count <= max_words and _same_title(b, title)}
        header = _html_header(doc, min(repeats, default=0), self.options)
        doc.drop_blocks(repeats, self.name, "repeats the title")
        doc.drop_blocks(header, self.name, _HEADER_REASON)


def _same_title(block: Block, title: str) -> bool:
    """True when the block says the title, or the title is 'Headline | Site' and the block is the headline."""
    text = fingerprint(block.text)
    return bool(text) and (text == title or (len(text) >= 12 and title.startswith(text + " ")))


def _find_headline(blocks: list[Block]) -> int | None:
    """Index of a text dump's headline: a leading H1; else a repeat of the first line (a naive dump starts with
    the page's <title>) that opens prose; else a heading printed more than once that opens the most prose.
    A lone heading over prose is more often a section title than the headline, so it is not taken.
    """
    for i, block in enumerate(blocks[:5]):
        if block.kind is Kind.HEADING and block.level == 1:
            return i
    keys = [fingerprint(sample(b.text)) for b in blocks]  # compared for short lines only
    counts = Counter(keys)
    scored = []
    for i, block in enumerate(blocks):
        if not _headline_like(block):
            continue
        prose = prose_after(blocks, i + 1)
        if prose:
            echoes_first = i > 0 and _echoes(blocks[0].text, block.text)
            repeated = block.is_heading and counts[keys[i]] > 1
            if echoes_first or repeated:
                scored.append((echoes_first, prose, -i))
    return -max(scored)[2] if scored else None


def _echoes(first_line: str, text: str) -> bool:
    """True when `text` is the first line (the page <title>) or its part before a ' | Site' style separator."""
    first, text = (" ".join(t.lower().translate(_QUOTES).split()) for t in (first_line, text))
    return len(text.split()) >= _MIN_ECHO_WORDS and (
        first == text or (first.startswith(text) and first[len(text) : len(text) + 3].strip()[:1] in _SEPARATORS)
    )


def _headline_like(block: Block) -> bool:
    """Short, and not a sentence ending in a full stop (headlines may end in '?' or '!')."""
    return 0 < block.word_count <= _TITLE_MAX_WORDS and not block.text.rstrip().endswith(".")


def _page_title_like(block: Block) -> bool:
    """Headline-like and with parts around a separator, as a page's <title> reads ('Headline | Site')."""
    return _headline_like(block) and (has_title_separator(block.text) or bool(_SECTION_COLON.search(block.text)))


def _html_header(doc: Document, headline: int, options: dict) -> set[int]:
    """In HTML, the short lines kept above the body's copy of the headline: breadcrumbs, the section or site name.

    Only near the top (the headline within the first few blocks) and on page types whose body starts at the
    headline; on listings and collections the lines above it can be the content."""
    above = doc.blocks[:headline]
    if (
        doc.format != "html"
        or doc.metadata.page_type not in options["header_page_types"]
        or not 0 < headline <= _MAX_HEADER_LINES
        or any(b.word_count > _HEADER_LINE_MAX_WORDS for b in above)
    ):
        return set()
    return set(range(headline))


def _header_is_droppable(blocks: list[Block], index: int, options: dict) -> bool:
    """Dropping blocks[:index] is safe when they carry a small share of the document's words and none of them is a
    paragraph of prose: a header is breadcrumbs, teasers and captions, and a 'headline' with the article above it
    (a label or archive heading repeated lower down the dump) is not the article's."""
    head = sum(b.word_count for b in blocks[:index])
    total = sum(b.word_count for b in blocks) or 1
    longest = max((b.word_count for b in blocks[:index]), default=0)
    return head / total <= options["max_header_share"] and longest < _HEADER_PROSE_WORDS
