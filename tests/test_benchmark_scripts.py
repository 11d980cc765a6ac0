"""Every script in benchmarks/ starts: its imports of the package resolve and its command line parses (`--help`).

The scripts are not imported by the library, so a renamed or removed function they use would otherwise only show
when someone next runs a benchmark.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

SCRIPTS = sorted((ROOT / "benchmarks").glob("*.py"))
OPTIONAL = {"fuzz.py": "atheris"}  # scripts that need a tool the test install does not have


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_benchmark_script_answers_help(script: Path) -> None:
    needed = OPTIONAL.get(script.name)
    if needed and importlib.util.find_spec(needed) is None:
        pytest.skip(f"{script.name} needs {needed}")
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage:" in done.stdout
