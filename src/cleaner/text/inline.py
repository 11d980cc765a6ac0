"""The inline structure of a Markdown line: links (absolute http(s)/mailto targets only), emphasis, inline code and
images, read beside the plain text that `lines.py` keeps, so that a Markdown dump keeps them in every output."""

from __future__ import annotations

import re

from ..body import Image, Span, collapsed, merge_spans
from ..shared.urls import safe_url

# the same bounded shapes lines.py strips (each linear in the line's length)
IMAGE = re.compile(r"!\[([^\[\]\n]{0,300})\]\(([^)\[\]\n]{0,2000})\)")
LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^)\[\]\n]{0,2000}\)")  # group 1: the link's text
_PARTS = re.compile(
    r"\[(?P<label>[^\[\]\n]{0,300})\]\((?P<url>[^)\[\]\n]{0,2000})\)"
    r"|<(?P<auto>(?:https?|ftp|mailto):[^<>\s]{1,2000})>"
    r"|(?P<mark>\*{1,3}|_{2,3}|`)(?=\S)(?P<inner>.{1,300}?)(?<=\S)(?P=mark)"
)
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|`)(?=\S)(.{1,300}?)(?<=\S)\1")


def markdown_images(text: str) -> tuple[Image, ...]:
    """The images a line shows whose source is an absolute http(s) URL, with their title (`"…"`) as caption."""
    out: list[Image] = []
    for m in IMAGE.finditer(text):
        target, _, title = m.group(2).strip().partition(" ")
        url = safe_url(target.strip("<>"))
        title = title.strip()
        caption = title[1:-1].replace("\\", "") if len(title) > 1 and title[0] == title[-1] == '"' else ""
        if url is not None and not url.startswith("mailto:"):
            out.append(Image(url, " ".join(m.group(1).split()), " ".join(caption.split())))
    return tuple(out)


def markdown_spans(text: str, plain: str) -> tuple[Span, ...]:
    """The runs of a Markdown line (its images already removed) that read `plain`, the text lines.py keeps;
    () when the line has no marks or the two readings differ."""
    spans: list[Span] = []
    at = 0
    for m in _PARTS.finditer(text):
        spans.append(Span(text[at : m.start()]))
        if m.group("label") is not None:
            target = m.group("url").strip().split(" ", 1)[0].strip("<>")
            spans.append(Span(_EMPHASIS.sub(r"\2", m.group("label")), href=safe_url(target)))
        elif m.group("auto") is not None:
            spans.append(Span(m.group("auto"), href=safe_url(m.group("auto"))))
        else:
            mark = m.group("mark")
            strong = mark in ("**", "***", "__", "___")
            em = mark in ("*", "***", "___")
            spans.append(Span(m.group("inner"), strong=strong, em=em, code=mark == "`"))
        at = m.end()
    spans.append(Span(text[at:]))
    spans = collapsed([Span(s.text.replace("\\", ""), s.strong, s.em, s.code, s.href) for s in spans])
    if "".join(s.text for s in spans) != plain:
        return ()
    return merge_spans(spans)
