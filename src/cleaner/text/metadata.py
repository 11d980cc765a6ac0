"""Title, authors and date of a text dump, read from its lines: a scraper's dump keeps the page's <title> as its
first line, the headline, the byline ("By Jane Doe", "Von …", "Par …", "Por …", "Posted by … on …") and the date
line ("June 14, 2015", "14. Juni 2015", "Updated 10:15 GMT, 3 March 2024") as lines of their own near the top.

The headline is the line near the top that repeats the <title> line or its headline part (the title without its
"| Site" segment), else a line sharing most of the title's words right over a byline or date line (a headline the
<title> rewords), else that part itself. Bylines and date lines are looked for in a window around the headline, where
the article starts; a layout dump puts both on one line ("Jo Roe • Updated on June 4, 2015 • 6 min read", "By Jo Roe –
Updated … | Fact-checked by …"), read for its name and date. Relative dates ("2 days ago") give no calendar day and are
skipped; a dated URL is the fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..blocks import Block, Kind, fingerprint
from ..metadata.dates import date_line, date_span, parse_date, url_date
from ..metadata.fields import headline_parts, split_authors
from ..metadata.html import byline_opener, byline_pieces, is_name
from ..shared.phrases import pattern

HEADLINE_WINDOW = 150  # lines searched for the headline's copy: menus above it run to about a hundred lines
BEFORE_HEADLINE = 3  # byline/date lines looked at above the headline (a kicker, a date above it)
AFTER_HEADLINE = 15  # and below it, before the prose
MAX_BYLINE_WORDS = 14  # 'By Jane Doe and John Roe, Staff Writers | May 3, 2024 | 4 min read'
MAX_TITLE_WORDS = 30
MIN_HEADLINE_WORDS = 2  # a reworded headline has at least two words ('Bike Locks')
MIN_TITLE_LIKENESS = 0.5  # share of words (Dice) with the <title> that makes a line a reworded headline
SIMILAR_WINDOW = 400  # lines searched for it: the headline can sit under hundreds of menu lines
META_AFTER_HEADLINE = 3  # lines under a reworded headline where its byline or date line is looked for
PROSE_MIN_WORDS = 15
SENTENCE_WORDS = 3  # lower-case words after 'By Name' that make the line a sentence ('By Christmas Eve the town …')
_LEAD = " .,;:|•·–—-"  # left of a date line by a split sentence or a separator ('. Last updated on …')
DATE_SCAN = 600
# a person's full name on a line of its own: two to four capitalised words ('Mary-Jane O’Neil', 'J. R. Doe')
_PARTICLES = {"de", "van", "von", "der", "la", "le", "del", "da"}
_NAME_LINE = re.compile(r"^[^\W\d_][\w.'’-]*(?:\s+(?:(?:de|van|von|der|la|le|del|da)\s+)?[^\W\d_][\w.'’-]*){1,3}$")
BYLINE_SCAN = 600  # lines searched for a bare 'By' over a name when none is near the headline
MAX_LINES_BEFORE_PROSE = 20
MAX_USER_NAME_WORDS = 3  # a forum user name under a 'Thread starter' label: 'beijingwalker', 'Chris Hall'
MAX_CREDENTIAL_WORDS = 6  # 'Dylan Bailey, MS, RD, FAND': a full name and a few letters after a comma
_DIGITS = re.compile(r"\d")
_SEPARATOR = re.compile(r"[|•·●⋅]|\s[–—/-]+\s")  # between the parts of a byline line ('Jo Roe • May 3, 2024')


@dataclass
class DumpMetadata:
    """What the dump's lines say about the article, and where they say it (block indices)."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    headline: int | None = None  # index of the headline line, when the dump repeats it
    lines: set[int] = field(default_factory=set)  # indices of the byline and date lines read


