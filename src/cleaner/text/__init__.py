"""Scraped-text stage: a text or Markdown dump cut into blocks, one per line or paragraph; the line model that
judges them (`line_model`, `line_features`) runs in the boilerplate filter. Entry: `text_to_blocks`."""

from .lines import text_to_blocks

__all__ = ["text_to_blocks"]
