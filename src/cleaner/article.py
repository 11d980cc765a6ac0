"""The result of cleaning: body blocks, metadata and the record of what was removed and why."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .blocks import Block
from .render import body_data, escape_markdown, render_html, render_html_document, render_markdown, render_text
from .shared.urls import safe_url


@dataclass(frozen=True)
class Removal:
    """One thing a filter took out of the page: which filter, why, and the text it carried."""

    filter: str
    reason: str
    text: str


@dataclass
class Metadata:
    """Facts about the article, gathered from the page and lifted out of the body by filters."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    sitename: str | None = None
    description: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    image: str | None = None
    author_bio: str | None = None
    captions: list[str] = field(default_factory=list)
    page_type: str | None = None  # HTML only: a heuristic guess, see pagetype.py


def _metadata_field(name: str) -> Any:
    """A read-only property of Article that reads through to `Article.metadata.<name>`."""
    return property(lambda self: getattr(self.metadata, name), doc=f"Shortcut for `metadata.{name}`.")


@dataclass
class Article:
    """A cleaned article: `text` is the body, the rest is metadata and the audit trail."""

    blocks: list[Block] = field(default_factory=list)
    metadata: Metadata = field(default_factory=Metadata)
    removed: list[Removal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    format: str = "html"

    @property
    def text(self) -> str:
        """The body: paragraphs, headings, list items and quotes separated by blank lines."""
        return render_text(self.blocks)

    @property
    def is_empty(self) -> bool:
        """True when no body text survived (the reason is in `warnings`)."""
        return not any(b.text.strip() for b in self.blocks)

    title = _metadata_field("title")
    authors = _metadata_field("authors")
    date = _metadata_field("date")
    url = _metadata_field("url")
    sitename = _metadata_field("sitename")
    description = _metadata_field("description")
    language = _metadata_field("language")
    tags = _metadata_field("tags")
    image = _metadata_field("image")
    page_type = _metadata_field("page_type")

    def to_text(self) -> str:
        """The body as plain text: what `text` holds, and what the word-F1 benchmark scores."""
        return self.text

    def to_markdown(self, links: bool = False, images: bool = False) -> str:
        """The body as GitHub-flavoured Markdown, with the title as a level-1 heading when known; `links` and
        `images` keep the page's links and images (absolute http(s)/mailto URLs only)."""
        body = render_markdown(self.blocks, links=links, images=images)
        title = escape_markdown(" ".join((self.metadata.title or "").split()))
        return f"# {title}\n\n{body}" if title and body else body or (f"# {title}" if title else "")

    def to_html(self, links: bool = False, images: bool = False, document: bool = False) -> str:
        """The body as a safe HTML `<article>` fragment (the title as its `<h1>`), or with `document` a standalone
        page carrying the metadata in its `<head>`; `links` and `images` as in `to_markdown`."""
        title = " ".join((self.metadata.title or "").split())
        if not document:
            return render_html(self.blocks, title, links=links, images=images)
        m = self.metadata
        meta = {
            "title": title,
            "author": ", ".join(m.authors),
            "date": m.date or "",
            "description": m.description or "",
            "sitename": m.sitename or "",
            "language": m.language or "",
            "url": safe_url(m.url) or "",
        }
        return render_html_document(self.blocks, meta, links=links, images=images)

    def to_dict(
        self, audit: bool = True, body: bool = False, links: bool = False, images: bool = False
    ) -> dict[str, Any]:
        """A JSON-ready dict of body text, metadata and (with `audit`) the removal records; with `body`, also the
        structured body under "body" (schema in `render/data.py` and docs/output-formats.md), its links and
        images kept with `links` and `images`."""
        data: dict[str, Any] = {"text": self.text, **asdict(self.metadata), "format": self.format}
        data["warnings"] = list(self.warnings)
        if audit:
            data["removed"] = [asdict(r) for r in self.removed]
        if body:
            data["body"] = body_data(self.blocks, links=links, images=images)
        return data
