"""The package's layout: one folder per stage, and no stage importing back up into the pipeline or into a stage that
imports it (what `docs/pipeline.md` promises a reader of the tree)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import cleaner

PACKAGE = Path(cleaner.__file__).parent
STAGES = ("load", "metadata", "extract", "text", "filters", "render", "shared")


def _imports() -> dict[str, set[str]]:
    """For each stage folder, the top-level parts of `cleaner` its modules import when they load (imports made only
    for type checking left out)."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[0] not in STAGES:
            continue
        package = list(parts[:-1])
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                node.body = []
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[: len(package) - (node.level - 1)]
                target = base + (node.module.split(".") if node.module else [a.name for a in node.names][:1])
                if target and target[0] != parts[0]:
                    found[parts[0]].add(target[0])
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("cleaner."):
                found[parts[0]].add(node.module.split(".")[1])
    return found


def test_no_stage_imports_the_pipeline_or_the_public_api() -> None:
    imports = _imports()
    assert set(imports) >= {"load", "metadata", "extract", "text", "filters", "render"}
    for stage, targets in imports.items():
        assert not targets & {"pipeline", "__init__", "cli", "integrations"}, (stage, targets)


def test_stages_import_each_other_without_a_cycle() -> None:
    imports = {stage: {t for t in targets if t in STAGES} for stage, targets in _imports().items()}
    done: set[str] = set()

    def visit(stage: str, path: tuple[str, ...]) -> None:
        assert stage not in path, f"import cycle: {' -> '.join((*path, stage))}"
        if stage in done:
            return
        for target in imports.get(stage, ()):
            visit(target, (*path, stage))
        done.add(stage)

    for stage in imports:
        visit(stage, ())
