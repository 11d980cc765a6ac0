"""Filters by name: the built-ins plus third-party filters registered under the entry-point group `cleaner.filters`."""

from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points

from .filter import Filter

ENTRY_POINT_GROUP = "cleaner.filters"


def builtin_filters() -> dict[str, type[Filter]]:
    """The built-in filter classes by name, in their default pipeline order."""
    from .filters import BUILTINS

    return {cls.name: cls for cls in BUILTINS}


@cache
def _plugins() -> dict[str, type[Filter]]:
    """Filter classes advertised by installed packages, loaded once."""
    found: dict[str, type[Filter]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        cls = ep.load()
        if not (isinstance(cls, type) and issubclass(cls, Filter)):
            raise TypeError(f"entry point {ep.name!r} in {ENTRY_POINT_GROUP} is not a cleaner Filter subclass")
        found[ep.name] = cls
    return found


def available() -> dict[str, type[Filter]]:
    """Every filter that can be added by name: built-ins first, then plugins."""
    return {**builtin_filters(), **_plugins()}


def lookup(name: str) -> type[Filter]:
    """The filter class registered as `name`; KeyError listing the known names otherwise."""
    known = available()
    if name not in known:
        raise KeyError(f"no filter named {name!r}; known filters: {', '.join(known)}")
    return known[name]
