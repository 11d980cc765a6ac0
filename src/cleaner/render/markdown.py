"""The body as Markdown: headings, list items, quotes and code fences, with the page's text escaped so that it can
carry no markup of its own."""

from __future__ import annotations

import re

from ..blocks import Block, Kind

_BACKTICKS = re.compile(r"`+")
_MARKDOWN_ESCAPES = str.maketrans({"\\": "\\\\", "[": "\\[", "]": "\\]", "<": "\\<"})
_FENCE_RUN = re.compile(r"`{3,}|~{3,}")


def render_markdown(blocks: list[Block]) -> str:
    """Markdown body: headings get #, list items -, quotes >, code fences.

    Text is escaped so that nothing the page said can become markup: backslashes, brackets and `<` get a
    backslash (no link, image, autolink or raw HTML, so no `javascript:` URL or <script> from the input), and a code
    fence is longer than any run of backticks inside it.
    """
    out: list[str] = []
    for b in blocks:
        if b.kind is Kind.HEADING:
            out.append("#" * max(1, min(b.level or 2, 6)) + " " + escape_markdown(b.text))
        elif b.kind is Kind.LIST_ITEM:
            out.append("  " * max(0, b.level - 1) + "- " + escape_markdown(b.text))
        elif b.kind is Kind.QUOTE:
            out.append("\n".join("> " + escape_markdown(line) for line in b.text.splitlines()))
        elif b.kind is Kind.CODE:
            fence = "`" * max(3, 1 + max((len(run) for run in _BACKTICKS.findall(b.text)), default=0))
            out.append(f"{fence}\n{b.text}\n{fence}")
        else:
            out.append(escape_markdown(b.text))
    return "\n\n".join(out)


def escape_markdown(text: str) -> str:
    """`text` with `\\`, `[`, `]` and `<` backslash-escaped, and every backtick or tilde of a run of three: it can
    carry no Markdown link, image or HTML, and cannot open a code block (after a list marker or a quote sign too)."""
    text = text.translate(_MARKDOWN_ESCAPES)
    if "```" in text or "~~~" in text:
        text = _FENCE_RUN.sub(lambda run: "".join("\\" + c for c in run.group()), text)
    return text
