"""Render stage: an Article's body blocks as text or Markdown."""

from .markdown import escape_markdown, render_markdown
from .text import render_text

__all__ = ["escape_markdown", "render_markdown", "render_text"]
