"""A corpus of hostile inputs, generated on demand (nothing big is stored), and a runner that measures each one.

Each generator writes one file into a folder and returns its path. `EXPECTED` says what `clean_article` must answer
(with errors="raise"): "article" (text), "empty" (an empty Article with a reason) or the name of the CleanerError.

    python -m tests.hostile            # generate into a temporary folder, run each input alone, print a table
    python -m tests.hostile run PATH   # clean one file in this process, print {"answer", "seconds", "peak_mib"}
    python -m tests.hostile run-in-thread PATH   # the same in a worker thread
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from cleaner import Article

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000
_PARAGRAPH = (
    "<p>The council approved the new budget on Tuesday after a long debate about schools, roads and the "
    "library, which will reopen in the spring with longer hours and a new reading room for children.</p>\n"
)

Generator = Callable[[Path], Path]
GENERATORS: dict[str, Generator] = {}


def hostile(func: Generator) -> Generator:
    """Register a generator under its name."""
    GENERATORS[func.__name__] = func
    return func


def _article(paragraphs: int = 12) -> str:
    return "<html><head><title>Budget</title></head><body><article><h1>Budget approved</h1>" + _PARAGRAPH * paragraphs


@hostile
def page_50mb(folder: Path) -> Path:
    """A 50 MB page of paragraphs: over the default 32 MiB limit."""
    head = _article(1).encode()
    unit = _PARAGRAPH.encode()
    path = folder / "page_50mb.html"
    with path.open("wb") as out:
        out.write(head)
        block = unit * (MB // len(unit))
        for _ in range(50):
            out.write(block)
        out.write(b"</article></body></html>")
    return path


@hostile
def page_30mb(folder: Path) -> Path:
    """A 30 MB page of 50 000 long paragraphs: under the size and element limits, as costly as the defaults allow."""
    head = _article(1).encode()
    unit = ("<p>" + _PARAGRAPH[3:-5] * 3 + "</p>\n").encode()
    path = folder / "page_30mb.html"
    path.write_bytes(head + unit * (30 * MB // len(unit)) + b"</article></body></html>")
    return path


@hostile
def elements_99k(folder: Path) -> Path:
    """A page of 99 000 elements (divs, paragraphs, links): just under the element limit."""
    unit = '<div class="c"><p>Some words in a row, then a sentence. <a href="/x">link</a></p></div>\n'
    path = folder / "elements_99k.html"
    path.write_text(_article(0) + unit * 33_000 + "</article></body></html>")
    return path


@hostile
def nesting_100k(folder: Path) -> Path:
    """100 000 nested <div>s around the text (the parser stops at 256 levels)."""
    path = folder / "nesting_100k.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "deep text" + "</div>" * 100_000 + "</body></html>")
    return path


@hostile
def million_elements(folder: Path) -> Path:
    """A million tiny elements."""
    path = folder / "million_elements.html"
    path.write_text("<html><body><article>" + "<b>x</b>" * 1_000_000 + "</article></body></html>")
    return path


@hostile
def billion_laughs(folder: Path) -> Path:
    """The billion-laughs entity bomb: ten levels of entities, each ten of the previous (10^9 'lol's if expanded)."""
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", ' <!ENTITY lol "lol">']
    previous = "lol"
    for level in range(1, 10):
        lines.append(f' <!ENTITY lol{level} "' + f"&{previous};" * 10 + '">')
        previous = f"lol{level}"
    lines += ["]>", "<html><body><article><h1>Laughs</h1><p>&lol9;</p>" + _PARAGRAPH * 6 + "</article></body></html>"]
    path = folder / "billion_laughs.html"
    path.write_text("\n".join(lines))
    return path


@hostile
def external_entity(folder: Path) -> Path:
    """An XHTML page whose DOCTYPE declares external entities (a local file and a URL) and uses them."""
    path = folder / "external_entity.xhtml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE html SYSTEM "http://127.0.0.1:9/dtd" [\n'
        ' <!ENTITY secret SYSTEM "file:///etc/passwd">\n <!ENTITY remote SYSTEM "http://127.0.0.1:9/x">\n'
        ' <!ENTITY % param SYSTEM "http://127.0.0.1:9/p"> %param;\n]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><article><h1>Entities</h1><p>&secret; &remote;</p>'
        + _PARAGRAPH * 6
        + "<svg><!DOCTYPE svg SYSTEM 'http://127.0.0.1:9/svg.dtd'><image href='http://127.0.0.1:9/i.png'/></svg>"
        + "</article></body></html>"
    )
    return path


@hostile
def nul_bytes(folder: Path) -> Path:
    """An article with NUL bytes inside its words and between its tags."""
    path = folder / "nul_bytes.html"
    text = _article(12) + "</article></body></html>"
    path.write_bytes(text.replace("e", "e\x00").replace("><", ">\x00<").encode())
    return path


@hostile
def invalid_utf8(folder: Path) -> Path:
    """Bytes that are UTF-8 nowhere: random bytes of 0x80-0xff between bits of markup."""
    rng = random.Random(6)
    chunks = [b"<p>" + bytes(rng.randrange(0x80, 0x100) for _ in range(60)) + b" x</p>" for _ in range(2000)]
    path = folder / "invalid_utf8.html"
    path.write_bytes(b"<html><body>" + b"".join(chunks) + b"</body></html>")
    return path


@hostile
def invalid_utf8_sprinkled(folder: Path) -> Path:
    """A UTF-8 article with an invalid byte every few words (stray cp1252 quotes, truncated sequences)."""
    rng = random.Random(7)
    words = (_article(12).replace("children", "niños") + "</article></body></html>").split(" ")
    data = b" ".join(
        w.encode() + (bytes([rng.choice([0x92, 0x93, 0xE9, 0xC3, 0xFF])]) if i % 7 == 3 else b"")
        for i, w in enumerate(words)
    )
    path = folder / "invalid_utf8_sprinkled.html"
    path.write_bytes(data)
    return path


@hostile
def gzip_bomb(folder: Path) -> Path:
    """A .html.gz of 1 KiB... that inflates to 1 GiB of zeros (16 gzip members of 64 MiB each)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    member = compressor.compress(bytes(64 << 20)) + compressor.flush()
    path = folder / "gzip_bomb.html.gz"
    path.write_bytes(member * 16)
    return path


