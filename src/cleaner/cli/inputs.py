"""What to clean: the command line's paths walked into work items, gzip read under a size cap, WARC records split out."""

from __future__ import annotations

import gzip
import os
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from ..errors import CleanerError, InputTooLarge

STDIN = "-"
SUPPORTED = (".html", ".htm", ".xhtml", ".txt", ".md")
# .txt is left to detection: scraped dumps saved as .txt are often Markdown
_FORMAT_BY_SUFFIX = {".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown"}
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class NotAFile(CleanerError):
    """The path is a FIFO, socket or device: reading it could block forever, so it is not read."""


@dataclass(frozen=True)
class Item:
    """One document to clean: where its bytes come from, its path relative to its input root, its url and format."""

    rel: str  # the input's path under the folder given (or its file name), with "/" separators
    path: Path | None  # the file on disk (the WARC for a record); None for stdin
    data: bytes | None = None  # the bytes when already read: a WARC record or stdin
    record: int | None = None  # the record's position in its WARC
    url: str | None = None
    format: str | None = None  # html / text / markdown; None: detect
    mtime: float | None = None  # the input's modification time; None: always redo

    @property
    def source(self) -> str:
        """The input named relative to its root, as outputs and jsonl lines name it."""
        return self.rel if self.record is None else f"{self.rel}#{self.record}"

    @property
    def location(self) -> str:
        """The input as a path the user can open, as errors.jsonl names it."""
        where = "<stdin>" if self.path is None else str(self.path)
        return where if self.record is None else f"{where}#{self.record}"


@dataclass(frozen=True)
class Failure:
    """An input that failed before any document was made of it: a missing path, unreadable folder, broken WARC."""

    location: str
    error: str
    message: str


@dataclass
class Found:
    """The files the command line names, in order: (path or None for stdin, relative name); and what was left out."""

    files: list[tuple[Path | None, str]] = field(default_factory=list)
    unsupported: int = 0
    failures: list[Failure] = field(default_factory=list)


def is_warc(name: str) -> bool:
    """True for a .warc or .warc.gz file name."""
    return name.lower().endswith((".warc", ".warc.gz"))


def is_supported(name: str) -> bool:
    """True for the page and text files a folder walk picks up, gzipped or not, and for WARCs."""
    lower = name.lower().removesuffix(".gz")
    return lower.endswith(SUPPORTED) or is_warc(name)


def find_inputs(inputs: list[str], exclude: Path | None = None) -> Found:
    """Walk the command line's paths: files as given, folders recursively (sorted; hidden entries and `exclude` left out).

    A file named on the command line is taken whatever its extension; in a folder only supported ones are.
    """
    found = Found()
    skip = exclude.resolve() if exclude is not None else None
    for given in inputs:
        if given == STDIN:
            found.files.append((None, "stdin"))
            continue
        path = Path(given)
        if path.is_dir():
            _walk(path, skip, found)
        elif path.exists() or path.is_symlink():
            found.files.append((path, path.name))
        else:
            found.failures.append(Failure(given, "FileNotFoundError", "no such file or directory"))
    return found


def _walk(root: Path, skip: Path | None, found: Found) -> None:
    """Add the supported files under `root` to `found`, counting the others."""

    def unreadable(err: OSError) -> None:
        found.failures.append(Failure(str(err.filename), type(err).__name__, err.strerror or str(err)))

    for folder, dirs, files in os.walk(root, onerror=unreadable):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (here / d).resolve() != skip)
        for name in sorted(f for f in files if not f.startswith(".")):
            if is_supported(name):
                found.files.append((here / name, (here / name).relative_to(root).as_posix()))
            else:
                found.unsupported += 1


def expand(found: Found, max_bytes: int) -> Iterator[Item | Failure]:
    """The work items, lazily: one per file, one per HTML response of a WARC, stdin read when its turn comes."""
    yield from found.failures
    for path, rel in found.files:
        if path is None:
            yield Item(rel, None, data=sys.stdin.buffer.read(max_bytes + 1))
        elif is_warc(path.name):
            yield from _warc_items(path, rel, max_bytes)
        else:
            suffix = path.name.lower().removesuffix(".gz").rpartition(".")[2]
            yield Item(rel, path, format=_FORMAT_BY_SUFFIX.get(f".{suffix}"), mtime=_mtime(path))


def _mtime(path: Path) -> float | None:
    """The file's modification time, or None when it cannot be read (the worker will report why)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def _warc_items(path: Path, rel: str, max_bytes: int) -> Iterator[Item | Failure]:
    """One item per 2xx HTML response (or HTML resource) record; a failure if the WARC breaks off."""
    try:
        mtime = path.stat().st_mtime
        with path.open("rb") as stream:
            for index, record in enumerate(ArchiveIterator(stream)):
                if _is_html(record):
                    data = record.content_stream().read(max_bytes + 1)
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    yield Item(rel, path, data=data, record=index, url=url, format="html", mtime=mtime)
    except Exception as err:  # warcio, gzip and zlib raise many types on a damaged archive
        yield Failure(str(path), type(err).__name__, str(err) or "damaged WARC")


def _is_html(record: ArcWarcRecord) -> bool:
    """True for a successful HTTP response or a resource record whose content type is HTML."""
    if record.rec_type == "response" and record.http_headers is not None:
        if not record.http_headers.get_statuscode().startswith("2"):
            return False
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return content_type.split(";")[0].strip().lower() in _HTML_TYPES


def read_bytes(item: Item, max_bytes: int) -> bytes:
    """The item's bytes, gunzipped for .gz files; InputTooLarge past `max_bytes`, NotAFile for FIFOs and devices."""
    data = item.data if item.data is not None else _read_file(item.path, max_bytes)
    if len(data) > max_bytes:
        raise InputTooLarge(f"the input is over the limit of {max_bytes} bytes (after decompression)")
    return data


def _read_file(path: Path | None, max_bytes: int) -> bytes:
    """At most `max_bytes + 1` bytes of the file, decompressed when it is gzipped, without opening non-files."""
    assert path is not None
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotAFile(f"{path} is not a regular file")
    if path.name.lower().endswith(".gz"):
        with gzip.open(path, "rb") as stream:
            return stream.read(max_bytes + 1)
    if info.st_size > max_bytes:
        raise InputTooLarge(f"the file is {info.st_size} bytes, over the limit of {max_bytes}")
    return path.read_bytes()
