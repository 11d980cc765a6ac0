"""The site_rules filter on a real page: rules apply to the page's host and its subdomains, or to every site."""

from pathlib import Path

import pytest

from cleaner import Pipeline

PAGE = Path(__file__).resolve().parent.parent / "samples" / "html" / "0174.html"
pytestmark = pytest.mark.skipif(not PAGE.exists(), reason="samples/ is missing")
CREDIT = "Credit: Eric Thayer/Associated Press"


def removed_by_rules(rules: dict, url: str) -> list[str]:
    pipeline = Pipeline()
    pipeline.configure("site_rules", rules=rules)
    article = pipeline.clean(PAGE.read_bytes(), url=url)
    return [r.reason for r in article.removed if r.filter == "site_rules"]


def test_rules_apply_to_the_host_and_its_subdomains_only() -> None:
    rules = {"hechingerreport.org": ["figcaption", "//h2"]}
    assert removed_by_rules(rules, "https://hechingerreport.org/a/")
    assert removed_by_rules(rules, "https://www.hechingerreport.org/a/")
    assert not removed_by_rules(rules, "https://nothechingerreport.org/a/")
    assert not removed_by_rules(rules, "https://example.org/a/")


def test_star_applies_everywhere_and_nested_matches_are_recorded_once() -> None:
    pipeline = Pipeline()
    pipeline.configure("site_rules", rules={"*": ["main", "figcaption .image-credit"]})
    article = pipeline.clean(PAGE.read_bytes(), url="https://example.org/")
    texts = [r.text for r in article.removed if r.filter == "site_rules"]
    assert sum(CREDIT in " ".join(t.split()) for t in texts) == 1
    assert CREDIT not in article.text


def test_the_default_pipeline_has_site_rules_first_and_idle() -> None:
    pipeline = Pipeline()
    assert pipeline.names[0] == "site_rules"
    article = pipeline.clean(PAGE.read_bytes())
    assert not [r for r in article.removed if r.filter == "site_rules"]


def test_a_bad_selector_fails_when_the_filter_is_built() -> None:
    with pytest.raises(ValueError, match="invalid selector"):
        Pipeline().configure("site_rules", rules={"*": ["//p[@"]})
