"""Per-site drop rules: the user names, per host, the elements to remove with XPath expressions or CSS selectors.

`rules` maps a host to a list of selectors; a host matches the page's host and its subdomains ("example.com"
covers "www.example.com"), and "*" matches every page. The host comes from `metadata.url` (the url given to
`clean`, else the page's canonical URL). A selector starting with "/" or "(" is XPath, any other one is CSS.
Bad selectors are rejected when the filter is built, so a typo fails at once and not page by page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from cssselect import SelectorError
from lxml.cssselect import CSSSelector
from lxml.etree import XPath, XPathError
from lxml.html import HtmlElement

from ..document import Document
from ..filter import Filter

Selector = Callable[[HtmlElement], list[Any]]


class SiteRulesFilter(Filter):
    """Per-site rules: elements matching the XPath/CSS selectors configured for the page's host."""

    name = "site_rules"
    defaults = {"rules": {}}

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._rules: dict[str, list[tuple[str, Selector]]] = {
            host.lower().lstrip("."): [(s, compile_selector(s)) for s in _as_list(selectors)]
            for host, selectors in self.options["rules"].items()
        }

    def select(self, doc: Document) -> Iterable[tuple[HtmlElement, str]]:
        assert doc.tree is not None
        host = (urlsplit(doc.metadata.url or "").hostname or "").lower()
        chosen: list[tuple[HtmlElement, str]] = []
        for pattern, selectors in self._rules.items():
            if not host_matches(pattern, host):
                continue
            for source, selector in selectors:
                chosen += [(e, f"site rule {source}") for e in selector(doc.tree) if isinstance(e, HtmlElement)]
        # each element once, at its first rule; one inside another chosen element goes with it (no double record)
        picked = {e for e, _ in chosen}
        seen: set[HtmlElement] = set()
        for element, why in chosen:
            if element not in seen and not any(a in picked for a in element.iterancestors()):
                seen.add(element)
                yield element, why


def compile_selector(selector: str) -> Selector:
    """An XPath (starts with "/" or "(") or CSS selector compiled once; ValueError naming it when it is invalid."""
    try:
        if selector.lstrip().startswith(("/", "(")):
            return XPath(selector)
        return CSSSelector(selector)
    except (XPathError, SelectorError) as err:
        raise ValueError(f"invalid selector {selector!r}: {err}") from err


def host_matches(pattern: str, host: str) -> bool:
    """True when `pattern` is "*", the host itself, or a parent domain of it."""
    return pattern == "*" or host == pattern or host.endswith("." + pattern)


def _as_list(selectors: str | list[str]) -> list[str]:
    """A host's selectors as a list (one selector may be given as a bare string)."""
    return [selectors] if isinstance(selectors, str) else list(selectors)
