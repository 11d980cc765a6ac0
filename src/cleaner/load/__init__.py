"""Load stage: what the caller passed (str, bytes or a path) becomes a Document: text decoded and repaired, its
format told, HTML parsed once within the limits. Entry: `load_document`."""

from __future__ import annotations

from ..article import Metadata
from ..document import Document
from ..limits import Limits
from .parse import check_lines, parse_html
from .source import FORMATS, Source, detect_format, is_page_source, read_source

__all__ = ["FORMATS", "Source", "load_document"]


def load_document(source: Source, url: str | None, format: str | None, limits: Limits) -> Document | None:
    """The input as a Document: an HTML page with its tree, or text with its lines; None when it is empty. Plain
    text that is a page's HTML source (`is_page_source`: what a dumper gives for a page with a broken </title>) is
    read as HTML, with a warning, even when `format="text"` says otherwise; Markdown, which may hold HTML, stays.

    Raises CleanerError (NotAPage, UndecodableInput, InputTooLarge, TooManyElements, TooDeep) on input it cannot load.
    """
    text, _ = read_source(source, limits.max_bytes)
    if not text.strip():
        return None
    fmt = format or detect_format(text)
    warnings: list[str] = []
    if fmt == "text" and is_page_source(text):
        warnings.append("the text is a page's HTML source (tags make up 30% of it or more): read as HTML")
        fmt = "html"
    if fmt != "html":
        check_lines(text, limits)
        return Document(format=fmt, text=text, metadata=Metadata(url=url))
    tree = parse_html(text, limits, warnings)
    return Document(format="html", tree=tree, metadata=Metadata(url=url), warnings=warnings)
