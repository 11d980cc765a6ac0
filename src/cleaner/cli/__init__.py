"""The `cleaner` command: clean files, folders, WARCs or stdin in parallel into an output folder; serve the HTTP
service; list the filters."""

from __future__ import annotations

import argparse
import importlib.util
import logging
import signal
import sys
from pathlib import Path
from types import FrameType

from ..limits import Limits
from ..pipeline import Pipeline
from ..registry import available
from .args import UsageError, build_parser
from .batch import Batch
from .config import PipelineSpec, build_pipeline, spec_from_args
from .inputs import STDIN, expand, find_inputs, is_warc
from .outputs import FileSink, JsonlSink, Sink, StdoutSink
from .report import Progress, Summary
from .work import Settings

__all__ = ["main"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def main(argv: list[str] | None = None) -> int:
    """Run the command line; the exit code is 0 when all went well, 1 when inputs failed, 2 on usage errors."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="cleaner: %(name)s: %(message)s")
    try:
        spec = spec_from_args(args)
        if args.command == "filters":
            print(_describe(build_pipeline(spec)))
            return EXIT_OK
        if args.command == "serve":
            return _serve(args, spec)
        return _clean(args, spec)
    except UsageError as err:
        print(f"cleaner: error: {err}", file=sys.stderr)
        return EXIT_USAGE


def _clean(args: argparse.Namespace, spec: PipelineSpec) -> int:
    """`cleaner clean`: walk the inputs, run the batch, print the summary, return the exit code."""
    out = Path(args.output_dir) if args.output_dir else None
    _check_usage(args, out)
    found = find_inputs(args.inputs, exclude=out)
    sink = _sink(out, args)
    settings = Settings(
        spec,
        args.format,
        args.audit,
        args.input_format,
        args.max_bytes,
        args.timeout,
        args.max_nodes,
        args.max_depth,
        args.links,
        args.images,
        args.body,
    )
    summary = Summary(
        total=sum(1 for path, _ in found.files if path is None or not is_warc(path.name)),
        unsupported=found.unsupported,
    )
    progress = Progress(sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
    several = len(found.files) > 1 or any(path is not None and is_warc(path.name) for path, _ in found.files)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        Batch(sink, settings, summary, progress).run(
            expand(found, args.max_bytes), args.jobs if several else 1, args.cluster
        )
    finally:
        sink.close()
        signal.signal(signal.SIGTERM, previous)
    if out is not None and not args.quiet:
        print(summary.line(sink.errors_path), file=sys.stderr)
    return EXIT_INTERRUPTED if summary.interrupted else EXIT_FAILED if summary.failed else EXIT_OK


def _serve(args: argparse.Namespace, spec: PipelineSpec) -> int:
    """`cleaner serve`: run the HTTP service until interrupted."""
    if importlib.util.find_spec("starlette") is None or importlib.util.find_spec("uvicorn") is None:
        raise UsageError("serve needs the service's packages: pip install 'article-cleaner[server]'")
    import uvicorn

    from ..service import create_app

    limits = Limits(args.max_bytes, args.max_nodes, args.max_depth, args.timeout or None)
    app = create_app(args.workers, spec, limits)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", timeout_graceful_shutdown=5)
    return EXIT_OK


def _check_usage(args: argparse.Namespace, out: Path | None) -> None:
    """Refuse what cannot work: several documents to stdout (except jsonl), stdin twice, OUT_DIR being a file."""
    if args.inputs.count(STDIN) > 1:
        raise UsageError("stdin ('-') can be read only once")
    if out is None and args.format != "jsonl":
        many = len(args.inputs) > 1 or any(i != STDIN and (Path(i).is_dir() or is_warc(i)) for i in args.inputs)
        if many:
            raise UsageError("several documents need -o OUT_DIR, or --format jsonl to print one line each")
    if out is not None and out.exists() and not out.is_dir():
        raise UsageError(f"{out} exists and is not a folder")
    if args.cluster and importlib.util.find_spec("distributed") is None:
        raise UsageError("--cluster needs Dask: pip install 'cleaner[dask]'")


def _sink(out: Path | None, args: argparse.Namespace) -> Sink:
    """Stdout without OUT_DIR; else articles.jsonl or one file per document in OUT_DIR (created if needed)."""
    if out is None:
        return StdoutSink()
    try:
        out.mkdir(parents=True, exist_ok=True)
        return JsonlSink(out, args.force) if args.format == "jsonl" else FileSink(out, args.format, args.force)
    except OSError as err:
        raise UsageError(f"cannot write to {out}: {err.strerror or err}") from None


def _stop(signum: int, frame: FrameType | None) -> None:
    """SIGTERM handler: stop like Ctrl-C, finishing the summary."""
    raise KeyboardInterrupt


def _describe(pipeline: Pipeline) -> str:
    """The filters in pipeline order, one line each with changed options; then the known filters not in it."""
    known = available()
    width = max(map(len, known))
    lines = []
    for flt in pipeline:
        changed = ", ".join(f"{k}={v!r}" for k, v in flt.options.items() if flt.defaults.get(k) != v)
        lines.append(f"{flt.name:<{width}}  {flt.description()}" + (f"  [{changed}]" if changed else ""))
    lines += [
        f"{name:<{width}}  (off) {cls.description()}" for name, cls in known.items() if name not in pipeline.names
    ]
    return "\n".join(lines)
