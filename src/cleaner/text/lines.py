"""Split plain text or Markdown that a scraper already pulled out of a page into blocks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..blocks import Block, Kind
from ..body import Image, Structure
from .inline import LINK, markdown_images, markdown_spans
from .tables import TextTable, find_tables, is_separator_row, markdown_table_rows, pipe_cells

# every pattern here is linear in the line's length: no two quantifiers can share a run of characters
# (a heading's closing #s are cut in Python: "(.*?)\s*#*\s*$" backtracks cubically on a long run of spaces)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_LIST = re.compile(r"^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(.*)$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
# link text and URL stop at the next bracket, so that a run of "[" or "[a](" costs a few steps per character
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]{0,300})\]\([^)\[\]\n]{0,2000}\)")
_MD_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]{1,2000})>")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|`)(?=\S)(.{1,300}?)(?<=\S)\1")
_FENCE_LANGUAGE = re.compile(r"[A-Za-z0-9_+#.-]{0,30}")
_HEADING_MAX_WORDS = 14
_WRAP_MIN_CHARS = 50
_TERMINAL = re.compile(r"[.!?…:;\"'”’»)]\s*$")


def text_to_blocks(text: str, markdown: bool) -> list[Block]:
    """Blocks from text: each line of a naive dump, or each Markdown paragraph, heading, item, quote, row."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    chunk: list[str] = []
    fence: list[str] | None = None
    language = ""
    for line in lines:
        if markdown and line.lstrip().startswith("```"):
            if fence is None:
                blocks += _chunk_blocks(chunk, markdown, len(blocks) + 1)
                chunk, fence = [], []
                language = _FENCE_LANGUAGE.match(line.strip()[3:].strip()).group()  # type: ignore[union-attr]
            else:
                code = "\n".join(fence)
                blocks.append(Block(code, Kind.CODE, source="md", structure=Structure(code, language=language)))
                fence = None
            continue
        if fence is not None:
            fence.append(line)
        elif line.strip():
            chunk.append(line)
        else:
            blocks += _chunk_blocks(chunk, markdown, len(blocks) + 1)
            chunk = []
    blocks += _chunk_blocks(chunk + (fence or []), markdown, len(blocks) + 1)
    return _with_images(blocks) if markdown else [b for b in blocks if b.text]


def _with_images(blocks: list[Block]) -> list[Block]:
    """The blocks with text; the images of an image-only line go with the next block (as a figure before it)."""
    out: list[Block] = []
    waiting: tuple[Image, ...] = ()
    for b in blocks:
        images = b.structure.images if b.structure is not None else ()
        if not b.text:
            waiting += images
            continue
        if waiting:
            b.structure = b.structure or Structure(b.text)
            b.structure.images, waiting = waiting + images, ()
        out.append(b)
    return out


def _chunk_blocks(lines: list[str], markdown: bool, table: int = 0) -> list[Block]:
    """Blocks from a run of non-blank lines: hard-wrapped prose is one paragraph, anything else a block per line
    (the rows of a Markdown table numbered `table`, the row above its separator line its header; the tables of
    plain text numbered by their first row's place, `table` being the first block's)."""
    if not lines:
        return []
    if not markdown and (tables := find_tables(lines)):
        return _with_tables(lines, tables, table)
    if markdown and len(lines) == 2 and _MD_SETEXT.match(lines[1]):
        return [_inline(lines[0], Kind.HEADING, 1 if "=" in lines[1] else 2)]
    if _is_hard_wrapped(lines):
        return [_inline(" ".join(line.strip() for line in lines), Kind.PARAGRAPH)]
    out: list[Block] = []
    unframed = markdown_table_rows(lines) if markdown else set()
    for i, line in enumerate(lines):
        block = _table_row(pipe_cells(line)) if i in unframed else _line_block(line, markdown)
        if block is None:
            continue
        if block.kind is Kind.TABLE and block.structure is not None:
            block.structure.table = table
            block.structure.header = i + 1 < len(lines) and is_separator_row(lines[i + 1].strip())
        out.append(block)
    return out


def _with_tables(lines: list[str], tables: list[TextTable], number: int) -> list[Block]:
    """Blocks of plain-text lines holding tables: a TABLE block per row of each table, the lines around them as
    any other lines."""
    out: list[Block] = []
    at = 0
    for found in tables:
        out += _chunk_blocks(lines[at : found.start], False)
        first = number + len(out)
        for k, cells in enumerate(found.rows):
            row = _table_row(cells)
            assert row.structure is not None
            row.structure.table, row.structure.header = first, found.header and k == 0
            out.append(row)
        at = found.end
    return out + _chunk_blocks(lines[at:], False)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when the lines look like one paragraph wrapped at a fixed width."""
    if len(lines) < 2 or any(_MD_LIST.match(line) or _MD_QUOTE.match(line) for line in lines):
        return False
    body = lines[:-1]
    return all(len(line) >= _WRAP_MIN_CHARS and not _TERMINAL.search(line) for line in body)


def _line_block(line: str, markdown: bool) -> Block | None:
    """One block from one line, using Markdown syntax when `markdown` and layout cues otherwise."""
    stripped = line.strip()
    if markdown:
        if _MD_RULE.match(stripped):
            return None
        if m := _MD_HEADING.match(stripped):
            return _inline(m.group(2).rstrip().rstrip("#").rstrip(), Kind.HEADING, len(m.group(1)))
        if is_separator_row(stripped):
            return None
        if stripped.startswith("|") and stripped.endswith("|"):
            return _table_row(pipe_cells(stripped))
        if m := _MD_QUOTE.match(line):
            return _inline(m.group(1), Kind.QUOTE)
    if m := _MD_LIST.match(line):
        item = _inline(m.group(2), Kind.LIST_ITEM, 1 + len(m.group(1).expandtabs(4)) // 2)
        if markdown and line.lstrip()[:1].isdigit():
            item.structure = item.structure or Structure(item.text)
            item.structure.ordered = True
        return item
    # a guessed heading has level 0; Markdown headings carry their real level
    kind = Kind.HEADING if _looks_like_heading(stripped) else Kind.PARAGRAPH
    return _inline(stripped, kind)


def _table_row(cells: Sequence[str]) -> Block:
    """A TABLE block of one row: its filled cells joined by " | ", each cell's plain text in its structure."""
    row = _inline(" | ".join(c for c in cells if c), Kind.TABLE)
    row.structure = Structure(row.text, cells=tuple(_inline(c, Kind.TABLE).text for c in cells))
    return row


def _looks_like_heading(line: str) -> bool:
    """A short line that starts with a capital and does not end a sentence."""
    words = line.split()
    return 0 < len(words) <= _HEADING_MAX_WORDS and line[:1].isupper() and not _TERMINAL.search(line)


def _inline(text: str, kind: Kind, level: int = 0) -> Block:
    """Strip inline Markdown (images, links, emphasis) and measure how much of the text was link text."""
    images = markdown_images(text) if "![" in text else ()
    text = _MD_IMAGE.sub("", text) if images or "![" in text else text
    marked = text
    linked = sum(len(m.group(1)) for m in LINK.finditer(text))
    text = LINK.sub(r"\1", text)
    text = _MD_AUTOLINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = text.replace("\\", "") if "\\" in text else text
    text = " ".join(text.split())
    density = min(1.0, linked / len(text)) if text else 0.0
    block = Block(text, kind, level, density, "md" if kind is not Kind.PARAGRAPH else "text")
    spans = markdown_spans(marked, text) if marked != text else ()
    if spans or images:
        block.structure = Structure(text, spans=spans, images=images)
    return block
