"""Split a parsed page into candidate blocks, each with the structure around it, for the block classifier (and,
as plain blocks, for the rule path when trafilatura finds nothing).

One iterative walk over the tree (deep nesting cannot exhaust the stack). A block is the text of a block-level
element that is not inside a nested block-level child; it records what a classifier needs to tell body from
boilerplate: its tag, the landmark tags and class/id signals of its ancestors, its links, and the path of tags
and classes that leads to it (cards of a listing share one).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from lxml.etree import iterwalk
from lxml.html import HtmlElement

from ..blocks import Block, Kind
from ..body import Structure
from ..shared.compiled import compiled
from ..shared.dom import INVISIBLE
from ..shared.phrases import alternatives
from .structure import StructureReader, code_language, code_text, list_position

_KIND = {
    "h1": Kind.HEADING,
    "h2": Kind.HEADING,
    "h3": Kind.HEADING,
    "h4": Kind.HEADING,
    "h5": Kind.HEADING,
    "h6": Kind.HEADING,
    "li": Kind.LIST_ITEM,
    "dt": Kind.LIST_ITEM,
    "dd": Kind.LIST_ITEM,
    "blockquote": Kind.QUOTE,
    "pre": Kind.CODE,
    "tr": Kind.TABLE,
}
_BLOCK_TAGS = set(_KIND) | {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "ul",
    "ol",
    "dl",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "figure",
    "figcaption",
    "address",
    "br",
    "hr",
    "body",
    "center",
    "form",
    "fieldset",
    "details",
    "summary",
    "caption",
    "td",
    "th",
    "label",
    "legend",
}
_BLOCK_TAG_SET = frozenset(_BLOCK_TAGS)
_CELLS = {"td", "th"}
# landmark tags whose presence among a block's ancestors is a feature (index = position in Candidate.inside)
LANDMARKS = ("article", "main", "nav", "header", "footer", "aside", "form", "a", "li", "table", "figure", "h")
_LANDMARK_INDEX = {tag: i for i, tag in enumerate(LANDMARKS)}
_LANDMARK_INDEX.update({f"h{n}": _LANDMARK_INDEX["h"] for n in range(1, 7)})
# class/id/role vocabulary: each group is one feature (counts of matching ancestors)
SIGNALS: tuple[tuple[str, str], ...] = (
    ("content", r"content|article|post|entry|story|body|text|main|blog|prose|markdown|rich|detail|descr|review"),
    ("comment", r"comment|reply|discuss|respons|forum|thread|message"),
    ("nav", r"nav|menu|breadcrumb|pagination|pager|tabs?\b|toc\b|skip"),
    ("footer", r"foot|copyright|legal|bottom"),
    ("header", r"header|masthead|banner|topbar|top-bar|logo|brand"),
    ("side", r"side|widget|rail|aside|sticky|drawer|popup|modal|overlay|dropdown|flyout"),
    (
        "related",
        r"related|recommend|more|also|similar|popular|trending|teaser|promo|carousel|slider|recirc|outbrain"
        r"|taboola",
    ),
    ("share", r"share|social|follow|print|email|tweet|facebook|whatsapp|rss"),
    ("ad", r"\bads?\b|advert|sponsor|dfp|gpt|banner|affiliate|commercial"),
    ("meta", r"byline|author|date|time|meta|info|tag|categor|label|credit|caption"),
    ("form", r"subscri|newsletter|signup|sign-up|login|cookie|consent|gdpr|paywall|search|form"),
    ("hidden", r"hidden|sr-only|visually-hidden|screen-reader|offscreen|collapse"),
    ("card", r"card|item|tile|grid|list|product|price|result|listing|feed"),
    ("title", r"title|headline|heading|name"),
)
_SIGNAL_RES = tuple(re.compile(p) for _, p in SIGNALS)
# whether a word matches any group (half of all class words match none): every fragment of every group (each group is
# a flat alternation) in one regex whose branches are grouped by first letter, 3x faster than the groups side by side
_ANY_SIGNAL = re.compile(alternatives(sorted({f for _, p in SIGNALS for f in p.split("|")}), ignorecase=False))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_NUMBERS = re.compile(r"\d+")
_PATH_DEPTH = 6  # ancestors that make a block's path signature
_NEAR_DEPTH = 3  # ancestors (the element itself included) whose class signals count as near
# enclosing block-level elements a block records (its own included): the features look 6 up at most. All of them
# would cost each block the page's depth: 90 000 list items 200 levels down held 150 MB of them
_PARENT_LEVELS = 8
_NO_HITS = (0,) * len(SIGNALS)  # `near` of a block with no signal among its nearest ancestors


@dataclass(slots=True)
class Candidate:
    """One block of page text and the structure around it (filled by `segment`)."""

    text: str
    tag: str  # innermost block-level tag
    kind: Kind
    level: int
    link_chars: int
    depth: int
    inside: tuple[int, ...]  # per LANDMARKS: 1 when an ancestor (or the block itself) has that tag
    signals: tuple[int, ...]  # per SIGNALS: number of ancestors whose class/id/role matches
    near: tuple[int, ...]  # per SIGNALS: the same over the block's own element and its nearest ancestors
    hidden: bool
    path: int  # hash of the tags and classes of the nearest ancestors
    parents: tuple[int, ...] = field(default=())  # serials of the innermost _PARENT_LEVELS enclosing block-level
    # elements (its own included), outermost first
    element: HtmlElement | None = None  # the innermost block-level element: kept blocks read their structure there
    raw: str = ""  # a code block's text as written (lines and indentation), "" for other kinds
    ends: list[int] = field(default_factory=list)  # per serial, the last serial opened inside it (shared by a page's)

    def within(self, serial: int) -> bool:
        """True when the block-level element numbered `serial` holds this block (or is its own element): serials
        number elements in document order, so it holds exactly the serials from its own to its `ends` entry."""
        return bool(self.parents) and serial <= self.parents[-1] <= self.ends[serial]

    @property
    def link_density(self) -> float:
        """Share of the text inside links."""
        return min(1.0, self.link_chars / len(self.text)) if self.text else 0.0


def segment(tree: HtmlElement) -> list[Candidate]:
    """The candidate blocks of the page's visible text, in document order: the compiled walk's when it is built
    (`_walk.pyx`, same blocks, about 2.5x faster), the Python one's otherwise."""
    if _COMPILED is not None:
        return _COMPILED.segment(tree, _marks, _WALK_TABLES, _WALK_SHAPES)  # type: ignore[no-any-return]
    return segment_python(tree)


