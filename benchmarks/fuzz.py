"""Coverage-guided fuzzing of `clean_article` with atheris (libFuzzer), for a bounded time; not part of CI.

    pip install atheris
    python benchmarks/fuzz.py                       # 10 minutes, seeds from samples/, corpus in .fuzz/corpus
    python benchmarks/fuzz.py -max_total_time=3600  # any libFuzzer flag can be given

Each input is fed three ways, chosen by its first byte: as bytes (decoding, binary detection), as a str of HTML, and
as scraped text/Markdown. A finding is any exception escaping `clean_article` (with the default errors="warn" it must
always return an Article), a result that is not an Article with str text, a step that failed and was skipped (a
filter, the metadata reader or the extractor raising: the page is still cleaned, but it is a bug), Markdown output that a CommonMark renderer
(markdown-it-py, when installed) turns into a link, an image, raw HTML or a `javascript:` URL, or an input that runs
past libFuzzer's -timeout. libFuzzer writes the input that
found it to crash-*/timeout-* in the current folder; replay one with `python benchmarks/fuzz.py crash-...`.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["cleaner"]):
    from cleaner import Article, Limits, Pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".fuzz" / "corpus"
SEED_BYTES = 64 * 1024
DEFAULT_FLAGS = ["-max_total_time=600", "-timeout=30", "-max_len=65536", "-rss_limit_mb=4096", "-print_final_stats=1"]
# what a Markdown renderer must never make of our output: links, images, raw HTML, event handlers
# (our Markdown has no links, images or HTML: any tag but these plain ones, or any attribute but the class a fence's
# language becomes, came from the input)
_UNSAFE_HTML = re.compile(
    r"<(?!/?(?:p|h[1-6]|ul|ol|li|blockquote|pre|code|em|strong|hr|br)"
    r"(?: start=\"\d+\"| class=\"language-[A-Za-z0-9_+#.-]{1,30}\")?\s*/?>)[a-z!?/]",
    re.I,
)


def _renderer():
    """A CommonMark renderer that lets every URL through (so that an injected link would show), if installed."""
    try:
        from markdown_it import MarkdownIt
    except ImportError:
        return None
    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True
    return md


MARKDOWN = _renderer()

PIPELINE = Pipeline(limits=Limits(max_seconds=20))
_STEP_FAILED = re.compile(r"filter \w+ skipped:|metadata skipped:|extraction failed:")


def one_input(data: bytes) -> None:
    """Clean `data` one of three ways; raise on anything the library promises never to do."""
    if not data:
        return
    mode, body = data[0] % 3, data[1:]
    if mode == 0:
        article = PIPELINE.clean(body)
    else:
        text = body.decode("utf-8", errors="surrogateescape")
        article = PIPELINE.clean(text, format="html" if mode == 1 else None)
    if not isinstance(article, Article) or not isinstance(article.text, str):
        raise AssertionError(f"not an Article with text: {article!r}")
    for warning in article.warnings:  # a step that raised is skipped and noted: a bug to look at all the same
        if _STEP_FAILED.match(warning):
            raise AssertionError(warning)
    if MARKDOWN is not None:
        html = MARKDOWN.render(article.to_markdown())
        if match := _UNSAFE_HTML.search(html):
            raise AssertionError(f"unsafe Markdown rendered as {html[max(0, match.start() - 40) : match.end() + 40]!r}")


def seed_corpus() -> Path:
    """The corpus folder, seeded with the first 64 KiB of each sample page and text dump (mode byte prepended)."""
    CORPUS.mkdir(parents=True, exist_ok=True)
    for i, sample in enumerate(sorted((ROOT / "samples").glob("*/*"))):
        if sample.suffix in (".html", ".txt"):
            mode = b"\x01" if sample.suffix == ".html" else b"\x02"
            (CORPUS / f"seed-{i:03d}").write_bytes(mode + sample.read_bytes()[:SEED_BYTES])
    return CORPUS


def main() -> None:
    args = sys.argv[1:]
    replay = [a for a in args if not a.startswith("-")]
    flags = [a for a in args if a.startswith("-")]
    known = {f.split("=")[0] for f in flags}
    flags += [f for f in DEFAULT_FLAGS if f.split("=")[0] not in known]
    if "--clean" in args:
        shutil.rmtree(CORPUS, ignore_errors=True)
        flags.remove("--clean")
    atheris.Setup([sys.argv[0], *flags, *(replay or [str(seed_corpus())])], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
