"""A real Dask cluster (scheduler and two workers, each its own process, on 127.0.0.1) cleans the sample pages."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag", reason="the Dask integration needs the extra: pip install 'cleaner[dask]'")
pytest.importorskip("distributed", reason="the Dask integration needs the extra: pip install 'cleaner[dask]'")

import dask.bag as db
from distributed import Client

from cleaner import Pipeline, clean_article
from cleaner.integrations.dask import clean_bag, clean_paths, run_on_cluster
from cleaner.integrations.worker import clean_page, worker_pipeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples" / "html").glob("*.html"))
TIMEOUT = 300


def _start(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", *args], stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group we started (a worker's nanny and its worker), SIGKILL if it lingers."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(process.pid, sig)
            process.wait(wait)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The scheduler's address, once both workers have joined; everything is torn down afterwards."""
    assert SAMPLES, "samples/html/ has no pages"
    tmp = tmp_path_factory.mktemp("dask")
    scheduler_file = tmp / "scheduler.json"
    processes = []
    try:
        processes.append(
            _start(
                [
                    "distributed.cli.dask_scheduler",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "0",
                    "--no-dashboard",
                    "--scheduler-file",
                    str(scheduler_file),
                ],
                tmp / "scheduler.log",
            )
        )
        deadline = time.monotonic() + 60
        while not scheduler_file.exists():
            assert processes[0].poll() is None, (tmp / "scheduler.log").read_text()
            assert time.monotonic() < deadline, "the scheduler did not write its address within 60 s"
            time.sleep(0.2)
        for n in range(2):
            processes.append(
                _start(
                    [
                        "distributed.cli.dask_worker",
                        "--scheduler-file",
                        str(scheduler_file),
                        "--host",
                        "127.0.0.1",
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--death-timeout",
                        "60",
                        "--local-directory",
                        str(tmp / f"worker{n}"),
                    ],
                    tmp / f"worker{n}.log",
                )
            )
        address = json.loads(scheduler_file.read_text())["address"]
        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=90)
        yield address
    finally:
        for process in reversed(processes):
            _stop(process)


def test_bags_on_the_cluster_match_the_single_process_run(cluster: str) -> None:
    records: list[dict[str, Any]] = [
        {"id": n, "html": p.read_bytes(), "url": f"https://example.org/{p.name}"} for n, p in enumerate(SAMPLES)
    ]
    without_navigation = Pipeline()
    without_navigation.remove("navigation")
    with Client(cluster, timeout=30) as client:
        client.run(worker_pipeline.cache_clear)
        from_paths = client.compute(clean_paths(SAMPLES, partition_size=2)).result(timeout=TIMEOUT)
        bag = db.from_sequence(records, partition_size=2)
        from_records = client.compute(clean_bag(bag, disabled=["navigation"], audit=True)).result(timeout=TIMEOUT)
        caches = client.run(worker_pipeline.cache_info)

    assert from_paths == [{"path": str(p), **clean_article(p).to_dict(audit=False)} for p in SAMPLES]
    assert from_records == [
        {"id": r["id"], "url": r["url"], **without_navigation.clean(r["html"], url=r["url"]).to_dict(audit=True)}
        for r in records
    ]
    partitions = 2 * -(-len(SAMPLES) // 2)
    assert len(caches) == 2 and all(info.hits for info in caches.values()), caches  # both workers took part
    assert all(info.misses <= 2 for info in caches.values()), caches  # one pipeline per worker and configuration
    assert sum(info.hits + info.misses for info in caches.values()) == partitions  # looked up once per partition


def test_run_on_cluster_streams_tasks_and_results(cluster: str) -> None:
    taken: list[Path] = []

    def pages() -> Iterator[Path]:
        for page in SAMPLES:
            taken.append(page)
            yield page

    results = run_on_cluster(partial(clean_page, url=None, disabled=()), pages(), cluster, ahead=1)
    page, future = next(results)
    assert len(taken) == 2  # one task per worker thread in flight, no more read ahead
    articles = {page: future.result(), **{page: future.result() for page, future in results}}
    assert sorted(articles) == SAMPLES
    assert all(articles[p].to_dict() == clean_article(p).to_dict() for p in SAMPLES)
    assert list(run_on_cluster(len, [], cluster)) == []


def test_the_example_job_writes_the_single_process_results(cluster: str, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "more").mkdir(parents=True)
    for n, sample in enumerate(SAMPLES):
        (pages / ("more" if n % 2 else "") / sample.name).write_bytes(sample.read_bytes())
    out = tmp_path / "out"
    job = [str(ROOT / "examples" / "dask_job.py"), cluster, str(pages), str(out), "--partition-size", "3"]
    run = subprocess.run(
        [sys.executable, *job],
        check=False,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    parts = sorted(out.glob("part-*.jsonl"), key=lambda p: int(p.stem.split("-")[1]))
    lines = [json.loads(line) for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
    paths = sorted(p.resolve() for p in pages.rglob("*.html"))
    assert lines == [{"path": str(p), **clean_article(p).to_dict(audit=False)} for p in paths]


def test_cli_cluster_writes_what_a_local_run_writes(cluster: str, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "gz").mkdir(parents=True)
    for n, sample in enumerate(SAMPLES):
        data = sample.read_bytes()
        if n % 3:
            (pages / sample.name).write_bytes(data)
        else:
            (pages / "gz" / f"{sample.name}.gz").write_bytes(gzip.compress(data))

    def cleaner(out: str, *more: str) -> dict[str, str]:
        run = subprocess.run(
            [sys.executable, "-m", "cleaner", "clean", "pages", "-o", out, "-f", "json", "-q", *more],
            check=False,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        assert run.returncode == 0, run.stderr[-4000:]
        files = (tmp_path / out).rglob("*.json")
        return {p.relative_to(tmp_path / out).as_posix(): p.read_text(encoding="utf-8") for p in files}

    on_cluster = cleaner("cluster", "--cluster", cluster)  # relative paths: the workers run elsewhere
    assert len(on_cluster) == len(SAMPLES)
    assert on_cluster == cleaner("local", "-j", "1")
