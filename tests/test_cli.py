"""The `cleaner` command run for real, in subprocesses, over a folder holding every kind of input it takes or refuses."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import lxml.html
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner import Pipeline
from cleaner.extract.classify import MODEL_PATH
from cleaner.shared.keep import FAVORS

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
pytestmark = pytest.mark.skipif(not (SAMPLES / "html").is_dir(), reason="samples/ is missing")

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
MAX_BYTES = 1_000_000  # above every sample page, below the gigantic inputs


def expected(page: str) -> dict:
    """The sample's expected record: url, must_keep and must_drop phrases."""
    return json.loads((SAMPLES / "expected" / f"{page}.json").read_text(encoding="utf-8"))


def html(page: str) -> bytes:
    return (SAMPLES / "html" / f"{page}.html").read_bytes()


def flat(text: str) -> str:
    return " ".join(text.split())


def cleaner(*args: str, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run `python -m cleaner ARGS` and return the finished process (text output)."""
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args],
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def start(*args: str) -> subprocess.Popen[str]:
    """Start `python -m cleaner ARGS` without waiting, with Ctrl-C's signal at its default as in a terminal (a test
    run started in the background inherits SIGINT ignored, and Python then never raises KeyboardInterrupt)."""
    return subprocess.Popen(
        [sys.executable, "-m", "cleaner", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def write_warc(path: Path) -> list[tuple[int, str]]:
    """A gzipped WARC: warcinfo, two HTML responses, a request, a PNG response and a 404; (index, uri) of the HTML."""
    html_records = []
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test_cli"}))
        index = 1
        for page, status, ctype in (("0221", "200 OK", "text/html; charset=utf-8"), ("0279", "200 OK", "text/html")):
            uri = expected(page)["url"]
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(html(page)), http_headers=headers)
            )
            html_records.append((index, uri))
            index += 1
            if page == "0221":
                request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "www.statnews.com")], is_http_request=True)
                writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
                index += 1
        for uri, status, ctype, body in (
            ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
            (
                "https://example.org/missing",
                "404 Not Found",
                "text/html",
                b"<html><body><p>Not found</p></body></html>",
            ),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    return html_records


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder with every input kind: pages, text, gzip, WARC, and the broken, empty, binary, huge and unreadable."""
    root = tmp_path / "in"
    (root / "site" / "deep").mkdir(parents=True)
    (root / "dumps").mkdir()
    (root / "site" / "0174.html").write_bytes(html("0174"))
    (root / "site" / "deep" / "0209.htm").write_bytes(html("0209"))
    (root / "site" / "0368.xhtml").write_bytes(html("0368"))
    (root / "site" / "2862.html.gz").write_bytes(gzip.compress(html("2862")))
    (root / "dumps" / "0428.txt").write_bytes((SAMPLES / "text" / "0428.txt").read_bytes())
    (root / "dumps" / "0608.txt.gz").write_bytes(gzip.compress((SAMPLES / "text" / "0608.txt").read_bytes()))
    seed = min((SAMPLES / "text").glob("000_*.txt"))
    (root / "dumps" / "seed.md").write_bytes(seed.read_bytes())
    write_warc(root / "crawl.warc.gz")
    (root / "corrupt.html.gz").write_bytes(gzip.compress(html("0307"))[:3000])
    (root / "empty.html").write_bytes(b"")
    (root / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (root / "huge.html").write_bytes(html("0458") * 5)
    (root / "bomb.html.gz").write_bytes(gzip.compress(b"<p>" + b" " * 5_000_000))
    (root / "notes.csv").write_text("a,b\n1,2\n")
    (root / "dangling.html").symlink_to(root / "gone.html")
    os.mkfifo(root / "pipe.html")
    (root / "secret.html").write_bytes(html("0522"))
    (root / "secret.html").chmod(0)
    return root


EXPECTED_OUTPUTS = {
    "site/0174.txt",
    "site/deep/0209.txt",
    "site/0368.txt",
    "site/2862.txt",
    "dumps/0428.txt",
    "dumps/0608.txt",
    "dumps/seed.txt",
    "empty.txt",
    "crawl/00001-www.statnews.com_2025_12_18_weight-loss-drugs-wegovy-zepbound-health-plans.txt",
} | ({"secret.txt"} if IS_ROOT else set())  # root reads a file without read permission anyway
EXPECTED_ERRORS = {
    "corrupt.html.gz": "EOFError",
    "logo.html": "NotAPage",
    "huge.html": "InputTooLarge",
    "bomb.html.gz": "InputTooLarge",
    "dangling.html": "FileNotFoundError",
    "pipe.html": "NotAFile",
}


def outputs(out: Path) -> dict[str, str]:
    """Every file under OUT_DIR but errors.jsonl, by relative path."""
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in out.rglob("*")
        if p.is_file() and p.name != "errors.jsonl"
    }


