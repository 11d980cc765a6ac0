#!/usr/bin/env python
"""Throughput of the `cleaner clean` command: files/s with each --jobs value, their ratio, and peak worker memory.

Copies the first N gzipped pages of a corpus (`html/*.html.gz`, read by the CLI as they are) into a temporary
folder, then runs the real command on it once per --jobs value, with --force into a fresh output folder.
Files/s is N over the wall time of the whole command (start-up included); with --repeat the best round of each
--jobs value counts, since other work on the machine only ever slows a round down. CPU per file counts every
process of the command (main and workers), so it shows the cost of parallelism even on a busy machine. The peak
worker memory is the one the command's summary reports (ru_maxrss of the workers, or of the command with --jobs 1).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
_PEAK = re.compile(r"peak worker memory (\d+) MiB")


def run_cli(inputs: Path, out: Path, jobs: int) -> tuple[float, float, int, str]:
    """Run the command once; return wall seconds, CPU seconds (all its processes), peak worker MiB, summary line."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "src")}  # benchmark the working tree
    command = [sys.executable, "-m", "cleaner", "clean", str(inputs), "-o", str(out), "--jobs", str(jobs), "--force"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    if done.returncode not in (0, 1):
        raise SystemExit(f"cleaner exited with {done.returncode}: {done.stderr}")
    peak = _PEAK.search(summary)
    return seconds, cpu, int(peak.group(1)) if peak else 0, summary


def main(argv: Sequence[str] | None = None) -> None:
    """Prepare the inputs, time each --jobs value, print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--corpus",
        type=Path,
        default=REPO_ROOT.parent / "shared" / "datasets" / "wcxb-dev",
        help="corpus with html/*.html.gz (default: ../shared/datasets/wcxb-dev)",
    )
    ap.add_argument("--files", type=int, default=500, help="number of pages to clean (default 500)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to compare (default 1,2)")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="rounds over the --jobs values; the best files/s of each counts (other work only slows)",
    )
    args = ap.parse_args(argv)
    pages = sorted((args.corpus / "html").glob("*.html.gz"))[: args.files]
    if not pages:
        raise SystemExit(f"no html/*.html.gz under {args.corpus}")
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="cli-throughput-") as scratch:
        inputs = Path(scratch) / "in"
        inputs.mkdir()
        for page in pages:
            shutil.copy(page, inputs / page.name)
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(
            f"{len(pages)} files from {args.corpus}, {os.cpu_count()} cores, load average {load} (other work skews this)"
        )
        rates: dict[int, float] = {}
        for round_ in range(args.repeat):
            for n in jobs:
                seconds, cpu, peak, summary = run_cli(inputs, Path(scratch) / f"out{n}", n)
                rates[n] = max(rates.get(n, 0.0), len(pages) / seconds)
                print(
                    f"round {round_ + 1} --jobs {n}: {len(pages) / seconds:6.2f} files/s ({seconds:.1f} s wall, "
                    f"{cpu / len(pages) * 1000:.0f} ms CPU per file), peak worker memory {peak} MiB, "
                    f"load {os.getloadavg()[0]:.2f}"
                )
                print(f"    {summary}")
        for n in jobs:
            print(f"--jobs {n}: best {rates[n]:.2f} files/s")
        base = rates[jobs[0]]
        for n in jobs[1:]:
            print(f"speed-up --jobs {n} / --jobs {jobs[0]} (best rounds): {rates[n] / base:.2f}x")


if __name__ == "__main__":
    main()