def dump_metadata(blocks: list[Block], url: str | None = None) -> DumpMetadata:
    """Title, authors and date of a text dump cut into `blocks` (one per line), the page's `url` helping to tell
    the site's name in the title and giving the date when no line does."""
    found = DumpMetadata()
    if not blocks:
        return found
    found.headline, found.title = _headline(blocks, url)
    start = found.headline if found.headline is not None else 1
    window = range(max(0, start - BEFORE_HEADLINE), min(len(blocks), start + AFTER_HEADLINE + 1))
    byline = None  # index of the byline line
    for i in window:
        text = blocks[i].text
        if i == found.headline:
            continue
        if len(text.split()) > MAX_BYLINE_WORDS:
            if byline is None and (names := _long_byline(text)):
                found.authors, byline = names, i
                found.date = found.date or parse_date(text)
            continue
        beside = _dated_byline(text) if byline is None else None
        if found.date is None and (date := dated_line(text)):
            found.date = date
            found.lines.add(i)
            if beside:  # 'Jo Roe June 4, 2015'
                found.authors, byline = beside[0], i
        elif byline is None and (names := _byline_at(blocks, i, loose=True)):
            found.authors, byline = names, i
            found.date = found.date or parse_date(text)  # 'By Jo Roe | May 3, 2024'
        elif beside:  # 'Jo Roe • Updated on Jul 4, 2024 • 28 min read'
            found.authors, byline = beside[0], i
            found.date = found.date or beside[1]
    found.date = found.date or url_date(url)
    if found.date is None:
        found.date, index = _first_date_line(blocks)
        found.lines.update(() if index is None else (index,))
    if byline is None:
        found.authors = _name_by_date(blocks, found.lines, found.headline)
    if byline is None and not found.authors:
        found.authors = _thread_starter(blocks, found.lines)
    if byline is None and not found.authors:
        # no headline found, or the byline sits further down: the first byline of full names in the dump
        byline = next((i for i in range(min(len(blocks), BYLINE_SCAN)) if _full_byline(blocks, i)), None)
        found.authors = _byline_at(blocks, byline, loose=True) if byline is not None else []
    if byline is None and not found.authors:
        found.authors = _author_box(blocks)
    if byline is not None:
        found.lines.update((byline, byline + 1) if _bare_opener(blocks[byline].text) else (byline,))
        found.date = found.date or parse_date(blocks[byline].text)  # 'By Jo Roe | May 3, 2024'
    return found


def _full_byline(blocks: list[Block], i: int) -> bool:
    """True when line `i` is a short byline whose names are all full names ('By Role' in a menu is not)."""
    names = _byline_at(blocks, i, loose=True) if len(blocks[i].text.split()) <= MAX_BYLINE_WORDS else []
    return bool(names) and all(_full_name(n) for n in names)


def _byline_at(blocks: list[Block], i: int, loose: bool) -> list[str]:
    """The names of a byline at line `i`: a bare opener ('By', 'Written by') over a name line, or (when `loose`)
    a line opening with a byline phrase."""
    text = blocks[i].text
    if _bare_opener(text):
        following = blocks[i + 1].text if i + 1 < len(blocks) else ""
        return byline_names(f"{text} {following}") if len(following.split()) <= MAX_BYLINE_WORDS else []
    return byline_names(text) if loose else []


def _long_byline(text: str) -> list[str]:
    """The full names a long line opens with behind a byline phrase, read in its first part ('By Jo Roe – Updated Sep
    9, 2025 at 1:00 PM EST | Fact-checked by …': a layout dump's byline line), or []."""
    first = _pieces(text)[0]
    names = byline_names(first) if byline_opener().match(first) else []
    if not names or _sentence_goes_on(first.split(names[0], 1)[-1]):  # not 'By Christmas Eve the town square …'
        return []
    return names if all(_full_name(n) for n in names) else []


def _sentence_goes_on(text: str) -> bool:
    """True when the text opens with `SENTENCE_WORDS` lower-case words: a sentence, not what follows a byline's name
    (', Staff Writer', 'on May 3, 2024')."""
    words = text.split()[:SENTENCE_WORDS]
    return len(words) == SENTENCE_WORDS and all(w[:1].islower() for w in words)


