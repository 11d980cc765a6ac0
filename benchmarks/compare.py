"""Compare two runs of bench.py page by page (their `--json` files): per mode and system, each run's word and
shingle F1 over the pages both scored, how many pages got better or worse, and the pages that moved most. A change's
mean hides what it did: +0.0003 can be ten pages fixed and one broken, or four hundred pages moved both ways
(retraining noise).

    python benchmarks/bench.py --corpus ../shared/datasets/dragnet --systems cleaner --json /tmp/before.json
    (change the code)
    python benchmarks/bench.py --corpus ../shared/datasets/dragnet --systems cleaner --json /tmp/after.json
    python benchmarks/compare.py /tmp/before.json /tmp/after.json

`train_blocks.py --end-to-end --json` writes the same layout (the tune pages cleaned by the fold models), so two
trainings compare the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cleaner.metrics import aggregate_shingle, aggregate_word

MOVED = 1e-4  # a page whose F1 changed by less than this did not move


def per_page(run: dict[str, Any]) -> dict[tuple[str, str], dict[str, dict[str, Any]]]:
    """(mode, system) -> page id -> that page's scores, from a bench.py JSON file's contents. bench.py names a mode
    "<corpus> <mode>" in a run over several corpora and "<mode>" in a run over one; the latter gets its corpus's name,
    so that a run over one corpus compares with a run over several."""
    corpora = run.get("corpus", [])
    prefix = f"{Path(corpora[0]).name} " if len(corpora) == 1 else ""
    return {
        (mode if " " in mode else prefix + mode, system): {doc["id"]: doc for doc in result["docs"]}
        for mode, systems in run["modes"].items()
        for system, result in systems.items()
    }


def compare(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]], metric: str, show: int) -> list[str]:
    """Report lines for one mode and system: both runs' word and shingle F1 over the pages both scored, pages up and
    down by the per-page `metric` F1, and the `show` largest moves each way."""
    ids = sorted(before.keys() & after.keys())
    if not ids:
        return ["  no page in both runs"]
    f1 = {
        name: (aggregate([before[i][name] for i in ids])[2], aggregate([after[i][name] for i in ids])[2])
        for name, aggregate in (("word", aggregate_word), ("shingle", aggregate_shingle))
    }
    moves = sorted((after[i][metric][2] - before[i][metric][2], i) for i in ids)
    up = [m for m in moves if m[0] >= MOVED]
    down = [m for m in moves if m[0] <= -MOVED]
    lines = [
        f"  {len(ids)} pages: word F1 {f1['word'][0]:.4f} -> {f1['word'][1]:.4f}, "
        f"shingle F1 {f1['shingle'][0]:.4f} -> {f1['shingle'][1]:.4f}; "
        f"by {metric} F1 better on {len(up)} (+{sum(d for d, _ in up):.2f}), "
        f"worse on {len(down)} ({sum(d for d, _ in down):.2f})"
    ]
    for label, chosen in (("worse", down[:show]), ("better", up[::-1][:show])):
        if chosen:
            lines.append(f"  {label}: " + ", ".join(f"{i} ({before[i]['page_type']}) {d:+.3f}" for d, i in chosen))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", type=Path, help="bench.py --json file of the first run")
    ap.add_argument("after", type=Path, help="bench.py --json file of the second run")
    ap.add_argument("--metric", choices=("word", "shingle"), default="word", help="per-page F1 the moves are read in")
    ap.add_argument("--show", type=int, default=5, help="largest moves listed each way")
    args = ap.parse_args()
    before = per_page(json.loads(args.before.read_text(encoding="utf-8")))
    after = per_page(json.loads(args.after.read_text(encoding="utf-8")))
    common = [key for key in before if key in after]
    if not common:
        sys.exit("no mode and system in both runs")
    for mode, system in common:
        print(f"{mode}, {system}")
        print("\n".join(compare(before[mode, system], after[mode, system], args.metric, args.show)))


if __name__ == "__main__":
    main()
