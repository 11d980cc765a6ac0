"""Turn what the caller passed (str, bytes or a path) into text and tell whether it is HTML, Markdown or plain text."""

from __future__ import annotations

import codecs
import os
import re
from itertools import islice
from pathlib import Path

from charset_normalizer import from_bytes
from ftfy import TextFixerConfig, fix_text
from ftfy.fixes import fix_c1_controls

from ..errors import InputTooLarge, NotAPage, UndecodableInput

Source = str | bytes | bytearray | os.PathLike

FORMATS = ("html", "text", "markdown")
DEFAULT_MAX_BYTES = 32 * 1024 * 1024

# leading bytes of common non-text files served under the wrong name
_BINARY_MAGIC = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip data",
    b"RIFF": "RIFF media",
    b"\x00\x00\x01\x00": "icon",
    b"OggS": "Ogg media",
    b"ID3": "MP3 audio",
    b"\x7fELF": "executable",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.I)
_HTML_CUE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|p|article|section|span|table|meta|title|br|a\s|ul|h[1-6])\b", re.I
)
_XML_ENCODING = re.compile(rb"<\?xml[^>]{0,100}encoding=[\"']([\w.:-]{1,40})")
# C0 controls but tab, line feed and carriage return, DEL, and the noncharacters U+FFFE/U+FFFF: no page shows them,
# and lxml refuses to set them as text (a form feed in a page would make every DOM filter fail)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_CONTROL_OR_C1 = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")  # C1: cp1252 misread as latin-1
_CONTROL_REPLACEMENT = {"\x0c": " ", "\ufffe": "\ufffd", "\uffff": "\ufffd"}  # the others are dropped
# the same in UTF-8 bytes (the controls, then C1 and the noncharacters), and the mojibake cues of `tidy`: scanning
# bytes that way is about 3x faster than a regex over the str
_CONTROL_BYTES = bytes([*range(9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
_NONCHARACTER_UTF8 = re.compile(rb"\xef\xbf[\xbe\xbf]")
_MOJIBAKE_CUE_UTF8 = re.compile(rb"\xc3(?:[\x82\x83]|\xa2\xe2\x82\xac)")  # "Â", "Ã", "â€"
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# UTF-8 read as cp1252/latin-1: "Ã©", "â€™", "Â " ... ftfy runs only when a few of these show up
_MOJIBAKE = re.compile(
    r"[ÂÃ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|â€"
)
_MOJIBAKE_SCAN = 1_000_000
_MOJIBAKE_MIN = 3
_FTFY_LINE = 10_000  # a longer line (minified HTML) is fixed piece by piece, between tags
_FTFY = TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ASCII_TEXT = bytes(range(32, 127)) + b"\t\n\r\f"
_BINARY_CONTROLS = bytes([*range(9), *range(14, 32)])
_ASCII_BYTES = bytes(range(128))
_MARKDOWN_CUE = re.compile(
    r"^(?:#{1,6}\s+\S|[-*+]\s+\S|>\s|```|\d+\.\s+\S)|\[[^\]\n]{1,200}\]\([^)\s]{0,500}\)|\*\*\S", re.M
)
# A plain-text dump that is a page's HTML source: a dumper that met a broken </title> ('</tit', '</titavaScript ...>')
# reads the rest of the page as the title's text, markup and all. Tags then take up 30% or more of its characters
# (0.35 to 0.66 on the dev corpora's such dumps); dumps that quote markup (a tutorial's snippets, an embed code, a
# script's template) stay under a tenth (0.09 at most). The share counts tags and comments, not script bodies: an
# estimate, on the cautious side.
MARKUP_SHARE = 0.3
MARKUP_MIN_TAGS = 20
_TAG = re.compile(r"</?[A-Za-z][\w:-]{0,30}(?:\s[^<>]{0,2000})?/?>|<!--[^<>]{0,2000}-->")


def read_source(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, bytes | None]:
    """Return the decoded text and the raw bytes (None when a str was given); raise TypeError on a wrong type.

    The text comes back tidied: NUL and other control characters that no page shows, and lone surrogates, are
    taken out, and mojibake (UTF-8 read as cp1252, "Ã©" for "é") is repaired with ftfy where it is evident.
    """
    if isinstance(source, os.PathLike):
        path = Path(source)
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(f"{path} is {size} bytes, over the limit of {max_bytes}")
        with path.open("rb") as stream:  # at most one byte past the limit, however much the file grew meanwhile
            source = stream.read(max_bytes + 1)
    if isinstance(source, (bytes, bytearray, memoryview)):
        raw = bytes(source)
        if len(raw) > max_bytes:
            raise InputTooLarge(f"input is {len(raw)} bytes, over the limit of {max_bytes}")
        text, utf8 = _decode(raw)
        return tidy(text, raw if utf8 else None), raw
    if isinstance(source, str):
        if len(source) > max_bytes:
            raise InputTooLarge(f"input is {len(source)} characters, over the limit of {max_bytes}")
        if not source.isascii() and _SURROGATE.search(source):  # only a str can hold them; decoding never makes any
            source = _SURROGATE.sub("\ufffd", source)
        return tidy(source), None
    raise TypeError(
        f"clean_article() takes HTML or text as str, bytes or a path (os.PathLike), not {type(source).__name__}"
    )


def decode(raw: bytes) -> str:
    """Decode bytes: BOM; valid UTF-8; the declared charset; UTF-8 with stray cp1252 bytes; charset detection.

    Valid UTF-8 wins over a declaration because pages that declare latin-1 or cp1252 and are in fact UTF-8 are
    common, while text in another charset is almost never valid UTF-8 by accident. A declared UTF-16/32 without a
    BOM is ignored, as browsers do (the bytes it is written in are ASCII-compatible, or it would not be readable).
    Raise NotAPage for binary data and UndecodableInput when no charset gives text.
    """
    return _decode(raw)[0]


def _decode(raw: bytes) -> tuple[str, bool]:
    """`decode`, and whether the text is the bytes read as valid UTF-8."""
    _reject_binary(raw)
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace"), False
    utf16 = _looks_like_utf16(raw)
    if utf16:
        return raw.decode(utf16, errors="replace"), False
    declared = _declared_charset(raw)
    if declared and declared.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        declared = None
    for encoding in filter(None, ("utf-8", declared)):
        try:
            return raw.decode(encoding), encoding == "utf-8"
        except (UnicodeDecodeError, LookupError):
            continue
    if declared == "utf-8" or declared in (None, "cp1252") and _mostly_utf8(raw):
        # UTF-8 with stray cp1252 bytes (a CMS's smart quotes)
        return raw.decode("utf-8", errors=_CP1252_FALLBACK), False
    if declared:  # a declaration with a few bad bytes is still the best guess, when the damage is small
        text = raw.decode(declared, errors="replace")
        if text.count("\ufffd") <= max(8, len(text) // 200):
            return text, False
    best = from_bytes(raw[:200_000]).best()
    if best is not None:
        return raw.decode(best.encoding, errors="replace"), False
    if _mostly_ascii(raw):  # text with junk bytes here and there: read as browsers do when nothing is declared
        return raw.decode("cp1252", errors="replace"), False
    raise UndecodableInput("the bytes are not text in any charset that could be detected")


def tidy(text: str, utf8: bytes | None = None) -> str:
    """Drop control characters (NUL...; a form feed becomes a space), read C1 controls as cp1252 does, replace the
    noncharacters U+FFFE/U+FFFF, repair evident mojibake with ftfy.

    Cheap when there is nothing to do: a scan for controls and one for mojibake cues, over `utf8` (the bytes the
    text was read from as valid UTF-8) when given, which is faster. ftfy (which decides for itself whether a stretch
    of text is mojibake and leaves it alone otherwise) runs only when at least three of the telltale sequences of
    UTF-8 read as cp1252 ("Ã©", "â€™", "Â ") are there: about 2% of real pages.
    """
    if text.isascii():
        return _CONTROL.sub(_control, text) if _CONTROL.search(text) else text
    if _has_controls(text, utf8):
        text = _CONTROL.sub(_control, fix_c1_controls(text))
        utf8 = None  # the bytes no longer say what the text holds
    if _mojibake_cues(text, utf8) >= _MOJIBAKE_MIN:
        if len(_MOJIBAKE.findall(text, 0, _MOJIBAKE_SCAN)) >= _MOJIBAKE_MIN:
            text = "".join(_unbake(line) for line in text.splitlines(keepends=True))
    return text


def _has_controls(text: str, utf8: bytes | None) -> bool:
    """True when the text holds a control character, C1 control or noncharacter (`_CONTROL_OR_C1`); `utf8`: the
    text's UTF-8 bytes, when at hand."""
    if utf8 is None:
        return bool(_CONTROL_OR_C1.search(text))
    return (
        len(utf8.translate(None, _CONTROL_BYTES)) < len(utf8)
        or bool(_C1_UTF8.search(utf8))
        or bool(_NONCHARACTER_UTF8.search(utf8))
    )


def _mojibake_cues(text: str, utf8: bytes | None) -> int:
    """How many "Ã", "Â" and "â€" the text holds, counting up to `_MOJIBAKE_MIN`; `utf8`: its UTF-8 bytes, when at
    hand."""
    if utf8 is None:
        return text.count("Ã") + text.count("Â") + text.count("â€")
    return sum(1 for _ in islice(_MOJIBAKE_CUE_UTF8.finditer(utf8), _MOJIBAKE_MIN))


def _unbake(line: str) -> str:
    """ftfy on the parts of a line that show mojibake: the whole line, or, when it is long, the pieces between its
    tags (pieces still over 10 000 characters, a script or a JSON blob, are left alone: ftfy is slow on them)."""
    if len(line) <= _FTFY_LINE:
        return fix_text(line, _FTFY) if _MOJIBAKE.search(line) else line
    return "<".join(_unbake(part) if len(part) <= _FTFY_LINE else part for part in line.split("<"))


def _control(match: re.Match[str]) -> str:
    return _CONTROL_REPLACEMENT.get(match.group(), "")


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as cp1252 (U+FFFD where cp1252 has no character)."""
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


_CP1252_FALLBACK = "cleaner-cp1252"
codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def _mostly_utf8(raw: bytes) -> bool:
    """True for UTF-8 text with stray bytes: valid multi-byte sequences, not far outnumbered by invalid bytes.

    Text in a legacy charset almost never holds a valid UTF-8 sequence, so a few of them already tell; bytes that
    are mostly non-ASCII (binary or random data) are left to charset detection.
    """
    valid = len(_UTF8_MULTIBYTE.findall(raw))
    if not valid:
        return False
    invalid = raw.decode("utf-8", errors="replace").count("\ufffd")
    high = len(raw.translate(None, _ASCII_BYTES))  # the non-ASCII bytes
    return valid * 8 >= invalid and high <= 0.3 * len(raw)


def _mostly_ascii(raw: bytes) -> bool:
    """True when at least 70% of the first 64 KiB are printable ASCII or whitespace."""
    sample = raw[:65536]
    printable = len(sample) - len(sample.translate(None, _ASCII_TEXT))
    return bool(sample) and printable >= 0.7 * len(sample)


def _looks_like_utf16(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16 of mostly Latin text (every other byte NUL), else None."""
    sample = raw[:4096]
    if len(sample) < 16:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.7 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.7 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


def _declared_charset(raw: bytes) -> str | None:
    """The charset named in a <meta> tag or XML declaration near the top, normalised by codecs."""
    head = raw[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii", "ignore")).name
    except LookupError:
        return None
    # pages that declare latin-1/ascii are nearly always cp1252 in practice (as browsers assume)
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _reject_binary(raw: bytes) -> None:
    """Raise NotAPage for known binary formats and for data with many control bytes."""
    for magic, kind in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise NotAPage(f"the input is a {kind}, not a web page or text")
    sample = raw[:8192]
    if sample.startswith(tuple(bom for bom, _ in _BOMS)) or _looks_like_utf16(sample):
        return
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    if sample and controls / len(sample) > 0.1:
        raise NotAPage("the input looks like binary data (too many control bytes)")


def is_page_source(text: str) -> bool:
    """Whether a text said to be a plain-text dump is a page's HTML source: at least MARKUP_MIN_TAGS tags, taking up
    MARKUP_SHARE of its characters or more."""
    if text.count("<") < MARKUP_MIN_TAGS:
        return False
    tags = chars = 0
    for match in _TAG.finditer(text):
        tags += 1
        chars += match.end() - match.start()
    return tags >= MARKUP_MIN_TAGS and chars >= MARKUP_SHARE * len(text)


def detect_format(text: str) -> str:
    """Guess 'html', 'markdown' or 'text' from the first part of the document."""
    head = text[:20_000].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _HTML_CUE.search(head[:2000]) or len(_HTML_CUE.findall(head)) >= 3:
        return "html"
    return "markdown" if len(_MARKDOWN_CUE.findall(head)) >= 2 else "text"
