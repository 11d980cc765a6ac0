"""A real crawl of the example project (examples/scrapy_project) against a loopback server of the sample pages."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("scrapy", reason="the Scrapy integration needs the extra: pip install 'cleaner[scrapy]'")

from cleaner import Pipeline, clean_article
from cleaner.integrations.scrapy import DEFAULT_FIELDS

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ROOT / "examples" / "scrapy_project"
SAMPLES = sorted((ROOT / "samples" / "html").glob("*.html"))
NO_TEXT = "<html><head><title>Gallery</title></head><body><img src='/photo.jpg' alt=''></body></html>"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample pages plus a page without text, linked from index.html, served on 127.0.0.1."""
    assert SAMPLES, "samples/html/ has no pages"
    root = tmp_path_factory.mktemp("site")
    for page in SAMPLES:
        shutil.copy(page, root / page.name)
    (root / "empty.html").write_text(NO_TEXT, encoding="utf-8")
    links = "".join(f"<a href='{name}'>{name}</a>\n" for name in [p.name for p in SAMPLES] + ["empty.html"])
    (root / "index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def crawl(start: str, out: Path, *settings: str) -> tuple[dict[str, dict], str]:
    """Run `scrapy crawl articles` in the example project; the items by page name and the crawl log."""
    fields = json.dumps(["html", *DEFAULT_FIELDS, "warnings"])
    quiet = ("LOG_LEVEL=INFO", "TELNETCONSOLE_ENABLED=False", "REMOTE_CONTROL_ENABLED=False")
    overrides = [f"-s{s}" for s in (*quiet, f"FEED_EXPORT_FIELDS={fields}", *settings)]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "articles",
            "-a",
            f"start_url={start}index.html",
            "-O",
            str(out),
            *overrides,
        ],
        check=False,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {item["url"].rsplit("/", 1)[1]: item for item in items}, run.stderr


def test_crawl_adds_article_fields_and_drops_empty_pages(site: str, tmp_path: Path) -> None:
    items, log = crawl(site, tmp_path / "items.jsonl", "CLEANER_MAX_WORKERS=2")
    assert sorted(items) == [p.name for p in SAMPLES]  # the page without text was dropped
    assert f"no article text in {site}empty.html" in log
    assert "'cleaner/empty': 1" in log and f"'cleaner/cleaned': {len(SAMPLES) + 1}" in log
    for name, item in items.items():
        expected = clean_article(item["html"], url=item["url"]).to_dict(audit=False)
        assert item["text"].strip() and item["title"], name
        assert {field: item[field] for field in DEFAULT_FIELDS} == {field: expected[field] for field in DEFAULT_FIELDS}
        assert "warnings" not in item  # not among the output fields by default


def test_crawl_keeps_empty_pages_and_respects_settings(site: str, tmp_path: Path) -> None:
    items, _ = crawl(
        site,
        tmp_path / "items.jsonl",
        "CLEANER_DROP_EMPTY=False",
        "CLEANER_DISABLED_FILTERS=navigation",
        "CLEANER_OUTPUT_FIELDS=text,title,warnings",
        "CLEANER_MAX_WORKERS=1",
        "TWISTED_REACTOR=twisted.internet.selectreactor.SelectReactor",  # not asyncio
    )
    assert sorted(items) == sorted([p.name for p in SAMPLES] + ["empty.html"])
    assert items["empty.html"]["text"] == "" and items["empty.html"]["warnings"]
    without_navigation = Pipeline()
    without_navigation.remove("navigation")
    changed = 0
    for name, item in items.items():
        assert set(item) == {"url", "html", "text", "title", "warnings"}, name
        expected = without_navigation.clean(item["html"], url=item["url"])
        assert (item["text"], item["title"], item["warnings"]) == (expected.text, expected.title, expected.warnings)
        changed += expected.text != clean_article(item["html"], url=item["url"]).text
    assert changed, "no sample page shows the navigation filter at work, so the check above proves nothing"
