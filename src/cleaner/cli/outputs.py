"""Where results go: rendering, output names under OUT_DIR, atomic files, articles.jsonl, errors.jsonl, or stdout."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import stat
import sys
import time
import uuid
from pathlib import Path
from typing import Protocol

from ..article import Article
from .inputs import Item

EXTENSIONS = {"txt": ".txt", "md": ".md", "html": ".html", "json": ".json"}
JSONL_NAME = "articles.jsonl"
ERRORS_NAME = "errors.jsonl"
SCRATCH = ".cleaner-tmp"  # temporary files live here until complete, then are renamed into place

_INPUT_SUFFIX = re.compile(r"(?:\.(?:html?|xhtml|txt|md))?(?:\.gz)?$", re.IGNORECASE)
_WARC_SUFFIX = re.compile(r"\.warc(?:\.gz)?$", re.IGNORECASE)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def render(
    article: Article,
    fmt: str,
    audit: bool,
    source: str,
    links: bool = False,
    images: bool = False,
    body: bool = False,
) -> str:
    """The article as the output format's text: body (txt), Markdown (md), a standalone HTML page (html), or a JSON
    object naming its source (with the structured body when `body`, `links` or `images`)."""
    if fmt == "txt":
        return article.text + "\n" if article.text else ""
    if fmt == "md":
        markdown = article.to_markdown(links=links, images=images)
        return markdown + "\n" if markdown else ""
    if fmt == "html":
        return article.to_html(links=links, images=images, document=True)
    structured = body or links or images
    data = {"source": source, **article.to_dict(audit=audit, body=structured, links=links, images=images)}
    if fmt == "jsonl":
        return json.dumps(data, ensure_ascii=False) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def output_names(item: Item, extension: str) -> list[str]:
    """Candidate output paths for an item, relative to OUT_DIR, best first.

    `a/b.html.gz` gives `a/b.txt`, then `a/b.html.gz.txt` when another input took that name; a WARC record gives
    `<warc name>/<record index>-<url>.txt`. Every part is made safe, so no name leaves OUT_DIR.
    """
    if item.record is not None:
        slug = _UNSAFE.sub("_", re.sub(r"^[a-z][a-z0-9+.-]*://", "", item.url or "", flags=re.IGNORECASE)).strip("._")
        folder = _WARC_SUFFIX.sub("", item.rel) or "warc"
        return [_safe(f"{folder}/{item.record:05d}-{slug[:80] or 'record'}") + extension]
    stem = _INPUT_SUFFIX.sub("", item.rel) or item.rel
    return [_safe(stem) + extension, _safe(item.rel) + extension]


def _safe(rel: str) -> str:
    """A relative path whose parts are never empty, '.' or '..', and never absolute."""
    return "/".join(part if part.strip(".") else "_" for part in rel.split("/"))


class Sink(Protocol):
    """Where the batch sends each finished document and each failure."""

    @property
    def errors_path(self) -> Path | None:
        """The file failures are logged to, if any."""

    def prepare(self, item: Item) -> str | None:
        """The key to write the item's output under, or None when its output is up to date."""

    def write(self, key: str, text: str) -> None:
        """Store one document's output."""

    def error(self, location: str, error: str, message: str) -> None:
        """Report one failed input."""

    def close(self) -> None:
        """Finish: release files, remove temporary ones."""


