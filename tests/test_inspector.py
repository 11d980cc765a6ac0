"""The inspector page in a real browser: headless Chromium (Debian's, installed by .ci/run) driven by Playwright
loads a sample page into the inspector served by a real `cleaner serve`, and the article, the removed blocks
coloured by filter with their reasons, the filter counts and the metadata render."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the service needs the extra: pip install 'article-cleaner[server]'")
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs playwright (the test extra)")

from .conftest import SAMPLES  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# as this machine's notes say: no sandbox as root, no background networking on a closed network
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def inspect_in_browser(base: str, html: str, screenshot: Path) -> dict:
    """Load the inspector, paste `html`, clean it, wait for the view; what it shows, and a screenshot."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(base + "/")
        page.fill("#source", html)
        page.click("#run")
        page.wait_for_selector(".block.removed", timeout=60_000)
        shown = {
            "kept": page.locator(".block.kept").count(),
            "removed": page.locator(".block.removed").count(),
            "filters": page.locator("#legend span").all_inner_texts(),
            "reasons": [page.locator(".block.removed").nth(i).get_attribute("title") for i in range(5)],
            "title": page.locator("#meta tr").first.inner_text(),
            "article": page.locator("#article").inner_text(),
            "scripts": page.locator("#blocks script, #article script").count(),
        }
        page.screenshot(path=str(screenshot), full_page=False)
        browser.close()
    return shown


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (installed by .ci/run)")
def test_the_inspector_shows_the_article_and_every_removed_block_with_its_filter(server: str, tmp_path: Path) -> None:
    html = (SAMPLES / "html" / "0221.html").read_text("utf-8")
    shown = inspect_in_browser(server, html, tmp_path / "inspector.png")
    assert shown["kept"] > 10 and shown["removed"] > 50
    names = {chip.rsplit(" ", 1)[0] for chip in shown["filters"]}
    assert {"extractor", "navigation", "prompts"} <= names
    assert all(reason and ": " in reason for reason in shown["reasons"])
    assert shown["title"].startswith("title") and "weight loss drugs" in shown["title"]
    assert "When HCA Healthcare" in shown["article"]
    assert shown["scripts"] == 0  # the page's text is shown as text, never as markup
    assert (tmp_path / "inspector.png").stat().st_size > 10_000
    if os.environ.get("CLEANER_DOCS_SCREENSHOT"):  # refresh the screenshot in docs/service.md
        shutil.copy(tmp_path / "inspector.png", Path(__file__).resolve().parents[1] / "docs" / "inspector.png")
