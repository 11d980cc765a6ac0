"""The only URLs the renderers emit: absolute http, https or mailto, resolved against the page's address."""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_EDGES = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# characters a URL keeps as they are; the rest (spaces, quotes, brackets, parentheses, backslashes) is %-encoded,
# so the URL can sit in a Markdown link or an HTML attribute without closing it
_KEEP = ":/?#@!$&*+,;=%~-._[]"
# an absolute http(s) URL, or a root-relative path, made only of characters `quote` keeps: the common case, which
# needs neither urljoin nor quote (a third of the cost of reading a page's structure went to these two)
_PLAIN_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][A-Za-z0-9:/?#@!$&*+,;=%~._-]*)?")
_PLAIN_PATH = re.compile(r"/(?!/)[A-Za-z0-9:/?#@!$&*+,;=%~._-]*")
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?=[/?#]|$)")


def safe_url(href: str | None, base: str | None = None) -> str | None:
    """`href` resolved against `base`, when it is then an http(s) URL with a host or a mailto address; else None.

    Browsers drop tabs and newlines anywhere in an href ("java\\tscript:") and spaces and control characters at its
    ends, so the scheme is read after doing the same; an href still holding a control character is refused. Nothing
    but the three schemes can come out, whatever the page wrote; inner spaces are %-encoded.
    """
    if not href:
        return None
    if _PLAIN_ABSOLUTE.fullmatch(href):
        return href
    if base and _PLAIN_PATH.fullmatch(href) and (origin := _ORIGIN.match(base)) is not None:
        return origin.group() + href
    href = _EDGES.sub("", _TAB_OR_NEWLINE.sub("", href))
    if not href or len(href) > 2000 or _CONTROL.search(href):
        return None
    try:
        url = urljoin(base, href) if base else href
        parts = urlsplit(url)
    except ValueError:  # a malformed port or IPv6 literal
        return None
    scheme = parts.scheme.lower()
    if (
        scheme not in _SAFE_SCHEMES
        or (scheme != "mailto" and not parts.netloc)
        or (scheme == "mailto" and not parts.path)
    ):
        return None
    return quote(url, safe=_KEEP)
