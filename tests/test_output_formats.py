"""The body as a document (issue 28), on real pages from samples/: the Markdown read back by a real Markdown parser
(markdown-it-py: tables and their rows, fences and their lines, list depth, link and image targets), the HTML by
lxml (only the allowed tags and attributes, nothing executable), and a round trip per sample."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import numpy as np
import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from markdown_it.token import Token

from cleaner import Article, Pipeline, clean_article
from cleaner.blocks import Kind
from cleaner.extract.classify import candidates
from cleaner.extract.units import whole_units
from cleaner.shared.units import judge_units
from cleaner.shared.urls import safe_url

from .conftest import SAMPLES

MD = MarkdownIt("commonmark").enable("table")
ALLOWED_TAGS = {
    "article", "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th",
    "td", "pre", "code", "blockquote", "figure", "img", "figcaption", "a", "em", "strong",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}, "code": {"class"}}
PAGES = sorted(p.stem for p in (SAMPLES / "html").glob("*.html"))


def _clean(page: str) -> Article:
    spec = SAMPLES / "expected" / f"{page}.json"
    url = json.loads(spec.read_text("utf-8"))["url"] if spec.exists() else None
    return clean_article(SAMPLES / "html" / f"{page}.html", url=url)


def _tokens(markdown: str, kind: str) -> list[Token]:
    return [t for t in MD.parse(markdown) if t.type == kind]


def _inline_children(markdown: str) -> list[Token]:
    return [c for t in MD.parse(markdown) if t.type == "inline" for c in t.children or ()]


def _safe(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "mailto" or (parts.scheme in ("http", "https") and bool(parts.netloc))


def test_code_blocks_keep_every_line_in_fences() -> None:
    article = _clean("2862")  # the Go tour: code examples between paragraphs
    code = [b for b in article.blocks if b.kind is Kind.CODE]
    fences = _tokens(article.to_markdown(), "fence")
    assert len(code) >= 5 and len(fences) == len(code)
    assert [f.content.rstrip("\n") for f in fences] == [b.text for b in code]
    assert sum(f.content.count("\n") > 1 for f in fences) >= 5  # multi-line programs stay multi-line
    assert any(line.startswith(("\t", "    ")) for b in code for line in b.text.splitlines())  # indentation kept
    pre = lxml_html.fragment_fromstring(article.to_html()).xpath("//pre/code")
    assert [p.text for p in pre] == [b.text for b in code]


def test_a_data_table_is_a_pipe_table_with_all_its_rows() -> None:
    article = _clean("0608")  # a product page with a specification table
    rows = [b for b in article.blocks if b.kind is Kind.TABLE]
    markdown = article.to_markdown()
    assert len(_tokens(markdown, "table_open")) == 1
    assert len(_tokens(markdown, "tr_open")) == len(rows) >= 10
    cells = [c.content for c in _inline_children(markdown) if c.type == "text"]
    assert rows[1].cells[0] in cells
    table = lxml_html.fragment_fromstring(article.to_html()).xpath("//table")
    assert len(table) == 1 and len(table[0].xpath(".//tr")) == len(rows)
    assert [td.text_content() for td in table[0].xpath(".//tr[2]/*")] == list(rows[1].cells)


def test_a_header_row_is_known_and_drawn_as_the_header() -> None:
    article = _clean("4332")
    header = [b for b in article.blocks if b.structure is not None and b.structure.header]
    assert header
    fragment = lxml_html.fragment_fromstring(article.to_html())
    assert [th.text_content() for th in fragment.xpath("//thead/tr[1]/th")] == list(header[0].cells)


def test_nested_lists_stay_nested() -> None:
    article = _clean("0573")  # a guide whose lists hold lists
    depth, deepest = 0, 0
    for token in MD.parse(article.to_markdown()):
        depth += (
            token.nesting
            if token.type in ("bullet_list_open", "bullet_list_close", "ordered_list_open", "ordered_list_close")
            else 0
        )
        deepest = max(deepest, depth)
    assert deepest == max(b.level for b in article.blocks if b.kind is Kind.LIST_ITEM) >= 2
    fragment = lxml_html.fragment_fromstring(article.to_html())
    assert fragment.xpath("//li/ul/li | //li/ol/li")


def test_links_only_on_request_and_only_absolute() -> None:
    article = _clean("0573")
    assert not _tokens(article.to_markdown(), "link_open")  # off by default
    hrefs = [c.attrs["href"] for c in _inline_children(article.to_markdown(links=True)) if c.type == "link_open"]
    linked = {s.href for b in article.blocks for s in b.spans if s.href}
    assert len(hrefs) >= 10 and set(hrefs) == linked and all(_safe(str(h)) for h in hrefs)
    anchors = lxml_html.fragment_fromstring(article.to_html(links=True)).xpath("//a/@href")
    assert set(anchors) == linked


def test_images_on_request_with_absolute_sources() -> None:
    article = _clean("0522")  # a forum thread with photos
    assert not [c for c in _inline_children(article.to_markdown()) if c.type == "image"]
    images = [c for c in _inline_children(article.to_markdown(images=True)) if c.type == "image"]
    assert images and all(_safe(str(i.attrs["src"])) for i in images)
    srcs = lxml_html.fragment_fromstring(article.to_html(images=True)).xpath("//figure/img/@src")
    assert srcs == [i.attrs["src"] for i in images]


FIGURE_PAGE = (
    "<html><head><title>Storm floods the harbour | The Valley Courier</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Storm floods the harbour</h1>"
    "<p>The storm reached the coast on Tuesday night, flooding the harbour and cutting power to thousands of homes "
    "along the shore, officials said.</p>"
    "<figure><img src='/img/harbour.jpg' alt='The flooded harbour'>"
    "<figcaption>Boats sit on the quay after the storm surge. Photo: Jane Doe/AP</figcaption></figure>"
    "<p>Crews worked through the night to clear the roads, and most of the town had its power back by the "
    "afternoon, the utility said in a statement.</p><p>Schools stayed closed on Wednesday, and the mayor asked "
    "residents to keep off the roads near the water until the tide went down.</p></article>"
    "<footer>© The Valley Courier</footer></body></html>"
)
CAPTION = "Boats sit on the quay after the storm surge. Photo: Jane Doe/AP"


def test_a_kept_figure_shows_its_caption_with_images_and_only_there() -> None:
    article = clean_article(FIGURE_PAGE, url="https://courier.example.org/storm")
    assert CAPTION not in article.text and article.metadata.captions == [CAPTION]  # the captions filter's work
    assert CAPTION not in article.to_markdown() and CAPTION not in article.to_html()
    images = [c for c in _inline_children(article.to_markdown(images=True)) if c.type == "image"]
    assert [(i.attrs["src"], i.attrs["title"], i.content) for i in images] == [
        ("https://courier.example.org/img/harbour.jpg", CAPTION, "The flooded harbour")
    ]
    shown = [text for text in _blocks_of(article.to_markdown(images=True)) if text]  # the image line reads as ""
    assert shown == _blocks_of(article.to_markdown())  # the caption adds no body text
    figure = lxml_html.fragment_fromstring(article.to_html(images=True)).xpath("//figure")
    assert len(figure) == 1 and figure[0].xpath("./img/@src") == ["https://courier.example.org/img/harbour.jpg"]
    assert figure[0].xpath("./figcaption/text()") == [CAPTION]
    (unit,) = [u for u in article.to_dict(body=True, images=True)["body"] if "images" in u]
    assert unit["images"][0]["caption"] == CAPTION


def test_without_the_captions_filter_the_caption_is_body_text_shown_once() -> None:
    pipeline = Pipeline()
    pipeline.remove("captions")
    article = pipeline.clean(FIGURE_PAGE, url="https://courier.example.org/storm")
    assert CAPTION in article.text
    markdown = article.to_markdown(images=True)
    assert markdown.count("Photo: Jane Doe/AP") == 1
    assert [c.attrs.get("title") for c in _inline_children(markdown) if c.type == "image"] == [None]
    figure = lxml_html.fragment_fromstring(article.to_html(images=True)).xpath("//figure")
    assert [f.xpath("./figcaption/text()") for f in figure] == [[CAPTION]]


def test_a_real_page_figure_keeps_its_caption() -> None:
    article = _clean("0174")  # a partner logo in a <figure> with "This story also appeared in Mind/Shift"
    caption = "This story also appeared in Mind/Shift"
    assert caption in article.metadata.captions and caption not in article.text
    titles = [c.attrs.get("title") for c in _inline_children(article.to_markdown(images=True)) if c.type == "image"]
    assert titles == [caption]
    fragment = lxml_html.fragment_fromstring(article.to_html(images=True))
    assert fragment.xpath("//figure/figcaption/text()") == [caption]
    # the page's header photo credit sits in a <figure> around the whole header: it is put on no image
    assert "Eric Thayer" not in article.to_html(images=True)


def test_markdown_input_reads_an_image_title_as_its_caption() -> None:
    article = clean_article(FIGURE_PAGE, url="https://courier.example.org/storm")
    again = clean_article(article.to_markdown(images=True), format="markdown")
    assert [i.caption for b in again.blocks if b.structure is not None for i in b.structure.images] == [CAPTION]


@pytest.mark.parametrize("page", PAGES)
def test_the_html_holds_only_allowed_tags_and_safe_urls(page: str) -> None:
    fragment = lxml_html.fragment_fromstring(_clean(page).to_html(links=True, images=True))
    for element in fragment.iter():
        assert element.tag in ALLOWED_TAGS, element.tag
        assert set(element.attrib) <= ALLOWED_ATTRIBUTES.get(element.tag, set()), (element.tag, element.attrib)
        for name in ("href", "src"):
            if name in element.attrib:
                assert _safe(element.attrib[name]), element.attrib[name]


def test_page_markup_never_becomes_markup() -> None:
    page = (
        b"<html><body><article><h1>Title</h1><p>A long enough paragraph about things, with "
        b"<a href='javascript:alert(1)' onclick='x()'>a bad link</a>, <a href=' java\tscript:alert(2)'>another</a>, "
        b"<a href='//evil.example/x'>a relative one</a> and text that says &lt;script&gt;alert(3)&lt;/script&gt; "
        b"[x](javascript:alert(4)) to be kept.</p><p><img src='javascript:alert(5)' onerror='y()'>"
        b"<img src='data:image/png;base64,AAAA'> More words here so that the paragraph is kept as content.</p>"
        b"<pre class='language-\"><script>'><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;1&lt;/script&gt;</code></pre>"
        b"</article></body></html>"
    )
    article = clean_article(page, url="https://example.org/a/b")
    rendered = article.to_html(links=True, images=True, document=True)
    document = lxml_html.document_fromstring(rendered)
    assert not document.xpath("//script | //style | //@*[starts-with(name(), 'on')]")
    assert all(_safe(u) for u in document.xpath("//@href | //@src"))
    assert "https://evil.example/x" in document.xpath("//a/@href")
    markdown = article.to_markdown(links=True, images=True)
    assert "javascript" not in "".join(str(c.attrs) for c in _inline_children(markdown))
    assert "<script>" not in MD.render(markdown)


@pytest.mark.parametrize("page", PAGES)
def test_markdown_round_trip_gives_the_same_text_blocks(page: str) -> None:
    article = _clean(page)
    expected = [_row(list(b.cells)) if b.cells else b.text for b in article.blocks]
    assert _blocks_of(article.to_markdown())[1 if article.title else 0 :] == expected


def _blocks_of(markdown: str) -> list[str]:
    """The text blocks a Markdown parser reads: each heading, paragraph, table row and code fence."""
    out: list[str] = []
    row: list[str] | None = None
    for token in MD.parse(markdown):
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            out.append(_row(row))
            row = None
        elif token.type == "fence":
            out.append(token.content.rstrip("\n"))
        elif token.type == "inline":
            text = "".join(c.content for c in token.children or () if c.type in ("text", "code_inline", "softbreak"))
            if row is not None:
                row.append(text)
            else:
                out.append(text)
    return out


def _row(cells: list[str]) -> str:
    """A table row's text, its trailing empty cells (the padding of a ragged table) left out."""
    while cells and not cells[-1]:
        cells.pop()
    return " | ".join(cells)


