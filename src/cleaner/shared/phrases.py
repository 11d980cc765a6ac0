"""Phrase lists as data: one JSON file per language under `phrases/`, one list of regex fragments per category."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from functools import cache
from importlib import resources
from itertools import groupby

if sys.version_info >= (3, 11):  # the parser the re module compiles with
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
else:
    import sre_constants
    import sre_parse


@cache
def languages() -> tuple[str, ...]:
    """The languages that ship a phrase file."""
    files = resources.files("cleaner.shared") / "phrases"
    return tuple(sorted(f.name[:-5] for f in files.iterdir() if f.name.endswith(".json")))


@cache
def _load(language: str) -> dict[str, list[str]]:
    text = (resources.files("cleaner.shared") / "phrases" / f"{language}.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def phrases(category: str, langs: tuple[str, ...] | None = None) -> list[str]:
    """All phrase fragments of `category` in `langs` (default: every shipped language)."""
    return [p for lang in (langs or languages()) for p in _load(lang).get(category, [])]


_WORD_START = re.compile(r"(?:\\b)?(?:\(\?:)*\w")  # a fragment whose matches begin with a word character
_ASCII = tuple(map(chr, range(128)))  # the characters `_ascii_class` tries
_PLAIN_HEAD = re.compile(r"[^\W_](?![?*+{])")  # a fragment that begins with one literal letter or digit


def alternatives(fragments: list[str], ignorecase: bool) -> str:
    """Regex source matching any of `fragments`, the one listed first winning where several match at a place.

    Fragments that begin with a literal letter are grouped by it ('sign up|subscribe|share' becomes
    's(?:ign up|ubscribe|hare)'), so the engine tries one branch per letter, not one per phrase: up to 2x faster
    scans of long lists. Grouping keeps the order wherever it matters: only fragments of one run without a non-letter
    start between them are grouped, and two of different letters never match at the same place.
    """
    out: list[str] = []
    run: dict[str, list[str]] = {}  # first letter -> the rest of each fragment, in order

    def close_run() -> None:
        out.extend(f"{head}(?:{'|'.join(f'(?:{rest})' for rest in rests)})" for head, rests in run.items())
        run.clear()

    for fragment in fragments:
        head = _head(fragment, ignorecase)
        if head:
            run.setdefault(head, []).append(fragment[1:])
        else:
            close_run()
            out.append(f"(?:{fragment})")
    close_run()
    return "|".join(out)


def _head(fragment: str, ignorecase: bool) -> str | None:
    """The literal letter (or digit) every match of the fragment begins with, lower-cased when `ignorecase`; None
    when the fragment does not begin with one that can be taken out ('(?:a|b)c', 'a?b', 'war|ist')."""
    head = fragment[:1].lower() if ignorecase else fragment[:1]
    return head if _PLAIN_HEAD.match(fragment) and len(head) == 1 and not _top_level_bar(fragment) else None


def _heads(fragment: str, ignorecase: bool) -> frozenset[str] | None:
    """The letters a match of `fragment` can begin with: its `_head`, or those of each alternative of a group it
    opens with ('(?:a|b)c'), and of what follows the group when it is optional ('(?:e-?)?b'); None when not known
    (a class, '\\d', a group repeated)."""
    if (head := _head(fragment, ignorecase)) is not None:
        return frozenset((head,))
    if not fragment.startswith("(?:") or (end := _group_end(fragment)) is None:
        return None
    after = fragment[end + 1 : end + 2]
    if after in ("*", "{", "+") or fragment[end + 1 : end + 3] == "??":
        return None
    parts = _top_level_parts(fragment[3:end]) + ([fragment[end + 2 :]] if after == "?" else [])
    found: set[str] = set()
    for part in parts:  # each alternative, and what follows an optional group
        heads = _heads(part, ignorecase)
        if heads is None:
            return None
        found |= heads
    return frozenset(found)


def _syntax(source: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth) of each character of regex `source` that is neither escaped nor in a class; depth:
    the groups open around it, a group's own '(' and ')' counted outside it."""
    depth, in_class, escaped = 0, False, False
    for i, char in enumerate(source):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth -= char == ")"
            yield i, char, depth
            depth += char == "("


def _group_end(fragment: str) -> int | None:
    """The index of the ')' that closes the group `fragment` opens with, or None."""
    return next((i for i, char, depth in _syntax(fragment) if char == ")" and depth == 0), None)