def _name_by_date(blocks: list[Block], date_lines: set[int], headline: int | None = None) -> list[str]:
    """A full name (maybe with letters after a comma: 'Dylan Bailey, MS, RD') on the line just above or below a
    date line read (`date_lines`), or a lone capitalised word there when it is the line right under the
    `headline` ('Susan' over 'December 9, 2024'); else []."""
    for i in sorted(date_lines):
        for j in (i - 1, i + 1):
            if not 0 <= j < len(blocks) or j in date_lines:
                continue
            text = blocks[j].text
            names = byline_names(text) if byline_opener().match(text) else []  # 'By Jo Roe' over '09.10.2024'
            name = None if names else _credited_name(text)
            if name is None and headline is not None and j == headline + 1 and _single_name(text):
                name = text.strip()
            names = names or ([name] if name else [])
            if names:
                date_lines.add(j)
                return names
    return []


def _credited_name(text: str) -> str | None:
    """The name of a line that is a full name, or a full name followed by a few credentials after a comma."""
    if _full_name(text):
        return text
    name, comma, rest = text.partition(",")
    credentials = len(rest.split()) <= MAX_CREDENTIAL_WORDS and not _DIGITS.search(rest)  # not ', 2024 Version'
    if comma and _full_name(name.strip()) and credentials:
        return name.strip()
    return None


def _single_name(text: str) -> bool:
    """True when the line is one capitalised word of letters that no phrase list calls a label ('Susan')."""
    word = text.strip()
    return word.isalpha() and word[:1].isupper() and word[1:2].islower() and is_name(word)


@cache
def _thread_label() -> re.Pattern[str]:
    """A line ending in a forum's 'Thread starter' label (phrase list `thread_starter`), '… started by' too."""
    inner = pattern("thread_starter")
    return re.compile(rf"(?:^|[\W])(?:{inner.pattern})\s*:?\s*$", inner.flags)


def _thread_starter(blocks: list[Block], taken: set[int]) -> list[str]:
    """The user name under (or after) the first 'Thread starter' label of a forum dump (`BYLINE_SCAN` lines; a
    naive dump may repeat the label on the next line, a layout dump put the name beside its copy), or []; the label
    and name lines are added to `taken`."""
    label = _thread_label()
    opening = pattern("thread_starter", anchored=True)
    for i, block in enumerate(blocks[: BYLINE_SCAN - 2]):
        if block.word_count > MAX_BYLINE_WORDS or not label.search(block.text):
            continue
        j = i + 2 if label.search(blocks[i + 1].text) else i + 1
        name = blocks[j].text.strip() if j < len(blocks) else ""
        if head := opening.match(name):
            name = name[head.end() :].strip(" :")
        if _user_name(name):
            taken.update(range(i, j + 1))
            return [name]
    return []


def _user_name(text: str) -> bool:
    """True when a line can be a forum user name: a few words, no date, no label's colon, a name to `is_name`."""
    return 0 < len(text.split()) <= MAX_USER_NAME_WORDS and ":" not in text and not dated_line(text) and is_name(text)


def _author_box(blocks: list[Block]) -> list[str]:
    """The name of an author box: a full-name line followed by a line that opens with the same name and goes on
    with a role (phrase list `bio_role`: 'Jane Doe' over 'Jane Doe is a staff writer …'), anywhere in the dump;
    else [] ('Data Science' over 'Data Science is a field …' is a topic)."""
    for block, following in zip(blocks, blocks[1:], strict=False):
        name = block.text.strip()
        text = following.text
        if text.startswith(name) and _full_name(name) and pattern("bio_role").match(text[len(name) :].lstrip()):
            return [name]
    return []


