"""Recognise a line that is only a date ("June 14, 2015", "14 juin 2015", "2015-06-14") and normalise it."""

from __future__ import annotations

import re
from datetime import date

from ..shared.months import MONTHS
from ..shared.scripts import UNSPACED_CHAR

_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"  # "października", the longest name known
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(rf"{_YEAR}-(?P<mnum>\d{{1,2}})-(?P<day>\d{{1,2}})"),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"),
    re.compile(rf"{_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}"),
    re.compile(rf"(?P<day>\d{{1,2}})\.(?P<mnum>\d{{1,2}})\.{_YEAR}"),
    re.compile(rf"{_YEAR}/(?P<mnum>\d{{1,2}})/(?P<day>\d{{1,2}})\b"),
    re.compile(
        rf"{_YEAR}\s*[年년]\s*(?P<mnum>\d{{1,2}})\s*[月월]\s*(?P<day>\d{{1,2}})"
    ),  # 2024年5月3日, 2024년 5월 3일
    # 31/12/2024 or 12-31-2024: only when the day is over 12, as which comes first varies by country
    re.compile(rf"\b(?P<day>1[3-9]|2\d|3[01])(?P<sep>[/-])(?P<mnum>0?[1-9]|1[0-2])(?P=sep){_YEAR}\b"),
    re.compile(rf"\b(?P<mnum>0?[1-9]|1[0-2])(?P<sep>[/-])(?P<day>1[3-9]|2\d|3[01])(?P=sep){_YEAR}\b"),
]
_COMPACT = re.compile(rf"^{_YEAR}(?P<mnum>[01]\d)(?P<day>[0-3]\d)(?:T|\d|$)")
# /2024/05/03/ or /2024-05-03 or /20240503 or /2024-05-03+Title in a URL path (a year and month alone give no day)
_URL_DATE = re.compile(rf"/{_YEAR}(?P<sep>[/_-]?)(?P<mnum>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?:/|[_+-]|\.\w+$|$)")
_DATE_LINE_MAX_WORDS = 10
_DATE_LINE_MAX_UNSPACED = (
    10  # Chinese/Japanese characters besides the date: more make a sentence ('2024年5月3日，市政府…')
)
_MACHINE_DATE_MAX_CHARS = 80  # a date attribute longer than this is text, and only its start is searched
_PREFIX = re.compile(
    r"^(?:published|updated|posted|last updated|date|on|em|veröffentlicht|publié le|publicado(?: em| el)?"
    r"|pubblicato(?: il)?|gepubliceerd(?: op)?|опубликовано|обновлено|дата публикации"
    r"|opublikowano|zaktualizowano|yayın tarihi|yayınlanma tarihi|güncelleme tarihi"
    r"|发布时间|發佈時間|发布日期|發布日期|发表于|發表於|时间|時間|日期|公開日|投稿日|更新日)[:：\s]*",
    re.I,
)
_DATE_UNITS = re.compile(r"[\W\d_年月日년월일]+")  # what `date_line` removes before it counts what else the line says


def parse_date(text: str) -> str | None:
    """The first date in `text` as YYYY-MM-DD, or None."""
    found = date_span(text)
    return found[0] if found else None


def date_span(text: str) -> tuple[str, int, int] | None:
    """(YYYY-MM-DD, start, end) of the first date in `text` (by the first pattern that finds one), or None."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            month = int(m.group("mnum")) if "mnum" in m.groupdict() and m.group("mnum") else None
            if month is None:
                month = MONTHS.get(m.group("month").lower())
            if month and (found := _valid(m.group("year"), month, int(m.group("day")))):
                return found, m.start(), m.end()
    return None


def machine_date(value: str) -> str | None:
    """YYYY-MM-DD from a date in a meta tag, JSON-LD or a datetime attribute (ISO 8601, compact or written out)."""
    value = value.strip()
    if match := _COMPACT.match(value):
        return _valid(match.group("year"), int(match.group("mnum")), int(match.group("day")))
    return parse_date(value[:_MACHINE_DATE_MAX_CHARS])


def url_date(url: str | None) -> str | None:
    """YYYY-MM-DD from a dated URL path such as /2024/05/03/slug."""
    match = _URL_DATE.search(url or "")
    return _valid(match.group("year"), int(match.group("mnum")), int(match.group("day"))) if match else None


def one_day_apart(first: str, second: str) -> bool:
    """True when two YYYY-MM-DD dates are consecutive days (a timestamp read in two time zones)."""
    try:
        return abs((date.fromisoformat(first) - date.fromisoformat(second)).days) == 1
    except ValueError:  # '2024-02-30' from a lenient parse
        return False


def _valid(year: str, month: int, day: int) -> str | None:
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def date_line(text: str) -> str | None:
    """YYYY-MM-DD when the whole line is a date (with an optional 'Published:' or time), else None."""
    stripped = _PREFIX.sub("", text.strip())
    if len(stripped.split()) > _DATE_LINE_MAX_WORDS:
        return None
    found = parse_date(stripped)
    if not found:
        return None
    leftover = _DATE_UNITS.sub(" ", stripped).split()
    # what is left besides the date must be a month or weekday name, am/pm, a timezone: at most three words
    unspaced = len(UNSPACED_CHAR.findall(" ".join(leftover)))
    return found if len(leftover) <= 3 and unspaced <= _DATE_LINE_MAX_UNSPACED else None
