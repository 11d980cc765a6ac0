"""The result of cleaning: body blocks, metadata and the record of what was removed and why."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .blocks import Block
from .render import escape_markdown, render_markdown, render_text


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

    def to_markdown(self) -> str:
        """The body as Markdown, with the title as a level-1 heading when known."""
        body = render_markdown(self.blocks)
        title = escape_markdown(" ".join((self.metadata.title or "").split()))
        return f"# {title}\n\n{body}" if title else body

    def to_dict(self, audit: bool = True) -> dict[str, Any]:
        """A JSON-ready dict of body, metadata and (with `audit`) the removal records."""
        data: dict[str, Any] = {"text": self.text, **asdict(self.metadata), "format": self.format}
        data["warnings"] = list(self.warnings)
        if audit:
            data["removed"] = [asdict(r) for r in self.removed]
        return data
