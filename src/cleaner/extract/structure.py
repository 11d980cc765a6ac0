"""The structure of the blocks the classifier kept, read back from their elements: inline spans (links, emphasis,
inline code), a table row's cells and header flag, a code block's exact text and language, a list item's depth and
numbering, the images beside a block.

Only kept blocks are read (a page keeps a few dozen of its hundreds of candidates), each element once, so the
classifier's pass over the whole page stays as cheap as before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import islice

from lxml.etree import iterwalk
from lxml.html import HtmlElement

from ..body import Image, Span, collapsed, merge_spans
from ..shared.dom import INVISIBLE
from ..shared.urls import safe_url

_STRONG = frozenset({"strong", "b"})
_EM = frozenset({"em", "i", "cite", "var"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})
_MARKED = ("a", *_STRONG, *_EM, *_CODE)
_LISTS = frozenset({"ul", "ol", "menu"})
_LANGUAGE = re.compile(r"(?:^|\s)(?:language|lang|highlight-source|brush:?)-?([A-Za-z0-9_+#.-]{1,30})")
_LEADING_BLANK_LINES = re.compile(r"^(?:[ \t]*\n)+")
_SMALL = 16  # elements an image-only element may hold
_IMAGE_SIBLINGS = 2  # image-only elements right before a block that count as its images


class StructureReader:
    """Reads the structure of kept candidates of one page; `url` is the page's address, to resolve links against,
    `captions` the captions a filter took out of the page, by image."""

    def __init__(
        self, url: str | None, block_tags: frozenset[str], captions: Mapping[HtmlElement, str] | None = None
    ) -> None:
        self.url = url
        self.block_tags = block_tags
        self.captions = captions or {}
        self._base: str | None = None
        self._base_read = False
        self._segments: dict[HtmlElement, dict[str, list[Span]]] = {}
        self._tables: dict[HtmlElement, int] = {}
        self._inline_read: set[HtmlElement] = set()  # elements whose inline images were given (blocks split by <br>
        # share their element)
        self._images_seen: set[str] = set()

    def base(self, element: HtmlElement) -> str | None:
        """The address links resolve against: the page's `<base href>` (itself resolved), else its URL."""
        if not self._base_read:
            self._base_read = True
            found = element.getroottree().getroot().find(".//base[@href]")
            self._base = safe_url(found.get("href"), self.url) if found is not None else None
            self._base = self._base or self.url
        return self._base

    def spans(self, element: HtmlElement, text: str) -> tuple[Span, ...]:
        """The runs of `element`'s own text (cut at nested blocks) that read `text`; () if none or unmarked."""
        if len(element) == 0 or next(element.iter(*_MARKED), None) is None:
            return ()  # nothing inside can mark a run (lxml finds that in C, without a walk)
        segments = self._segments.get(element)
        if segments is None:  # by their text, the first of equal ones kept: one lookup per block, not a scan
            segments = self._segments[element] = {}
            for segment in self._read_segments(element):
                segments.setdefault("".join(s.text for s in segment), segment)
        found = segments.get(text)
        return merge_spans(found) if found is not None else ()

    def _read_segments(self, element: HtmlElement) -> list[list[Span]]:
        """`element`'s inline content as runs of text with their marks, one list per stretch between nested blocks."""
        segments: list[list[Span]] = [[]]
        marks: list[tuple[bool, bool, bool, str | None]] = []
        walker = iterwalk(element, events=("start", "end"))
        for event, node in walker:
            tag = node.tag
            if node is element:
                if event == "start":
                    marks.append((False, False, False, None))
                    self._add(segments[-1], node.text, marks[-1])
                continue
            if event == "start":
                if tag.__class__ is not str or tag in INVISIBLE or tag in self.block_tags:
                    walker.skip_subtree()
                    marks.append(marks[-1])
                    if tag in self.block_tags:
                        segments.append([])
                    continue
                strong, em, code, href = marks[-1]
                if tag == "a" and href is None:
                    href = safe_url(node.get("href"), self.base(element))
                marks.append((strong or tag in _STRONG, em or tag in _EM, code or tag in _CODE, href))
                self._add(segments[-1], node.text, marks[-1])
            else:
                marks.pop()
                if tag.__class__ is str and tag in self.block_tags:
                    segments.append([])
                self._add(segments[-1], node.tail, marks[-1])
        return [collapsed(segment) for segment in segments if segment]

    @staticmethod
    def _add(segment: list[Span], text: str | None, mark: tuple[bool, bool, bool, str | None]) -> None:
        if text:
            segment.append(Span(text, mark[0], mark[1], mark[2], mark[3]))

    def row(self, cell: HtmlElement) -> tuple[bool, int]:
        """(whether the cell's row is a header row, the number of its table on the page)."""
        row = cell.getparent()
        if row is None or row.tag != "tr":
            return False, 0
        section = row.getparent()
        header = section is not None and section.tag == "thead"
        header = header or all(c.tag == "th" for c in row if isinstance(c.tag, str))
        table = next((a for a in row.iterancestors("table")), None)
        if table is None:
            return header, 0
        number = self._tables.setdefault(table, len(self._tables) + 1)
        return header, number

    def images(self, element: HtmlElement, caption: str = "") -> tuple[Image, ...]:
        """The images shown with a block: inside its element, or in image-only elements right before it; for a
        `<figcaption>`, its figure's images with the caption; else each with the caption a filter took out of the
        page for it. Each image is given once per page."""
        found = self._inline_images(element)
        if element.tag == "figcaption" and (figure := element.getparent()) is not None:
            found = list(figure.iter("img"))
        else:
            caption = ""
            sibling = element.getprevious()
            for _ in range(_IMAGE_SIBLINGS):
                images = _image_only(sibling) if sibling is not None else None
                if not images:
                    break
                found[:0] = images
                sibling = sibling.getprevious()
        out: list[Image] = []
        for img in found:
            src = img.get("src") or ""
            if not src or src.startswith("data:"):
                src = img.get("data-src") or img.get("data-lazy-src") or ""
            url = safe_url(src, self.base(element))
            if url is None or url.startswith("mailto:") or url in self._images_seen:
                continue
            self._images_seen.add(url)
            out.append(Image(url, " ".join((img.get("alt") or "").split()), caption or self.captions.get(img, "")))
        return tuple(out)

    def _inline_images(self, element: HtmlElement) -> list[HtmlElement]:
        """The images in `element`'s own inline content (not inside its nested blocks), in document order; none the
        second time for one element (its first block took them all; each image is given once per page), so the
        blocks of one element do not each walk all of it."""
        if element in self._inline_read:
            return []
        self._inline_read.add(element)
        out: list[HtmlElement] = []
        stack = list(reversed(element))
        while stack:
            node = stack.pop()
            if not isinstance(node.tag, str) or node.tag in self.block_tags or node.tag in INVISIBLE:
                continue
            if node.tag == "img":
                out.append(node)
            stack.extend(reversed(node))
        return out


