"""Scraped-text stage: a text or Markdown dump cut into blocks, one per line or paragraph; the line model that
judges them (`line_model`, `line_features`) runs in the boilerplate filter. Entries: `text_to_blocks`, and
`dump_metadata` (title, authors and date from the dump's lines)."""

from .lines import text_to_blocks
from .metadata import dump_metadata

__all__ = ["dump_metadata", "text_to_blocks"]
