"""The only URLs the renderers emit: absolute http, https or mailto, resolved against the page's address."""

from __future__ import annotations

import re
from urllib.parse import quote, urljoin, urlsplit

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]")
# characters a URL keeps as they are; the rest (spaces, quotes, brackets, parentheses, backslashes) is %-encoded,
# so the URL can sit in a Markdown link or an HTML attribute without closing it
_KEEP = ":/?#@!$&*+,;=%~-._[]"


def safe_url(href: str | None, base: str | None = None) -> str | None:
    """`href` resolved against `base`, when it is then an http(s) URL with a host or a mailto address; else None.

    Browsers ignore spaces and control characters inside a scheme ("java\\tscript:"), so they are removed before
    the scheme is read; nothing but the three schemes can come out, whatever the page wrote.
    """
    if not href:
        return None
    href = _SPACE_OR_CONTROL.sub("", href.strip()) if not href.isprintable() or " " in href else href.strip()
    if not href or len(href) > 2000:
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