def _markdown_input(page: str) -> tuple[Article, Article]:
    """A sample's Markdown (links and images on), and what cleaning it again as a Markdown dump gives."""
    article = _clean(page)
    return article, clean_article(article.to_markdown(links=True, images=True), format="markdown")


def test_markdown_input_keeps_its_fences_with_their_language_and_lines() -> None:
    article, again = _markdown_input("2862")
    before = {b.text for b in article.blocks if b.kind is Kind.CODE}
    fences = _tokens(again.to_markdown(), "fence")
    assert len(fences) >= len(before) - 1 >= 5
    assert {f.content.rstrip("\n") for f in fences} <= before
    typed = clean_article("Some words before the code, to make a paragraph.\n\n```go\nfunc main() {\n\tx()\n}\n```\n")
    assert [(f.info, f.content) for f in _tokens(typed.to_markdown(), "fence")] == [("go", "func main() {\n\tx()\n}\n")]


def test_markdown_input_keeps_its_links_and_nested_lists() -> None:
    article, again = _markdown_input("0573")
    hrefs = {str(c.attrs["href"]) for c in _inline_children(again.to_markdown(links=True)) if c.type == "link_open"}
    assert len(hrefs) >= 10 and hrefs <= {s.href for b in article.blocks for s in b.spans if s.href}
    assert max(b.level for b in again.blocks if b.kind is Kind.LIST_ITEM) >= 2


