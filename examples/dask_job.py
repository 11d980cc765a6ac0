"""Clean a folder of saved pages on a running Dask cluster and write the articles as JSON lines.

    python examples/dask_job.py tcp://scheduler:8786 crawl/ out/ --disable captions

The workers read the pages and write `out/part-<n>.jsonl` (one file per partition, in input order), so
`crawl/` and `out/` must be on storage every worker sees: a shared file system, or the local disk of a
one-machine cluster.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from distributed import Client

from cleaner.integrations.dask import clean_paths

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")


def main() -> None:
    """Parse the arguments, send the batch to the cluster, wait for the files to be written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("address", help="the scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("pages", type=Path, help="folder of .html/.htm/.xhtml files, walked recursively")
    parser.add_argument("out", type=Path, help="folder for part-<n>.jsonl")
    parser.add_argument("--disable", action="append", default=[], metavar="FILTER", help="filter to take out")
    parser.add_argument("--partition-size", type=int, default=16, help="pages per task (default 16)")
    args = parser.parse_args()
    paths = sorted(p.resolve() for p in args.pages.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
    with Client(args.address, timeout=30):
        articles = clean_paths(paths, disabled=args.disable, partition_size=args.partition_size)
        articles.map(json.dumps, ensure_ascii=False).to_textfiles(str(args.out.resolve() / "part-*.jsonl"))
    print(f"{len(paths)} pages cleaned into {args.out}/part-*.jsonl")


if __name__ == "__main__":
    main()
