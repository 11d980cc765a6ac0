"""Parse a page's HTML once, within the limits: no network, no DTD or entities, element count and depth bounded,
misnested wrappers and crawler-fallback <noscript> content unwrapped."""

from __future__ import annotations

import re
import threading

from lxml.etree import ElementDefaultClassLookup, HTMLPullParser, LxmlError, ParserError
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlElementClassLookup,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
)

from ..errors import InputTooLarge, NotAPage, TooDeep, TooManyElements
from ..limits import PARSER_MAX_DEPTH, Limits
from ..shared.dom import top_elements
from .guard import guard_markup
from .noscript import reveal_noscript

# interactive elements that the parser made wrap the page's content (an unclosed <button> around <main>, say): the
# content they must not hold
_MISNESTED = {"button": ("main", "article", "p"), "label": ("main", "article")}
# what a <head> holds; libxml2 leaves any other element there (HTML starts the body at it), hiding the page
_HEAD_TAGS = frozenset(
    {"base", "basefont", "bgsound", "link", "meta", "noframes", "noscript", "script", "style", "template", "title"}
)
_PARSERS = threading.local()  # lxml parsers must not be shared between threads
# an XML declaration and a DOCTYPE with an internal subset (entity declarations): never read, cut before parsing
_XML_DECLARATION = re.compile(r"<\?xml[^>]*+>")  # matched after leading whitespace is stripped; ends at the first ">"
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]{0,500}\[", re.I)
_COUNT_CHUNK = 1 << 16
# character references to what lxml's own API then refuses to handle (C0 controls but tab, LF and CR; U+FFFE/U+FFFF):
# "&#28;" in a page would make every step that sets text on the tree fail (filters, trafilatura's metadata)
_BAD_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2\d|3[01]|6553[45])(?!\d)|[xX]0*(?:[0-8bcefBCEF]|1[\da-fA-F]|[fF]{3}[eEfF])(?![\da-fA-F]));?"
)
_NON_BLANK_LINE = re.compile(r"^[ \t]*\S", re.M)


def _parser() -> HTMLParser:
    """This thread's HTML parser: no network, no comments or processing instructions, recovering from errors.

    Every element is a plain HtmlElement: lxml.html's default lookup calls back into Python for each element the
    code touches, to hand out form and input classes nothing here uses.
    """
    if not hasattr(_PARSERS, "html"):
        _PARSERS.html = HTMLParser(
            remove_comments=True, remove_pis=True, no_network=True, recover=True, collect_ids=False
        )
        _PARSERS.html.set_element_class_lookup(
            ElementDefaultClassLookup(
                element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
            )
        )
    return _PARSERS.html


def parse_html(text: str, limits: Limits | None = None, warnings: list[str] | None = None) -> HtmlElement:
    """Parse once with lxml (no network, no DTD, no entities); raise NotAPage when nothing parseable is there.

    Before parsing, each tag keeps at most MAX_ATTRIBUTES attributes and oversized scripts, styles, JSON-LD, comments
    and attribute values are cut (`guard_markup`); what was cut is noted in `warnings`, when given.

    Pages with more elements than `limits.max_nodes` raise TooManyElements (found by a counting pass that stops
    early, so memory stays bounded); pages nested deeper than `limits.max_depth` raise TooDeep. A <noscript> that
    holds the page's text (a JavaScript app's crawler fallback) is unwrapped: see `cleaner.noscript`.
    """
    limits = limits or Limits()
    text, cuts = guard_markup(_strip_prolog(text), limits.max_nodes)
    if warnings is not None:
        warnings.extend(cuts)
    if "&#" in text:
        text = _BAD_REFERENCE.sub(" ", text)
    tags = text.count("<")  # every element needs one, save the html/head/body the parser adds
    if tags > limits.max_nodes // 2:
        _count_elements(text, limits.max_nodes)
    parser = _parser()
    try:
        tree = document_fromstring(text, parser=parser)
    except (ParserError, LxmlError, ValueError) as err:
        raise NotAPage(f"the HTML could not be parsed: {err}") from err
    if tree is None:
        raise NotAPage("the HTML has no elements")
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":  # libxml2 stopped: deeper or larger than it follows
            if "depth" in error.message.lower():
                raise TooDeep(f"the page nests elements deeper than {PARSER_MAX_DEPTH} levels")
            raise InputTooLarge(
                f"one text run or attribute of the page is over the HTML parser's limit of 10 MB "
                f"(libxml2: {error.message.strip()})"
            )
    if tags > limits.max_nodes // 2 and (count := sum(1 for _ in tree.iter())) > limits.max_nodes:
        raise TooManyElements(f"the page has {count} elements, over the limit of {limits.max_nodes}")
    if limits.max_depth < PARSER_MAX_DEPTH and tree.xpath("boolean(/" + "/*" * (limits.max_depth + 1) + ")"):
        raise TooDeep(f"the page nests elements deeper than {limits.max_depth} levels")
    for wrapper in _misnested(tree):
        wrapper.drop_tag()  # keep the content, lose the bogus wrapper that extractors would throw away whole
    _body_out_of_head(tree)
    reveal_noscript(tree)
    return tree


