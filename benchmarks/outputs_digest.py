"""A digest of cleaner's every output on a corpus, to show that a change (a refactor, a speed-up) changed none.

One line per page and input kind (the HTML page, and its naive and layout text dumps as bench.py makes them): the
id, the kind and a SHA-1 of the Article's JSON (body with its structure, links and images; metadata, warnings,
removals) and Markdown with links and images. Run it on the commits before and after and compare the two files:

    git worktree add /tmp/before HEAD~1 && cp benchmarks/outputs_digest.py /tmp/before/benchmarks/
    .venv/bin/python /tmp/before/benchmarks/outputs_digest.py > /tmp/before.tsv
    .venv/bin/python benchmarks/outputs_digest.py > /tmp/after.tsv
    diff /tmp/before.tsv /tmp/after.tsv && echo identical

Like bench.py, it imports `cleaner` from the checkout it sits in (its `src/` first on `sys.path`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
KINDS = ("html", "text-naive", "text-layout")


def parse_args() -> argparse.Namespace:
    """The command line: corpus, how many pages, which input kinds."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=REPO_ROOT.parent / "shared" / "datasets" / "wcxb-dev")
    ap.add_argument("--limit", type=int, help="only the first N pages by id")
    ap.add_argument("--kinds", default=",".join(KINDS), help=f"any of {','.join(KINDS)}")
    return ap.parse_args()


def main() -> None:
    """Print one `id<TAB>kind<TAB>sha1` line per page and input kind."""
    args = parse_args()
    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    from bench import layout_dump, load_corpus, naive_dump, read_page, select
    from cleaner import clean_article

    kinds = args.kinds.split(",")
    for doc in select(load_corpus(args.corpus), "all", args.limit):
        page = read_page(doc)
        for kind in kinds:
            if kind == "html":
                article = clean_article(page.raw, url=doc.url)
            else:
                dump = (naive_dump if kind == "text-naive" else layout_dump)(page).text
                article = clean_article(dump, url=doc.url, format="text")
            data = article.to_dict(body=True, links=True, images=True)  # the structured body, links and images too
            body = json.dumps(data, sort_keys=True, ensure_ascii=False) + article.to_markdown(links=True, images=True)
            print(f"{doc.id}\t{kind}\t{hashlib.sha1(body.encode()).hexdigest()}", flush=True)


if __name__ == "__main__":
    main()
