"""Tables in scraped text: the rows of a Markdown pipe table (outer pipes or not), and in a plain dump the runs of consecutive lines that
tabs or pipes cut into the same number of cells (what a scraper leaves of an HTML table, or a pasted spreadsheet).

Only structure counts, and conservatively, since pipes also separate the parts of titles, menus and addresses. A
table is a run of consecutive rows with the same separator and the same number of cells (two to `_MAX_CELLS`, at
least two of them filled): two rows cut by tabs or framed by pipes ('| a | b |', or over a separator row), three
rows cut by bare pipes ('a | b | c'); with no row repeating another and no column holding the same text in every
row (a list of 'Table | …' links, a title line repeated). One line is never a table, whatever its pipes (a menu
'Home | News | Sport', prose with a '|').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATOR_CELL = re.compile(r":?-{2,}:?")  # one cell of a separator row, "---" or ":--:"
_MIN_ROWS = 2
_MIN_BARE_ROWS = 3
_MIN_FILLED = 2
_MAX_CELLS = 30  # more cells than this in a line is a run of tabs or pipes, not a row
_HEADER_MAX_WORDS = 4


@dataclass(frozen=True, slots=True)
class TextTable:
    """A table found in a run of lines: `lines[start:end]` hold its `rows` of cells (and its separator row, if
    any); `header` tells whether the first row names the columns."""

    start: int
    end: int
    rows: tuple[tuple[str, ...], ...]
    header: bool


def pipe_cells(line: str) -> list[str]:
    """The cells of a pipe-separated row ('| a | b |' or 'a | b'), stripped; outer pipes open and close no cell."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def is_separator_row(line: str) -> bool:
    """True for a Markdown table's separator row: "|---|:--:|", "--- | ---" (optional outer pipes)."""
    if "--" not in line:
        return False
    inner = line[1:] if line.startswith("|") else line
    inner = inner[:-1] if inner.endswith("|") else inner
    return all(_SEPARATOR_CELL.fullmatch(cell.strip()) for cell in inner.split("|"))


def markdown_table_rows(lines: list[str]) -> set[int]:
    """Indices of the rows of the GFM tables in a run of Markdown lines whose outer pipes are left out ('a | b' over
    '--- | ---'): the header row over its separator row and the lines holding a pipe below it."""
    rows: set[int] = set()
    for i in range(len(lines) - 1):
        if i not in rows and "|" in lines[i] and is_separator_row(lines[i + 1].strip()):
            rows.add(i)
            end = i + 2
            while end < len(lines) and "|" in lines[end] and not is_separator_row(lines[end].strip()):
                rows.add(end)
                end += 1
    return rows


def find_tables(lines: list[str]) -> list[TextTable]:
    """The tables of a run of non-blank plain-text lines, in order."""
    found: list[TextTable] = []
    i = 0
    while i < len(lines):
        first = _row(lines[i])
        if first is None:
            i += 1
            continue
        rows, end, separated, framed = [first.cells], i + 1, False, first.framed
        while end < len(lines):
            if end == i + 1 and first.separator == "|" and is_separator_row(lines[end].strip()):
                separated = True  # the row above a separator row is the header
            elif (row := _row(lines[end])) is not None and first.matches(row):
                rows.append(row.cells)
                framed = framed and row.framed
            else:
                break
            end += 1
        needed = _MIN_ROWS if first.separator == "\t" or separated or framed else _MIN_BARE_ROWS
        if len(rows) >= needed and _varied(rows):
            found.append(TextTable(i, end, tuple(rows), separated or _names_columns(rows)))
        i = end  # a run is read once: a part of a run that is no table is no table either
    return found


@dataclass(frozen=True, slots=True)
class _Row:
    separator: str  # "\t" or "|"
    cells: tuple[str, ...]
    framed: bool  # opened and closed by a pipe

    def matches(self, other: _Row) -> bool:
        """Whether `other` can be a row of the same table: the same separator, as many cells."""
        return other.separator == self.separator and len(other.cells) == len(self.cells)


def _row(line: str) -> _Row | None:
    """A line that could be a table row, cut by tabs, else by pipes; None if it is not (a separator row neither)."""
    stripped = line.strip()
    if "\t" in stripped:
        row = _Row("\t", tuple(cell.strip() for cell in stripped.split("\t")), False)
    elif "|" in stripped and not is_separator_row(stripped):
        row = _Row("|", tuple(pipe_cells(stripped)), stripped.startswith("|") and stripped.endswith("|"))
    else:
        return None
    if not 2 <= len(row.cells) <= _MAX_CELLS or sum(1 for cell in row.cells if cell) < _MIN_FILLED:
        return None
    return row


def _varied(rows: list[tuple[str, ...]]) -> bool:
    """True when no row repeats another and every column holds at least two different texts."""
    return len(set(rows)) == len(rows) and all(len({row[k] for row in rows}) > 1 for k in range(len(rows[0])))


def _names_columns(rows: list[tuple[str, ...]]) -> bool:
    """Whether the first row is a header: short labels without digits, over a column with digits in every row
    below ('Name, Age, City' over 'Ada, 36, London'). A table of words only is given no header."""
    if not all(cell and not _has_digit(cell) and len(cell.split()) <= _HEADER_MAX_WORDS for cell in rows[0]):
        return False
    return any(all(_has_digit(row[k]) for row in rows[1:]) for k in range(len(rows[0])))


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)