def dated_line(text: str) -> str | None:
    """YYYY-MM-DD when the line is a date behind at most a label in any shipped language ('Updated on June 4,
    2015', 'Veröffentlicht am 3. Mai 2024', 'Mis à jour le 14 juin 2015', 'Publicado el 3 de mayo de 2024'), else
    None; relative dates ('2 days ago') have no calendar day and give None."""
    text = text.lstrip(_LEAD)
    label = pattern("date_label", anchored=True).match(text)
    return date_line(text[label.end() :] if label else text)


def _first_date_line(blocks: list[Block]) -> tuple[str | None, int | None]:
    """(date, index) of the first date line among the dump's first `DATE_SCAN` lines, or (None, None)."""
    for i, block in enumerate(blocks[:DATE_SCAN]):
        if block.word_count <= MAX_BYLINE_WORDS and (date := dated_line(block.text)):
            return date, i
    return None, None


def _full_name(text: str) -> bool:
    """True when the line is two to four capitalised words, as a person's name ('Jane Doe', 'Ana de la Vega')."""
    return bool(_NAME_LINE.match(text)) and all(w[:1].isupper() for w in text.split() if w not in _PARTICLES)


def _bare_opener(text: str) -> bool:
    """True when the line is only a byline phrase ('By', 'Written by', 'Von', 'Par', 'Por')."""
    match = byline_opener().match(f"{text} X")
    return match is not None and match.end() >= len(text)


def _headline(blocks: list[Block], url: str | None) -> tuple[int | None, str | None]:
    """(index, text) of the headline: among the lines below the title line that say the whole title or one of its
    headline parts, the one over the most prose (a menu or breadcrumb repeats the section's part too), the likelier
    part first; else the line that rewords the title over a byline or date line (`_similar_line`); else (None, the
    title's headline part)."""
    first = blocks[0].text
    # a Markdown dump opening with a sub-heading, list or quote has no <title> line; a naive one's first line is it
    title_line = blocks[0].kind is Kind.PARAGRAPH or (blocks[0].kind is Kind.HEADING and blocks[0].level <= 1)
    if not title_line or len(blocks) < 2 or len(first.split()) > MAX_TITLE_WORDS:  # a lone line is the text
        return None, None
    parts = headline_parts(first, url)
    rank = {fingerprint(p): len(parts) - i for i, p in reversed(list(enumerate(parts)))}
    rank[fingerprint(first)] = len(parts) + 1
    rank.pop("", None)
    scored = [
        (rank[key] > len(parts) - 1, prose_after(blocks, i + 1), rank[key], -i)
        for i, block in enumerate(blocks[1:HEADLINE_WINDOW], 1)
        if block.word_count <= MAX_TITLE_WORDS and (key := fingerprint(block.text)) in rank
    ]
    if not scored:
        index = _similar_line(blocks, parts or [first])
        return (index, blocks[index].text) if index is not None else (None, parts[0] if parts else first)
    index = -max(scored)[3]
    return index, blocks[index].text


def _similar_line(blocks: list[Block], parts: list[str]) -> int | None:
    """Index of the headline reworded for the <title>: a line sharing words with the title's headline `parts` (Dice
    coefficient of their word sets, at least `MIN_TITLE_LIKENESS`) right over a byline or a date line, the likest
    (the earliest among equals); else None."""
    title = set(fingerprint(" ".join(parts)).split())
    scored = []
    for i, block in enumerate(blocks[1:SIMILAR_WINDOW], 1):
        if not MIN_HEADLINE_WORDS <= block.word_count <= MAX_TITLE_WORDS:
            continue
        words = set(fingerprint(block.text).split())
        likeness = 2 * len(words & title) / (len(words) + len(title)) if words else 0.0
        if likeness >= MIN_TITLE_LIKENESS and _byline_or_date_follows(blocks, i + 1):
            scored.append((round(likeness, 1), -i))
    return -max(scored)[1] if scored else None


