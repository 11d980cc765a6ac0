"""The command line: `cleaner clean`, `cleaner serve` and `cleaner filters`, their options, and the usage error they
raise."""

from __future__ import annotations

import argparse
import os

from ..limits import Limits
from ..load.source import DEFAULT_MAX_BYTES, FORMATS
from ..pipeline import EXTRACTORS
from ..shared.keep import FAVORS

OUTPUT_FORMATS = ("txt", "md", "html", "json", "jsonl")


class UsageError(Exception):
    """A wrong command line or config file: reported in one line, exit code 2."""


def default_jobs() -> int:
    """The number of cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def build_parser() -> argparse.ArgumentParser:
    """The `cleaner` argument parser with its three subcommands."""
    parser = argparse.ArgumentParser(
        prog="cleaner", description="Strip the boilerplate from web pages and scraped text; keep the article."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    pipeline, limits = _pipeline_options(), _limit_options()
    clean = commands.add_parser(
        "clean",
        parents=[pipeline, limits],
        help="clean files, folders, WARCs or stdin",
        description="Clean files, folders (recursively), WARC files or stdin ('-').",
    )
    clean.add_argument("inputs", nargs="+", metavar="IN", help="file, folder, .warc/.warc.gz, or - for stdin")
    clean.add_argument("-o", "--output-dir", metavar="OUT_DIR", help="write one output per input here (else stdout)")
    clean.add_argument("-f", "--format", choices=OUTPUT_FORMATS, default="txt", help="output format (default txt)")
    clean.add_argument("--audit", action="store_true", help="json/jsonl: include what each filter removed and why")
    clean.add_argument("--links", action="store_true", help="md/html/json: keep the page's links (absolute URLs)")
    clean.add_argument("--images", action="store_true", help="md/html/json: keep the article's images")
    clean.add_argument(
        "--body", action="store_true", help="json/jsonl: add the structured body (implied by --links, --images)"
    )
    clean.add_argument(
        "-j", "--jobs", type=_positive_int, default=default_jobs(), help="worker processes (default: all cores)"
    )
    clean.add_argument("--force", action="store_true", help="redo inputs whose output is already up to date")
    clean.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    clean.add_argument("--input-format", choices=FORMATS, help="read every input as this (default: by extension)")
    clean.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="clean on the running Dask cluster at ADDRESS, e.g. tcp://host:8786, instead of local processes "
        "(needs cleaner[dask]; the workers must see the input files)",
    )
    serve = commands.add_parser(
        "serve",
        parents=[pipeline, limits],
        help="run the HTTP service and its inspector page",
        description="Serve POST /v1/clean, POST /v1/inspect, GET /healthz, GET /openapi.json and the inspector at / "
        "(needs cleaner[server]).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080; 0: any free port)")
    serve.add_argument(
        "-w", "--workers", type=_positive_int, default=default_jobs(), help="cleaning processes (default: all cores)"
    )
    commands.add_parser(
        "filters",
        parents=[pipeline],
        help="list the pipeline's filters in order",
        description="List the filters in pipeline order with a one-line description; with the pipeline options, "
        "show the pipeline they make.",
    )
    return parser


def _limit_options() -> argparse.ArgumentParser:
    """The options both `clean` and `serve` take to bound what one document may cost."""
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("limits")
    group.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"fail inputs larger than N bytes, after decompression (default {DEFAULT_MAX_BYTES})",
    )
    group.add_argument(
        "--timeout",
        type=_seconds,
        default=20.0,
        metavar="SECONDS",
        help="fail a document that takes longer than this to clean (default 20, 0 = no limit)",
    )
    group.add_argument(
        "--max-nodes",
        type=_positive_int,
        default=Limits.max_nodes,
        metavar="N",
        help=f"fail pages with more than N HTML elements, or texts with more than N lines (default {Limits.max_nodes})",
    )
    group.add_argument(
        "--max-depth",
        type=_depth,
        default=Limits.max_depth,
        metavar="N",
        help=f"fail pages that nest elements deeper than N levels (default and most {Limits.max_depth})",
    )
    return parent


def _pipeline_options() -> argparse.ArgumentParser:
    """The options both subcommands take to shape the pipeline."""
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("pipeline")
    group.add_argument("--config", metavar="FILE", help="TOML file: disabled filters, filter options, site rules")
    group.add_argument(
        "--disable", action="append", default=[], metavar="NAME", help="take a filter out (repeatable, or a,b,c)"
    )
    group.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FILTER.OPTION=VALUE",
        dest="settings",
        help='set a filter option; VALUE is read as TOML (200, true, "text", [1, 2]) or else as a string',
    )
    group.add_argument(
        "--extractor", choices=EXTRACTORS, help="learned (the default: the block model) or trafilatura (rules only)"
    )
    group.add_argument(
        "--model", metavar="FILE", help="score blocks with this model file (benchmarks/train_blocks.py --out)"
    )
    group.add_argument(
        "--favor",
        choices=FAVORS,
        help="what the keep rules lean to: precision, balanced (the default) or recall (docs/benchmarks.md)",
    )
    group.add_argument(
        "--drop",
        action="append",
        nargs=2,
        default=[],
        metavar=("HOST", "SELECTOR"),
        help="drop elements matching an XPath or CSS selector on HOST and its subdomains ('*' = every site)",
    )
    return parent


def _seconds(value: str) -> float:
    """argparse type: a number of seconds, 0 or more."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return number


def _depth(value: str) -> int:
    """argparse type: a nesting depth the HTML parser can follow."""
    number = _positive_int(value)
    if number > Limits.max_depth:
        raise argparse.ArgumentTypeError(f"can be at most {Limits.max_depth}, the HTML parser's limit")
    return number


def _positive_int(value: str) -> int:
    """argparse type: an integer of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number
