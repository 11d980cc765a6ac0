"""Limits (size, elements, depth, time) are settings; over one, a typed error or an empty Article naming it."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from cleaner import (
    CleanerError,
    Document,
    Filter,
    InputTooLarge,
    LimitExceeded,
    Limits,
    NotAPage,
    Pipeline,
    Timeout,
    TooDeep,
    TooManyElements,
    UndecodableInput,
    clean_article,
)

from .conftest import SAMPLES

PAGE = (SAMPLES / "html" / "0368.html").read_bytes()


def test_limits_have_sane_defaults_and_refuse_nonsense() -> None:
    from cleaner.load.source import DEFAULT_MAX_BYTES

    limits = Limits()
    assert limits.max_bytes == 32 * 1024 * 1024 == DEFAULT_MAX_BYTES and limits.max_nodes == 100_000
    assert limits.max_depth == 256 and limits.max_seconds == 20
    for bad in (
        {"max_bytes": 0},
        {"max_nodes": -1},
        {"max_depth": 257},
        {"max_depth": 1.5},
        {"max_seconds": -1},
        {"max_nodes": True},
    ):
        with pytest.raises(ValueError):
            Limits(**bad)
    with pytest.raises(AttributeError):
        limits.max_nodes = 5  # type: ignore[misc]  # frozen


def test_the_error_hierarchy() -> None:
    for error in (InputTooLarge, TooManyElements, TooDeep, Timeout):
        assert issubclass(error, LimitExceeded) and issubclass(error, CleanerError)
    assert issubclass(NotAPage, CleanerError) and issubclass(UndecodableInput, CleanerError)


@pytest.mark.parametrize(
    ("limits", "error"),
    [(Limits(max_bytes=1000), InputTooLarge), (Limits(max_nodes=50), TooManyElements), (Limits(max_depth=8), TooDeep)],
)
def test_over_a_limit_warns_by_default_and_raises_on_request(limits: Limits, error: type[CleanerError]) -> None:
    pipeline = Pipeline(limits=limits)
    article = pipeline.clean(PAGE)
    assert article.is_empty and article.warnings[0].startswith(f"{error.__name__}: ")
    with pytest.raises(error):
        pipeline.clean(PAGE, errors="raise")
    with pytest.raises(error):
        clean_article(PAGE, pipeline=pipeline, errors="raise")
    assert not Pipeline().clean(PAGE, errors="raise").is_empty


def test_max_bytes_keyword_still_works() -> None:
    pipeline = Pipeline(max_bytes=1000)
    assert pipeline.max_bytes == 1000 == pipeline.limits.max_bytes
    with pytest.raises(InputTooLarge):
        pipeline.clean(PAGE, errors="raise")


def test_text_inputs_are_limited_by_lines() -> None:
    dump = "\n".join(f"line {i}" for i in range(200))
    with pytest.raises(TooManyElements):
        Pipeline(limits=Limits(max_nodes=100)).clean(dump, format="text", errors="raise")
    assert Pipeline(limits=Limits(max_nodes=100)).clean("\n" * 500 + "one line\n", format="text").text == "one line"


def test_errors_must_be_warn_or_raise_and_empty_input_is_never_an_error() -> None:
    with pytest.raises(ValueError, match="errors must be one of"):
        clean_article("<p>x</p>", errors="ignore")
    article = clean_article("  \n ", errors="raise")
    assert article.is_empty and "empty" in article.warnings[0]


class Slow(Filter):
    """Test filter that spins in Python for `seconds`."""

    name = "slow"
    defaults = {"seconds": 5.0}

    def apply(self, doc: Document) -> None:
        end = time.monotonic() + self.options["seconds"]
        while time.monotonic() < end:
            pass


def test_time_limit_interrupts_in_the_main_thread_and_restores_the_alarm() -> None:
    pipeline = Pipeline(limits=Limits(max_seconds=0.3))
    pipeline.add(Slow(seconds=30), first=True)
    before = signal.getsignal(signal.SIGALRM)
    start = time.monotonic()
    with pytest.raises(Timeout, match="over 0.3 s"):
        pipeline.clean(PAGE, errors="raise")
    assert time.monotonic() - start < 5
    assert signal.getsignal(signal.SIGALRM) is before and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    article = pipeline.clean(PAGE)
    assert article.is_empty and article.warnings[0].startswith("Timeout: ")


def test_time_limit_off_the_main_thread_is_checked_between_steps() -> None:
    pipeline = Pipeline(limits=Limits(max_seconds=0.3))
    pipeline.add(Slow(seconds=0.6), first=True)  # runs past the deadline; the next step notices
    found: list[object] = []

    def work() -> None:
        try:
            found.append(pipeline.clean(PAGE, errors="raise"))
        except Exception as err:
            found.append(err)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert isinstance(found[0], Timeout) and "stopped at" in str(found[0])


def test_under_a_callers_alarm_the_deadline_is_checked_and_the_alarm_kept() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 3.0)
        pipeline = Pipeline(limits=Limits(max_seconds=0.2))
        pipeline.add(Slow(seconds=0.4), first=True)
        with pytest.raises(Timeout):
            pipeline.clean(PAGE, errors="raise")
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # the caller's timer still runs
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_no_time_limit() -> None:
    pipeline = Pipeline(limits=Limits(max_seconds=None))
    pipeline.add(Slow(seconds=0.2), first=True)
    assert not pipeline.clean(PAGE).is_empty


def test_the_cli_takes_the_limits(tmp_path) -> None:
    from .test_cli import cleaner

    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    run = cleaner("clean", str(page), "--max-nodes", "50")
    assert run.returncode == 1 and "TooManyElements" in run.stderr
    run = cleaner("clean", str(page), "--max-depth", "8")
    assert run.returncode == 1 and "TooDeep" in run.stderr
    assert cleaner("clean", str(page), "--max-depth", "300").returncode == 2
    assert cleaner("clean", str(page), "--timeout", "-1").returncode == 2
    run = cleaner("clean", str(page))
    assert run.returncode == 0 and run.stdout


def test_the_cli_worker_cpu_limit_is_set_and_restored() -> None:
    import resource

    from cleaner.cli.work import HARD_FACTOR, HARD_SLACK, cpu_limit

    before = resource.getrlimit(resource.RLIMIT_CPU)
    with cpu_limit(5):
        soft, _ = resource.getrlimit(resource.RLIMIT_CPU)
        used = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        assert used < soft <= used + HARD_FACTOR * 5 + HARD_SLACK + 1
    assert resource.getrlimit(resource.RLIMIT_CPU) == before


def test_a_cli_worker_stuck_in_c_code_is_killed_and_reported_as_a_timeout(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    """The alarm cannot interrupt C code (here a long key derivation standing for a parser stuck on a page): the
    worker's CPU limit kills it, the batch reruns the document alone, and reports it as a Timeout."""
    import hashlib
    import io

    from cleaner.cli import work
    from cleaner.cli.batch import Batch
    from cleaner.cli.config import PipelineSpec
    from cleaner.cli.inputs import Item
    from cleaner.cli.report import Progress, Summary

    real = work.read_source

    def stuck_in_c(data, max_bytes):
        if b"STUCK" in data:
            hashlib.pbkdf2_hmac("sha256", b"x", b"y", 10**9)  # minutes of CPU in C, deaf to signals
        return real(data, max_bytes)

    monkeypatch.setattr(work, "read_source", stuck_in_c)
    monkeypatch.setattr(work, "HARD_SLACK", 1)

    class Sink:
        errors_path = None

        def __init__(self) -> None:
            self.written: dict[str, str] = {}
            self.errors: list[tuple[str, str, str]] = []

        def prepare(self, item: Item) -> str:
            return item.source

        def write(self, key: str, text: str) -> None:
            self.written[key] = text

        def error(self, location: str, error: str, message: str) -> None:
            self.errors.append((location, error, message))

        def close(self) -> None:
            pass

    sink = Sink()
    settings = work.Settings(PipelineSpec((), {}, {}, None), "txt", False, None, 1 << 20, 0.2)
    items = [Item("stuck.html", None, data=b"<p>STUCK</p>"), Item("page.html", None, data=PAGE)]
    start = time.monotonic()
    summary = Batch(sink, settings, Summary(total=2), Progress(io.StringIO(), enabled=False)).run(items, jobs=2)
    assert time.monotonic() - start < 60
    assert summary.done == 1 and summary.failed == 1
    assert sink.errors[0][1] == "Timeout" and "page.html" in sink.written
