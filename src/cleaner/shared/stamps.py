"""The date or time stamp a comment's header line carries, in any language: both extraction paths read reader
comment threads as runs of short stamped lines, each heading a longer post."""

from __future__ import annotations

import re

from .months import MONTHS

_CLOCK = r"\b\d{1,2}:\d{2}(?!\d)"  # a time of day ("9:35am" too)
# not inside a longer run of dotted numbers: '9.5.3.72' is a version, though '5.3.72' reads as a date (a changelog's
# items, each over a line of prose, were taken for a comment thread's heads in a text dump)
_NUMERIC_DATE = r"(?<!\d[./-])\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b(?![./-]\d)"
# a day, a month's name and a two-digit year ("07 Nov 12", "3. März '14"), as some blogs stamp their comments
_MONTH_NAMES = "|".join(map(re.escape, sorted(MONTHS, key=len, reverse=True)))
_DAY_MONTH_YY = rf"\b\d{{1,2}}\.?\s+(?:{_MONTH_NAMES})\.?,?\s+'?\d{{2}}\b(?![:.]\d)"
# a time of day, a year, a numeric date or a day, month and two-digit year (HTML: the comment heads of one thread
# share an element path, which keeps a listing's or a bibliography's years apart)
STAMP = re.compile(rf"{_CLOCK}|\b(?:19|20)\d{{2}}\b|{_NUMERIC_DATE}|{_DAY_MONTH_YY}", re.I)
# a time of day, a numeric date or a day, month and two-digit year, no bare year (text dumps, without paths: '— DM,
# 2021' under a testimonial and 'Cephalalgia. 2019;39(4)' in a reference list are not comment heads)
CLOCK_OR_DATE = re.compile(rf"{_CLOCK}|{_NUMERIC_DATE}|{_DAY_MONTH_YY}", re.I)
