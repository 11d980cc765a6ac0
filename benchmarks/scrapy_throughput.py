"""Items per second of a crawl through `CleanArticlePipeline` (examples/scrapy_project) on a loopback server.

    .venv/bin/python benchmarks/scrapy_throughput.py --limit 200 --workers 1,2

The WCXB pages are served gunzipped from 127.0.0.1; the first row is the same crawl without the pipeline,
so it shows what downloading and parsing alone allow.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "datasets" / "wcxb-dev"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def crawl(start_url: str, workers: int | None) -> tuple[int, float, float]:
    """Run the example spider: items scraped and seconds from its stats, CPU seconds of the crawl and its pool.

    `workers=None` runs it without the pipeline.
    """
    settings = ["LOG_LEVEL=INFO", "TELNETCONSOLE_ENABLED=False", "REMOTE_CONTROL_ENABLED=False", "ROBOTSTXT_OBEY=False"]
    if workers is None:
        settings.append("ITEM_PIPELINES={}")
    else:
        settings += [f"CLEANER_MAX_WORKERS={workers}", "CLEANER_DROP_EMPTY=False"]
    cpu = _children_cpu()
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "articles",
                "-a",
                f"start_url={start_url}",
                "-O",
                f"{tmp}/items.jsonl",
                *(f"-s{s}" for s in settings),
            ],
            cwd=ROOT / "examples" / "scrapy_project",
            capture_output=True,
            text=True,
            check=True,
        )
    items = re.search(r"'item_scraped_count': (\d+)", run.stderr)
    seconds = re.search(r"'elapsed_time_seconds': ([\d.]+)", run.stderr)
    assert items and seconds, run.stderr[-3000:]
    return int(items.group(1)), float(seconds.group(1)), _children_cpu() - cpu


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes of this one and their descendants."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Serve the pages, crawl them once per setup and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with html/<id>.html.gz")
    parser.add_argument("--limit", type=int, default=200, help="number of pages (the first ones by id)")
    parser.add_argument("--workers", default="1,2", help="comma-separated CLEANER_MAX_WORKERS values to measure")
    args = parser.parse_args()
    pages = sorted((args.corpus / "html").glob("*.html.gz"))[: args.limit]
    if not pages:
        sys.exit(f"no pages in {args.corpus / 'html'}")
    with tempfile.TemporaryDirectory() as site:
        for page in pages:
            Path(site, page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
        links = "".join(f"<a href='{p.name.removesuffix('.gz')}'>{p.name}</a>\n" for p in pages)
        Path(site, "index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=site))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        start_url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
        print(f"{len(pages)} pages, {os.cpu_count()} CPUs")
        print("| setup | items | seconds | items/s | items/s per cleaning process | CPU s (crawl + pool) |")
        print("| --- | --- | --- | --- | --- | --- |")
        items, seconds, cpu = crawl(start_url, None)
        print(f"| crawl only (no pipeline) | {items} | {seconds:.1f} | {items / seconds:.1f} | - | {cpu:.1f} |")
        for workers in (int(w) for w in args.workers.split(",")):
            items, seconds, cpu = crawl(start_url, workers)
            rate = items / seconds
            print(
                f"| CleanArticlePipeline, CLEANER_MAX_WORKERS={workers} | {items} | {seconds:.1f} | {rate:.1f} "
                f"| {rate / workers:.1f} | {cpu:.1f} |"
            )
        server.shutdown()


if __name__ == "__main__":
    main()