def _top_level_parts(source: str) -> list[str]:
    """`source` split at its top-level '|'."""
    bars = [i for i, char, depth in _syntax(source) if char == "|" and depth == 0]
    return [source[start + 1 : end] for start, end in zip([-1, *bars], [*bars, len(source)], strict=True)]


def _top_level_bar(fragment: str) -> bool:
    """True when the fragment is itself an alternation ('war|ist'), which its first letter cannot be taken out of."""
    return len(_top_level_parts(fragment)) > 1


def _at_start(alternation: str) -> str:
    """Regex source of `alternation` at the start of a text, after at most three non-word characters ('-- Share')."""
    return rf"^\W{{0,3}}(?:{alternation})"


def _alternation(fragments: list[str], ignorecase: bool) -> str:
    """Regex source matching any of `fragments`; those that begin with a word character only match at a word start.

    The shared `(?<!\\w)` in front lets the regex engine reject most positions at once: about 4x faster scans.
    """
    words = [f for f in fragments if _WORD_START.match(f)]
    others = [f for f in fragments if not _WORD_START.match(f)]
    parts = [rf"(?<!\w)(?:{alternatives(words, ignorecase)})"] if words else []
    for anchored, group in groupby(others, _starts_text):
        run = list(group)
        # '^a|^b' as '^(?:a|b)': past the text's start the engine then fails once per run, not once per fragment
        parts += [f"^(?:{'|'.join(f'(?:{f[1:]})' for f in run)})"] if anchored else [f"(?:{f})" for f in run]
    return "|".join(parts)


def _starts_text(fragment: str) -> bool:
    """True when every match of the fragment is at the start of the text: it begins with '^' at its top level."""
    return fragment.startswith("^") and not _top_level_bar(fragment)


