#!/usr/bin/env python
"""Load on the HTTP service: C concurrent clients for S seconds against a real `cleaner serve` on loopback.

The clients post corpus pages (the first N gzipped pages of `--corpus`), with a hostile body mixed in every
`--hostile-every` requests (a 99k-element page, 100k-deep nesting, a PNG, a body over the size limit). It prints
requests per second, p50/p99 latency per kind of body, the answers by status, and whether every request got an
answer; then the CLI's files per second on the same pages with as many jobs (cli_throughput.run_cli), so the two
ways in can be compared on this machine in one run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "benchmarks"))

from cli_throughput import run_cli

MAX_BYTES = 8_000_000


def hostile_bodies() -> list[bytes]:
    """Bodies built to cost: many elements, deep nesting, binary, oversized."""
    return [
        b"<html><body>" + b"<div><span>x</span></div>" * 99_000 + b"</body></html>",
        b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000 + b"</body></html>",
        b"\x89PNG\r\n\x1a\n" + bytes(4096),
        b"<html><body>" + b"<p>words and more words</p>" * (MAX_BYTES // 26 + 1) + b"</body></html>",
    ]


def post(url: str, body: bytes) -> tuple[int, float]:
    """(status, seconds) of one request; (0, seconds) when no answer came."""
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "text/html"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=300) as answer:
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as err:
        err.read()
        status = err.code
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    """A `cleaner serve` process of this checkout, once it answers /healthz."""
    port = free_port()
    command = [sys.executable, "-m", "cleaner", "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen([*command, "--max-bytes", str(MAX_BYTES)], env={"PYTHONPATH": str(REPO_ROOT / "src")})
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2).read()
            return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("the server did not come up")


def load(base: str, pages: list[bytes], clients: int, seconds: float, hostile_every: int) -> dict:
    """Run the clients; every request's (kind, status, seconds)."""
    results: list[tuple[str, int, float]] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    hostile = hostile_bodies()
    counter = iter(range(10**9))

    def client() -> None:
        while time.monotonic() < stop:
            with lock:
                n = next(counter)
            if n % hostile_every == 0:  # each hostile body in turn
                kind, body = "hostile", hostile[(n // hostile_every) % len(hostile)]
            else:
                kind, body = "page", pages[n % len(pages)]
            status, took = post(base + "/v1/clean", body)
            with lock:
                results.append((kind, status, took))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    out: dict = {"requests": len(results), "wall_s": round(wall, 1), "rps": round(len(results) / wall, 2)}
    out["statuses"] = dict(Counter(str(s) for _, s, _ in results))
    out["unanswered"] = sum(1 for _, s, _ in results if s == 0)
    for kind in ("page", "hostile"):
        times = sorted(t for k, _, t in results if k == kind)
        if times:
            out[f"{kind}_p50_ms"] = round(1000 * statistics.median(times))
            out[f"{kind}_p99_ms"] = round(1000 * times[min(len(times) - 1, int(0.99 * len(times)))])
    return out


def main() -> None:
    """Serve, load, report; then the CLI on the same pages."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO_ROOT.parent / "shared" / "datasets" / "wcxb-dev")
    ap.add_argument("--pages", type=int, default=100, help="how many corpus pages the clients cycle through")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--hostile-every", type=int, default=10, help="every Nth request is a hostile body")
    args = ap.parse_args()
    files = sorted((args.corpus / "html").glob("*.html.gz"))[: args.pages]
    pages = [gzip.decompress(f.read_bytes()) for f in files]
    proc, base = start_server(args.workers)
    try:
        result = load(base, pages, args.clients, args.seconds, args.hostile_every)
        result["still_answering"] = post(base + "/v1/clean", pages[0])[0] == 200
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    result.update(workers=args.workers, clients=args.clients)
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            (Path(tmp) / f.name).write_bytes(f.read_bytes())
        wall, _, _, _ = run_cli(Path(tmp), Path(tmp) / "out", args.workers)
        result["cli_files_per_s"] = round(len(files) / wall, 2)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
