"""Security: no network at run time, no DTD or entity is ever loaded, no markup from the input reaches the
Markdown output, and nothing in a WARC can make the CLI write outside its output folder."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner import Article, Block, Kind, Metadata, clean_article
from cleaner.cli.inputs import Item
from cleaner.cli.outputs import output_names

from .conftest import ROOT, SAMPLES

ARTICLE = "".join(
    f"<p>Paragraph {i} of the story, long enough to count as article text for the extractor, with a few more "
    f"words about the council, its budget and the new library that opens in spring.</p>"
    for i in range(8)
)
# tags a CommonMark renderer makes from our Markdown; anything else (or any attribute) came from the input
_OWN_TAGS = re.compile(
    r"<(?!/?(?:p|h[1-6]|ul|ol|li|blockquote|pre|code|em|strong|hr|br)(?: start=\"\d+\")?\s*/?>)[a-z!?/]", re.I
)


# -- no network -------------------------------------------------------------------------------------------------

NO_NETWORK = textwrap.dedent(
    """
    import socket, sys
    attempts = []
    def refuse(*args, **kwargs):
        attempts.append(repr(args)[:200])
        raise OSError("network access attempted")
    socket.socket.connect = socket.socket.connect_ex = refuse
    socket.create_connection = socket.getaddrinfo = socket.gethostbyname = refuse
    import urllib.request
    urllib.request.urlopen = refuse

    from pathlib import Path
    from cleaner import clean_article
    samples, pages = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    cleaned = 0
    for path in sorted(samples.glob("*/*")) + pages:
        if path.suffix in (".html", ".txt", ".xhtml"):
            for url in (None, "https://example.org/post"):
                clean_article(path, url=url)
                clean_article(path.read_bytes(), url=url)
                cleaned += 1
    print(cleaned, len(attempts), attempts[:3])
    """
)


def test_cleaning_never_touches_the_network(tmp_path: Path) -> None:
    """Sockets refused from the start (imports included): every sample page and text, and pages full of remote
    references (external DTDs and entities, stylesheets, images, frames, refresh), clean without one attempt."""
    remote = tmp_path / "remote.html"
    remote.write_text(
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://127.0.0.1:9/xhtml1-strict.dtd">'
        '<html><head><base href="http://127.0.0.1:9/"><link rel="stylesheet" href="http://127.0.0.1:9/s.css">'
        '<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/"><script src="http://127.0.0.1:9/a.js"></script>'
        '<link rel="canonical" href="http://127.0.0.1:9/canonical"></head><body><article>'
        '<img src="http://127.0.0.1:9/i.png"><iframe src="http://127.0.0.1:9/f"></iframe>'
        '<object data="http://127.0.0.1:9/o"></object><svg><image href="http://127.0.0.1:9/s.png"/></svg>'
        + ARTICLE
        + "</article></body></html>"
    )
    xhtml = tmp_path / "entities.xhtml"
    xhtml.write_text(
        '<?xml version="1.0"?><!DOCTYPE html SYSTEM "http://127.0.0.1:9/dtd" [<!ENTITY e SYSTEM "http://127.0.0.1:9/e">'
        '<!ENTITY % p SYSTEM "http://127.0.0.1:9/p"> %p;]><html><body><article>&e;'
        + ARTICLE
        + "</article></body></html>"
    )
    proc = subprocess.run(
        [sys.executable, "-c", NO_NETWORK, str(SAMPLES), str(remote), str(xhtml)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    cleaned, attempts, first = proc.stdout.split(" ", 2)
    assert int(cleaned) >= 25
    assert int(attempts) == 0, first


# -- no DTD, no entities ------------------------------------------------------------------------------------------


def test_no_dtd_is_loaded_and_no_entity_is_expanded(tmp_path: Path) -> None:
    dtd = tmp_path / "secret.dtd"
    dtd.write_text('<!ENTITY leak "LEAKED-FROM-DTD">')
    secret = tmp_path / "secret.txt"
    secret.write_text("LEAKED-FROM-FILE")
    pages = [
        f'<?xml version="1.0"?>\n<!DOCTYPE html SYSTEM "file://{dtd}">\n<html><body><article>&leak;{ARTICLE}</article></body></html>',
        f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}"><!ENTITY y "EXPANDED-INTERNAL">]>'
        f"<html><body><article><p>&x; &y;</p>{ARTICLE}</article></body></html>",
        f'<html><body><article>{ARTICLE}<svg><!DOCTYPE svg [<!ENTITY z SYSTEM "file://{secret}">]><text>&z;</text></svg>'
        "</article></body></html>",
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        f"<html><body><article><p>&b;&b;&b;</p>{ARTICLE}</article></body></html>",
    ]
    for page in pages:
        for source in (page, page.encode()):
            article = clean_article(source)
            dumped = json.dumps(article.to_dict())
            assert "Paragraph 3 of the story" in article.text
            for leak in ("LEAKED-FROM-DTD", "LEAKED-FROM-FILE", "EXPANDED-INTERNAL", "aaaaaaaaaa", "ENTITY"):
                assert leak not in dumped, (leak, page[:80])


def test_the_parser_is_built_without_network_or_entity_loading() -> None:
    from cleaner.load.parse import _parser

    parser = _parser()
    # HTMLParser has no DTD loading or entity resolution at all; no_network is set for good measure
    assert "no_network=True" in _parser_source()
    assert type(parser).__name__ == "HTMLParser"


def _parser_source() -> str:
    import inspect

    from cleaner.load import parse

    return inspect.getsource(parse._parser)


# -- Markdown carries no markup from the input --------------------------------------------------------------------

INJECTIONS = [
    "[click](javascript:alert(1))",
    "![x](javascript:alert(2))",
    "<script>alert(3)</script>",
    "<img src=x onerror=alert(4)>",
    "<javascript:alert(5)>",
    "[x]: javascript:alert(6)",
    "[x]",
    "\\[escaped](javascript:alert(7))",
    "\\\\[double](javascript:alert(8))",
    "<a href='javascript:alert(9)'>a</a>",
    "[a] (javascript:alert(10)) [b]\n[b]: javascript:alert(11)",
    "<!-- comment --><?pi?><![CDATA[x]]>",
    "&lt;script&gt;alert(12)&lt;/script&gt;",
    "```js swallows what follows",
    "   ~~~ too",
    "- ```js in a list item",
    "1. ``````x",
]


def _render(markdown: str) -> str:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # let every URL through: an injected link must show
    return md.render(markdown)


@pytest.mark.parametrize("kind", list(Kind))
def test_markdown_output_renders_no_link_image_or_html_from_the_text(kind: Kind) -> None:
    blocks = [Block(text, kind, level=2) for text in INJECTIONS]
    markdown = Article(blocks=blocks, metadata=Metadata(title="[t](javascript:alert(0)) <b>x</b>")).to_markdown()
    html = _render(markdown)
    assert not _OWN_TAGS.search(html), html
    assert "javascript:" not in re.sub(r">[^<]*<", "><", html)  # only ever in text, never in an attribute


def test_code_blocks_cannot_close_their_fence() -> None:
    code = Block("```\n<script>alert(1)</script>\n````\n[x](javascript:alert(2))", Kind.CODE)
    html = _render(Article(blocks=[code, Block("after", Kind.PARAGRAPH)]).to_markdown())
    assert html.count("<pre>") == 1 and "&lt;script&gt;" in html and not _OWN_TAGS.search(html)


def test_a_page_and_a_dump_full_of_injections_give_inert_markdown() -> None:
    page = (
        "<html><body><article><h1 onclick='alert(0)'>Title [x](javascript:alert(1))</h1>"
        + "".join(
            f"<p>{text.replace('<', '&lt;')} and more words to make it a paragraph of text.</p>" for text in INJECTIONS
        )
        + "<script>alert(99)</script><a href='javascript:alert(98)'>link text</a>"
        + ARTICLE
        + "</article></body></html>"
    )
    dump = "# Title\n\n" + "\n\n".join(f"{t} and more words to make it a paragraph." for t in INJECTIONS) + "\n\n"
    dump += ARTICLE.replace("<p>", "").replace("</p>", "\n\n")
    for article in (clean_article(page), clean_article(dump, format="markdown"), clean_article(dump, format="text")):
        assert "Paragraph 3 of the story" in article.text
        assert "alert(99)" not in article.text
        html = _render(article.to_markdown())
        assert not _OWN_TAGS.search(html), html


# -- the CLI never writes outside OUT_DIR -----------------------------------------------------------------------

HOSTILE_URIS = [
    "http://example.org/../../../../../../tmp/escaped",
    "../../../../escaped",
    "/etc/passwd",
    "file:///../../escaped",
    "http://example.org/..%2f..%2fescaped",
    "..\\..\\..\\escaped",
    "http://example.org/" + "../" * 200 + "escaped",
    "http://example.org/" + "a" * 5000,
    "",
    ".",
    "..",
    "http://example.org/\x00/../x",
]


def test_output_names_stay_inside_the_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    rels = ["../../x.warc.gz", "/abs/path.warc", "..warc", ".warc.gz", "a/../../b.warc", "....html", "../x.html"]
    for rel in rels:
        for index, uri in enumerate(HOSTILE_URIS):
            item = Item(rel, Path(rel), record=index if rel.endswith((".warc", ".warc.gz")) else None, url=uri)
            for name in output_names(item, ".txt"):
                target = (out / name).resolve()
                assert target.is_relative_to(out.resolve()), (rel, uri, name)
                assert all(len(part.encode()) < 256 for part in Path(name).parts), (rel, uri)


def test_a_warc_with_hostile_target_uris_is_written_inside_the_output_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    warc = folder / "crawl.warc.gz"
    page = ("<html><body><article>" + ARTICLE + "</article></body></html>").encode()
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri in HOSTILE_URIS:  # as an HTTP response (read for http URIs only) and as a resource record
            uri = uri.replace("\x00", "%00") or "x"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(page), http_headers=headers)
            )
            writer.write_record(
                writer.create_warc_record(uri, "resource", payload=io.BytesIO(page), warc_content_type="text/html")
            )
    out = tmp_path / "nested" / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", str(folder), "-o", str(out), "-q", "-j", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p != warc]
    assert len(written) >= len(HOSTILE_URIS)  # every resource record, and the responses with an http URI
    assert all(p.resolve().is_relative_to(out.resolve()) for p in written), written