def segment_python(tree: HtmlElement) -> list[Candidate]:
    """`segment` in Python: one loop over the walk's start and end events, its state in local variables (this runs
    over every element of every page: the fastest shape in CPython is the plain one)."""
    out: list[Candidate] = []
    parts: list[str] = []  # text of the block being collected
    has_text = False  # whether `parts` holds more than whitespace
    link_chars = 0  # characters of `parts` inside links
    blocks: list[str] = []  # tags of the open block-level elements
    serials: list[int] = []  # and their serial numbers (ids of lxml proxies get reused)
    ends: list[int] = [0]  # per serial, the last serial opened inside it (set when it closes)
    elements: list[HtmlElement] = []  # and the elements themselves
    kinds: list[Kind] = [Kind.PARAGRAPH]  # and the kind their text gets
    opened = 0  # block-level elements opened so far
    inside = [0] * len(LANDMARKS)  # open elements per landmark tag
    signals = [0] * len(SIGNALS)  # open elements per class/id signal group
    hidden = 0  # open elements that hide their content
    in_link = 0  # open <a> elements
    path: list[str] = []  # path tokens of the open elements
    hit_stack: list[tuple[int, ...]] = []  # and their signal groups
    states: list[tuple[str, tuple[int, ...], bool, int | None] | None] = []  # per open element: what it counted
    walker = iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            tag = element.tag
            if tag.__class__ is not str or tag in INVISIBLE:  # comments and processing instructions have no str tag
                states.append(None)
                walker.skip_subtree()
                continue
        else:
            state = states.pop()
            tag = state[0] if state is not None else None  # None: a skipped element, whose tail still counts
        if tag in _BLOCK_TAGS:  # a block-level element opens or closes: the text so far is one block
            if has_text:
                out.append(
                    _candidate(
                        parts,
                        blocks,
                        kinds,
                        link_chars,
                        path,
                        inside,
                        signals,
                        hit_stack,
                        hidden,
                        serials,
                        elements,
                        ends,
                    )
                )
                has_text = False
            parts.clear()
            link_chars = 0
        if event == "start":
            if tag in _BLOCK_TAGS:
                opened += 1
                blocks.append(tag)
                kinds.append(_KIND.get(tag, kinds[-1]))  # the nearest enclosing tag with a kind decides
                serials.append(opened)
                ends.append(opened)
                elements.append(element)
                if tag in _CELLS:
                    parts.append(" | ")
                    has_text = True  # an empty cell still makes a (blank) block: the model was trained on them
            elif tag == "a":
                in_link += 1
            if (index := _LANDMARK_INDEX.get(tag)) is not None:
                inside[index] += 1
            hits: tuple[int, ...] = ()
            hides = False
            token = tag
            keys = element.keys()
            if keys:  # an attribute is asked for only when the element has it: `in` on a short list is cheaper
                get = element.get
                hits, token = _marks(
                    tag,
                    get("class", ""),
                    get("id", "") if "id" in keys else "",
                    get("role", "") if "role" in keys else "",
                )
                hides = (
                    "hidden" in keys
                    or "aria-hidden" in keys
                    and get("aria-hidden") == "true"
                    or "style" in keys
                    and bool(_HIDDEN_STYLE.search(get("style")))
                )
                for i in hits:
                    signals[i] += 1
                hidden += hides
            hit_stack.append(hits)
            path.append(token)
            states.append((tag, hits, hides, index))
            text = element.text
        else:
            if state is not None:
                _, hits, hides, index = state
                if tag in _BLOCK_TAGS:
                    blocks.pop()
                    kinds.pop()
                    ends[serials.pop()] = opened
                    elements.pop()
                elif tag == "a":
                    in_link -= 1
                if index is not None:
                    inside[index] -= 1
                for i in hits:
                    signals[i] -= 1
                hidden -= hides
                path.pop()
                hit_stack.pop()
            text = element.tail
        if text:
            parts.append(text)
            if not has_text and not text.isspace():
                has_text = True
            if in_link:
                link_chars += len(text.strip())
    if has_text:
        out.append(
            _candidate(
                parts, blocks, kinds, link_chars, path, inside, signals, hit_stack, hidden, serials, elements, ends
            )
        )
    return out