def test_markdown_input_keeps_a_table_with_its_header_row() -> None:
    article, again = _markdown_input("4332")
    rows = [b for b in again.blocks if b.cells]
    assert rows and rows[0].structure is not None and rows[0].structure.header
    markdown = again.to_markdown()
    assert len(_tokens(markdown, "tr_open")) == len(rows) and _tokens(markdown, "thead_open")


def test_a_table_with_a_header_row_is_kept_whole() -> None:
    # the page of the issue: its "ISO 8601" row, a date, was dropped alone (taken for a date line)
    page = (
        "<html><body><article><h1>Dates</h1><p>Use the table below to pick a format for your dates: every row is "
        "one of the formats the parser reads, with an example.</p><table><thead><tr><th>Format</th><th>Example</th>"
        "</tr></thead><tbody><tr><td>ISO 8601</td><td>2024-05-03</td></tr><tr><td>RFC 2822</td>"
        "<td>Fri, 03 May 2024</td></tr></tbody></table><p>Both are read in any language the parser knows, and the "
        "time zone is kept when the text gives one.</p></article></body></html>"
    )
    markdown = clean_article(page).to_markdown()
    assert len(_tokens(markdown, "tr_open")) == 3 and len(_tokens(markdown, "th_open")) == 2
    assert "2024-05-03" in markdown


