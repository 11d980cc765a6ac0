"""A linear pre-scan of the markup, before libxml2 sees it: cap the attributes of each tag (libxml2's duplicate check
is quadratic in them and cannot be interrupted) and cut the oversized parts that are never content (script, style
and other raw text, JSON-LD, comments, attribute values), so one such part no longer costs the whole page.

The scan follows the HTML5 tokenizer that libxml2 2.14 implements (tags, quoted values, comments, raw text and the
script escape states). Ordinary markup is consumed by one regular expression in C; only unusual tokens (comments,
raw-text elements, tags with many attributes or long values) are handled in Python, each step moving forward, so
the scan is linear in the page. A page with nothing to change comes back as the same string.
"""

from __future__ import annotations

import re
import string

from ..errors import TooManyElements
from ..limits import MAX_ATTRIBUTES, MAX_PART_BYTES, MAX_PART_CHARS

_WS = r"\t\n\f\r "
_LONG = MAX_PART_CHARS // 4  # the fast path's bound on a name or value: longer ones are measured by the careful path
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
# an attribute name (its first character may be "="), then a value when "=" follows; bounded for the fast path
_FAST_NAME = rf"[^{_WS}/>][^{_WS}/>=]{{0,{_LONG}}}+"
_FAST_VALUE = rf"(?>\"[^\"]{{0,{_LONG}}}+\"|'[^']{{0,{_LONG}}}+'|(?![\"'])[^{_WS}>]{{0,{_LONG}}}+)"
_FAST_ATTRIBUTE = rf"(?>[{_WS}/]*+{_FAST_NAME}(?>[{_WS}]*+=[{_WS}]*+{_FAST_VALUE}|(?![{_WS}]*+=)))"
_FAST_FEW = MAX_ATTRIBUTES // 4  # tags with more attributes (or longer values) go to the careful path
# raw text that a damaged page can leave unclosed over the rest of the page: a title longer than _MAX_RCDATA_CHARS
# that holds markup ran over it; a textarea may hold markup of its own (an "embed this" code box), so only one with
# no end tag at all did
_RCDATA = ("title", "textarea")
_MAX_RCDATA_CHARS = 2_000
_MARKUP = re.compile(r"<[A-Za-z/!]")
# start tags whose self-closing slash libxml2 honours and so loses the page: '<html/>' parses as an empty document
_DOCUMENT_TAGS = ("html", "body")
# start tags the fast path leaves to `_tag`: raw-text elements, plaintext and the document tags
_CAREFUL_NAMES = "|".join(_RAW_TEXT + _DOCUMENT_TAGS) + "|plaintext"
# markup that needs nothing: text, a lone "<", ordinary start and end tags, doctype and bogus comments (not "<!--")
_ORDINARY = re.compile(
    rf"""[^<]*+(?:(?:
    <(?!(?i:{_CAREFUL_NAMES})(?:[{_WS}/>]|$))[A-Za-z][^{_WS}/>]{{0,{_LONG}}}+(?:{_FAST_ATTRIBUTE}){{0,{_FAST_FEW}}}+[{_WS}/]*+>
    |</[A-Za-z][^{_WS}/>]{{0,{_LONG}}}+(?:{_FAST_ATTRIBUTE}){{0,{_FAST_FEW}}}+[{_WS}/]*+>
    |<(?![A-Za-z!?/])
    |<!(?!--)[^>]{{0,{_LONG}}}+>|<\?[^>]{{0,{_LONG}}}+>|</(?![A-Za-z])[^>]{{0,{_LONG}}}+>
    )[^<]*+)*+""",
    re.X,
)  # unrolled (text, then tokens each followed by text): a third faster than one alternation
# the careful path: unbounded, and a quoted value may run to the end of the input (libxml2 then drops the tag)
_TAG_NAME = re.compile(rf"</?[A-Za-z][^{_WS}/>]*+")
_ATTRIBUTE = re.compile(
    rf"[{_WS}/]*+(?P<name>[^{_WS}/>][^{_WS}/>=]*+)"
    rf"(?:[{_WS}]*+=[{_WS}]*+(?P<value>\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z)|[^{_WS}>]*+))?+"
)
_ATTRIBUTES = re.compile(rf"(?:{_ATTRIBUTE.pattern})*+")
_TAG_END = re.compile(rf"[{_WS}/]*+>?")
_RAW_END = {name: re.compile(rf"</{name}(?=[{_WS}/>])", re.I) for name in _RAW_TEXT}
# script data: "<!--" escapes, inside which "<script" double-escapes until "</script"; "-->" ends either
_SCRIPT_DATA = re.compile(rf"<!--|</script(?=[{_WS}/>])", re.I)
_SCRIPT_ESCAPED = re.compile(rf"-->|</script(?=[{_WS}/>])|<script(?=[{_WS}/>])", re.I)
_SCRIPT_DOUBLE = re.compile(rf"-->|</script(?=[{_WS}/>])", re.I)
_COMMENT_END = re.compile(r"--!?>")
_ASCII_LETTERS = frozenset(string.ascii_letters)  # what may follow "<" or "</" in a tag name
_MB = 1_000_000