def _candidate(
    parts: list[str],
    blocks: list[str],
    kinds: list[Kind],
    link_chars: int,
    path: list[str],
    inside: list[int],
    signals: list[int],
    hit_stack: list[tuple[int, ...]],
    hidden: int,
    serials: list[int],
    elements: list[HtmlElement],
    ends: list[int],
) -> Candidate:
    """The block whose text is `parts`, with the state of the walk around it."""
    joined = "".join(parts)
    text = " ".join(joined.split())
    tag = blocks[-1] if blocks else "body"
    kind = kinds[-1]
    level = int(tag[1]) if kind is Kind.HEADING and tag[0] == "h" and len(tag) == 2 else 0
    if kind is Kind.TABLE:
        text = text.strip(" |")
    near_hits = hit_stack[-_NEAR_DEPTH:]
    near = _NO_HITS
    if any(near_hits):
        counts = [0] * len(SIGNALS)
        for hits in near_hits:
            for i in hits:
                counts[i] += 1
        near = tuple(counts)
    return Candidate(
        text,
        tag,
        kind,
        level,
        link_chars,
        len(path),
        tuple(map(bool, inside)),
        tuple(signals),
        near,
        hidden > 0,
        hash(tuple(path[-_PATH_DEPTH:])),
        tuple(serials[-_PARENT_LEVELS:]),
        elements[-1] if elements else None,
        joined if kind is Kind.CODE else "",
        ends,
    )


