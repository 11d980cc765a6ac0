"""The body as plain text: what `Article.text` holds."""

from __future__ import annotations

from ..blocks import Block


def render_text(blocks: list[Block]) -> str:
    """Plain-text body: blocks separated by blank lines."""
    return "\n\n".join(b.text for b in blocks if b.text)