@hostile
def pdf_as_html(folder: Path) -> Path:
    """A PDF named .html."""
    path = folder / "pdf_as_html.html"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 40)
    return path


@hostile
def png_as_html(folder: Path) -> Path:
    """A PNG named .html."""
    path = folder / "png_as_html.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    return path


@hostile
def empty_file(folder: Path) -> Path:
    """Zero bytes."""
    path = folder / "empty_file.html"
    path.write_bytes(b"")
    return path


@hostile
def whitespace_only(folder: Path) -> Path:
    """Only spaces, tabs and line breaks."""
    path = folder / "whitespace_only.html"
    path.write_bytes(b" \t\r\n" * 100_000)
    return path


@hostile
def giant_script(folder: Path) -> Path:
    """A page that is one 8 MB <script> (whose strings hold markup) and nothing else."""
    path = folder / "giant_script.html"
    path.write_text(
        "<html><head><script>" + "var s = '<p>not text</p>'; " * 300_000 + "</script></head><body></body></html>"
    )
    return path


@hostile
def oversized_text_node(folder: Path) -> Path:
    """One 12 MB text run (a <script>), over the HTML parser's 10 MB limit on a single node."""
    path = folder / "oversized_text_node.html"
    path.write_text(
        _article(3) + "<script>" + "x = 1; " * 1_800_000 + "</script>" + _PARAGRAPH + "</article></body></html>"
    )
    return path