@cache
def pattern(category: str, anchored: bool = False, extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    """One compiled case-insensitive regex matching any phrase of `category` (at the start when `anchored`)."""
    fragments = phrases(category) + list(extra)
    if not fragments:
        return re.compile(r"(?!x)x")
    if anchored:
        return re.compile(_at_start(alternatives(fragments, True)), re.I)
    return re.compile(_alternation(fragments, True), re.I)


def contains(category: str, text: str) -> bool:
    """Whether a phrase of `category` occurs in `text`, as `pattern(category).search` finds it; texts without any of
    the literal runs the phrases must hold (`_required`) are passed over at once: about 5x faster over the short lines
    of a page, most of which hold no such phrase (a relative time: '3 days ago', 'vor 2 Stunden')."""
    required = _required(category)
    if required is not None:
        anycase, folded = required
        if (folded.search(text.lower()) if text.isascii() else anycase.search(text)) is None:
            return False
    return pattern(category).search(text) is not None


@cache
def _required(category: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Two regexes of the longest literal run of each phrase of `category` (`_literal_run`), one of which every match
    of `pattern(category)` holds: case-insensitive, and for ASCII text once lower-cased (each character with the ASCII
    letters it matches case-insensitively, `_ascii_class`: a case-sensitive scan is 4x faster); None when a phrase
    has no literal run."""
    runs = sorted({_literal_run(fragment) for fragment in phrases(category)}, key=len)
    if not runs or not runs[0]:
        return None
    shortest = [run for i, run in enumerate(runs) if not any(other in run for other in runs[:i])]  # 'ago', not ' ago'
    folded = "|".join("".join(map(_ascii_class, run)) for run in shortest)
    return re.compile("|".join(map(re.escape, shortest)), re.I), re.compile(folded)


def _ascii_class(char: str) -> str:
    """Regex source of `char` in lower-cased ASCII text: with the ASCII letters it matches case-insensitively, lower-
    cased ('ı', Turkish dotless i, matches 'i' and 'I')."""
    same = {c.lower() for c in _ASCII if re.fullmatch(re.escape(char), c, re.I)} - {char}
    return f"[{re.escape(char)}{''.join(map(re.escape, sorted(same)))}]" if same else re.escape(char)


def _literal_run(fragment: str) -> str:
    """The longest run of characters that every match of `fragment` holds as it is written: consecutive literals at
    its top level, outside groups, classes and repeats ('ago' of '\\d+ days? ago'); '' when there is none."""
    try:
        parsed = sre_parse.parse(fragment).data
    except (re.error, ValueError, TypeError):
        return ""
    best, run = "", ""
    for op, value in parsed:
        run = run + chr(value) if op is sre_constants.LITERAL and isinstance(value, int) else ""
        best = max(best, run, key=len)
    return best


@cache
def ordinary_opener(language: str | None) -> re.Pattern[str] | None:
    """The words of `language` (ISO code; its category `ordinary_opener`) that open ordinary lines and also the
    end-of-article phrases of another language ('comment': French for 'how', English for a reader's comment), at the
    start of a text: on a page in that language, a line opening with one is no such marker. None when it has none."""
    fragments = _load(language).get("ordinary_opener", []) if language in languages() else []
    return re.compile(_at_start(alternatives(fragments, True)), re.I) if fragments else None


@cache
def kinds_pattern(categories: tuple[str, ...], lowered: bool = False) -> re.Pattern[str]:
    """One regex over several categories, each a named group: `match.lastgroup` says which one matched (one scan
    instead of one per category). `lowered`: for text the caller has lower-cased, matched case-sensitively (about 3x
    faster; not for categories whose fragments look for capitals, as `byline` does)."""
    groups = [f"(?P<{c}>{_alternation(phrases(c), not lowered)})" for c in categories if phrases(c)]
    return re.compile("|".join(groups) or r"(?!x)x", 0 if lowered else re.I)


_ZERO_WIDTH_START = re.compile(r"^(?:\^|\\b)")  # '^share$', '\buses cookies': the first letter comes next
_LEAD = re.compile(r"\W{0,3}([^\W_])")  # a text's first letter or digit, past at most three non-word characters


class Opening:
    """The phrases of several categories at the start of a text (after at most three non-word characters), as
    `pattern(..., anchored=True)` finds them; `match(text).lastgroup` names the category, the first of
    `categories` winning. `lowered`: as in `kinds_pattern`.

    Only the phrases that can begin with the text's first letter are tried: one regex per ASCII letter, compiled
    when first needed (texts that open with a letter beyond ASCII get the regex of all phrases). About 2x faster
    than one regex of all phrases, which tries every branch on every text.
    """

    def __init__(self, categories: tuple[str, ...], lowered: bool = False, language: str | None = None) -> None:
        self._groups = [(c, phrases(c)) for c in categories if phrases(c)]
        self._ignorecase = not lowered
        self._by_letter: dict[str | None, re.Pattern[str]] = {}  # None: every phrase
        self._ordinary = ordinary_opener(language)

    def match(self, text: str) -> re.Match[str] | None:
        """The phrase at the start of `text`, or None (also where `text` opens with an ordinary word of the page's
        language: `ordinary_opener`)."""
        if self._ordinary is not None and self._ordinary.match(text):
            return None
        lead = _LEAD.match(text)
        found: str = lead.group(1) if lead else ""  # "": only phrases that begin with no letter can match
        letter: str | None = found
        if not found.isascii():  # beyond ASCII, case folding has other pairs, and a regex per letter of every
            letter = None  # script would pile up
        elif self._ignorecase:
            letter = found.lower()
        regex = self._by_letter.get(letter)
        if regex is None:
            regex = self._by_letter[letter] = self._compile(letter)
        return regex.match(text)

    def _compile(self, letter: str | None) -> re.Pattern[str]:
        groups = []
        for category, fragments in self._groups:
            head_ok = [f for f in fragments if letter is None or (heads := self._heads(f)) is None or letter in heads]
            if head_ok:
                groups.append(f"(?P<{category}>{alternatives(head_ok, self._ignorecase)})")
        flags = re.I if self._ignorecase else 0
        return re.compile(_at_start("|".join(groups)) if groups else r"(?!x)x", flags)

    def _heads(self, fragment: str) -> frozenset[str] | None:
        """The letters a match of the fragment can begin with (past a '^' or '\\b'), or None when not known: one for
        'share', three for '(?:meld je aan|abonneer je|schrijf je in) …' (phrases of other languages and scripts
        then stay out of a letter's regex)."""
        return _heads(_ZERO_WIDTH_START.sub("", fragment), self._ignorecase)


def opening(categories: tuple[str, ...], lowered: bool = False, language: str | None = None) -> Opening:
    """The shared `Opening` of these categories, on pages in `language` (ISO code; None: any). Languages without
    `ordinary_opener` words share the one of no language: a page may declare any code, and each `Opening` compiles
    its own regexes."""
    return _opening(categories, lowered, language if ordinary_opener(language) is not None else None)


@cache
def _opening(categories: tuple[str, ...], lowered: bool, language: str | None) -> Opening:
    return Opening(categories, lowered, language)