class ErrorLog:
    """OUT_DIR/errors.jsonl, appended to (one JSON object per failure), created at the first failure of a run."""

    def __init__(self, path: Path) -> None:
        if path.is_symlink():
            raise OSError(f"{path} is a symbolic link: cleaner does not write through links in OUT_DIR")
        self.path = path

    def add(self, location: str, error: str, message: str) -> None:
        """Append one failure: the input's path, the error type and its message, with the time."""
        line = {"path": location, "error": error, "message": message, "time": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        with os.fdopen(_open_no_follow(self.path, os.O_APPEND), "a", encoding="utf-8") as log:
            log.write(json.dumps(line, ensure_ascii=False) + "\n")


class FileSink:
    """One file per document under OUT_DIR, mirroring the inputs' paths, written to a temporary name then renamed."""

    def __init__(self, root: Path, fmt: str, force: bool) -> None:
        self.root = root
        self.extension = EXTENSIONS[fmt]
        self.force = force
        self.scratch = root / SCRATCH
        if self.scratch.is_symlink():  # never write through a link planted in OUT_DIR
            self.scratch.unlink()
        shutil.rmtree(self.scratch, ignore_errors=True)  # leftovers of a run that was killed
        self.scratch.mkdir(parents=True)
        self._log = ErrorLog(root / ERRORS_NAME)
        self.errors_path = self._log.path
        self._taken: set[str] = set()

    def prepare(self, item: Item) -> str | None:
        """Claim the item's output name (first free candidate); None when that file is newer than the input."""
        candidates = output_names(item, self.extension)
        stem = candidates[0].removesuffix(self.extension)
        numbered = (f"{stem}~{n}{self.extension}" for n in itertools.count(2))
        name = next(c for c in itertools.chain(candidates, numbered) if c not in self._taken)
        self._taken.add(name)
        if not self.force and item.mtime is not None and _newer_than(self.root / name, item.mtime):
            return None
        return name

    def write(self, key: str, text: str) -> None:
        """Write the file under a temporary name beside the outputs, then rename it over the final one. The file
        gets the mode any new file gets (0666 less the umask), not the owner-only one of `tempfile.mkstemp`."""
        target = self.root / key
        _make_folders(self.root, target.parent)
        temporary = self.scratch / f"{uuid.uuid4().hex}.part"
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def error(self, location: str, error: str, message: str) -> None:
        self._log.add(location, error, message)

    def close(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)


class JsonlSink:
    """OUT_DIR/articles.jsonl: one line per document, appended whole; a rerun skips the sources already in it."""

    def __init__(self, root: Path, force: bool) -> None:
        path = root / JSONL_NAME
        self._done = set() if force else _sources_in(path)
        self._fd = _open_no_follow(path, os.O_APPEND | (os.O_TRUNC if force else 0))
        self._log = ErrorLog(root / ERRORS_NAME)
        self.errors_path = self._log.path

    def prepare(self, item: Item) -> str | None:
        return None if item.source in self._done else item.source

    def write(self, key: str, text: str) -> None:
        """Append the line with one write call, so a killed run leaves whole lines (a torn tail is cut at rerun)."""
        data = text.encode("utf-8")
        while data:
            data = data[os.write(self._fd, data) :]

    def error(self, location: str, error: str, message: str) -> None:
        self._log.add(location, error, message)

    def close(self) -> None:
        os.close(self._fd)


class StdoutSink:
    """Standard output, for one document (or jsonl lines); failures go to stderr."""

    errors_path: Path | None = None

    def prepare(self, item: Item) -> str | None:
        return item.source

    def write(self, key: str, text: str) -> None:
        """Print the output; when the reader has gone (`| head`), stop the batch as Ctrl-C would."""
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
            raise KeyboardInterrupt from None

    def error(self, location: str, error: str, message: str) -> None:
        print(f"cleaner: {location}: {error}: {message}", file=sys.stderr)

    def close(self) -> None:
        sys.stdout.flush()


def _open_no_follow(path: Path, flags: int) -> int:
    """Open `path` for writing (created when missing) without following a symbolic link there: OSError if it is one."""
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | flags, 0o644)
    except OSError as err:
        if path.is_symlink():
            raise OSError(f"{path} is a symbolic link: cleaner does not write through links in OUT_DIR") from err
        raise


def _make_folders(root: Path, folder: Path) -> None:
    """Create `folder` under `root` one level at a time, refusing to go through a symbolic link on the way."""
    current = root
    for part in folder.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            raise OSError(f"{current} is a symbolic link: cleaner does not write through links in OUT_DIR")
        current.mkdir(exist_ok=True)


def _newer_than(path: Path, mtime: float) -> bool:
    """True when `path` is a file (a symbolic link is not: it is replaced) modified at or after `mtime`."""
    try:
        status = path.lstat()
        return stat.S_ISREG(status.st_mode) and status.st_mtime >= mtime
    except OSError:
        return False


def _sources_in(path: Path) -> set[str]:
    """The sources already in a jsonl file, after cutting a last line a killed run left unfinished."""
    if path.is_symlink():  # refused when opened for writing; never read nor cut through the link
        return set()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return set()
    whole = data.rfind(b"\n") + 1
    if whole < len(data):
        os.truncate(path, whole)
    sources = set()
    for line in data[:whole].splitlines():
        try:
            sources.add(json.loads(line)["source"])
        except (ValueError, KeyError, TypeError):
            continue
    return sources
