"""Scripts written without spaces between words (Chinese, Japanese): where counting `\\w+` runs counts clauses, and
the rules that count words ask these characters instead."""

from __future__ import annotations

import re

UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana and CJK ideographs, for a character class
UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
