"""The service's OpenAPI 3.1 description, served at `/openapi.json`."""

from __future__ import annotations

from typing import Any

from ..limits import Limits
from .work import OUTPUTS

_ERROR = {
    "type": "object",
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
    "required": ["error", "message"],
}
_BODY = {
    "text/html": {"schema": {"type": "string"}},
    "text/plain": {"schema": {"type": "string"}},
    "text/markdown": {"schema": {"type": "string"}},
    "application/json": {
        "schema": {
            "type": "object",
            "properties": {
                "html": {"type": "string"},
                "text": {"type": "string"},
                "markdown": {"type": "string"},
                "url": {"type": "string"},
            },
        }
    },
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
}


def _flag(name: str, what: str) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": {"type": "boolean"}, "description": what}


def _errors(limits: Limits) -> dict[str, Any]:
    error = {"application/json": {"schema": _ERROR}}
    return {
        "400": {"description": "a bad parameter or JSON body", "content": error},
        "413": {"description": f"the body is over {limits.max_bytes} bytes", "content": error},
        "422": {
            "description": "a document that cannot be cleaned: NotAPage, UndecodableInput, TooManyElements, TooDeep, "
            "Timeout, WorkerCrashed",
            "content": error,
        },
    }


def openapi(limits: Limits) -> dict[str, Any]:
    """The description of every route, with the size limit in force."""
    params = [
        {"name": "url", "in": "query", "required": False, "schema": {"type": "string"}, "description": "page URL"},
        {"name": "format", "in": "query", "required": False, "schema": {"enum": list(OUTPUTS), "default": "json"}},
        _flag("audit", "json: include what each filter removed and why"),
        _flag("links", "md/html/json: keep links"),
        _flag("images", "md/html/json: keep images"),
    ]
    body = {"required": True, "content": _BODY}
    article = {"type": "object", "description": "Article.to_dict(): text, title, authors, date, url, …"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "cleaner", "version": "1", "description": "Main content and metadata of web pages."},
        "paths": {
            "/v1/clean": {
                "post": {
                    "summary": "Clean one page or scraped text",
                    "parameters": params,
                    "requestBody": body,
                    "responses": {
                        "200": {
                            "description": "the article in the asked format",
                            "content": {
                                "application/json": {"schema": article},
                                **{t: {"schema": {"type": "string"}} for f, t in OUTPUTS.items() if f != "json"},
                            },
                        },
                        **_errors(limits),
                    },
                }
            },
            "/v1/inspect": {
                "post": {
                    "summary": "The article and the page's blocks in order, each kept or removed (by which filter, why)",
                    "parameters": params[:1],
                    "requestBody": body,
                    "responses": {"200": {"description": "article and blocks"}, **_errors(limits)},
                }
            },
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": {"description": "ok"}}}},
        },
    }
