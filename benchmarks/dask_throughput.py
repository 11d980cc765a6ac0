"""Documents per second per worker of `cleaner.integrations.dask.clean_bag` on a local Dask cluster.

    .venv/bin/python benchmarks/dask_throughput.py --limit 200 --workers 1,2

Each worker is its own process with one thread; the workers read and gunzip the WCXB pages themselves, so the
timing covers reading, decompressing and cleaning. The single-process row is the same work in a plain loop.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import dask.bag as db
from distributed import Client, LocalCluster

from cleaner.integrations.dask import clean_bag
from cleaner.integrations.worker import worker_pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "wcxb-dev"


def load_page(page: Path) -> dict[str, Any]:
    """The record for one WCXB page: its id, its URL from the ground truth, its HTML bytes."""
    truth = page.parent.parent / "ground-truth" / page.name.replace(".html.gz", ".json")
    url = json.loads(truth.read_text(encoding="utf-8")).get("url") if truth.exists() else None
    return {"id": page.name.split(".")[0], "url": url, "html": gzip.decompress(page.read_bytes())}


def run_cluster(pages: list[Path], workers: int, repeat: int, partition_size: int) -> list[tuple[float, float]]:
    """(wall-clock, workers' CPU) seconds of each timed run of the batch on a local cluster of `workers` processes."""
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        client.run(worker_pipeline, ())
        warm = db.from_sequence(pages[: 2 * workers], partition_size=1).map(load_page)
        client.compute(clean_bag(warm)).result()
        times = []
        for _ in range(repeat):
            cpu, start = sum(client.run(time.process_time).values()), time.perf_counter()
            bag = db.from_sequence(pages, partition_size=partition_size).map(load_page)
            results = client.compute(clean_bag(bag)).result()
            times.append((time.perf_counter() - start, sum(client.run(time.process_time).values()) - cpu))
            assert len(results) == len(pages)
    return times


def run_single(pages: list[Path], repeat: int) -> list[tuple[float, float]]:
    """(wall-clock, CPU) seconds of the same work in a loop in this process, after one warm-up page."""
    pipeline = worker_pipeline(())
    pipeline.clean(load_page(pages[0])["html"])
    times = []
    for _ in range(repeat):
        cpu, start = time.process_time(), time.perf_counter()
        for page in pages:
            record = load_page(page)
            pipeline.clean(record["html"], url=record["url"])
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    return times


def main() -> None:
    """Print a markdown table: per setup the median wall time, docs/s, docs/s per worker and per worker CPU-second."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with html/<id>.html.gz")
    parser.add_argument("--limit", type=int, default=200, help="number of pages (the first ones by id)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts to measure")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per setup; the median is shown")
    parser.add_argument("--partition-size", type=int, default=8, help="pages per partition")
    args = parser.parse_args()
    pages = sorted((args.corpus / "html").glob("*.html.gz"))[: args.limit]
    if not pages:
        sys.exit(f"no pages in {args.corpus / 'html'}")
    print(f"{len(pages)} pages, {os.cpu_count()} CPUs, partition size {args.partition_size}")
    print("| setup | docs | median s | docs/s | docs/s per worker | docs per worker CPU-second |")
    print("| --- | --- | --- | --- | --- | --- |")
    setups = [("single process (no Dask)", 1, run_single(pages, args.repeat))]
    for n in (int(w) for w in args.workers.split(",")):
        times = run_cluster(pages, n, args.repeat, args.partition_size)
        setups.append((f"local cluster, {n} worker(s) x 1 thread", n, times))
    for name, workers, times in setups:
        seconds = statistics.median(wall for wall, _ in times)
        cpu = statistics.median(cpu for _, cpu in times)
        rate = len(pages) / seconds
        print(f"| {name} | {len(pages)} | {seconds:.1f} | {rate:.1f} | {rate / workers:.1f} | {len(pages) / cpu:.1f} |")


if __name__ == "__main__":
    main()
