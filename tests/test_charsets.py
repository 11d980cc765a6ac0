"""Charsets: BOMs, UTF-16, declared and undeclared, wrong declarations, cp1252, Shift-JIS, GB18030, mixed bytes and
mojibake (repaired with ftfy)."""

from __future__ import annotations

import codecs

import pytest

from cleaner import clean_article
from cleaner.load.source import decode, read_source

FRENCH = "Le café de la place a rouvert ses portes. « C’est une très bonne nouvelle », dit l’élu — enfin !"
LATIN9 = "Le café de l'élu coûte 3 € ; une œuvre très chère, enfin !"
JAPANESE = "東京都は新しい図書館を来年の春に開館すると発表した。子どもたちのための読書室も設けられる。"
CHINESE = "市议会周二批准了新的预算，图书馆将于明年春天重新开放，并为儿童设立新的阅览室。"


def page(body: str, meta: str = "") -> str:
    paragraphs = "".join(f"<p>{body} {i}</p>" for i in range(8))
    return f"<html><head>{meta}<title>T</title></head><body><article>{paragraphs}</article></body></html>"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_a_bom_decides(encoding: str, bom: bytes) -> None:
    html = page(FRENCH, '<meta charset="windows-1252">')  # a BOM beats a (wrong) declaration
    assert decode(bom + html.encode(encoding)) == html
    assert FRENCH in clean_article(bom + html.encode(encoding)).text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised(encoding: str) -> None:
    html = page(FRENCH)
    assert decode(html.encode(encoding)) == html


def test_a_utf16_declaration_on_ascii_compatible_bytes_is_ignored() -> None:
    html = page(FRENCH, '<meta charset="utf-16">')
    assert decode(html.encode("utf-8")) == html


@pytest.mark.parametrize("declared", ["windows-1252", "iso-8859-1", "latin1", "us-ascii", None])
def test_cp1252_declared_as_latin_1_or_not_at_all(declared: str | None) -> None:
    html = page(FRENCH, f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">' if declared else "")
    assert FRENCH in decode(html.encode("cp1252"))


def test_valid_utf8_beats_a_wrong_legacy_declaration() -> None:
    html = page(FRENCH, '<meta charset="iso-8859-1">')
    assert decode(html.encode("utf-8")) == html


def test_declared_utf8_with_cp1252_bytes_reads_those_bytes_as_cp1252() -> None:
    html = page(FRENCH, '<meta charset="utf-8">')
    assert FRENCH in decode(html.encode("cp1252"))


def test_utf8_with_stray_cp1252_bytes_keeps_both() -> None:
    raw = page(FRENCH).encode("utf-8").replace(b"bonne", b"\x93bonne\x94")
    text = decode(raw)
    assert "café" in text and "\u201cbonne\u201d" in text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(JAPANESE, "shift_jis"), (JAPANESE, "euc-jp"), (CHINESE, "gb18030"), (CHINESE, "gbk"), (LATIN9, "iso-8859-15")],
)
def test_declared_legacy_charsets(text: str, encoding: str) -> None:
    html = page(text, f'<meta charset="{encoding}">')
    assert decode(html.encode(encoding)) == html
    assert text in clean_article(html.encode(encoding)).text


@pytest.mark.parametrize(("text", "encoding"), [(JAPANESE, "shift_jis"), (CHINESE, "gb18030")])
def test_undeclared_legacy_charsets_are_detected(text: str, encoding: str) -> None:
    html = page(text)
    assert text in decode(html.encode(encoding))


def test_an_xml_declaration_names_the_charset() -> None:
    html = '<?xml version="1.0" encoding="Shift_JIS"?>' + page(JAPANESE)
    assert JAPANESE in decode(html.encode("shift_jis"))


def test_mojibake_is_repaired_in_bytes_and_in_str() -> None:
    baked = FRENCH.encode("utf-8").decode("cp1252")  # "Le cafÃ© ... Câ€™est ..."
    assert "Ã©" in baked
    for source in (page(baked).encode("utf-8"), page(baked)):
        text, _ = read_source(source)
        assert FRENCH in text
    assert FRENCH in clean_article(page(baked)).text


def test_text_that_merely_contains_the_telltale_letters_is_left_alone() -> None:
    text = "Ã is a letter in Portuguese names like ÃNGELA; Â too, as in Âmbar; and â€ makes no sense here."
    assert read_source(text)[0] == text


def test_c1_controls_and_nul_bytes_are_cleaned() -> None:
    text, _ = read_source(page("a\x00b \x93quoted\x94 \x7f").encode("utf-8", "surrogatepass"))
    assert "ab" in text and "\x00" not in text and "\x7f" not in text


def test_lone_surrogates_in_a_str_become_replacement_characters() -> None:
    text, _ = read_source("<p>a\ud800b</p>")
    assert text == "<p>a\ufffdb</p>"
    article = clean_article("plain text with a lone \udc80 surrogate, in a line of its own.", format="text")
    article.text.encode("utf-8")  # writable as UTF-8


def test_control_characters_and_references_to_them_break_no_step() -> None:
    """lxml refuses to set text holding C0 controls or U+FFFE/U+FFFF, so a page holding them (raw, or as "&#28;")
    made every filter that drops an element, and trafilatura's metadata reader, fail (found by fuzzing)."""
    for junk in ("\x0c", "\x1c", "\ufffe", "&#28;", "&#12;", "&#xFFFE;", "&#x1f;", "&#0;"):
        html = page(f"a<span class='icon'>x</span>b{junk}c {FRENCH}", f"<meta name='description' content='d{junk}e'>")
        article = clean_article(html)
        assert FRENCH in article.text
        assert not [w for w in article.warnings if "skipped" in w or "failed" in w], (junk, article.warnings)
