"""The optional compiled loops (setup.py builds them with Cython): each module, or None when it is not built, or
was built against another lxml than the one loaded (the walks read lxml's node layout, which may change)."""

from __future__ import annotations

import importlib
from types import ModuleType

from lxml import etree


def compiled(name: str) -> ModuleType | None:
    """The compiled module `name` ('cleaner.extract._walk'), or None when the caller must use its Python code."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    built_against = getattr(module, "LXML_VERSION", None)
    return module if built_against in (None, etree.__version__) else None
