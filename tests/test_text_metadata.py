"""Title, authors and date read from text dumps (`cleaner.text.metadata`), on whole dumps in samples/text and on the
byline and date lines of each kind in English, German, French and Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean_article
from cleaner.text import text_to_blocks
from cleaner.text.metadata import (
    _author_box,
    _dated_byline,
    _long_byline,
    _thread_starter,
    byline_names,
    dated_line,
    dump_metadata,
)

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
    (
        "0004.layout.txt",
        None,
        "The 7 Biggest Diet and Nutrition Trends in 2025, According to Nutritionists",
        ["Korin Miller"],
        "2025-01-29",
    ),
    # 'Written by Philip Stefanov' on one line, under the headline the <title> rewords
    ("0033.layout.txt", None, "Fitness Trends 2025: 9 Things to Keep an Eye On", ["Philip Stefanov"], None),
    # a name line above the date line, no byline phrase
    (
        "0433.layout.txt",
        None,
        "Introducing Spice Cayenne: The Next-Generation Data Accelerator Built on Vortex for Performance and Scale",
        ["Luke Kim"],
        "2025-12-17",
    ),
    # the <title> rewords the headline, which sits over its byline and date line under a breadcrumb
    (
        "constructed-reworded-en.txt",
        None,
        "Seven Cheap Ways to Keep a Small Flat Warm This Winter",
        ["Sam Lee"],
        "2024-11-03",
    ),
    # a layout dump: the reworded headline over 'Name • Updated on <date> • 6 min read', one line for both
    (
        "constructed-layout-en.txt",
        None,
        "Why Night Trains Are Making a Comeback Across Europe",
        ["Priya Nair"],
        "2025-03-12",
    ),
    # a layout dump's long byline line: 'Von … – Aktualisiert am 3. Mai 2024, 10:15 Uhr | Faktencheck: … | …'
    ("constructed-layout-de.txt", None, "Stadtwerke senken Strompreis zum Sommer", ["Jana Muster"], "2024-05-03"),
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
    # a forum thread: 'Thread starter' twice (screen-reader copy), then the user name, in a naive dump
    ("0514.naive.txt", None, "You and your real life friends gotta go fight Giygas", ["TissueBox"], "2025-03-27"),
    # the same label, and 'Thread starter lulug30' beside it on one line, in a layout dump
    ("0524.layout.txt", None, "Early ALS symptoms?", ["lulug30"], "2024-04-12"),
    # a name with credentials after a comma above 'Published Jun 4, 2025'
    ("0003.naive.txt", None, "5 Trends from Nutrition 2025", ["Dylan Bailey"], "2025-06-04"),
    # the name line over its bio ('Ridvika Arora is a content writer at …')
    ("0336.naive.txt", None, None, ["Ridvika Arora"], None),
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
        ("14 maggio 2015", "2015-05-14"),
        ("Pubblicato il 3 dicembre 2024", "2024-12-03"),
        ("Publicado em 2 de março de 2021", "2021-03-02"),
        ("Atualizado em 1 de outubro de 2023", "2023-10-01"),
        ("Gepubliceerd op 14 mei 2015", "2015-05-14"),
        ("Laatst bijgewerkt: 3 augustus 2024", "2024-08-03"),
        ("14 июня 2015", "2015-06-14"),
        ("Опубликовано: 3 марта 2024, 10:15", "2024-03-03"),
        ("Opublikowano: 14 czerwca 2015", "2015-06-14"),
        ("14 października 2015", "2015-10-14"),
        ("Yayın tarihi: 3 Mart 2024", "2024-03-03"),
        ("2 days ago", None),
        ("3 ore fa", None),
        ("2 uur geleden", None),
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
        ("By Richard Roe Updated Sep 5, 2024", ["Richard Roe"]),
        ("Written by: Jane Doe", ["Jane Doe"]),
        ("Geschrieben von: Jana Muster", ["Jana Muster"]),
        ("Écrit par : Jean Dupont", ["Jean Dupont"]),
        ("Escrito por: María García", ["María García"]),
        ("by continuing to use this site you agree", []),
        ("Shop by Brand", []),
    ],
)
def test_byline_names(line: str, names: list[str]) -> None:
    assert byline_names(line) == names


def test_author_box_is_a_name_over_its_bio() -> None:
    blocks = text_to_blocks((TEXT / "0336.naive.txt").read_text("utf-8"), markdown=False)
    assert _author_box(blocks) == ["Ridvika Arora"]
    # a topic over its definition is no author box; nor is a name over a line that does not describe a role
    topic = "Data Science\n\nData Science is a field that combines statistics, computing and domain knowledge.\n"
    assert _author_box(text_to_blocks(topic, markdown=False)) == []
    bio = "Ana de la Vega\n\nAna de la Vega es una periodista del diario local.\n"
    assert _author_box(text_to_blocks(bio, markdown=False)) == ["Ana de la Vega"]


@pytest.mark.parametrize(
    ("dump", "names"),
    [
        ("Thread starter\n\nbeijingwalker\n\nStart date\n\nYesterday at 4:25 AM\n", ["beijingwalker"]),
        ("Discussion in 'Hosting Advice' started by\n\npelex\n\n,\n\nMay 26, 2025\n", ["pelex"]),
        ("Themenstarter\n\nTheoMüller\n\nErstellt am\n\n3. Mai 2024\n", ["TheoMüller"]),
        ("Auteur de la discussion\n\nmarcel_75\n\nDate de début\n", ["marcel_75"]),
        ("Iniciador del tema\n\nPepe Ruiz\n\nFecha de inicio\n", ["Pepe Ruiz"]),
        ("Thread starter\n\nJoin Date:\n\nMay 2019\n", []),
    ],
)
def test_thread_starter(dump: str, names: list[str]) -> None:
    assert _thread_starter(text_to_blocks(dump, markdown=False), set()) == names


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Jo Roe June 4, 2015", (["Jo Roe"], "2015-06-04")),
        ("Dec 17, 2025 Julia K. Arnold", (["Julia K. Arnold"], "2025-12-17")),
        ("Priya Nair • Updated on March 12, 2025 • 6 min read", (["Priya Nair"], "2025-03-12")),
        ("Matt Elm on Dec. 13, 2025", (["Matt Elm"], "2025-12-13")),
        ("May 3, 2017 By Erin Spring 4 Comments", (["Erin Spring"], "2017-05-03")),
        ("Jana Muster 3. Mai 2024", (["Jana Muster"], "2024-05-03")),
        ("14 juin 2015 par Jean Dupont", (["Jean Dupont"], "2015-06-14")),
        ("María García · 3 de mayo de 2024", (["María García"], "2024-05-03")),
        ("Travel September 8, 2021", None),  # a section, not a name
        ("Almost Daily News: Using AI for Analytics (2025-09-21)", None),  # a title with its date
    ],
)
def test_dated_byline(line: str, found: tuple[list[str], str] | None) -> None:
    assert _dated_byline(line) == found


@pytest.mark.parametrize(
    ("line", "names"),
    [
        (
            "By Jo Roe – Updated Sep 9, 2025 at 1:00 PM EST | Fact-checked by Ann Lee | Share this story with friends",
            ["Jo Roe"],
        ),
        (
            "by Dan Gill | Mar 11, 2023 | All About Brakes and Brake Repair, Learn About Brakes | 0 comments",
            ["Dan Gill"],
        ),
        ("By Christmas Eve the town square fills with stalls selling mulled wine, roasted chestnuts and toys", []),
    ],
)
def test_long_byline(line: str, names: list[str]) -> None:
    assert _long_byline(line) == names
