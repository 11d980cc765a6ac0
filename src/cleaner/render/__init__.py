"""Render stage: an Article's body blocks as text, Markdown, HTML or structured data."""

from .data import body_data
from .html import render_html, render_html_document
from .markdown import escape_markdown, render_markdown
from .text import render_text

__all__ = ["body_data", "escape_markdown", "render_html", "render_html_document", "render_markdown", "render_text"]
