"""Shared paths and loaders for tests that run on the real pages and text dumps in samples/, and the `server`
fixture: a real `cleaner serve` process on loopback."""

from __future__ import annotations

import gzip
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED_ARTICLE = SAMPLES / "text" / "001_a77e6b3b274e4f02.txt"
SEED_REPUBLISHED = SAMPLES / "text" / "000_2e2843c958388d37.txt"


def expected_samples() -> list[dict]:
    """The expectations of every sample page (samples/expected/*.json)."""
    return [json.loads(p.read_text("utf-8")) for p in sorted((SAMPLES / "expected").glob("*.json"))]


def regression_page(page_id: str) -> tuple[bytes, dict]:
    """A regression sample's HTML and its ground truth (url, page_type, main_content, …) from samples/regression/."""
    spec = json.loads((SAMPLES / "regression" / f"{page_id}.json").read_text("utf-8"))
    return gzip.decompress((SAMPLES / "regression" / f"{page_id}.html.gz").read_bytes()), spec


def normalise(text: str) -> str:
    """Case, whitespace and curly quotes folded, for substring checks."""
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return " ".join(text.translate(table).split()).lower()


@pytest.fixture(scope="session")
def seed_article() -> str:
    return SEED_ARTICLE.read_text("utf-8")


@pytest.fixture(scope="session")
def seed_republished() -> str:
    return SEED_REPUBLISHED.read_text("utf-8")


SERVICE_MAX_BYTES = 12_000_000  # the hostile 30 MB and 50 MB pages are refused at the door
SERVICE_TIMEOUT = 10


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(timeout: float = SERVICE_TIMEOUT) -> Iterator[str]:
    """A `cleaner serve` process with two workers and the given per-document time limit; its base URL."""
    port = free_port()
    args = ["serve", "--port", str(port), "--workers", "2", "--max-bytes", str(SERVICE_MAX_BYTES)]
    args += ["--timeout", str(timeout)]
    proc = subprocess.Popen([sys.executable, "-m", "cleaner", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            assert proc.poll() is None, proc.communicate()
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A `cleaner serve` process with two workers and the tests' limits; its base URL."""
    with running_server() as base:
        yield base
