"""Title, authors and date read from text dumps (`cleaner.text.metadata`), on whole dumps in samples/text and on the
byline and date lines of each kind in English, German, French and Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean_article
from cleaner.text import text_to_blocks
from cleaner.text.metadata import byline_names, dated_line, dump_metadata

TEXT = Path(__file__).resolve().parents[1] / "samples" / "text"

# (file, url, title, authors, date): real wcxb-dev dumps (naive or layout, as bench.py makes them) and constructed ones
DUMPS = [
    # a date line, then a bare 'by' over the name line
    (
        "0092.naive.txt",
        None,
        "The Adult's Guide to Starting Music Lessons: It's Never Too Late!",
        ["Autumn Huerter"],
        "2023-10-11",
    ),
    # 'by' / name / '| August 24, 2023': a date line led by a separator
    (
        "0254.naive.txt",
        None,
        "Video Post-Production Review and Approval Process",
        ["Jim Donnelly"],
        "2023-08-24",
    ),
    # 'By Korin Miller Published: Jan 29, 2025' on one line, the headline unlike the <title>
    ("0004.layout.txt", None, None, ["Korin Miller"], "2025-01-29"),
    # 'Written by Philip Stefanov' on one line
    ("0033.layout.txt", None, "9 Fitness Trends to Keep An Eye On In 2025 And Beyond", ["Philip Stefanov"], None),
    # a name line above the date line, no byline phrase
    ("0433.layout.txt", None, "Introducing the Spice Cayenne Data Accelerator", ["Luke Kim"], "2025-12-17"),
    # 'Posted by … on <date>'
    ("constructed-en.txt", None, "City council approves new park budget", ["Jo Roe"], "2015-06-04"),
    # a bare 'Von' over the name, 'Veröffentlicht am 3. Mai 2024'
    (
        "constructed-de.txt",
        None,
        "Neue Radwege für die Innenstadt: Was sich ab Sommer ändert",
        ["Jana Muster"],
        "2024-05-03",
    ),
    # 'Par Jean Dupont', 'Publié le 14 juin 2015'
    (
        "constructed-fr.txt",
        None,
        "Les bibliothèques de quartier prolongent leurs horaires",
        ["Jean Dupont"],
        "2015-06-14",
    ),
    # a name line above 'Actualizado el 3 de mayo de 2024'
    ("constructed-es.txt", None, "El mercado central reabre tras su reforma", ["María García"], "2024-05-03"),
]


@pytest.mark.parametrize(("name", "url", "title", "authors", "date"), DUMPS, ids=[d[0] for d in DUMPS])
def test_dump_metadata(name: str, url: str | None, title: str | None, authors: list[str], date: str | None) -> None:
    article = clean_article((TEXT / name).read_text("utf-8"), url=url, format="text")
    if title is not None:
        assert article.title == title
    assert article.authors == authors
    if date is not None:
        assert article.date == date


def test_byline_and_date_lines_leave_the_body() -> None:
    article = clean_article((TEXT / "constructed-de.txt").read_text("utf-8"), format="text")
    assert article.text.startswith("Die Stadt baut")
    assert "Jana Muster" not in article.text and "Veröffentlicht" not in article.text


def test_title_is_the_headline_line_not_the_section_part() -> None:
    # '<title>' is 'Headline | Site' and the section name ('Lokales') is a line of its own above the headline
    blocks = text_to_blocks((TEXT / "constructed-de.txt").read_text("utf-8"), markdown=False)
    found = dump_metadata(blocks)
    assert found.headline == 10 and found.title == "Neue Radwege für die Innenstadt: Was sich ab Sommer ändert"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("June 14, 2015", "2015-06-14"),
        ("Updated 10:15 GMT, 3 March 2024", "2024-03-03"),
        (". Last Updated on December 11, 2025", "2025-12-11"),
        ("Published: Jan 29, 2025", "2025-01-29"),
        ("3. Mai 2024", "2024-05-03"),
        ("Veröffentlicht am 14.06.2015", "2015-06-14"),
        ("Aktualisiert: 3. Mai 2024, 10:15 Uhr", "2024-05-03"),
        ("14 juin 2015", "2015-06-14"),
        ("Mis à jour le 1er juin 2015", "2015-06-01"),
        ("Publié le 14/06/2015", "2015-06-14"),
        ("3 de mayo de 2024", "2024-05-03"),
        ("Publicado el 3 de mayo de 2024", "2024-05-03"),
        ("Última actualización: 14 de junio de 2015", "2015-06-14"),
        ("2 days ago", None),
        ("vor 2 Tagen", None),
        ("Updated on the third day of the festival in June 2015 with new photos", None),
    ],
)
def test_dated_line(line: str, date: str | None) -> None:
    assert dated_line(line) == date


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("Written by Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Posted by Jo Roe on May 3, 2024", ["Jo Roe"]),
        ("By Korin Miller Published: Jan 29, 2025", ["Korin Miller"]),
        ("May 3, 2024 · By Jane Doe · 4 min read", ["Jane Doe"]),
        ("Von Jana Muster | 3. Mai 2024", ["Jana Muster"]),
        ("Geschrieben von Jana Muster", ["Jana Muster"]),
        ("Par Jean Dupont, publié le 14 juin 2015", ["Jean Dupont"]),
        ("Écrit par Jean Dupont", ["Jean Dupont"]),
        ("Por María García el 3 de mayo de 2024", ["María García"]),
        ("Escrito por Ana de la Vega", ["Ana de la Vega"]),
        ("by continuing to use this site you agree", []),
        ("Shop by Brand", []),
    ],
)
def test_byline_names(line: str, names: list[str]) -> None:
    assert byline_names(line) == names
