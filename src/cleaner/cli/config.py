"""Pipeline settings from a TOML file and the command line, as a picklable spec each worker builds its Pipeline from."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..pipeline import Pipeline
from .args import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_TOP_KEYS = {"disable", "filters", "site_rules", "extractor", "model", "favor"}


@dataclass(frozen=True)
class PipelineSpec:
    """Which built-in filters to drop, options per filter, per-site drop rules, the input size limit, the extractor,
    the block model file (None: the shipped one) and what the keep rules favor."""

    disable: tuple[str, ...] = ()
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    site_rules: dict[str, list[str]] = field(default_factory=dict)
    max_bytes: int | None = None
    extractor: str = "learned"
    model: str | None = None
    favor: str = "balanced"


def build_pipeline(spec: PipelineSpec) -> Pipeline:
    """The default pipeline changed as the spec says; KeyError/TypeError/ValueError on a wrong name or option."""
    pipeline = Pipeline(max_bytes=spec.max_bytes, extractor=spec.extractor, model=spec.model, favor=spec.favor)
    for name in spec.disable:
        pipeline.remove(name)
    for name, options in spec.options.items():
        pipeline.configure(name, **options)
    if spec.site_rules:
        pipeline.configure("site_rules", rules=spec.site_rules)
    return pipeline


def spec_from_args(args: argparse.Namespace) -> PipelineSpec:
    """The spec from `--config` then `--disable`, `--set`, `--drop`, `--extractor`, `--model` and `--favor` (the command
    line adds to the file, or overrides it)."""
    table = _read_toml(Path(args.config)) if args.config else {}
    disable = list(table.get("disable", []))
    options: dict[str, dict[str, Any]] = {name: dict(opts) for name, opts in table.get("filters", {}).items()}
    rules: dict[str, list[str]] = {host: _selectors(host, s) for host, s in table.get("site_rules", {}).items()}
    disable += [name.strip() for value in args.disable for name in value.split(",") if name.strip()]
    for setting in args.settings:
        name, option, value = _parse_setting(setting)
        options.setdefault(name, {})[option] = value
    for host, selector in args.drop:
        rules.setdefault(host, []).append(selector)
    spec = PipelineSpec(
        tuple(dict.fromkeys(disable)),
        options,
        rules,
        getattr(args, "max_bytes", None),
        args.extractor or table.get("extractor", "learned"),
        args.model or _config_model(args, table),
        args.favor or table.get("favor", "balanced"),
    )
    try:
        build_pipeline(spec)
    except KeyError as err:
        raise UsageError(err.args[0]) from None
    except (TypeError, ValueError) as err:
        raise UsageError(str(err)) from None
    return spec


def _config_model(args: argparse.Namespace, table: dict[str, Any]) -> str | None:
    """The config file's model path, read from the config file's folder when relative."""
    return str(Path(args.config).parent / table["model"]) if "model" in table else None


def _read_toml(path: Path) -> dict[str, Any]:
    """The config file's table, checked for unknown keys and wrong types."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise UsageError(f"cannot read config {path}: {err.strerror or err}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise UsageError(f"config {path} is not valid TOML: {err}") from None
    unknown = set(table) - _TOP_KEYS
    if unknown:
        raise UsageError(f"config {path}: unknown key(s) {sorted(unknown)}; known: {sorted(_TOP_KEYS)}")
    disable = table.get("disable", [])
    if not isinstance(disable, list) or not all(isinstance(name, str) for name in disable):
        raise UsageError(f"config {path}: 'disable' must be a list of filter names")
    for key in ("extractor", "model", "favor"):
        if not isinstance(table.get(key, ""), str):
            raise UsageError(f"config {path}: '{key}' must be a string")
    for key in ("filters", "site_rules"):
        if not isinstance(table.get(key, {}), dict):
            raise UsageError(f"config {path}: [{key}] must be a table")
    if not all(isinstance(opts, dict) for opts in table.get("filters", {}).values()):
        raise UsageError(f"config {path}: each [filters.NAME] must be a table of options")
    return table


def _selectors(host: str, value: Any) -> list[str]:
    """A host's selectors from the config: one string or a list of strings."""
    selectors = [value] if isinstance(value, str) else value
    if not isinstance(selectors, list) or not all(isinstance(s, str) for s in selectors):
        raise UsageError(f"site_rules for {host!r} must be a selector or a list of selectors")
    return selectors


def _parse_setting(setting: str) -> tuple[str, str, Any]:
    """`FILTER.OPTION=VALUE` split, VALUE read as a TOML value when it is one and as a string otherwise."""
    target, sep, raw = setting.partition("=")
    name, dot, option = target.strip().partition(".")
    if not (sep and dot and name and option):
        raise UsageError(f"--set takes FILTER.OPTION=VALUE, not {setting!r}")
    try:
        value = tomllib.loads(f"value = {raw}")["value"]
    except tomllib.TOMLDecodeError:
        value = raw
    return name, option.strip(), value
