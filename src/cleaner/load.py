"""Turn what the caller passed (str, bytes or a path) into text and tell whether it is HTML, Markdown or plain text."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import InputTooLarge, NotAPage, UndecodableInput

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
_MARKDOWN_CUE = re.compile(r"^(?:#{1,6}\s+\S|[-*+]\s+\S|>\s|```|\d+\.\s+\S)|\[[^\]\n]{1,200}\]\([^)\s]{0,500}\)|\*\*\S", re.M)


def read_source(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, bytes | None]:
    """Return the decoded text and the raw bytes (None when a str was given); raise TypeError on a wrong type."""
    if isinstance(source, os.PathLike):
        path = Path(source)
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLarge(f"{path} is {size} bytes, over the limit of {max_bytes}")
        source = path.read_bytes()
    if isinstance(source, (bytes, bytearray)):
        raw = bytes(source)
        if len(raw) > max_bytes:
            raise InputTooLarge(f"input is {len(raw)} bytes, over the limit of {max_bytes}")
        return decode(raw), raw
    if isinstance(source, str):
        if len(source) > max_bytes:
            raise InputTooLarge(f"input is {len(source)} characters, over the limit of {max_bytes}")
        return source, None
    raise TypeError(
        f"clean_article() takes HTML or text as str, bytes or a path (os.PathLike), not {type(source).__name__}"
    )


def decode(raw: bytes) -> str:
    """Decode bytes: BOM, then the page's declared charset, then UTF-8, then charset detection."""
    _reject_binary(raw)
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom) :].decode(encoding, errors="replace")
    declared = _declared_charset(raw)
    for encoding in filter(None, (declared, "utf-8")):
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(raw[:200_000]).best()
    if best is None:
        raise UndecodableInput("the bytes are not text in any charset that could be detected")
    return raw.decode(best.encoding, errors="replace")


def _declared_charset(raw: bytes) -> str | None:
    """The charset named in a <meta> tag or XML declaration near the top, normalised by codecs."""
    head = raw[:4096]
    match = _META_CHARSET.search(head) or re.search(rb"<\?xml[^>]{0,100}encoding=[\"']([\w.:-]{1,40})", head)
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
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    if sample and controls / len(sample) > 0.1:
        raise NotAPage("the input looks like binary data (too many control bytes)")


def detect_format(text: str) -> str:
    """Guess 'html', 'markdown' or 'text' from the first part of the document."""
    head = text[:20_000].lstrip("\ufeff \t\r\n")
    if head.startswith("<") and _HTML_CUE.search(head[:2000]) or len(_HTML_CUE.findall(head)) >= 3:
        return "html"
    return "markdown" if len(_MARKDOWN_CUE.findall(head)) >= 2 else "text"
