"""Function words per language (jusText's stop lists), and the language a text's function words say it is in.

Prose is dense in function words, menus are not (the boilerplate filter's rule classes and the line features); which
words those are depends on the language, declared by an HTML page, guessed for a text dump.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import islice

import justext

from ..blocks import sample

# ISO code -> jusText's name of each language whose stop words a text's language is guessed among
LANGUAGES = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian_Bokmal",
    "cs": "Czech",
    "ru": "Russian",
    "tr": "Turkish",
    "id": "Indonesian",
}
_CODES = tuple(LANGUAGES)
GUESS_BLOCKS = 400  # the first blocks of a text and their first words, which its language is guessed from
GUESS_WORDS = 3000
# Below this share of a text's words in the best language's stop words, or under MIN_WORDS words, the text names no
# language: Chinese or Japanese (no spaces between words), a language without a list here, code, a price list, a page
# whose text is a few labels.
MIN_SHARE = 0.2
MIN_WORDS = 50
_WORD = re.compile(r"\w+")


@cache
def named(code: str) -> frozenset[str]:
    """jusText's stop words of the language with this ISO code (one of LANGUAGES)."""
    return frozenset(w.lower() for w in justext.get_stoplist(LANGUAGES[code]))


def stoplist(language: str | None, texts: Sequence[str]) -> frozenset[str]:
    """The stop words of `language` (ISO code) when LANGUAGES has it, else of the language whose stop words cover
    most of the blocks' `texts`."""
    return named(language if language is not None and language in LANGUAGES else _best(texts)[0])


def guess_language(texts: Sequence[str]) -> str | None:
    """The ISO code of the language whose stop words cover most of the blocks' `texts`, or None where they cover
    under MIN_SHARE of their words or the texts hold under MIN_WORDS."""
    code, share, words = _best(texts)
    return code if share >= MIN_SHARE and words >= MIN_WORDS else None


@cache
def _lists() -> tuple[frozenset[str], ...]:
    """The stop words of each of LANGUAGES, in its order."""
    return tuple(map(named, _CODES))


@cache
def function_words() -> frozenset[str]:
    """The stop words of every language the guess knows: words that say which language a line is in, not whether
    it is boilerplate."""
    return frozenset().union(*_lists())


def _best(texts: Sequence[str]) -> tuple[str, float, int]:
    """The language (ISO code) whose stop words cover most of the first GUESS_WORDS words of the first GUESS_BLOCKS
    `texts` (the first of LANGUAGES on a tie), the share of those words they cover, and how many words were read."""
    text = " ".join(map(sample, texts[:GUESS_BLOCKS]))
    counts = Counter(m.group().lower() for m in islice(_WORD.finditer(text), GUESS_WORDS))
    covered = [0] * len(_CODES)
    languages_of = _languages_of()
    for word, n in counts.items():
        for k in languages_of.get(word, ()):
            covered[k] += n
    best = max(range(len(covered)), key=covered.__getitem__)
    words = sum(counts.values())
    return _CODES[best], covered[best] / max(1, words), words


@cache
def _languages_of() -> dict[str, tuple[int, ...]]:
    """Each stop word of LANGUAGES' lists, with the positions in LANGUAGES of the languages whose list has it: one
    look-up a word instead of one a language."""
    found: dict[str, list[int]] = {}
    for k, stop in enumerate(_lists()):
        for word in stop:
            found.setdefault(word, []).append(k)
    return {word: tuple(ks) for word, ks in found.items()}
