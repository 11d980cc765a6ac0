"""HTTP service (`cleaner serve`, extra `[server]`): cleaning in a pool of worker processes under the library's
limits, JSON and rendered answers, an OpenAPI description and the inspector page. Entry: `create_app`."""

from .app import create_app

__all__ = ["create_app"]