def _image_only(element: HtmlElement) -> list[HtmlElement] | None:
    """The images of a small element holding images and no text (a figure, a paragraph with a picture); None for
    anything else. At most `_SMALL` elements are looked at, so a big container costs no more than a small one."""
    if not isinstance(element.tag, str):
        return None
    nodes = list(islice(element.iter(), _SMALL))
    if len(nodes) == _SMALL or any(
        (n.text or "").strip() or (n is not element and (n.tail or "").strip()) for n in nodes
    ):
        return None
    images = [n for n in nodes if n.tag == "img"]
    return images if 0 < len(images) <= _IMAGE_SIBLINGS else None


def code_text(raw: str, fallback: str) -> str:
    """A code block's text as written: its lines and indentation, without blank lines around it."""
    text = _LEADING_BLANK_LINES.sub("", raw.replace("\r\n", "\n").replace("\r", "\n")).rstrip()
    return text or fallback


def code_language(pre: HtmlElement) -> str:
    """The language a code block declares (`class="language-python"`, `lang-js`, `data-lang`), or ""."""
    for node in (pre, *pre.iterchildren("code")):
        declared = node.get("data-lang") or node.get("data-language")
        if declared and re.fullmatch(r"[A-Za-z0-9_+#.-]{1,30}", declared):
            return declared.lower()
        if m := _LANGUAGE.search(node.get("class") or ""):
            return m.group(1).lower()
    return ""


def list_position(item: HtmlElement) -> tuple[int, bool]:
    """(nesting depth of a list item, 1 for a top-level one; whether its list is numbered)."""
    lists = [a.tag for a in item.iterancestors() if a.tag in _LISTS]
    return max(1, min(len(lists), 6)), bool(lists) and lists[0] == "ol"