@hostile
def svg_million_titles(folder: Path) -> Path:
    """An <svg> with a million <title>s."""
    path = folder / "svg_million_titles.html"
    path.write_text(_article(6) + "<svg>" + "<title>t</title>" * 1_000_000 + "</svg></article></body></html>")
    return path


@hostile
def script_injection(folder: Path) -> Path:
    """An article whose text and markup try to smuggle script, handlers and javascript: links into the output."""
    path = folder / "script_injection.html"
    path.write_text(
        _article(4) + "<p onclick='alert(1)'>Click [here](javascript:alert(1)) or ![x](javascript:alert(2)) or "
        "&lt;script&gt;alert(3)&lt;/script&gt; or &lt;img src=x onerror=alert(4)&gt; or &lt;javascript:alert(5)&gt;.</p>"
        "<script>alert(6)</script><a href='javascript:alert(7)'>a link that is part of the text</a>"
        "<h2>[Heading](javascript:alert(8))</h2><pre>```\n<script>alert(9)</script>\n```</pre>"
        + _PARAGRAPH * 4
        + "</article></body></html>"
    )
    return path


@hostile
def text_million_lines(folder: Path) -> Path:
    """A scraped-text dump of a million short lines."""
    path = folder / "text_million_lines.txt"
    path.write_text("Home\nNews\n" * 500_000)
    return path


_BROKEN = "the council voted on the budget after a long debate about schools and roads".split()


@hostile
def html_broken_paragraphs(folder: Path) -> Path:
    """An article of 20 000 paragraphs that all go on with the sentence before: paragraph repair joins them all."""
    path = folder / "html_broken_paragraphs.html"
    path.write_text(
        _article(1).replace("</article>", "")
        + "".join(f"<p>{' '.join(_BROKEN)} number {i}</p>" for i in range(20_000))
        + "</article></body></html>"
    )
    return path


@hostile
def text_broken_lines(folder: Path) -> Path:
    """A scraped-text dump of 60 000 lines, each a piece of one endless sentence."""
    path = folder / "text_broken_lines.txt"
    opening = _PARAGRAPH.removeprefix("<p>").replace("</p>", "").replace(".", ",")  # the sentence goes on
    path.write_text(opening + "\n".join(f"{_BROKEN[i % 14]} {i} and {_BROKEN[i * 7 % 14]}" for i in range(60_000)))
    return path


@hostile
def attribute_flood(folder: Path) -> Path:
    """A 2.5 MB page whose one element carries 200 000 distinct attributes (libxml2's check of them is quadratic)."""
    path = folder / "attribute_flood.html"
    flood = "<div " + " ".join(f"data-a{i}=1" for i in range(200_000)) + ">"
    path.write_text(_article(6).replace("<article>", flood + "<article>") + "</article></div></body></html>")
    return path


@hostile
def attribute_flood_in_thread(folder: Path) -> Path:
    """The same page, cleaned in a worker thread (no SIGALRM there: only the pre-scan bounds it)."""
    path = folder / "attribute_flood_in_thread.html"
    path.write_bytes(attribute_flood(folder).read_bytes())
    return path


@hostile
def capped_attributes_everywhere(folder: Path) -> Path:
    """8 000 tags of 256 distinct attributes each (the most kept per tag): 12 MB of the costliest tags allowed."""
    tag = "<span " + " ".join(f"a{i}=1" for i in range(256)) + ">x</span>\n"
    path = folder / "capped_attributes_everywhere.html"
    path.write_text(_article(6) + tag * 8_000 + "</article></body></html>")
    return path


@hostile
def giant_jsonld(folder: Path) -> Path:
    """An article whose <head> holds one 15 MB JSON-LD block."""
    blob = json.dumps({"@type": "WebPage", "state": ["some framework state"] * 650_000})
    path = folder / "giant_jsonld.html"
    path.write_text(_article(6).replace("</head>", f'<script type="application/ld+json">{blob}</script></head>'))
    return path


