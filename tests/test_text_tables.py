"""Tables in scraped plain text (issue 28): a tab- or pipe-separated table in a dump comes out as a table, read back
from the Markdown by markdown-it-py and from the HTML by lxml; a line that only holds pipes (a menu, a title, prose)
does not."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from cleaner import Article, clean_article
from cleaner.blocks import Kind
from cleaner.text import text_to_blocks

from .conftest import SAMPLES
from .test_output_formats import MD, _tokens

TEXT = SAMPLES / "text"


def _clean(name: str) -> Article:
    return clean_article((TEXT / name).read_text("utf-8"), format="text")


def _markdown_tables(markdown: str) -> list[list[list[str]]]:
    """Each GFM table a Markdown parser reads: its rows (header row first), each a list of cell texts."""
    tables: list[list[list[str]]] = []
    for token in MD.parse(markdown):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tables and tables[-1] and token.level > 1:
            tables[-1][-1].append(token.content)
        elif token.type == "table_close":
            tables[-1] = [row for row in tables[-1] if row]
    return tables


def _html_tables(fragment: str) -> list[tuple[list[str], list[list[str]]]]:
    """Each <table> of an HTML fragment: its header cells and its body rows."""
    tree = lxml_html.fragment_fromstring(fragment)
    return [
        (
            [th.text_content() for th in table.xpath("./thead/tr/th")],
            [[td.text_content() for td in tr.xpath("./td")] for tr in table.xpath("./tbody/tr")],
        )
        for table in tree.xpath("//table")
    ]


def test_a_tab_separated_table_in_a_naive_dump_is_a_table_with_its_header() -> None:
    article = _clean("constructed-table-tsv.txt")  # a race report: menu, byline, results table, fees table, footer
    markdown = article.to_markdown()
    tables = _markdown_tables(markdown)
    assert len(tables) == 2
    results, fees = tables
    assert results == [
        ["Place", "Runner", "Club", "Time"],
        ["1", "Tom Okafor", "Valley Harriers", "29:41"],
        ["2", "Maria Lindqvist", "Riverside Running Club", "31:02"],
        ["3", "Daniel Reyes", "Unattached", "31:15"],
    ]
    assert fees[0] == ["Entry", "Until 31 December", "From 1 January"] and len(fees) == 4
    assert len(_tokens(markdown, "thead_open")) == 2 and "| --- | --- | --- | --- |" in markdown
    html_tables = _html_tables(article.to_html())
    assert [head for head, _ in html_tables] == [results[0], fees[0]]
    assert [body for _, body in html_tables] == [results[1:], fees[1:]]
    assert "1 | Tom Okafor | Valley Harriers | 29:41" in article.text
    assert "Skip to content" not in article.text and "Privacy policy" not in article.text


def test_a_bare_pipe_table_in_a_layout_dump_is_a_table_and_its_menus_are_not() -> None:
    article = _clean("constructed-table-pipe.txt")  # a plan comparison with '|' menus, byline and share line
    markdown = article.to_markdown()
    assert _markdown_tables(markdown) == [
        [
            ["Plan", "Price per month", "Storage", "Machines"],
            ["Basic", "€9", "1 TB", "3"],
            ["Team", "€24", "5 TB", "10"],
            ["Office", "€49", "20 TB", "unlimited"],
        ]
    ]
    (head, body), *others = _html_tables(article.to_html())
    assert not others and head == ["Plan", "Price per month", "Storage", "Machines"] and len(body) == 3
    data = [unit for unit in article.to_dict(body=True)["body"] if unit["kind"] == "table"]
    assert len(data) == 1 and data[0]["header"] and len(data[0]["rows"]) == 4
    # the prose line with a '|' stays prose; the menu lines are neither tables nor kept
    assert "four hours | a gap that matters" in article.text
    assert [b.text for b in article.blocks if b.kind is Kind.TABLE] == [
        "Plan | Price per month | Storage | Machines",
        "Basic | €9 | 1 TB | 3",
        "Team | €24 | 5 TB | 10",
        "Office | €49 | 20 TB | unlimited",
    ]
    for menu in ("Home | News | Reviews", "Facebook | X | LinkedIn", "Privacy | Terms"):
        assert menu not in article.text


def test_prose_with_a_pipe_and_a_menu_line_are_not_tables() -> None:
    dump = (
        "Home | News | Sport | Weather\n"
        "Council delays the vote on the harbour plan\n"
        "The council put off its vote on the harbour plan until March, after residents asked for more time to read "
        "the report | a request the mayor said was fair given its length.\n"
        "Councillors will meet again on the fourth of March, and the public gallery will be open to anyone who wants "
        "to follow the debate, the clerk said in a statement on Tuesday evening.\n"
    )
    article = clean_article(dump, format="text")
    assert not [b for b in article.blocks if b.kind is Kind.TABLE]
    assert not _tokens(article.to_markdown(), "table_open")
    assert not lxml_html.fragment_fromstring(article.to_html()).xpath("//table")
    assert "the report | a request the mayor said was fair" in article.text


@pytest.mark.parametrize(
    "lines",
    [
        ["Home | News | Sport"],  # one line is never a table
        ["Storm closes the coast road | The Valley Courier", "Ferries cancelled until Friday | Harbour News"],
        ["Table | Annual demand by product", "Table | Annual demand by market", "Table | Prices by region"],
        ["Best sellers | Shop now", "Best sellers | Shop now", "Best sellers | Shop now"],
        ["Privacy | Terms | Contact", "About us | Careers"],  # a different number of cells
    ],
)
def test_pipe_lines_that_are_no_table_stay_lines(lines: list[str]) -> None:
    blocks = text_to_blocks("\n".join(lines), markdown=False)
    assert blocks and all(b.kind is not Kind.TABLE for b in blocks)


def test_a_table_without_a_header_row_gives_none() -> None:
    rows = ["Oslo\tNorway\tEurope", "Lima\tPeru\tSouth America", "Perth\tAustralia\tOceania"]
    blocks = text_to_blocks("\n".join(rows), markdown=False)
    assert [b.cells for b in blocks] == [tuple(r.split("\t")) for r in rows]
    assert not any(b.structure is not None and b.structure.header for b in blocks)
    assert len(_tokens(clean_article("\n".join(rows), format="text").to_markdown(), "tr_open")) == 3


def test_a_markdown_table_without_outer_pipes_is_a_table() -> None:
    page = (
        "# Tide times\n\nThe harbour office publishes these every week for the moorings on the east quay.\n\n"
        "Day | High water | Low water\n--- | --- | ---\nMonday | 06:12 | 12:30\nTuesday | 06:58 | 13:15\n"
        "Wednesday | 07:41 | 13:59\n\nSailing is suspended when the wind is above force seven in the channel.\n"
    )
    article = clean_article(page, format="markdown")
    assert _markdown_tables(article.to_markdown()) == [
        [
            ["Day", "High water", "Low water"],
            ["Monday", "06:12", "12:30"],
            ["Tuesday", "06:58", "13:15"],
            ["Wednesday", "07:41", "13:59"],
        ]
    ]
    ((header, body),) = _html_tables(article.to_html())
    assert header == ["Day", "High water", "Low water"] and len(body) == 3
    assert "Sailing is suspended" in article.text and "|" not in article.text.split("\n")[-1]