def _byline_or_date_follows(blocks: list[Block], start: int) -> bool:
    """True when a byline or a date line is among the `META_AFTER_HEADLINE` lines from `start`, before any prose."""
    for i in range(start, min(len(blocks), start + META_AFTER_HEADLINE)):
        if dated_line(blocks[i].text) or _byline_at(blocks, i, loose=True) or _dated_byline(blocks[i].text):
            return True
        if blocks[i].word_count >= PROSE_MIN_WORDS:
            return False
    return False


def byline_names(text: str) -> list[str]:
    """The names in a byline line ('By Jane Doe and John Roe', 'Posted by Jo Roe on May 3, 2024', 'Von Jana Muster |
    3. Mai 2024'), or [] when the line does not open with a byline phrase (here or after a separator)."""
    opener = byline_opener()
    if not any(opener.match(piece) for piece in _pieces(text)):
        return []
    names = [_name_run(n) for piece in byline_pieces(text) for n in split_authors(piece)]
    return [n for n in names if is_name(n)]


def _name_run(text: str) -> str:
    """The capitalised words a name starts with, without what follows ('Jo Roe Published: May 3' -> 'Jo Roe',
    'María García el 3' -> 'María García', 'Jo Roe Updated Sep 5, 2024' -> 'Jo Roe'); particles ('de', 'von') are kept
    inside a name."""
    words = text.split()
    kept: list[str] = []
    for i, word in enumerate(words):
        if word.endswith(":") or _opens_with_date(" ".join(words[i:])):  # a label ('Published:') ends the name
            break
        following = next((w for w in words[i + 1 :] if w not in _PARTICLES), "")
        inside = word in _PARTICLES and following[:1].isupper()
        if not (word[:1].isupper() or inside):
            break
        kept.append(word)
    return " ".join(kept)


def _dated_byline(text: str) -> tuple[list[str], str] | None:
    """(names, date) of a short line holding a date and, right before or after it, a byline or a full name: a
    layout dump's one line for both ('Jo Roe June 4, 2015', 'May 3, 2017 By Jo Roe 4 Comments', 'Jo Roe • Updated on
    Jul 4, 2024 • 28 min read'); else None."""
    found = date_span(text)
    if found is None or len(text.split()) > MAX_BYLINE_WORDS:
        return None
    date, start, end = found
    before = [p for p in _pieces(text[:start]) if p and not _opens_with_date(p)][-1:]  # not 'Updated on'
    after = [p for p in _pieces(text[end:]) if p][:1]
    for piece, leads in [(p, True) for p in before] + [(p, False) for p in after]:
        name = _name_run(piece)
        rest = piece[len(name) :].split()
        # before the date the part is the name but for a connective ('Jo Roe on'); after it, anything may follow
        alone = not leads or (len(rest) <= 1 and not any(w[:1].isupper() for w in rest))
        names = byline_names(piece) or ([name] if alone and _full_name(name) and is_name(name) else [])
        if names:
            return names, date
    return None


def _opens_with_date(text: str) -> bool:
    """True when the text starts with a date, or with a date line's label ('Updated', 'Veröffentlicht am')."""
    found = date_span(text)
    return (found is not None and found[1] == 0) or pattern("date_label", anchored=True).match(text) is not None


def _pieces(text: str) -> list[str]:
    """The parts of a line between separators ('|', '•', '·', a spaced dash or slash)."""
    return [p.strip() for p in _SEPARATOR.split(text)]


def prose_after(blocks: list[Block], start: int) -> int:
    """Words in the run of prose paragraphs starting at `start`, after at most a few short lines (standfirst,
    byline, date, share buttons) that often sit between a headline and its text."""
    i = start
    while i < len(blocks) and i < start + MAX_LINES_BEFORE_PROSE and blocks[i].word_count < PROSE_MIN_WORDS:
        i += 1
    words = 0
    while i < len(blocks) and blocks[i].kind is Kind.PARAGRAPH and blocks[i].word_count >= PROSE_MIN_WORDS:
        words += blocks[i].word_count
        i += 1
    return words