@hostile
def giant_inline_script(folder: Path) -> Path:
    """An article after a 12 MB inline <script> (a framework's state dump) in the <head>."""
    path = folder / "giant_inline_script.html"
    state = "window.__STATE__ = " + json.dumps({"items": ["<p>not text</p>"] * 700_000}) + ";"
    path.write_text(_article(6).replace("</head>", f"<script>{state}</script></head>") + "</article></body></html>")
    return path


@hostile
def giant_style(folder: Path) -> Path:
    """An article after a 12 MB <style>."""
    path = folder / "giant_style.html"
    style = ".c{color:red}\n" * 860_000
    path.write_text(_article(6).replace("</head>", f"<style>{style}</style></head>") + "</article></body></html>")
    return path


@hostile
def giant_comment_and_attribute(folder: Path) -> Path:
    """An article holding a 12 MB comment and an image whose data: URL is 12 MB."""
    path = folder / "giant_comment_and_attribute.html"
    path.write_text(
        _article(6)
        + "<!--"
        + "x" * 12 * MB
        + '--><img src="data:image/png;base64,'
        + "A" * 12 * MB
        + '">'
        + _PARAGRAPH
        + "</article></body></html>"
    )
    return path


@hostile
def oversized_paragraph(folder: Path) -> Path:
    """One 12 MB paragraph of text: content, over the HTML parser's 10 MB limit on one node, so refused."""
    path = folder / "oversized_paragraph.html"
    path.write_text(_article(3) + "<p>" + "word " * 2_400_000 + "</p></article></body></html>")
    return path


@hostile
def unclosed_links(folder: Path) -> Path:
    """90 000 links never closed (the parser closes each at the next), then the article."""
    path = folder / "unclosed_links.html"
    path.write_text(_article(6).replace("<article>", '<a href="/x">menu ' * 90_000 + "<article>") + "</article>")
    return path


@hostile
def definition_soup(folder: Path) -> Path:
    """45 000 unclosed <dt>/<dd> pairs the parser closes one by one, then the article."""
    path = folder / "definition_soup.html"
    path.write_text("<html><body><dl>" + "<dt>term<dd>definition" * 45_000 + "</dl>" + _article(6)[12:])
    return path


_DEEP = 200  # levels of <div> the floods below sit in: every ancestor scan of a flooded element walks them all
_FLOOD = 89_700  # elements of each flood: with the wrapper and the article, just under the 100 000 element limit


def _deep_flood(path: Path, unit: str, count: int = _FLOOD, opening: str = "", closing: str = "") -> Path:
    """Write a page: _DEEP nested <div>s, then `opening`, `unit` `count` times, `closing`, then the article."""
    path.write_text("<html><body>" + "<div>" * _DEEP + opening + unit * count + closing + _article(6)[12:])
    return path


@hostile
def list_soup(folder: Path) -> Path:
    """89 700 unclosed <li> in one list, 200 levels deep: the parser closes each at the next."""
    return _deep_flood(folder / "list_soup.html", "<li>item", opening="<ul>", closing="</ul>")


