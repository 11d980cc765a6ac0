"""The HTTP routes: `POST /v1/clean`, `POST /v1/inspect`, `GET /healthz`, `GET /openapi.json` and the inspector
page at `GET /`. Bodies are read up to the size limit (413 past it); every error is a JSON answer naming it."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..cli.config import PipelineSpec
from ..limits import Limits
from .openapi import openapi
from .pool import CleaningPool
from .work import OUTPUTS, Answer, Job, error_answer

# the body's declared type, as the pipeline's input format (anything else: detected from the text)
_FORMATS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "text/markdown": "markdown"}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}
DRAIN_FACTOR = 4  # an oversized body is read (not kept) up to this many times the limit before the connection closes


class BadRequest(Exception):
    """A request the service cannot take: its status and the error's name and message."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.answer = error_answer(status, error, message)


def create_app(workers: int = 1, spec: PipelineSpec | None = None, limits: Limits | None = None) -> Starlette:
    """The service: `workers` cleaning processes with the pipeline `spec` describes, each document under `limits`."""
    limits = limits or Limits()
    spec = spec or PipelineSpec()
    state: dict[str, CleaningPool] = {}

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state["pool"] = CleaningPool(workers, spec, limits)
        try:
            yield
        finally:
            state["pool"].close()

    async def clean(request: Request) -> Response:
        return await _answer(request, state["pool"], limits, inspect=False)

    async def inspect(request: Request) -> Response:
        return await _answer(request, state["pool"], limits, inspect=True)

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "workers": workers})

    async def spec_json(request: Request) -> Response:
        return JSONResponse(openapi(limits))

    async def inspector(request: Request) -> Response:
        return HTMLResponse(resources.files(__package__).joinpath("static/inspector.html").read_text("utf-8"))

    routes = [
        Route("/v1/clean", clean, methods=["POST"]),
        Route("/v1/inspect", inspect, methods=["POST"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", spec_json, methods=["GET"]),
        Route("/", inspector, methods=["GET"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


async def _answer(request: Request, pool: CleaningPool, limits: Limits, inspect: bool) -> Response:
    """Read and check the request, have a worker clean it, send the worker's answer."""
    try:
        job = _job(request, await _body(request, limits.max_bytes), inspect)
    except BadRequest as bad:
        return _response(bad.answer)
    return _response(await pool.run(job))


async def _body(request: Request, max_bytes: int) -> bytes:
    """The request body; 413 past `max_bytes`. The rest of an oversized body is read and dropped (up to
    `DRAIN_FACTOR` times the limit) so that the client, still sending, gets the answer instead of a broken pipe."""
    declared = request.headers.get("content-length", "")
    too_large = BadRequest(413, "InputTooLarge", f"the body is over the limit of {max_bytes} bytes")
    if declared.isdigit() and int(declared) > DRAIN_FACTOR * max_bytes:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > DRAIN_FACTOR * max_bytes:
            raise too_large
        if size <= max_bytes:
            chunks.append(chunk)
    if size > max_bytes:
        raise too_large
    return b"".join(chunks)


def _job(request: Request, body: bytes, inspect: bool) -> Job:
    """The job a request asks for: a raw page or text, or a JSON `{"html": ..., "url": ...}`, with the query's
    options."""
    query = request.query_params
    output = query.get("format", "json")
    if output not in OUTPUTS:
        raise BadRequest(400, "BadParameter", f"format must be one of {', '.join(OUTPUTS)}, not {output!r}")
    options = {name: _flag(query.get(name, "")) for name in ("audit", "links", "images")}
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    url = query.get("url") or None
    if media == "application/json":
        fields = _json_fields(body)
        declared = next((k for k in ("html", "text", "markdown") if isinstance(fields.get(k), str)), None)
        if declared is None:
            raise BadRequest(400, "BadRequest", 'a JSON body needs a string "html" (or "text", "markdown")')
        url = fields["url"] if isinstance(fields.get("url"), str) else url
        return Job(fields[declared], url, declared, output, inspect=inspect, **options)
    return Job(body, url, _FORMATS.get(media), output, inspect=inspect, **options)


def _json_fields(body: bytes) -> dict[str, Any]:
    """The JSON body's object; 400 when it is not one."""
    try:
        fields = json.loads(body)
    except (ValueError, UnicodeDecodeError) as err:
        raise BadRequest(400, "BadRequest", f"the body is not valid JSON: {err}") from None
    if not isinstance(fields, dict):
        raise BadRequest(400, "BadRequest", "a JSON body must be an object")
    return fields


def _flag(value: str) -> bool:
    """A query flag: 1/true/yes/on or 0/false/no/off (or empty)."""
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise BadRequest(400, "BadParameter", f"a flag is one of 1/true/yes/on or 0/false/no/off, not {value!r}")


def _response(answer: Answer) -> Response:
    return Response(answer.body, status_code=answer.status, media_type=answer.content_type)
