"""The structure a body block carries beside its plain text: inline spans (links, emphasis, inline code), a table
row's cells, a code block's language, a list item's numbering, the images shown before it.

Filters read and rewrite `Block.text`; the structure rides along. Spans and cells describe the text they were read
from (`Structure.text`): when a filter rewrites a block's text, they no longer apply and the renderers fall back to
the plain text (`Block.spans`, `Block.cells`), so a rewrite can never make a renderer show words that were removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Span:
    """A run of a block's text with one set of inline marks; `href` is an absolute http(s) or mailto URL."""

    text: str
    strong: bool = False
    em: bool = False
    code: bool = False
    href: str | None = None

    @property
    def plain(self) -> bool:
        """True when the run carries no mark and no link."""
        return not (self.strong or self.em or self.code or self.href)


@dataclass(frozen=True, slots=True)
class Image:
    """An image of the article: absolute http(s) `src`, its `alt` text and the caption shown under it (if kept)."""

    src: str
    alt: str = ""
    caption: str = ""


@dataclass(slots=True)
class Structure:
    """What a block is beyond its text. `text` is the block text the spans and cells were read from.

    - `spans`: the text cut into runs with their marks (empty when the text has none);
    - `cells`, `header`, `table`: a table row's cells, whether it is a header row, and a number shared by the rows
      of one table (consecutive rows with the same number render as one table);
    - `language`: a code block's declared language ("" when unknown);
    - `ordered`: a list item of a numbered list;
    - `images`: images shown before the block (a figure, an image-only paragraph beside it).
    """

    text: str
    spans: tuple[Span, ...] = ()
    cells: tuple[str, ...] = ()
    header: bool = False
    table: int = 0
    language: str = ""
    ordered: bool = False
    images: tuple[Image, ...] = ()


def merge_spans(spans: list[Span]) -> tuple[Span, ...]:
    """Adjacent runs with the same marks joined, empty runs dropped; () when no run carries a mark."""
    out: list[Span] = []
    for s in spans:
        if not s.text:
            continue
        if out and (p := out[-1]).strong == s.strong and p.em == s.em and p.code == s.code and p.href == s.href:
            out[-1] = Span(p.text + s.text, s.strong, s.em, s.code, s.href)
        else:
            out.append(s)
    return tuple(out) if any(not s.plain for s in out) else ()


def collapsed(spans: list[Span]) -> list[Span]:
    """The runs with whitespace collapsed as a block's text is (`" ".join(text.split())`): one space between words,
    across run edges too, and none at the ends."""
    out: list[Span] = []
    space_before = True
    for s in spans:
        text = _WS.sub(" ", s.text)
        if space_before and text.startswith(" "):
            text = text[1:]
        if text:
            space_before = text.endswith(" ")
            out.append(Span(text, s.strong, s.em, s.code, s.href))
    while out and out[-1].text.endswith(" "):
        last = out.pop()
        if stripped := last.text.rstrip(" "):
            out.append(Span(stripped, last.strong, last.em, last.code, last.href))
    return out