@hostile
def table_soup(folder: Path) -> Path:
    """29 900 unclosed rows of two unclosed cells, 200 levels deep."""
    return _deep_flood(folder / "table_soup.html", "<tr><td>cell<td>cell", _FLOOD // 3, "<table>", "</table>")


@hostile
def quote_flood(folder: Path) -> Path:
    """89 700 block quotes side by side, 200 levels deep."""
    return _deep_flood(folder / "quote_flood.html", "<blockquote>quote</blockquote>")


@hostile
def div_flood(folder: Path) -> Path:
    """89 700 <div>s side by side, 200 levels deep."""
    return _deep_flood(folder / "div_flood.html", "<div>text</div>")


@hostile
def span_flood(folder: Path) -> Path:
    """89 700 <span>s with a class, 200 levels deep: one paragraph of inline elements."""
    return _deep_flood(folder / "span_flood.html", '<span class="c">text</span>')


@hostile
def deep_unclosed_links(folder: Path) -> Path:
    """89 700 links never closed, 200 levels deep."""
    return _deep_flood(folder / "deep_unclosed_links.html", '<a href="/x">link ')


@hostile
def misnested_formatting(folder: Path) -> Path:
    """44 850 <b><i>x</b>y</i>, formatting elements closed in the wrong order, 200 levels deep."""
    return _deep_flood(folder / "misnested_formatting.html", "<b><i>x</b>y</i> ", _FLOOD // 2)


@hostile
def unclosed_nesting(folder: Path) -> Path:
    """A list item, table cell, quote, span, <b> and <i> opened and never closed, 12 000 times over: 1 MB of
    nesting that the parser follows to its 256 levels."""
    path = folder / "unclosed_nesting.html"
    path.write_text("<html><body>" + "<ul><li><table><tr><td><blockquote><span><b><i>x" * 12_000 + _article(6)[12:])
    return path


@hostile
def quote_soup(folder: Path) -> Path:
    """200 000 tags each opening a quoted value that the next tag's quote closes, then the article."""
    path = folder / "quote_soup.html"
    path.write_text(_article(6) + "<p a='" * 200_000 + "'>" + _PARAGRAPH + "</article></body></html>")
    return path


@hostile
def bracket_soup(folder: Path) -> Path:
    """5 MB of "<" and "</" and "<!" that start no tag, around the article."""
    path = folder / "bracket_soup.html"
    path.write_text(_article(6) + "< </ <! <? " * 450_000 + "</article></body></html>")
    return path


@hostile
def entity_flood(folder: Path) -> Path:
    """2 million character references (named, numeric, unknown) in the article."""
    path = folder / "entity_flood.html"
    refs = "&amp;&#x41;&#66;&notanentity;&lt;" * 400_000
    path.write_text(_article(6) + f"<p>{refs}</p>" + "</article></body></html>")
    return path


def _markdown_dump(path: Path, middle: str) -> Path:
    """Write a Markdown dump: a heading and a paragraph, `middle`, the paragraph again."""
    body = _PARAGRAPH[3:-5]
    path.write_text(f"# Budget\n\n{body}\n\n{middle}\n\n{body}\n")
    return path


@hostile
def markdown_bracket_flood(folder: Path) -> Path:
    """A Markdown dump with a million "[", "](" and "<http:" that open no link, around its paragraphs."""
    return _markdown_dump(folder / "markdown_bracket_flood.md", "[a](" * 250_000 + "\n\n" + "[" * 500_000 + "<http:")


@hostile
def markdown_deep_nesting(folder: Path) -> Path:
    """A Markdown dump whose one line nests 100 000 block quotes and another 100 000 list levels."""
    return _markdown_dump(folder / "markdown_deep_nesting.md", "> " * 100_000 + "deep\n\n" + "- " * 100_000 + "deep")


@hostile
def text_one_long_line(folder: Path) -> Path:
    """A 20 MB text dump that is one line without a break."""
    path = folder / "text_one_long_line.txt"
    path.write_text(_PARAGRAPH[3:-5].replace(".", ",") * 95_000)
    return path


# what clean_article(path, errors="raise") must answer for each input
EXPECTED = {
    "page_50mb": "InputTooLarge",
    "page_30mb": "article",
    "elements_99k": "article",
    "nesting_100k": "TooDeep",
    "million_elements": "TooManyElements",
    "billion_laughs": "article",
    "external_entity": "article",
    "nul_bytes": "article",
    "invalid_utf8": "UndecodableInput",
    "invalid_utf8_sprinkled": "article",
    "gzip_bomb": "NotAPage",  # the library is given the compressed bytes; the CLI inflates them (InputTooLarge)
    "pdf_as_html": "NotAPage",
    "png_as_html": "NotAPage",
    "empty_file": "empty",
    "whitespace_only": "empty",
    "giant_script": "empty",
    "oversized_text_node": "article",  # the 12 MB script is cut before parsing
    "svg_million_titles": "TooManyElements",
    "script_injection": "article",
    "text_million_lines": "TooManyElements",
    "html_broken_paragraphs": "article",
    "text_broken_lines": "article",
    "attribute_flood": "article",
    "attribute_flood_in_thread": "article",
    "capped_attributes_everywhere": "article",
    "giant_jsonld": "article",
    "giant_inline_script": "article",
    "giant_style": "article",
    "giant_comment_and_attribute": "article",
    "oversized_paragraph": "InputTooLarge",
    "unclosed_links": "article",
    "definition_soup": "article",
    "list_soup": "article",
    "table_soup": "article",
    "quote_flood": "article",
    "div_flood": "article",
    "span_flood": "article",
    "deep_unclosed_links": "article",
    "misnested_formatting": "article",
    "unclosed_nesting": "TooDeep",
    "quote_soup": "article",
    "bracket_soup": "article",
    "entity_flood": "article",
    "markdown_bracket_flood": "article",
    "markdown_deep_nesting": "article",
    "text_one_long_line": "article",
}
THREADED = {"attribute_flood_in_thread"}  # cleaned in a worker thread rather than the main one
# what the CLI reports for each: an output ("done"/"empty") or the error in errors.jsonl
EXPECTED_CLI = {**{k: "done" if v == "article" else v for k, v in EXPECTED.items()}, "gzip_bomb": "InputTooLarge"}


def generate(folder: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Write the hostile inputs (all, or `names`) into `folder`; return their paths by name."""
    folder.mkdir(parents=True, exist_ok=True)
    return {name: GENERATORS[name](folder) for name in names or GENERATORS}


def _peak_mib() -> float:
    """This program's peak resident memory. Linux's VmHWM starts afresh at exec; ru_maxrss would carry over the RSS
    of the (possibly large) process that forked this one, as the test runner is after a long suite."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_one(path: Path, thread: bool = False) -> dict[str, object]:
    """Clean one file in this process (in a worker thread when `thread`) with errors="raise"; the answer, the time
    taken and this process's peak RSS."""
    from cleaner import CleanerError, clean_article

    outcome: dict[str, object] = {}

    def clean() -> None:
        try:
            outcome["article"] = clean_article(path, errors="raise")
        except CleanerError as err:
            outcome["error"] = type(err).__name__

    start = time.perf_counter()
    if thread:
        worker = threading.Thread(target=clean)
        worker.start()
        worker.join()
    else:
        clean()
    seconds = time.perf_counter() - start
    article = outcome.get("article")
    assert article is None or isinstance(article, Article)
    answer = str(outcome.get("error", "article" if article and not article.is_empty else "empty"))
    result: dict[str, object] = {
        "answer": answer,
        "seconds": round(seconds, 3),
        "peak_mib": _peak_mib(),
    }
    if article is not None:
        result.update(text=article.text, markdown=article.to_markdown(), warnings=article.warnings)
    return result


def measure(path: Path, timeout: float = 120, thread: bool = False) -> dict[str, object]:
    """Run `run_one` on `path` in a fresh interpreter (so the peak memory is this document's alone)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run(
        [sys.executable, "-m", "tests.hostile", "run-in-thread" if thread else "run", str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        return {
            "answer": f"crash (exit {proc.returncode})",
            "stderr": proc.stderr[-2000:],
            "seconds": None,
            "peak_mib": None,
        }
    return json.loads(proc.stdout.splitlines()[-1])


def _table() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate(Path(tmp))
        print("| input | size | expected | answer | seconds | peak MiB |\n|---|---|---|---|---|---|")
        for name, path in paths.items():
            got = measure(path, thread=name in THREADED)
            size = path.stat().st_size
            print(
                f"| {name} | {size:,} B | {EXPECTED[name]} | {got['answer']} | {got['seconds']} | {got['peak_mib']} |"
            )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] in ("run", "run-in-thread"):
        print(json.dumps(run_one(Path(sys.argv[2]), thread=sys.argv[1] == "run-in-thread")))
    else:
        _table()
