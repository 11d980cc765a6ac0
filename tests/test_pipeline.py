"""The pipeline is pluggable: filters are listed, added (by API or entry point), removed, reordered, configured."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cleaner import Block, Document, Filter, Pipeline, clean_article
from cleaner.registry import builtin_filters


class DropSentencesWith(Filter):
    """Test filter: drops body blocks that contain a given word."""

    name = "drop_word"
    defaults = {"word": "Tajik"}

    def judge(self, block: Block, index: int, doc: Document) -> str | None:
        return f"mentions {self.options['word']}" if self.options["word"] in block.text else None


class Stamp(Filter):
    """Test filter: appends its mark to the last block, so the order of two stamps shows in the text."""

    name = "stamp"
    defaults = {"mark": "A"}

    def apply(self, doc: Document) -> None:
        doc.blocks[-1].text += f" [{self.options['mark']}]"


class StampB(Stamp):
    """Test filter: a second stamp, so two can sit in one pipeline."""

    name = "stamp_b"


def test_default_pipeline_lists_every_builtin_in_order() -> None:
    pipeline = Pipeline()
    assert pipeline.names == list(builtin_filters())
    assert {
        "icons",
        "media_promos",
        "contributors",
        "disclaimers",
        "duplicate_headings",
        "navigation",
        "prompts",
        "paragraph_repair",
        "byline",
        "captions",
    } <= set(pipeline.names)
    assert all(f.description() for f in pipeline)


def test_filter_added_through_the_api_runs_and_is_recorded(seed_article: str) -> None:
    pipeline = Pipeline()
    pipeline.add(DropSentencesWith(word="Taliban"), after="boilerplate")
    article = pipeline.clean(seed_article)
    assert "Taliban" not in article.text
    assert any(r.filter == "drop_word" and r.reason == "mentions Taliban" for r in article.removed)
    assert len(article.text.split("\n\n")) == 12


def test_builtin_removed_by_name_stops_working(seed_republished: str) -> None:
    pipeline = Pipeline()
    pipeline.remove("boilerplate")  # the line classifier would take the disclaimer as boilerplate too
    removed = pipeline.remove("disclaimers")
    assert removed.name == "disclaimers" and "disclaimers" not in pipeline.names
    assert "The views expressed in opinion pieces" in pipeline.clean(seed_republished).text
    with pytest.raises(KeyError, match="no filter named 'disclaimers'"):
        pipeline.remove("disclaimers")


def test_order_is_respected(seed_article: str) -> None:
    pipeline = Pipeline([])
    pipeline.add(Stamp(mark="A"))
    pipeline.add(StampB(mark="B"), before="stamp")
    assert pipeline.names == ["stamp_b", "stamp"]
    assert pipeline.clean(seed_article).text.endswith("richmoncrieff [B] [A]")


def test_configure_changes_a_filters_options(seed_article: str) -> None:
    pipeline = Pipeline([DropSentencesWith()])
    assert "Tajik" not in pipeline.clean(seed_article).text
    pipeline.configure("drop_word", word="Rahmon")
    text = pipeline.clean(seed_article).text
    assert "Rahmon" not in text and "Tajik" in text
    with pytest.raises(TypeError, match="has no option"):
        pipeline.configure("drop_word", colour="red")


def test_pipeline_passed_to_clean_article(seed_article: str) -> None:
    assert "Taliban" not in clean_article(seed_article, pipeline=Pipeline([DropSentencesWith(word="Taliban")])).text


def test_filter_registered_through_an_entry_point(tmp_path: Path, seed_article: str) -> None:
    """An installed distribution advertises a filter in `cleaner.filters`; it is then added by name."""
    package = tmp_path / "cleaner_plugin_demo"
    package.mkdir()
    (package / "__init__.py").write_text(
        textwrap.dedent('''
        from cleaner import Filter

        class ShoutFilter(Filter):
            """Upper-cases every block (a demo plugin)."""
            name = "shout"
            defaults = {}

            def apply(self, doc):
                for block in doc.blocks:
                    block.text = block.text.upper()
    ''')
    )
    dist = tmp_path / "cleaner_plugin_demo-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: cleaner-plugin-demo\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[cleaner.filters]\nshout = cleaner_plugin_demo:ShoutFilter\n")
    script = textwrap.dedent("""
        import json, sys
        from cleaner import Pipeline
        from cleaner.registry import available
        pipeline = Pipeline()
        pipeline.add("shout", after="trailing_headings")
        article = pipeline.clean(sys.stdin.read())
        print(json.dumps({"known": "shout" in available(), "names": pipeline.names, "text": article.text[:40]}))
    """)
    env_path = f"{tmp_path}"
    out = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {env_path!r}); exec({script!r})"],
        input=seed_article,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(out.stdout)
    assert result["known"] is True
    assert result["names"][-1] == "shout"
    assert result["text"].startswith("THE APPEARANCE OF COLONEL")


def test_favor_trades_boilerplate_for_content_on_html_and_text() -> None:
    """Precision keeps fewer words than balanced, recall more, on pages and text dumps alike (not a strict subset:
    a heading that loses its section under precision can stay as the end of what is left)."""
    samples = Path(__file__).resolve().parent.parent / "samples"
    pages = [samples / "html" / f"{n}.html" for n in ("0174", "0221", "0428")] + [samples / "text" / "0428.txt"]
    pipelines = {favor: Pipeline(favor=favor) for favor in ("precision", "balanced", "recall")}
    for page in pages:
        words = {favor: len(p.clean(page.read_bytes()).text.split()) for favor, p in pipelines.items()}
        assert words["precision"] <= words["balanced"] <= words["recall"], (page.name, words)
        assert words["precision"] < words["recall"], (page.name, words)
    with pytest.raises(ValueError, match="favor must be one of"):
        Pipeline(favor="fast")


def test_unknown_filter_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known filters: .*icons"):
        Pipeline().add("no_such_filter")
