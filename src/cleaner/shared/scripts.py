"""Scripts written without spaces between words (Chinese, Japanese): where counting `\\w+` runs counts clauses, and
the rules that count words ask these characters instead."""

from __future__ import annotations

import re

UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana and CJK ideographs, for a character class
UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")
UNSPACED_RANGES = tuple((ord(UNSPACED[i]), ord(UNSPACED[i + 2])) for i in range(0, len(UNSPACED), 3))  # (first, last)
# Word tokens: `\w+` runs, but a run of those characters counts one word per two characters (a Chinese word averages
# about that), so that a paragraph weighs as many words as its translation would rather than one per clause.
WORD = re.compile(f"[^\\W{UNSPACED}]+|[{UNSPACED}]{{1,2}}")
# Sentence ends and in-sentence punctuation of those scripts, full width.
UNSPACED_TERMINALS = "。！？」』）"
UNSPACED_PUNCTUATION = "，。、；：！？"
