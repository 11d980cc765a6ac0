"""The HTTP service, as a real `cleaner serve` process on loopback: answers, error answers, hostile bodies mixed
into concurrent requests, and a server that still answers afterwards."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette", reason="the service needs the extra: pip install 'article-cleaner[server]'")
pytest.importorskip("uvicorn", reason="the service needs the extra: pip install 'article-cleaner[server]'")

from . import hostile
from .conftest import SAMPLES, running_server
from .conftest import SERVICE_MAX_BYTES as MAX_BYTES


def post(url: str, body: bytes, content_type: str = "text/html", timeout: float = 120) -> tuple[int, str, bytes]:
    """(status, content type, body) of a POST; error statuses are answers too."""
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


def page(name: str) -> bytes:
    return (SAMPLES / "html" / f"{name}.html").read_bytes()


def test_a_page_is_cleaned_into_each_format(server: str) -> None:
    expected = json.loads((SAMPLES / "expected" / "0221.json").read_text("utf-8"))
    status, ctype, body = post(server + "/v1/clean?audit=1&url=" + expected["url"], page("0221"))
    article = json.loads(body)
    assert status == 200 and ctype.startswith("application/json")
    assert all(phrase in article["text"] for phrase in expected["must_keep"])
    assert article["url"] == expected["url"] and article["title"] and article["removed"]
    status, ctype, body = post(server + "/v1/clean?format=md", page("0221"))
    assert status == 200 and ctype.startswith("text/markdown") and body.startswith(b"# ")
    status, ctype, body = post(server + "/v1/clean?format=txt", page("0221"))
    assert status == 200 and ctype.startswith("text/plain") and body.decode() == article["text"]
    status, ctype, body = post(server + "/v1/clean?format=html&links=1", page("0221"))
    fragment = lxml.html.fragment_fromstring(body.decode())
    assert status == 200 and ctype.startswith("text/html") and fragment.tag == "article"
    assert fragment.xpath(".//a/@href") and not fragment.xpath(".//script | .//@*[starts-with(name(), 'on')]")
    wrapped = json.dumps({"html": page("0221").decode(), "url": expected["url"]}).encode()
    status, _, body = post(server + "/v1/clean", wrapped, "application/json")
    assert status == 200 and json.loads(body)["text"] == article["text"]
    dump = (SAMPLES / "text" / "0428.txt").read_bytes()
    status, _, body = post(server + "/v1/clean", dump, "text/plain")
    assert status == 200 and json.loads(body)["format"] == "text"


def test_bad_requests_get_a_json_error_naming_it(server: str) -> None:
    cases = [
        ("/v1/clean", b"\x89PNG\r\n\x1a\n" + bytes(300), "application/octet-stream", 422, "NotAPage"),
        ("/v1/clean?format=pdf", page("0221"), "text/html", 400, "BadParameter"),
        ("/v1/clean?audit=maybe", page("0221"), "text/html", 400, "BadParameter"),
        ("/v1/clean", b"{not json", "application/json", 400, "BadRequest"),
        ("/v1/clean", b'{"html": 5}', "application/json", 400, "BadRequest"),
        ("/v1/clean", b"<p>" * (MAX_BYTES // 3 + 1), "text/html", 413, "InputTooLarge"),
    ]
    for path, body, ctype, status, error in cases:
        got, got_type, answer = post(server + path, body, ctype)
        assert (got, json.loads(answer)["error"]) == (status, error), path
        assert got_type.startswith("application/json")


def test_a_page_over_the_time_limit_gets_a_timeout_answer_and_the_server_goes_on() -> None:
    with running_server(timeout=0.05) as base:
        status, ctype, answer = post(base + "/v1/clean", page("0401"))
        assert (status, json.loads(answer)["error"]) == (422, "Timeout") and ctype.startswith("application/json")
        assert urllib.request.urlopen(base + "/healthz", timeout=10).status == 200


def test_hostile_bodies_among_concurrent_requests_are_all_answered(server: str, tmp_path: Path) -> None:
    hostile_pages = [
        hostile.elements_99k(tmp_path),
        hostile.nesting_100k(tmp_path),
        hostile.billion_laughs(tmp_path),
        hostile.page_30mb(tmp_path),
        hostile.svg_million_titles(tmp_path),
        hostile.html_broken_paragraphs(tmp_path),
    ]
    normal = sorted((SAMPLES / "html").glob("*.html"))[:10]
    bodies = [p.read_bytes() for p in hostile_pages] + [p.read_bytes() for p in normal]
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda body: post(server + "/v1/clean", body), bodies * 2))
    statuses = [status for status, _, _ in answers]
    assert len(answers) == 2 * len(bodies) and set(statuses) <= {200, 413, 422}, statuses
    assert all(json.loads(body) for _, _, body in answers)  # every answer is a JSON document
    assert statuses[len(hostile_pages) :][: len(normal)] == [200] * len(normal)  # the normal pages were cleaned
    with urllib.request.urlopen(server + "/healthz", timeout=10) as health:
        assert json.loads(health.read())["status"] == "ok"
    assert post(server + "/v1/clean", page("0279"))[0] == 200


def test_the_openapi_description_and_the_inspector_page_are_served(server: str) -> None:
    with urllib.request.urlopen(server + "/openapi.json", timeout=10) as answer:
        spec = json.loads(answer.read())
    assert {"/v1/clean", "/v1/inspect", "/healthz"} <= set(spec["paths"])
    assert spec["paths"]["/v1/clean"]["post"]["responses"]["413"]
    with urllib.request.urlopen(server + "/", timeout=10) as answer:
        assert b"cleaner inspector" in answer.read()


def test_the_inspect_view_lists_the_pages_blocks_kept_and_removed_in_order(server: str) -> None:
    status, _, body = post(server + "/v1/inspect", page("0221"))
    view = json.loads(body)
    assert status == 200 and view["text"]
    kept = [b["text"] for b in view["blocks"] if b["status"] == "kept"]
    removed = {b["filter"] for b in view["blocks"] if b["status"] == "removed"}
    assert kept and "extractor" in removed and len(removed) > 1
    first_kept = view["text"].split("\n\n")[0]
    assert any(first_kept.startswith(text) or text in first_kept for text in kept[:3])