def _misnested(tree: HtmlElement) -> list[HtmlElement]:
    """The <button> and <label> elements that wrap page content (`_MISNESTED`), in document order."""
    return [
        element
        for top in top_elements(tree)
        for element in top.iter(*_MISNESTED)
        if next(element.iter(*_MISNESTED[element.tag]), None) is not None
    ]


def _body_out_of_head(tree: HtmlElement) -> None:
    """Move what follows the first element of <head> that is not head matter ('<head><title>…<table>…') to the start
    of <body>, made when missing, as HTML parsing does: libxml2 keeps it in <head>, where no reader sees it."""
    head = tree.find("head")
    if head is None:
        return
    stray = next((i for i, e in enumerate(head) if isinstance(e.tag, str) and e.tag not in _HEAD_TAGS), None)
    if stray is None:
        return
    body = tree.find("body")
    if body is None:
        body = tree.makeelement("body", {})
        head.addnext(body)
    for position, element in enumerate(head[stray:]):
        body.insert(position, element)  # its tail goes with it


def _strip_prolog(text: str) -> str:
    """The text without an XML declaration or a DOCTYPE's internal subset (entity declarations are never used)."""
    text = text.lstrip()
    if match := _XML_DECLARATION.match(text):
        text = text[match.end() :].lstrip()
    if match := _DOCTYPE_SUBSET.match(text):
        end = text.find("]>", match.end())
        text = text[end + 2 :] if end != -1 else text[match.end() :]
    return text


def _count_elements(text: str, max_nodes: int) -> None:
    """Raise TooManyElements as soon as a parse finds more than `max_nodes` elements (it is then dropped)."""
    counter = HTMLPullParser(
        events=("start",), remove_comments=True, remove_pis=True, no_network=True, recover=True, collect_ids=False
    )
    counter.set_element_class_lookup(HtmlElementClassLookup())
    count = 0
    try:
        for start in range(0, len(text), _COUNT_CHUNK):
            counter.feed(text[start : start + _COUNT_CHUNK])
            count += sum(1 for _ in counter.read_events())
            if count > max_nodes:
                raise TooManyElements(f"the page has over {max_nodes} elements, the limit")
        counter.close()
    except (LxmlError, ValueError):
        pass  # the real parse reports what is wrong


def check_lines(text: str, limits: Limits) -> None:
    """Raise TooManyElements when a text input has more non-blank lines (each a block) than `limits.max_nodes`."""
    if text.count("\n") < limits.max_nodes:
        return
    lines = 0
    for _ in _NON_BLANK_LINE.finditer(text):
        lines += 1
        if lines > limits.max_nodes:
            raise TooManyElements(f"the text has over {limits.max_nodes} lines, the limit")
