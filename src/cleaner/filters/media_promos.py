"""Podcast, audio and video promos: player widgets, episode teasers and "listen on Apple Podcasts" lines.

In HTML it drops <audio>/<video> fallbacks and elements whose class/id names a player or podcast box. In the body it
drops (a) short lines that carry a listening/watching cue ("Click here to listen on … Spotify") and (b) a promo
zone: a short media kicker ("Podcast / Africa", "Video", "Episode 12") followed by a teaser, up to the last line
with a media cue and on to the next heading, as long as the zone holds less than half the body's words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from ..blocks import Block
from ..document import Document
from ..filter import Filter
from ..shared.dom import elements_marked
from ..shared.phrases import pattern

_PLAYER_MARK = re.compile(
    r"podcast|audio-?player|video-?player|media-?player|jwplayer|player-?(?:wrap|container)|episode-?(?:card|teaser|list)"
)
_KICKER_MAX_WORDS = 4
_CUE_LINE_MAX_WORDS = 25
_ZONE_LOOKAHEAD = 12


class MediaPromoFilter(Filter):
    """Podcast/audio/video promos: player widgets, episode teasers, "listen on …" lines."""

    name = "media_promos"
    defaults = {"max_zone_share": 0.5, "max_widget_words": 200}

    def select(self, doc: Document) -> Iterable[tuple[HtmlElement, str]]:
        assert doc.tree is not None
        for element in doc.tree.iter("audio", "video"):
            yield element, "media player fallback"
        for element in elements_marked(doc, _PLAYER_MARK, self.options["max_widget_words"]):
            yield element, "podcast or player widget"

    def apply(self, doc: Document) -> None:
        blocks = doc.blocks
        cue = pattern("media_cue")
        drop: set[int] = set()
        total = sum(b.word_count for b in blocks) or 1
        for i, block in enumerate(blocks):
            if _is_kicker(block) and i not in drop:
                zone = _promo_zone(blocks, i, cue)
                if zone and sum(blocks[j].word_count for j in zone) / total < self.options["max_zone_share"]:
                    drop |= zone
        doc.drop_blocks(drop, self.name, "podcast or video promo")
        cue_lines = {i for i, b in enumerate(doc.blocks) if b.word_count <= _CUE_LINE_MAX_WORDS and cue.search(b.text)}
        doc.drop_blocks(cue_lines, self.name, "listen/watch prompt")


def _is_kicker(block: Block) -> bool:
    """A short label such as 'Podcast / Africa' or 'Video' that introduces a media teaser."""
    return block.word_count <= _KICKER_MAX_WORDS and bool(pattern("media_kicker", anchored=True).match(block.text))


def _promo_zone(blocks: list[Block], start: int, cue: re.Pattern[str]) -> set[int]:
    """Indices from the kicker to the last media cue within reach, then on to the next heading; empty if no cue."""
    window = range(start + 1, min(len(blocks), start + 1 + _ZONE_LOOKAHEAD))
    cues = [j for j in window if cue.search(blocks[j].text)]
    if not cues:
        return set()
    end = cues[-1]
    while end + 1 < len(blocks) and not blocks[end + 1].is_heading:
        end += 1
    return set(range(start, end + 1))
