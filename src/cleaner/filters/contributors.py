"""Contributor lists and author bios.

A bio of the article's own author ("Deirdre Tynan is the … Project Director.") moves to `metadata.author_bio`; any
other bio or contributor block is dropped. In HTML, author boxes are found by class/id (`author-bio`,
`about-author`, `contributor`, …). In the body, a "Contributors"/"About the author" heading takes the run of short
name/role/handle lines after it; a short block that opens with a name and a role phrase (phrase list `bio_role`) is a bio when it sits
in the last fifth of the body or names the article's author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from ..blocks import Block, fingerprint
from ..document import Document
from ..filter import Filter
from ..shared.dom import elements_marked, text_of
from ..shared.phrases import pattern

_BOX_MARK = re.compile(
    r"author-?(?:bio|box|info|card|profile|details|about)|about-?(?:the-?)?author|contributors?\b|\bbio(?:graphy)?\b"
)
_NAME_OPENING = re.compile(r"^((?:[A-Z][\w.'’-]+\s+){1,3}?[A-Z][\w'’-]+)\s+(?:is|was|serves|ist|war|est|es)\b")
_LIST_LINE_MAX_WORDS = 12
_BIO_MAX_WORDS = 80
_TAIL_BLOCKS = 4
_TAIL_SHARE = 0.2


class ContributorFilter(Filter):
    """Contributor lists and author bios (the article author's bio goes to metadata)."""

    name = "contributors"
    defaults = {"max_box_words": 250}

    def select(self, doc: Document) -> Iterable[tuple[HtmlElement, str]]:
        assert doc.tree is not None
        for element in elements_marked(doc, _BOX_MARK, self.options["max_box_words"]):
            text = text_of(element)
            if _about_author(text, doc.metadata.authors):
                # the box also holds the name, links and buttons: its longest paragraph is the bio proper
                bio = max((text_of(p) for p in element.iter("p")), key=len, default=text) or text
                doc.metadata.author_bio = doc.metadata.author_bio or bio
                yield element, "author bio moved to metadata"
            else:
                yield element, "contributor or author box"

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        heading = pattern("contributors_heading")
        drop: set[int] = set()
        for i, block in enumerate(blocks):
            if block.word_count <= 4 and heading.fullmatch(block.text.strip(" :")):
                run = _short_run(blocks, i + 1)
                if run:
                    drop |= {i, *run}
        doc.drop_blocks(drop, self.name, "contributors list")
        bios: dict[int, str] = {}
        tail_start = len(doc.blocks) - max(_TAIL_BLOCKS, int(len(doc.blocks) * _TAIL_SHARE))
        for i, block in enumerate(doc.blocks):
            if block.word_count <= _BIO_MAX_WORDS and (name := _bio_subject(block.text)):
                if i >= tail_start or _about_author(name, doc.metadata.authors):
                    bios[i] = name
        for i, name in bios.items():
            if _about_author(name, doc.metadata.authors) or not doc.metadata.authors:
                doc.metadata.author_bio = doc.metadata.author_bio or doc.blocks[i].text
                doc.metadata.authors = doc.metadata.authors or [name]
                doc.record(self.name, "author bio moved to metadata", doc.blocks[i].text)
            else:
                doc.record(self.name, "bio of someone else", doc.blocks[i].text)
        doc.blocks = [b for i, b in enumerate(doc.blocks) if i not in bios]


def _short_run(blocks: list[Block], start: int) -> list[int]:
    """Indices of the run of short, sentence-less lines (names, roles, handles) starting at `start`."""
    run = []
    for j in range(start, len(blocks)):
        if blocks[j].word_count > _LIST_LINE_MAX_WORDS or blocks[j].ends_sentence:
            break
        run.append(j)
    return run


def _bio_subject(text: str) -> str | None:
    """The name a one-paragraph bio is about ('X is the … director'), or None when it is not a bio."""
    match = _NAME_OPENING.match(text)
    if not match or not pattern("bio_role").search(text[len(match.group(1)) :]):
        return None
    return match.group(1)


def _about_author(text: str, authors: list[str]) -> bool:
    """True when `text` names one of the article's authors."""
    words = fingerprint(text)
    return any(fingerprint(a) and fingerprint(a) in words for a in authors)