def guard_markup(text: str, max_nodes: int = 100_000) -> tuple[str, list[str]]:
    """The markup with each tag's attributes capped and oversized non-content parts cut, and a note per kind of cut
    (for the Article's warnings). Text that needs no change is returned as is.

    Raises TooManyElements past `max_nodes` unusual tokens (elements and comments the fast path does not take): a
    million <title>s would otherwise cost a million steps in Python before the element count refuses the page.
    """
    scan = _Scan(text)
    scan.run(max_nodes)
    if not scan.pieces:
        return text, []
    scan.pieces.append(text[scan.kept :])
    return "".join(scan.pieces), scan.notes()


class _Scan:
    """One pass over the markup; `pieces` holds the output up to `kept` once something was cut."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pieces: list[str] = []
        self.kept = 0  # text[:kept] is in pieces (when pieces is not empty)
        self.cuts: dict[str, list[int]] = {}  # what was cut: [how many, largest size]

    def run(self, max_nodes: int) -> None:
        """Walk the text: ordinary markup in one regex step, each unusual token by the method for it."""
        text, pos, end = self.text, 0, len(self.text)
        for _ in range(max_nodes + 1):
            pos = _ORDINARY.match(text, pos).end()  # type: ignore[union-attr]  # matches the empty string
            if pos >= end:
                return
            if text.startswith("<!--", pos):
                pos = self._comment(pos)
            elif (
                text.startswith(("<!", "<?"), pos)
                or text.startswith("</", pos)
                and text[pos + 2 : pos + 3] not in _ASCII_LETTERS  # "</º" is a bogus comment, as "</1"
            ):
                pos = self._bogus(pos)
            else:
                pos = self._tag(pos)
        raise TooManyElements(f"the page has over {max_nodes} elements and comments, the limit")

    def _replace(self, start: int, stop: int, new: str, what: str = "", size: int = 0) -> None:
        """Put `new` in place of text[start:stop] and count the cut as `what` (when given)."""
        self.pieces.append(self.text[self.kept : start])
        self.pieces.append(new)
        self.kept = stop
        if what:
            self._count(what, size)

    def _comment(self, pos: int) -> int:
        """Skip a comment (to "-->", "--!>" or the end); drop it whole when it is oversized."""
        if self.text.startswith(("<!-->", "<!--->"), pos):
            return pos + (5 if self.text[pos + 4] == ">" else 6)
        found = _COMMENT_END.search(self.text, pos + 4)
        stop = found.end() if found else len(self.text)
        if self._oversized(pos, stop):
            self._replace(pos, stop, "", "comment", stop - pos)
        return stop

    def _bogus(self, pos: int) -> int:
        """Skip a doctype, a processing instruction or a bogus comment (to the next ">"); drop it when oversized."""
        stop = self.text.find(">", pos)
        stop = len(self.text) if stop == -1 else stop + 1
        if self._oversized(pos, stop):
            self._replace(pos, stop, "", "comment", stop - pos)
        return stop

    def _tag(self, pos: int) -> int:
        """A start or end tag: keep its first MAX_ATTRIBUTES attributes, empty oversized values; then the raw text
        of a script, style, title... (cut when oversized) up to its end tag."""
        text = self.text
        name = _TAG_NAME.match(text, pos)
        assert name is not None  # _ORDINARY stops only before "<" + letter here
        tag = name.group().lower()
        out = [name.group()[:_LONG]]  # a tag name longer than that is a flood too
        changed = name.end() - pos > _LONG
        script_type = ""
        stop, count = name.end(), 0
        while count < MAX_ATTRIBUTES and (found := _ATTRIBUTE.match(text, stop)):
            count += 1
            value = found.group("value") or ""
            if len(value) > _LONG and self._oversized(found.start("value"), found.end("value")):
                out.append(text[stop : found.start("value")] + '""')
                self._count("attribute value", len(value))
                changed = True
            else:
                out.append(found.group())
            if tag == "<script" and found.group("name").lower() == "type":
                script_type = value.strip("\"'").lower()
            stop = found.end()
        if count == MAX_ATTRIBUTES:
            rest = _ATTRIBUTES.match(text, stop).end()  # type: ignore[union-attr]  # all the others, in one step
            if rest > stop and _ATTRIBUTE.match(text, stop):
                self._count("attributes over the limit", rest - stop)
                changed = True
            stop = rest
        closing = _TAG_END.match(text, stop)
        assert closing is not None
        end = closing.group()
        if tag[1:] in _DOCUMENT_TAGS and "/" in end:  # HTML ignores the slash there; libxml2 would close the page
            end, changed = end.replace("/", ""), True
        out.append(end)
        stop = closing.end()
        if changed:
            self._replace(pos, stop, "".join(out))
        if end.endswith("/>"):  # libxml2 2.14 honours the slash of '<script/>', '<title/>' (HTML does not): no raw text
            return stop
        if tag[1:] in _RAW_END and end.endswith(">"):
            return self._raw_text(stop, tag[1:], script_type)
        if tag == "<plaintext" and end.endswith(">"):
            return len(text)  # the rest of the input is text
        return stop

    def _raw_text(self, start: int, tag: str, script_type: str) -> int:
        """Skip the raw text of `tag` from `start` to its end tag; drop it when oversized."""
        stop = _script_end(self.text, start) if tag == "script" else _raw_end(self.text, start, tag)
        if (
            tag in _RCDATA
            and stop - start > _MAX_RCDATA_CHARS
            and (tag == "title" or stop == len(self.text))
            and (markup := _MARKUP.search(self.text, start, stop))
        ):
            # a page cut or spliced inside its <title> (no end tag, or a broken one) or an unclosed <textarea>: the
            # element ends at its first tag, as older parsers read it, instead of swallowing the page
            self._replace(markup.start(), markup.start(), f"</{tag}>", f"unclosed <{tag}>", stop - start)
            return markup.start()
        if self._oversized(start, stop):
            what = "JSON-LD" if "ld+json" in script_type else "JSON" if "json" in script_type else f"<{tag}>"
            self._replace(start, stop, "", what, stop - start)
        return stop

    def _oversized(self, start: int, stop: int) -> bool:
        """True when text[start:stop] is over MAX_PART_CHARS, or over what libxml2 takes in one node in UTF-8."""
        size = stop - start
        if size > MAX_PART_CHARS:
            return True
        return size > MAX_PART_BYTES // 4 and len(self.text[start:stop].encode("utf-8", "replace")) > MAX_PART_BYTES

    def _count(self, what: str, size: int) -> None:
        """Count one cut of `what` of `size` characters."""
        count = self.cuts.setdefault(what, [0, 0])
        count[0] += 1
        count[1] = max(count[1], size)

    def notes(self) -> list[str]:
        """One warning per kind of cut: how many, the largest."""
        return [_note(what, count, size) for what, (count, size) in self.cuts.items()]


def _note(what: str, count: int, size: int) -> str:
    """The warning for `count` cuts of `what`, the largest `size` characters."""
    if what == "attributes over the limit":
        return (
            f"markup cut before parsing: {count} tag{'s' if count > 1 else ''} with over {MAX_ATTRIBUTES} "
            f"attributes kept the first {MAX_ATTRIBUTES}"
        )
    if what.startswith("unclosed"):
        return f"markup repaired before parsing: {count} {what} that ran over the page ended at its first tag"
    return f"markup cut before parsing: {count} {what} part{'s' if count > 1 else ''} (largest {size / _MB:.1f} MB)"


def _raw_end(text: str, start: int, tag: str) -> int:
    """Where the raw text of `tag` starting at `start` ends: its end tag, or the end of the input."""
    found = _RAW_END[tag].search(text, start)
    return found.start() if found else len(text)


def _script_end(text: str, start: int) -> int:
    """Where a script's text ends, following the HTML5 script data states (escaped and double-escaped)."""
    state, pos = _SCRIPT_DATA, start
    while found := state.search(text, pos):
        token = found.group().lower()
        if state is _SCRIPT_DATA:
            if token != "<!--":
                return found.start()
            state, pos = _SCRIPT_ESCAPED, found.end() - 2  # "<!-->" closes at once
        elif token == "-->":
            state, pos = _SCRIPT_DATA, found.end()
        elif state is _SCRIPT_ESCAPED:
            if token == "</script":
                return found.start()
            state, pos = _SCRIPT_DOUBLE, found.end()
        else:
            state, pos = _SCRIPT_ESCAPED, found.end()
    return len(text)