def test_a_header_table_between_kept_blocks_is_kept_even_when_the_model_kept_none_of_its_cells() -> None:
    # wcxb-dev 0243's shape: an article's data table of dates and percentages, every cell scored low on its own
    rows = "".join(f"<tr><td>{m}/1/2013</td><td>+{m}.1%</td></tr>" for m in range(1, 13))
    page = (
        "<html><body><article><p>Home sale prices are rising again, even as high mortgage rates continue to "
        "challenge affordability across the country this year.</p><table><thead><tr><th>Date</th><th>Change</th>"
        f"</tr></thead><tbody>{rows}</tbody></table><p>Similar to home prices, the trajectory of home sales has been "
        "a roller coaster in recent years, with a steep fall after the pandemic.</p></article></body></html>"
    )
    doc = Pipeline().prepare(page)
    assert doc is not None
    cands, _ = candidates(doc)
    cells = [i for i, c in enumerate(cands) if c.tag in ("td", "th")]
    keep = np.array([c.tag == "p" for c in cands])  # the paragraphs kept, no cell
    assert len(cells) == 26 and whole_units(cands, keep)[cells].all()
    keep[-1] = False  # the article ends at the table: the table goes with its cells
    assert not whole_units(cands, keep)[cells].any()


def test_a_unit_mostly_dropped_and_outside_the_article_is_dropped_whole() -> None:
    # blocks: paragraph, 4 cells of a header table (one short cell kept), a dropped footer line
    words = [30, 2, 2, 6, 6, 5]
    keep = [True, True, False, False, False, False]
    assert judge_units([[1, 2, 3, 4]], words, keep) == [True, False, False, False, False, False]
    # the same table with the article going on below it is inside the article: kept whole
    assert judge_units([[1, 2, 3, 4]], words, [*keep[:5], True]) == [True] * 6
    # most of its words kept: kept whole even at the page's end
    assert judge_units([[1, 2, 3, 4]], words, [True, True, True, True, False, False]) == [True] * 5 + [False]


def test_code_inside_the_article_is_kept() -> None:
    article = _clean("2862")
    source = lxml_html.document_fromstring((SAMPLES / "html" / "2862.html").read_bytes())
    programs = [p for p in source.iter("pre") if p.text_content().strip()]
    assert len([b for b in article.blocks if b.kind is Kind.CODE]) == len(programs)


def test_to_text_is_the_text_with_code_lines_kept() -> None:
    article = _clean("2862")
    assert article.to_text() == article.text
    code = next(b.text for b in article.blocks if b.kind is Kind.CODE and "\n" in b.text)
    assert code in article.to_text()


@pytest.mark.parametrize(
    ("href", "base", "url"),
    [
        ("https://a.org/x?y=1#z", None, "https://a.org/x?y=1#z"),
        ("/p/q", "https://ex.org:8080/a/b", "https://ex.org:8080/p/q"),
        ("/p", "https://user@ex.org/a", "https://user@ex.org/p"),
        ("rel/x", "https://ex.org/a/b", "https://ex.org/a/rel/x"),
        ("/p q", "https://ex.org/a", "https://ex.org/p%20q"),
        ("https://a.org/(x)", None, "https://a.org/%28x%29"),
        ("//other.org/x", "https://ex.org/", "https://other.org/x"),
        ("mailto:a@b.org", None, "mailto:a@b.org"),
        (" java\tscript:alert(1)", "https://ex.org/", None),
        ("data:text/html,<script>", "https://ex.org/", None),
        ("rel/x", None, None),
        ("http:///x", None, None),
        ("https://x.org/a\x01b", None, None),
    ],
)
def test_only_absolute_http_and_mailto_urls(href: str, base: str | None, url: str | None) -> None:
    assert safe_url(href, base) == url