@lru_cache(maxsize=8192)
def _marks(tag: str, cls: str, ident: str, role: str) -> tuple[tuple[int, ...], str]:
    """(indexes of the SIGNALS groups the class/id/role match, the element's path token): pages repeat these."""
    hits: set[int] = set()
    # each digit run read as one digit: no group holds a digit, so no word's groups change, and ids that differ only
    # in their numbers (post-123, post-456) share one `_word_marks` entry
    for word in _NUMBERS.sub("0", f"{cls} {ident} {role}".lower()).split():
        hits.update(_word_marks(word))
    first_class = cls.split()[:1]
    return tuple(sorted(hits)), tag + "." + _NUMBERS.sub("", first_class[0]) if first_class else tag


@lru_cache(maxsize=65536)
def _word_marks(word: str) -> tuple[int, ...]:
    """The SIGNALS groups one class/id word matches (no pattern spans a space, so words can be matched alone)."""
    if not _ANY_SIGNAL.search(word):
        return ()
    return tuple(i for i, rx in enumerate(_SIGNAL_RES) if rx.search(word))


def as_blocks(
    cands: list[Candidate], url: str | None = None, captions: Mapping[HtmlElement, str] | None = None
) -> list[Block]:
    """Body blocks from candidates, with their structure (`extract/structure.py`, links resolved against `url`,
    images captioned from `captions` when a filter took their caption out of the page).

    The cells of one table row become one TABLE block, its text the cells joined by " | ", its structure the cells;
    a code block's text is its text as written, lines and indentation kept.
    """
    reader = StructureReader(url, _BLOCK_TAG_SET, captions)
    out: list[Block] = []
    row_of_last: int | None = None
    for c in cands:
        element = c.element
        if c.tag in _CELLS and len(c.parents) > 1:
            row = c.parents[-2]
            text = c.text.strip(" |")
            if row == row_of_last and out:
                out[-1].text = f"{out[-1].text} | {text}"
                structure = out[-1].structure
                if structure is not None:
                    structure.text, structure.cells = out[-1].text, (*structure.cells, text)
            else:
                block = Block(text, Kind.TABLE, 0, c.link_density, "tr")
                if element is not None:
                    header, table = reader.row(element)
                    block.structure = Structure(text, cells=(text,), header=header, table=table)
                out.append(block)
            row_of_last = row
            continue
        row_of_last = None
        block = Block(c.text, c.kind, c.level, c.link_density, c.tag)
        if element is not None and c.text:
            block.structure = _structure(block, c, element, reader)
        out.append(block)
    return [b for b in out if b.text]


def _structure(block: Block, cand: Candidate, element: HtmlElement, reader: StructureReader) -> Structure | None:
    """The structure of one kept (non-cell) candidate; sets the block's text and level where its kind needs it."""
    if block.kind is Kind.CODE:
        block.text = code_text(cand.raw, cand.text)
        pre = element if element.tag == "pre" else next(element.iterancestors("pre"), element)
        return Structure(block.text, language=code_language(pre), images=reader.images(element))
    ordered = False
    if block.kind is Kind.LIST_ITEM:
        block.level, ordered = list_position(element)
    spans = reader.spans(element, block.text)
    images = reader.images(element, block.text)
    if spans or images or ordered:
        return Structure(block.text, spans=spans, ordered=ordered, images=images)
    return None


_COMPILED = compiled("cleaner.extract._walk")
# what the compiled walk needs of this module's tables, in the order its `segment` unpacks them
_WALK_TABLES = (_BLOCK_TAG_SET, _KIND, frozenset(_CELLS), _LANDMARK_INDEX, INVISIBLE, _HIDDEN_STYLE, Kind.PARAGRAPH)
# and what it builds candidates of, as `_candidate` does
_WALK_SHAPES = (
    _COMPILED._Shapes(
        Candidate,
        Kind.HEADING,
        Kind.TABLE,
        Kind.CODE,
        _NO_HITS,
        len(LANDMARKS),
        len(SIGNALS),
        _NEAR_DEPTH,
        _PATH_DEPTH,
        _PARENT_LEVELS,
    )
    if _COMPILED is not None
    else None
)
