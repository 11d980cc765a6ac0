#!/usr/bin/env python
"""Benchmark cleaner and reference extractors on a WCXB-layout or articleBody-layout corpus.

Run `python benchmarks/bench.py --help`; benchmarks/README.md explains the output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import gzip
import json
import multiprocessing
import os
import resource
import shlex
import statistics
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from importlib import metadata
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))  # benchmark the working tree, installed or not

from cleaner.metrics import (
    PRF,
    aggregate_shingle,
    aggregate_word,
    author_match,
    date_match,
    shingle_prf,
    snippet_hits,
    title_match,
    word_prf,
)

PAGE_TYPES = ("article", "forum", "product", "collection", "listing", "documentation", "service")
HTML_SYSTEMS = (
    "cleaner",
    "cleaner-precision",
    "cleaner-recall",
    "cleaner-rules",
    "trafilatura",
    "readability",
    "justext",
)
TEXT_MODES = ("text-naive", "text-layout")
MODES = ("html", *TEXT_MODES)
DUMP = "raw dump"
MAX_ERRORS_SHOWN = 3  # per mode and system on stderr; the JSON dump keeps them all
BATCH = 50  # pages each system runs over in one turn (`evaluate`)
ACCEPTANCE_GAIN = 0.08  # cleaner(dump) word F1 must beat the raw dump's by this much


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Doc:
    """One corpus page with its ground truth; None means the layout lacks that field."""

    id: str
    html_path: Path
    url: str | None
    page_type: str
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    with_: tuple[str, ...] | None = None
    without: tuple[str, ...] | None = None

    @property
    def heldout(self) -> bool:
        """Held-back slice: every fifth page by id (non-numeric ids fall back to a CRC32)."""
        key = int(self.id) if self.id.isdigit() else zlib.crc32(self.id.encode())
        return key % 5 == 0


def _text_or_none(value: Any) -> str | None:
    """The value if it is a non-blank string, else None."""
    return value if isinstance(value, str) and value.strip() else None


def _wcxb_doc(corpus: Path, gt_path: Path) -> Doc:
    """Read one `ground-truth/<id>.json` of the WCXB layout."""
    record = json.loads(gt_path.read_text(encoding="utf-8"))
    gt = record.get("ground_truth", {})
    doc_id = gt_path.stem
    return Doc(
        id=doc_id,
        html_path=corpus / "html" / f"{doc_id}.html.gz",
        url=record.get("url") or gt.get("url"),
        page_type=record.get("_internal", {}).get("page_type", {}).get("primary") or "unknown",
        text=gt.get("main_content") or "",
        title=_text_or_none(gt.get("title")),
        author=_text_or_none(gt.get("author")),
        date=_text_or_none(gt.get("publish_date")),
        with_=tuple(gt.get("with") or ()),
        without=tuple(gt.get("without") or ()),
    )


# Dragnet's gold files append the reader comments after a line opening with this mark; the corpus's text is the
# article only (datasets/README.md), and 18 of its 1,381 records still carry the comments.
_COMMENTS_MARK = "!@#$%^&*()"


def article_body(text: str) -> str:
    """The gold article of an articleBody-layout record: a UTF-16 file that was read as Latin-1 (a byte-order mark,
    then a NUL after each ASCII letter: 5 of Dragnet's) decoded as UTF-16, and the reader comments past
    `_COMMENTS_MARK` cut off."""
    if text[:2] in ("\xff\xfe", "\xfe\xff") and "\x00" in text:
        text = text.encode("latin-1").decode("utf-16")
    mark = text.find(_COMMENTS_MARK)
    return text if mark < 0 else text[:mark]


def load_corpus(corpus: Path) -> list[Doc]:
    """All documents of a corpus in either layout, sorted by id."""
    single = corpus / "ground-truth.json"
    if single.is_file():
        mapping = json.loads(single.read_text(encoding="utf-8"))
        docs = [
            Doc(
                id=k,
                html_path=corpus / "html" / f"{k}.html.gz",
                url=v.get("url"),
                page_type="unknown",
                text=article_body(v.get("articleBody") or ""),
            )
            for k, v in mapping.items()
        ]
    elif (corpus / "ground-truth").is_dir():
        docs = [_wcxb_doc(corpus, p) for p in (corpus / "ground-truth").glob("*.json")]
    else:
        sys.exit(f"{corpus}: neither ground-truth.json nor ground-truth/ found")
    missing = [d.id for d in docs if not d.html_path.is_file()]
    if missing:
        print(f"warning: {len(missing)} documents without html skipped: {missing[:5]}", file=sys.stderr)
    return sorted((d for d in docs if d.html_path.is_file()), key=lambda d: d.id)


def select(docs: list[Doc], split: str, limit: int | None) -> list[Doc]:
    """Documents of the requested split, the first `limit` of them by id."""
    if split != "all":
        docs = [d for d in docs if d.heldout == (split == "heldout")]
    return docs[:limit] if limit else docs


# --------------------------------------------------------------------------- systems


@dataclass(frozen=True)
class Page:
    """What a system is given: raw bytes, a decoded string, the url, and in text modes the dump."""

    raw: bytes
    html: str
    url: str | None
    dump: str = ""


@dataclass
class Extraction:
    """A system's output; metadata stays None when the system does not report it."""

    text: str = ""
    title: str | None = None
    authors: str | Sequence[str] | None = None
    date: str | None = None


@dataclass(frozen=True)
class System:
    """A named extractor: `extract` is timed; `metadata`, if any, runs untimed and fills metadata."""

    name: str
    version: str
    extract: Callable[[Page], Extraction]
    fields: frozenset[str] = frozenset()
    metadata: Callable[[Page], Extraction] | None = None


ALL_FIELDS = frozenset({"title", "author", "date"})


def _version(dist: str) -> str:
    """Installed version of a distribution, or a marker when it is not installed."""
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "working tree"


def _cleaner_system(
    text_mode: bool, extractor: str = "learned", model: Path | None = None, favor: str = "balanced"
) -> System:
    """cleaner on the raw bytes (html mode) or on the dump (text modes); "cleaner-rules" is the pipeline with
    trafilatura's rule-based extraction in place of the block classifier, to show what the model adds;
    "cleaner-precision" and "cleaner-recall" the pipeline with that `favor`. `model` swaps in another block model
    file (train_blocks.py's fold models)."""
    from cleaner import Pipeline

    pipeline = Pipeline(extractor=extractor, model=model, favor=favor)

    def extract(page: Page) -> Extraction:
        if text_mode:
            art = pipeline.clean(page.dump, url=page.url, format="text")
        else:
            art = pipeline.clean(page.raw, url=page.url)
        return Extraction(art.text or "", art.title, art.authors, art.date)

    name = "cleaner-rules" if extractor != "learned" else "cleaner" if favor == "balanced" else f"cleaner-{favor}"
    return System(name, _version("article-cleaner"), extract, ALL_FIELDS)


def _trafilatura_system() -> System:
    """Default `extract()` timed; metadata from an untimed `bare_extraction(with_metadata=True)`."""
    import trafilatura

    def extract(page: Page) -> Extraction:
        return Extraction(trafilatura.extract(page.raw, url=page.url) or "")

    def meta(page: Page) -> Extraction:
        doc = trafilatura.bare_extraction(page.raw, url=page.url, with_metadata=True)
        if not isinstance(doc, trafilatura.settings.Document):
            return Extraction()
        return Extraction(title=doc.title, authors=doc.author, date=doc.date)

    return System("trafilatura", _version("trafilatura"), extract, ALL_FIELDS, meta)


_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "pre",
    "blockquote",
    "section",
    "article",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment with block elements on their own lines."""
    import lxml.html

    root = lxml.html.fromstring(html)
    for el in root.iter(*_BLOCK_TAGS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    return _nonblank_lines(root.text_content().splitlines())


def _nonblank_lines(lines: Iterable[str]) -> str:
    """Stripped non-empty lines joined by newlines."""
    return "\n".join(s for s in (line.strip() for line in lines) if s)


def _readability_system() -> System:
    """readability-lxml `Document(html).summary()` as text, title from `short_title()`."""
    from readability import Document

    def extract(page: Page) -> Extraction:
        doc = Document(page.html)
        return Extraction(fragment_text(doc.summary()), title=doc.short_title())

    return System("readability", _version("readability-lxml"), extract, frozenset({"title"}))


def _justext_system() -> System:
    """jusText's non-boilerplate paragraphs with the English stoplist."""
    import justext

    stoplist = justext.get_stoplist("English")

    def extract(page: Page) -> Extraction:
        paragraphs = justext.justext(page.raw, stoplist)
        return Extraction("\n\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return System("justext", _version("jusText"), extract)


def naive_dump(page: Page) -> Extraction:
    """What a naive scraper keeps: BeautifulSoup text without script/style, one line per string."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    return Extraction(_nonblank_lines(soup.get_text("\n").splitlines()))


def layout_dump(page: Page) -> Extraction:
    """html-text's layout-guessing text dump of the whole page."""
    import html_text

    return Extraction(html_text.extract_text(page.html, guess_layout=True))


_HTML_FACTORIES: dict[str, Callable[[], System]] = {
    "cleaner": lambda: _cleaner_system(False),
    "cleaner-precision": lambda: _cleaner_system(False, favor="precision"),
    "cleaner-recall": lambda: _cleaner_system(False, favor="recall"),
    "cleaner-rules": lambda: _cleaner_system(False, "trafilatura"),
    "trafilatura": _trafilatura_system,
    "readability": _readability_system,
    "justext": _justext_system,
}
_TEXT_FAVORS = {"cleaner": "balanced", "cleaner-precision": "precision", "cleaner-recall": "recall"}


def build_system(mode: str, name: str) -> System:
    """The system `name` as run in `mode` (in text modes, DUMP makes the mode's dump)."""
    if mode == "html":
        return _HTML_FACTORIES[name]()
    if name == DUMP and mode == "text-naive":
        return System(DUMP, f"beautifulsoup4 {_version('beautifulsoup4')}", naive_dump)
    if name == DUMP:
        return System(DUMP, f"html-text {_version('html-text')}", layout_dump)
    return _cleaner_system(True, favor=_TEXT_FAVORS[name])


def build_systems(mode: str, names: Sequence[str]) -> list[System]:
    """Systems run in a mode; in text modes the first is the dump, whose text the others receive."""
    if mode == "html":
        return [build_system(mode, n) for n in names]
    return [build_system(mode, n) for n in (DUMP, *(n for n in _TEXT_FAVORS if n in names))]


# --------------------------------------------------------------------------- scoring


@dataclass
class DocScore:
    """Every per-document number of one system on one page."""

    id: str
    page_type: str
    heldout: bool
    word: PRF
    shingle: PRF
    with_hits: tuple[int, int] | None
    without_hits: tuple[int, int] | None
    title: bool | None
    author: bool | None
    date: bool | None
    cpu_s: float
    error: str | None  # exception of a failed call, None on success


Results = dict[str, dict[str, list[DocScore]]]  # mode -> system -> per-document scores


def _field_score(
    system: System, name: str, gold: str | None, check: Callable[[Any, str], bool], pred: Any
) -> bool | None:
    """Metadata match, or None when the gold lacks the field or the system never reports it."""
    if gold is None or name not in system.fields:
        return None
    return check(pred, gold)


def score(doc: Doc, system: System, ext: Extraction, cpu_s: float, error: str | None) -> DocScore:
    """Compare one extraction to the ground truth."""
    return DocScore(
        id=doc.id,
        page_type=doc.page_type,
        heldout=doc.heldout,
        word=word_prf(ext.text, doc.text),
        shingle=shingle_prf(ext.text, doc.text),
        with_hits=None if doc.with_ is None else snippet_hits(ext.text, doc.with_),
        without_hits=None if doc.without is None else snippet_hits(ext.text, doc.without),
        title=_field_score(system, "title", doc.title, title_match, ext.title),
        author=_field_score(system, "author", doc.author, author_match, ext.authors),
        date=_field_score(system, "date", doc.date, date_match, ext.date),
        cpu_s=cpu_s,
        error=error,
    )


def _describe(exc: Exception) -> str:
    """One-line description of an exception."""
    return f"{type(exc).__name__}: {exc}"[:300]


def run_system(system: System, page: Page) -> tuple[Extraction, float, str | None]:
    """(extraction, CPU seconds of the timed call, error or None), without the untimed metadata (`with_metadata`);
    never raises."""
    error = None
    gc.collect()  # untimed: the garbage other systems left is not charged to this call's collections
    start = time.process_time()
    try:
        ext = system.extract(page)
    except Exception as exc:  # any crash of a system is a failure for that page
        ext, error = Extraction(), _describe(exc)
    return ext, time.process_time() - start, error


def with_metadata(system: System, page: Page, ext: Extraction, error: str | None) -> tuple[Extraction, str | None]:
    """`ext` with the title, authors and date of the system's untimed metadata call, when it has one."""
    if system.metadata is None:
        return ext, error
    try:
        meta = system.metadata(page)
    except Exception as exc:
        return ext, error or f"metadata: {_describe(exc)}"
    return replace(ext, title=meta.title, authors=meta.authors, date=meta.date), error


def read_page(doc: Doc) -> Page:
    """Decompress and decode a page (outside any timing)."""
    from trafilatura.utils import decode_file

    raw = gzip.decompress(doc.html_path.read_bytes())
    return Page(raw=raw, html=decode_file(raw), url=doc.url)


class Worker:
    """A process of its own for one system, started fresh (spawned) and holding only that system's libraries:
    nothing another system does (its garbage, its caches, trafilatura's metadata scan of the whole page for dates)
    changes the state this system's timed calls run in, and its peak memory is its own. In one shared process,
    trafilatura's untimed metadata calls alone cost cleaner 15-20% of its speed, however the calls were ordered."""

    def __init__(self, mode: str, name: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(mode, name, child), daemon=True)
        self.process.start()
        child.close()

    def run(self, docs: Sequence[Doc], dumps: list[str] | None) -> list[tuple[Extraction, float, str | None]]:
        """(extraction with metadata, CPU seconds of the timed call, error) per document; in text modes `dumps`
        are the documents' dumps the mode's first system made."""
        self.conn.send((list(docs), dumps))
        return self.conn.recv()  # type: ignore[no-any-return]

    def close(self) -> float:
        """Stop the worker; its peak resident memory in MiB."""
        self.conn.send(None)
        peak: float = self.conn.recv()
        self.process.join()
        return peak


def _serve(mode: str, name: str, conn: Connection) -> None:
    """A worker's loop: build the system, then for each batch of documents it is sent, the timed calls back to back
    (each page read just before its call, so one page at a time is in memory), then the untimed metadata calls; at
    the end its peak memory."""
    system = build_system(mode, name)
    gc.collect()
    gc.freeze()  # what is loaded now (libraries, models) is left out of collections, so the per-call ones stay cheap

    def page(doc: Doc, i: int, dumps: list[str] | None) -> Page:
        return replace(read_page(doc), dump=dumps[i]) if dumps is not None else read_page(doc)

    while (job := conn.recv()) is not None:
        docs, dumps = job
        runs = [run_system(system, page(doc, i, dumps)) for i, doc in enumerate(docs)]
        answers = []
        for i, (doc, (ext, cpu_s, error)) in enumerate(zip(docs, runs, strict=True)):
            if system.metadata is not None:  # the page read again: holding the batch's pages cost 300 MiB
                ext, error = with_metadata(system, page(doc, i, dumps), ext, error)
            answers.append((ext, cpu_s, error))
        conn.send(answers)
    conn.send(peak_rss_mib())


Workers = dict[tuple[str, str], Worker]  # per mode and system name


def start_workers(plan: dict[str, list[System]]) -> Workers:
    """One worker per mode and system of the plan."""
    return {(mode, system.name): Worker(mode, system.name) for mode, systems in plan.items() for system in systems}


def evaluate(docs: Sequence[Doc], plan: dict[str, list[System]], workers: Workers) -> Results:
    """Per mode and system, the scores of every document.

    Each system runs in its own worker, over batches of BATCH pages in turn: one system at a time (no two timed
    calls share the CPU), and turns every few seconds keep a change in the machine's load from falling on one
    system only.
    """
    results: Results = {m: {s.name: [] for s in ss} for m, ss in plan.items()}
    started = time.monotonic()
    for first in range(0, len(docs), BATCH):
        batch = docs[first : first + BATCH]
        for mode, systems in plan.items():
            dumps = None
            for n, system in enumerate(systems):
                scores = results[mode][system.name]
                runs = workers[mode, system.name].run(batch, dumps)
                for doc, (ext, cpu_s, error) in zip(batch, runs, strict=True):
                    if error and sum(s.error is not None for s in scores) < MAX_ERRORS_SHOWN:
                        print(f"  {mode}/{system.name} failed on {doc.id}: {error}", file=sys.stderr)
                    scores.append(score(doc, system, ext, cpu_s, error))
                if n == 0 and mode in TEXT_MODES:
                    dumps = [ext.text for ext, _, _ in runs]
        done = first + len(batch)
        if done % 100 < BATCH or done == len(docs):
            print(f"  {done}/{len(docs)} docs, {time.monotonic() - started:.0f}s", file=sys.stderr)
    return results


# --------------------------------------------------------------------------- aggregation


@dataclass
class Summary:
    """Corpus-level numbers of one system; None where nothing was measurable."""

    docs: int
    shingle: PRF
    word: PRF
    word_f1_by_type: dict[str, float]
    with_rate: float | None
    without_rate: float | None
    title: float | None
    author: float | None
    date: float | None
    docs_per_cpu_s: float | None
    failures: int
    type_counts: dict[str, int] = field(default_factory=dict)


Summaries = dict[str, dict[str, tuple[Summary, Summary]]]  # mode -> system -> (all, held-out)
Table = tuple[str, list[str], list[list[str]]]  # caption, headers, rows


def _rate(hits: Iterable[tuple[int, int] | None]) -> float | None:
    """Pooled share of snippets found, None when there were no snippets."""
    pairs = [h for h in hits if h is not None]
    total = sum(t for _, t in pairs)
    return sum(f for f, _ in pairs) / total if total else None


def _accuracy(values: Iterable[bool | None]) -> float | None:
    """Share of True among scored pages, None when none was scored."""
    scored = [v for v in values if v is not None]
    return sum(scored) / len(scored) if scored else None


def _types_in(scores: Sequence[DocScore]) -> list[str]:
    """Page types present, canonical ones first."""
    present = {s.page_type for s in scores}
    return [t for t in PAGE_TYPES if t in present] + sorted(present - set(PAGE_TYPES))


def summarise(scores: Sequence[DocScore]) -> Summary:
    """Aggregate per-document scores."""
    cpu = sum(s.cpu_s for s in scores)
    by_type = {t: [s for s in scores if s.page_type == t] for t in _types_in(scores)}
    return Summary(
        docs=len(scores),
        shingle=aggregate_shingle(s.shingle for s in scores),
        word=aggregate_word(s.word for s in scores),
        word_f1_by_type={t: aggregate_word(s.word for s in ss)[2] for t, ss in by_type.items()},
        with_rate=_rate(s.with_hits for s in scores),
        without_rate=_rate(s.without_hits for s in scores),
        title=_accuracy(s.title for s in scores),
        author=_accuracy(s.author for s in scores),
        date=_accuracy(s.date for s in scores),
        docs_per_cpu_s=len(scores) / cpu if cpu > 0 else None,
        failures=sum(s.error is not None for s in scores),
        type_counts={t: len(ss) for t, ss in by_type.items()},
    )


# --------------------------------------------------------------------------- reporting


def _fmt(value: float | None, digits: int = 3) -> str:
    """A number with fixed decimals, '-' for None."""
    return "-" if value is None else f"{value:.{digits}f}"


def render_table(headers: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> str:
    """A fixed-width (or markdown) table, first column left-aligned, the others right-aligned."""
    widths = [max(len(str(c)) for c in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "| " + " | ".join(padded) + " |" if markdown else "  ".join(padded)

    rule = ["-" * w if i == 0 else "-" * (w - 1) + ":" for i, w in enumerate(widths)]
    sep = line(rule) if markdown else "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), sep, *map(line, rows)])


def mode_tables(mode: str, summaries: dict[str, tuple[Summary, Summary]]) -> list[Table]:
    """(caption, headers, rows) of the headline, per-type and held-out tables of one mode."""
    overall = {name: s for name, (s, _) in summaries.items()}
    first = next(iter(overall.values()))
    headline = [
        [
            name,
            *map(_fmt, s.shingle),
            *map(_fmt, s.word),
            _fmt(s.with_rate),
            _fmt(s.without_rate),
            _fmt(s.title),
            _fmt(s.author),
            _fmt(s.date),
            _fmt(s.docs_per_cpu_s, 1),
            str(s.failures),
        ]
        for name, s in overall.items()
    ]
    types = list(first.word_f1_by_type)
    per_type = [[name, *(_fmt(s.word_f1_by_type[t]) for t in types)] for name, s in overall.items()]
    held = [
        [
            name,
            f"{h.docs}",
            _fmt(s.word[2]),
            _fmt(h.word[2] if h.docs else None),
            _fmt(s.shingle[2]),
            _fmt(h.shingle[2] if h.docs else None),
            _fmt(s.without_rate),
            _fmt(h.without_rate),
            *(_fmt(getattr(h, field)) for field in ("title", "author", "date")),
        ]
        for name, (s, h) in summaries.items()
    ]
    return [
        (
            f"mode {mode}: {first.docs} docs",
            [
                "system",
                "sh-P",
                "sh-R",
                "sh-F1",
                "w-P",
                "w-R",
                "w-F1",
                "with",
                "without",
                "title",
                "author",
                "date",
                "docs/cpu-s",
                "fail",
            ],
            headline,
        ),
        (
            f"mode {mode}: word F1 per page type",
            ["system", *(f"{t} ({first.type_counts[t]})" for t in types)],
            per_type,
        ),
        (
            f"mode {mode}: held-out slice (id % 5 == 0) beside all",
            [
                "system",
                "held docs",
                "w-F1 all",
                "w-F1 held",
                "sh-F1 all",
                "sh-F1 held",
                "without all",
                "without held",
                "title held",
                "author held",
                "date held",
            ],
            held,
        ),
    ]


def acceptance_line(summaries: dict[str, tuple[Summary, Summary]]) -> str | None:
    """Text-mode check: cleaner(dump) word F1 minus the raw dump's, against the target gain."""
    if "cleaner" not in summaries:
        return None
    gain = summaries["cleaner"][0].word[2] - summaries[DUMP][0].word[2]
    verdict = "ok" if gain >= ACCEPTANCE_GAIN else "BELOW TARGET"
    return f"cleaner - raw dump word F1: {gain:+.3f} (target >= +{ACCEPTANCE_GAIN:.2f}): {verdict}"


def report(all_summaries: Summaries, markdown: bool) -> str:
    """Every mode's tables (and acceptance line) as plain text or markdown."""
    parts = []
    for mode, summaries in all_summaries.items():
        for caption, headers, rows in mode_tables(mode, summaries):
            title = f"### {caption}" if markdown else f"== {caption}"
            parts.append(f"{title}\n\n{render_table(headers, rows, markdown)}\n")
        check = acceptance_line(summaries) if mode.rsplit(" ", 1)[-1] in TEXT_MODES else None
        if check:
            parts.append(check + "\n")
    return "\n".join(parts)


def write_chart(path: Path, all_summaries: Summaries) -> None:
    """Grouped bar charts: shingle F1 per section (corpus and mode) when there are several, then word F1 per page type
    for each section that has page types."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels: list[tuple[str, str, list[str], dict[str, list[float]]]] = []
    if len(all_summaries) > 1:
        systems = list(dict.fromkeys(name for summaries in all_summaries.values() for name in summaries))
        labels = list(all_summaries)
        series = {n: [all_summaries[label].get(n, (None,))[0] for label in labels] for n in systems}
        shingle = {n: [s.shingle[2] if s else 0.0 for s in values] for n, values in series.items()}
        panels.append(("Shingle F1 per corpus and mode", "shingle F1", labels, shingle))
    for mode, summaries in all_summaries.items():
        types = list(next(iter(summaries.values()))[0].word_f1_by_type)
        if types != ["unknown"]:
            per_type = {name: [s.word_f1_by_type[t] for t in types] for name, (s, _) in summaries.items()}
            panels.append((f"Word F1 per page type ({mode})", "word F1", types, per_type))
    fig, axes = plt.subplots(len(panels), 1, figsize=(12, 3.8 * len(panels)), squeeze=False)
    for ax, (title, ylabel, groups, series_by_name) in zip(axes[:, 0], panels, strict=True):
        width = min(0.8 / len(series_by_name), 0.3)
        for k, (name, values) in enumerate(series_by_name.items()):
            xs = [i + (k - (len(series_by_name) - 1) / 2) * width for i in range(len(groups))]
            ax.bar(xs, values, width, label=name)
        ax.set_xticks(range(len(groups)), groups, fontsize="small")
        ax.set_ylim(0, 1)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.grid(axis="y", alpha=0.3)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def versions_text(plan: dict[str, list[System]]) -> list[str]:
    """One 'name version' entry per distinct system (dumps named after their mode)."""
    seen = {(f"{m} dump:" if s.name == DUMP else s.name): s.version for m, ss in plan.items() for s in ss}
    return [f"{name} {version}" for name, version in seen.items()]


def peak_rss_mib() -> float:
    """Peak resident memory of this process in MiB (Linux reports ru_maxrss in KiB): in a worker, that of its
    system, its libraries and the batch of pages it holds included."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_markdown(path: Path, args: argparse.Namespace, header: list[str], body: str) -> None:
    """Markdown report: header facts, the tables, and the chart if one was written."""
    lines = ["# cleaner benchmark", "", *(f"- {h}" for h in header), "", body]
    if args.chart:
        rel = os.path.relpath(Path(args.chart).resolve(), path.resolve().parent)
        lines += ["", f"![word F1 per page type]({rel})"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_json(path: Path, header: dict[str, Any], all_summaries: Summaries, results: Results) -> None:
    """Every number: run facts, summaries (all and held-out) and per-document scores."""
    modes = {
        mode: {
            name: {"all": asdict(s), "heldout": asdict(h), "docs": [asdict(d) for d in results[mode][name]]}
            for name, (s, h) in summaries.items()
        }
        for mode, summaries in all_summaries.items()
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**header, "modes": modes}, indent=1), encoding="utf-8")


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--corpus",
        type=Path,
        nargs="+",
        default=[REPO_ROOT.parent / "shared" / "datasets" / "wcxb-dev"],
        help="corpus directories in either layout, each scored apart (default: ../shared/datasets/wcxb-dev)",
    )
    ap.add_argument("--limit", type=int, help="only the first N selected documents by id")
    ap.add_argument(
        "--split",
        choices=("all", "tune", "heldout"),
        default="all",
        help="heldout = ids with id %% 5 == 0, tune = the rest (default: all)",
    )
    ap.add_argument(
        "--systems",
        default="cleaner,trafilatura",
        help=f"comma-separated from {','.join(HTML_SYSTEMS)}; text modes use only cleaner",
    )
    ap.add_argument(
        "--mode",
        choices=(*MODES, "text", "all"),
        default="html",
        help="html: extract from the page; text-*: clean a text dump of the page; text: both dumps; all: every mode",
    )
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run the whole benchmark N times, each time in fresh workers, and time each page by its median CPU "
        "seconds over the N runs (a machine shared with other jobs: one run's speed ratio moves by 10-15%%)",
    )
    ap.add_argument("--out-md", type=Path, help="write a markdown report here")
    ap.add_argument("--chart", type=Path, help="write a PNG bar chart of word F1 per page type here")
    ap.add_argument("--json", type=Path, help="dump every number (incl. per-document scores) here")
    args = ap.parse_args(argv)
    args.systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(args.systems) - set(HTML_SYSTEMS)
    if unknown or not args.systems:
        ap.error(f"unknown systems {sorted(unknown)}; choose from {','.join(HTML_SYSTEMS)}")
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    return args


def build_plan(args: argparse.Namespace) -> dict[str, list[System]]:
    """Systems per mode; exits with a message when a requested system cannot be imported."""
    modes = MODES if args.mode == "all" else TEXT_MODES if args.mode == "text" else (args.mode,)
    try:
        return {mode: build_systems(mode, args.systems) for mode in modes}
    except ImportError as exc:
        sys.exit(f"cannot import a requested system: {exc}")


def summarise_all(results: Results) -> Summaries:
    """Per mode and system, the (all selected, held-out slice) summaries."""
    return {
        mode: {
            name: (summarise(scores), summarise([s for s in scores if s.heldout]))
            for name, scores in per_system.items()
        }
        for mode, per_system in results.items()
    }


def evaluate_corpora(
    corpora: Sequence[Path], split: str, limit: int | None, plan: dict[str, list[System]], workers: Workers
) -> Results:
    """`evaluate` on each corpus; with more than one, each mode's results are labelled '<corpus> <mode>'."""
    results: Results = {}
    for corpus in corpora:
        docs = select(load_corpus(corpus), split, limit)
        if not docs:
            sys.exit(f"{corpus}: no documents selected")
        print(f"{corpus.name}: {len(docs)} documents", file=sys.stderr, flush=True)
        for mode, per_system in evaluate(docs, plan, workers).items():
            results[f"{corpus.name} {mode}" if len(corpora) > 1 else mode] = per_system
    return results


def median_timings(rounds: Sequence[Results]) -> Results:
    """The first round's results with each page's CPU seconds the median over `rounds` (runs of one plan over the
    same pages): a burst of load on a shared machine moves one round's time of a page, not the median of three."""
    first = rounds[0]
    return {
        label: {
            name: [
                replace(s, cpu_s=statistics.median(r[label][name][k].cpu_s for r in rounds))
                for k, s in enumerate(scores)
            ]
            for name, scores in per_system.items()
        }
        for label, per_system in first.items()
    }


def corpus_table(all_summaries: Summaries, markdown: bool) -> str:
    """One row per section (corpus and mode) and system: shingle P/R/F1, word F1 (all and held-out), `without` rate,
    docs per CPU-second and its ratio to trafilatura's in the same run."""
    rows = []
    for label, summaries in all_summaries.items():
        base = summaries.get("trafilatura", (None, None))[0]
        for name, (s, h) in summaries.items():
            ratio = (
                s.docs_per_cpu_s / base.docs_per_cpu_s if base and s.docs_per_cpu_s and base.docs_per_cpu_s else None
            )
            rows.append(
                [label, name, f"{s.docs}", *(_fmt(x) for x in s.shingle), _fmt(s.word[2]),
                 _fmt(h.word[2] if h.docs else None), _fmt(s.without_rate), _fmt(s.docs_per_cpu_s, 1),
                 f"{ratio:.2f}x" if ratio else "-"]
            )  # fmt: skip
    headers = [
        "corpus",
        "system",
        "docs",
        "sh-P",
        "sh-R",
        "sh-F1",
        "w-F1",
        "w-F1 held",
        "without",
        "docs/cpu-s",
        "speed",
    ]
    title = "### every corpus" if markdown else "== every corpus"
    return f"{title}\n\n{render_table(headers, rows, markdown)}\n"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark and print (and optionally write) its report."""
    args = parse_args(argv)
    plan = build_plan(args)
    facts: dict[str, Any] = {
        "command": shlex.join([sys.executable, *(sys.argv if argv is None else [__file__, *argv])]),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "corpus": [str(c.resolve()) for c in args.corpus],
        "split": args.split,
        "runs": f"{args.repeat} (each page timed by its median CPU seconds)" if args.repeat > 1 else "1",
        "versions": versions_text(plan),
    }
    header = [f"{k}: {', '.join(v) if isinstance(v, list) else v}" for k, v in facts.items()]
    print("\n".join(header) + "\n", flush=True)
    rounds, peaks = [], {}
    for n in range(args.repeat):
        if args.repeat > 1:
            print(f"run {n + 1} of {args.repeat}", file=sys.stderr, flush=True)
        workers = start_workers(plan)  # fresh each run: no cache a system filled in one run serves it in the next
        rounds.append(evaluate_corpora(args.corpus, args.split, args.limit, plan, workers))
        for (mode, name), worker in workers.items():
            key = f"{mode} {name}" if len(plan) > 1 else name
            peaks[key] = max(peaks.get(key, 0.0), worker.close())
    results = median_timings(rounds)
    all_summaries = summarise_all(results)
    overview = corpus_table(all_summaries, markdown=False) + "\n" if len(args.corpus) > 1 else ""
    print(overview + report(all_summaries, markdown=False))
    if args.chart:
        write_chart(args.chart, all_summaries)
    facts["peak_rss_mib"] = {name: round(peak, 1) for name, peak in peaks.items()}
    memory = "peak RSS per worker (MiB): " + ", ".join(f"{name} {peak}" for name, peak in facts["peak_rss_mib"].items())
    print(memory)
    if args.out_md:
        overview = corpus_table(all_summaries, markdown=True) + "\n" if len(args.corpus) > 1 else ""
        write_markdown(args.out_md, args, header, overview + report(all_summaries, markdown=True) + "\n" + memory)
    if args.json:
        write_json(args.json, facts, all_summaries, results)


if __name__ == "__main__":
    main()
