"""Bad input: a wrong type is a TypeError; empty, binary or non-article input is an empty Article with a reason."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from cleaner import Document, Filter, Pipeline, clean_article
from cleaner.load.source import MARKUP_SHARE, is_page_source

from .conftest import SAMPLES


@pytest.mark.parametrize("source", [None, 42, ["<p>a list</p>"], {"html": "<p>x</p>"}])
def test_wrong_type_raises_a_clear_type_error(source: object) -> None:
    with pytest.raises(TypeError, match="str, bytes or a path"):
        clean_article(source)  # type: ignore[arg-type]


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="format must be one of"):
        clean_article("<p>x</p>", format="pdf")


@pytest.mark.parametrize("source", ["", "   \n\t  ", b"", b"\n\n"])
def test_empty_input_gives_an_empty_article_with_a_reason(source: str | bytes) -> None:
    article = clean_article(source)
    assert article.is_empty and article.text == ""
    assert any("empty" in w for w in article.warnings)


def test_binary_input_gives_an_empty_article_with_a_reason() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20
    article = clean_article(png)
    assert article.is_empty
    assert article.warnings == ["NotAPage: the input is a PNG image, not a web page or text"]
    assert "NotAPage" in clean_article(gzip.compress(b"<p>zipped</p>")).warnings[0]


def test_page_without_an_article_gives_an_empty_article() -> None:
    menu = "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav><footer>© 2025</footer></body></html>"
    article = clean_article(menu)
    assert article.is_empty
    assert article.warnings


def test_a_path_is_read_and_a_missing_one_is_an_os_error(tmp_path: Path) -> None:
    article = clean_article(SAMPLES / "html" / "0368.html")
    assert "Set a goal of at least 150 minutes" in article.text
    with pytest.raises(FileNotFoundError):
        clean_article(tmp_path / "missing.html")


class Exploding(Filter):
    """Test filter that always fails."""

    name = "exploding"

    def apply(self, doc: Document) -> None:
        raise RuntimeError("boom")


def test_a_failing_filter_is_skipped_and_recorded(seed_republished: str) -> None:
    pipeline = Pipeline()
    pipeline.add(Exploding(), first=True)
    article = pipeline.clean(seed_republished)
    assert "filter exploding skipped: RuntimeError: boom" in article.warnings
    # the rest of the pipeline still ran
    assert article.authors == ["Deirdre Tynan"]
    assert "The views expressed" not in article.text


def test_charsets_are_decoded(seed_republished: str) -> None:
    html = "<html><head><meta charset='windows-1252'><title>Caf\u00e9</title></head><body><article>"
    html += "".join(f"<p>{p}</p>" for p in seed_republished.split("\n\n") if len(p) > 200) + "</article></body></html>"
    article = clean_article(html.encode("cp1252", errors="replace"))
    assert "Khalimov" in article.text and article.title == "Café"
    assert "Khalimov" in clean_article(html.encode("utf-16")).text


def test_a_dump_that_is_the_pages_html_source_is_read_as_html() -> None:
    """A naive dump of sample 0209 with its </title> broken ('</tit'): the dumper read the rest of the page as the
    title's text, markup and all. Read as text, its tags would be the article; read as HTML, the article is there."""
    dump = (SAMPLES / "text" / "0209.source.txt").read_text("utf-8")
    assert dump.startswith("Addressing Consumers") and "<div" in dump
    article = clean_article(dump, format="text")
    assert any("HTML source" in w for w in article.warnings)
    assert "Apple had to apologize for letting contractors listen to Siri recordings." in article.text
    assert "<div" not in article.text and "Play in new window" not in article.text


def test_a_dump_quoting_some_markup_stays_text() -> None:
    """Text where tags take a quarter of the characters (a tutorial's snippets; MARKUP_SHARE is 0.3) stays text, and so
    does Markdown, however much HTML it holds (a README's table of contributors)."""
    snippet = '<div class="box">\n<div>One</div>\n<div>Two</div>\n</div>\n'
    prose = (
        "Flexbox lays out the items of a container in one direction, and the items grow to fill it. It wraps them.\n"
    )
    dump = "How flexbox works\n" + (prose + snippet) * 12
    assert 0.2 < sum(len(t) for t in re.findall(r"<[^<>]*>", dump)) / len(dump) < MARKUP_SHARE
    article = clean_article(dump, format="text")
    assert not any("HTML source" in w for w in article.warnings)
    assert "Flexbox lays out the items" in article.text
    cells = "".join(
        f'<td align="center"><a href="https://example.org/u{i}"><sub><b>User {i}</b></sub></a></td>' for i in range(12)
    )
    readme = (
        "# widget\n\nA small library that parses widget files and writes them back, keeping every comment and the"
        " order of the keys as they were.\n\n## Install\n\nRun `pip install widget` and import it.\n\n"
        f"## Contributors\n\n<table><tr>{cells}</tr></table>\n"
    )
    assert is_page_source(readme)  # as plain text it would read as a page's source
    markdown = clean_article(readme, format="markdown")
    assert not any("HTML source" in w for w in markdown.warnings)
    assert "keeping every comment and the order of the keys" in markdown.text
