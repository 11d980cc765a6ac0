"""What a service worker process does with one request: clean the body under the limits, render the answer.

Every outcome is an `Answer` (status, content type, body); a refused or failing document becomes a JSON error
naming its type, never an exception that would cost the pool its worker.
"""

from __future__ import annotations

import json
import signal
from dataclasses import dataclass
from typing import Any

from ..article import Article
from ..cli.config import PipelineSpec, build_pipeline
from ..cli.work import DocumentTimeout, cpu_limit, time_limit
from ..errors import CleanerError, InputTooLarge
from ..limits import Limits
from ..pipeline import Pipeline
from .inspect import page_view

OUTPUTS = {"json": "application/json", "md": "text/markdown", "txt": "text/plain", "html": "text/html"}


@dataclass(frozen=True)
class Job:
    """One request to clean: the body, its url and declared format, and the answer wanted."""

    body: bytes | str
    url: str | None = None
    format: str | None = None  # html / text / markdown; None: detect
    output: str = "json"
    audit: bool = False
    links: bool = False
    images: bool = False
    inspect: bool = False  # answer with the page's blocks in order, kept or removed (the inspector's view)


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, content type and body."""

    status: int
    content_type: str
    body: bytes


def error_answer(status: int, error: str, message: str) -> Answer:
    """A JSON error answer naming the error's type."""
    return Answer(status, "application/json", json.dumps({"error": error, "message": message}).encode())


_PIPELINE: Pipeline | None = None
_SECONDS = 0.0


def start_worker(spec: PipelineSpec, limits: Limits) -> None:
    """Pool initializer: build this process's pipeline once; leave Ctrl-C and SIGTERM handling to the server."""
    global _PIPELINE, _SECONDS
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _PIPELINE = build_pipeline(spec)
    _PIPELINE.limits = limits
    _SECONDS = limits.max_seconds or 0.0


def run_job(job: Job) -> Answer:
    """Pool task: clean the job's body with this process's pipeline, within the time limit (and a CPU limit that
    lets the kernel end the process if it is stuck in C code well past it)."""
    assert _PIPELINE is not None, "start_worker must run first"
    try:
        with time_limit(_SECONDS), cpu_limit(_SECONDS):
            article = _PIPELINE.clean(job.body, url=job.url, format=job.format, errors="raise")
            if job.inspect:
                view = page_view(_PIPELINE, job.body, job.url, job.format, article)
                return Answer(200, OUTPUTS["json"], json.dumps(view, ensure_ascii=False).encode())
            return Answer(200, OUTPUTS[job.output] + "; charset=utf-8", render(article, job).encode())
    except DocumentTimeout:
        return error_answer(422, "Timeout", f"cleaning took over {_SECONDS:g} s")
    except InputTooLarge as err:
        return error_answer(413, "InputTooLarge", str(err))
    except CleanerError as err:
        return error_answer(422, type(err).__name__, str(err) or type(err).__name__)
    except Exception as err:  # one bad document must not cost the worker
        return error_answer(422, type(err).__name__, str(err) or type(err).__name__)


def render(article: Article, job: Job) -> str:
    """The article in the job's output format."""
    if job.output == "json":
        body = job.links or job.images  # links and images ride on the structured body
        data: dict[str, Any] = article.to_dict(audit=job.audit, body=body, links=job.links, images=job.images)
        return json.dumps(data, ensure_ascii=False)
    if job.output == "md":
        return article.to_markdown(links=job.links, images=job.images)
    if job.output == "html":
        return article.to_html(links=job.links, images=job.images)
    return article.to_text()
