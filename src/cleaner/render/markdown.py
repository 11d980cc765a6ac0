"""The body as GitHub-flavoured Markdown: ATX headings, nested lists, `>` quotes, fenced code with its language, pipe
tables with their header separator row, inline emphasis and code, and (on request) links and images (an image's
caption as its title).

The page's text is escaped so that it can carry no markup of its own: only the structure cleaner read makes
Markdown, and links and images only from absolute http(s)/mailto URLs (`shared/urls.py`).
"""

from __future__ import annotations

import re

from ..blocks import Block, Kind
from ..body import Image, Span
from .units import list_depths, units

_BACKTICKS = re.compile(r"`+")
_MARKDOWN_ESCAPES = str.maketrans({"\\": "\\\\", "[": "\\[", "]": "\\]", "<": "\\<", "*": "\\*"})
_FENCE_RUN = re.compile(r"`{3,}|~{3,}")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # an underscore at a word edge (inside a word it is text)
_ENTITY = re.compile(r"&(?=#?\w+;)")
# what would open a block at the start of a line: a heading, a list item, a quote, a rule or a setext underline
_LINE_START = re.compile(r"^(?:(#{1,6})(?=\s|$)|([-+])(?=\s|$)|(\d{1,9})([.)])(?=\s|$)|(>)|([=-]+\s*$))")
_INDENT = "    "


def render_markdown(blocks: list[Block], links: bool = False, images: bool = False) -> str:
    """Markdown body. `links` writes `[text](URL)` for the links of the page; `images` writes `![alt](src "caption")`
    before the block each image stood with. Every line of a code block is kept, in a fence longer than any backtick run in it."""
    out: list[str] = []
    depths = list_depths(blocks)
    position = 0
    for unit in units(blocks):
        first = unit[0]
        if images and first.structure is not None:
            # a kept <figcaption> block is its images' caption already: no title repeats it
            out += [_image(image, first.source != "figcaption") for image in first.structure.images]
        if len(unit) > 1 or first.cells:
            out.append(_table(unit))
        elif first.kind is Kind.HEADING:
            text = _inline(first, links)
            text = text[:-1] + "\\#" if text.endswith("#") else text  # else read as a closing sequence
            out.append("#" * max(1, min(first.level or 2, 6)) + " " + text)
        elif first.kind is Kind.LIST_ITEM:
            ordered = first.structure is not None and first.structure.ordered
            out.append(_INDENT * (depths[position] - 1) + ("1. " if ordered else "- ") + _inline(first, links))
        elif first.kind is Kind.QUOTE:
            lines = first.text.splitlines()
            out.append(
                "> " + _inline(first, links) if len(lines) == 1 else "\n".join("> " + escape_markdown(x) for x in lines)
            )
        elif first.kind is Kind.CODE:
            fence = "`" * max(3, 1 + max((len(run) for run in _BACKTICKS.findall(first.text)), default=0))
            language = first.structure.language if first.structure is not None else ""
            out.append(f"{fence}{language}\n{first.text}\n{fence}")
        else:
            out.append(_inline(first, links))
        position += len(unit)
    return "\n\n".join(out)


def escape_markdown(text: str) -> str:
    """`text` with `\\`, `[`, `]`, `<` and `*` backslash-escaped, and every backtick or tilde of a run of three: it
    can carry no Markdown link, image, HTML or emphasis, and cannot open a code block (after a list marker or a quote
    sign too). Underscores at word edges, entity-like `&name;` and what would open a block at the start of a line
    (`#`, `-`, `+`, `1.`, `>`, a setext underline) are escaped too, so that the text reads back as written."""
    text = text.translate(_MARKDOWN_ESCAPES)
    if "```" in text or "~~~" in text:
        text = _FENCE_RUN.sub(lambda run: "".join("\\" + c for c in run.group()), text)
    if "_" in text:
        text = _UNDERSCORE.sub(r"\\_", text)
    if "&" in text:
        text = _ENTITY.sub(r"\\&", text)
    if (m := _LINE_START.match(text)) is not None:
        cut = m.start(4) if m.group(4) else 0
        text = text[:cut] + "\\" + text[cut:]
    return text


def _inline(block: Block, links: bool) -> str:
    """A block's text with its emphasis, inline code and (with `links`) links, or escaped plain text."""
    spans = block.spans
    if not spans:
        return escape_markdown(block.text)
    out: list[str] = []
    i = 0
    while i < len(spans):
        href = spans[i].href if links else None
        j = i + 1
        while href and j < len(spans) and spans[j].href == href:
            j += 1
        inner = "".join(_span(spans[k], spans[k - 1].text[-1:] if k else "", _next(spans, k)) for k in range(i, j))
        out.append(f"[{inner}]({href})" if href else inner)
        i = j
    return "".join(out)


def _next(spans: tuple[Span, ...], k: int) -> str:
    """The first character after run `k`."""
    return spans[k + 1].text[:1] if k + 1 < len(spans) else ""


def _span(span: Span, before: str, after: str) -> str:
    """One run: code in a backtick string longer than any inside it, emphasis markers around the words (spaces at
    its edges stay outside), or escaped text when the markers could not open and close there."""
    text = span.text
    core = text.strip(" ")
    if not core:
        return escape_markdown(text) if not span.code else text
    lead, trail = text[: len(text) - len(text.lstrip(" "))], text[len(text.rstrip(" ")) :]
    if span.code:
        ticks = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(core)), default=0))
        pad = " " if core[:1] == "`" or core[-1:] == "`" else ""
        body = f"{ticks}{pad}{core}{pad}{ticks}"
    else:
        body = escape_markdown(core)
    marker = ("**" if span.strong else "") + ("*" if span.em else "")
    if marker and _flanks(lead or before, core, trail or after):
        body = f"{marker}{body}{marker[::-1]}"
    return lead + body + trail


def _flanks(before: str, core: str, after: str) -> bool:
    """Whether `*` markers around `core` open and close emphasis (CommonMark's flanking rules): a marker next to
    punctuation inside needs a space or punctuation outside."""
    opens = not _punct(core[0]) or not before or before.isspace() or _punct(before)
    closes = not _punct(core[-1]) or not after or after.isspace() or _punct(after)
    return opens and closes


def _punct(char: str) -> bool:
    return not char.isalnum() and not char.isspace()


def _table(rows: list[Block]) -> str:
    """A pipe table; its first row is the header row (GFM needs one: a table without one shows its first row there)."""
    cells = [list(row.cells) if row.cells else [row.text] for row in rows]
    width = max(len(c) for c in cells)
    lines = ["| " + " | ".join(_cell(c[k] if k < len(c) else "") for k in range(width)) + " |" for c in cells]
    lines.insert(1, "|" + "|".join(" --- " for _ in range(width)) + "|")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return escape_markdown(text).replace("|", "\\|") if text else ""


def _image(image: Image, titled: bool = True) -> str:
    """`![alt](src)`, with the image's caption as its title: shown with the image, not read as body text."""
    if not (titled and image.caption):
        return f"![{escape_markdown(image.alt)}]({image.src})"
    title = escape_markdown(image.caption).replace('"', '\\"')
    return f'![{escape_markdown(image.alt)}]({image.src} "{title}")'