def errors(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]


def test_batch_cleans_every_kind_and_reports_the_bad_ones(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = cleaner("clean", str(corpus), "-o", str(out), "--jobs", "2", "--max-bytes", str(MAX_BYTES))
    assert run.returncode == 1, run.stderr
    found = outputs(out)
    edweek = [name for name in found if name.startswith("crawl/00003-www.edweek.org_") and name.endswith(".txt")]
    assert len(edweek) == 1 and len(edweek[0]) < 120  # the url part of the name is cut short
    assert set(found) == EXPECTED_OUTPUTS | set(edweek)
    assert not (out / ".cleaner-tmp").exists()
    assert found["empty.txt"] == ""
    for name, page in (("site/0174.txt", "0174"), ("site/2862.txt", "2862"), ("site/deep/0209.txt", "0209")):
        text = flat(found[name])
        assert all(flat(phrase) in text for phrase in expected(page)["must_keep"]), name
    warc_texts = [flat(t) for n, t in found.items() if n.startswith("crawl/")]
    assert any(expected("0221")["must_keep"][0] in t for t in warc_texts)
    logged = {Path(e["path"]).name: e["error"] for e in errors(out)}
    wanted = dict(EXPECTED_ERRORS, **({} if IS_ROOT else {"secret.html": "PermissionError"}))
    assert logged == wanted
    assert all(e["message"] for e in errors(out))
    summary = run.stderr.strip().splitlines()[-1]
    assert f"{len(EXPECTED_OUTPUTS)} done, 1 empty, {len(wanted)} failed" in summary
    assert "1 not supported" in summary


def test_rerun_skips_up_to_date_outputs_and_force_redoes_them(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("clean", str(corpus / "site"), str(corpus / "dumps"), "-o", str(out), "--jobs", "1")
    first = cleaner(*args)
    assert first.returncode == 0, first.stderr
    assert "7 done" in first.stderr
    again = cleaner(*args)
    assert again.returncode == 0 and "0 done" in again.stderr and "7 up to date" in again.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((out / "0174.txt").stat().st_mode) == 0o666 & ~umask  # not mkstemp's owner-only 0600
    page = corpus / "site" / "0174.html"
    os.utime(page, (time.time() + 5, time.time() + 5))
    touched = cleaner(*args)
    assert "1 done" in touched.stderr and "6 up to date" in touched.stderr
    forced = cleaner(*args, "--force")
    assert "7 done" in forced.stderr
    assert not (out / "errors.jsonl").exists()


def test_json_carries_metadata_audit_and_warc_url(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = cleaner("clean", str(corpus / "crawl.warc.gz"), str(corpus / "site"), "-o", str(out), "-f", "json", "--audit")
    assert run.returncode == 0, run.stderr
    records = {p.relative_to(out).as_posix(): json.loads(p.read_text()) for p in out.rglob("*.json")}
    assert len(records) == 6
    warc = [r for name, r in records.items() if name.startswith("crawl/")]
    assert {r["url"] for r in warc} == {expected("0221")["url"], expected("0279")["url"]}
    assert {r["source"] for r in warc} == {"crawl.warc.gz#1", "crawl.warc.gz#3"}
    page = records["0174.json"]
    assert page["title"] and page["url"] == expected("0174")["url"] and page["removed"]
    assert all({"filter", "reason", "text"} <= set(r) for r in page["removed"])


def test_jsonl_appends_one_line_per_document_and_resumes(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ("clean", str(corpus / "site"), str(corpus / "crawl.warc.gz"), "-o", str(out), "-f", "jsonl")
    assert cleaner(*args).returncode == 0
    lines = (out / "articles.jsonl").read_text().splitlines()
    assert sorted(json.loads(line)["source"] for line in lines) == [
        "0174.html",
        "0368.xhtml",
        "2862.html.gz",
        "crawl.warc.gz#1",
        "crawl.warc.gz#3",
        "deep/0209.htm",
    ]
    with (out / "articles.jsonl").open("a") as stream:  # what a run killed in mid-write could leave
        stream.write('{"source": "0174.ht')
    rerun = cleaner(*args)
    assert rerun.returncode == 0 and "6 up to date" in rerun.stderr
    assert (out / "articles.jsonl").read_text().splitlines() == lines
    printed = cleaner("clean", str(corpus / "site"), "-f", "jsonl", "-q")
    assert len(printed.stdout.splitlines()) == 4


def test_stdout_stdin_and_usage_errors(corpus: Path, tmp_path: Path) -> None:
    page = corpus / "site" / "0174.html"
    one = cleaner("clean", str(page))
    assert one.returncode == 0 and expected("0174")["must_keep"][0] in flat(one.stdout)
    assert one.stderr == ""
    piped = cleaner("clean", "-", "-f", "md", stdin=page.read_bytes())
    assert piped.returncode == 0 and piped.stdout.startswith("# Tutoring was supposed")
    assert cleaner("clean", str(corpus / "site")).returncode == 2  # a folder needs -o or jsonl
    assert cleaner("clean", str(page), "--disable", "no_such_filter").returncode == 2
    assert cleaner("clean", str(page), "--set", "navigation.no_such_option=3").returncode == 2
    assert cleaner("clean", str(page), "--drop", "*", "div[").returncode == 2
    assert cleaner("clean", str(page), "--jobs", "0").returncode == 2
    assert cleaner("clean", str(page), "-o", str(page)).returncode == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("disable = 'icons'\n")
    assert cleaner("clean", str(page), "--config", str(bad)).returncode == 2
    failed = cleaner("clean", str(corpus / "logo.html"))
    assert failed.returncode == 1 and "NotAPage" in failed.stderr
    slow = cleaner("clean", str(page), "--timeout", "0.001")
    assert slow.returncode == 1 and "Timeout" in slow.stderr and slow.stdout == ""


def test_config_file_and_command_line_shape_the_pipeline(corpus: Path, tmp_path: Path) -> None:
    page = corpus / "site" / "0174.html"
    keep = expected("0174")["must_keep"]
    config = tmp_path / "cleaner.toml"
    config.write_text(
        'disable = ["captions"]\n'
        "[filters.navigation]\nmax_box_words = 50\n"
        "[site_rules]\n"
        f'"hechingerreport.org" = ["//p[contains(., \'{keep[0][:40]}\')]"]\n'
        '"other.example" = ["p"]\n'
    )
    listing = cleaner("filters", "--config", str(config)).stdout.splitlines()
    assert listing[0].startswith("site_rules") and "hechingerreport.org" in listing[0]
    assert any(line.startswith("navigation") and "max_box_words=50" in line for line in listing)
    assert any(line.startswith("captions") and "(off)" in line for line in listing)
    run = cleaner("clean", str(page), "--config", str(config), "--drop", "*", "h2", "-f", "json", "--audit")
    record = json.loads(run.stdout)
    assert keep[0] not in flat(record["text"]) and keep[-1] in flat(record["text"])
    reasons = {r["reason"] for r in record["removed"] if r["filter"] == "site_rules"}
    assert reasons == {f"site rule //p[contains(., '{keep[0][:40]}')]", "site rule h2"}


def test_the_extractor_and_the_block_model_are_chosen_on_the_command_line_or_in_the_config(tmp_path: Path) -> None:
    page = SAMPLES / "html" / "2862.html"
    spec = json.loads(MODEL_PATH.read_text("utf-8"))
    (tmp_path / "everything.json").write_text(json.dumps({**spec, "baseline": 50.0}))  # calls every block content
    (tmp_path / "cleaner.toml").write_text('model = "everything.json"\n')  # read from the config file's folder
    shipped = cleaner("clean", str(page)).stdout
    for args in (["--model", str(tmp_path / "everything.json")], ["--config", str(tmp_path / "cleaner.toml")]):
        run = cleaner("clean", str(page), *args)
        assert run.returncode == 0 and len(run.stdout) > len(shipped) + 500, args
    rules = cleaner("clean", str(page), "--extractor", "trafilatura")
    assert rules.returncode == 0 and "Go has the usual mechanisms for control flow" in rules.stdout
    # on this page both extractors now keep the same text (code with its lines, as trafilatura does): the choice
    # shows on a page where they differ
    table_page = str(SAMPLES / "html" / "0608.html")
    assert cleaner("clean", table_page, "--extractor", "trafilatura").stdout != cleaner("clean", table_page).stdout
    missing = cleaner("clean", str(page), "--model", str(tmp_path / "missing.json"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_favor_is_chosen_on_the_command_line_or_in_the_config(tmp_path: Path) -> None:
    page = SAMPLES / "html" / "0428.html"  # an article whose doubtful blocks the modes keep or drop
    words = {favor: len(cleaner("clean", str(page), "--favor", favor).stdout.split()) for favor in FAVORS}
    assert words["precision"] < words["balanced"] < words["recall"]
    (tmp_path / "cleaner.toml").write_text('favor = "precision"\n')
    assert (
        len(cleaner("clean", str(page), "--config", str(tmp_path / "cleaner.toml")).stdout.split())
        == words["precision"]
    )
    wrong = cleaner("clean", str(page), "--favor", "speed")
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr


def test_filters_lists_every_filter_in_order_with_a_description() -> None:
    run = cleaner("filters")
    assert run.returncode == 0
    names = [line.split()[0] for line in run.stdout.splitlines()]
    assert names == Pipeline().names
    assert all(len(line.split(None, 1)) == 2 for line in run.stdout.splitlines())
    script = Path(sys.executable).with_name("cleaner")
    if script.exists():
        assert subprocess.run([script, "filters"], capture_output=True, text=True, check=False).stdout == run.stdout


def many_inputs(root: Path, copies: int) -> Path:
    """`copies` rounds of the sample pages and text dumps, each round in its own folder."""
    for n in range(copies):
        folder = root / f"round{n}"
        folder.mkdir(parents=True)
        for path in sorted((SAMPLES / "html").glob("*.html"))[:8] + sorted((SAMPLES / "text").glob("0*.txt"))[:4]:
            shutil.copy(path, folder / path.name)
    return root


def wait_for_outputs(out: Path, count: int, proc: subprocess.Popen[str], limit: float = 60) -> None:
    """Wait until `count` output files exist under OUT_DIR (fail if the process ends or time runs out first)."""
    deadline = time.monotonic() + limit
    while sum(1 for p in out.rglob("*.txt")) < count:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no outputs appeared"
        time.sleep(0.05)


def test_kill_9_midway_leaves_no_partial_file_and_rerun_completes(tmp_path: Path) -> None:
    inputs = many_inputs(tmp_path / "in", 4)  # 48 documents
    reference = tmp_path / "ref"
    assert cleaner("clean", str(inputs), "-o", str(reference), "--jobs", "2", "-q").returncode == 0
    out = tmp_path / "out"
    proc = start("clean", str(inputs), "-o", str(out), "--jobs", "1")
    wait_for_outputs(out, 6, proc)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    # every output that is there is whole: a temporary file only ever lives in the scratch folder
    partial = {name: text for name, text in outputs(out).items() if not name.startswith(".cleaner-tmp/")}
    complete = outputs(reference)
    assert 6 <= len(partial) < len(complete)
    assert all(partial[name] == complete[name] for name in partial)
    rerun = cleaner("clean", str(inputs), "-o", str(out), "--jobs", "2")
    assert rerun.returncode == 0, rerun.stderr
    assert outputs(out) == outputs(reference)
    assert not (out / ".cleaner-tmp").exists()


def child_pids(pid: int) -> list[int]:
    """The process's children, from /proc."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_a_worker_killed_midway_loses_no_document(tmp_path: Path) -> None:
    inputs = many_inputs(tmp_path / "in", 3)
    out = tmp_path / "out"
    proc = start("clean", str(inputs), "-o", str(out), "--jobs", "2")
    wait_for_outputs(out, 4, proc)
    workers = child_pids(proc.pid)
    assert workers
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert len(outputs(out)) == 36


def test_ctrl_c_stops_cleanly_with_the_summary(tmp_path: Path) -> None:
    inputs = many_inputs(tmp_path / "in", 10)  # 120 documents: the run must still be going when the signal lands
    out = tmp_path / "out"
    proc = start("clean", str(inputs), "-o", str(out), "--jobs", "2")
    wait_for_outputs(out, 10, proc)  # well into the run, past the pool's start-up
    status = Path(f"/proc/{proc.pid}/status")
    masks = [line for line in status.read_text().splitlines() if line.startswith("Sig")] if status.exists() else []
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, (masks, stderr[-2000:])  # the signal masks say whether SIGINT was deaf
    assert "interrupted:" in stderr and "Traceback" not in stderr
    assert 10 <= len(outputs(out)) < 120
    assert not (out / ".cleaner-tmp").exists()


def test_links_planted_in_out_dir_are_never_written_through(tmp_path: Path) -> None:
    page = sorted((SAMPLES / "html").glob("*.html"))[0]
    crawl = tmp_path / "crawl"
    (crawl / "sub").mkdir(parents=True)
    (crawl / "sub" / page.name).write_bytes(page.read_bytes())
    (crawl / page.name).write_bytes(page.read_bytes())
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.json").write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside, target_is_directory=True)  # a folder of the outputs is a link elsewhere
    (out / f"{page.stem}.json").symlink_to(outside / "victim.json")  # an output file is a link elsewhere
    proc = cleaner("clean", str(crawl), "-o", str(out), "-f", "json", "-q")
    assert proc.returncode == 1, proc.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["victim.json"]
    assert (outside / "victim.json").read_text() == "keep me"
    assert not (out / f"{page.stem}.json").is_symlink()  # the link was replaced by the output, not followed
    assert json.loads((out / f"{page.stem}.json").read_text("utf-8"))["text"]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert [Path(e["path"]).parent.name for e in errors] == ["sub"]
    assert "symbolic link" in errors[0]["message"]


@pytest.mark.parametrize("name, fmt", [("errors.jsonl", "json"), ("articles.jsonl", "jsonl")])
def test_a_log_or_jsonl_output_that_is_a_link_is_refused(tmp_path: Path, name: str, fmt: str) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text('{"source": "x"}\npartial')
    out = tmp_path / "out"
    out.mkdir()
    (out / name).symlink_to(victim)
    proc = cleaner("clean", str(SAMPLES / "html"), "-o", str(out), "-f", fmt, "-q")
    assert proc.returncode == 2, proc.stderr
    assert "symbolic link" in proc.stderr
    assert victim.read_text() == '{"source": "x"}\npartial'


def test_html_output_and_links_and_images_flags(tmp_path: Path) -> None:
    page = str(SAMPLES / "html" / "0522.html")  # a forum thread with links and photos
    document = lxml.html.document_fromstring(cleaner("clean", page, "--format", "html").stdout)
    assert document.findtext(".//head/title") and document.find(".//body/article/h1") is not None
    assert not document.xpath("//a | //img")
    linked = lxml.html.document_fromstring(cleaner("clean", page, "--format", "html", "--links", "--images").stdout)
    assert linked.xpath("//article//a/@href") and linked.xpath("//article//figure/img/@src")
    markdown = cleaner("clean", page, "--format", "md", "--images").stdout
    assert "![" in markdown and "](http" in markdown
    data = json.loads(cleaner("clean", page, "--format", "json", "--images").stdout)
    assert any(item.get("images") for item in data["body"])
    assert "body" not in json.loads(cleaner("clean", page, "--format", "json").stdout)
    out = tmp_path / "out"
    assert cleaner("clean", page, "-o", str(out), "--format", "html", "-q").returncode == 0
    assert (out / "0522.html").read_text("utf-8").startswith("<!DOCTYPE html>")
